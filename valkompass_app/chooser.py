"""Which quiz: a chooser only when more than one current quiz is installed, the archive quizzes
behind a link at the bottom of the start page, and the banner of a received share link."""

from __future__ import annotations

import streamlit as st

from quiz.model import Quiz
from valkompass_app.catalog import Entry
from valkompass_app.state import View, go, reset_answers
from valkompass_app.strings import t


def quiz_chooser(installed: list[Entry], entry: Entry, lang: str) -> None:
    """A select box of the current (not archived) quizzes, shown only when there are two or more."""
    current = [e for e in installed if e.quiz is not None and not is_archive(e.quiz)]
    if len(current) < 2:
        return
    paths = [e.path for e in current]
    st.selectbox(t("choose_quiz", lang), paths, key="quiz_choice",
                 index=paths.index(entry.path) if entry.path in paths else 0,
                 format_func=lambda path: _label(_quiz(installed, path), lang), on_change=_switch_quiz,
                 args=("quiz_choice",))


def render_archive(installed: list[Entry], entry: Entry, lang: str) -> None:
    """Older quizzes, behind a link: never offered first. From an archive quiz, a way back."""
    others = [e for e in installed if e.quiz is not None and e.path != entry.path]
    archived = [e for e in others if e.quiz is not None and is_archive(e.quiz)]
    current = [e for e in others if e.quiz is not None and not is_archive(e.quiz)]
    if entry.quiz is not None and is_archive(entry.quiz):
        st.warning(t("archive_note", lang))
        for other in current:
            st.button(_label(other.quiz, lang), key=f"to_quiz_{other.path}", on_click=_to_quiz, args=(other.path,))
    if archived:
        with st.expander(t("archive_link", lang)):
            for other in archived:
                st.button(_label(other.quiz, lang), key=f"to_quiz_{other.path}", type="tertiary",
                          on_click=_to_quiz, args=(other.path,))


def is_archive(quiz: Quiz) -> bool:
    """An archive quiz (`quiz.archive: true`): never offered first."""
    return quiz.archive


def render_shared_banner(view: View) -> None:
    """Above a received result: whose it is, and a way to take the quiz oneself, empty."""
    st.info(t("shared_banner", view.lang))
    st.button(t("make_own", view.lang), type="primary", key="make_own", on_click=make_own)


def make_own() -> None:
    """Leave the received result and start the quiz with no answers."""
    st.session_state.shared = None
    reset_answers()
    go("question")


def _label(quiz: Quiz | None, lang: str) -> str:
    assert quiz is not None
    return t("quiz_option", lang, title=quiz.title.get(lang), region=quiz.region, election=quiz.election.get(lang))


def _quiz(installed: list[Entry], path: str) -> Quiz | None:
    return next(e.quiz for e in installed if e.path == path)


def _switch_quiz(key: str) -> None:
    _to_quiz(st.session_state[key])


def _to_quiz(path: str) -> None:
    if path != st.session_state.quiz_id:
        st.session_state.quiz_id = path
        had_answers = bool(st.session_state.answers)
        reset_answers()
        st.session_state.notices = [t("quiz_changed", st.session_state.lang)] if had_answers else []
        go("start")
