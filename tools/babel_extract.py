"""A Babel extraction method for the keys the app passes to `t`, `tn` and `N_` (named in babel.cfg).

Babel's own Python extractor reads string tokens, so it misses keys inside f-strings (Python
3.11) and glues the two keys of `t("a" if x else "b", …)` together. This one reads the syntax
tree instead. A keyword's first argument gives the keys: a string, both branches of a
conditional expression, or the values of a dict literal indexed on the spot
(`t({"start": "start"}[page], …)`); the other arguments are passed on, so that a plural
keyword (`tn:1,2`) gives the pair of keys.
Anything else (a variable, an f-string) is left out: list such keys with `N_("key")` in
valkompass_app/strings.py.
"""

from __future__ import annotations

import ast
from collections.abc import Collection, Iterator, Mapping
from typing import IO, Any

Found = tuple[int, str, tuple[str | None, ...], list[str]]


def extract(fileobj: IO[bytes], keywords: Collection[str], comment_tags: Collection[str],
            options: Mapping[str, Any]) -> Iterator[Found]:
    """Yield (line, keyword, arguments, comments) for every call of a keyword: each argument is its
    string, or None when it is not one. Babel then picks the key(s) by the keyword's spec."""
    tree = ast.parse(fileobj.read().decode(options.get("encoding", "utf-8")))
    calls = [node for node in ast.walk(tree)
             if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in keywords]
    for node in sorted(calls, key=lambda call: (call.lineno, call.col_offset)):
        assert isinstance(node.func, ast.Name)
        rest = tuple(_literal(arg) for arg in node.args[1:])
        for key in _keys(node.args[0]) if node.args else []:
            yield node.lineno, node.func.id, (key, *rest), []


def _keys(node: ast.expr) -> list[str]:
    if isinstance(node, ast.IfExp):
        return _keys(node.body) + _keys(node.orelse)
    if isinstance(node, ast.Subscript) and isinstance(node.value, ast.Dict):
        return [key for value in node.value.values for key in _keys(value)]
    literal = _literal(node)
    return [] if literal is None else [literal]


def _literal(node: ast.expr) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None
