"""The engine's fast paths (whole-number sums over cached pairs, what-ifs in whole numbers) give
exactly what scoring Fraction by Fraction gives, as the docstring of quiz/scoring.py defines it.

The quizzes are any the checker accepts (tests/quizgen.py): tables with half points, `collapse:
sign` with `party_importance`, penalties with a fractional max_points, and `drop`; the coders'
readings are drawn here. The reference below is deliberately plain: one Fraction at a time, and a
full re-score for every what-if."""

from __future__ import annotations

import tempfile
from dataclasses import replace
from fractions import Fraction
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quiz import charts
from quiz.firmness import firmness, other_reading
from quiz.load import load_quiz
from quiz.model import Answers, Method, Position, Quiz, Reading, Statement, Weights
from quiz.numbers import _round, decimal
from quiz.robustness import robustness
from quiz.scoring import pair_points, score, statement_points
from quiz.tally import neighbours
from quiz.verdict import Verdict, head_to_head, verdict
from tests.quizgen import quizzes

Sums = dict[str, tuple[Fraction, Fraction, int, int]]


def sign(value: int) -> int:
    return (value > 0) - (value < 0)


def reference_pair(weights: Weights, method: Method, answer: int, stance: int) -> tuple[Fraction, Fraction]:
    """Unweighted (points, max_points): `distance` or `table`, after `collapse`."""
    span = max(weights.scale.values) - min(weights.scale.values)
    if method.collapse == "sign":
        answer, stance, span = sign(answer), sign(stance), 2
    if method.rule == "distance":
        return Fraction(span - abs(answer - stance)), Fraction(span)
    return method.table[answer][stance], max(method.table[answer].values())


def reference_cell(weights: Weights, method: Method, answer: int, important: bool,
                   position: Position | None) -> tuple[Fraction, Fraction] | None:
    """Weighted (points, max_points) of one statement for one party; None: it drops out."""
    weight = weights.important_weight if important else 1
    if position is None:
        return (Fraction(0), method.missing.max_points * weight) if method.missing.rule == "penalty" else None
    if method.party_importance and position.important:
        weight *= weights.important_weight
    points, maximum = reference_pair(weights, method, answer, position.stance)
    return points * weight, maximum * weight


def reference(quiz: Quiz, answers: Answers, method_id: str | None = None,
              parties: tuple[str, ...] | None = None) -> Sums:
    """Per party (Σ points, Σ max_points, counted, answered), Fraction by Fraction."""
    method = quiz.weights.method(method_id)
    answered = [s for s in quiz.statements if answers.values.get(s.id) is not None]
    result = {}
    for party in quiz.parties if parties is None else parties:
        points, maximum, counted = Fraction(0), Fraction(0), 0
        for statement in answered:
            answer = answers.values[statement.id]
            assert answer is not None
            cell = reference_cell(quiz.weights, method, answer, statement.id in answers.important,
                                  statement.positions.get(party))
            if cell is not None:
                points, maximum = points + cell[0], maximum + cell[1]
                counted += party in statement.positions
        result[party] = (points, maximum, counted, len(answered))
    return result


def matches(sums: Sums) -> dict[str, Fraction | None]:
    return {party: points / maximum if maximum else None for party, (points, maximum, _, _) in sums.items()}


def top(sums: Sums) -> tuple[str, ...]:
    scored = {party: match for party, match in matches(sums).items() if match is not None}
    return tuple(sorted(p for p, m in scored.items() if m == max(scored.values()))) if scored else ()


def percent(match: Fraction) -> float:
    return float(100 * match)


def recoded(quiz: Quiz, statement_id: str, party: str, stance: int | None) -> Quiz:
    """The quiz with one party's stance on one statement coded differently (None: no position)."""
    def change(statement: Statement) -> Statement:
        if statement.id != statement_id:
            return statement
        positions = {p: position for p, position in statement.positions.items() if p != party}
        if stance is not None:
            old = statement.positions.get(party)
            positions[party] = Position(party, stance, "", "", old is not None and old.important)
        return replace(statement, positions=positions)
    return replace(quiz, statements=tuple(change(s) for s in quiz.statements))


