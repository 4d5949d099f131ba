"""Read the page's query parameters (embedding, language, quiz, subsets, share link) once.

Streamlit keeps `embed` and `embed_options` to itself (they never reach `st.query_params`), so the
compact layout for an iframe is our own `widget=1`; `embed` is read too, for AppTest and for a
Streamlit that passes it on."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from quiz.languages import CODES
from quiz.model import Quiz

MAX_IDS = 200


@dataclass(frozen=True)
class Params:
    embed: bool = False
    lang: str | None = None
    quiz: str | None = None
    parties: tuple[str, ...] = ()
    statements: tuple[str, ...] = ()
    result: str | None = None
    class_code: str | None = None
    teacher: str | None = None
    board: str | None = None
    pupil_key: str | None = None
    layout: str = "cards"
    unknown: dict[str, tuple[str, ...]] = field(default_factory=dict)


def read_params(query: Mapping[str, str]) -> Params:
    """Query parameters as `Params`; anything invalid is collected in `unknown` for a notice."""
    unknown: dict[str, tuple[str, ...]] = {}
    lang = query.get("lang")
    if lang is not None and lang not in CODES:
        unknown["what_lang"] = (lang[:20],)
        lang = None
    return Params(
        embed=any(query.get(key, "").lower() in ("true", "1", "yes") for key in ("widget", "embed")),
        lang=lang,
        quiz=query.get("quiz"),
        parties=_ids(query.get("parties")),
        statements=_ids(query.get("statements")),
        result=query.get("r"),
        class_code=query.get("class"),
        teacher=query.get("teacher"),
        board=query.get("board"),
        pupil_key=query.get("k"),
        layout="list" if query.get("layout") == "list" else "cards",
        unknown=unknown,
    )


def subsets(quiz: Quiz, params: Params) -> tuple[list[str] | None, list[str] | None, dict[str, tuple[str, ...]]]:
    """The party and statement subsets that exist in `quiz` (None: all), and the ids that don't."""
    unknown = {}
    parties = [p for p in params.parties if p in quiz.parties]
    known_statements = {s.id for s in quiz.statements}
    statements = [s.id for s in quiz.statements if s.id in params.statements]
    if missing := tuple(p for p in params.parties if p not in quiz.parties):
        unknown["what_parties"] = missing
    if missing := tuple(s for s in params.statements if s not in known_statements):
        unknown["what_statements"] = missing
    return parties or None, statements or None, unknown


def _ids(value: str | None) -> tuple[str, ...]:
    if not value:
        return ()
    ids = [part.strip()[:60] for part in value.split(",") if part.strip()]
    return tuple(dict.fromkeys(ids))[:MAX_IDS]
