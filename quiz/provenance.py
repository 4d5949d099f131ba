"""Check that a quote stands in its source, word for word, and find the closest passage if not.

Both texts are compared after collapsing every run of whitespace to one space. A word broken by a
hyphen at the end of a line ("vård-\\ntyngdsmätningar") matches either joined ("vårdtyngdsmätningar")
or with the hyphen kept ("vård- tyngdsmätningar"), so that a real compound ("hälso-\\noch") also works.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher
from functools import lru_cache

_LINE_END_HYPHEN = re.compile(r"(\w)-[ \t]*\r?\n\s*(\w)")
_WHITESPACE = re.compile(r"\s+")


def collapse(text: str) -> str:
    """Collapse every run of whitespace to a single space and trim."""
    return _WHITESPACE.sub(" ", text).strip()


@lru_cache(maxsize=64)
def readings(source: str) -> tuple[str, str]:
    """The source with line-end hyphens joined, and with them kept; both whitespace-collapsed."""
    return collapse(_LINE_END_HYPHEN.sub(r"\1\2", source)), collapse(source)


def quote_in_source(quote: str, source: str) -> bool:
    """True when `quote` stands word for word in `source` (see the module docstring)."""
    wanted = collapse(quote)
    return bool(wanted) and any(wanted in reading for reading in readings(source))


def closest_passage(quote: str, source: str) -> str:
    """The passage of `source` most like `quote`, as many words long as the quote."""
    wanted = collapse(quote)
    words = readings(source)[0].split(" ")
    size = max(1, len(wanted.split(" ")))
    step = max(1, size // 4)
    best_start, best_ratio = 0, -1.0
    matcher = SequenceMatcher(autojunk=False)
    matcher.set_seq2(wanted)
    for start in range(0, max(1, len(words) - size + 1), step):
        matcher.set_seq1(" ".join(words[start:start + size]))
        if matcher.real_quick_ratio() > best_ratio and matcher.quick_ratio() > best_ratio:
            ratio = matcher.ratio()
            if ratio > best_ratio:
                best_start, best_ratio = start, ratio
    for start in range(max(0, best_start - step), min(len(words), best_start + step + 1)):
        matcher.set_seq1(" ".join(words[start:start + size]))
        ratio = matcher.ratio()
        if ratio > best_ratio:
            best_start, best_ratio = start, ratio
    return " ".join(words[best_start:best_start + size])
