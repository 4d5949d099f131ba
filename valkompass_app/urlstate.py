"""The respondent's own answers and place in the address bar, so a reload or a discarded tab loses
nothing, and nothing is stored on the server.

    a=TOKEN   the own answers and importance flags, as a share token (`quiz.share`)
    p=PAGE    question, results, method or embed (the start page has none)
    i=N       the statement shown, counted from 1, on the question page

`r=` (a received share link) is read-only and never written here; it is dropped from the address
once the receiver leaves the shared results. The address changes only when the state does.

A full run writes the address through `st.query_params`. An answer on the card (a fragment run)
sends no address of its own: the card's heading carries `a` and `i` (`card_address`), and the page
script puts them into the address bar with `history.pushState`, one history entry per answer as
before (`focus.py`). The server's copy of the address is then behind the browser's until the next
full run, which writes the whole address again. Streamlit's frontend sends the server the address it
last got from the server, not the address bar: a session that starts without a page load (after a
server restart) would read answers that are behind. So on a session's first run the page script
compares what the server read with the address bar as the previous session left it, and loads the
page again from the address bar if they differ (`focus.py`, `session_tag`).

The browser sends its address with every rerun. After a quick tap that address can be the one from
before the last move, not yet replaced by `write_url`. So after a move made by the app itself (a
button, `state.go` or `state.moved`, which set `app_moved`), the address is not read back: only
a reload or the browser's Back and Forward buttons, which move without the app, change the page.
"""

from __future__ import annotations

import secrets

import streamlit as st

from quiz.share import ShareError, decode, encode
from valkompass_app.state import PAGES, View, own_answers
from valkompass_app.strings import t

OWN = ("a", "p", "i")


def read_url(view: View, first_run: bool) -> list[str]:
    """Take page and statement from the address when it changed outside the app (a reload, the
    browser's Back button); the answers only on a session's first run. Returns notices."""
    query = read_own()
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


def read_own() -> dict[str, str | None]:
    """The own keys of the address as the browser sent it for this run."""
    return {key: st.query_params.get(key) for key in OWN}


def card_address(view: View) -> dict[str, str]:
    """`a` and `i` after an answer on the card, with the session's tag, for the page script to put
    into the address bar; the next full run writes the whole address (`write_url`)."""
    st.session_state.app_moved = False
    st.session_state.card_address = True
    given = own_answers(view.quiz)
    return {"a": encode(view.quiz, given) if given.values else "", "i": str(st.session_state.index + 1),
            "session": session_tag()}


def session_tag() -> str:
    """A random tag of this session, so that the page script can tell a new session (after a server
    restart) from the one whose card it followed. It says nothing about the visitor."""
    tag: str = st.session_state.setdefault("url_session", secrets.token_hex(4))
    return tag


def write_url(view: View) -> None:
    """Put the own answers, the page and the statement into the address (one history entry). After
    answers on the card, whose address the page script set, the whole address is sent again."""
    st.session_state.app_moved = False
    behind = st.session_state.pop("card_address", False)
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
    elif wanted != current or behind:   # only the changed keys, as one update
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
