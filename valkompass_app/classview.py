"""What the class sees: the anonymous summary on the dashboard, and the class results for pupils."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from quiz import charts
from quiz.classroom import ClassroomError, Room, summarise
from valkompass_app.classroom import leave_class
from valkompass_app.quotes import render_quotes
from valkompass_app.services import get_store
from valkompass_app.state import View, escape
from valkompass_app.strings import t


def render_class_results(view: View, room: Room) -> None:
    """The class's results, once the teacher reveals them."""
    lang, store = view.lang, get_store()
    try:
        current = store.shown_to_pupils(room.code)
    except ClassroomError as error:
        st.warning(error.message(lang))
        return
    st.header(t("class_results", lang))
    if not current.revealed:
        st.caption(t("class_not_revealed", lang))
        return
    render_class_summary(view, current, projector=False)
    st.button(t("leave_class", lang), key="leave_class", on_click=leave_class)


def render_class_summary(view: View, room: Room, projector: bool) -> None:
    """Aggregates only; nothing before the room's threshold is reached."""
    lang, quiz = view.lang, view.quiz
    submissions = get_store().answers(room)
    summary = summarise(quiz, room, submissions)
    st.metric(t("finished_label", lang), summary.finished)
    if not summary.unlocked:
        st.info(t("waiting", lang, threshold=summary.threshold, n=summary.finished))
        return
    if projector:
        options = [s.statement_id for s in summary.statements]
        chosen = st.selectbox(t("show_to_class", lang), [None, *options], key="projector_statement",
                              format_func=lambda sid: "–" if sid is None else quiz.statement(sid).text.get(lang))
        if chosen is not None:
            single = [s for s in summary.statements if s.statement_id == chosen]
            st.markdown(f"## {escape(quiz.statement(chosen).text.get(lang))}")
            frame = charts.distribution_frame(quiz, single, lang)
            st.altair_chart(charts.distribution_chart(frame, t("share_of_class", lang)), width="stretch")
            return
    st.subheader(t("distribution_heading", lang))
    frame = charts.distribution_frame(quiz, summary.statements, lang)
    st.altair_chart(charts.distribution_chart(frame, t("share_of_class", lang)), width="stretch")
    st.dataframe(frame.pivot(index=["row", "statement"], columns="answer", values="count").reset_index()
                 .drop(columns="row"), hide_index=True, width="stretch")
    st.subheader(t("class_average", lang))
    means = pd.DataFrame([{t("table_party", lang): quiz.parties[p].name.get(lang),
                           t("table_percent", lang): None if m is None else round(m, 1)}
                          for p, m in sorted(summary.party_means.items(), key=lambda i: -(i[1] or 0))])
    st.dataframe(means, hide_index=True, width="stretch")
    if projector:
        _render_discussion(view, room, summary.divisive, summary.consensus)


def _render_discussion(view: View, room: Room, divisive: tuple[str, ...], consensus: tuple[str, ...]) -> None:
    lang = view.lang
    st.subheader(t("discuss_heading", lang))
    for title, ids in (("divisive", divisive), ("consensus", consensus)):
        st.markdown(f"**{t(title, lang)}**")
        for statement_id in ids:
            with st.expander(escape(view.quiz.statement(statement_id).text.get(lang))):
                render_quotes(view, statement_id)
