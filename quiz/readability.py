"""Readability of the quiz texts: LIX (läsbarhetsindex, Björnsson 1968) per statement and language.

    LIX = words / sentences + 100 · long words / words

How a text is cut up:
- a **word** is a run of letters or digits, and may hold a hyphen or an apostrophe between two
  such runs, or a point or comma between digits ("Wahl-O-Mat", "1,5" are one word each);
- a word is **long** when it has more than 6 letters (digits and hyphens do not count);
- a **sentence** is a stretch with at least one word, ending at `.`, `!`, `?` or `:` followed by a
  space or the end of the text ("1.5" ends none), or at the end of the text; so a text of words
  has at least one.

Rough scale (Björnsson): under 30 very easy (easy-to-read books), 30–40 easy (fiction, news
for children), 40–50 medium (daily papers), over 50 hard (official texts). The target for lättläst
is under 30.
"""

from __future__ import annotations

import re
from fractions import Fraction

from quiz.languages import LANGUAGES
from quiz.model import Quiz, Text
from quiz.rules import percent  # LIX's share of long words is a percentage like any other

LATTLAST_TARGET = 30
_WORD = re.compile(r"[^\W_]+(?:(?:[-'’]|(?<=\d)[.,](?=\d))[^\W_]+)*")
_SENTENCE_END = re.compile(r"[.!?:]+(?=\s|$)")


def lix(text: str) -> float:
    """The LIX of `text`; 0 for a text without words."""
    words = _WORD.findall(text)
    if not words:
        return 0.0
    long_words = sum(1 for word in words if sum(char.isalpha() for char in word) > 6)
    sentences = sum(1 for part in _SENTENCE_END.split(text) if _WORD.search(part))
    return float(Fraction(len(words), sentences) + percent(Fraction(long_words), Fraction(len(words))))


def readability_lines(quiz: Quiz) -> list[str]:
    """A table of LIX per statement and language, for `python -m quiz report`, with the
    lättläst statements that miss the target named at the end, and, when the quiz declares
    lättläst (`quiz.languages`), the statements that lack a lättläst text."""
    codes = list(LANGUAGES)
    width = max([len("statement"), *(len(s.id) for s in quiz.statements)])
    lines = [f"Readability (LIX: under 30 very easy, 30–40 easy, 40–50 medium, over 50 hard; "
             f"lättläst target: under {LATTLAST_TARGET})",
             f"{'statement':<{width}}  " + "  ".join(f"{code:>8}" for code in codes)]
    for statement in quiz.statements:
        cells = [_cell(statement.text, code) for code in codes]
        lines.append(f"{statement.id:<{width}}  " + "  ".join(f"{cell:>8}" for cell in cells))
    over = [s.id for s in quiz.statements
            if s.text.lattlast is not None and lix(s.text.lattlast) >= LATTLAST_TARGET]
    lines.append(f"lättläst at or over {LATTLAST_TARGET}: {', '.join(over) or 'none'}")
    if "lattlast" in quiz.languages:  # a quiz that does not offer lättläst misses no lättläst text
        missing = [s.id for s in quiz.statements if s.text.lattlast is None]
        lines.append(f"without a lättläst text: {', '.join(missing) or 'none'}")
    return lines


def _cell(text: Text, code: str) -> str:
    value: str | None = getattr(text, code)
    return "–" if value is None else f"{lix(value):.0f}"
