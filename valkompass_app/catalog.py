"""The installed quizzes, loaded and checked once per server process.

A quiz file with problems is left out when another quiz works. The checker's report goes to the
server log (logger `valkompass`), for operators; visitors only ever see a short notice.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from pathlib import Path

import streamlit as st

from quiz.errors import DataError
from quiz.load import load_quiz, shipped_quizzes
from quiz.model import Quiz

ROOT = Path(__file__).resolve().parents[1]
LOG = logging.getLogger("valkompass")


@dataclass(frozen=True)
class Entry:
    """One installed quiz file and its quiz; None when the file has problems (they are in the log)."""

    path: str
    quiz: Quiz | None


def quiz_files() -> list[Path]:
    """`VALKOMPASS_QUIZ` if set, else statements.yaml and every quiz in quizzes/, listed once per
    server process like the quizzes themselves (a new quiz file shows after a restart)."""
    override = os.environ.get("VALKOMPASS_QUIZ")
    if override:
        return [Path(override)]
    return list(_shipped(str(ROOT)))


@st.cache_resource(show_spinner=False)
def _shipped(root: str) -> tuple[Path, ...]:
    return tuple(shipped_quizzes(Path(root)))


@st.cache_resource(show_spinner=False)
def load_entry(path: str) -> Entry:
    """The quiz in `path`; a broken file is logged with the checker's full report."""
    try:
        return Entry(path, load_quiz(path))
    except DataError as error:
        LOG.error("quiz file %s is not shown: %s (run `python -m quiz check %s`)", path, error.render(), path)
        return Entry(path, None)
    except Exception:  # a bug in the checker must not take the other quizzes down
        LOG.exception("quiz file %s is not shown: the checker failed on it", path)
        return Entry(path, None)


def entries() -> list[Entry]:
    """The working quizzes; only when none works, the broken ones (the page then shows a notice)."""
    loaded = [load_entry(str(path)) for path in quiz_files()]
    return [entry for entry in loaded if entry.quiz is not None] or loaded


def party_order(quiz: Quiz, lang: str) -> list[str]:
    """A neutral order that does not depend on the file: alphabetical by name in the chosen language."""
    return sorted(quiz.parties, key=lambda p: quiz.parties[p].name.get(lang).casefold())
