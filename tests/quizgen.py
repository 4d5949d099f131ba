"""Hypothesis strategies for valid quiz folders: statements file, weights file and source texts.

Everything the checker allows may appear: 1 or more parties and statements, 2 to 11 answer options
with any values, table and sign-collapse methods, drop and penalty rules, and ids of every allowed
form, including words the app uses itself (`order`, `Du`, `topic`, `statement`, …).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from hypothesis import strategies as st

from quiz.fields import ID_MAX

# Ids that name the app's own columns, labels or Python/pandas words: the app must treat them as data.
TRICKY_IDS = ("order", "Du", "You", "topic", "statement", "Statement", "party", "name", "percent", "rank", "column",
              "symbol", "index", "label", "basis", "tied", "level_0", "0", "1", "nan", "None", "null", "true", "x_",
              "x-", "a" * ID_MAX)
# Party names that equal the app's own column labels (sv, en).
TRICKY_NAMES = ("Du", "You", "Ämne", "Topic", "Påstående", "Statement", "Parti", "Party", "Plats", "Rank", "nan")
# Party ids and names that once crashed the results tables (they named the tables' own columns).
LABEL_PARTY_IDS = ("order", "Du", "You", "topic", "statement")
LABEL_PARTY_NAMES = ("Ämne", "Topic")
IDS = st.one_of(st.sampled_from(TRICKY_IDS), st.from_regex(rf"[A-Za-z0-9][A-Za-z0-9_-]{{0,{ID_MAX - 1}}}",
                                                           fullmatch=True))
PARTY_IDS = IDS
WORDS = st.text(st.characters(codec="utf-8", categories=("L", "N", "P", "S", "Zs")), min_size=1, max_size=24)
TEXT = WORDS.map(str.strip).filter(bool)
NAMES = st.one_of(st.sampled_from(TRICKY_NAMES), TEXT)


@dataclass(frozen=True)
class QuizFiles:
    """A generated quiz: file name → text."""

    files: dict[str, str]

    def write(self, folder: Path) -> Path:
        for name, text in self.files.items():
            (folder / name).write_text(text, encoding="utf-8")
        return folder / "statements.yaml"


def q(value: object) -> str:
    """A YAML scalar: JSON is YAML, and quoting keeps `null`, `true` or `0` as text."""
    return json.dumps(value, ensure_ascii=False)


@st.composite
def quizzes(draw: st.DrawFn) -> QuizFiles:
    values = draw(st.lists(st.integers(-20, 20), min_size=2, max_size=11, unique=True))
    parties = draw(st.lists(PARTY_IDS, min_size=1, max_size=4, unique=True))
    topics = draw(st.lists(IDS, min_size=1, max_size=2, unique=True))
    statements = draw(st.lists(IDS, min_size=1, max_size=4, unique=True))
    names = draw(st.lists(NAMES, min_size=len(parties), max_size=len(parties),
                          unique_by=lambda name: name.casefold()))
    lines = ["quiz:", f"  id: {q(draw(IDS))}", f"  title: {{sv: {q(draw(TEXT))}, en: {q(draw(TEXT))}}}",
             f"  region: {q(draw(TEXT))}", f"  election: {q(draw(TEXT))}",
             f"  description: {{sv: {q(draw(TEXT))}, en: {q(draw(TEXT))}}}", "sources:"]
    lines += [f"  - {{id: {q('src-' + str(i))}, party: {q(p)}, title: {q(draw(TEXT))}, kind: {q(draw(TEXT))}, "
              f"year: {draw(st.integers(1900, 2100))}, file: {q(f'p{i}.txt')}}}" for i, p in enumerate(parties)]
    lines += ["parties:"] + [f"  - {{id: {q(p)}, name: {{sv: {q(name)}, en: {q(name)}}}, color: \"#123456\"}}"
                             for p, name in zip(parties, names, strict=True)]
    lines += ["topics:"] + [f"  - {{id: {q(t)}, name: {{sv: {q(draw(TEXT))}, en: {q(draw(TEXT))}}}}}" for t in topics]
    lines += ["statements:"]
    for s in statements:
        lines += [f"  - id: {q(s)}", f"    topic: {q(draw(st.sampled_from(topics)))}",
                  f"    text: {{sv: {q(draw(TEXT))}, en: {q(draw(TEXT))}}}", "    positions:"]
        for i, p in enumerate(parties):
            stance = draw(st.one_of(st.none(), st.sampled_from(values)))
            important = draw(st.booleans())
            lines.append(f"      {q(p)}: {{stance: null}}" if stance is None else
                         f"      {q(p)}: {{stance: {stance}, source: {q('src-' + str(i))}, quote: \"Vi vill.\", "
                         f"important: {str(important).lower()}}}")
    files = {"statements.yaml": "\n".join(lines) + "\n", "weights.yaml": draw(weights(values))}
    files |= {f"p{i}.txt": "Vi vill.\n" for i in range(len(parties))}
    return QuizFiles(files)


POINTS = st.integers(0, 8).map(lambda halves: halves / 2)


@st.composite
def weights(draw: st.DrawFn, values: list[int]) -> str:
    labels = [f"    - {{value: {v}, label: {{sv: {q(draw(TEXT))}, en: {q(draw(TEXT))}}}}}" for v in values]
    lines = ["scale:", "  answers:", *labels, f"  skip: {{sv: {q(draw(TEXT))}, en: {q(draw(TEXT))}}}",
             f"important_weight: {draw(st.integers(1, 10))}", _missing(draw(st.one_of(st.none(), POINTS)), "missing")]
    methods = {"avstand": ["    rule: distance"]}
    if draw(st.booleans()):
        methods["tabell"] = ["    rule: table", "    table:"] + [
            f"      {a}: {{{', '.join(f'{b}: {draw(POINTS)}' for b in values)}}}" for a in values]
    if draw(st.booleans()):
        methods["tecken"] = ["    rule: table", "    collapse: sign", "    party_importance: true",
                             "    " + _missing(draw(st.one_of(st.none(), POINTS)), "missing"), "    table:"] + [
            f"      {a}: {{{', '.join(f'{b}: {draw(POINTS)}' for b in (-1, 0, 1))}}}" for a in (-1, 0, 1)]
    lines.append(f"default_method: {draw(st.sampled_from(sorted(methods)))}")
    lines.append("methods:")
    for method_id, body in methods.items():
        lines += [f"  {method_id}:", f"    name: {{sv: {q(draw(TEXT))}, en: {q(draw(TEXT))}}}",
                  f"    description: {{sv: {q(draw(TEXT))}, en: {q(draw(TEXT))}}}", *body]
    return "\n".join(lines) + "\n"


def _missing(penalty: float | None, key: str) -> str:
    return f"{key}: {{rule: drop}}" if penalty is None else f"{key}: {{rule: penalty, max_points: {penalty}}}"
