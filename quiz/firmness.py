"""How firm a respondent's top party is against the coding of the parties' positions.

Two questions, both answered exactly with `quiz.tally`:

- **One-step recoding.** For every answered statement and every party with a stated position:
  would the top party change if that one stance had been coded one step differently on the
  scale (2 → 1, 1 → 2 or 0, …)? Each such recoding is listed.
- **The other reading.** Where the two coders' blind readings differ (`Statement.readings`),
  use the other reading everywhere at once: the blind reading that differs from the stance the
  quiz uses (the second coder's when both differ). A reading of null means no stated position.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from quiz.model import Answers, Position, Quiz, Reading
from quiz.tally import Cell, Tally, neighbours, top_of


@dataclass(frozen=True)
class Recoding:
    """One stance coded differently, and the top party (or tie) it would give."""

    statement: str
    party: str
    stance: int | None
    top: tuple[str, ...]


@dataclass(frozen=True)
class Firmness:
    """`other_reading_top` is None when no coder disagreement touches the answered statements."""

    top: tuple[str, ...]
    recodings: tuple[Recoding, ...]
    disagreements: tuple[Recoding, ...]
    other_reading_top: tuple[str, ...] | None

    @property
    def holds(self) -> bool:
        """No single one-step recoding and not the other reading changes the top."""
        return not self.recodings and self.other_reading_top in (None, self.top)


def firmness(quiz: Quiz, answers: Answers, parties: Iterable[str] | None = None,
             method_id: str | None = None) -> Firmness:
    """Check the top party for `answers` against `parties` under the named method."""
    tally = Tally.of(quiz, answers, parties, method_id)
    top = top_of(tally.matches())
    recodings = tuple(_one_step(tally, top))
    disagreements = tuple(_disagreements(tally))
    other_top = None
    if disagreements:
        change = {(r.party, r.statement): _cell(tally, r.statement, r.party, r.stance) for r in disagreements}
        other_top = top_of(tally.matches(change))
    return Firmness(top, recodings, disagreements, other_top)


def other_reading(reading: Reading) -> int | None:
    """The blind reading that differs from the stance in use (the second coder's if both do)."""
    if reading.first != reading.stance and reading.second == reading.stance:
        return reading.first
    return reading.second


def _one_step(tally: Tally, top: tuple[str, ...]) -> Iterable[Recoding]:
    """The one-step recodings that change `top` (each found with `Tally.top_with`, in whole numbers)."""
    values = tally.quiz.weights.scale.values
    for statement in tally.statements:
        answer = tally.answers.values[statement.id]
        assert answer is not None
        for party in tally.parties:
            position = statement.positions.get(party)
            if position is None:
                continue
            for other in neighbours(values, position.stance):
                units = tally.units(statement.id, answer, other, position.important)
                changed = tally.top_with(party, statement.id, units)
                if changed != top:
                    yield Recoding(statement.id, party, other, changed)


def _disagreements(tally: Tally) -> Iterable[Recoding]:
    """Each answered (statement, party) whose two blind readings differ, with the other reading."""
    for statement in tally.statements:
        answer = tally.answers.values[statement.id]
        assert answer is not None
        for party in tally.parties:
            reading = statement.readings.get(party)
            if reading is not None and (reading.first != reading.second or reading.disputed):
                stance = other_reading(reading)
                if stance != reading.stance:
                    current = statement.positions.get(party)
                    units = tally.units(statement.id, answer, stance, current is not None and current.important)
                    yield Recoding(statement.id, party, stance, tally.top_with(party, statement.id, units))


def _cell(tally: Tally, statement_id: str, party: str, stance: int | None) -> Cell:
    """The cell of `party` on the statement if its stance were `stance` (None: no position)."""
    current = tally.quiz.statement(statement_id).positions.get(party)
    position = None
    if stance is not None:
        important = current.important if current is not None else False
        position = Position(party, stance, "", "", important)
    return tally.cell(statement_id, party, tally.answers.values[statement_id], position)
