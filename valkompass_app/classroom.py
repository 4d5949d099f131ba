"""Class mode in the app: class links, joining with a code, creating a room, a pupil's submission.

A pupil's anonymous key lives in the pupil's own address (`?class=CODE&k=KEY`), never on the server
beside the answers (the server keeps only its hash), so a reload, Back, a second tab with the same
address or a server restart counts the pupil once. A teacher's control link (`?teacher=TOKEN`)
stays in the address bar of the teacher's own device; the projector gets `?board=VIEW_TOKEN`.
"""

from __future__ import annotations

import hashlib
import ipaddress
import re
import secrets

import streamlit as st

from quiz.classroom import ClassroomError, Room, SlidingWindow, changed, fingerprint, fit, format_code
from quiz.languages import CODES, LANGUAGES, language
from quiz.model import Answers, Quiz
from valkompass_app.catalog import entries
from valkompass_app.params import Params
from valkompass_app.services import get_store
from valkompass_app.state import View, go, reset_answers
from valkompass_app.strings import t

PUPIL_KEY = re.compile(r"[A-Za-z0-9_-]{16,64}")
MAX_TOKEN = 100
# Per-client limits, in this process's memory only (quiz.classroom.limits). The store's own limit
# is a much higher ceiling for the whole service, so no one client can lock other teachers out.
CREATIONS_PER_ADDRESS = SlidingWindow(limit=10, seconds=600)
CREATIONS_PER_SESSION = SlidingWindow(limit=3, seconds=600)
SUBMISSIONS_PER_SESSION = SlidingWindow(limit=10, seconds=60)


def open_class_links(params: Params) -> None:
    """On the first run of a session: a projector link, a control link, or a pupil's class link.
    A teacher or projector link wins over a class link in the same address."""
    if params.board:
        st.session_state.board_token = params.board[:MAX_TOKEN]
        go("teacher")
    elif params.teacher:
        st.session_state.teacher_token = params.teacher[:MAX_TOKEN]
        go("teacher")
    elif params.class_code:
        join_class(st.session_state.lang, params.class_code, params.pupil_key)


def current_room() -> Room | None:
    """The room whose quiz this session shows: the pupil's, else the teacher's or projector's."""
    room = st.session_state.get("class_room")
    if room is None and st.session_state.get("page") == "teacher":
        room = dashboard_room()
    return room


def dashboard_room() -> Room | None:
    """The room of this session's projector or control link, or None for a wrong one."""
    store = get_store()
    try:
        if st.session_state.get("board_token"):
            return store.board_room(st.session_state.board_token)
        return store.teacher_room(st.session_state.get("teacher_token") or "")
    except ClassroomError:
        return None


def installed_quiz(room: Room) -> Quiz | None:
    return next((e.quiz for e in entries() if e.quiz is not None and e.quiz.id == room.quiz_id), None)


def render_class_entry(view: View) -> None:
    """On the start page: a pupil's code field, and a teacher's form for a new room."""
    lang = view.lang
    st.subheader(t("class_heading", lang))
    st.caption(t("class_intro", lang))
    with st.form("join_form", border=False, enter_to_submit=True):
        st.text_input(t("join_label", lang), key="typed_code", max_chars=20, placeholder="ABCD-EFGH")
        st.form_submit_button(t("join_button", lang), on_click=join_class, args=(lang,))
    with st.expander(t("create_heading", lang)), st.form("create_room"):
        st.multiselect(t("create_statements", lang), view.statement_ids, key="room_statements",
                       format_func=lambda sid: view.quiz.statement(sid).text.get(lang))
        st.multiselect(t("create_parties", lang), view.parties, default=view.parties, key="room_parties",
                       format_func=lambda p: view.quiz.parties[p].name.get(lang))
        st.number_input(t("create_threshold", lang), min_value=3, max_value=40, value=5, step=1,
                        key="room_threshold")
        st.number_input(t("create_class_size", lang), min_value=3, max_value=200, value=40, step=1,
                        key="room_class_size")
        st.selectbox(t("create_language", lang), CODES, index=CODES.index(language(lang).code), key="room_lang",
                     format_func=lambda code: LANGUAGES[code].name)
        st.form_submit_button(t("create_button", lang), on_click=create_room, args=(view,))


