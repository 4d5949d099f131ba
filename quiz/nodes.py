"""Read YAML into nodes that remember their line, column and breadcrumb path.

Validators walk these nodes and report problems through a `Checker`, so every problem can say
where it is (`statements.yaml:41:9 › statements › solleftea-akut › positions › S › stance`).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from quiz.errors import Problem


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

    def plain(self) -> Any:
        """The value as plain Python data (dicts, lists, scalars)."""
        if isinstance(self.value, dict):
            return {key: child.plain() for key, child in self.value.items()}
        if isinstance(self.value, list):
            return [child.plain() for child in self.value]
        return self.value


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

    def sorted(self) -> list[Problem]:
        """The problems in file order."""
        return sorted(self.problems, key=lambda p: (p.line or 0, p.column or 0))


def read_yaml(path: Path, checker: Checker, missing_hint: str = "check the file name and folder") -> Node | None:
    """Parse a YAML file into nodes; report a missing file or a syntax error as a problem."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        checker.report(None, "file not found", missing_hint)
        return None
    except (OSError, UnicodeDecodeError) as error:
        checker.report(None, f"cannot read the file ({error.__class__.__name__})", "save it as UTF-8 text")
        return None
    loader = yaml.SafeLoader(text)
    try:
        root = loader.get_single_node()
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark
        problem = error.problem or "invalid YAML"
        checker.problems.append(
            Problem(checker.file, mark.line + 1 if mark else None, mark.column + 1 if mark else None, (),
                    f"YAML syntax error: {problem}", "check indentation, colons and quotes on this line"))
        return None
    finally:
        loader.dispose()
    if root is None:
        checker.report(None, "the file is empty", "start from the example in README.md")
        return None
    return _convert(root, (), loader, checker)


def _convert(node: yaml.Node, path: tuple[str, ...], loader: yaml.SafeLoader, checker: Checker) -> Node:
    line, column = node.start_mark.line + 1, node.start_mark.column + 1
    if isinstance(node, yaml.MappingNode):
        mapping: dict[str, Node] = {}
        for key_node, value_node in node.value:
            key = str(loader.construct_object(key_node, deep=True))
            child = _convert(value_node, (*path, key), loader, checker)
            if key in mapping:
                checker.report(Node(None, key_node.start_mark.line + 1, key_node.start_mark.column + 1, (*path, key)),
                               f"duplicate key '{key}'", "each key may appear once; remove or rename one")
            mapping[key] = child
        return Node(mapping, line, column, path)
    if isinstance(node, yaml.SequenceNode):
        items = []
        for index, item in enumerate(node.value):
            items.append(_convert(item, (*path, _crumb(item, index, loader)), loader, checker))
        return Node(items, line, column, path)
    try:
        value = loader.construct_object(node, deep=True)
    except yaml.constructor.ConstructorError:
        value = node.value
    return Node(value, line, column, path, raw=str(node.value))


def _crumb(item: yaml.Node, index: int, loader: yaml.SafeLoader) -> str:
    """A list item's breadcrumb: its `id` if it has one, otherwise its position."""
    if isinstance(item, yaml.MappingNode):
        for key_node, value_node in item.value:
            if key_node.value == "id" and isinstance(value_node, yaml.ScalarNode) and value_node.value:
                return str(value_node.value)
    return f"[{index}]"
