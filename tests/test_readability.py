"""LIX, worked by hand: words / sentences + 100 · long words (more than 6 letters) / words."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quiz.load import load_quiz
from quiz.readability import lix, readability_lines
from tests.conftest import FIXTURES


@pytest.mark.parametrize(("text", "expected"), [
    # 7 words, 2 sentences, no word over 6 letters ("gillar", "katter", "Hundar" have 6): 7/2 = 3.5
    ("Jag gillar katter. Hundar är också bra.", 3.5),
    # 4 words, 1 sentence, 3 long (Sjukvårdspersonalen 19, behöver 7, kollegor 8): 4 + 75 = 79
    ("Sjukvårdspersonalen behöver fler kollegor.", 79.0),
    # "1.5" is one word and ends no sentence; digits are not letters: 4 words, 1 sentence,
    # 1 long (miljoner): 4 + 25 = 29
    ("Kostar 1.5 miljoner kronor", 29.0),
    # a colon ends a sentence, and words after the last end make one: 4 words / 2 + 100·1/4 = 27
    ("Partiet säger: Nej tack", 27.0),
    # an ending without words before it makes no sentence: 1 word, 1 sentence: 1
    (": Ja", 1.0),
    # a hyphenated name is one word of 8 letters: 2 words, 1 sentence, 1 long: 2 + 50 = 52
    ("Som Wahl-O-Mat.", 52.0),
    ("", 0.0),
    ("… – !", 0.0),
])
def test_lix(text, expected):
    assert lix(text) == expected


@given(st.text(alphabet="abcdefghij .!?:-", max_size=80))
def test_lix_is_at_least_one_word_per_sentence_and_at_most_that_plus_100(text):
    """At most the number of words plus 100. The runs of letters bound the words from above: a
    hyphen joins two runs into one word, and a colon between letters ("aaaaabb:bbbbbbb") parts
    them into two words in one sentence, which counting by spaces missed."""
    value = lix(text)
    assert value == 0.0 or 1.0 <= value <= len(re.findall("[a-j]+", text)) + 100


@pytest.mark.parametrize(("text", "expected"), [("aaaaabb:bbbbbbb", 102.0), ("aaaaabb: bbbbbbb", 101.0)])
def test_a_colon_parts_words_and_ends_a_sentence_only_before_a_space(text, expected):
    assert lix(text) == expected


def test_the_report_shows_lix_per_statement_and_language():
    quiz = load_quiz(FIXTURES / "lattlast" / "statements.yaml")
    # solleftea-akut: sv "Återöppna akutkirurgin i Sollefteå.": 4 words, 3 long: 4 + 75 = 79;
    # en "Reopen emergency surgery in Sollefteå.": 5 words, 3 long: 5 + 60 = 65; lättläst
    # "Sjukhuset i Sollefteå ska kunna operera akut igen.": 8 words, 3 long: 8 + 37.5 → 46.
    # arbetsskor: sv "Fria arbetsskor till vårdpersonalen.": 4 words, 2 long: 4 + 50 = 54; en "Free
    # work shoes for care staff.": 6 words, none long: 6; lättläst "De som jobbar i vården ska få
    # skor till jobbet gratis.": 11 words, none over 6 letters: 11.
    assert readability_lines(quiz) == [
        "Readability (LIX: under 30 very easy, 30–40 easy, 40–50 medium, over 50 hard; lättläst target: under 30)",
        "statement             sv        en  lattlast",
        "solleftea-akut        79        65        46",
        "arbetsskor            54         6        11",
        "lättläst at or over 30: solleftea-akut",
        "without a lättläst text: none",
    ]


def test_missing_lattlast_texts_are_listed_only_for_a_quiz_that_declares_lattlast():
    quiz = load_quiz(FIXTURES / "lattlast" / "statements.yaml")
    first = quiz.statements[0]
    without = replace(quiz, statements=(replace(first, text=replace(first.text, lattlast=None)), *quiz.statements[1:]))
    assert readability_lines(without)[-1] == f"without a lättläst text: {first.id}"
    undeclared = replace(without, languages=("sv", "en"))
    assert not any(line.startswith("without a lättläst text") for line in readability_lines(undeclared))
