"""Editor's report: stated positions per party and topic, and statements that can't separate parties."""

from __future__ import annotations

from dataclasses import dataclass

from quiz.model import Quiz

THIN_COVERAGE = 0.5


@dataclass(frozen=True)
class Coverage:
    """Counts of stated positions, and the weak spots an editor should look at."""

    per_topic: dict[str, dict[str, int]]
    totals: dict[str, int]
    statements_per_topic: dict[str, int]
    consensus: tuple[str, ...]
    thin: tuple[str, ...]


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


def coverage_report(quiz: Quiz) -> str:
    """`coverage` as a plain-text report."""
    result = coverage(quiz)
    parties = list(quiz.parties)
    width = max([len("topic"), *(len(t) for t in quiz.topics)])
    lines = [f"{quiz.file}: {quiz.title.en} ({len(quiz.statements)} statements)", "",
             "Stated positions per topic:",
             "  " + "topic".ljust(width) + "  statements  " + "  ".join(p.rjust(6) for p in parties)]
    for topic, row in result.per_topic.items():
        counts = "  ".join(str(row[p]).rjust(6) for p in parties)
        lines.append(f"  {topic.ljust(width)}  {str(result.statements_per_topic[topic]).rjust(10)}  {counts}")
    total = "  ".join(str(result.totals[p]).rjust(6) for p in parties)
    lines.append(f"  {'total'.ljust(width)}  {str(len(quiz.statements)).rjust(10)}  {total}")
    lines.append("")
    if result.consensus:
        lines.append("Every party that speaks holds the same stance (cannot tell parties apart):")
        lines += [f"  - {sid}" for sid in result.consensus]
    else:
        lines.append("No statement on which every party that speaks holds the same stance.")
    if result.thin:
        lines.append(f"Thin coverage (stated positions on under {THIN_COVERAGE:.0%} of statements):")
        lines += [f"  - {p}: {result.totals[p]} of {len(quiz.statements)}" for p in result.thin]
    else:
        lines.append(f"Every party has stated positions on at least {THIN_COVERAGE:.0%} of statements.")
    return "\n".join(lines)
