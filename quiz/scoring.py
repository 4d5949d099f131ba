"""Score one respondent's answers against every party, by a method defined in the weights file.

For each statement the respondent answered and each party, a method gives `points` out of a
maximum `max_points`:

- `distance` (city-block): points = span − |answer − stance|, max = span, where span is the
  distance between the ends of the scale (4 on the 5-point scale −2..2).
- `table`: points = table[answer][stance], max = the largest entry in the answer's row. Wahl-O-Mat
  (2 same, 1 one step apart, 0 opposite) and SVT's 4-point table are tables.

(The rules themselves live in `quiz.rules.RULES`; `quiz.rules.Pairs` holds each method's points
for every answer and stance, worked out once per weights file.)

With `collapse: sign`, answer and stance are first reduced to −1, 0 or 1.

Weights: a statement the respondent marks important counts `important_weight` times (points and
max). With `party_importance`, a statement the party marks important counts that many times more.

A party with no stated position follows the method's missing-position rule: `drop` leaves the
statement out for that party (its coverage goes down), `penalty` scores 0 of `max_points`.

The match is Σ points / Σ max_points over the statements that count; skipped statements count for
no one. Fractions are kept exact; percentages are only made for display.
"""

from __future__ import annotations

import functools
import math
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from fractions import Fraction

from quiz.model import Answers, Method, Position, Quiz, Statement, Weights
from quiz.rules import Pairs, Units, percent_float


@dataclass(frozen=True)
class PartyScore:
    """One party's match with one respondent."""

    party: str
    points: Fraction
    max_points: Fraction
    counted: int
    answered: int

    @functools.cached_property
    def match(self) -> Fraction | None:
        """points / max_points, or None when no statement counts for this party. (Divided once:
        ranking and the page ask for it again and again.)"""
        return self.points / self.max_points if self.max_points else None

    @functools.cached_property
    def percent(self) -> float | None:
        return None if not self.max_points else percent_float(self.points, self.max_points)


@dataclass(frozen=True)
class Ranked:
    """A party's place in a ranking. Tied parties share `rank` and have `tied` set."""

    rank: int
    score: PartyScore
    tied: bool


def score(quiz: Quiz, answers: Answers, method_id: str | None = None,
          parties: Iterable[str] | None = None) -> dict[str, PartyScore]:
    """Score `answers` against each party (all, or `parties`) with the named or default method.

    The sums are whole numbers of `Pairs.denominator` (see `stance_units`): one Fraction per
    party at the end instead of two additions of Fractions per statement."""
    weights = quiz.weights
    method = weights.method(method_id)
    pairs = pairs_of(weights, method)
    party_ids = list(parties) if parties is not None else list(quiz.parties)
    answered = [(s.positions, answer, s.id in answers.important) for s, answer in _answered(quiz, answers)]
    scores = {}
    for party in party_ids:
        points = maximum = counted = 0
        for positions, answer, marked in answered:
            position = positions.get(party)
            cell = (stance_units(weights, pairs, answer, marked, None) if position is None else
                    stance_units(weights, pairs, answer, marked, position.stance, position.important))
            if cell is not None:
                points, maximum = points + cell[0], maximum + cell[1]
                counted += party in positions
        scores[party] = PartyScore(party, over(points, pairs.denominator), over(maximum, pairs.denominator), counted,
                                   len(answered))
    return scores


def _answered(quiz: Quiz, answers: Answers) -> list[tuple[Statement, int]]:
    """The answered statements with their answers, in no set order (sums do not depend on it):
    looked up by the answers' ids, which on a results page per topic are far fewer than the
    statements. Should a quiz repeat an id, its statements are searched as before."""
    values = answers.values
    by_id = quiz.statements_by_id
    if len(by_id) != len(quiz.statements):
        return [(s, value) for s in quiz.statements if (value := values.get(s.id)) is not None]
    return [(by_id[sid], value) for sid, value in values.items() if value is not None and sid in by_id]


def statement_points(weights: Weights, method: Method, answer: int, important: bool,
                     position: Position | None) -> tuple[Fraction, Fraction] | None:
    """(points, max_points) for one answered statement and one party, or None if it drops out."""
    user_weight = weights.important_weight if important else 1
    if position is None:
        if method.missing.rule == "drop":
            return None
        return Fraction(0), method.missing.max_points * user_weight
    weight = user_weight
    if method.party_importance and position.important:
        weight *= weights.important_weight
    points, maximum = pairs_of(weights, method).fraction(answer, position.stance)
    return (points, maximum) if weight == 1 else (points * weight, maximum * weight)


def statement_units(weights: Weights, pairs: Pairs, answer: int, important: bool,
                    position: Position | None) -> Units | None:
    """`statement_points` times `pairs.denominator`, as whole numbers (None: the statement drops out)."""
    if position is None:
        return stance_units(weights, pairs, answer, important, None)
    return stance_units(weights, pairs, answer, important, position.stance, position.important)


def stance_units(weights: Weights, pairs: Pairs, answer: int, important: bool, stance: int | None,
                 party_important: bool = False) -> Units | None:
    """`statement_units` for a party whose stance is `stance` (None: no stated position), which it
    marks important or not: a stance coded differently needs no `Position` made for it."""
    user_weight = weights.important_weight if important else 1
    if stance is None:
        return None if pairs.penalty is None else (0, pairs.penalty * user_weight)
    weight = user_weight
    if party_important and pairs.method.party_importance:
        weight *= weights.important_weight
    found = pairs.units.get((answer, stance))
    points, maximum = found if found is not None else pairs.unit(answer, stance)
    return (points, maximum) if weight == 1 else (points * weight, maximum * weight)


def pair_points(weights: Weights, method: Method, answer: int, stance: int) -> tuple[Fraction, Fraction]:
    """Unweighted (points, max_points) for an answer and a stance under `method`."""
    return pairs_of(weights, method).fraction(answer, stance)


def pairs_of(weights: Weights, method: Method) -> Pairs:
    """`method`'s pairs, worked out once per weights file (`Weights.pairs`); a method that is not
    one of the file's own gets its own."""
    pairs = weights.pairs.get(method.id)
    return pairs if pairs is not None and pairs.method is method else Pairs.of(method, weights.scale)


def over(units: int, denominator: int) -> Fraction:
    """units / denominator as a Fraction (a sum of `statement_units` back in points)."""
    return Fraction(units) if denominator == 1 else Fraction(units, denominator)


def rank(scores: Mapping[str, PartyScore]) -> list[Ranked]:
    """Parties from best to worst match. Equal matches share a rank and are marked as tied;
    within a tie, and among parties with no basis for a match, the order is by party id."""
    matched = [(s.match, s) for s in scores.values() if s.match is not None]
    # Each match as a whole number over the matches' common denominator: the same order and the
    # same ties, without comparing (or hashing) Fractions, which costs a microsecond each time.
    common = math.lcm(*(match.denominator for match, _ in matched))
    levels = [(match.numerator * (common // match.denominator), entry) for match, entry in matched]
    levels.sort(key=lambda pair: (-pair[0], pair[1].party))
    counts = Counter(level for level, _ in levels)
    ranked, place = [], 1
    for index, (level, entry) in enumerate(levels):
        if index and level != levels[index - 1][0]:
            place = index + 1
        ranked.append(Ranked(place, entry, counts[level] > 1))
    unscored = sorted((s for s in scores.values() if s.match is None), key=lambda s: s.party)
    ranked += [Ranked(len(matched) + 1, entry, len(unscored) > 1) for entry in unscored]
    return ranked
