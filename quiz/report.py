"""Editor's report: coverage per party, how often two parties can be compared, how far the two
coders agreed, the statements no answer can separate the parties on, and how easy each
statement is to read (LIX per language, from `quiz.readability`).

Coder agreement compares the first coder's blind reading with the second coder's (before they
discussed it), per party, over the categories {no position, −2, −1, 0, 1, 2}:

- percent identical = readings that are the same / statements coded twice;
- linearly weighted Cohen's kappa, κ = 1 − D_o / D_e, where D_o is the mean disagreement weight
  of the observed pairs and D_e the mean weight expected by chance from each coder's own
  distribution over the categories (Σ_a Σ_b p1(a)·p2(b)·w(a, b)). The weight is
  w(a, b) = |a − b| / span for two stances (span = 4 on the scale −2…2), w = 1 (full
  disagreement) between "no position" and any stance, and 0 for the same category. Silence is
  not a point on the scale, so reading a position where the other coder reads none counts as
  much as opposite stances. κ is undefined (None) when D_e = 0, i.e. both coders used a single
  and the same category throughout.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction
from itertools import combinations
from statistics import median

from quiz.languages import CODES
from quiz.model import Quiz, Statement
from quiz.readability import LATTLAST_TARGET, lix, readability_lines
from quiz.rules import percent
from quiz.scoring import statement_points

THIN_COVERAGE = 0.5
Category = int | None


@dataclass(frozen=True)
class Coverage:
    """Counts of stated positions, and the weak spots an editor should look at."""

    per_topic: dict[str, dict[str, int]]
    totals: dict[str, int]
    statements_per_topic: dict[str, int]
    consensus: tuple[str, ...]
    thin: tuple[str, ...]


@dataclass(frozen=True)
class Comparison:
    """Two parties: statements on which both have a stated position, and how many of those give
    them different stances (`differ`) or stances on opposite sides of neutral (`opposite`)."""

    first: str
    second: str
    both: int
    differ: int
    opposite: int


@dataclass(frozen=True)
class Agreement:
    """The two coders' blind readings of one party: `coded` of `total` statements were coded
    twice, `identical` of them alike; `kappa` is the linearly weighted Cohen's kappa."""

    party: str
    coded: int
    total: int
    identical: int
    kappa: Fraction | None
    disputed: tuple[str, ...]


def coverage(quiz: Quiz) -> Coverage:
    """Stated positions per topic and party; statements on which every party that speaks holds the
    same stance (they cannot tell parties apart); parties with positions on under half the statements."""
    per_topic = {t: {p: 0 for p in quiz.parties} for t in quiz.topics}
    statements_per_topic = {t: 0 for t in quiz.topics}
    for statement in quiz.statements:
        statements_per_topic[statement.topic] += 1
        for party in statement.positions:
            per_topic[statement.topic][party] += 1
    totals = {p: sum(row[p] for row in per_topic.values()) for p in quiz.parties}
    consensus = tuple(
        s.id for s in quiz.statements
        if len(s.positions) >= 2 and len({pos.stance for pos in s.positions.values()}) == 1
    )
    thin = tuple(p for p, n in totals.items() if n < THIN_COVERAGE * len(quiz.statements))
    return Coverage(per_topic, totals, statements_per_topic, consensus, thin)


def comparisons(quiz: Quiz) -> list[Comparison]:
    """Every pair of parties, in file order: shared statements and how many separate them."""
    result = []
    for first, second in combinations(quiz.parties, 2):
        pairs = [(s.stance(first), s.stance(second)) for s in quiz.statements]
        both = [(a, b) for a, b in pairs if a is not None and b is not None]
        result.append(Comparison(first, second, len(both), sum(a != b for a, b in both),
                                 sum(a * b < 0 for a, b in both)))
    return result


