"""Read YAML into nodes that remember their line, column and breadcrumb path.

Validators walk these nodes and report problems through a `Checker`, so every problem can say
where it is (`statements.yaml:41:9 › statements › solleftea-akut › positions › S › stance`).

Quiz files are written by people, so the reader refuses, before anything is built or expanded,
what the format does not need and what could make reading a file expensive: anchors and aliases
(`&a`, `*a`: a ten-line file can expand to billions of nodes), merge keys (`<<`), tags other than
YAML's plain core types (`!!python/…`), control characters, nesting deeper than `MAX_DEPTH`, and
files larger than `MAX_BYTES`. Each is one `Problem` with a line number, never a traceback.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.composer import Composer
from yaml.constructor import SafeConstructor
from yaml.resolver import Resolver

from quiz.errors import Problem


class _PyParser(yaml.reader.Reader, yaml.scanner.Scanner, yaml.parser.Parser):  # type: ignore[misc]
    """PyYAML's own parser, for installations without libyaml."""

    def __init__(self, stream: str) -> None:
        yaml.reader.Reader.__init__(self, stream)
        yaml.scanner.Scanner.__init__(self)
        yaml.parser.Parser.__init__(self)


# libyaml's parser reads a 2 MB file about 10 times faster than PyYAML's.
_Parser: Any = getattr(getattr(yaml, "cyaml", None), "CParser", None) or _PyParser

MAX_BYTES = 2_000_000
MAX_DEPTH = 50
CORE_TAGS = frozenset(f"tag:yaml.org,2002:{name}" for name in ("str", "int", "float", "bool", "null", "seq", "map"))
# What YAML 1.1 (PyYAML) refuses to read: C0 controls except tab and line breaks, DEL, C1, surrogates.
_NOT_PRINTABLE = re.compile("[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


@dataclass
class Node:
    """A YAML value with its position. Mappings hold `dict[str, Node]`, sequences `list[Node]`."""

    value: Any
    line: int
    column: int
    path: tuple[str, ...]
    raw: str | None = None

    @property
    def is_null(self) -> bool:
        return self.value is None

    def items(self) -> Iterator[tuple[str, Node]]:
        return iter(self.value.items()) if isinstance(self.value, dict) else iter(())


@dataclass
class Checker:
    """Collects problems for one file."""

    file: str
    problems: list[Problem] = field(default_factory=list)

    def report(self, node: Node | None, message: str, hint: str = "", path: tuple[str, ...] = ()) -> None:
        if node is None:
            self.problems.append(Problem(self.file, None, None, path, message, hint))
        else:
            self.problems.append(Problem(self.file, node.line, node.column, path or node.path, message, hint))

    def at(self, line: int, column: int, message: str, hint: str) -> None:
        """Report a problem at a position that has no node (syntax, refused YAML features)."""
        self.problems.append(Problem(self.file, line, column, (), message, hint))

    def sorted(self) -> list[Problem]:
        """The problems in file order."""
        return sorted(self.problems, key=lambda p: (p.line or 0, p.column or 0))


def read_yaml(path: Path, checker: Checker, missing_hint: str = "check the file name and folder") -> Node | None:
    """Parse a YAML file into nodes; report a missing, oversized, unsafe or malformed file as a problem."""
    text = read_text(path, checker, missing_hint, "save it as UTF-8 text")
    if text is None or not _printable(text, checker):
        return None
    loader = _SafeComposer(text)
    try:
        root = loader.get_single_node()
    except _Refused as refused:
        checker.at(refused.mark.line + 1, refused.mark.column + 1, refused.message, refused.hint)
        return None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or yaml.Mark("", 0, 0, 0, None, None)
        if "nesting depth" in (error.problem or ""):  # libyaml's own limit, met while reading ahead
            checker.at(mark.line + 1, mark.column + 1, *_too_deep())
        else:
            checker.at(mark.line + 1, mark.column + 1, f"YAML syntax error: {error.problem or 'invalid YAML'}",
                       "check indentation, colons and quotes on this line")
        return None
    finally:
        loader.dispose()
    if root is None:
        checker.report(None, "the file is empty", "start from the example in README.md")
        return None
    return _convert(root, (), loader, checker)


def read_text(path: Path, checker: Checker, missing_hint: str, encoding_hint: str, node: Node | None = None,
              size_hint: str = "split it: put each quiz in a file of its own in quizzes/") -> str | None:
    """A text file of at most `MAX_BYTES`, as UTF-8; report why not otherwise."""
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            checker.report(node, f"the file is too large ({size:,} bytes; at most {MAX_BYTES:,})", size_hint)
            return None
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        checker.report(node, "file not found", missing_hint)
    except UnicodeDecodeError as error:
        message = "the file is not text (binary data)" if b"\0" in error.object else "the file is not UTF-8 text"
        checker.report(node, message, encoding_hint)
    except OSError as error:
        checker.report(node, f"cannot read the file ({error.__class__.__name__})", encoding_hint)
    return None


def _printable(text: str, checker: Checker) -> bool:
    """Report the first character YAML does not allow (a NUL byte, a bell, …), with its position."""
    found = _NOT_PRINTABLE.search(text)
    if found is None:
        return True
    line = text.count("\n", 0, found.start()) + 1
    column = found.start() - (text.rfind("\n", 0, found.start()) + 1) + 1
    code = f"U+{ord(found.group()):04X}"
    what = "a NUL byte (U+0000): the file is not plain text" if code == "U+0000" else f"the control character {code}"
    checker.at(line, column, f"the file contains {what}", "delete the character, or save the file again as UTF-8 text")
    return False


def _too_deep() -> tuple[str, str]:
    return (f"the data is nested more than {MAX_DEPTH} levels deep",
            "check for unclosed brackets; quiz files need only a few levels")


class _Refused(Exception):
    def __init__(self, mark: yaml.Mark, message: str, hint: str) -> None:
        super().__init__(message)
        self.mark, self.message, self.hint = mark, message, hint


class _SafeComposer(Composer, _Parser, SafeConstructor, Resolver):  # type: ignore[misc]
    """PyYAML's safe loader (with libyaml's fast parser when installed), refusing aliases, anchors,
    merge keys, unknown tags and deep nesting while composing: nothing is expanded or built from them."""

    def __init__(self, stream: str) -> None:
        _Parser.__init__(self, stream)
        Composer.__init__(self)
        SafeConstructor.__init__(self)
        Resolver.__init__(self)
        self.depth = 0

    def compose_node(self, parent: yaml.Node | None, index: object) -> yaml.Node | None:
        event = self.peek_event()
        if isinstance(event, yaml.AliasEvent):
            raise _Refused(event.start_mark, f"YAML aliases (*{event.anchor}) are not allowed",
                           "write the value out in full where it is needed")
        if getattr(event, "anchor", None):
            raise _Refused(event.start_mark, f"YAML anchors (&{event.anchor}) are not allowed",
                           "remove the anchor; write the value out in full where it is needed")
        tag = getattr(event, "tag", None)
        if tag is not None and tag not in CORE_TAGS and tag != "!":
            shown = tag.replace("tag:yaml.org,2002:", "!!", 1)
            raise _Refused(event.start_mark, f"the tag '{shown}' is not allowed",
                           "remove it: quiz files hold plain text, numbers, true/false, null, lists and mappings")
        if isinstance(event, yaml.ScalarEvent) and event.value == "<<" and event.implicit[0]:
            raise _Refused(event.start_mark, "YAML merge keys (<<) are not allowed", "write the fields out in full")
        if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)) and self.depth >= MAX_DEPTH:
            raise _Refused(event.start_mark, *_too_deep())
        self.depth += 1
        try:
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1


