"""Load a quiz: its statements file, its weights file and its sources, checked in one pass.

Every problem in every file is collected and raised together as one `DataError`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from quiz.errors import DataError
from quiz.fields import (
    describe,
    field,
    flag,
    identifier,
    integer,
    localized,
    mapping,
    sequence,
    text,
    text_or_localized,
)
from quiz.languages import CODES, LANGUAGES, REQUIRED
from quiz.model import Party, Position, Quiz, Reading, Source, Statement, Text, Topic, Weights
from quiz.nodes import Checker, Node, read_text, read_yaml
from quiz.provenance import closest_passage, quote_in_source
from quiz.weights import read_weights

TOP_FIELDS = ("quiz", "sources", "parties", "topics", "statements")
QUIZ_FIELDS = ("id", "title", "region", "election", "description", "weights", "archive", "languages")
SOURCE_FIELDS = ("id", "party", "title", "kind", "year", "file")
PARTY_FIELDS = ("id", "name", "color")
TOPIC_FIELDS = ("id", "name")
STATEMENT_FIELDS = ("id", "topic", "text", "positions")
POSITION_FIELDS = ("stance", "source", "quote", "important", "note", "first_reading", "second_reading", "disputed",
                   "summary")
COLOR = re.compile(r"^#[0-9A-Fa-f]{6}$")
PLURALS = {"party": "parties", "source": "sources", "topic": "topics", "statement": "statements"}


def load_weights(path: str | Path) -> Weights:
    """Load a weights file on its own; raise `DataError` listing every problem."""
    checker = Checker(_display(Path(path)))
    weights, _ = read_weights(Path(path), checker)
    if checker.problems or weights is None:
        raise DataError(checker.sorted())
    return weights


def load_quiz(path: str | Path, weights_path: str | Path | None = None) -> Quiz:
    """Load a statements file with its weights and sources; raise `DataError` listing every problem.

    The weights file is `weights_path` if given, else the file named in `quiz.weights`, else
    `weights.yaml` next to the statements file.
    """
    path = Path(path)
    checker = Checker(_display(path))
    root = read_yaml(path, checker)
    top = mapping(root, checker, TOP_FIELDS)
    if top is None or root is None:
        raise DataError(checker.sorted())
    reader = _QuizReader(path, checker)
    meta = reader.meta(field(top, "quiz", root, checker))
    weights_file = Path(weights_path) if weights_path else path.parent / (reader.weights_name or "weights.yaml")
    weights_checker = Checker(_display(weights_file))
    weights, scale = read_weights(weights_file, weights_checker,
                           f"put a weights file there, or name yours in `quiz.weights` of {checker.file}")
    parties = reader.parties(field(top, "parties", root, checker))
    sources = reader.sources(field(top, "sources", root, checker))
    topics = reader.topics(field(top, "topics", root, checker))
    statements = reader.statements(field(top, "statements", root, checker), sources,
                                   scale.values if scale else None)
    problems = weights_checker.sorted() + checker.sorted()
    if problems or meta is None or weights is None:
        raise DataError(problems)
    return Quiz(**meta, sources=sources, parties=parties, topics=topics, statements=statements,
                weights=weights, file=checker.file)


def _display(path: Path) -> str:
    """How a file is named in messages: relative to the working directory when inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def source_root(quiz_file: Path) -> Path:
    """The folder a quiz's source files must stay in: the quiz file's folder, or the project folder
    above it for a quiz in `quizzes/` (which quotes the shared `sources/`)."""
    folder = quiz_file.parent
    return folder.parent if folder.name == "quizzes" else folder


def shipped_quizzes(root: Path) -> list[Path]:
    """The quizzes a project folder ships: statements.yaml and every quiz in quizzes/."""
    extra = sorted(p for p in (root / "quizzes").glob("*.yaml") if not p.name.endswith("weights.yaml"))
    return [root / "statements.yaml", *extra]


