"""The teacher's dashboard: join code and QR for the projector, live anonymous aggregates, controls."""

from __future__ import annotations

import io

import pandas as pd
import segno
import streamlit as st

from quiz import charts
from quiz.classroom import ClassroomError, Room, format_code, summarise, summary_csv
from valkompass_app.classroom import base_url, get_store
from valkompass_app.state import View, escape, go
from valkompass_app.strings import t

REFRESH_SECONDS = 3


def render_teacher(view: View) -> None:
    lang, token = view.lang, st.session_state.get("teacher_token", "")
    try:
        room = get_store().teacher_room(token)
    except ClassroomError as error:
        st.error(error.message(lang))
        return
    st.title(t("teacher_heading", lang, code=format_code(room.code)))
    _render_join_info(view, room, token)
    _live(view, room.id)
    _render_controls(view, room, token)


def _render_join_info(view: View, room: Room, token: str) -> None:
    lang = view.lang
    join_url = f"{base_url()}?class={room.code}&lang={lang}"
    code_column, qr_column = st.columns([3, 2])
    code_column.markdown(t("teacher_join", lang))
    code_column.markdown(f"# {format_code(room.code)}")
    code_column.code(join_url, language=None)
    qr = io.BytesIO()
    segno.make(join_url, error="m").save(qr, kind="png", scale=8, border=2)
    qr_column.image(qr.getvalue(), width=220)
    with st.expander(t("teacher_secret", lang)):
        st.code(f"{base_url()}?teacher={token}&lang={lang}", language=None)


@st.fragment(run_every=REFRESH_SECONDS)
def _live(view: View, room_id: int) -> None:
    """Reruns every few seconds on its own; the rest of the page stays as it is."""
    try:
        room = get_store().teacher_room(st.session_state.get("teacher_token", ""))
    except ClassroomError:
        return
    render_class_summary(view, room, projector=True)


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
    from valkompass_app.results import render_quotes

    lang = view.lang
    st.subheader(t("discuss_heading", lang))
    for title, ids in (("divisive", divisive), ("consensus", consensus)):
        st.markdown(f"**{t(title, lang)}**")
        for statement_id in ids:
            with st.expander(escape(view.quiz.statement(statement_id).text.get(lang))):
                render_quotes(view, statement_id)


def _render_controls(view: View, room: Room, token: str) -> None:
    lang, store = view.lang, get_store()
    st.divider()
    st.toggle(t("reveal", lang), value=room.revealed, key="reveal_toggle",
              on_change=lambda: store.reveal(token, st.session_state.reveal_toggle))
    if room.closed:
        st.caption(t("room_closed", lang))
    else:
        st.button(t("close_room", lang), key="close_room", on_click=store.close, args=(token,))
    def export() -> str:
        return summary_csv(view.quiz, summarise(view.quiz, room, store.answers(room)), lang)

    st.download_button(t("export", lang), export, file_name=f"klass-{room.code}.csv", mime="text/csv",
                       key="export_class", on_click="ignore")
    confirm = st.checkbox(t("delete_confirm", lang), key="delete_confirm")
    st.button(t("delete_room", lang), key="delete_room", disabled=not confirm, type="primary",
              on_click=_delete, args=(token, lang))


def _delete(token: str, lang: str) -> None:
    get_store().delete(token)
    st.session_state.teacher_token = None
    st.session_state.notices = [t("deleted", lang)]
    go("start")