def expected_verdict(quiz: Quiz, answers: Answers, parties: tuple[str, ...], method: str) -> Verdict:
    """The verdict by its definition in quiz/verdict.py, every one-step change fully re-scored."""
    found = {p: m for p, m in matches(reference(quiz, answers, method, parties)).items() if m is not None}
    if not found:
        return Verdict("none", ())
    order = sorted(found, key=lambda p: (-found[p], p))
    leader, best = order[0], found[order[0]]
    if len(parties) == 1 or len(order) == 1:
        return Verdict("single", (leader,), best)
    level = tuple(p for p in order if found[p] == best)
    runner_up = next((p for p in order if found[p] < best), None)
    margin = None if runner_up is None else best - found[runner_up]
    if len(level) > 1:
        return Verdict("tie", level, best, runner_up, margin)
    shown = decimal(100 * best, "en", 0)
    rounded = {p for p in order[1:] if decimal(100 * found[p], "en", 0) == shown}
    reach = set()
    for statement in quiz.statements:
        answer = answers.values.get(statement.id)
        for other in neighbours(quiz.weights.scale.values, answer) if answer is not None else ():
            changed = matches(reference(quiz, Answers({**answers.values, statement.id: other}, answers.important),
                                        method, parties))
            reach |= {p for p, m in changed.items() if p != leader and m is not None
                      and (changed[leader] is None or m >= changed[leader])}  # type: ignore[operator]
    contenders = tuple(p for p in order[1:] if p in rounded or p in reach)
    return Verdict("close" if contenders else "clear", (leader, *contenders), best, runner_up, margin, bool(rounded))


@st.composite
def results(draw: st.DrawFn) -> tuple[Quiz, Answers, tuple[str, ...]]:
    """A generated quiz with some coders' readings, a respondent, and the parties shown."""
    with tempfile.TemporaryDirectory() as folder:
        quiz = load_quiz(draw(quizzes()).write(Path(folder)))
    values = quiz.weights.scale.values
    stance = st.one_of(st.none(), st.sampled_from(values))
    statements = []
    for statement in quiz.statements:
        readers = draw(st.lists(st.sampled_from(sorted(quiz.parties)), unique=True, max_size=2))
        readings = {p: Reading(p, statement.stance(p), draw(stance), draw(stance), draw(st.booleans()))
                    for p in readers}
        statements.append(replace(statement, readings=readings))
    quiz = replace(quiz, statements=tuple(statements))
    ids = [s.id for s in quiz.statements]
    answers = Answers({sid: draw(st.one_of(st.none(), st.sampled_from(values))) for sid in ids},
                      frozenset(draw(st.sets(st.sampled_from(ids)))))
    parties = tuple(draw(st.permutations(sorted(quiz.parties)))[:draw(st.integers(1, len(quiz.parties)))])
    return quiz, answers, parties


SETTINGS = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(results())
def test_scores_equal_the_fraction_by_fraction_definition(case):
    quiz, answers, parties = case
    weights = quiz.weights
    for method_id, method in weights.methods.items():
        got = score(quiz, answers, method_id, parties)
        assert {p: (s.points, s.max_points, s.counted, s.answered) for p, s in got.items()} == reference(
            quiz, answers, method_id, parties)
        want = matches(reference(quiz, answers, method_id, parties))
        assert {p: s.match for p, s in got.items()} == want
        assert {p: s.percent for p, s in got.items()} == {p: None if m is None else percent(m) for p, m in want.items()}
        assert all(type(s.points) is type(s.max_points) is Fraction for s in got.values())
        for answer in weights.scale.values:
            for statement in quiz.statements:
                for party in quiz.parties:
                    for important in (False, True):
                        position = statement.positions.get(party)
                        assert (statement_points(weights, method, answer, important, position)
                                == reference_cell(weights, method, answer, important, position))
            for stance in weights.scale.values:
                assert pair_points(weights, method, answer, stance) == reference_pair(weights, method, answer, stance)


