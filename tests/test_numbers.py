"""Numbers in the page's language: the Swedish decimal comma and minus sign, English points."""

from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quiz.numbers import decimal, percent


@pytest.mark.parametrize(("value", "lang", "digits", "text"), [
    (83.333, "sv", 1, "83,3"),
    (83.333, "en", 1, "83.3"),
    (Fraction(245, 44), "sv", 2, "5,57"),  # 245/44 = 5.5681…
    (-0.25, "sv", 1, "\u22120,3"),  # half away from zero, Swedish minus sign
    (0.25, "en", 1, "0.3"),
    (2.5, "en", 0, "3"),  # not round-half-to-even's 2
])
def test_decimal(value, lang, digits, text):
    assert decimal(value, lang, digits) == text


def test_percent_in_both_languages_and_for_no_value():
    assert percent(Fraction(2450, 44), "sv", 1) == "55,7\u00a0%"  # 2450/44 = 55.68…
    assert percent(55.68, "en") == "56%"
    assert percent(None, "sv") == "–"


@given(st.fractions(min_value=-1000, max_value=1000), st.integers(min_value=0, max_value=3))
def test_swedish_and_english_differ_only_in_the_decimal_mark_and_minus(value, digits):
    assert decimal(value, "sv", digits) == decimal(value, "en", digits).replace(".", ",").replace("-", "\u2212")
    assert abs(float(decimal(value, "en", digits)) - float(value)) <= 0.5 / 10**digits + 1e-9
