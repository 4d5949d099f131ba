"""'Bädda in': a campaigner or newsroom picks quiz, language, parties and statements, sees the
quiz as it will look in their page, and copies the iframe snippet (or the static version's)."""

from __future__ import annotations

from urllib.parse import urlencode

import streamlit as st
import streamlit.components.v1 as components

from quiz.languages import CODES, LANGUAGES, REQUIRED, chain
from valkompass_app.catalog import entries, party_order
from valkompass_app.services import base_url
from valkompass_app.state import View, go
from valkompass_app.strings import t, tn

PREVIEW_HEIGHT = 640
STATIC_COMMAND = "python -m quiz build-static --quiz statements.yaml -o valkompass-statisk/"


def render_embed(view: View) -> None:
    lang = view.lang
    st.title(t("embed_title", lang), anchor=False)
    st.markdown(t("embed_intro", lang))
    query = _choices(view)
    url = embed_url(base_url(), query)
    st.subheader(t("embed_snippet", lang), anchor=False)
    st.code(snippet(url, t("app_title", query["lang"])), language=None, wrap_lines=True)
    st.caption(t("embed_height", lang))
    st.subheader(t("embed_preview", lang), anchor=False)
    components.iframe(url, height=PREVIEW_HEIGHT, scrolling=True)
    st.subheader(t("static_heading", lang), anchor=False)
    st.markdown(t("static_intro", lang))
    st.code(STATIC_COMMAND, language=None, wrap_lines=True)
    st.code(static_snippet(query["lang"]), language=None, wrap_lines=True)
    st.button(t("back_to_start", lang), key="embed_back", on_click=go, args=("start",))


def embed_url(base: str, query: dict[str, str]) -> str:
    """The app's address for an iframe: Streamlit's own `embed=true` (no Streamlit menu) and our
    `widget=1` (only the quiz: no language switch, menu, quiz chooser, class mode or footer)."""
    return base.rstrip("/") + "/?" + urlencode({"embed": "true", "widget": "1", **query}, safe=",")


def snippet(url: str, title: str) -> str:
    return (f'<iframe src="{url}"\n        style="width:100%; height:{PREVIEW_HEIGHT}px; border:0"'
            f' title="{title}"></iframe>')


def static_snippet(lang: str) -> str:
    """The static page speaks Swedish and English only: lättläst gets its fallback, Swedish."""
    static_lang = next(code for code in chain(lang) if code in REQUIRED)
    return (f'<iframe src="https://example.org/valkompass-statisk/index.html?lang={static_lang}"\n'
            f'        style="width:100%; height:{PREVIEW_HEIGHT}px; border:0" title="Valkompass"></iframe>')


def _choices(view: View) -> dict[str, str]:
    """The pickers; returns the query parameters they stand for (all parties or statements: none)."""
    lang = view.lang
    usable = [e.quiz for e in entries() if e.quiz is not None]
    ids = [q.id for q in usable]
    quiz_id = st.selectbox(t("embed_quiz", lang), ids, index=ids.index(view.quiz.id) if view.quiz.id in ids else 0,
                           key="embed_quiz", format_func=lambda q: usable[ids.index(q)].title.get(lang))
    quiz = usable[ids.index(quiz_id)]
    chosen_lang = st.radio(t("embed_lang", lang), CODES, key="embed_lang", horizontal=True,
                           index=CODES.index(lang) if lang in CODES else 0,
                           format_func=lambda code: LANGUAGES[code].name)
    order = party_order(quiz, lang)
    parties = st.multiselect(t("embed_parties", lang), order, default=order, key=f"embed_parties_{quiz.id}",
                             format_func=lambda p: quiz.parties[p].name.get(lang))
    if len(parties) == 1:
        st.warning(t("embed_one_party", lang))
    statements = st.multiselect(t("embed_statements", lang), [s.id for s in quiz.statements],
                                key=f"embed_statements_{quiz.id}", placeholder=t("embed_all", lang),
                                format_func=lambda s: quiz.statement(s).text.get(lang))
    st.caption(tn("embed_count", "embed_count_plural", len(statements) or len(quiz.statements), lang))
    query = {"quiz": quiz.id, "lang": chosen_lang}
    if parties and len(parties) < len(order):
        query["parties"] = ",".join(parties)
    if statements:
        query["statements"] = ",".join(s.id for s in quiz.statements if s.id in statements)
    return query
