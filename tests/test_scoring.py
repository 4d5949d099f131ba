"""Scoring: the worked examples from Wahl-O-Mat and SVT, and the rules for skips, ties and gaps."""

from fractions import Fraction

import numpy as np
import pytest

from quiz.load import load_quiz
from quiz.model import Answers
from quiz.rules import percent
from quiz.scoring import rank, score
from tests.conftest import FIXTURES, make_quiz


def test_wahlomat_rule_worked_example():
    quiz = load_quiz(FIXTURES / "wahlomat-rule" / "quiz.yaml")
    # user: agree, neutral, disagree (important), skip (important), agree
    answers = Answers({"s1": 1, "s2": 0, "s3": -1, "s4": None, "s5": 1}, frozenset({"s3", "s4"}))
    scores = score(quiz, answers)
    # A holds agree, disagree, disagree, agree, disagree: 2 + 1 + 2·2 + (skipped) + 0 = 7 of 2+2+4+2 = 10
    assert (scores["A"].points, scores["A"].max_points, scores["A"].percent) == (7, 10, 70.0)
    # B holds disagree, neutral, agree, agree, agree: 0 + 2 + 2·0 + (skipped) + 2 = 4 of 10
    assert (scores["B"].points, scores["B"].max_points, scores["B"].percent) == (4, 10, 40.0)


@pytest.fixture(scope="module")
def svt():
    quiz = load_quiz(FIXTURES / "svt-rule" / "quiz.yaml")
    # user D;C;A!;_  (D = 2, C = 1, A = -2 important, 4th skipped)
    return score(quiz, Answers({"s1": 2, "s2": 1, "s3": -2, "s4": None}, frozenset({"s3"})))


def test_svt_rule_worked_example(svt):
    # party D;A;B;C: DD 11 of 11, CA 0 of 8, AB 8·2 of 11·2, 4th skipped by the user → 27 of 41
    assert (svt["P"].points, svt["P"].max_points) == (27, 41)
    assert round(svt["P"].percent, 2) == 65.85


def test_svt_rule_party_skip_adds_two_and_a_half(svt):
    # the party skips the 2nd: 0 points, 2.5 to the maximum → 27 of 11 + 2.5 + 22 = 35.5
    assert (svt["SKIP"].points, svt["SKIP"].max_points) == (27, Fraction(71, 2))
    assert round(svt["SKIP"].percent, 2) == 76.06


def test_svt_rule_party_importance_doubles(svt):
    # the party answers B, important, on the 2nd: CB 3·2 of 8·2 → 11 + 6 + 16 = 33 of 11 + 16 + 22 = 49
    assert (svt["IMP"].points, svt["IMP"].max_points) == (33, 49)
    assert round(svt["IMP"].percent, 2) == 67.35


def test_cityblock_points_are_four_minus_distance(five_point):
    quiz = make_quiz(five_point, {"a": {"X": 2}, "b": {"X": -1}, "c": {"X": 0}})
    # answers 2, 2, -2 against 2, -1, 0: (4-0) + (4-3) + (4-2) = 7 of 12
    result = score(quiz, Answers({"a": 2, "b": 2, "c": -2}))["X"]
    assert (result.points, result.max_points) == (7, 12)


def test_important_statement_counts_double(five_point):
    quiz = make_quiz(five_point, {"a": {"X": 2}, "b": {"X": -2}})
    # a: 4·2 of 4·2, b: 0 of 4 → 8 of 12
    result = score(quiz, Answers({"a": 2, "b": 2}, frozenset({"a"})))["X"]
    assert (result.points, result.max_points) == (8, 12)


def test_hybrid_gives_nothing_across_the_middle(five_point):
    quiz = make_quiz(five_point, {"a": {"X": -1}, "b": {"X": 0}})
    # a: 1 vs -1 on opposite sides → 0 of 4; b: 1 vs 0 → 3 of 4 (cityblock would give 2 + 3)
    result = score(quiz, Answers({"a": 1, "b": 1}), "hybrid")["X"]
    assert (result.points, result.max_points) == (3, 8)


def test_agreement_collapses_strength(five_point):
    quiz = make_quiz(five_point, {"a": {"X": 1}, "b": {"X": 0}, "c": {"X": -2}})
    # signs: + vs + → 2, + vs 0 → 1, + vs − → 0: 3 of 6
    result = score(quiz, Answers({"a": 2, "b": 2, "c": 1}), "agreement")["X"]
    assert (result.points, result.max_points) == (3, 6)


def test_missing_position_drops_the_statement_and_lowers_coverage(five_point):
    quiz = make_quiz(five_point, {"a": {"X": 2, "Y": 2}, "b": {"X": -2, "Y": None}, "c": {"X": 0, "Y": 0}})
    scores = score(quiz, Answers({"a": 2, "b": 2, "c": None}))
    # X: 4 + 0 of 8 on 2 of 2 answered; Y: 4 of 4, "based on 1 of 2 statements"
    assert (scores["X"].points, scores["X"].max_points, scores["X"].counted, scores["X"].answered) == (4, 8, 2, 2)
    assert (scores["Y"].points, scores["Y"].max_points, scores["Y"].counted, scores["Y"].answered) == (4, 4, 1, 2)


def test_nothing_answered_gives_no_match(five_point):
    quiz = make_quiz(five_point, {"a": {"X": 2}})
    result = score(quiz, Answers({"a": None}))["X"]
    assert (result.match, result.percent, result.counted, result.answered) == (None, None, 0, 0)


def test_ties_are_reported_as_ties_not_broken_by_file_order(five_point):
    quiz = make_quiz(five_point, {"a": {"Z": 2, "A": 2, "M": -2}})
    ranked = rank(score(quiz, Answers({"a": 2})))
    assert [(r.rank, r.score.party, r.tied) for r in ranked] == [(1, "A", True), (1, "Z", True), (3, "M", False)]


def test_parties_without_basis_come_last(five_point):
    quiz = make_quiz(five_point, {"a": {"X": -2, "Y": None}, "b": {"X": None, "Y": 1}})
    ranked = rank(score(quiz, Answers({"a": 2})))
    assert [(r.rank, r.score.party, r.score.percent) for r in ranked] == [(1, "X", 0.0), (2, "Y", None)]


def test_the_percentage_is_one_formula_for_fractions_and_arrays():
    # 7 of 12: 100·7/12 = 58.333…; the float of the exact fraction equals the float division of the sums
    assert float(percent(Fraction(7), Fraction(12))) == percent(np.array([7.0]), np.array([12.0]))[0] == 700 / 12
