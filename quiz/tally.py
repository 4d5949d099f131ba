"""Each party's points per answered statement, kept apart, so one change is re-scored cheaply.

`Tally.matches()` equals `quiz.scoring.score(...).match` for every party (a property test checks
it). A change replaces the (points, max_points) of one (party, statement) cell; the match is then
the base sums minus the old cells plus the new ones, in exact fractions. The verdict (what if one
answer were one step different?) and the firmness check (what if one stance were coded one step
differently?) ask hundreds of such questions per result.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from fractions import Fraction

from quiz.model import Answers, Method, Position, Quiz
from quiz.scoring import statement_points

Cell = tuple[Fraction, Fraction] | None
Change = Mapping[tuple[str, str], Cell]


@dataclass(frozen=True)
class Tally:
    """The cells of one respondent against `parties` under one method."""

    quiz: Quiz
    method: Method
    answers: Answers
    parties: tuple[str, ...]
    cells: Mapping[str, Mapping[str, Cell]]
    sums: Mapping[str, tuple[Fraction, Fraction]]

    @classmethod
    def of(cls, quiz: Quiz, answers: Answers, parties: Iterable[str] | None = None,
           method_id: str | None = None) -> Tally:
        party_ids = tuple(parties) if parties is not None else tuple(quiz.parties)
        tally = cls(quiz, quiz.weights.method(method_id), answers, party_ids, {}, {})
        cells = {party: {s.id: tally.cell(s.id, party, answers.values[s.id], s.positions.get(party))
                         for s in quiz.statements if answers.values.get(s.id) is not None}
                 for party in party_ids}
        sums = {party: (sum((c[0] for c in row.values() if c is not None), Fraction(0)),
                        sum((c[1] for c in row.values() if c is not None), Fraction(0)))
                for party, row in cells.items()}
        return cls(quiz, tally.method, answers, party_ids, cells, sums)

    @property
    def answered(self) -> tuple[str, ...]:
        return tuple(s.id for s in self.quiz.statements if self.answers.values.get(s.id) is not None)

    def cell(self, statement_id: str, party: str, answer: int | None, position: Position | None) -> Cell:
        """(points, max_points) of one party on one statement for `answer` (None: skipped)."""
        if answer is None:
            return None
        important = statement_id in self.answers.important
        return statement_points(self.quiz.weights, self.method, answer, important, position)

    def matches(self, change: Change | None = None) -> dict[str, Fraction | None]:
        """Each party's match, Σ points / Σ max_points, with the cells in `change` replaced. Only
        the parties that `change` touches are divided again."""
        result = dict(self._base_matches)
        sums: dict[str, tuple[Fraction, Fraction]] = {}
        for (party, statement_id), cell in (change or {}).items():
            points, maximum = sums.get(party, self.sums[party])
            old = self.cells[party].get(statement_id)
            if old is not None:
                points, maximum = points - old[0], maximum - old[1]
            if cell is not None:
                points, maximum = points + cell[0], maximum + cell[1]
            sums[party] = (points, maximum)
        result.update({party: points / maximum if maximum else None for party, (points, maximum) in sums.items()})
        return result

    @functools.cached_property
    def _base_matches(self) -> dict[str, Fraction | None]:
        return {party: points / maximum if maximum else None for party, (points, maximum) in self.sums.items()}


def top_of(matches: Mapping[str, Fraction | None]) -> tuple[str, ...]:
    """The parties with the highest match (several when they tie), by id; () when none has one."""
    scored = {party: match for party, match in matches.items() if match is not None}
    if not scored:
        return ()
    best = max(scored.values())
    return tuple(sorted(party for party, match in scored.items() if match == best))


def neighbours(values: tuple[int, ...], value: int) -> tuple[int, ...]:
    """The options one step from `value` on the scale (in file order), one or two of them."""
    index = values.index(value)
    return tuple(values[i] for i in (index - 1, index + 1) if 0 <= i < len(values))
