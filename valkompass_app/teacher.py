"""The teacher's dashboard: join code and QR for the projector, live anonymous aggregates, controls."""

from __future__ import annotations

import io

import segno
import streamlit as st

from quiz.classroom import ClassroomError, Room, format_code, summarise, summary_csv
from valkompass_app.classview import render_class_summary
from valkompass_app.services import base_url, get_store
from valkompass_app.state import View, go
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
