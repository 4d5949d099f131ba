"""The projector view (`?board=VIEW_TOKEN`): only what the class may see, readable from the back.

It shows the join code and QR code, then the published class results (never live counts), one
statement full screen on demand, and "Diskutera" with the parties' own words. It has no control
that changes the room, so a photo of the screen or of its address gives nobody any power.
"""

from __future__ import annotations

import base64
import html
import io

import segno
import streamlit as st

from quiz import class_charts
from quiz.classroom import (
    ClassroomError,
    ClassSummary,
    Room,
    StatementSpread,
    changed,
    fit,
    format_code,
    published_summary,
)
from valkompass_app.classview import NO_FADE, render_summary
from valkompass_app.quotes import render_quotes
from valkompass_app.services import base_url, get_store
from valkompass_app.state import View, escape
from valkompass_app.strings import t

REFRESH_SECONDS = 3
# Sizes for a 1920 px projector seen from the back of a classroom: body text 28 px, nothing under 24 px.
BOARD_CSS = """<style>
[data-testid="stMainBlockContainer"] { max-width: 100%; padding: 2rem 4rem; }
[data-testid="stMarkdownContainer"] p, [data-testid="stMarkdownContainer"] li,
[data-testid="stCaptionContainer"], [data-testid="stExpander"] summary p, [data-testid="stAlert"] p,
[data-testid="stWidgetLabel"] p, [data-baseweb="select"] div, [data-testid="stCode"] code
{ font-size: 28px !important; line-height: 1.4; }
[data-baseweb="select"] * { font-size: 28px !important; }
h1 { font-size: 64px !important; } h2 { font-size: 44px !important; } h3 { font-size: 36px !important; }
.valkompass-count span { display: block; font-size: 28px; }
.valkompass-count strong { display: block; font-size: 72px; line-height: 1.1; }
.valkompass-code { font-size: 120px; font-weight: 700; letter-spacing: 0.08em; line-height: 1.1; }
</style>"""


def render_board(view: View) -> None:
    st.set_page_config(layout="wide")
    st.html(BOARD_CSS)
    token = st.session_state.get("board_token") or ""
    try:
        room = get_store().board_room(token)
    except ClassroomError as error:
        st.error(error.message(view.lang))
        return
    if room.quiz_id != view.quiz.id:
        st.error(t("class_quiz_gone", view.lang))
        return
    if changed(view.quiz, room):
        st.warning(t("class_quiz_changed", view.lang))
    st.html(NO_FADE)
    with st.container(key="board_live"):
        _live(view, token)


@st.fragment(run_every=REFRESH_SECONDS)
def _live(view: View, token: str) -> None:
    """Reruns every few seconds on its own; a deleted room shows its message here at once."""
    lang, store = view.lang, get_store()
    try:
        room = fit(view.quiz, store.board_room(token))
    except ClassroomError as error:
        st.error(error.message(lang))
        return
    summary = published_summary(store, view.quiz, room)
    shown = {s.statement_id: s for s in summary.statements} if summary else {}
    chosen = st.session_state.get("board_statement")
    if summary is not None and chosen in shown:
        _statement_picker(view, room, shown)
        _one_statement(view, room, shown[chosen])
        return
    _join_info(view, room)
    if summary is None:
        st.info(t("waiting", lang, threshold=room.threshold, n=store.count(room)))
        return
    _statement_picker(view, room, shown)
    render_summary(view, room, summary, class_charts.PROJECTOR)
    _discussion(view, room, summary)


def _join_info(view: View, room: Room) -> None:
    lang = view.lang
    join_url = f"{base_url()}?class={room.code}&lang={room.lang or lang}"
    code_column, qr_column = st.columns([3, 1])
    code_column.markdown(f"# {t('class_heading', lang)}")
    code_column.markdown(t("teacher_join", lang))
    code_column.html(f'<div class="valkompass-code">{format_code(room.code)}</div>')
    code_column.code(join_url, language=None)
    qr = base64.b64encode(_qr(join_url)).decode("ascii")
    qr_column.html(f'<img src="data:image/png;base64,{qr}" alt="{t("qr_caption", lang)}" width="300" height="300">')


@st.cache_data(show_spinner=False, max_entries=200)
def _qr(url: str) -> bytes:
    buffer = io.BytesIO()
    segno.make(url, error="m").save(buffer, kind="png", scale=10, border=2)
    return buffer.getvalue()


def _statement_picker(view: View, room: Room, shown: dict[str, StatementSpread]) -> None:
    lang, numbers = view.lang, {sid: n for n, sid in enumerate(room.statement_ids, start=1)}
    options = [None, *(sid for sid in room.statement_ids if sid in shown)]
    st.selectbox(t("board_one_statement", lang), options, key="board_statement",
                 format_func=lambda sid: t("all_statements", lang) if sid is None
                 else f"{numbers[sid]}. {view.quiz.statement(sid).text.get(lang)}")


def _one_statement(view: View, room: Room, spread: StatementSpread) -> None:
    """One statement over the whole screen: its text, the class's answers with numbers, the quotes."""
    lang, quiz = view.lang, view.quiz
    number = room.statement_ids.index(spread.statement_id) + 1
    st.markdown(f"## {number}. {escape(quiz.statement(spread.statement_id).text.get(lang))}")
    frame = class_charts.class_distribution_frame(quiz, [spread], {spread.statement_id: number}, lang, limit=12)
    st.altair_chart(class_charts.class_distribution_chart(frame, t("share_of_class", lang), class_charts.PROJECTOR),
                    width="stretch")
    columns = st.columns(len(frame))
    for column, row in zip(columns, frame.itertuples(), strict=True):
        column.html(f'<div class="valkompass-count"><span>{html.escape(str(row.answer))}</span>'
                    f'<strong>{int(row.count)}</strong></div>')
    st.subheader(t("party_answers", lang))
    render_quotes(view, spread.statement_id)


def _discussion(view: View, room: Room, summary: ClassSummary) -> None:
    lang, quiz = view.lang, view.quiz
    shown = {s.statement_id: s for s in summary.statements}
    st.subheader(t("discuss_heading", lang))
    for title, ids in (("divisive", summary.divisive), ("consensus", summary.consensus)):
        st.markdown(f"**{t(title, lang)}**")
        for statement_id in (sid for sid in ids if sid in room.statement_ids):
            with st.expander(escape(quiz.statement(statement_id).text.get(lang))):
                spread = shown[statement_id]
                counts = [f"{o.label.get(lang)} {spread.counts.get(o.value, 0)}" for o in quiz.weights.scale.answers]
                st.markdown(escape(" · ".join([*counts, f"{quiz.weights.scale.skip.get(lang)} {spread.skipped}"])))
                render_quotes(view, statement_id)