def _convert(node: yaml.Node, path: tuple[str, ...], loader: _SafeComposer, checker: Checker) -> Node:
    line, column = node.start_mark.line + 1, node.start_mark.column + 1
    if isinstance(node, yaml.MappingNode):
        mapping: dict[str, Node] = {}
        for key_node, value_node in node.value:
            key_line, key_column = key_node.start_mark.line + 1, key_node.start_mark.column + 1
            if not isinstance(key_node, yaml.ScalarNode):
                checker.report(Node(None, key_line, key_column, path),
                               "a key must be plain text, not a list or mapping", "write `name: value`")
                continue
            key = str(_scalar(key_node, loader))
            child = _convert(value_node, (*path, key), loader, checker)
            if key in mapping:
                checker.report(Node(None, key_line, key_column, (*path, key)),
                               f"duplicate key '{key}'", "each key may appear once; remove or rename one")
            mapping[key] = child
        return Node(mapping, line, column, path)
    if isinstance(node, yaml.SequenceNode):
        items = [_convert(item, (*path, _crumb(item, index)), loader, checker) for index, item in enumerate(node.value)]
        return Node(items, line, column, path)
    return Node(_scalar(node, loader), line, column, path, raw=str(node.value))


def _scalar(node: yaml.Node, loader: _SafeComposer) -> Any:
    try:
        return loader.construct_object(node, deep=True)
    except (yaml.constructor.ConstructorError, ValueError, OverflowError):
        return node.value


def _crumb(item: yaml.Node, index: int) -> str:
    """A list item's breadcrumb: its `id` if it has one, otherwise its position."""
    if isinstance(item, yaml.MappingNode):
        for key_node, value_node in item.value:
            if key_node.value == "id" and isinstance(value_node, yaml.ScalarNode) and value_node.value:
                return str(value_node.value)
    return f"[{index}]"
