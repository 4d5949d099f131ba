"""Scoring rules: how one answer and one stance give points out of a maximum, and the match formula.

A method in the weights file names a rule (`rule: distance` or `rule: table`). `RULES` is the one
registry of them: adding a rule means adding one entry here (and documenting it in README.md).

- `distance` (city-block): points = span − |answer − stance|, max = span, where span is the
  distance between the ends of the scale (4 on −2..2; 2 after `collapse: sign`).
- `table`: points = table[answer][stance], max = the largest entry in the answer's row.

The match of a respondent with a party is `percent(Σ points, Σ max_points)` = 100 · points / max_points.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from fractions import Fraction
from typing import overload

import numpy as np

from quiz.model import Method, Scale


@dataclass(frozen=True)
class Rule:
    """A rule's pair function, whether a method using it needs a `table:`, and how to describe it."""

    points: Callable[[Method, Scale, int, int], tuple[Fraction, Fraction]]
    takes_table: bool
    summary: str


@overload
def percent(points: Fraction, max_points: Fraction) -> Fraction: ...
@overload
def percent(points: np.ndarray, max_points: np.ndarray) -> np.ndarray: ...
def percent(points: Fraction | np.ndarray, max_points: Fraction | np.ndarray) -> Fraction | np.ndarray:
    """100 · points / max_points: one multiplication, then one division.

    Works on Fractions (exact; the caller rounds once with `float`) and on NumPy arrays of exact
    sums (one correctly rounded division), so that both give the same float."""
    return 100 * points / max_points


def percent_of(fraction: Fraction) -> Fraction:
    """A match or margin already given as a fraction of 1, as a percentage: `percent(fraction, 1)`."""
    return percent(fraction, Fraction(1))


def _distance(method: Method, scale: Scale, answer: int, stance: int) -> tuple[Fraction, Fraction]:
    span = 2 if method.collapse == "sign" else scale.span
    return Fraction(span - abs(answer - stance)), Fraction(span)


def _table(method: Method, scale: Scale, answer: int, stance: int) -> tuple[Fraction, Fraction]:
    row = method.table[answer]
    return row[stance], max(row.values())


RULES: dict[str, Rule] = {
    "distance": Rule(_distance, takes_table=False, summary="span minus the distance between answer and stance"),
    "table": Rule(_table, takes_table=True, summary="points from a table, answer by stance"),
}
