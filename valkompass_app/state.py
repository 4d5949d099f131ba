"""Session state: one init function, and small helpers that read and change it."""

from __future__ import annotations

import re
from dataclasses import dataclass

import streamlit as st

from quiz.model import Answers, Quiz

MENU = ("start", "question", "results", "method")
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~:$])")


@dataclass(frozen=True)
class View:
    """What this run shows: the quiz, in which language, with which parties and statements."""

    quiz: Quiz
    lang: str
    parties: list[str]
    statement_ids: list[str]
    embed: bool
    path: str = ""


def init_state(lang: str, quiz_id: str) -> None:
    """Set every key the app uses, once per session."""
    defaults = {"lang": lang, "quiz_id": quiz_id, "answers": {}, "important": set(), "index": 0,
                "page": "start", "nav": "start", "notices": [], "class_room": None, "teacher_token": None,
                "submission_key": None}
    for key, value in defaults.items():
        st.session_state.setdefault(key, value)


def go(page: str) -> None:
    """Show `page`. Call it from a widget callback, so that the page menu can follow."""
    st.session_state.page = page
    st.session_state.nav = page if page in MENU else None


def start_over() -> None:
    reset_answers()
    go("question")


def reset_answers() -> None:
    st.session_state.answers = {}
    st.session_state.important = set()
    st.session_state.index = 0


def answers(view: View) -> Answers:
    """The respondent's answers to the statements in this view (skipped ones are None)."""
    given = st.session_state.answers
    ids = set(view.statement_ids)
    return Answers({k: v for k, v in given.items() if k in ids},
                   frozenset(i for i in st.session_state.important if i in ids and given.get(i) is not None))


def escape(text: str) -> str:
    """Content from a quiz file as literal text inside Markdown: no formatting, links or HTML."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)
