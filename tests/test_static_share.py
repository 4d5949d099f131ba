"""Share links of the static page are interchangeable with the app's (format v2 of COMMON's spec,
and v1 tokens still open): a token made by Python opens in `valkompass.js`, and the other way round.

`reference_encode` / `reference_decode` below are the v2 format written straight from the spec, so
the test does not depend on which version `quiz.share` is at; so is the v1 encoder (the app wrote
v1 before)."""

from __future__ import annotations

import base64
import hashlib
import json
import random
import subprocess
from pathlib import Path
from typing import Any

import pytest

from quiz import share
from quiz.load import load_quiz
from quiz.model import Answers, Quiz
from quiz.static.build import quiz_data
from tests.conftest import FIXTURES, ROOT
from tests.test_share import encode_v1
from tests.test_static_scoring import random_respondents, require_node

ENGINE = ROOT / "quiz" / "static" / "valkompass.js"
NODE = """
const engine = require(process.argv[1]);
const fs = require("fs");
const quiz = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
const job = JSON.parse(fs.readFileSync(process.argv[3], "utf8"));
const decode = (token) => { try { return engine.decodeShare(quiz, token); } catch (e) { return {error: e.reason}; } };
const encoded = job.encode.map((r) => engine.encodeShare(quiz, r));
console.log(JSON.stringify({encoded, decoded: job.decode.map(decode)}));
"""

require_node()


def reference_encode(quiz: Quiz, answers: Answers) -> str:
    values = quiz.weights.scale.values
    width = (len(values) + 1).bit_length()
    bits = ""
    for statement in quiz.statements:
        value = answers.values.get(statement.id, "absent")
        code = 0 if value == "absent" else 1 if value is None else 2 + values.index(value)  # type: ignore[arg-type]
        bits += format(code, f"0{width}b") + ("1" if code >= 2 and statement.id in answers.important else "0")
    bits += "0" * (-len(bits) % 8)
    body = bytes([2]) + fingerprint(quiz) + bytes(int(bits[i:i + 8], 2) for i in range(0, len(bits), 8))
    return base64.urlsafe_b64encode(body + hashlib.sha256(body).digest()[:2]).decode().rstrip("=")


def reference_decode(quiz: Quiz, token: str) -> dict[str, Any]:
    raw = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))
    assert raw[0] == 2 and raw[1:5] == fingerprint(quiz) and hashlib.sha256(raw[:-2]).digest()[:2] == raw[-2:]
    values = quiz.weights.scale.values
    width = (len(values) + 1).bit_length()
    bits = "".join(format(byte, "08b") for byte in raw[5:-2])
    answers: dict[str, int | None] = {}
    important = []
    for i, statement in enumerate(quiz.statements):
        code, flag = int(bits[i * (width + 1): i * (width + 1) + width], 2), bits[i * (width + 1) + width]
        if code:
            answers[statement.id] = None if code == 1 else values[code - 2]
        if flag == "1":
            important.append(statement.id)
    return {"answers": answers, "important": important}


def fingerprint(quiz: Quiz) -> bytes:
    return hashlib.sha256("\n".join([quiz.id, *(s.id for s in quiz.statements)]).encode()).digest()[:4]


def run_node(quiz: Quiz, encode: list[dict[str, Any]], decode: list[str], tmp: Path) -> dict[str, Any]:
    (tmp / "quiz.json").write_text(json.dumps(quiz_data(quiz)), encoding="utf-8")
    (tmp / "job.json").write_text(json.dumps({"encode": encode, "decode": decode}), encoding="utf-8")
    out = subprocess.run(["node", "-e", NODE, str(ENGINE), str(tmp / "quiz.json"), str(tmp / "job.json")],
                         check=True, capture_output=True, text=True, timeout=120).stdout
    result: dict[str, Any] = json.loads(out)
    return result


