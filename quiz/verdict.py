"""The headline of a result, in the method's own terms: a clear lead, too close to call, a tie,
or (with one party) just the agreement.

Too close to call: the leader's lead is no longer safe when

- the percentages the page shows (whole numbers) are equal, or
- changing the respondent's answer to a single statement by one step on the scale (for example
  "Helt enig" → "Delvis enig") would put another party level with or ahead of the leader.

Both are computed exactly (`quiz.tally`), with the same method as the match.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from fractions import Fraction
from typing import Literal

from quiz.model import Answers, Quiz
from quiz.numbers import decimal
from quiz.rules import percent_of
from quiz.scoring import PartyScore, score
from quiz.tally import Tally, neighbours, order

Kind = Literal["none", "single", "tie", "close", "clear"]


@dataclass(frozen=True)
class Verdict:
    """`parties`: the leader first, then the parties level with it (tie) or within reach (close).
    `margin` is the leader's lead over the runner-up, as a fraction (0.1 = 10 percentage points)."""

    kind: Kind
    parties: tuple[str, ...]
    match: Fraction | None = None
    runner_up: str | None = None
    margin: Fraction | None = None
    rounded_equal: bool = False


@dataclass(frozen=True)
class HeadToHead:
    """Two parties scored only on the answered statements where both have a stated position."""

    first: PartyScore
    second: PartyScore

    @property
    def common(self) -> int:
        return self.first.counted


def verdict(quiz: Quiz, answers: Answers, parties: Iterable[str] | None = None,
            method_id: str | None = None) -> Verdict:
    """The verdict for `answers` against `parties` (all by default) under the named method."""
    tally = Tally.of(quiz, answers, parties, method_id)
    matches = {p: m for p, m in tally.matches().items() if m is not None}
    if not matches:
        return Verdict("none", ())
    order = sorted(matches, key=lambda p: (-matches[p], p))
    leader, best = order[0], matches[order[0]]
    if len(tally.parties) == 1 or len(order) == 1:
        return Verdict("single", (leader,), best)
    level = tuple(p for p in order if matches[p] == best)
    runner_up = next((p for p in order if matches[p] < best), None)
    margin = None if runner_up is None else best - matches[runner_up]
    if len(level) > 1:
        return Verdict("tie", level, best, runner_up, margin)
    rounded = tuple(p for p in order[1:] if _shown(matches[p]) == _shown(best))
    reachable = _within_one_answer(tally, leader)
    contenders = tuple(p for p in order[1:] if p in rounded or p in reachable)
    kind: Kind = "close" if contenders else "clear"
    return Verdict(kind, (leader, *contenders), best, runner_up, margin, bool(rounded))


def head_to_head(quiz: Quiz, answers: Answers, first: str, second: str,
                 method_id: str | None = None) -> HeadToHead:
    """Score both parties on the answered statements that both address."""
    common = {s.id for s in quiz.statements if first in s.positions and second in s.positions}
    shared = Answers({k: v for k, v in answers.values.items() if k in common}, answers.important & common)
    scores = score(quiz, shared, method_id, [first, second])
    return HeadToHead(scores[first], scores[second])


def coverage_differs(scores: dict[str, PartyScore]) -> bool:
    """True when the parties are scored on different numbers of statements."""
    return len({entry.counted for entry in scores.values()}) > 1


def _shown(match: Fraction) -> str:
    """The whole-number percentage the page shows for `match`."""
    return decimal(percent_of(match), "en", 0)


def _within_one_answer(tally: Tally, leader: str) -> set[str]:
    """Parties that some one-step change of a single answer puts level with or ahead of `leader`.
    Each change is re-summed and compared in whole-number units (`quiz.tally.order`), exactly as
    the matches would compare."""
    values = tally.quiz.weights.scale.values
    reach: set[str] = set()
    for statement in tally.statements:
        answer = tally.answers.values[statement.id]
        assert answer is not None
        for other in neighbours(values, answer):
            sums = {}
            for party in tally.parties:
                position = statement.positions.get(party)
                units = (tally.units(statement.id, other, None) if position is None else
                         tally.units(statement.id, other, position.stance, position.important))
                sums[party] = tally.sums_with(party, statement.id, units)
            top = sums[leader]
            reach |= {p for p, changed in sums.items()
                      if p != leader and changed[1] and (not top[1] or order(changed, top) >= 0)}
    return reach
