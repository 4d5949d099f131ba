"""A statement's quotes: each party's stance and its own words, with the programme they come from.

In a language for which the editors wrote a plain summary of a quote (lättläst), the summary comes
first, labelled as the editors' words; the quote itself is always the party's own, verbatim."""

from __future__ import annotations

import streamlit as st

from quiz import charts
from valkompass_app.state import View, escape
from valkompass_app.strings import t


def render_quotes(view: View, statement_id: str) -> None:
    quiz, lang = view.quiz, view.lang
    statement = quiz.statement(statement_id)
    if lang == "en":
        st.caption(t("quotes_original", lang))
    for party in view.parties:
        name = quiz.parties[party].name.get(lang)
        position = statement.positions.get(party)
        if position is None:
            st.markdown(f"**{escape(name)}** · {charts.NO_POSITION} {escape(t('no_position', lang))}")
            continue
        label = quiz.weights.scale.label(position.stance).get(lang)
        source = quiz.sources[position.source]
        st.markdown(f"**{escape(name)}** · {escape(charts.symbol(position.stance))} "
                    f"{escape(t('stance_label', lang, label=label))}")
        summary = position.summary.get(lang)  # only the language it is written in: no fallback
        if summary:
            st.markdown(f"*{escape(t('editors_summary', lang))}* {escape(summary)}")
        st.markdown("> " + escape(position.quote))
        st.caption(escape(t("quote_from", lang, title=source.title, kind=source.kind.get(lang), year=source.year)))
        if position.note:
            st.caption(escape(t("editor_note", lang, note=position.note)))
