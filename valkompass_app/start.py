"""The start page, phone first: title, how long, and "Starta" on the first screen; then what the
quiz is, whose programmes, the privacy line, class mode and embedding."""

from __future__ import annotations

import math

import streamlit as st

from valkompass_app.classroom import render_class_entry
from valkompass_app.state import View, ask_start_over, escape, go, start_over
from valkompass_app.strings import t, tn


def render_start(view: View) -> None:
    quiz, lang = view.quiz, view.lang
    st.title(escape(quiz.title.get(lang)), anchor=False)
    st.caption(f"{escape(quiz.region)} · {escape(quiz.election.get(lang))}")
    n = len(view.statement_ids)
    st.markdown(t("duration", lang, statements=tn("statement_count", "statement_count_plural", n, lang),
                  minutes=tn("about_minutes", "about_minutes_plural", max(1, math.ceil(n * 8 / 60)), lang)))
    _start_buttons(view)
    st.markdown(escape(quiz.description.get(lang)))
    st.markdown(f"**{t('sources_heading', lang)}**")
    for source in quiz.sources.values():
        party = quiz.parties[source.party].name.get(lang)
        st.markdown("- " + escape(t("source_line", lang, party=party, title=source.title, kind=source.kind.get(lang),
                                    year=source.year)))
    st.info(t("privacy", lang))
    if not view.embed and st.session_state.get("class_room") is None:
        st.divider()
        render_class_entry(view)
    if not view.embed:
        st.button(t("embed_link", lang), key="to_embed", type="tertiary", on_click=go, args=("embed",))


def _start_buttons(view: View) -> None:
    lang = view.lang
    started = any(k in set(view.statement_ids) for k in st.session_state.answers)
    if st.session_state.get("confirm_restart") and started:
        st.warning(t("restart_question", lang, n=tn("answer_count", "answer_count_plural", _answered(view), lang)))
        yes, no = st.columns(2)
        yes.button(t("restart_yes", lang), key="restart_yes", type="primary", width="stretch",
                   on_click=start_over)
        no.button(t("restart_no", lang), key="restart_no", width="stretch", on_click=_keep)
        return
    st.button(t("continue" if started else "start", lang), type="primary", key="start_button",
              on_click=go, args=("question",))
    if started:
        st.button(t("restart", lang), key="restart_button", on_click=ask_start_over)


def _answered(view: View) -> int:
    return sum(1 for k in view.statement_ids if k in st.session_state.answers)


def _keep() -> None:
    st.session_state.confirm_restart = False
