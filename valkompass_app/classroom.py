"""Class mode in the app: joining with a code, creating a room, and a pupil's anonymous submission."""

from __future__ import annotations

import secrets

import streamlit as st

from quiz.classroom import ClassroomError, Room, format_code
from quiz.model import Answers
from valkompass_app.services import get_store
from valkompass_app.state import View, go, reset_answers
from valkompass_app.strings import t


def render_class_entry(view: View) -> None:
    """On the start page: a pupil's code field, and a teacher's form for a new room."""
    lang = view.lang
    st.subheader(t("class_heading", lang))
    st.caption(t("class_intro", lang))
    st.text_input(t("join_label", lang), key="typed_code", max_chars=20, placeholder="ABCD-EFGH")
    st.button(t("join_button", lang), key="join_button", on_click=join_class, args=(lang,))
    with st.expander(t("create_heading", lang)), st.form("create_room"):
        st.multiselect(t("create_statements", lang), view.statement_ids, key="room_statements",
                       format_func=lambda sid: view.quiz.statement(sid).text.get(lang))
        st.multiselect(t("create_parties", lang), view.parties, default=view.parties, key="room_parties",
                       format_func=lambda p: view.quiz.parties[p].name.get(lang))
        st.number_input(t("create_threshold", lang), min_value=3, max_value=40, value=5, step=1,
                        key="room_threshold")
        st.form_submit_button(t("create_button", lang), on_click=create_room, args=(view,))


def join_class(lang: str, code: str | None = None) -> None:
    """Join the room with `code` (or the typed one); a bad code becomes a notice."""
    typed = code if code is not None else st.session_state.get("typed_code", "")
    try:
        room = get_store().join(typed)
    except ClassroomError as error:
        st.session_state.notices = [error.message(lang)]
        return
    if st.session_state.get("class_room") is None or st.session_state.class_room.id != room.id:
        reset_answers()
    st.session_state.class_room = room
    st.session_state.submission_key = secrets.token_urlsafe(16)
    st.session_state.notices = []
    go("question")


def create_room(view: View) -> None:
    chosen = st.session_state.room_statements or view.statement_ids
    ordered = [sid for sid in view.statement_ids if sid in set(chosen)]
    try:
        created = get_store().create_room(view.quiz.id, ordered, st.session_state.room_parties,
                                          all_statements=len(view.quiz.statements),
                                          threshold=int(st.session_state.room_threshold))
    except ClassroomError as error:
        st.session_state.notices = [error.message(view.lang)]
        return
    st.session_state.teacher_token = created.token
    st.session_state.notices = []
    go("teacher")


def leave_class() -> None:
    st.session_state.class_room = None
    reset_answers()
    go("start")


def render_pupil_banner(view: View, room: Room) -> None:
    st.info(t("in_class", view.lang, code=format_code(room.code)))


def submit_answers(view: View, room: Room, given: Answers) -> None:
    """Send the pupil's answers: once per session key, later changes replace them."""
    try:
        get_store().submit(room.code, st.session_state.submission_key, given)
        st.success(t("submitted", view.lang))
    except ClassroomError as error:
        st.warning(error.message(view.lang))