def normal(respondent: dict[str, Any]) -> dict[str, Any]:
    """What a link carries: answers and skips, importance only for answered statements, in any order."""
    answers = respondent["answers"]
    return {"answers": answers,
            "important": sorted(i for i in respondent.get("important", []) if answers.get(i) is not None)}


@pytest.mark.parametrize("file", ["statements.yaml", "quizzes/kronoberg-alliansen-2018.yaml",
                                  str(FIXTURES / "svt-rule" / "quiz.yaml"),
                                  str(FIXTURES / "wahlomat-rule" / "quiz.yaml")])
def test_links_made_in_python_open_in_the_page_and_back(file: str, tmp_path: Path) -> None:
    quiz = load_quiz(ROOT / file)
    respondents = [normal(r) for r in random_respondents(quiz, 300, seed=7)]
    python_tokens = [reference_encode(quiz, Answers(r["answers"], frozenset(r["important"]))) for r in respondents]
    # the app's own encoder writes the same tokens as the spec's reference, so the page reads the app's links
    assert [share.encode(quiz, Answers(r["answers"], frozenset(r["important"]))) for r in respondents] == python_tokens
    result = run_node(quiz, respondents, python_tokens, tmp_path)
    assert result["encoded"] == python_tokens
    assert [normal(d) for d in result["decoded"]] == respondents
    assert [normal(reference_decode(quiz, token)) for token in result["encoded"]] == respondents


def test_v1_links_of_the_app_still_open(shipped: Quiz, tmp_path: Path) -> None:
    respondents = random_respondents(shipped, 200, seed=3)
    answered = [{"answers": {k: v for k, v in r["answers"].items() if v is not None}, "important": r["important"]}
                for r in respondents]
    tokens = [encode_v1(shipped, Answers(r["answers"], frozenset(r["important"]))) for r in answered]
    result = run_node(shipped, [], tokens, tmp_path)
    assert [normal(d) for d in result["decoded"]] == [normal(r) for r in answered]


def test_tampered_and_foreign_links_fail_with_the_reason_of_the_spec(shipped: Quiz, tmp_path: Path) -> None:
    token = reference_encode(shipped, Answers({shipped.statements[0].id: 2}, frozenset()))
    other = load_quiz(ROOT / "quizzes" / "kronoberg-alliansen-2018.yaml")
    flipped = token[:8] + ("A" if token[8] != "A" else "B") + token[9:]
    raw = bytearray(base64.urlsafe_b64decode(token + "=" * (-len(token) % 4)))
    raw[0] = 3
    cases = {"x" * 201: "too_long", "a!b": "malformed", "AAA": "malformed", flipped: "checksum",
             token[:-3]: "checksum", reference_encode(other, Answers({}, frozenset())): "other_quiz",
             base64.urlsafe_b64encode(bytes(raw)).decode().rstrip("="): "version",
             forged_with_bad_value(shipped): "bad_value"}
    result = run_node(shipped, [], list(cases), tmp_path)
    assert [d.get("error") for d in result["decoded"]] == list(cases.values())


def forged_with_bad_value(quiz: Quiz) -> str:
    """A well-formed v2 token whose first code is 7 (off a 5-point scale), with a valid checksum."""
    width = (len(quiz.weights.scale.values) + 1).bit_length()
    bits = format(7, f"0{width}b") + "0" + "0" * ((width + 1) * (len(quiz.statements) - 1))
    bits += "0" * (-len(bits) % 8)
    body = bytes([2]) + fingerprint(quiz) + bytes(int(bits[i:i + 8], 2) for i in range(0, len(bits), 8))
    return base64.urlsafe_b64encode(body + hashlib.sha256(body).digest()[:2]).decode().rstrip("=")


def test_random_tokens_never_crash_the_decoder(shipped: Quiz, tmp_path: Path) -> None:
    rng = random.Random(1)
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_=+/ %ä"
    tokens = ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 60))) for _ in range(500)]
    result = run_node(shipped, [], tokens, tmp_path)
    assert {d.get("error") for d in result["decoded"]} <= set(share.ShareError.REASONS)
