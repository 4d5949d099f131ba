"""`python -m quiz`: check, report and score, with clean messages and exit codes."""

import json
import subprocess
import sys

from quiz.cli import main
from tests.conftest import FIXTURES, ROOT

MINI = str(FIXTURES / "mini" / "statements.yaml")


def test_check_accepts_a_valid_quiz(capsys):
    assert main(["check", MINI]) == 0
    assert capsys.readouterr().out.endswith("ok (2 statements, 2 parties, 2 positions with verified quotes)\n")


def test_check_prints_every_problem_and_exits_1(tmp_path, capsys):
    broken = tmp_path / "statements.yaml"
    broken.write_text("quiz: {id: x}\n", encoding="utf-8")
    assert main(["check", str(broken)]) == 1
    out = capsys.readouterr().out
    assert "9 problems found:" in out
    assert "› quiz › title: missing field 'title' (hint: add `title: …` here (see README.md, Data format))" in out
    assert "Traceback" not in out


def test_check_in_a_subprocess_never_shows_a_traceback(tmp_path):
    broken = tmp_path / "statements.yaml"
    broken.write_text("statements: [\n", encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "quiz", "check", str(broken)], cwd=ROOT,
                         capture_output=True, text=True, check=False)
    assert run.returncode == 1
    assert "YAML syntax error" in run.stdout and "Traceback" not in run.stdout + run.stderr


def test_score_outputs_unrounded_percent_points_and_coverage(tmp_path, capsys):
    answers = tmp_path / "answers.json"
    answers.write_text(json.dumps([
        {"answers": {"solleftea-akut": 2, "arbetsskor": -1}, "important": ["arbetsskor"]},
        {"answers": {"solleftea-akut": None}},
    ]), encoding="utf-8")
    assert main(["score", "--quiz", MINI, "--answers", str(answers)]) == 0
    result = json.loads(capsys.readouterr().out)
    # 1st: SJVP 4 of 4 on 1 of 2 (no position on arbetsskor); S: (4-3)·2 of 4·2 on 1 of 2
    assert result[0] == {
        "S": {"percent": 25.0, "points": 2.0, "max_points": 8.0, "coverage": {"counted": 1, "answered": 2}},
        "SJVP": {"percent": 100.0, "points": 4.0, "max_points": 4.0, "coverage": {"counted": 1, "answered": 2}},
    }
    assert result[1]["S"] == {"percent": None, "points": 0.0, "max_points": 0.0,
                              "coverage": {"counted": 0, "answered": 0}}


def test_score_with_another_method(tmp_path, capsys):
    answers = tmp_path / "answers.json"
    answers.write_text(json.dumps([{"answers": {"arbetsskor": 1}}]), encoding="utf-8")
    assert main(["score", "--quiz", MINI, "--method", "agreement", "--answers", str(answers)]) == 0
    # signs + against +: 2 of 2
    assert json.loads(capsys.readouterr().out)[0]["S"]["percent"] == 100.0


def test_score_reports_unknown_statements_and_bad_values(tmp_path, capsys):
    answers = tmp_path / "answers.json"
    answers.write_text(json.dumps([{"answers": {"nope": 1, "arbetsskor": 7}}]), encoding="utf-8")
    assert main(["score", "--quiz", MINI, "--answers", str(answers)]) == 1
    assert capsys.readouterr().err.splitlines() == [
        "2 problems found:",
        f"- {answers} › [0] › answers › nope: unknown statement 'nope' (hint: use a statement id from "
        f"{FIXTURES.relative_to(ROOT)}/mini/statements.yaml)",
        f"- {answers} › [0] › answers › arbetsskor: expected one of 2, 1, 0, -1, -2 or null, got 7 "
        "(hint: use a value of the answer scale, or null for skipped)",
    ]


def test_score_reports_an_unknown_method(tmp_path, capsys):
    answers = tmp_path / "answers.json"
    answers.write_text("[]", encoding="utf-8")
    assert main(["score", "--quiz", MINI, "--method", "euclid", "--answers", str(answers)]) == 1
    assert capsys.readouterr().err.splitlines()[1] == (
        "- tests/fixtures/mini/weights.yaml › methods: unknown method 'euclid' "
        "(hint: use one of: cityblock, hybrid, agreement)")


def test_score_reports_broken_json(tmp_path, capsys):
    answers = tmp_path / "answers.json"
    answers.write_text('[{"answers": }]', encoding="utf-8")
    assert main(["score", "--quiz", MINI, "--answers", str(answers)]) == 1
    assert capsys.readouterr().err.splitlines()[1] == (
        f"- {answers}:1:14: not valid JSON: Expecting value (hint: check brackets, commas and quotes)")


def test_report_counts_positions_and_flags_weak_spots(capsys):
    assert main(["report", MINI]) == 0
    out = capsys.readouterr().out
    assert "  akut            2       1       1" in out
    assert "No statement on which every party that speaks holds the same stance." in out
    assert "Every party has stated positions on at least 50% of statements." in out
