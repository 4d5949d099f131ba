"""Each party's points per answered statement, kept apart, so one change is re-scored cheaply.

`Tally.matches()` equals `quiz.scoring.score(...).match` for every party (a property test checks
it). A change replaces the (points, max_points) of one (party, statement) cell; the match is then
the base sums minus the old cells plus the new ones, in exact fractions. The verdict (what if one
answer were one step different?) and the firmness check (what if one stance were coded one step
differently?) ask hundreds of such questions per result.

The cells and sums are kept in units of the method's `Pairs.denominator` (whole numbers, see
`quiz.rules.Pairs`), so those questions are answered by adding and comparing whole numbers
(`sums_with`, `top_with`, `order`): exact, like Fractions, without making one per question.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from fractions import Fraction

from quiz.model import Answers, Method, Position, Quiz, Statement
from quiz.rules import Pairs, Units
from quiz.scoring import over, pairs_of, stance_units, statement_points, statement_units

Cell = tuple[Fraction, Fraction] | None
Change = Mapping[tuple[str, str], Cell]


@dataclass(frozen=True)
class Tally:
    """The cells of one respondent against `parties` under one method, in `pairs.denominator` units.
    `statements` are the answered ones, in quiz order."""

    quiz: Quiz
    method: Method
    answers: Answers
    parties: tuple[str, ...]
    pairs: Pairs
    statements: tuple[Statement, ...]
    cells: Mapping[str, Mapping[str, Units | None]]
    sums: Mapping[str, Units]

    @classmethod
    def of(cls, quiz: Quiz, answers: Answers, parties: Iterable[str] | None = None,
           method_id: str | None = None) -> Tally:
        party_ids = tuple(parties) if parties is not None else tuple(quiz.parties)
        weights, method = quiz.weights, quiz.weights.method(method_id)
        pairs = pairs_of(weights, method)
        values, important = answers.values, answers.important
        answered = [(s, value) for s in quiz.statements if (value := values.get(s.id)) is not None]
        cells = {party: {s.id: statement_units(weights, pairs, answer, s.id in important, s.positions.get(party))
                         for s, answer in answered}
                 for party in party_ids}
        sums = {party: _total(row.values()) for party, row in cells.items()}
        statements = tuple(s for s, _ in answered)
        return cls(quiz, method, answers, party_ids, pairs, statements, cells, sums)

    @property
    def answered(self) -> tuple[str, ...]:
        return tuple(s.id for s in self.statements)

    def cell(self, statement_id: str, party: str, answer: int | None, position: Position | None) -> Cell:
        """(points, max_points) of one party on one statement for `answer` (None: skipped)."""
        if answer is None:
            return None
        important = statement_id in self.answers.important
        return statement_points(self.quiz.weights, self.method, answer, important, position)

    def units(self, statement_id: str, answer: int, stance: int | None, party_important: bool = False) -> Units | None:
        """`cell` in units, for a party with `stance` (None: no stated position) on the statement."""
        important = statement_id in self.answers.important
        return stance_units(self.quiz.weights, self.pairs, answer, important, stance, party_important)

    def matches(self, change: Change | None = None) -> dict[str, Fraction | None]:
        """Each party's match, Σ points / Σ max_points, with the cells in `change` replaced. Only
        the parties that `change` touches are divided again."""
        result = dict(self._base_matches)
        denominator = self.pairs.denominator
        sums: dict[str, tuple[Fraction, Fraction]] = {}
        for (party, statement_id), cell in (change or {}).items():
            if party in sums:
                points, maximum = sums[party]
            else:
                points, maximum = (over(total, denominator) for total in self.sums[party])
            old = self.cells[party].get(statement_id)
            if old is not None:
                points, maximum = points - over(old[0], denominator), maximum - over(old[1], denominator)
            if cell is not None:
                points, maximum = points + cell[0], maximum + cell[1]
            sums[party] = (points, maximum)
        result.update({party: points / maximum if maximum else None for party, (points, maximum) in sums.items()})
        return result

    def sums_with(self, party: str, statement_id: str, units: Units | None) -> Units:
        """The party's (Σ points, Σ max_points) in units with its cell on the statement replaced."""
        points, maximum = self.sums[party]
        old = self.cells[party].get(statement_id)
        if old is not None:
            points, maximum = points - old[0], maximum - old[1]
        if units is not None:
            points, maximum = points + units[0], maximum + units[1]
        return points, maximum

    def top_with(self, party: str, statement_id: str, units: Units | None) -> tuple[str, ...]:
        """`top_of(self.matches(change))` for a change of one cell (given in units): the changed
        party is compared with the best of the others, in whole numbers."""
        points, maximum = self.sums_with(party, statement_id, units)
        others, best = self._top_without(party)
        if not maximum:
            return others
        if best is None:
            return (party,)
        versus = order((points, maximum), (best.numerator, best.denominator))
        return (party,) if versus > 0 else tuple(sorted((*others, party))) if versus == 0 else others

    def _top_without(self, party: str) -> tuple[tuple[str, ...], Fraction | None]:
        """`top_of` the base matches of every party but `party`, and their match."""
        for level, parties in self._podium:
            rest = tuple(p for p in parties if p != party)
            if rest:
                return rest, level
        return (), None

    @functools.cached_property
    def _podium(self) -> tuple[tuple[Fraction, tuple[str, ...]], ...]:
        """The two best base matches, each with its parties by id: without any one party, the top
        is among them."""
        scored = {party: match for party, match in self._base_matches.items() if match is not None}
        levels = sorted(set(scored.values()), reverse=True)[:2]
        return tuple((level, tuple(sorted(p for p, match in scored.items() if match == level))) for level in levels)

    @functools.cached_property
    def _base_matches(self) -> dict[str, Fraction | None]:
        # (points / d) / (maximum / d) = points / maximum: the units' denominator cancels
        return {party: Fraction(points, maximum) if maximum else None for party, (points, maximum) in self.sums.items()}


def _total(cells: Iterable[Units | None]) -> Units:
    counted = [cell for cell in cells if cell is not None]
    return sum(cell[0] for cell in counted), sum(cell[1] for cell in counted)


def order(first: Units, second: Units) -> int:
    """The sign of first[0]/first[1] − second[0]/second[1] (both maxima nonzero), exactly, in
    whole numbers: (a/b − c/d) has the sign of (a·d − c·b)·b·d."""
    difference = (first[0] * second[1] - second[0] * first[1]) * first[1] * second[1]
    return (difference > 0) - (difference < 0)


def top_of(matches: Mapping[str, Fraction | None]) -> tuple[str, ...]:
    """The parties with the highest match (several when they tie), by id; () when none has one."""
    scored = {party: match for party, match in matches.items() if match is not None}
    if not scored:
        return ()
    best = max(scored.values())
    return tuple(sorted(party for party, match in scored.items() if match == best))


@functools.lru_cache(maxsize=4096)
def neighbours(values: tuple[int, ...], value: int) -> tuple[int, ...]:
    """The options one step from `value` on the scale (in file order), one or two of them. (Kept:
    a results page asks this hundreds of times for the same few values.)"""
    index = values.index(value)
    return tuple(values[i] for i in (index - 1, index + 1) if 0 <= i < len(values))
