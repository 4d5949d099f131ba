"""Read respondents' answers from plain data (JSON), checked against a quiz."""

from __future__ import annotations

from typing import Any

from quiz.errors import DataError, Problem
from quiz.model import Answers, Quiz


def parse_respondents(data: Any, quiz: Quiz, file: str) -> list[Answers]:
    """A JSON list of `{"answers": {id: value or null}, "important": [ids]}` as `Answers`.

    Raise `DataError` listing every unknown statement id, value off the scale, or bad shape."""
    problems: list[Problem] = []

    def report(path: tuple[str, ...], message: str, hint: str) -> None:
        problems.append(Problem(file, None, None, path, message, hint))

    if not isinstance(data, list):
        report((), "expected a JSON list of respondents", 'write [{"answers": {...}, "important": [...]}, ...]')
        raise DataError(problems)
    known = {s.id for s in quiz.statements}
    scale = quiz.weights.scale.values
    respondents = []
    for index, entry in enumerate(data):
        crumb = f"[{index}]"
        if not isinstance(entry, dict) or not isinstance(entry.get("answers", {}), dict):
            report((crumb,), "expected an object with an \"answers\" object", 'write {"answers": {"id": 2}}')
            continue
        values: dict[str, int | None] = {}
        for statement_id, value in entry.get("answers", {}).items():
            if statement_id not in known:
                report((crumb, "answers", statement_id), f"unknown statement '{statement_id}'",
                       f"use a statement id from {quiz.file}")
            elif value is not None and (isinstance(value, bool) or value not in scale):
                report((crumb, "answers", statement_id), f"expected one of {', '.join(map(str, scale))} or null, "
                       f"got {value!r}", "use a value of the answer scale, or null for skipped")
            else:
                values[statement_id] = value
        important = entry.get("important", [])
        if not isinstance(important, list) or any(i not in known for i in important):
            report((crumb, "important"), "expected a list of statement ids", 'write "important": ["id", ...]')
            important = []
        respondents.append(Answers(values, frozenset(important)))
    if problems:
        raise DataError(problems)
    return respondents
