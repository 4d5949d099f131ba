"""Firmness: does the top party survive one stance coded one step differently, or the other
coder's reading where the coders disagreed?"""

from __future__ import annotations

from dataclasses import replace

from hypothesis import given, settings

from quiz.firmness import firmness, other_reading
from quiz.model import Answers, Position, Quiz, Reading
from quiz.scoring import rank, score
from tests.conftest import make_quiz
from tests.test_properties_support import quizzes_and_answers


def with_readings(quiz: Quiz, readings: dict[tuple[str, str], Reading]) -> Quiz:
    statements = tuple(replace(s, readings={p: r for (sid, p), r in readings.items() if sid == s.id})
                       for s in quiz.statements)
    return replace(quiz, statements=statements)


def test_a_wide_lead_holds_against_every_one_step_recoding(five_point):
    quiz = make_quiz(five_point, {"a": {"X": 2, "Y": -2}, "b": {"X": 2, "Y": -2}})
    result = firmness(quiz, Answers({"a": 2, "b": 2}))
    # X 8/8, Y 0/8. The worst single recoding: X 2 → 1 on a gives X 7/8; Y −2 → −1 gives Y 1/8.
    assert (result.top, result.recodings, result.other_reading_top, result.holds) == (("X",), (), None, True)


def test_the_recodings_a_narrow_lead_hangs_on_are_named(five_point):
    quiz = make_quiz(five_point, {"a": {"X": 2, "Y": 1}, "b": {"X": 0, "Y": 0}})
    result = firmness(quiz, Answers({"a": 2, "b": 2}))
    # X (4 + 2)/8 = 75 %, Y (3 + 2)/8 = 62.5 %.
    # X on a coded 1: X (3 + 2)/8 = 5/8, level with Y → a tie.  X on b coded −1: X (4 + 1)/8 → a tie.
    # Y on a coded 2: Y (4 + 2)/8, level with X → a tie.  Y on b coded 1: Y (3 + 3)/8 → a tie.
    # (X on b coded 1 gives X 7/8; Y on a coded 0 or b coded −1 lowers Y: X stays on top.)
    assert [(r.statement, r.party, r.stance, r.top) for r in result.recodings] == [
        ("a", "X", 1, ("X", "Y")), ("a", "Y", 2, ("X", "Y")), ("b", "X", -1, ("X", "Y")),
        ("b", "Y", 1, ("X", "Y"))]
    assert not result.holds


def test_the_other_reading_where_the_coders_disagreed(five_point):
    quiz = make_quiz(five_point, {"a": {"X": 2, "Y": -2}, "b": {"X": 1, "Y": 2}})
    quiz = with_readings(quiz, {
        ("a", "X"): Reading("X", 2, 2, -2, disputed=True),  # second coder read −2: X gets 0 of 4 on a
        ("b", "Y"): Reading("Y", 2, 2, 2),  # both agree: not a disagreement
    })
    result = firmness(quiz, Answers({"a": 2, "b": 2}))
    # as coded: X 4 + 3 = 7/8, Y 0 + 4 = 4/8 → X.  With the other reading: X 0 + 3 = 3/8 → Y on top.
    assert result.top == ("X",)
    assert [(r.statement, r.party, r.stance) for r in result.disagreements] == [("a", "X", -2)]
    assert result.other_reading_top == ("Y",)
    assert not result.holds


def test_a_reading_of_no_position_drops_the_statement_for_that_party(five_point):
    quiz = make_quiz(five_point, {"a": {"X": -2, "Y": 1}, "b": {"X": 2, "Y": 1}})
    quiz = with_readings(quiz, {("a", "X"): Reading("X", -2, -2, None)})
    result = firmness(quiz, Answers({"a": 2, "b": 2}))
    # as coded: X 0 + 4 = 4/8, Y 3 + 3 = 6/8 → Y.  Without X's position on a: X 4/4 = 100 % → X.
    assert (result.top, result.other_reading_top) == (("Y",), ("X",))


def test_the_other_reading_is_the_one_that_differs_from_the_stance():
    assert other_reading(Reading("X", 1, 1, 2)) == 2  # the first reading stood: use the second
    assert other_reading(Reading("X", 2, 1, 2)) == 1  # discussion moved to the second: use the first
    assert other_reading(Reading("X", 0, 1, 2)) == 2  # both differ: the second coder's


@settings(max_examples=120, deadline=None)
@given(quizzes_and_answers())
def test_every_listed_recoding_changes_the_top_when_rescored_from_scratch(case):
    quiz, answers = case
    result = firmness(quiz, answers)
    for recoding in result.recodings:
        statement = quiz.statement(recoding.statement)
        old = statement.positions[recoding.party]
        positions = {**statement.positions, recoding.party: Position(recoding.party, recoding.stance, "", "",
                                                                       old.important)}
        changed = replace(quiz, statements=tuple(replace(s, positions=positions) if s.id == statement.id else s
                                                 for s in quiz.statements))
        ranked = rank(score(changed, answers))
        top = tuple(sorted(r.score.party for r in ranked if r.rank == 1 and r.score.match is not None))
        assert top == recoding.top != result.top
