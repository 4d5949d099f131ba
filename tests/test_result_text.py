"""The results page's sentences, built from the engine's verdict and firmness."""

from __future__ import annotations

from datetime import date

from quiz.firmness import firmness
from quiz.model import Answers
from quiz.verdict import verdict
from tests.conftest import make_quiz
from valkompass_app.result_text import count, firmness_lines, names, png_lines, verdict_lines
from valkompass_app.state import View


def view(quiz, lang="sv", parties=None):
    return View(quiz, lang, parties or sorted(quiz.parties), [s.id for s in quiz.statements], False)


def test_names_are_listed_as_in_running_text(five_point):
    quiz = make_quiz(five_point, {"a": {"X": 1, "Y": 1, "Z": 1}})
    assert [names(view(quiz), p) for p in (["X"], ["X", "Y"], ["X", "Y", "Z"])] == ["X", "X och Y", "X, Y och Z"]
    assert names(view(quiz, "en"), ["X", "Y"]) == "X and Y"


def test_plurals():
    assert [count("sv", 1, "statement"), count("sv", 2, "statement"), count("en", 1, "position")] == [
        "1 påstående", "2 påståenden", "1 position"]


def test_a_close_verdict_in_english(five_point):
    quiz = make_quiz(five_point, {"a": {"X": 2, "Y": 1}, "b": {"X": -1, "Y": -1}})
    answers = Answers({"a": 2, "b": 2})
    # X 62.5 %, Y 50 %; answering a one step lower swaps them
    assert verdict_lines(view(quiz, "en"), verdict(quiz, answers)) == [
        "Too close to call between X and Y.",
        "X is 12.5 percentage points ahead, but moving a single one of your answers by one step on the scale "
        "could change the order."]


def test_the_statement_a_result_hangs_on_is_named(five_point):
    quiz = make_quiz(five_point, {"a": {"X": 2, "Y": -2}, "b": {"X": 0, "Y": 2}})
    answers = Answers({"a": 2, "b": None})
    # X 4/4, Y 0/4 on a alone: no one-step recoding can close a 4-point gap
    assert firmness_lines(view(quiz), firmness(quiz, answers)) == [
        "Resultatet håller även om något enskilt av partiernas ställningstaganden hade kodats ett steg annorlunda."]
    narrow = make_quiz(five_point, {"a": {"X": 2, "Y": 1}, "b": {"X": 0, "Y": 0}})
    # X (4 + 2)/8, Y (3 + 2)/8: four one-step recodings tie them (tests/test_firmness.py), the first
    # in quiz order is X on a coded 1
    assert firmness_lines(view(narrow), firmness(narrow, Answers({"a": 2, "b": 2}))) == [
        "Resultatet hänger på hur ställningstagandena kodats: 4 olika enskilda kodningar, ett steg annorlunda, "
        "ändrar vem som hamnar överst. Till exempel: om X i stället hade kodats som ”Delvis enig” i påstående 1, "
        "”a”, skulle X och Y dela första platsen."]


def test_the_png_says_the_verdict_the_subset_the_date_method_and_link(five_point):
    quiz = make_quiz(five_point, {"a": {"X": 2, "Y": -2}})
    answers = Answers({"a": 2})
    lines = png_lines(view(quiz, parties=["Y"]), verdict(quiz, answers, ["Y"]), "http://x/?r=1", date(2026, 11, 29))
    assert lines == ["Din överensstämmelse med Y: 0\u00a0%.",
                     "Jämförelse med endast: Y. Valkompassen har fler partier än så.",
                     "2026-11-29 · räknesätt: Avstånd (standard)", "http://x/?r=1"]
