"""A Babel extraction method for the keys the app passes to `t`, `tn` and `N_` (named in babel.cfg).

Babel's own Python extractor reads string tokens, so it misses keys inside f-strings (Python
3.11) and glues the two keys of `t("a" if x else "b", …)` together. This one reads the syntax
tree instead. A keyword's first argument gives the keys: a string, both branches of a
conditional expression, or the values of a dict literal indexed on the spot
(`t({"start": "start"}[page], …)`). A plural keyword (`tn:1,2`) gives the pair of keys.
Anything else (a variable, an f-string) is left out: list such keys with `N_("key")` in
valkompass_app/strings.py.
"""

from __future__ import annotations

import ast
from collections.abc import Collection, Iterator, Mapping
from typing import IO, Any

Found = tuple[int, str, str | tuple[str, ...], list[str]]


def extract(fileobj: IO[bytes], keywords: Mapping[str, Any], comment_tags: Collection[str],
            options: Mapping[str, Any]) -> Iterator[Found]:
    """Yield (line, keyword, key or (singular, plural), comments) for every call of a keyword."""
    tree = ast.parse(fileobj.read().decode(options.get("encoding", "utf-8")))
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in keywords):
            continue
        spec = keywords[node.func.id]
        if _is_plural(spec):
            pair = tuple(_literal(node.args[index - 1]) if index <= len(node.args) else None for index in spec[:2])
            if None not in pair:
                yield node.lineno, node.func.id, pair, []  # type: ignore[misc]
        elif node.args:
            for key in _keys(node.args[0]):
                yield node.lineno, node.func.id, key, []


def _is_plural(spec: Any) -> bool:
    return isinstance(spec, tuple) and len(spec) >= 2 and all(isinstance(part, int) for part in spec[:2])


def _keys(node: ast.expr) -> list[str]:
    if isinstance(node, ast.IfExp):
        return _keys(node.body) + _keys(node.orelse)
    if isinstance(node, ast.Subscript) and isinstance(node.value, ast.Dict):
        return [key for value in node.value.values for key in _keys(value)]
    literal = _literal(node)
    return [] if literal is None else [literal]


def _literal(node: ast.expr) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None
