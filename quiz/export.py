"""Downloads: a respondent's answers and results (CSV, JSON), and every position (open data CSV)."""

from __future__ import annotations

import io
import json
from collections.abc import Mapping, Sequence

import pandas as pd

from quiz.model import Answers, Quiz
from quiz.scoring import PartyScore, rank


def results_json(quiz: Quiz, answers: Answers, scores: Mapping[str, PartyScore], method: str) -> str:
    """Answers and results as JSON, percentages unrounded."""
    data = {
        "quiz": quiz.id,
        "method": method,
        "answers": dict(answers.values),
        "important": sorted(answers.important),
        "results": [{"party": r.score.party, "rank": r.rank, "tied": r.tied, "percent": r.score.percent,
                     "points": float(r.score.points), "max_points": float(r.score.max_points),
                     "coverage": {"counted": r.score.counted, "answered": r.score.answered}}
                    for r in rank(scores)],
    }
    return json.dumps(data, ensure_ascii=False, indent=1)


def results_csv(quiz: Quiz, answers: Answers, scores: Mapping[str, PartyScore], lang: str) -> str:
    """One row per statement (your answer, importance), then one row per party result."""
    rows: list[dict[str, object]] = [
        {"kind": "answer", "id": s.id, "text": s.text.get(lang), "value": answers.values.get(s.id),
         "important": s.id in answers.important} for s in quiz.statements if s.id in answers.values]
    rows += [{"kind": "result", "id": r.score.party, "text": quiz.parties[r.score.party].name.get(lang),
              "value": r.score.percent, "rank": r.rank, "tied": r.tied, "counted": r.score.counted,
              "answered": r.score.answered} for r in rank(scores)]
    return _csv(pd.DataFrame(rows))


def positions_csv(quiz: Quiz, parties: Sequence[str] | None = None) -> str:
    """Every statement × party: stance (empty: no stated position), source, quote. Open data."""
    rows = []
    for statement in quiz.statements:
        for party in parties or list(quiz.parties):
            position = statement.positions.get(party)
            rows.append({
                "statement": statement.id, "topic": statement.topic, "text_sv": statement.text.sv,
                "text_en": statement.text.en, "party": party,
                "stance": None if position is None else position.stance,
                "source": None if position is None else quiz.sources[position.source].title,
                "source_file": None if position is None else quiz.sources[position.source].file,
                "quote": None if position is None else position.quote,
            })
    return _csv(pd.DataFrame(rows).astype({"stance": "Int64"}))


def _csv(frame: pd.DataFrame) -> str:
    buffer = io.StringIO()
    frame.to_csv(buffer, index=False)
    return buffer.getvalue()