def agreement(quiz: Quiz) -> list[Agreement]:
    """Per party: how often the two blind readings agree, and their weighted kappa."""
    span = quiz.weights.scale.span
    result = []
    for party in quiz.parties:
        readings = [s.readings[party] for s in quiz.statements if party in s.readings]
        pairs = [(r.first, r.second) for r in readings]
        result.append(Agreement(party, len(pairs), len(quiz.statements), sum(a == b for a, b in pairs),
                                weighted_kappa(pairs, span),
                                tuple(s.id for s in quiz.statements
                                      if party in s.readings and s.readings[party].disputed)))
    return result


def weighted_kappa(pairs: Sequence[tuple[Category, Category]], span: int) -> Fraction | None:
    """Linearly weighted Cohen's kappa of two coders' readings (see the module docstring)."""
    if not pairs:
        return None
    n = len(pairs)
    observed = sum((_weight(a, b, span) for a, b in pairs), Fraction(0)) / n
    first, second = Counter(a for a, _ in pairs), Counter(b for _, b in pairs)
    expected = sum((Fraction(first[a] * second[b], n * n) * _weight(a, b, span)
                    for a in first for b in second), Fraction(0))
    return None if expected == 0 else 1 - observed / expected


def inseparable(quiz: Quiz) -> list[tuple[str, tuple[str, ...]]]:
    """Statements that no answer can separate the parties on, each with the methods under which
    that holds: for every answer on the scale, every party gets the same points (or every party
    drops out). Needs at least two parties."""
    if len(quiz.parties) < 2:
        return []
    result = []
    for statement in quiz.statements:
        methods = tuple(m for m in quiz.weights.methods if not _separates(quiz, statement, m))
        if methods:
            result.append((statement.id, methods))
    return result


def report(quiz: Quiz) -> str:
    """The whole editor's report as plain text."""
    sections = [_coverage_lines(quiz), _comparison_lines(quiz), _agreement_lines(quiz),
                _inseparable_lines(quiz), readability_lines(quiz) + _lix_summary_lines(quiz)]
    return "\n\n".join("\n".join(lines) for lines in sections if lines)


def _weight(a: Category, b: Category, span: int) -> Fraction:
    if a == b:
        return Fraction(0)
    if a is None or b is None:
        return Fraction(1)
    return Fraction(abs(a - b), span)


def _separates(quiz: Quiz, statement: Statement, method_id: str) -> bool:
    method = quiz.weights.methods[method_id]
    for answer in quiz.weights.scale.values:
        points = {statement_points(quiz.weights, method, answer, False, statement.positions.get(p))
                  for p in quiz.parties}
        if len(points) > 1:
            return True
    return False


def _coverage_lines(quiz: Quiz) -> list[str]:
    result = coverage(quiz)
    parties = list(quiz.parties)
    n = len(quiz.statements)
    width = max([len("topic"), *(len(t) for t in quiz.topics)])
    lines = [f"{quiz.file}: {quiz.title.en} ({n} statements)", "",
             "Stated positions per topic:",
             "  " + "topic".ljust(width) + "  statements  " + "  ".join(p.rjust(6) for p in parties)]
    for topic, row in result.per_topic.items():
        counts = "  ".join(str(row[p]).rjust(6) for p in parties)
        lines.append(f"  {topic.ljust(width)}  {str(result.statements_per_topic[topic]).rjust(10)}  {counts}")
    total = "  ".join(str(result.totals[p]).rjust(6) for p in parties)
    lines.append(f"  {'total'.ljust(width)}  {str(n).rjust(10)}  {total}")
    lines += ["", "Coverage per party:"]
    lines += [f"  {p}: {result.totals[p]} of {n} statements ({_percent(result.totals[p], n)})" for p in parties]
    lines.append("")
    if result.consensus:
        lines.append("Every party that speaks holds the same stance (cannot tell parties apart):")
        lines += [f"  - {sid}" for sid in result.consensus]
    else:
        lines.append("No statement on which every party that speaks holds the same stance.")
    if result.thin:
        lines.append(f"Thin coverage (stated positions on under {THIN_COVERAGE:.0%} of statements):")
        lines += [f"  - {p}: {result.totals[p]} of {n}" for p in result.thin]
    else:
        lines.append(f"Every party has stated positions on at least {THIN_COVERAGE:.0%} of statements.")
    return lines


