"""A statement's quotes: each party's stance and its own words, with the programme they come from."""

from __future__ import annotations

import streamlit as st

from valkompass_app.state import View, escape
from valkompass_app.strings import t


def render_quotes(view: View, statement_id: str) -> None:
    quiz, lang = view.quiz, view.lang
    statement = quiz.statement(statement_id)
    for party in view.parties:
        name = quiz.parties[party].name.get(lang)
        position = statement.positions.get(party)
        if position is None:
            st.markdown(f"**{escape(name)}**: _{t('no_position', lang)}_")
            continue
        label = quiz.weights.scale.label(position.stance).get(lang)
        source = quiz.sources[position.source]
        st.markdown(f"**{escape(name)}** · {escape(t('stance_label', lang, label=label))}")
        st.markdown("> " + escape(position.quote))
        st.caption(escape(t("quote_from", lang, title=source.title, year=source.year, file=source.file)))
        if position.note:
            st.caption(escape(t("editor_note", lang, note=position.note)))
