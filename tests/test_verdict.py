"""The verdict: a clear lead, too close to call (in the method's own terms), a tie, one party."""

from __future__ import annotations

from fractions import Fraction

from hypothesis import given, settings

from quiz.model import Answers
from quiz.scoring import score
from quiz.tally import Tally
from quiz.verdict import coverage_differs, head_to_head, verdict
from tests.conftest import make_quiz
from tests.test_properties_support import quizzes_and_answers


def test_a_lead_no_single_answer_can_overturn_is_clear(five_point):
    quiz = make_quiz(five_point, {"a": {"X": 2, "Y": -2}, "b": {"X": 2, "Y": -2}, "c": {"X": 2, "Y": -2}})
    result = verdict(quiz, Answers({"a": 2, "b": 2, "c": 2}))
    # X 12/12 = 100 %, Y 0/12; a one-step change (2 → 1 anywhere) gives X 11/12, Y 1/12
    assert result.kind == "clear"
    assert (result.parties, result.runner_up, result.margin) == (("X",), "Y", Fraction(1))


def test_a_lead_one_answer_one_step_away_can_overturn_is_too_close(five_point):
    quiz = make_quiz(five_point, {"a": {"X": 2, "Y": 1}, "b": {"X": -1, "Y": -1}})
    result = verdict(quiz, Answers({"a": 2, "b": 2}))
    # X (4 + 1)/8 = 62.5 %, Y (3 + 1)/8 = 50 %: a lead of 12.5 points, shown as 63 % against 50 %.
    # Answer a one step lower (1): X (3 + 1)/8 = 50 %, Y (4 + 1)/8 = 62.5 %: the order swaps.
    assert (result.kind, result.parties, result.margin) == ("close", ("X", "Y"), Fraction(1, 8))
    assert not result.rounded_equal


def test_equal_rounded_percentages_are_too_close(five_point):
    stances = {f"s{i}": {"X": -1 if i == 1 else -2, "Y": -1 if i <= 3 else -2} for i in range(1, 11)}
    for i in range(4, 11):
        del stances[f"s{i}"]["X"]
    quiz = make_quiz(five_point, stances)
    result = verdict(quiz, Answers({s: 2 for s in stances}))
    # X on 3 statements: 1 of 12 = 8.33 % → "8 %"; Y on 10: 3 of 40 = 7.5 % → "8 %"
    assert (result.kind, result.parties, result.rounded_equal) == ("close", ("X", "Y"), True)


def test_equal_matches_are_a_tie(five_point):
    quiz = make_quiz(five_point, {"a": {"X": 2, "Y": 2, "Z": -2}})
    result = verdict(quiz, Answers({"a": 2}))
    assert (result.kind, result.parties, result.runner_up, result.margin) == ("tie", ("X", "Y"), "Z", Fraction(1))


def test_one_party_only_gives_the_agreement_never_a_winner(five_point):
    quiz = make_quiz(five_point, {"a": {"X": 2, "Y": -2}, "b": {"X": 1, "Y": 2}})
    result = verdict(quiz, Answers({"a": 2, "b": 2}), ["Y"])
    # Y alone: (0 + 4)/8 = 50 %
    assert (result.kind, result.parties, result.match) == ("single", ("Y",), Fraction(1, 2))


def test_a_party_with_no_basis_leaves_one_scored_party(five_point):
    quiz = make_quiz(five_point, {"a": {"X": 2, "Y": None}, "b": {"X": None, "Y": 1}})
    assert verdict(quiz, Answers({"a": 1, "b": None})).kind == "single"


def test_no_answers_gives_no_verdict(five_point):
    quiz = make_quiz(five_point, {"a": {"X": 2}})
    assert verdict(quiz, Answers({"a": None})).kind == "none"


def test_head_to_head_counts_only_statements_both_address(five_point):
    quiz = make_quiz(five_point, {"a": {"X": 2, "Y": -2}, "b": {"X": 2, "Y": None}, "c": {"X": -2, "Y": 2}})
    given_answers = Answers({"a": 2, "b": 2, "c": 2})
    assert coverage_differs(score(quiz, given_answers))  # X on 3 statements, Y on 2
    pair = head_to_head(quiz, given_answers, "X", "Y")
    # only a and c: X 4 + 0 = 4/8, Y 0 + 4 = 4/8
    assert (pair.common, pair.first.match, pair.second.match) == (2, Fraction(1, 2), Fraction(1, 2))


@settings(max_examples=150, deadline=None)
@given(quizzes_and_answers())
def test_tally_equals_the_scoring_engine(case):
    quiz, answers = case
    expected = {party: entry.match for party, entry in score(quiz, answers).items()}
    assert Tally.of(quiz, answers).matches() == expected


@settings(max_examples=150, deadline=None)
@given(quizzes_and_answers())
def test_a_change_re_scored_by_the_tally_equals_the_scoring_engine(case):
    """Every answer moved to the scale's first option in turn: the tally, changing only those
    cells (and dividing again only for the parties they touch), equals a full re-score."""
    quiz, answers = case
    tally, first = Tally.of(quiz, answers), quiz.weights.scale.values[0]
    for statement_id, answer in answers.values.items():
        if answer is None:
            continue
        statement = quiz.statement(statement_id)
        change = {(party, statement_id): tally.cell(statement_id, party, first, statement.positions.get(party))
                  for party in tally.parties}
        changed = Answers({**answers.values, statement_id: first}, answers.important)
        assert tally.matches(change) == {party: entry.match for party, entry in score(quiz, changed).items()}
        assert tally.matches() == {party: entry.match for party, entry in score(quiz, answers).items()}


@settings(max_examples=150, deadline=None)
@given(quizzes_and_answers())
def test_too_close_means_one_answer_one_step_away_overturns_the_lead(case):
    """Checked by brute force with the scoring engine: change each answer one step, re-score."""
    quiz, answers = case
    result = verdict(quiz, answers)
    if result.kind not in ("clear", "close") or result.rounded_equal:
        return
    leader, values = result.parties[0], quiz.weights.scale.values
    overturned = False
    for statement_id, answer in answers.values.items():
        if answer is None:
            continue
        index = values.index(answer)
        for other in (values[i] for i in (index - 1, index + 1) if 0 <= i < len(values)):
            changed = score(quiz, Answers({**answers.values, statement_id: other}, answers.important))
            top = changed[leader].match
            overturned |= any(entry.match is not None and (top is None or entry.match >= top)
                              for party, entry in changed.items() if party != leader)
    assert overturned == (result.kind == "close")
