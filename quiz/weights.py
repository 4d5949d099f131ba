"""Read and check a weights file: the answer scale, importance, missing-position rule, methods."""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

from quiz.fields import field, flag, identifier, integer, localized, mapping, sequence, text
from quiz.model import AnswerOption, Method, MissingRule, Scale, Weights
from quiz.nodes import Checker, Node, read_yaml
from quiz.rules import RULES

TOP_FIELDS = ("scale", "important_weight", "missing", "default_method", "methods")
METHOD_FIELDS = ("name", "description", "rule", "table", "collapse", "party_importance", "missing")
SIGN_VALUES = (-1, 0, 1)
MIN_ANSWERS, MAX_ANSWERS = 2, 11
MAX_IMPORTANT_WEIGHT = 10
MAX_POINTS = 1000


def read_weights(path: Path, checker: Checker,
                 missing_hint: str = "check the file name and folder") -> tuple[Weights | None, Scale | None]:
    """Parse `path`; report problems to `checker`. Return the weights (None if any problem was
    found) and the answer scale (None if the scale itself is broken), so that statements can still
    be checked against the scale when something else in the weights file is wrong."""
    before = len(checker.problems)
    root = read_yaml(path, checker, missing_hint)
    top = mapping(root, checker, TOP_FIELDS)
    if top is None or root is None:
        return None, None
    scale = _scale(field(top, "scale", root, checker), checker)
    weight = integer(field(top, "important_weight", root, checker), checker)
    if weight is not None and not 1 <= weight <= MAX_IMPORTANT_WEIGHT:
        checker.report(top["important_weight"], f"expected 1 to {MAX_IMPORTANT_WEIGHT}, got {weight}",
                       "2 makes important count double")
    missing = _missing(field(top, "missing", root, checker), checker)
    default = text(field(top, "default_method", root, checker), checker)
    methods = _methods(field(top, "methods", root, checker), scale, missing, checker)
    if default is not None and methods and default not in methods:
        checker.report(top["default_method"], f"unknown method '{default}'",
                       f"use one of the methods defined below: {', '.join(methods)}")
    if len(checker.problems) > before or None in (scale, weight, missing, default, methods):
        return None, scale
    return Weights(scale, weight, missing, default, methods, file=checker.file), scale  # type: ignore[arg-type]


def _scale(node: Node | None, checker: Checker) -> Scale | None:
    fields = mapping(node, checker, ("answers", "skip"))
    if fields is None or node is None:
        return None
    answers = field(fields, "answers", node, checker)
    items = sequence(answers, checker)
    options = [option for option in (_option(item, checker) for item in items or []) if option is not None]
    skip = localized(field(fields, "skip", node, checker), checker)
    if answers is None or items is None or len(options) < len(items):
        return None
    values = [option.value for option in options]
    if len(set(values)) != len(values):
        checker.report(answers, "two answers have the same value", "give each answer its own value")
        return None
    if not MIN_ANSWERS <= len(options) <= MAX_ANSWERS:
        checker.report(answers, f"a scale needs {MIN_ANSWERS} to {MAX_ANSWERS} answers, got {len(options)}",
                       f"list {MIN_ANSWERS} to {MAX_ANSWERS} answers under `answers:` (share links hold at most "
                       f"{MAX_ANSWERS})")
        return None
    return Scale(tuple(options), skip) if skip is not None else None


def _option(item: Node, checker: Checker) -> AnswerOption | None:
    option = mapping(item, checker, ("value", "label"))
    if option is None:
        return None
    value = integer(field(option, "value", item, checker), checker)
    label = localized(field(option, "label", item, checker), checker)
    if value is not None and abs(value) > MAX_POINTS:
        checker.report(option["value"], f"expected a value from -{MAX_POINTS} to {MAX_POINTS}, got {value}",
                       "number the answers like 2, 1, 0, -1, -2")
        return None
    return AnswerOption(value, label) if value is not None and label is not None else None


def _missing(node: Node | None, checker: Checker) -> MissingRule | None:
    fields = mapping(node, checker, ("rule", "max_points"))
    if fields is None or node is None:
        return None
    rule = text(field(fields, "rule", node, checker), checker)
    if rule == "drop":
        return MissingRule("drop")
    if rule == "penalty":
        points = _points(field(fields, "max_points", node, checker), checker)
        return MissingRule("penalty", points) if points is not None else None
    if rule is not None:
        checker.report(fields["rule"], f"unknown rule '{rule}'",
                       "use `drop` (leave the statement out for that party) or `penalty` (with max_points)")
    return None


