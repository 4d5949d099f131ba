"""The start page: what the quiz is, whose programmes, how long, and the privacy line."""

from __future__ import annotations

import math

import streamlit as st

from valkompass_app.classroom import render_class_entry
from valkompass_app.state import View, escape, go, start_over
from valkompass_app.strings import t, tn


def render_start(view: View) -> None:
    quiz, lang = view.quiz, view.lang
    st.title(escape(quiz.title.get(lang)))
    st.caption(f"{escape(quiz.region)} · {escape(quiz.election.get(lang))}")
    st.markdown(escape(quiz.description.get(lang)))
    st.markdown(f"**{t('sources_heading', lang)}**")
    for source in quiz.sources.values():
        party = quiz.parties[source.party].name.get(lang)
        st.markdown("- " + escape(t("source_line", lang, party=party, title=source.title, kind=source.kind.get(lang),
                                    year=source.year)))
    n = len(view.statement_ids)
    minutes = max(1, math.ceil(n * 8 / 60))
    st.markdown(t("duration", lang, statements=tn("statement_count", "statement_count_plural", n, lang),
                  minutes=tn("about_minutes", "about_minutes_plural", minutes, lang)))
    st.info(t("privacy", lang))
    started = bool(st.session_state.answers)
    st.button(t("continue" if started else "start", lang), type="primary", key="start_button",
              on_click=go, args=("question",))
    if started:
        st.button(t("restart", lang), key="restart_button", on_click=start_over)
    if not view.embed and st.session_state.get("class_room") is None:
        st.divider()
        render_class_entry(view)
