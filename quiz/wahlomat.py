"""Import a Wahl-O-Mat election from the qual-o-mat-data layout into our quiz format.

One election folder holds `overview.json`, `statement.json`, `party.json`, `answer.json`,
`opinion.json` and `comment.json`. The import writes three things next to the output file:

- the quiz (`OUT.yaml`): every party's stance on every thesis (agree 1, neutral 0, disagree -1);
- its weights (`OUT.weights.yaml`): the 3-point scale and the `wahlomat` method, which reproduces
  Wahl-O-Mat exactly (same answer 2 points, one step apart 1, opposite 0), plus two alternatives;
- one plain-text source per party (`OUT-sources/PARTY.txt`): for each thesis, the party's recorded
  answer on one line ("Antwort der Partei zu These 3 (Wählen ab 16): Stimme zu") and its
  justification. A position quotes the justification; where the party gave none, it quotes the
  answer line, which is exactly what the party said.
"""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path
from typing import Any

import yaml

from quiz.errors import DataError, Problem

FILES = ("overview", "statement", "party", "answer", "opinion", "comment")
STANCES = {"Stimme zu": 1, "Neutral": 0, "Stimme nicht zu": -1}
PALETTE = ("#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf",
           "#ff7f0e", "#393b79", "#637939", "#8c6d31", "#843c39", "#7b4173", "#3182bd", "#e6550d", "#31a354")


def import_folder(folder: Path, output: Path) -> list[Path]:
    """Import one election folder; write the quiz, its weights and its sources. Return their paths."""
    data = _read_folder(Path(folder))
    election = _Election(data, Path(folder))
    output = Path(output)
    output.parent.mkdir(parents=True, exist_ok=True)
    sources_dir = output.parent / f"{output.stem}-sources"
    sources_dir.mkdir(exist_ok=True)
    written = []
    for party_id, text in election.source_texts().items():
        path = sources_dir / f"{party_id}.txt"
        path.write_text(text, encoding="utf-8")
        written.append(path)
    weights = output.parent / f"{output.stem}.weights.yaml"
    _dump(weights, WEIGHTS)
    _dump(output, election.quiz(weights.name, sources_dir.name))
    return [output, weights, *written]


def _read_folder(folder: Path) -> dict[str, Any]:
    problems, data = [], {}
    for name in FILES:
        path = folder / f"{name}.json"
        try:
            data[name] = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            problems.append(Problem(str(path), None, None, (), "file not found",
                                    "point at one election folder of qual-o-mat-data, e.g. data/2021/deutschland"))
        except (UnicodeDecodeError, json.JSONDecodeError) as error:
            line, column = getattr(error, "lineno", None), getattr(error, "colno", None)
            problems.append(Problem(str(path), line, column, (), f"not valid JSON: {getattr(error, 'msg', error)}",
                                    "restore the file from upstream"))
    if problems:
        raise DataError(problems)
    return data


class _Election:
    """The parsed folder, with our ids for parties and theses."""

    def __init__(self, data: dict[str, Any], folder: Path) -> None:
        self.overview = data["overview"]
        self.statements = sorted(data["statement"], key=lambda s: s["id"])
        self.parties = sorted(data["party"], key=lambda p: p["id"])
        self.party_ids = _unique_ids([_slug(p["name"]) or f"partei-{p['id']}" for p in self.parties])
        self.statement_ids = _unique_ids([_slug(s["label"]).lower() or f"these-{s['id'] + 1}"
                                          for s in self.statements])
        self.comments = {c["id"]: _unwrap(c["text"]) for c in data["comment"]}
        self.opinions = self._opinions(data, folder)

    def _opinions(self, data: dict[str, Any], folder: Path) -> dict[tuple[int, int], tuple[int, str]]:
        answers = {a["id"]: STANCES.get(a["message"]) for a in data["answer"]}
        parties, statements = {p["id"] for p in self.parties}, {s["id"] for s in self.statements}
        problems, opinions = [], {}
        for index, row in enumerate(data["opinion"]):
            where = (f"[{index}]",)
            for key, known in (("party", parties), ("statement", statements), ("answer", answers)):
                if row.get(key) not in known or (key == "answer" and answers[row["answer"]] is None):
                    problems.append(Problem(str(folder / "opinion.json"), None, None, (*where, key),
                                            f"unknown {key} {row.get(key)!r}",
                                            f"every opinion must name an id from {key}.json"))
            if not problems:
                stance = answers[row["answer"]]
                assert stance is not None
                opinions[(row["party"], row["statement"])] = (stance, self.comments.get(row.get("comment"), ""))
        if problems:
            raise DataError(problems)
        return opinions

    def quiz(self, weights_name: str, sources_name: str) -> dict[str, Any]:
        title = f"{self.overview['title']} {self.overview['date'][:4]}"
        year = int(self.overview["date"][:4])
        return {
            "quiz": {
                "id": _slug(self.overview["slug"]).lower() or "wahlomat",
                "title": {"sv": f"Wahl-O-Mat: {title}", "en": f"Wahl-O-Mat: {title}"},
                "region": self.overview["title"],
                "election": f"{self.overview['title']}, {self.overview['date']}",
                "description": {
                    "sv": "Importerad från Wahl-O-Mat (Bundeszentrale für politische Bildung) via qual-o-mat-data. "
                          "Teserna och motiveringarna är partiernas egna, på tyska.",
                    "en": "Imported from Wahl-O-Mat (Bundeszentrale für politische Bildung) via qual-o-mat-data. "
                          "The theses and justifications are the parties' own, in German.",
                },
                "weights": weights_name,
            },
            "sources": [{"id": f"wom-{pid}", "party": pid, "title": f"Wahl-O-Mat-Antworten: {name}",
                         "kind": "Wahl-O-Mat answers and justifications", "year": year,
                         "file": f"{sources_name}/{pid}.txt"} for pid, name in self._names()],
            "parties": [{"id": pid, "name": {"sv": name, "en": name}, "color": PALETTE[i % len(PALETTE)]}
                        for i, (pid, name) in enumerate(self._names())],
            "topics": [{"id": "alla", "name": {"sv": "Alla teser", "en": "All theses"}}],
            "statements": [self._statement(sid, s) for sid, s in zip(self.statement_ids, self.statements, strict=True)],
        }

    def _names(self) -> list[tuple[str, str]]:
        return [(pid, party["longname"].strip()) for pid, party in zip(self.party_ids, self.parties, strict=True)]

    def _statement(self, statement_id: str, statement: dict[str, Any]) -> dict[str, Any]:
        positions = {}
        for pid, party in zip(self.party_ids, self.parties, strict=True):
            opinion = self.opinions.get((party["id"], statement["id"]))
            if opinion is not None:
                stance, comment = opinion
                quote = comment or self._answer_line(statement, stance)
                positions[pid] = {"stance": stance, "source": f"wom-{pid}", "quote": quote}
        return {"id": statement_id, "topic": "alla", "text": {"sv": statement["text"], "en": statement["text"]},
                "positions": positions}

    def source_texts(self) -> dict[str, str]:
        texts = {}
        for pid, party in zip(self.party_ids, self.parties, strict=True):
            blocks = [f"Wahl-O-Mat {self.overview['title']} {self.overview['date']}: {party['longname'].strip()}\n"]
            for statement in self.statements:
                opinion = self.opinions.get((party["id"], statement["id"]))
                if opinion is not None:
                    blocks.append(f"{self._answer_line(statement, opinion[0])}\n"
                                  f"Begründung: {opinion[1] or '(keine)'}\n")
            texts[pid] = "\n".join(blocks)
        return texts

    @staticmethod
    def _answer_line(statement: dict[str, Any], stance: int) -> str:
        answer = next(message for message, value in STANCES.items() if value == stance)
        return f"Antwort der Partei zu These {statement['id'] + 1} ({statement['label']}): {answer}"


