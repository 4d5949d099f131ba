"""Score many respondents at once with NumPy: class totals, research, benchmarks.

The result is exactly that of `quiz.scoring.score` for each respondent (a property test proves
it): every per-statement value is a multiple of ½, so float64 sums are exact, and the percentage
is one correctly rounded division, 100·points / max_points.

For each answer value v on the scale, `P_v[s, p]` holds the weighted points a party p gets on
statement s when the respondent answers v (and `M_v` the maximum). With `A_v[r, s]` the respondent's
weight on s if they answered v (else 0), points = Σ_v A_v @ P_v: a few matrix products.
Respondents are processed in chunks, so memory stays bounded for any number of them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from quiz.model import Answers, Quiz
from quiz.scoring import statement_points

CHUNK = 65_536


@dataclass(frozen=True)
class BatchResult:
    """Arrays of shape (respondents, parties) in the order of `parties`."""

    parties: tuple[str, ...]
    points: np.ndarray
    max_points: np.ndarray
    counted: np.ndarray
    answered: np.ndarray

    @property
    def percent(self) -> np.ndarray:
        """100 · points / max_points; NaN where nothing counts."""
        with np.errstate(invalid="ignore", divide="ignore"):
            return np.where(self.max_points > 0, 100 * self.points / self.max_points, np.nan)


class BatchScorer:
    """Precomputed party matrices for one quiz, method and set of parties."""

    def __init__(self, quiz: Quiz, method_id: str | None = None, parties: Sequence[str] | None = None) -> None:
        self.quiz = quiz
        self.parties = tuple(parties) if parties is not None else tuple(quiz.parties)
        self.statement_ids = tuple(s.id for s in quiz.statements)
        self.values = quiz.weights.scale.values
        method = quiz.weights.method(method_id)
        shape = (len(self.values), len(self.statement_ids), len(self.parties))
        self._points = {w: np.zeros(shape) for w in (False, True)}
        self._max = {w: np.zeros(shape) for w in (False, True)}
        self._stated = np.zeros(shape[1:])
        for s, statement in enumerate(quiz.statements):
            for p, party in enumerate(self.parties):
                position = statement.positions.get(party)
                self._stated[s, p] = position is not None
                for v, value in enumerate(self.values):
                    for important in (False, True):
                        result = statement_points(quiz.weights, method, value, important, position)
                        if result is not None:
                            self._points[important][v, s, p] = float(result[0])
                            self._max[important][v, s, p] = float(result[1])

    def encode(self, respondents: Sequence[Answers]) -> tuple[np.ndarray, np.ndarray]:
        """Answers as (value index or -1 for skipped, important flags), both (respondents, statements)."""
        index = {value: i for i, value in enumerate(self.values)}
        codes = np.full((len(respondents), len(self.statement_ids)), -1, dtype=np.int8)
        important = np.zeros(codes.shape, dtype=bool)
        for r, answers in enumerate(respondents):
            for s, statement_id in enumerate(self.statement_ids):
                value = answers.values.get(statement_id)
                if value is not None:
                    codes[r, s] = index[value]
                important[r, s] = statement_id in answers.important
        return codes, important

    def score(self, codes: np.ndarray, important: np.ndarray) -> BatchResult:
        """Score encoded answers (see `encode`), chunk by chunk."""
        parts = [self._score_chunk(codes[i:i + CHUNK], important[i:i + CHUNK])
                 for i in range(0, max(len(codes), 1), CHUNK)]
        stacked = [np.concatenate([part[k] for part in parts]) for k in range(4)]
        return BatchResult(self.parties, *stacked)

    def score_answers(self, respondents: Sequence[Answers]) -> BatchResult:
        return self.score(*self.encode(respondents))

    def _score_chunk(self, codes: np.ndarray, important: np.ndarray) -> tuple[np.ndarray, ...]:
        n = len(codes)
        points = np.zeros((n, len(self.parties)))
        maximum = np.zeros_like(points)
        answered = codes >= 0
        for v in range(len(self.values)):
            chosen = codes == v
            for flag in (False, True):
                mask = (chosen & (important == flag)).astype(np.float64)
                points += mask @ self._points[flag][v]
                maximum += mask @ self._max[flag][v]
        counted = answered.astype(np.float64) @ self._stated
        return points, maximum, counted.astype(np.int64), answered.sum(axis=1)
