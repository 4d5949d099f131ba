"""Typed, immutable records for a loaded quiz. Nothing after loading sees a raw dict."""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass, field
from fractions import Fraction
from typing import TYPE_CHECKING, Literal

from quiz.languages import chain

if TYPE_CHECKING:  # quiz.rules imports this module
    from quiz.rules import Pairs


@dataclass(frozen=True)
class Text:
    """A text in Swedish and English, and optionally in easy-to-read Swedish (lättläst)."""

    sv: str
    en: str
    lattlast: str | None = None

    def get(self, lang: str) -> str:
        """The text in `lang`, else in the next language of its fallback chain (see `quiz/languages.py`)."""
        for code in chain(lang):
            value: str | None = getattr(self, code)
            if value is not None:
                return value
        return self.sv


@dataclass(frozen=True)
class Source:
    id: str
    party: str
    title: str
    kind: Text
    year: int | str
    file: str
    text: str = field(repr=False, compare=False)


@dataclass(frozen=True)
class Party:
    id: str
    name: Text
    color: str


@dataclass(frozen=True)
class Topic:
    id: str
    name: Text


@dataclass(frozen=True)
class Position:
    """A party's stated stance on one statement, with the programme words behind it."""

    party: str
    stance: int
    source: str
    quote: str
    important: bool = False
    note: str = ""
    summary: Mapping[str, str] = field(default_factory=dict)
    """The editors' one-line plain summary of the quote, by language code (`{lattlast: …}`)."""


@dataclass(frozen=True)
class Reading:
    """Two independent codings of one party on one statement (None: no stated position).

    `first` and `second` are the two coders' blind readings; `stance` is the coding the quiz uses
    after they discussed it; `disputed` says the two readers still disagree after discussion."""

    party: str
    stance: int | None
    first: int | None
    second: int | None
    disputed: bool = False


@dataclass(frozen=True)
class Statement:
    id: str
    topic: str
    text: Text
    positions: Mapping[str, Position]
    readings: Mapping[str, Reading] = field(default_factory=dict)

    def stance(self, party: str) -> int | None:
        """The party's stance, or None when the party has no stated position."""
        position = self.positions.get(party)
        return None if position is None else position.stance


@dataclass(frozen=True)
class AnswerOption:
    value: int
    label: Text


@dataclass(frozen=True)
class Scale:
    answers: tuple[AnswerOption, ...]
    skip: Text

    @functools.cached_property
    def values(self) -> tuple[int, ...]:
        """The answer values in file order (worked out once: scoring asks for them thousands of times)."""
        return tuple(option.value for option in self.answers)

    @functools.cached_property
    def span(self) -> int:
        return max(self.values) - min(self.values)

    def label(self, value: int | None) -> Text:
        for option in self.answers:
            if option.value == value:
                return option.label
        return self.skip


@dataclass(frozen=True)
class MissingRule:
    """What a party with no stated position gets: `drop` the statement, or a `penalty`."""

    rule: Literal["drop", "penalty"]
    max_points: Fraction = Fraction(0)


@dataclass(frozen=True)
class Method:
    """A scoring method as data: a distance rule or a points table, with its options."""

    id: str
    name: Text
    description: Text
    rule: str  # a key of quiz.rules.RULES
    table: Mapping[int, Mapping[int, Fraction]]
    collapse: Literal["none", "sign"]
    party_importance: bool
    missing: MissingRule


@dataclass(frozen=True)
class Weights:
    scale: Scale
    important_weight: int
    missing: MissingRule
    default_method: str
    methods: Mapping[str, Method]
    file: str = ""

    def method(self, method_id: str | None = None) -> Method:
        return self.methods[method_id or self.default_method]

    @functools.cached_property
    def pairs(self) -> Mapping[str, Pairs]:
        """Each method's points for every answer and stance on the scale, worked out once per
        weights file, so that scoring a respondent only looks them up."""
        from quiz.rules import Pairs  # here, not at the top: quiz.rules imports this module

        return {method_id: Pairs.of(method, self.scale) for method_id, method in self.methods.items()}


@dataclass(frozen=True)
class Quiz:
    id: str
    title: Text
    region: str
    election: Text
    description: Text
    sources: Mapping[str, Source]
    parties: Mapping[str, Party]
    topics: Mapping[str, Topic]
    statements: tuple[Statement, ...]
    weights: Weights
    file: str = ""
    archive: bool = False
    languages: tuple[str, ...] = ("sv", "en")

    def statement(self, statement_id: str) -> Statement:
        return self.statements_by_id[statement_id]

    @functools.cached_property
    def statements_by_id(self) -> dict[str, Statement]:
        """The statements by id, the first one where ids repeat (the loader allows no repeats)."""
        return {statement.id: statement for statement in reversed(self.statements)}


@dataclass(frozen=True)
class Answers:
    """One respondent: statement id → scale value, or None for skipped; plus important ids."""

    values: Mapping[str, int | None]
    important: frozenset[str] = frozenset()

    @property
    def answered(self) -> tuple[str, ...]:
        return tuple(sid for sid, value in self.values.items() if value is not None)