def _unwrap(text: str) -> str:
    """Comment texts are wrapped in literal double quotes; `""` is an empty justification."""
    text = text.strip()
    if len(text) >= 2 and text[0] == text[-1] == '"':
        text = text[1:-1]
    return text.strip()


def _slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text.replace("ß", "ss")).encode("ascii", "ignore").decode()
    return re.sub(r"[^A-Za-z0-9]+", "-", ascii_text).strip("-")


def _unique_ids(ids: list[str]) -> list[str]:
    seen: dict[str, int] = {}
    unique = []
    for base in ids:
        seen[base] = seen.get(base, 0) + 1
        unique.append(base if seen[base] == 1 else f"{base}-{seen[base]}")
    return unique


def _dump(path: Path, data: dict[str, Any]) -> None:
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100), encoding="utf-8")


def _table_method(sv: str, en: str, description_sv: str, description_en: str, collapse: bool) -> dict[str, Any]:
    method: dict[str, Any] = {"name": {"sv": sv, "en": en}, "description": {"sv": description_sv, "en": description_en},
                              "rule": "table", "table": {1: {1: 2, 0: 1, -1: 0}, 0: {1: 1, 0: 2, -1: 1},
                                                         -1: {1: 0, 0: 1, -1: 2}}}
    if collapse:
        method["collapse"] = "sign"
    return method


WEIGHTS: dict[str, Any] = {
    "scale": {
        "answers": [{"value": 1, "label": {"sv": "Håller med", "en": "Agree"}},
                    {"value": 0, "label": {"sv": "Neutral", "en": "Neutral"}},
                    {"value": -1, "label": {"sv": "Håller inte med", "en": "Disagree"}}],
        "skip": {"sv": "Hoppa över", "en": "Skip"},
    },
    "important_weight": 2,
    "missing": {"rule": "drop"},
    "default_method": "wahlomat",
    "methods": {
        "wahlomat": _table_method(
            "Wahl-O-Mat", "Wahl-O-Mat",
            "Samma svar ger 2 poäng, ett steg ifrån 1, motsatt 0. Viktiga teser räknas dubbelt. Exakt som Wahl-O-Mat.",
            "The same answer gives 2 points, one step apart 1, opposite 0. Important theses count double. "
            "Exactly as Wahl-O-Mat.", collapse=False),
        "distance": {"name": {"sv": "Avstånd", "en": "Distance"},
                     "description": {"sv": "2 poäng minus avståndet mellan svaren på skalan −1..1.",
                                     "en": "2 points minus the distance between the answers on the scale −1..1."},
                     "rule": "distance"},
        "direction": _table_method(
            "Bara riktning", "Direction only",
            "Svaren reduceras till enig, neutral eller oenig innan Wahl-O-Mat-tabellen används.",
            "Answers are reduced to agree, neutral or disagree before the Wahl-O-Mat table is used.", collapse=True),
    },
}
