"""Typed readers for YAML nodes. Each reports a problem and returns None on bad input."""

from __future__ import annotations

import re
from collections.abc import Iterable

from quiz.languages import CODES, LANGUAGES, REQUIRED
from quiz.model import Text
from quiz.nodes import Checker, Node

ID_MAX = 60  # the app reads at most 60 characters per id from a link (valkompass_app/params.py)
ID_PATTERN = re.compile(rf"^[A-Za-z0-9][A-Za-z0-9_-]{{0,{ID_MAX - 1}}}$")


def mapping(node: Node | None, checker: Checker, allowed: Iterable[str] = ()) -> dict[str, Node] | None:
    """The node as a mapping; report any key not in `allowed` (when given)."""
    if node is None:
        return None
    if not isinstance(node.value, dict):
        checker.report(node, f"expected a mapping of fields, got {describe(node)}",
                       "write `key: value` lines indented under this one")
        return None
    allowed = tuple(allowed)
    if allowed:
        for key, child in node.items():
            if key not in allowed:
                checker.report(child, f"unknown field '{key}'", f"allowed fields here: {', '.join(allowed)}")
    return node.value


def sequence(node: Node | None, checker: Checker) -> list[Node] | None:
    if node is None:
        return None
    if not isinstance(node.value, list):
        checker.report(node, f"expected a list, got {describe(node)}", "start each item with `- `")
        return None
    return node.value


def field(fields: dict[str, Node], key: str, parent: Node, checker: Checker, required: bool = True) -> Node | None:
    """The child node `key`; report it as missing when required."""
    child = fields.get(key)
    if child is None and required:
        checker.report(parent, f"missing field '{key}'", f"add `{key}: …` here (see README.md, Data format)",
                       path=(*parent.path, key))
    return child


def text(node: Node | None, checker: Checker) -> str | None:
    if node is None:
        return None
    if isinstance(node.value, bool) or not isinstance(node.value, (str, int, float)):
        checker.report(node, f"expected text, got {describe(node)}", "write the text on the same line, in quotes")
        return None
    value = str(node.value).strip()
    if not value:
        checker.report(node, "expected text, got an empty string", "write the text, or remove the field")
        return None
    return value


def identifier(node: Node | None, checker: Checker) -> str | None:
    value = text(node, checker)
    if value is not None and not ID_PATTERN.match(value):
        shown = value if len(value) <= ID_MAX else value[:ID_MAX] + "…"
        checker.report(node, f"'{shown}' is not a valid id",
                       f"use at most {ID_MAX} letters (a-z, A-Z), digits, '-' and '_', starting with a letter or digit")
        return None
    return value


def integer(node: Node | None, checker: Checker) -> int | None:
    if node is None:
        return None
    if isinstance(node.value, bool) or not isinstance(node.value, int):
        checker.report(node, f"expected a whole number, got {describe(node)}", "write a number without quotes")
        return None
    return int(node.value)


def flag(node: Node | None, checker: Checker) -> bool | None:
    """A yes/no field; absent means false."""
    if node is None:
        return False
    if not isinstance(node.value, bool):
        checker.report(node, f"expected true or false, got {describe(node)}", "write `true` or `false`")
        return None
    return bool(node.value)


def localized(node: Node | None, checker: Checker) -> Text | None:
    """A `{sv, en}` text, with an optional `lattlast`; report each missing translation."""
    fields = mapping(node, checker, CODES)
    if fields is None or node is None:
        return None
    values: dict[str, str | None] = {}
    for lang in CODES:
        child = fields.get(lang)
        if child is not None:
            values[lang] = text(child, checker)
        elif lang in REQUIRED:
            checker.report(node, f"missing {LANGUAGES[lang].english_name} translation",
                           f"add `{lang}: …` next to the other language", path=(*node.path, lang))
    sv, en = values.get("sv"), values.get("en")
    return Text(sv, en, values.get("lattlast")) if sv is not None and en is not None else None


def text_or_localized(node: Node | None, checker: Checker) -> Text | None:
    """Either `{sv, en}`, or one text for every language (a name, or a text not yet translated)."""
    if node is not None and isinstance(node.value, dict):
        return localized(node, checker)
    value = text(node, checker)
    return None if value is None else Text(sv=value, en=value)


def describe(node: Node) -> str:
    """A short description of a node's value for error messages."""
    value = node.value
    if value is None:
        return "nothing (null)"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, bool):
        return repr(node.raw)
    return repr(value)
