"""Session state: one init function, and small helpers that read and change it.

The respondent's own answers also live in the address bar (see `urlstate.py`), so a reload keeps
them; nothing is stored on the server. A received share link is kept apart, in `shared`, and is
read-only: leaving its results page starts the respondent's own, empty quiz.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import streamlit as st

from quiz.model import Answers, Quiz

MENU = ("start", "question", "results", "method")
PAGES = (*MENU, "embed")
_MARKDOWN_SPECIAL = re.compile(r"([!-/:-@\[-`{-~])")  # every ASCII punctuation character
_AUTOLINK_OR_SHORTCODE = re.compile(r"(?<=[:@])|(?<=www)(?=\.)", re.IGNORECASE)
_WORD_JOINER = "\u2060"


@dataclass(frozen=True)
class View:
    """What this run shows: the quiz, in which language, with which parties and statements."""

    quiz: Quiz
    lang: str
    parties: list[str]
    statement_ids: list[str]
    embed: bool
    path: str = ""


def numbered_statements(view: View, limit: int | None = None) -> dict[str, str]:
    """"3. Återöppna akutkirurgin i Sollefteå." for every statement shown, in the view's language,
    for the lists that pick a statement; cut to `limit` characters with "…" where given."""
    labels = {}
    for number, statement_id in enumerate(view.statement_ids, start=1):
        text = view.quiz.statement(statement_id).text.get(view.lang)
        labels[statement_id] = f"{number}. {text if limit is None or len(text) <= limit else text[:limit - 1] + '…'}"
    return labels


def init_state(lang: str, quiz_id: str) -> None:
    """Set every key the app uses, once per session."""
    defaults = {"lang": lang, "quiz_id": quiz_id, "answers": {}, "important": set(), "index": 0,
                "page": "start", "nav": "start", "notices": [], "class_room": None, "teacher_token": None,
                "submission_key": None, "shared": None, "confirm_restart": False, "moves": 0}
    for key, value in defaults.items():
        st.session_state.setdefault(key, value)


def go(page: str) -> None:
    """Show `page`. Call it from a widget callback, so that the page menu can follow.
    Leaving the results of a received share link drops that link: the quiz starts empty."""
    if st.session_state.get("shared") is not None and page != "results":
        st.session_state.shared = None
    st.session_state.page = page
    st.session_state.nav = page if page in MENU else None
    st.session_state.app_moved = True
    if page == "question":
        moved()


def moved() -> None:
    """A new statement is shown: the page scrolls to it and focuses it (see `focus.py`)."""
    st.session_state.moves = st.session_state.get("moves", 0) + 1
    st.session_state.focus_target = "statement"
    st.session_state.app_moved = True


def ask_start_over() -> None:
    """'Börja om' anywhere: show the start page, which asks before anything is cleared."""
    st.session_state.confirm_restart = True
    go("start")


def start_over() -> None:
    """Clear the answers and start at statement 1 (the start page asks first)."""
    reset_answers()
    st.session_state.confirm_restart = False
    go("question")


def reset_answers() -> None:
    st.session_state.answers = {}
    st.session_state.important = set()
    st.session_state.index = 0


def answers(view: View) -> Answers:
    """The answers the results page shows: a received share link's, else the respondent's own
    answers to the statements in this view (skipped ones are None)."""
    shared = st.session_state.get("shared")
    given = dict(shared.values) if shared is not None else st.session_state.answers
    important = shared.important if shared is not None else st.session_state.important
    ids = set(view.statement_ids)
    return Answers({k: v for k, v in given.items() if k in ids},
                   frozenset(i for i in important if i in ids and given.get(i) is not None))


def own_answers(quiz: Quiz) -> Answers:
    """The respondent's own answers to the whole quiz, as a share token encodes them."""
    known = {s.id for s in quiz.statements}
    given = {k: v for k, v in st.session_state.answers.items() if k in known}
    return Answers(given, frozenset(i for i in st.session_state.important if given.get(i) is not None))


def viewing_shared() -> bool:
    return st.session_state.get("shared") is not None


def escape(text: str) -> str:
    """Content from a quiz file or a URL as literal text inside Markdown: no formatting, headings,
    code blocks, links, images, HTML, emoji shortcodes, colour directives or maths.

    Every ASCII punctuation character gets a backslash; lines lose their leading and trailing spaces
    (no indented code, no hard breaks); an invisible word joiner after ':' and '@' and between 'www'
    and '.' stops the shortcodes and the autolinks that are found after the escapes are read."""
    lines = "\n".join(line.strip() for line in text.splitlines())
    return _MARKDOWN_SPECIAL.sub(r"\\\1", _AUTOLINK_OR_SHORTCODE.sub(_WORD_JOINER, lines))