class _QuizReader:
    """Reads the sections of one statements file, reporting to one checker."""

    def __init__(self, path: Path, checker: Checker) -> None:
        self.path = path
        self.checker = checker
        self.weights_name: str | None = None
        self.languages: tuple[str, ...] = REQUIRED
        self.ids: dict[str, set[str]] = {"parties": set(), "sources": set(), "topics": set()}

    def meta(self, node: Node | None) -> dict[str, Any] | None:
        fields = mapping(node, self.checker, QUIZ_FIELDS)
        if fields is None or node is None:
            return None
        meta = {
            "id": identifier(field(fields, "id", node, self.checker), self.checker),
            "title": localized(field(fields, "title", node, self.checker), self.checker),
            "region": text(field(fields, "region", node, self.checker), self.checker),
            "election": text_or_localized(field(fields, "election", node, self.checker), self.checker),
            "description": localized(field(fields, "description", node, self.checker), self.checker),
        }
        self.weights_name = text(fields.get("weights"), self.checker)
        archive = flag(fields.get("archive"), self.checker)
        self.languages = self._languages(fields.get("languages"))
        if None in meta.values() or archive is None:
            return None
        return {**meta, "archive": archive, "languages": self.languages}

    def _languages(self, node: Node | None) -> tuple[str, ...]:
        """`quiz.languages`: the required languages, plus any other the quiz declares."""
        declared = []
        for item in sequence(node, self.checker) or []:
            code = text(item, self.checker)
            if code is not None and code not in CODES:
                self.checker.report(item, f"unknown language '{code}'", f"use one of: {', '.join(CODES)}")
            declared.append(code)
        extra = tuple(code for code in CODES if code in declared and code not in REQUIRED)
        return REQUIRED + extra

    def parties(self, node: Node | None) -> dict[str, Party]:
        parties = {}
        names: dict[tuple[str, str], str] = {}
        for item, fields in self._records(node, PARTY_FIELDS, "party"):
            party_id = self._id(fields, item, "parties")
            name = localized(field(fields, "name", item, self.checker), self.checker)
            color = text(field(fields, "color", item, self.checker), self.checker)
            if color is not None and not COLOR.match(color):
                self.checker.report(fields["color"], f"expected a colour like '#e8112d', got '{color}'",
                                    "write # and six hex digits, in quotes")
                color = None
            if name is not None and not self._unique_name(name, names, fields["name"], party_id):
                name = None
            if party_id is not None and name is not None and color is not None:
                parties[party_id] = Party(party_id, name, color)
        return parties

    def _unique_name(self, name: Text, names: dict[tuple[str, str], str], node: Node, party_id: str | None) -> bool:
        """Report a party name already used by another party in the same language."""
        for lang in CODES:
            key = (lang, name.get(lang).casefold())
            if key in names:
                self.checker.report(node, f"the name '{name.get(lang)}' is already used by party '{names[key]}'",
                                    "give each party its own name in every language: the results show names")
                return False
            names[key] = party_id or "?"
        return True

    def sources(self, node: Node | None) -> dict[str, Source]:
        sources = {}
        for item, fields in self._records(node, SOURCE_FIELDS, "source", required=False):
            source_id = self._id(fields, item, "sources")
            party = self._reference(fields, "party", item, "parties")
            title = text(field(fields, "title", item, self.checker), self.checker)
            kind = text_or_localized(field(fields, "kind", item, self.checker), self.checker)
            year = self._year(field(fields, "year", item, self.checker))
            file = text(field(fields, "file", item, self.checker), self.checker)
            body = self._source_text(fields.get("file"), file)
            if (source_id and party and title and kind and file and body is not None and year is not None):
                sources[source_id] = Source(source_id, party, title, kind, year, file, body)
        return sources

    def topics(self, node: Node | None) -> dict[str, Topic]:
        topics = {}
        for item, fields in self._records(node, TOPIC_FIELDS, "topic"):
            topic_id = self._id(fields, item, "topics")
            name = localized(field(fields, "name", item, self.checker), self.checker)
            if topic_id is not None and name is not None:
                topics[topic_id] = Topic(topic_id, name)
        return topics

    def statements(self, node: Node | None, sources: dict[str, Source],
                   scale: tuple[int, ...] | None) -> tuple[Statement, ...]:
        statements = []
        for item, fields in self._records(node, STATEMENT_FIELDS, "statement"):
            statement_id = identifier(field(fields, "id", item, self.checker), self.checker)
            topic = self._reference(fields, "topic", item, "topics")
            statement_text = localized(field(fields, "text", item, self.checker), self.checker)
            self._declared_translations(fields.get("text"), statement_text)
            coded = self._positions(field(fields, "positions", item, self.checker), sources, scale)
            if None not in (statement_id, topic, statement_text, coded):
                positions, readings = coded  # type: ignore[misc]
                statements.append(Statement(statement_id, topic, statement_text,  # type: ignore[arg-type]
                                            positions, readings))
        return tuple(statements)

    def _declared_translations(self, node: Node | None, value: Text | None) -> None:
        """Report each language in `quiz.languages` that the text `value` lacks."""
        for code in self.languages:
            if node is not None and value is not None and getattr(value, code) is None:
                self.checker.report(node, f"missing {LANGUAGES[code].english_name} translation "
                                          f"(`quiz.languages` declares {code})",
                                    f"add `{code}: …`, or remove {code} from `quiz.languages`",
                                    path=(*node.path, code))

    def _positions(self, node: Node | None, sources: dict[str, Source],
                   scale: tuple[int, ...] | None) -> tuple[dict[str, Position], dict[str, Reading]] | None:
        entries = mapping(node, self.checker)
        if entries is None or node is None:
            return None
        positions = {}
        readings = {}
        for party_id, child in entries.items():
            if party_id not in self.ids["parties"]:
                known = ", ".join(sorted(self.ids["parties"])) or "(none defined)"
                self.checker.report(child, f"unknown party '{party_id}'", f"use a party id from `parties`: {known}")
                continue
            position = self._position(party_id, child, sources, scale)
            if position is not None:
                positions[party_id] = position
            reading = self._reading(party_id, child, position, scale)
            if reading is not None:
                readings[party_id] = reading
        return positions, readings

    def _reading(self, party_id: str, node: Node, position: Position | None,
                 scale: tuple[int, ...] | None) -> Reading | None:
        """Both coders' blind readings, when the position records a `second_reading` (a stance or
        null). The first reading is `first_reading` when the discussion changed it, else the stance."""
        fields = node.value if isinstance(node.value, dict) else {}
        if "second_reading" not in fields:
            return None
        readings = [self._optional_stance(fields, key, scale) for key in ("first_reading", "second_reading")]
        disputed = flag(fields.get("disputed"), self.checker)
        if readings[0] is False or readings[1] is False or disputed is None:
            return None
        stance = None if position is None else position.stance
        first = stance if "first_reading" not in fields else readings[0]
        return Reading(party_id, stance, first, readings[1], disputed)

    def _optional_stance(self, fields: dict[str, Node], key: str, scale: tuple[int, ...] | None) -> int | None | bool:
        """The stance in `key` (None for null or absent), or False when it is not a valid stance."""
        node = fields.get(key)
        if node is None or node.is_null:
            return None
        stance = self._stance(node, scale)
        return False if stance is None else stance

    def _position(self, party_id: str, node: Node, sources: dict[str, Source],
                  scale: tuple[int, ...] | None) -> Position | None:
        fields = mapping(node, self.checker, POSITION_FIELDS)
        if fields is None:
            return None
        stance = self._stance(field(fields, "stance", node, self.checker), scale)
        if stance is None:
            return None
        source_id = self._reference(fields, "source", node, "sources")
        quote = text(field(fields, "quote", node, self.checker), self.checker)
        important = flag(fields.get("important"), self.checker)
        note = text(fields["note"], self.checker) if "note" in fields else ""
        summary = self._summary(fields.get("summary"))
        source = sources.get(source_id or "")
        if source is None or source_id is None or quote is None:
            return None
        if source.party != party_id:
            self.checker.report(fields["source"],
                                f"source '{source_id}' belongs to party '{source.party}', not '{party_id}'",
                                "quote this party's own programme")
        elif not quote_in_source(quote, source.text):
            closest = closest_passage(quote, source.text)
            self.checker.report(fields["quote"], f"quote not found in {source.file}",
                                f"copy the words exactly; the closest passage is: \"{closest}\"")
        return Position(party_id, stance, source_id, quote, bool(important), note or "", summary)

    def _summary(self, node: Node | None) -> dict[str, str]:
        """The editors' plain summary of a quote, by language: `{lattlast: …}`."""
        entries = mapping(node, self.checker, CODES) or {}
        summary = {code: text(child, self.checker) for code, child in entries.items()}
        return {code: value for code, value in summary.items() if value is not None}

    def _stance(self, node: Node | None, scale: tuple[int, ...] | None) -> int | None:
        if node is None or node.is_null:
            return None
        low, high = (min(scale), max(scale)) if scale else (None, None)
        valid = isinstance(node.value, int) and not isinstance(node.value, bool)
        if valid and scale is not None and node.value not in scale:
            valid = False
        if not valid:
            expected = f"{low}..{high} or null" if scale else "a whole number or null"
            self.checker.report(node, f"expected {expected}, got {describe(node)}",
                                f"use a value of the answer scale in the weights file "
                                f"({', '.join(map(str, scale or ()))}), or null for no stated position")
            return None
        return int(node.value)

    def _reference(self, fields: dict[str, Node], key: str, parent: Node, section: str) -> str | None:
        """The id in `key`, which must name a record of `section` (`parties`, `sources`, `topics`)."""
        value = text(field(fields, key, parent, self.checker), self.checker)
        known = self.ids[section]
        if value is not None and value not in known:
            self.checker.report(fields[key], f"unknown {key} '{value}'",
                                f"use an id from `{section}`: {', '.join(sorted(known)) or '(none defined)'}")
            return None
        return value

    def _id(self, fields: dict[str, Node], item: Node, section: str) -> str | None:
        """The record's own id, registered as known even if other fields are wrong."""
        value = identifier(field(fields, "id", item, self.checker), self.checker)
        if value is not None:
            self.ids[section].add(value)
        return value

    def _records(self, node: Node | None, allowed: tuple[str, ...], kind: str,
                 required: bool = True) -> Iterator[tuple[Node, dict[str, Node]]]:
        """Each item of a list section as (node, fields); report duplicate ids, and an empty section."""
        items = sequence(node, self.checker)
        if items == [] and required:
            self.checker.report(node, f"no {PLURALS[kind]} defined",
                                f"a quiz needs at least one {kind}: add one with `- id: …`")
        seen: set[str] = set()
        for item in items or []:
            fields = mapping(item, self.checker, allowed)
            if fields is None:
                continue
            record_id = fields.get("id")
            if record_id is not None and isinstance(record_id.value, str):
                if record_id.value in seen:
                    self.checker.report(record_id, f"duplicate {kind} id '{record_id.value}'",
                                        f"give each {kind} its own id")
                seen.add(record_id.value)
            yield item, fields

    def _year(self, node: Node | None) -> int | str | None:
        """A year of publication: a whole number, or a short text when the exact year is unknown."""
        if node is not None and isinstance(node.value, str):
            return text(node, self.checker)
        return integer(node, self.checker)

    def _source_text(self, node: Node | None, file: str | None) -> str | None:
        if file is None:
            return None
        root = source_root(self.path)
        source_path = self.path.parent / file
        if Path(file).is_absolute() or not source_path.resolve().is_relative_to(root.resolve()):
            self.checker.report(node, f"source file {file} is outside the quiz's folder",
                                f"keep programme texts in {_display(root)} or a folder in it, and give the path "
                                f"relative to {self.path.name}")
            return None
        if not source_path.is_file():
            self.checker.report(node, f"source file not found: {file}", f"put the programme text at "
                                f"{_display(source_path)}, or fix the path (relative to {self.path.name})")
            return None
        return read_text(source_path, self.checker, "", "save it as UTF-8 plain text", node,
                         "keep only the chapters the quiz quotes")
