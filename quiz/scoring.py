"""Score one respondent's answers against every party, by a method defined in the weights file.

For each statement the respondent answered and each party, a method gives `points` out of a
maximum `max_points`:

- `distance` (city-block): points = span − |answer − stance|, max = span, where span is the
  distance between the ends of the scale (4 on the 5-point scale −2..2).
- `table`: points = table[answer][stance], max = the largest entry in the answer's row. Wahl-O-Mat
  (2 same, 1 one step apart, 0 opposite) and SVT's 4-point table are tables.

(The rules themselves live in `quiz.rules.RULES`.)

With `collapse: sign`, answer and stance are first reduced to −1, 0 or 1.

Weights: a statement the respondent marks important counts `important_weight` times (points and
max). With `party_importance`, a statement the party marks important counts that many times more.

A party with no stated position follows the method's missing-position rule: `drop` leaves the
statement out for that party (its coverage goes down), `penalty` scores 0 of `max_points`.

The match is Σ points / Σ max_points over the statements that count; skipped statements count for
no one. Fractions are kept exact; percentages are only made for display.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from fractions import Fraction

from quiz.model import Answers, Method, Position, Quiz, Weights
from quiz.rules import RULES, percent


@dataclass(frozen=True)
class PartyScore:
    """One party's match with one respondent."""

    party: str
    points: Fraction
    max_points: Fraction
    counted: int
    answered: int

    @property
    def match(self) -> Fraction | None:
        """points / max_points, or None when no statement counts for this party."""
        return self.points / self.max_points if self.max_points else None

    @property
    def percent(self) -> float | None:
        return None if not self.max_points else float(percent(self.points, self.max_points))


@dataclass(frozen=True)
class Ranked:
    """A party's place in a ranking. Tied parties share `rank` and have `tied` set."""

    rank: int
    score: PartyScore
    tied: bool


def score(quiz: Quiz, answers: Answers, method_id: str | None = None,
          parties: Iterable[str] | None = None) -> dict[str, PartyScore]:
    """Score `answers` against each party (all, or `parties`) with the named or default method."""
    weights = quiz.weights
    method = weights.method(method_id)
    party_ids = list(parties) if parties is not None else list(quiz.parties)
    answered = [s for s in quiz.statements if answers.values.get(s.id) is not None]
    scores = {}
    for party in party_ids:
        points, maximum, counted = Fraction(0), Fraction(0), 0
        for statement in answered:
            answer = answers.values[statement.id]
            assert answer is not None
            result = statement_points(weights, method, answer,
                                      statement.id in answers.important, statement.positions.get(party))
            if result is not None:
                points, maximum = points + result[0], maximum + result[1]
                counted += party in statement.positions
        scores[party] = PartyScore(party, points, maximum, counted, len(answered))
    return scores


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
    points, maximum = pair_points(weights, method, answer, position.stance)
    return points * weight, maximum * weight


def pair_points(weights: Weights, method: Method, answer: int, stance: int) -> tuple[Fraction, Fraction]:
    """Unweighted (points, max_points) for an answer and a stance under `method`."""
    if method.collapse == "sign":
        answer, stance = _sign(answer), _sign(stance)
    return RULES[method.rule].points(method, weights.scale, answer, stance)


def rank(scores: Mapping[str, PartyScore]) -> list[Ranked]:
    """Parties from best to worst match. Equal matches share a rank and are marked as tied;
    within a tie, and among parties with no basis for a match, the order is by party id."""
    matched = [(s.match, s) for s in scores.values() if s.match is not None]
    matched.sort(key=lambda pair: (-pair[0], pair[1].party))
    counts = Counter(match for match, _ in matched)
    ranked, place = [], 1
    for index, (match, entry) in enumerate(matched):
        if index and match != matched[index - 1][0]:
            place = index + 1
        ranked.append(Ranked(place, entry, counts[match] > 1))
    unscored = sorted((s for s in scores.values() if s.match is None), key=lambda s: s.party)
    ranked += [Ranked(len(matched) + 1, entry, len(unscored) > 1) for entry in unscored]
    return ranked


def _sign(value: int) -> int:
    return (value > 0) - (value < 0)
