"""The static build scores exactly as the engine: `valkompass.js` run in Node against `quiz.scoring`
(through `quiz.batch`, proven equal to it) and against `python -m quiz score`, on every shipped quiz,
the rule fixtures and the Wahl-O-Mat Bundestag 2021 import (38 × 38), with every method."""

from __future__ import annotations

import json
import os
import random
import shutil
import subprocess
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from quiz.batch import BatchScorer
from quiz.cli import main as cli_main
from quiz.cli import shipped_quizzes
from quiz.load import load_quiz
from quiz.model import Answers, Quiz
from quiz.static.build import quiz_data
from tests.conftest import FIXTURES, ROOT

ENGINE = ROOT / "quiz" / "static" / "valkompass.js"
RESPONDENTS = 10_000
NODE_SCORE = """
const engine = require(process.argv[1]);
const fs = require("fs");
const quiz = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
const respondents = JSON.parse(fs.readFileSync(process.argv[3], "utf8"));
const out = {};
for (const method of Object.keys(quiz.weights.methods)) out[method] = engine.score(quiz, respondents, method);
fs.writeFileSync(process.argv[4], JSON.stringify(out));
"""

def require_node() -> None:
    """Skip without Node.js, except in CI, where its absence is an error."""
    if shutil.which("node"):
        return
    if os.environ.get("CI") == "true":
        raise RuntimeError("CI=true but node is missing: .ci/run must install nodejs")
    pytest.skip("Node.js is not installed (apt-get install nodejs)", allow_module_level=True)


require_node()


def quizzes(tmp_path_factory: pytest.TempPathFactory) -> list[Quiz]:
    from quiz.wahlomat import import_folder

    folder = tmp_path_factory.mktemp("wahlomat")
    import_folder(FIXTURES / "qual-o-mat-data" / "2021" / "deutschland", folder / "quiz.yaml")
    files = [*shipped_quizzes(), FIXTURES / "svt-rule" / "quiz.yaml", FIXTURES / "wahlomat-rule" / "quiz.yaml"]
    return [*(load_quiz(ROOT / f) for f in files), load_quiz(folder / "quiz.yaml")]


@pytest.fixture(scope="module")
def all_quizzes(tmp_path_factory: pytest.TempPathFactory) -> list[Quiz]:
    return quizzes(tmp_path_factory)


def random_respondents(quiz: Quiz, count: int, seed: int) -> list[dict[str, Any]]:
    """Each statement answered (70 %), skipped (15 %) or left out (15 %); 20 % marked important."""
    rng = random.Random(seed)
    values = quiz.weights.scale.values
    respondents = []
    for _ in range(count):
        answers: dict[str, int | None] = {}
        for statement in quiz.statements:
            roll = rng.random()
            if roll < 0.7:
                answers[statement.id] = rng.choice(values)
            elif roll < 0.85:
                answers[statement.id] = None
        important = [s.id for s in quiz.statements if rng.random() < 0.2]
        respondents.append({"answers": answers, "important": important})
    return respondents


def node_scores(quiz: Quiz, respondents: list[dict[str, Any]], tmp: Path) -> dict[str, list[dict[str, Any]]]:
    (tmp / "quiz.json").write_text(json.dumps(quiz_data(quiz)), encoding="utf-8")
    (tmp / "respondents.json").write_text(json.dumps(respondents), encoding="utf-8")
    subprocess.run(["node", "-e", NODE_SCORE, str(ENGINE), str(tmp / "quiz.json"), str(tmp / "respondents.json"),
                    str(tmp / "out.json")], check=True, timeout=600)
    result: dict[str, list[dict[str, Any]]] = json.loads((tmp / "out.json").read_text(encoding="utf-8"))
    return result


def test_node_scores_equal_the_engine_for_10000_respondents_on_every_quiz_and_method(
        all_quizzes: list[Quiz], tmp_path: Path) -> None:
    for number, quiz in enumerate(all_quizzes):
        respondents = random_respondents(quiz, RESPONDENTS, seed=number)
        from_node = node_scores(quiz, respondents, tmp_path)
        answers = [Answers(r["answers"], frozenset(r["important"])) for r in respondents]
        assert set(from_node) == set(quiz.weights.methods)
        for method_id, rows in from_node.items():
            expected = BatchScorer(quiz, method_id).score_answers(answers)
            assert len(rows) == RESPONDENTS
            for p, party in enumerate(expected.parties):
                got = np.array([[row[party]["points"], row[party]["max_points"], row[party]["coverage"]["counted"],
                                 row[party]["coverage"]["answered"],
                                 np.nan if row[party]["percent"] is None else row[party]["percent"]] for row in rows])
                want = np.column_stack([expected.points[:, p], expected.max_points[:, p], expected.counted[:, p],
                                        expected.answered, expected.percent[:, p]])
                assert np.allclose(got, want, rtol=0, atol=1e-9, equal_nan=True), (quiz.id, method_id, party)


def test_node_output_is_the_cli_score_output_key_by_key(all_quizzes: list[Quiz], tmp_path: Path,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    for number, quiz in enumerate(all_quizzes):
        respondents = random_respondents(quiz, 100, seed=100 + number)
        from_node = node_scores(quiz, respondents, tmp_path)
        for method_id in quiz.weights.methods:
            assert cli_main(["score", "--quiz", quiz.file, "--method", method_id,
                             "--answers", str(tmp_path / "respondents.json")]) == 0
            from_cli = json.loads(capsys.readouterr().out)
            assert_same(from_node[method_id], from_cli, f"{quiz.id} {method_id}")


def test_a_respondent_who_skipped_everything_gets_null_percent_like_the_cli(
        all_quizzes: list[Quiz], tmp_path: Path) -> None:
    quiz = all_quizzes[0]
    respondents = [{"answers": {s.id: None for s in quiz.statements}, "important": []}, {"answers": {}}]
    rows = node_scores(quiz, respondents, tmp_path)[quiz.weights.default_method]
    assert all(entry == {"percent": None, "points": 0, "max_points": 0, "coverage": {"counted": 0, "answered": 0}}
               for row in rows for entry in row.values())


def test_an_unknown_method_is_an_error_naming_the_methods(all_quizzes: list[Quiz], tmp_path: Path) -> None:
    quiz = all_quizzes[0]
    (tmp_path / "quiz.json").write_text(json.dumps(quiz_data(quiz)), encoding="utf-8")
    script = ("const e = require(process.argv[1]); const q = require(process.argv[2]);"
              "try { e.score(q, [{answers: {}}], 'nope'); } catch (error) { console.log(error.message); }")
    out = subprocess.run(["node", "-e", script, str(ENGINE), str(tmp_path / "quiz.json")], check=True,
                         capture_output=True, text=True).stdout.strip()
    assert out == "unknown method 'nope' (use one of: cityblock, hybrid, agreement)"


def assert_same(got: list[dict[str, Any]], want: list[dict[str, Any]], where: str) -> None:
    assert len(got) == len(want), where
    for node_row, cli_row in zip(got, want, strict=True):
        assert list(node_row) == list(cli_row), where
        for party, entry in cli_row.items():
            assert set(node_row[party]) == set(entry) == {"percent", "points", "max_points", "coverage"}, where
            assert node_row[party]["coverage"] == entry["coverage"], where
            for key in ("points", "max_points"):
                assert abs(node_row[party][key] - entry[key]) <= 1e-9, where
            if entry["percent"] is None:
                assert node_row[party]["percent"] is None, where
            else:
                assert abs(node_row[party]["percent"] - entry["percent"]) <= 1e-9, where
