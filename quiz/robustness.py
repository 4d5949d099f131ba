"""How stable a result is: the top party under every method, and its margin to the runner-up."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from quiz.model import Answers, Quiz
from quiz.scoring import rank, score


@dataclass(frozen=True)
class MethodOutcome:
    """The best match under one method. `top` holds several parties when they tie."""

    method: str
    top: tuple[str, ...]
    percent: float | None
    margin: float | None

    @property
    def tied(self) -> bool:
        return len(self.top) > 1


def robustness(quiz: Quiz, answers: Answers, parties: Iterable[str] | None = None) -> list[MethodOutcome]:
    """For each method in the quiz's weights file: the top party (or tie) and the margin, in
    percentage points, to the best party below it (None when there is no such party)."""
    party_ids = list(parties) if parties is not None else None
    outcomes = []
    for method_id in quiz.weights.methods:
        ranked = [r for r in rank(score(quiz, answers, method_id, party_ids)) if r.score.percent is not None]
        if not ranked:
            outcomes.append(MethodOutcome(method_id, (), None, None))
            continue
        top = tuple(r.score.party for r in ranked if r.rank == 1)
        best = ranked[0].score.percent
        below = [r.score.percent for r in ranked if r.rank > 1]
        margin = best - below[0] if below and best is not None and below[0] is not None else None
        outcomes.append(MethodOutcome(method_id, top, best, margin))
    return outcomes


def depends_on_method(outcomes: list[MethodOutcome]) -> bool:
    """True when the methods disagree about who comes out on top."""
    return len({outcome.top for outcome in outcomes if outcome.top}) > 1
