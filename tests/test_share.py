"""Share links round-trip exactly, and a foreign, changed, cut or oversized link is refused clearly."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quiz.load import load_quiz, load_weights
from quiz.model import Answers, Quiz
from quiz.share import ShareError, decode, encode
from tests.conftest import FIXTURES, WEIGHTS, make_quiz

MINI = load_quiz(FIXTURES / "mini" / "statements.yaml")
FIVE_POINT = load_weights(WEIGHTS)


@st.composite
def respondents(draw: st.DrawFn) -> tuple[Quiz, Answers]:
    n = draw(st.integers(1, 40))
    quiz = make_quiz(FIVE_POINT, {f"s{i}": {"P": 1} for i in range(n)})
    values = {f"s{i}": draw(st.one_of(st.none(), st.sampled_from([2, 1, 0, -1, -2]))) for i in range(n)}
    important = {sid for sid, value in values.items() if value is not None and draw(st.booleans())}
    return quiz, Answers({k: v for k, v in values.items() if v is not None}, frozenset(important))


@given(respondents())
def test_round_trip_is_exact(case):
    quiz, answers = case
    assert decode(quiz, encode(quiz, answers)) == answers


def test_thirty_statements_fit_in_a_short_link(five_point):
    quiz = make_quiz(five_point, {f"s{i}": {"P": 1} for i in range(30)})
    assert len(encode(quiz, Answers({f"s{i}": 2 for i in range(30)}, frozenset({"s3"})))) == 30


def reason_and_message(token: str) -> tuple[str, str]:
    with pytest.raises(ShareError) as caught:
        decode(MINI, token)
    return caught.value.reason, str(caught.value)


def test_a_changed_link_is_refused():
    token = encode(MINI, Answers({"solleftea-akut": 2, "arbetsskor": -1}))
    changed = token[:8] + ("A" if token[8] != "A" else "B") + token[9:]  # an answer byte
    assert reason_and_message(changed) == ("checksum", "the link has been changed or cut short")


def test_a_cut_link_is_refused():
    token = encode(MINI, Answers({"solleftea-akut": 2}))
    assert reason_and_message(token[:-3])[0] in ("checksum", "malformed")


def test_a_link_for_another_quiz_is_refused(five_point):
    other = make_quiz(five_point, {"solleftea-akut": {"P": 1}, "x": {"P": 1}})
    assert reason_and_message(encode(other, Answers({"x": 1}))) == (
        "other_quiz", "the link belongs to another quiz, or to an older version of this one")


def test_an_oversized_link_is_refused():
    assert reason_and_message("A" * 500) == ("too_long", "the link is too long (500 characters, at most 200)")


def test_garbage_is_refused():
    assert reason_and_message("<script>") == ("malformed", "the link is not a valkompass result link")