def join_class(lang: str, code: str | None = None, key: str | None = None) -> None:
    """Join the room with `code` (or the typed one) under the pupil key `key` (or a new one)."""
    typed = code if code is not None else st.session_state.get("typed_code", "")
    try:
        room = get_store().join(typed)
    except ClassroomError as error:
        st.session_state.notices = [error.message(lang)]
        return
    quiz = installed_quiz(room)
    fitted = fit(quiz, room) if quiz is not None else None
    if quiz is None or fitted is None or not fitted.statement_ids or not fitted.party_ids:
        st.session_state.notices = [t("class_quiz_gone", lang)]
        return
    if st.session_state.get("class_room") is None or st.session_state.class_room.id != room.id:
        reset_answers()
    if room.lang is not None:  # the teacher's choice for the room; the pupil may switch after joining
        st.session_state.lang = lang = room.lang
    st.session_state.class_room = fitted
    if key is None or not PUPIL_KEY.fullmatch(key):
        key = secrets.token_urlsafe(16)
    st.session_state.submission_key = key
    st.session_state.notices = [t("class_quiz_changed", lang)] if changed(quiz, room) else []
    st.query_params.update({"class": room.code, "k": key})
    go("question")


def create_room(view: View) -> None:
    chosen = st.session_state.room_statements or view.statement_ids
    ordered = [sid for sid in view.statement_ids if sid in set(chosen)]
    if not (CREATIONS_PER_SESSION.allow(_session_id()) and CREATIONS_PER_ADDRESS.allow(_client())):
        st.session_state.notices = [ClassroomError("busy").message(view.lang)]
        return
    try:
        created = get_store().create_room(
            view.quiz.id, ordered, st.session_state.room_parties, all_statements=len(view.quiz.statements),
            threshold=int(st.session_state.room_threshold), class_size=int(st.session_state.room_class_size),
            fingerprint=fingerprint(view.quiz), lang=st.session_state.get("room_lang") or view.lang)
    except ClassroomError as error:
        st.session_state.notices = [error.message(view.lang)]
        return
    st.session_state.teacher_token = created.token
    st.session_state.notices = []
    st.query_params.clear()
    st.query_params.update({"teacher": created.token, "lang": view.lang})
    go("teacher")


def leave_class() -> None:
    st.session_state.class_room = None
    for name in ("class", "k"):
        st.query_params.pop(name, None)
    reset_answers()
    go("start")


def render_pupil_banner(view: View, room: Room) -> None:
    st.info(t("in_class", view.lang, code=format_code(room.code)))


def submit_answers(view: View, room: Room, given: Answers) -> None:
    """Send the pupil's answers: once per pupil key, later changes replace them. The same answers
    are not sent again, and one session sends at most 10 changes a minute."""
    sent = (room.code, tuple(sorted(given.values.items())), tuple(sorted(given.important)))
    if st.session_state.get("last_sent") != sent:
        if not SUBMISSIONS_PER_SESSION.allow(_session_id()):
            st.warning(ClassroomError("too_fast").message(view.lang))
            return
        try:
            get_store().submit(room.code, st.session_state.submission_key, given)
        except ClassroomError as error:
            st.warning(error.message(view.lang))
            return
        st.session_state.last_sent = sent
    st.success(t("submitted", view.lang))


def _session_id() -> str:
    return str(st.session_state.setdefault("limit_id", secrets.token_hex(8)))


def _client() -> str:
    """A hash of the client's address: from our reverse proxy's X-Forwarded-For when the peer is
    the proxy (loopback or a private address), else the peer itself."""
    peer = st.context.ip_address
    peer = peer if isinstance(peer, str) and peer else "127.0.0.1"
    header = st.context.headers.get("X-Forwarded-For")
    forwarded = header.split(",")[-1].strip() if isinstance(header, str) else ""
    try:
        behind_proxy = ipaddress.ip_address(peer).is_private
    except ValueError:
        behind_proxy = False
    address = forwarded if forwarded and behind_proxy else peer
    return hashlib.sha256(address.encode("utf-8")).hexdigest()
