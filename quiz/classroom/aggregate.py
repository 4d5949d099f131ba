"""Anonymous class aggregates, and the published snapshot of them that teachers and pupils see.

Nothing is shown for a statement until at least `threshold` pupils have answered it, and no
average match until `threshold` pupils have finished: small groups would let a classmate guess
who answered what. Published results change only when at least `threshold` pupils are new or
changed since the last snapshot (`published_summary`), so comparing two looks at the projector,
or two CSV downloads, never isolates one pupil.

Spread is the standard deviation of the answers (skips left out): high spread means the class
is divided, low spread means it agrees.
"""

from __future__ import annotations

import io
import json
import math
from dataclasses import asdict, dataclass

import numpy as np
import pandas as pd

from quiz.batch import BatchScorer
from quiz.classroom.pinning import fit
from quiz.classroom.store import ClassroomStore, Room
from quiz.model import Answers, Quiz

DISCUSS = 3


@dataclass(frozen=True)
class StatementSpread:
    statement_id: str
    counts: dict[int, int]
    skipped: int
    answered: int
    mean: float
    spread: float


@dataclass(frozen=True)
class ClassSummary:
    finished: int
    threshold: int
    statements: tuple[StatementSpread, ...]
    party_means: dict[str, float | None]
    divisive: tuple[str, ...]
    consensus: tuple[str, ...]

    @property
    def unlocked(self) -> bool:
        return self.finished >= self.threshold


def summarise(quiz: Quiz, room: Room, submissions: list[Answers]) -> ClassSummary:
    """The class's aggregates; empty until `room.threshold` pupils have finished."""
    finished = len(submissions)
    if finished < room.threshold:
        return ClassSummary(finished, room.threshold, (), {}, (), ())
    values = quiz.weights.scale.values
    spreads = []
    for statement_id in room.statement_ids:
        given = [a.values.get(statement_id) for a in submissions]
        answered = [v for v in given if v is not None]
        if len(answered) < room.threshold:
            continue
        spreads.append(StatementSpread(statement_id, {v: answered.count(v) for v in values},
                                       finished - len(answered), len(answered), float(np.mean(answered)),
                                       float(np.std(answered))))
    ordered = sorted(spreads, key=lambda s: -s.spread)
    divisive = tuple(s.statement_id for s in ordered[:DISCUSS] if s.spread > 0)
    consensus = tuple(s.statement_id for s in reversed(ordered[-DISCUSS:]) if s.statement_id not in divisive)
    return ClassSummary(finished, room.threshold, tuple(spreads), _party_means(quiz, room, submissions),
                        divisive, consensus)


def published_summary(store: ClassroomStore, quiz: Quiz, room: Room) -> ClassSummary | None:
    """The class results as published: None until `room.threshold` pupils have answered; after
    that the latest snapshot, renewed once `room.threshold` pupils are new or changed since it."""
    fitted = fit(quiz, room)
    snapshot = store.publish(fitted, lambda submissions: summary_json(summarise(quiz, fitted, submissions)))
    return None if snapshot is None else summary_from_json(snapshot.summary)


def summary_json(summary: ClassSummary) -> str:
    return json.dumps(asdict(summary), sort_keys=True)


def summary_from_json(text: str) -> ClassSummary:
    data = json.loads(text)
    spreads = tuple(StatementSpread(s["statement_id"], {int(v): n for v, n in s["counts"].items()}, s["skipped"],
                                    s["answered"], s["mean"], s["spread"]) for s in data["statements"])
    return ClassSummary(data["finished"], data["threshold"], spreads, dict(data["party_means"]),
                        tuple(data["divisive"]), tuple(data["consensus"]))


def _party_means(quiz: Quiz, room: Room, submissions: list[Answers]) -> dict[str, float | None]:
    in_room = set(room.statement_ids)
    scoped = [Answers({k: v for k, v in a.values.items() if k in in_room}, a.important & in_room)
              for a in submissions]
    percent = BatchScorer(quiz, None, room.party_ids).score_answers(scoped).percent
    means = {}
    for index, party in enumerate(room.party_ids):
        column = percent[:, index]
        column = column[~np.isnan(column)]
        means[party] = float(column.mean()) if len(column) else None
    return means


def summary_csv(quiz: Quiz, summary: ClassSummary, lang: str = "sv") -> str:
    """The aggregates only (never one row per pupil) as CSV."""
    rows: list[dict[str, object]] = []
    for spread in summary.statements:
        row: dict[str, object] = {"kind": "statement", "id": spread.statement_id,
                                  "text": quiz.statement(spread.statement_id).text.get(lang),
                                  "answered": spread.answered, "skipped": spread.skipped,
                                  "mean": round(spread.mean, 3), "spread": round(spread.spread, 3)}
        row.update({f"answer {value}": count for value, count in spread.counts.items()})
        rows.append(row)
    for party, mean in summary.party_means.items():
        rows.append({"kind": "party", "id": party, "text": quiz.parties[party].name.get(lang),
                     "mean": None if mean is None or math.isnan(mean) else round(mean, 2)})
    buffer = io.StringIO()
    pd.DataFrame(rows).to_csv(buffer, index=False)
    return buffer.getvalue()