@SETTINGS
@given(results())
def test_verdict_firmness_and_robustness_equal_full_rescoring(case):
    quiz, answers, parties = case
    values = quiz.weights.scale.values
    for method in quiz.weights.methods:
        assert verdict(quiz, answers, parties, method) == expected_verdict(quiz, answers, parties, method)
        base = top(reference(quiz, answers, method, parties))
        answered = [s for s in quiz.statements if answers.values.get(s.id) is not None]
        recodings = [(s.id, p, other, top(reference(recoded(quiz, s.id, p, other), answers, method, parties)))
                     for s in answered for p in parties if p in s.positions
                     for other in neighbours(values, s.positions[p].stance)]
        disagreements = [(s.id, p, other_reading(r)) for s in answered for p in parties
                         if (r := s.readings.get(p)) is not None and (r.first != r.second or r.disputed)
                         and other_reading(r) != r.stance]
        found = firmness(quiz, answers, parties, method)
        assert found.top == base
        assert [(r.statement, r.party, r.stance, r.top) for r in found.recodings] == [
            r for r in recodings if r[3] != base]
        assert [(r.statement, r.party, r.stance, r.top) for r in found.disagreements] == [
            (*d, top(reference(recoded(quiz, *d), answers, method, parties))) for d in disagreements]
        other = quiz
        for d in disagreements:
            other = recoded(other, *d)
        assert found.other_reading_top == (top(reference(other, answers, method, parties)) if disagreements else None)
        leader = found.top[0] if found.top else None
        for rival in parties:
            if leader is not None and rival != leader:
                both = {s.id for s in quiz.statements if leader in s.positions and rival in s.positions}
                shared = Answers({k: v for k, v in answers.values.items() if k in both}, answers.important & both)
                pair = head_to_head(quiz, answers, leader, rival, method)
                sums = reference(quiz, shared, method, (leader, rival))
                assert ((pair.first.points, pair.first.max_points, pair.second.points, pair.second.max_points)
                        == (*sums[leader][:2], *sums[rival][:2]))
    for outcome in robustness(quiz, answers, parties):
        want = matches(reference(quiz, answers, outcome.method, parties))
        best = top(reference(quiz, answers, outcome.method, parties))
        below = sorted({m for m in want.values() if m is not None and best and m < want[best[0]]}, reverse=True)
        assert outcome.top == best
        assert outcome.percent == (percent(want[best[0]]) if best else None)  # type: ignore[arg-type]
        assert outcome.margin == (percent(want[best[0]]) - percent(below[0]) if best and below else None)  # type: ignore[arg-type]


@SETTINGS
@given(results())
def test_topic_rows_equal_the_fraction_by_fraction_definition(case):
    quiz, answers, parties = case
    for method in quiz.weights.methods:
        rows = []
        for topic in quiz.topics.values():
            ids = {s.id for s in quiz.statements if s.topic == topic.id}
            subset = Answers({k: v for k, v in answers.values.items() if k in ids}, answers.important & ids)
            for party, (points, maximum, _, answered) in reference(quiz, subset, method, parties).items():
                if answered:
                    rows.append((topic.name.get("sv"), party, round(percent(points / maximum)) if maximum else None))
        got = charts.topic_rows(quiz, answers, parties, method, "sv")
        assert [(row["topic"], row["party"], row["percent"]) for row in got] == rows


@given(st.one_of(st.fractions(), st.floats(allow_nan=False, allow_infinity=False), st.integers()), st.integers(0, 3))
def test_rounding_in_whole_numbers_equals_rounding_the_fraction(value, digits):
    exact = Fraction(value) * 10**digits
    whole = int(abs(exact) + Fraction(1, 2))
    assert repr(_round(value, digits)) == repr(float(Fraction(whole if exact >= 0 else -whole, 10**digits)))
