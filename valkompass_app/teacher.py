"""The teacher's control page (`?teacher=TOKEN`, on the teacher's own device): the projector link,
how many have answered, and reveal, close, export and delete. The projector view is in board.py."""

from __future__ import annotations

import streamlit as st

from quiz.classroom import ClassroomError, Room, changed, format_code, published_summary, summary_csv
from quiz.classroom.codes import board_token
from valkompass_app.board import render_board
from valkompass_app.classview import pupils
from valkompass_app.services import base_url, get_store
from valkompass_app.state import View, go
from valkompass_app.strings import t

REFRESH_SECONDS = 3


def render_teacher(view: View) -> None:
    """The projector view for a `?board=` link, else the control page for a `?teacher=` link."""
    if st.session_state.get("board_token"):
        render_board(view)
        return
    lang, token = view.lang, st.session_state.get("teacher_token") or ""
    try:
        room = get_store().teacher_room(token)
    except ClassroomError as error:
        st.error(error.message(lang))
        return
    st.title(t("teacher_heading", lang, code=format_code(room.code)))
    st.warning(t("teacher_device", lang))
    st.caption(t("teacher_secret", lang))
    same_quiz = room.quiz_id == view.quiz.id
    if not same_quiz:
        st.error(t("class_quiz_gone", lang))
    elif changed(view.quiz, room):
        st.warning(t("class_quiz_changed", lang))
    # the projector is for the class: it speaks the room's language
    board_url = f"{base_url()}?board={board_token(token)}&lang={room.lang or lang}"
    st.link_button(t("board_link", lang), board_url, type="primary")
    st.caption(t("board_help", lang))
    st.code(board_url, language=None)
    if same_quiz:
        _status(view, token)
    _render_controls(view, room, token, same_quiz)


@st.fragment(run_every=REFRESH_SECONDS)
def _status(view: View, token: str) -> None:
    """How many have answered, and how many wait for the next published snapshot."""
    lang, store = view.lang, get_store()
    try:
        room = store.teacher_room(token)
    except ClassroomError as error:
        st.error(error.message(lang))
        return
    st.subheader(t("status_heading", lang))
    st.metric(t("finished_label", lang), store.count(room))
    summary = published_summary(store, view.quiz, room)
    if summary is None:
        st.info(t("waiting", lang, threshold=room.threshold, n=store.count(room)))
        return
    st.caption(t("snapshot_of", lang, pupils=pupils(summary.finished, lang)))
    st.caption(t("snapshot_pending", lang, pending=store.pending(room), threshold=room.threshold))


def _render_controls(view: View, room: Room, token: str, same_quiz: bool) -> None:
    lang, store = view.lang, get_store()
    st.divider()
    st.toggle(t("reveal", lang), value=room.revealed, key="reveal_toggle",
              on_change=lambda: store.reveal(token, st.session_state.reveal_toggle))
    if room.closed:
        st.caption(t("room_closed", lang))
    else:
        st.button(t("close_room", lang), key="close_room", on_click=store.close, args=(token,))
    summary = published_summary(store, view.quiz, room) if same_quiz else None
    if summary is None:
        st.caption(t("export_none", lang))
    else:
        st.download_button(t("export", lang), summary_csv(view.quiz, summary, lang),
                           file_name=f"klass-{room.code}.csv", mime="text/csv", key="export_class",
                           on_click="ignore")
    confirm = st.checkbox(t("delete_confirm", lang), key="delete_confirm")
    st.button(t("delete_room", lang), key="delete_room", disabled=not confirm, type="primary",
              on_click=_delete, args=(token, lang))


def _delete(token: str, lang: str) -> None:
    get_store().delete(token)
    st.session_state.teacher_token = None
    st.query_params.clear()
    st.session_state.notices = [t("deleted", lang)]
    go("start")
