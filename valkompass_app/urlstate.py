"""The respondent's own answers and place in the address bar, so a reload or a discarded tab loses
nothing, and nothing is stored on the server.

    a=TOKEN   the own answers and importance flags, as a share token (`quiz.share`)
    p=PAGE    question, results, method or embed (the start page has none)
    i=N       the statement shown, counted from 1, on the question page

`r=` (a received share link) is read-only and never written here; it is dropped from the address
once the receiver leaves the shared results. The address changes only when the state does.

The browser sends its address with every rerun. After a quick tap that address can be the one from
before the last move, not yet replaced by `write_url`. So after a move made by the app itself (a
button, `state.go` or `state.moved`, which set `app_moved`), the address is not read back: only
a reload or the browser's Back and Forward buttons, which move without the app, change the page.
"""

from __future__ import annotations

import streamlit as st

from quiz.share import ShareError, decode, encode
from valkompass_app.state import PAGES, View, own_answers
from valkompass_app.strings import t

OWN = ("a", "p", "i")


def read_url(view: View, first_run: bool) -> list[str]:
    """Take page and statement from the address when it changed outside the app (a reload, the
    browser's Back button); the answers only on a session's first run. Returns notices."""
    query = {key: st.query_params.get(key) for key in OWN}
    if query == st.session_state.get("url_written") or (st.session_state.get("app_moved") and not first_run):
        return []
    st.session_state.url_written = query
    notices = _read_answers(view, query["a"]) if first_run and query["a"] else []
    if first_run and query["p"] is None:
        return notices
    page = query["p"] if query["p"] in PAGES else "start"
    if st.session_state.get("page") == "teacher":
        return notices
    st.session_state.page = page
    st.session_state.nav = page if page != "embed" else None
    if page == "question":
        st.session_state.index = _index(query["i"], len(view.statement_ids))
        st.session_state.moves = st.session_state.get("moves", 0) + 1
    return notices


def write_url(view: View) -> None:
    """Put the own answers, the page and the statement into the address (one history entry)."""
    st.session_state.app_moved = False
    current = st.query_params.to_dict()
    wanted = dict(current)
    page = st.session_state.page
    if page == "teacher":
        return
    given = own_answers(view.quiz)
    _set(wanted, "a", encode(view.quiz, given) if given.values else None)
    _set(wanted, "p", page if page in PAGES and page != "start" else None)
    _set(wanted, "i", str(st.session_state.index + 1) if page == "question" else None)
    _set(wanted, "r", wanted.get("r") if st.session_state.get("shared") is not None else None)
    _set(wanted, "lang", view.lang)
    _set(wanted, "quiz", view.quiz.id)
    if current.keys() - wanted.keys():
        st.query_params.from_dict(wanted)
    elif wanted != current:   # an answer: only `a` and `i` change, sent as one update
        st.query_params.update({key: value for key, value in wanted.items() if current.get(key) != value})
    st.session_state.url_written = {key: wanted.get(key) for key in OWN}


def _read_answers(view: View, token: str) -> list[str]:
    lang = st.session_state.lang
    try:
        saved = decode(view.quiz, token)
    except ShareError as error:
        return [t("notice_own", lang, reason=t(f"reason_{error.reason}", lang))]
    st.session_state.answers = dict(saved.values)
    st.session_state.important = set(saved.important)
    return []


def _index(value: str | None, count: int) -> int:
    number = int(value) if value is not None and value.isdigit() and len(value) < 6 else 1
    return min(max(number, 1), count) - 1


def _set(query: dict[str, str], key: str, value: str | None) -> None:
    if value is None:
        query.pop(key, None)
    else:
        query[key] = value
