"""The broken-file corpus (tests/broken/): every kind of mistake gets a clear message with a line number.

Each `<name>.yaml` holds one mistake (or its `<name>.weights.yaml` does); `expected.yaml` holds what
the checker says about it, word for word. A file-level problem (empty, binary, not UTF-8, missing
weights file) is the only kind without a line number.
"""

from __future__ import annotations

import subprocess
import sys

import pytest
import yaml

from quiz.errors import DataError
from quiz.load import load_quiz
from tests.conftest import ROOT

BROKEN = ROOT / "tests" / "broken"
EXPECTED: dict[str, list[str]] = yaml.safe_load((BROKEN / "expected.yaml").read_text(encoding="utf-8"))
FILE_LEVEL = {"empty-file", "only-comments", "binary", "latin-1", "weights-file-not-found"}


def corpus() -> list[str]:
    return sorted(p.stem for p in BROKEN.glob("*.yaml")
                  if not p.name.endswith(".weights.yaml") and p.name not in ("weights.yaml", "expected.yaml"))


def test_the_corpus_has_a_file_per_mistake_and_an_expected_message_for_each():
    assert corpus() == sorted(EXPECTED)
    assert len(EXPECTED) >= 60


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_broken_file_gets_its_message_word_for_word(name):
    with pytest.raises(DataError) as caught:
        load_quiz(BROKEN / f"{name}.yaml")
    assert [str(p).removeprefix("tests/broken/") for p in caught.value.problems] == EXPECTED[name]


@pytest.mark.parametrize("name", sorted(set(EXPECTED) - FILE_LEVEL))
def test_each_problem_has_a_line_number_and_a_hint(name):
    with pytest.raises(DataError) as caught:
        load_quiz(BROKEN / f"{name}.yaml")
    assert all(p.line is not None and p.column is not None and p.hint for p in caught.value.problems)


def test_the_checker_reports_the_whole_corpus_without_a_traceback():
    files = [str(BROKEN / f"{name}.yaml") for name in corpus()]
    run = subprocess.run([sys.executable, "-m", "quiz", "check", *files], cwd=ROOT, capture_output=True,
                         text=True, check=False, timeout=120)
    assert run.returncode == 1 and run.stderr == ""
    assert "Traceback" not in run.stdout and " ok (" not in run.stdout
    assert run.stdout.count(" problem") == len(files)  # "N problem(s) found:" once per file
