"""Share links round-trip exactly, and a foreign, changed, cut or oversized link is refused clearly."""

from __future__ import annotations

import base64
import dataclasses
import hashlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quiz.load import load_quiz, load_weights
from quiz.model import AnswerOption, Answers, Quiz, Scale, Text
from quiz.share import ShareError, code_width, decode, encode
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


def scale_of(size: int) -> Scale:
    """A scale of `size` answers, most agreeing first: size-1, …, 0."""
    return Scale(tuple(AnswerOption(v, Text(str(v), str(v))) for v in range(size - 1, -1, -1)), Text("-", "-"))


@st.composite
def any_scale_respondents(draw: st.DrawFn) -> tuple[Quiz, Answers]:
    """Any scale of 2..11 answers; each statement unanswered, skipped or answered (maybe important)."""
    weights = dataclasses.replace(FIVE_POINT, scale=scale_of(draw(st.integers(2, 11))))
    n = draw(st.integers(1, 60))
    quiz = make_quiz(weights, {f"s{i}": {"P": None} for i in range(n)})
    values: dict[str, int | None] = {}
    for i in range(n):
        state = draw(st.sampled_from(["unanswered", "skipped", "answered"]))
        if state != "unanswered":
            values[f"s{i}"] = None if state == "skipped" else draw(st.sampled_from(weights.scale.values))
    important = {sid for sid, value in values.items() if value is not None and draw(st.booleans())}
    return quiz, Answers(values, frozenset(important))


@settings(max_examples=300)
@given(any_scale_respondents())
def test_every_answer_on_every_allowed_scale_round_trips_skipped_included(case):
    quiz, answers = case
    assert decode(quiz, encode(quiz, answers)) == answers


def test_code_widths_per_scale_size():
    # codes 0 (not answered), 1 (skipped), 2..n+1 (the options): the largest, n + 1, needs (n + 1).bit_length() bits
    assert [code_width(n) for n in range(2, 12)] == [2, 3, 3, 3, 3, 4, 4, 4, 4, 4]


def test_a_known_token_byte_for_byte():
    # 5 options → 3-bit codes. solleftea-akut: "Helt enig" (option 0 → code 2 = 010), important (1);
    # arbetsskor: skipped (code 1 = 001), not important (0); padding 00 → 0101 0010 = 0x52.
    token = encode(MINI, Answers({"solleftea-akut": 2, "arbetsskor": None}, frozenset({"solleftea-akut"})))
    raw = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))
    fingerprint = hashlib.sha256(b"mini\nsolleftea-akut\narbetsskor").digest()[:4]
    assert raw[:6] == bytes([2]) + fingerprint + bytes([0x52])
    assert raw[6:] == hashlib.sha256(raw[:6]).digest()[:2] and len(raw) == 8


def encode_v1(quiz: Quiz, answers: Answers) -> str:
    """Format 1, as valkompass wrote it until 2026-11: 4-bit codes, two per byte."""
    values = quiz.weights.scale.values
    codes = []
    for statement in quiz.statements:
        value = answers.values.get(statement.id)
        code = 0 if value is None else values.index(value) + 1
        codes.append(code + (8 if statement.id in answers.important and code else 0))
    codes += [0] * (len(codes) % 2)
    body = bytes([1]) + hashlib.sha256("\n".join([quiz.id, *(s.id for s in quiz.statements)]).encode()).digest()[:4]
    body += bytes(16 * high + low for high, low in zip(codes[::2], codes[1::2], strict=True))
    return base64.urlsafe_b64encode(body + hashlib.sha256(body).digest()[:2]).decode("ascii").rstrip("=")


@given(respondents())
def test_every_format_1_link_still_opens(case):
    quiz, answers = case
    assert decode(quiz, encode_v1(quiz, answers)) == answers


def test_a_format_1_link_made_before_the_change_opens():
    # A real link from the mini quiz, made by the format-1 encoder: solleftea-akut 2 (important), arbetsskor -1
    token = encode_v1(MINI, Answers({"solleftea-akut": 2, "arbetsskor": -1}, frozenset({"solleftea-akut"})))
    assert decode(MINI, token) == Answers({"solleftea-akut": 2, "arbetsskor": -1}, frozenset({"solleftea-akut"}))


def forged(quiz: Quiz, version: int, payload: bytes) -> str:
    """A token with a correct fingerprint and checksum around any payload."""
    fingerprint = hashlib.sha256("\n".join([quiz.id, *(s.id for s in quiz.statements)]).encode()).digest()[:4]
    body = bytes([version]) + fingerprint + payload
    return base64.urlsafe_b64encode(body + hashlib.sha256(body).digest()[:2]).decode("ascii").rstrip("=")


@pytest.mark.parametrize(("payload", "message"), [
    (bytes([0b11100000]), "the link has an answer that is not on the scale (solleftea-akut)"),  # code 7 > 6
    (bytes([0b00010000]), "the link has an answer that is not on the scale (solleftea-akut)"),  # important, unanswered
    (bytes([0b01000011]), "the link has an answer that is not on the scale (arbetsskor)"),  # important, skipped
])
def test_a_forged_format_2_link_with_a_bad_code_is_refused(payload, message):
    assert reason_and_message(forged(MINI, 2, payload)) == ("bad_value", message)


def test_a_forged_format_2_link_with_a_padding_bit_set_is_refused(five_point):
    one = make_quiz(five_point, {"x": {"P": 1}})  # 4 bits of answers, 4 bits of padding
    with pytest.raises(ShareError) as caught:
        decode(one, forged(one, 2, bytes([0b01000001])))
    assert (caught.value.reason, str(caught.value)) == ("bad_value", "the link has data after the last answer")


def test_an_unknown_version_is_refused():
    assert reason_and_message(forged(MINI, 3, bytes([0])))[0] == "version"


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
