"""Robustness: the top party under every method, and its margin to the runner-up."""

import pytest

from quiz.model import Answers
from quiz.robustness import depends_on_method, robustness
from tests.conftest import make_quiz


def test_top_party_and_margin_under_every_method(five_point):
    quiz = make_quiz(five_point, {"a": {"X": 1, "Y": -1}, "b": {"X": 2, "Y": 2}})
    outcomes = robustness(quiz, Answers({"a": 2, "b": 2}))
    # cityblock: X (3+4)/8 = 87.5 %, Y (1+4)/8 = 62.5 % → margin 25
    # hybrid:    X (3+4)/8 = 87.5 %, Y (0+4)/8 = 50 %   → margin 37.5
    # agreement: X (2+2)/4 = 100 %,  Y (0+2)/4 = 50 %   → margin 50
    assert [(o.method, o.top, o.percent, o.margin) for o in outcomes] == [
        ("cityblock", ("X",), 87.5, 25.0), ("hybrid", ("X",), 87.5, 37.5), ("agreement", ("X",), 100.0, 50.0)]
    assert not depends_on_method(outcomes)


def test_the_top_party_can_depend_on_the_method(five_point):
    # X is always one step off; Y is exact twice but crosses the middle once
    quiz = make_quiz(five_point, {"a": {"X": 1, "Y": 2}, "b": {"X": 1, "Y": 2}, "c": {"X": 0, "Y": -1}})
    outcomes = robustness(quiz, Answers({"a": 2, "b": 2, "c": 1}))
    # cityblock: X 3+3+3 = 9/12, Y 4+4+2 = 10/12 → Y;  agreement: X 2+2+1 = 5/6, Y 2+2+0 = 4/6 → X
    tops = {o.method: o.top for o in outcomes}
    assert tops["cityblock"] == ("Y",) and tops["agreement"] == ("X",)
    assert depends_on_method(outcomes)


def test_a_tie_at_the_top_is_reported_with_the_margin_to_the_next(five_point):
    quiz = make_quiz(five_point, {"a": {"X": 2, "Y": 2, "Z": -2}})
    cityblock = robustness(quiz, Answers({"a": 2}))[0]
    assert (cityblock.top, cityblock.tied, cityblock.margin) == (("X", "Y"), True, 100.0)


def test_no_answers_gives_no_top_party(five_point):
    quiz = make_quiz(five_point, {"a": {"X": 2}})
    assert [(o.top, o.margin) for o in robustness(quiz, Answers({"a": None}))] == [((), None)] * 3


@pytest.mark.parametrize(("parties", "top"), [(["Y"], ("Y",)), (["X", "Y"], ("X",))])
def test_a_party_subset_is_honoured(five_point, parties, top):
    quiz = make_quiz(five_point, {"a": {"X": 2, "Y": 1}})
    assert robustness(quiz, Answers({"a": 2}), parties)[0].top == top
