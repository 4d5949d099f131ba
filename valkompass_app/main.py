"""The page flow: read parameters, pick the quiz, set up state, show one page."""

from __future__ import annotations

import streamlit as st

from quiz.languages import CODES, LANGUAGES
from quiz.share import ShareError, decode
from valkompass_app.catalog import Entry, entries, party_order
from valkompass_app.chooser import quiz_chooser, render_archive, render_shared_banner
from valkompass_app.classroom import current_room, open_class_links, render_pupil_banner
from valkompass_app.embed import render_embed
from valkompass_app.focus import PAGE_TITLE, hide_script_boxes, render_page_script
from valkompass_app.method import render_method
from valkompass_app.params import Params, read_params, subsets
from valkompass_app.question import render_list, render_question
from valkompass_app.results import render_results
from valkompass_app.start import render_start
from valkompass_app.state import View, escape, go, init_state, viewing_shared
from valkompass_app.strings import t
from valkompass_app.teacher import render_teacher
from valkompass_app.urlstate import read_url, write_url

PAGES = {"start": render_start, "question": render_question, "results": render_results, "method": render_method,
         "teacher": render_teacher, "embed": render_embed}


def run() -> None:
    params = read_params(st.query_params.to_dict())
    installed = entries()
    chosen = _chosen_entry(installed, params)
    init_state(params.lang or "sv", chosen.path)
    first_run = "params_read" not in st.session_state
    if first_run:
        st.session_state.params_read = True
        _first_visit(installed, params)
    entry = _current_entry(installed)
    if entry.quiz is not None:
        st.session_state.notices += read_url(_view(entry, st.session_state.lang or "sv", params), first_run)
    lang = _header(installed, entry, params)
    hide_script_boxes()
    if entry.quiz is None:
        st.error(t("broken_quiz", lang))
        return
    view = _view(entry, lang, params)
    write_url(view)
    _render_page(view, params, installed, entry)
    _page_top(view)
    if not params.embed:
        st.divider()
        st.caption(t("footer", lang))


def _render_page(view: View, params: Params, installed: list[Entry], entry: Entry) -> None:
    """Notices, the shared-result banner, then the page itself."""
    if st.session_state.class_room is not None and st.session_state.page != "teacher":
        render_pupil_banner(view, st.session_state.class_room)
    for notice in st.session_state.notices:
        st.info(notice)
    page = st.session_state.page
    if viewing_shared() and page == "results":
        render_shared_banner(view)
    list_layout = page == "question" and params.layout == "list"
    (render_list if list_layout else PAGES[page])(view)
    if page == "start" and not params.embed:
        render_archive(installed, entry, view.lang)


def _page_top(view: View) -> None:
    """`<html lang>` on every run; on arriving at another page than the question card (which
    places itself), that page's title is scrolled to the top and focused."""
    page = st.session_state.page
    arrived = page != st.session_state.setdefault("shown_page", page)
    st.session_state.shown_page = page
    if arrived and page != "question":
        st.session_state.page_moves = st.session_state.get("page_moves", 0) + 1
    render_page_script(view.lang, view.embed, moves=st.session_state.get("page_moves", 0), target=PAGE_TITLE)


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
    notices = [_unknown(what, ids) for what, ids in params.unknown.items()]
    entry = next(e for e in installed if e.path == st.session_state.quiz_id)
    if params.quiz and (entry.quiz is None or entry.quiz.id != params.quiz):
        notices.append(_unknown("what_quiz", (params.quiz[:60],)))
    if entry.quiz is not None:
        notices += [_unknown(what, ids) for what, ids in subsets(entry.quiz, params)[2].items()]
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
    st.session_state.shared = shared
    go("results")
    return []


def _unknown(what: str, ids: tuple[str, ...]) -> str:
    """A notice about ids from the link, which are shown as literal text, never as Markdown."""
    lang = st.session_state.lang
    return t("notice_unknown", lang, what=t(what, lang), ids=escape(", ".join(ids)))


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
            format_func=lambda page: t({"start": "nav_start", "question": "nav_question", "results": "results",
                                        "method": "method_page"}[page], lang),
            label_visibility="collapsed")
    if st.session_state.get("page") == "start":
        quiz_chooser(installed, entry, lang)
    return lang


def _navigate() -> None:
    if st.session_state.nav:
        st.session_state.page = st.session_state.nav
        st.session_state.app_moved = True
    else:
        st.session_state.nav = st.session_state.page


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
