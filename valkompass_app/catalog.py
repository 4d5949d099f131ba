"""The installed quizzes, loaded and checked once per server process."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import streamlit as st

from quiz.errors import DataError
from quiz.load import load_quiz, shipped_quizzes
from quiz.model import Quiz

ROOT = Path(__file__).resolve().parents[1]


@dataclass(frozen=True)
class Entry:
    """One installed quiz file: the loaded quiz, or the checker's report of what is wrong."""

    path: str
    quiz: Quiz | None
    error: str | None


def quiz_files() -> list[Path]:
    """`VALKOMPASS_QUIZ` if set, else statements.yaml and every quiz in quizzes/."""
    override = os.environ.get("VALKOMPASS_QUIZ")
    if override:
        return [Path(override)]
    return shipped_quizzes(ROOT)


@st.cache_resource(show_spinner=False)
def load_entry(path: str) -> Entry:
    try:
        return Entry(path, load_quiz(path), None)
    except DataError as error:
        return Entry(path, None, error.render())


def entries() -> list[Entry]:
    return [load_entry(str(path)) for path in quiz_files()]


def party_order(quiz: Quiz, lang: str) -> list[str]:
    """A neutral order that does not depend on the file: alphabetical by name in the chosen language."""
    return sorted(quiz.parties, key=lambda p: quiz.parties[p].name.get(lang).casefold())
