"""Downloads: a respondent's answers and results (CSV, JSON), and every position (open data CSV)."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Mapping, Sequence

import pandas as pd

from quiz.model import Answers, Quiz
from quiz.numbers import decimal
from quiz.rules import percent_of
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


CSV_HEADERS = {
    "sv": ("typ", "id", "text", "värde", "viktig", "placering", "delad placering", "räknade påståenden",
           "besvarade påståenden"),
    "en": ("kind", "id", "text", "value", "important", "rank", "tied", "statements counted",
           "statements answered"),
}
CSV_WORDS = {"sv": {"answer": "svar", "result": "resultat", True: "ja", False: "nej"},
             "en": {"answer": "answer", "result": "result", True: "yes", False: "no"}}


def results_csv(quiz: Quiz, answers: Answers, scores: Mapping[str, PartyScore], lang: str) -> str:
    """One row per statement (your answer, importance), then one row per party (match in %, one
    decimal). Swedish: a UTF-8 byte-order mark, `;` between fields and a decimal comma, which is
    what Swedish Excel opens as columns; English: `,` and a decimal point."""
    words = CSV_WORDS["en" if lang == "en" else "sv"]
    rows: list[list[str]] = [[str(words["answer"]), s.id, s.text.get(lang), _value(answers.values[s.id]),
                              str(words[s.id in answers.important]), "", "", "", ""]
                             for s in quiz.statements if s.id in answers.values]
    rows += [[str(words["result"]), r.score.party, quiz.parties[r.score.party].name.get(lang),
              "" if r.score.match is None else decimal(percent_of(r.score.match), lang, 1), "", str(r.rank),
              str(words[r.tied]), str(r.score.counted), str(r.score.answered)] for r in rank(scores)]
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter="," if lang == "en" else ";", lineterminator="\r\n")
    writer.writerow(CSV_HEADERS["en" if lang == "en" else "sv"])
    writer.writerows(rows)
    return ("" if lang == "en" else "\ufeff") + buffer.getvalue()


def positions_csv(quiz: Quiz, parties: Sequence[str] | None = None) -> str:
    """Every statement × party: stance (empty: no stated position), source, quote. Open data.

    Each language the quiz declares beyond Swedish and English (`quiz.languages`, e.g. lättläst)
    adds a `text_<code>` column and a `summary_<code>` column (the editors' plain summary)."""
    extra = [code for code in quiz.languages if code not in ("sv", "en")]
    rows = []
    for statement in quiz.statements:
        for party in parties or list(quiz.parties):
            position = statement.positions.get(party)
            rows.append({
                "statement": statement.id, "topic": statement.topic, "text_sv": statement.text.sv,
                "text_en": statement.text.en,
                **{f"text_{code}": getattr(statement.text, code) for code in extra},
                "party": party,
                "stance": None if position is None else position.stance,
                "source": None if position is None else quiz.sources[position.source].title,
                "source_file": None if position is None else quiz.sources[position.source].file,
                "quote": None if position is None else position.quote,
                **{f"summary_{code}": None if position is None else position.summary.get(code) for code in extra},
            })
    return _csv(pd.DataFrame(rows).astype({"stance": "Int64"}))


def _csv(frame: pd.DataFrame) -> str:
    buffer = io.StringIO()
    frame.to_csv(buffer, index=False)
    return buffer.getvalue()


def _value(value: int | None) -> str:
    """An answer as text: the scale value with a minus sign, or empty for skipped."""
    return "" if value is None else str(value)
