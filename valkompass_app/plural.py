"""Counted words in both languages: "1 minut", "2 minuter"."""

from __future__ import annotations

from valkompass_app.strings import t


def plural(word: str, n: int, lang: str) -> str:
    """`word_one` for exactly 1, else `word_many` with `{n}` filled in (strings.py holds both)."""
    return t(f"{word}_one", lang) if n == 1 else t(f"{word}_many", lang, n=n)
