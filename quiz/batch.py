"""Score many respondents at once with NumPy: class totals, research, benchmarks.

The result is exactly that of `quiz.scoring.score` for each respondent (a property test proves
it): every per-statement value is a multiple of ½, so float64 sums are exact, and the percentage
is one correctly rounded division, 100·points / max_points.

Every (statement, answer, important?) combination is one row of a table holding, for each party,
the weighted points, the maximum and whether the party has a stated position. A respondent is a
one-hot row over those combinations, so a whole chunk is scored by one matrix product. The
entries are small multiples of ½, so float32 sums are exact. Respondents are processed in chunks
of `CHUNK`, so memory stays bounded for any number of them.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import numpy as np

from quiz.model import Answers, Method, Quiz
from quiz.rules import percent
from quiz.scoring import statement_points

CHUNK = 16_384


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
            return np.where(self.max_points > 0, percent(self.points, self.max_points), np.nan)


class BatchScorer:
    """Precomputed party matrices for one quiz, method and set of parties."""

    def __init__(self, quiz: Quiz, method_id: str | None = None, parties: Sequence[str] | None = None) -> None:
        self.quiz = quiz
        self.parties = tuple(parties) if parties is not None else tuple(quiz.parties)
        self.statement_ids = tuple(s.id for s in quiz.statements)
        self.values = quiz.weights.scale.values
        self._weights = self._table(quiz, quiz.weights.method(method_id))

    def _table(self, quiz: Quiz, method: Method) -> np.ndarray:
        """One row per (statement, answer code), columns [points | max_points | stated] per party.

        Answer codes per statement: value index (not important), value index + K (important),
        2K (skipped, all zero)."""
        k, n_parties = len(self.values), len(self.parties)
        table = np.zeros((len(self.statement_ids) * (2 * k + 1), 3 * n_parties), dtype=np.float32)
        for s, statement in enumerate(quiz.statements):
            for p, party in enumerate(self.parties):
                position = statement.positions.get(party)
                for v, value in enumerate(self.values):
                    for important in (False, True):
                        row = s * (2 * k + 1) + v + k * important
                        result = statement_points(quiz.weights, method, value, important, position)
                        if result is not None:
                            table[row, p], table[row, n_parties + p] = float(result[0]), float(result[1])
                        table[row, 2 * n_parties + p] = position is not None
        return table

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
        """Score encoded answers (see `encode`). The result holds every respondent: for millions,
        use `chunks` and aggregate as you go, so memory stays bounded."""
        parts = list(self.chunks(codes, important)) or [self._score_chunk(codes[:0], important[:0])]
        return BatchResult(self.parties, *(np.concatenate([getattr(p, f) for p in parts])
                                           for f in ("points", "max_points", "counted", "answered")))

    def chunks(self, codes: np.ndarray, important: np.ndarray) -> Iterator[BatchResult]:
        """Results for `CHUNK` respondents at a time."""
        for start in range(0, len(codes), CHUNK):
            yield self._score_chunk(codes[start:start + CHUNK], important[start:start + CHUNK])

    def score_answers(self, respondents: Sequence[Answers]) -> BatchResult:
        return self.score(*self.encode(respondents))

    def _score_chunk(self, codes: np.ndarray, important: np.ndarray) -> BatchResult:
        """One-hot encode each (statement, answer code) and multiply once by the party table."""
        n, n_statements = codes.shape
        k, n_parties = len(self.values), len(self.parties)
        answer_code = np.where(codes >= 0, codes.astype(np.int32) + k * important, 2 * k)
        columns = answer_code + np.arange(n_statements, dtype=np.int32) * (2 * k + 1)
        onehot = np.zeros((n, n_statements * (2 * k + 1)), dtype=np.float32)
        onehot[np.arange(n)[:, None], columns] = 1.0
        sums = (onehot @ self._weights).astype(np.float64)
        answered = (codes >= 0).sum(axis=1)
        return BatchResult(self.parties, sums[:, :n_parties], sums[:, n_parties:2 * n_parties],
                           sums[:, 2 * n_parties:].astype(np.int64), answered)
