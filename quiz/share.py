"""Share links: a respondent's answers and importance flags, encoded compactly for a URL.

Format 2 (written; then base64url without padding):

    byte 0        format version (2)
    bytes 1-4     fingerprint: the first 4 bytes of sha256("\\n".join([quiz id, *statement ids in order]))
    then          per statement in quiz order, a code of w bits and 1 importance bit, packed
                  most significant bit first, the last byte padded with 0 bits. With n answer
                  options (in file order): code 0 = not answered, 1 = skipped, 2 + i = option i;
                  w = (n + 1).bit_length(). Only an answered statement may be important.
    last 2 bytes  checksum: the first 2 bytes of sha256 of everything before it

Format 1 (still read): the same frame with version 1 and one 4-bit code per statement, two per
byte, high nibble first: 0 = not answered, 1..7 = option index + 1, +8 = important. It has no
code for "skipped" and holds at most 7 options.

A link made for another quiz, or for another version of this one, fails the fingerprint; a link
that was altered or cut short fails the checksum. Nothing is stored on the server: the link is the
only copy of the answers.
"""

from __future__ import annotations

import base64
import binascii
import hashlib

from quiz.model import Answers, Quiz

VERSION = 2
MAX_LENGTH = 200
_FRAME = 1 + 4 + 2  # version, fingerprint, checksum


class ShareError(ValueError):
    """A share link that cannot be read. `reason` is one of REASONS, for translated notices."""

    REASONS = ("too_long", "malformed", "version", "other_quiz", "checksum", "bad_value")

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason


def encode(quiz: Quiz, answers: Answers) -> str:
    """The share token (format 2) for `answers` to `quiz`. The codes are packed into one integer,
    most significant bit first (the app makes a token on every answer)."""
    values = quiz.weights.scale.values
    width = code_width(len(values)) + 1
    packed = 0
    for statement in quiz.statements:
        code = 0
        if statement.id in answers.values:
            value = answers.values[statement.id]
            code = 1 if value is None else 2 + values.index(value)
        important = code >= 2 and statement.id in answers.important
        packed = (packed << width) | (code << 1) | int(important)
    bits = width * len(quiz.statements)
    body = bytes([VERSION]) + _fingerprint(quiz) + (packed << (-bits % 8)).to_bytes((bits + 7) // 8, "big")
    return base64.urlsafe_b64encode(body + _checksum(body)).decode("ascii").rstrip("=")


def decode(quiz: Quiz, token: str) -> Answers:
    """The answers in `token` (format 2 or 1); raise `ShareError` saying what is wrong with it."""
    longest = max(MAX_LENGTH, _token_length(_body_length(quiz, 2)), _token_length(_body_length(quiz, 1)))
    if len(token) > longest:
        raise ShareError("too_long", f"the link is too long ({len(token)} characters, at most {longest})")
    try:
        raw = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))
    except (binascii.Error, ValueError):
        raise ShareError("malformed", "the link is not a valkompass result link") from None
    if len(raw) < _FRAME:
        raise ShareError("malformed", "the link is not a valkompass result link")
    if raw[0] not in (1, 2):
        raise ShareError("version", "the link was made by another version of valkompass")
    if raw[1:5] != _fingerprint(quiz):
        raise ShareError("other_quiz", "the link belongs to another quiz, or to an older version of this one")
    if len(raw) != _body_length(quiz, raw[0]) + 2 or _checksum(raw[:-2]) != raw[-2:]:
        raise ShareError("checksum", "the link has been changed or cut short")
    return _answers_v2(quiz, raw[5:-2]) if raw[0] == 2 else _answers_v1(quiz, raw[5:-2])


def code_width(options: int) -> int:
    """Bits per answer code in format 2 for a scale of `options` answers (2 options: 2 bits; 11: 4)."""
    return (options + 1).bit_length()


def _answers_v2(quiz: Quiz, packed: bytes) -> Answers:
    values = quiz.weights.scale.values
    width = code_width(len(values))
    bits = [(byte >> shift) & 1 for byte in packed for shift in range(7, -1, -1)]
    answered: dict[str, int | None] = {}
    important = set()
    for index, statement in enumerate(quiz.statements):
        chunk = bits[index * (width + 1):(index + 1) * (width + 1)]
        code = int("".join(map(str, chunk[:width])), 2)
        if code > len(values) + 1 or (chunk[width] and code < 2):
            raise ShareError("bad_value", f"the link has an answer that is not on the scale ({statement.id})")
        if code:
            answered[statement.id] = None if code == 1 else values[code - 2]
        if chunk[width]:
            important.add(statement.id)
    if any(bits[len(quiz.statements) * (width + 1):]):
        raise ShareError("bad_value", "the link has data after the last answer")
    return Answers(answered, frozenset(important))


def _answers_v1(quiz: Quiz, packed: bytes) -> Answers:
    values = quiz.weights.scale.values
    codes = [half for byte in packed for half in (byte >> 4, byte & 15)]
    answered: dict[str, int | None] = {}
    important = set()
    for statement, code in zip(quiz.statements, codes, strict=False):
        index = (code & 7) - 1
        if index >= len(values) or code == 8:
            raise ShareError("bad_value", f"the link has an answer that is not on the scale ({statement.id})")
        if index >= 0:
            answered[statement.id] = values[index]
            if code & 8:
                important.add(statement.id)
    return Answers(answered, frozenset(important))


def _body_length(quiz: Quiz, version: int) -> int:
    """Bytes before the checksum in a token of `version` for `quiz`."""
    count = len(quiz.statements)
    if version == 1:
        return 5 + (count + 1) // 2
    return 5 + (count * (code_width(len(quiz.weights.scale.values)) + 1) + 7) // 8


def _token_length(body: int) -> int:
    return -(-(body + 2) * 4 // 3)


def _fingerprint(quiz: Quiz) -> bytes:
    text = "\n".join([quiz.id, *(s.id for s in quiz.statements)])
    return hashlib.sha256(text.encode("utf-8")).digest()[:4]


def _checksum(body: bytes) -> bytes:
    return hashlib.sha256(body).digest()[:2]
