"""The page flow: read parameters, pick the quiz, set up state, show one page."""

from __future__ import annotations

import streamlit as st

from quiz.languages import CODES, LANGUAGES
from quiz.share import ShareError, decode
from valkompass_app.catalog import Entry, entries, party_order
from valkompass_app.classroom import current_room, open_class_links, render_pupil_banner
from valkompass_app.method import render_method
from valkompass_app.params import Params, read_params, subsets
from valkompass_app.question import render_list, render_question
from valkompass_app.results import render_results
from valkompass_app.start import render_start
from valkompass_app.state import View, go, init_state, reset_answers
from valkompass_app.strings import t
from valkompass_app.teacher import render_teacher

PAGES = {"start": render_start, "question": render_question, "results": render_results, "method": render_method,
         "teacher": render_teacher}


def run() -> None:
    params = read_params(st.query_params.to_dict())
    installed = entries()
    chosen = _chosen_entry(installed, params)
    init_state(params.lang or "sv", chosen.path)
    if "params_read" not in st.session_state:
        st.session_state.params_read = True
        _first_visit(installed, params)
    entry = _current_entry(installed)
    lang = _header(installed, entry, params)
    if entry.quiz is None:
        st.error(t("broken_quiz", lang))
        return
    view = _view(entry, lang, params)
    if st.session_state.class_room is not None and st.session_state.page != "teacher":
        render_pupil_banner(view, st.session_state.class_room)
    for notice in st.session_state.notices:
        st.info(notice)
    list_layout = st.session_state.page == "question" and params.layout == "list"
    (render_list if list_layout else PAGES[st.session_state.page])(view)
    if not params.embed:
        st.divider()
        st.caption(t("footer", lang))


def _current_entry(installed: list[Entry]) -> Entry:
    """The quiz of the class room if in one, else the chosen quiz."""
    room = current_room()
    if room is not None:
        for entry in installed:
            if entry.quiz is not None and entry.quiz.id == room.quiz_id:
                return entry
    return next((e for e in installed if e.path == st.session_state.quiz_id), installed[0])


def _chosen_entry(installed: list[Entry], params: Params) -> Entry:
    for entry in installed:
        if entry.quiz is not None and entry.quiz.id == params.quiz:
            return entry
    return installed[0]


def _first_visit(installed: list[Entry], params: Params) -> None:
    """Notices for bad parameters, and the answers from a share link, once per session."""
    notices = [t("notice_unknown", st.session_state.lang, what=t(what, st.session_state.lang), ids=", ".join(ids))
               for what, ids in params.unknown.items()]
    entry = next(e for e in installed if e.path == st.session_state.quiz_id)
    if params.quiz and (entry.quiz is None or entry.quiz.id != params.quiz):
        notices.append(t("notice_unknown", st.session_state.lang, what=t("what_quiz", st.session_state.lang),
                         ids=params.quiz[:60]))
    if entry.quiz is not None:
        notices += [t("notice_unknown", st.session_state.lang, what=t(what, st.session_state.lang), ids=", ".join(ids))
                    for what, ids in subsets(entry.quiz, params)[2].items()]
        if params.result:
            notices += _open_share_link(entry, params.result)
    st.session_state.notices = notices
    open_class_links(params)


def _open_share_link(entry: Entry, token: str) -> list[str]:
    assert entry.quiz is not None
    try:
        shared = decode(entry.quiz, token)
    except ShareError as error:
        lang = st.session_state.lang
        return [t("notice_share", lang, reason=t(f"reason_{error.reason}", lang))]
    st.session_state.answers = dict(shared.values)
    st.session_state.important = set(shared.important)
    go("results")
    return []


def _header(installed: list[Entry], entry: Entry, params: Params) -> str:
    """Language switch, quiz chooser and page links (none when embedded); returns the language."""
    if params.embed:
        return str(st.session_state.lang or "sv")
    lang_column, page_column = st.columns([3, 5])  # room for the three languages without scrolling
    lang_column.segmented_control(t("language", st.session_state.lang), CODES, key="lang",
                                  format_func=lambda code: LANGUAGES[code].name,
                                  label_visibility="collapsed")
    lang = st.session_state.lang or "sv"
    if entry.quiz is not None:
        page_column.pills(
            t("app_title", lang), ["start", "question", "results", "method"], key="nav", on_change=_navigate,
            format_func=lambda page: t({"start": "start", "question": "your_answer", "results": "results",
                                        "method": "method_page"}[page], lang),
            label_visibility="collapsed")
    usable = [e for e in installed if e.quiz is not None]
    if len(usable) > 1 and not params.embed and st.session_state.get("page") == "start":
        st.selectbox(t("choose_quiz", lang), [e.path for e in usable], key="quiz_choice",
                     index=[e.path for e in usable].index(entry.path) if entry in usable else 0,
                     format_func=lambda path: _quiz_label(usable, path, lang), on_change=_switch_quiz)
    return lang


def _navigate() -> None:
    if st.session_state.nav:
        st.session_state.page = st.session_state.nav
    else:
        st.session_state.nav = st.session_state.page


def _quiz_label(usable: list[Entry], path: str, lang: str) -> str:
    quiz = next(e.quiz for e in usable if e.path == path)
    assert quiz is not None
    return t("quiz_option", lang, title=quiz.title.get(lang), region=quiz.region, election=quiz.election.get(lang))


def _switch_quiz() -> None:
    if st.session_state.quiz_choice != st.session_state.quiz_id:
        st.session_state.quiz_id = st.session_state.quiz_choice
        had_answers = bool(st.session_state.answers)
        reset_answers()
        st.session_state.notices = [t("quiz_changed", st.session_state.lang)] if had_answers else []


def _view(entry: Entry, lang: str, params: Params) -> View:
    assert entry.quiz is not None
    quiz = entry.quiz
    parties, statements, _ = subsets(quiz, params) if params.quiz in (None, quiz.id) else (None, None, {})
    room = st.session_state.class_room
    if room is not None and room.quiz_id == quiz.id:
        parties, statements = list(room.party_ids), list(room.statement_ids)
    order = party_order(quiz, lang)
    chosen = [p for p in order if parties is None or p in parties]
    return View(quiz, lang, chosen, statements or [s.id for s in quiz.statements], params.embed, entry.path)
