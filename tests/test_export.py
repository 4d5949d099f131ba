"""Downloads: the results CSV opens as columns in Swedish Excel; numbers are never floats."""

from __future__ import annotations

import csv
import io
import json

from quiz.export import positions_csv, results_csv, results_json
from quiz.load import load_quiz
from quiz.model import Answers
from quiz.scoring import score
from tests.conftest import FIXTURES, make_quiz


def quiz_and_answers(five_point):
    quiz = make_quiz(five_point, {"a": {"X": 1, "Y": -2}, "b": {"X": 2, "Y": None}, "c": {"X": 0, "Y": 0}})
    return quiz, Answers({"a": 2, "b": -1, "c": None}, frozenset({"a"}))


def test_swedish_csv_has_a_bom_semicolons_decimal_commas_and_swedish_words(five_point):
    quiz, answers = quiz_and_answers(five_point)
    text = results_csv(quiz, answers, score(quiz, answers), "sv")
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text[1:]), delimiter=";"))
    # X: a important (3·2) of 8, b 1 of 4 → 7/12 = 58.3 %; Y: a 0 of 8 (b has no position) → 0 %
    assert rows == [
        ["typ", "id", "text", "värde", "viktig", "placering", "delad placering", "räknade påståenden",
         "besvarade påståenden"],
        ["svar", "a", "a", "2", "ja", "", "", "", ""],
        ["svar", "b", "b", "-1", "nej", "", "", "", ""],
        ["svar", "c", "c", "", "nej", "", "", "", ""],
        ["resultat", "X", "X", "58,3", "", "1", "nej", "2", "2"],
        ["resultat", "Y", "Y", "0,0", "", "2", "nej", "1", "2"],
    ]


def test_english_csv_uses_commas_and_points(five_point):
    quiz, answers = quiz_and_answers(five_point)
    text = results_csv(quiz, answers, score(quiz, answers), "en")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0][:5] == ["kind", "id", "text", "value", "important"]
    assert rows[4] == ["result", "X", "X", "58.3", "", "1", "no", "2", "2"]


def test_a_party_named_like_a_column_or_with_a_separator_stays_in_its_cell(five_point):
    quiz = make_quiz(five_point, {"a": {"typ;id": 2}})
    answers = Answers({"a": 2})
    rows = list(csv.reader(io.StringIO(results_csv(quiz, answers, score(quiz, answers), "sv")[1:]), delimiter=";"))
    assert rows[2][:4] == ["resultat", "typ;id", "typ;id", "100,0"]


def test_json_keeps_the_exact_numbers(five_point):
    quiz, answers = quiz_and_answers(five_point)
    data = json.loads(results_json(quiz, answers, score(quiz, answers), "cityblock"))
    assert data["results"][0]["points"] == 7.0 and data["results"][0]["max_points"] == 12.0


def test_open_data_has_lattlast_columns_only_when_the_quiz_declares_lattlast():
    plain = list(csv.DictReader(io.StringIO(positions_csv(load_quiz(FIXTURES / "mini" / "statements.yaml")))))
    assert "text_lattlast" not in plain[0] and "summary_lattlast" not in plain[0]
    declared = load_quiz(FIXTURES / "lattlast" / "statements.yaml")
    rows = list(csv.DictReader(io.StringIO(positions_csv(declared))))
    assert list(rows[0])[:5] == ["statement", "topic", "text_sv", "text_en", "text_lattlast"]
    assert list(rows[0])[-1] == "summary_lattlast"
    by_cell = {(row["statement"], row["party"]): row for row in rows}
    akut = by_cell[("solleftea-akut", "SJVP")]
    assert akut["text_lattlast"] == declared.statement("solleftea-akut").text.lattlast
    assert akut["summary_lattlast"] == "Partiet vill att sjukhuset i Sollefteå ska operera akut igen."
    assert by_cell[("solleftea-akut", "S")]["summary_lattlast"] == ""