def _comparison_lines(quiz: Quiz) -> list[str]:
    pairs = comparisons(quiz)
    if not pairs:
        return ["One party only: there is no other party to compare it with."]
    lines = ["Statements with a stated position from both parties:"]
    for c in pairs:
        lines.append(f"  {c.first} and {c.second}: {c.both} of {len(quiz.statements)}; "
                     f"{c.differ} of those separate them ({c.opposite} in direction)")
    return lines


def _agreement_lines(quiz: Quiz) -> list[str]:
    rows = agreement(quiz)
    if not any(a.coded for a in rows):
        return ["Coder agreement: no statement has a second reading yet."]
    lines = ["Coder agreement before discussion (first against second blind reading):"]
    for a in rows:
        kappa = "n/a" if a.kappa is None else f"{float(a.kappa):.3f}"
        lines.append(f"  {a.party}: {a.identical} of {a.coded} identical ({_percent(a.identical, a.coded)}), "
                     f"weighted kappa {kappa}; coded twice: {a.coded} of {a.total}")
    differed = [(s.id, r) for s in quiz.statements for r in s.readings.values() if r.first != r.second]
    if differed:
        lines.append("Blind readings that differed (first / second → the quiz's stance):")
        lines += [f"  - {sid} ({r.party}): {_stance(r.first)} / {_stance(r.second)} → {_stance(r.stance)}"
                  for sid, r in differed]
    disputed = [(a.party, sid) for a in rows for sid in a.disputed]
    if disputed:
        lines.append("Still disputed after discussion:")
        lines += [f"  - {sid} ({party})" for party, sid in disputed]
    return lines


def _inseparable_lines(quiz: Quiz) -> list[str]:
    if len(quiz.parties) < 2:
        return []
    rows = inseparable(quiz)
    if not rows:
        return ["Every statement can separate the parties under every method."]
    groups: dict[tuple[str, ...], list[str]] = {}
    for sid, methods in rows:
        groups.setdefault(methods, []).append(sid)
    every = tuple(quiz.weights.methods)
    lines = ["Statements no answer can separate the parties on:"]
    for methods in sorted(groups, key=lambda m: (m != every, m)):
        label = "under every method" if methods == every else "only under " + ", ".join(methods)
        lines.append(f"  {label} ({len(groups[methods])}):")
        lines += [f"    - {sid}" for sid in groups[methods]]
    return lines


def _lix_summary_lines(quiz: Quiz) -> list[str]:
    """Median and highest LIX per language, and the same for the editors' lättläst summaries."""
    lines = ["LIX per language (median, highest):"]
    for code in CODES:
        values = [lix(text) for s in quiz.statements if (text := getattr(s.text, code)) is not None]
        lines.append(f"  {code}: " + (f"median {median(values):.1f}, highest {max(values):.1f} "
                                      f"({_count(len(values), 'statement')})" if values else "no texts"))
    summaries = {(s.id, p.party): p.summary["lattlast"] for s in quiz.statements
                 for p in s.positions.values() if "lattlast" in p.summary}
    if summaries:
        values = [lix(text) for text in summaries.values()]
        over = [f"{sid} ({party})" for (sid, party), text in summaries.items() if lix(text) >= LATTLAST_TARGET]
        lines.append(f"  lättläst summaries of quotes: median {median(values):.1f}, highest {max(values):.1f} "
                     f"({_count(len(values), 'summary', 'summaries')}); "
                     f"at or over {LATTLAST_TARGET}: {', '.join(over) or 'none'}")
    return lines


def _count(n: int, word: str, plural: str | None = None) -> str:
    return f"{n} {word if n == 1 else plural or word + 's'}"


def _stance(value: int | None) -> str:
    return "no position" if value is None else f"{value:+d}" if value else "0"


def _percent(part: int, whole: int) -> str:
    return "n/a" if whole == 0 else f"{float(percent(Fraction(part), Fraction(whole))):.1f} %"
