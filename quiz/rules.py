"""Scoring rules: how one answer and one stance give points out of a maximum, and the match formula.

A method in the weights file names a rule (`rule: distance` or `rule: table`). `RULES` is the one
registry of them: adding a rule means adding one entry here (and documenting it in README.md).

- `distance` (city-block): points = span − |answer − stance|, max = span, where span is the
  distance between the ends of the scale (4 on −2..2; 2 after `collapse: sign`).
- `table`: points = table[answer][stance], max = the largest entry in the answer's row.

The match of a respondent with a party is `percent(Σ points, Σ max_points)` = 100 · points / max_points.

`Pairs` holds a method's points for every answer and stance on the scale, worked out once per
weights file, both as Fractions and as whole numbers over one common denominator.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
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


def percent_float(points: Fraction, max_points: Fraction) -> float:
    """`float(percent(points, max_points))`, without making two Fractions: for a positive maximum,
    100 · (a/b) / (c/d) is 100·a·d / (b·c), one int / int, which Python rounds correctly, as it does
    float(Fraction), so the float is the same."""
    if max_points.numerator > 0:
        return 100 * points.numerator * max_points.denominator / (points.denominator * max_points.numerator)
    return float(percent(points, max_points))


def percent_of(fraction: Fraction) -> Fraction:
    """A match or margin already given as a fraction of 1, as a percentage: `percent(fraction, 1)`."""
    return percent(fraction, Fraction(1))


def _distance(method: Method, scale: Scale, answer: int, stance: int) -> tuple[Fraction, Fraction]:
    span = 2 if method.collapse == "sign" else scale.span
    return Fraction(span - abs(answer - stance)), Fraction(span)


def _table(method: Method, scale: Scale, answer: int, stance: int) -> tuple[Fraction, Fraction]:
    row = method.table[answer]
    return row[stance], max(row.values())


def rule_points(method: Method, scale: Scale, answer: int, stance: int) -> tuple[Fraction, Fraction]:
    """Unweighted (points, max_points) for an answer and a stance under `method`, after its `collapse`."""
    if method.collapse == "sign":
        answer, stance = _sign(answer), _sign(stance)
    return RULES[method.rule].points(method, scale, answer, stance)


Units = tuple[int, int]
"""(points, max_points) times a method's `Pairs.denominator`: whole numbers, so that sums of them
are exact without a Fraction for every statement."""


@dataclass(frozen=True)
class Pairs:
    """`points` for every answer and stance on a scale under one method, worked out once.

    `fractions` are the rule's own Fractions; `units` the same times `denominator`, the least
    common denominator of every entry and of the method's penalty, so they are whole numbers.
    `penalty` is the missing-position penalty's max_points in units (None: the rule is `drop`).
    A pair off the scale (or a table entry the method lacks) is not kept: `fraction` and `unit`
    then ask the rule itself, which answers or raises exactly as it would have."""

    method: Method
    scale: Scale
    denominator: int
    fractions: Mapping[tuple[int, int], tuple[Fraction, Fraction]]
    units: Mapping[tuple[int, int], Units]
    penalty: int | None

    @classmethod
    def of(cls, method: Method, scale: Scale) -> Pairs:
        fractions = {}
        for answer in scale.values:
            for stance in scale.values:
                try:
                    fractions[answer, stance] = rule_points(method, scale, answer, stance)
                except (KeyError, ValueError):  # an incomplete table: it raises when such a pair is scored
                    continue
        penalty = None if method.missing.rule == "drop" else method.missing.max_points
        entries = [value for pair in fractions.values() for value in pair] + ([penalty] if penalty is not None else [])
        denominator = math.lcm(*(Fraction(value).denominator for value in entries))
        units = {key: (_whole(p, denominator), _whole(m, denominator)) for key, (p, m) in fractions.items()}
        return cls(method, scale, denominator, fractions, units,
                   None if penalty is None else _whole(penalty, denominator))

    def fraction(self, answer: int, stance: int) -> tuple[Fraction, Fraction]:
        found = self.fractions.get((answer, stance))
        return found if found is not None else rule_points(self.method, self.scale, answer, stance)

    def unit(self, answer: int, stance: int) -> Units:
        found = self.units.get((answer, stance))
        if found is not None:
            return found
        p, m = rule_points(self.method, self.scale, answer, stance)
        return _whole(p, self.denominator), _whole(m, self.denominator)


def _whole(value: Fraction | int, denominator: int) -> int:
    """`value` × `denominator`, which must be a whole number (`Pairs.denominator` makes it one)."""
    scaled = Fraction(value) * denominator
    if scaled.denominator != 1:
        raise ValueError(f"{value} is not a multiple of 1/{denominator}")
    return scaled.numerator


def _sign(value: int) -> int:
    return (value > 0) - (value < 0)


RULES: dict[str, Rule] = {
    "distance": Rule(_distance, takes_table=False, summary="span minus the distance between answer and stance"),
    "table": Rule(_table, takes_table=True, summary="points from a table, answer by stance"),
}
