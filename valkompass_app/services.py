"""Process-wide services the pages share: the class-room store and the app's own address."""

from __future__ import annotations

import streamlit as st

from quiz.classroom import ClassroomStore


@st.cache_resource(show_spinner=False)
def get_store() -> ClassroomStore:
    """One store per process; rooms live in the database, so every process sees every room."""
    store = ClassroomStore.from_env()
    store.purge_expired()
    return store


def base_url() -> str:
    """The address of the app as the browser sees it, without the query string."""
    return (st.context.url or "").split("?")[0]