def _methods(node: Node | None, scale: Scale | None, missing: MissingRule | None,
             checker: Checker) -> dict[str, Method] | None:
    fields = mapping(node, checker)
    if fields is None or node is None:
        return None
    if not fields:
        checker.report(node, "no methods defined", "define at least one method, e.g. `cityblock: {rule: distance, …}`")
    methods = {}
    for method_id, child in fields.items():
        method = _method(method_id, child, scale, missing, checker)
        if method is not None:
            methods[method_id] = method
    return methods if len(methods) == len(fields) else None


def _method(method_id: str, node: Node, scale: Scale | None, missing: MissingRule | None,
            checker: Checker) -> Method | None:
    fields = mapping(node, checker, METHOD_FIELDS)
    if fields is None:
        return None
    identifier(Node(method_id, node.line, node.column, node.path), checker)
    name = localized(field(fields, "name", node, checker), checker)
    description = localized(field(fields, "description", node, checker), checker)
    rule = text(field(fields, "rule", node, checker), checker)
    collapse = text(fields.get("collapse"), checker) if "collapse" in fields else "none"
    if collapse not in ("none", "sign", None):
        checker.report(fields["collapse"], f"unknown collapse '{collapse}'", "use `sign`, or leave the field out")
        collapse = None
    party_importance = flag(fields.get("party_importance"), checker)
    own_missing = _missing(fields["missing"], checker) if "missing" in fields else missing
    table: dict[int, dict[int, Fraction]] = {}
    if rule is not None and rule not in RULES:
        checker.report(fields["rule"], f"unknown rule '{rule}'", f"use {' or '.join(f'`{r}`' for r in RULES)}")
        return None
    takes_table = rule is not None and RULES[rule].takes_table
    values = SIGN_VALUES if collapse == "sign" else (scale.values if scale and collapse else None)
    if takes_table and values is not None:  # without a scale or collapse (reported already) it cannot be checked
        table = _table(field(fields, "table", node, checker), values, checker) or {}
    elif rule is not None and not takes_table and "table" in fields:
        checker.report(fields["table"], f"a {rule} method takes no table", "remove `table:` or use `rule: table`")
    if None in (name, description, rule, collapse, party_importance, own_missing) or (takes_table and not table):
        return None
    return Method(method_id, name, description, rule, table, collapse,  # type: ignore[arg-type]
                  party_importance, own_missing)  # type: ignore[arg-type]


def _table(node: Node | None, values: tuple[int, ...], checker: Checker) -> dict[int, dict[int, Fraction]] | None:
    rows = mapping(node, checker)
    if rows is None or node is None:
        return None
    table: dict[int, dict[int, Fraction]] = {}
    for user in values:
        row_node = rows.get(str(user))
        row = mapping(row_node, checker) if row_node is not None else None
        if row_node is None:
            checker.report(node, f"no row for answer {user}", f"add `{user}: {{…}}` with points for every stance")
        if row is None or row_node is None:
            continue
        table[user] = {}
        for party in values:
            points = _points(row.get(str(party)), checker) if str(party) in row else None
            if str(party) not in row:
                checker.report(row_node, f"no points for stance {party}", f"add `{party}: N` to this row")
            elif points is not None:
                table[user][party] = points
    extra = sorted(set(rows) - {str(v) for v in values})
    if extra:
        checker.report(node, f"rows for values not on the scale: {', '.join(extra)}",
                       f"the table's rows and columns are the scale values {', '.join(map(str, values))}")
    complete = len(table) == len(values) and all(len(row) == len(values) for row in table.values())
    return table if complete and not extra else None


def _points(node: Node | None, checker: Checker) -> Fraction | None:
    """A number of points: 0 to MAX_POINTS in steps of ½, so that sums stay exact in floating point."""
    if node is None:
        return None
    value = node.value
    valid = not isinstance(value, bool) and isinstance(value, (int, float)) and 0 <= value <= MAX_POINTS
    if not valid or (value * 2) % 1:
        checker.report(node, f"expected a number of points (0 to {MAX_POINTS} in steps of 0.5), got {node.raw!r}",
                       "write a number like 2 or 2.5")
        return None
    return Fraction(str(value))
