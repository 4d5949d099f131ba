"""Share links: a respondent's answers and importance flags, encoded compactly for a URL.

Layout (then base64url without padding):

    byte 0        format version (1)
    bytes 1-4     fingerprint: the first 4 bytes of sha256(quiz id, statement ids in order)
    bytes 5..     one 4-bit code per statement, two per byte, in quiz order:
                  0 = not answered, 1..7 = (index of the value on the scale) + 1, +8 = important
    last 2 bytes  checksum: the first 2 bytes of sha256 of everything before it

A link made for another quiz, or for another version of this one, fails the fingerprint; a link
that was altered or cut short fails the checksum. Nothing is stored on the server: the link is the
only copy of the answers.
"""

from __future__ import annotations

import base64
import binascii
import hashlib

from quiz.model import Answers, Quiz

VERSION = 1
MAX_LENGTH = 200


class ShareError(ValueError):
    """A share link that cannot be read. `reason` is one of REASONS, for translated notices."""

    REASONS = ("too_long", "malformed", "version", "other_quiz", "checksum", "bad_value")

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason


def encode(quiz: Quiz, answers: Answers) -> str:
    """The share token for `answers` to `quiz`."""
    values = quiz.weights.scale.values
    codes = []
    for statement in quiz.statements:
        value = answers.values.get(statement.id)
        code = 0 if value is None else values.index(value) + 1
        codes.append(code + (8 if statement.id in answers.important and code else 0))
    if len(codes) % 2:
        codes.append(0)
    packed = bytes(16 * high + low for high, low in zip(codes[::2], codes[1::2], strict=True))
    body = bytes([VERSION]) + _fingerprint(quiz) + packed
    token = base64.urlsafe_b64encode(body + _checksum(body)).decode("ascii")
    return token.rstrip("=")


def decode(quiz: Quiz, token: str) -> Answers:
    """The answers in `token`; raise `ShareError` saying what is wrong with it."""
    if len(token) > MAX_LENGTH:
        raise ShareError("too_long", f"the link is too long ({len(token)} characters, at most {MAX_LENGTH})")
    try:
        raw = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))
    except (binascii.Error, ValueError):
        raise ShareError("malformed", "the link is not a valkompass result link") from None
    expected = 1 + 4 + (len(quiz.statements) + 1) // 2 + 2
    if len(raw) < 7 or raw[0] != VERSION:
        reason = "version" if len(raw) >= 7 else "malformed"
        raise ShareError(reason, "the link was made by another version of valkompass" if reason == "version"
                         else "the link is not a valkompass result link")
    if raw[1:5] != _fingerprint(quiz):
        raise ShareError("other_quiz", "the link belongs to another quiz, or to an older version of this one")
    if len(raw) != expected or _checksum(raw[:-2]) != raw[-2:]:
        raise ShareError("checksum", "the link has been changed or cut short")
    return _answers(quiz, raw[5:-2])


def _answers(quiz: Quiz, packed: bytes) -> Answers:
    values = quiz.weights.scale.values
    codes = [half for byte in packed for half in (byte >> 4, byte & 15)]
    answered: dict[str, int | None] = {}
    important = set()
    for statement, code in zip(quiz.statements, codes, strict=False):
        index = (code & 7) - 1
        if index >= len(values) or (code == 8):
            raise ShareError("bad_value", f"the link has an answer that is not on the scale ({statement.id})")
        if index >= 0:
            answered[statement.id] = values[index]
            if code & 8:
                important.add(statement.id)
    return Answers(answered, frozenset(important))


def _fingerprint(quiz: Quiz) -> bytes:
    text = "\n".join([quiz.id, *(s.id for s in quiz.statements)])
    return hashlib.sha256(text.encode("utf-8")).digest()[:4]


def _checksum(body: bytes) -> bytes:
    return hashlib.sha256(body).digest()[:2]
