"""Hostile YAML is refused before anything is expanded: bounded time and memory, never a traceback."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

from quiz.load import load_quiz
from quiz.nodes import MAX_BYTES
from tests.conftest import ROOT, problems

BROKEN = ROOT / "tests" / "broken"
# A child process that may use at most 1.5 GB of address space and 20 s of CPU: billion laughs
# expanded would need about 10 GB, so reaching the DataError proves nothing was expanded.
LIMITED = textwrap.dedent("""
    import resource, sys
    resource.setrlimit(resource.RLIMIT_AS, (1_500_000_000, 1_500_000_000))
    resource.setrlimit(resource.RLIMIT_CPU, (20, 20))
    from quiz.errors import DataError
    from quiz.load import load_quiz
    try:
        load_quiz(sys.argv[1])
    except DataError as error:
        print(error.problems[0])
""")


@pytest.mark.parametrize(("name", "expected"), [
    ("billion-laughs", "tests/broken/billion-laughs.yaml:1:5: YAML anchors (&a0) are not allowed"),
    ("recursive-anchor", "tests/broken/recursive-anchor.yaml:1:7: YAML anchors (&a) are not allowed"),
    ("runaway-brackets", "tests/broken/runaway-brackets.yaml:1:1012: the data is nested more than 50 levels deep"),
])
def test_expansion_attacks_end_in_a_data_error_within_bounded_memory(name, expected):
    run = subprocess.run([sys.executable, "-c", LIMITED, str(BROKEN / f"{name}.yaml")], cwd=ROOT,
                         capture_output=True, text=True, timeout=60, check=False)
    assert run.stderr == "" and run.stdout.startswith(expected + " (hint: ")


def test_an_alias_is_refused_even_without_an_anchor_on_the_same_line(tmp_path):
    quiz = tmp_path / "q.yaml"
    quiz.write_text("quiz:\n  id: &x mini\nsources: *x\n", encoding="utf-8")
    assert problems(quiz)[0].endswith(
        "q.yaml:2:7: YAML anchors (&x) are not allowed (hint: remove the anchor; write the value out in full "
        "where it is needed)")


def test_an_alias_alone_is_refused(tmp_path):
    quiz = tmp_path / "q.yaml"
    quiz.write_text("quiz: *nothing\n", encoding="utf-8")
    found = problems(quiz)
    assert found == [f"{quiz}:1:7: YAML aliases (*nothing) are not allowed "
                     "(hint: write the value out in full where it is needed)"]


def test_a_python_tag_never_runs(tmp_path):
    marker = tmp_path / "ran"
    quiz = tmp_path / "q.yaml"
    quiz.write_text(f"quiz:\n  ? !!python/object/apply:os.system ['touch {marker}']\n  : x\n", encoding="utf-8")
    assert problems(quiz)[0].endswith(
        "q.yaml:2:5: the tag '!!python/object/apply:os.system' is not allowed (hint: remove it: quiz files hold "
        "plain text, numbers, true/false, null, lists and mappings)")
    assert not marker.exists()


def test_a_file_over_the_size_cap_is_refused_unread(tmp_path):
    quiz = tmp_path / "q.yaml"
    quiz.write_text("quiz: " + "x" * MAX_BYTES + "\n", encoding="utf-8")
    assert problems(quiz) == [f"{quiz}: the file is too large (2,000,007 bytes; at most 2,000,000) "
                              "(hint: split it: put each quiz in a file of its own in quizzes/)"]


def test_a_source_file_over_the_size_cap_is_refused(tmp_path):
    for file in (ROOT / "tests" / "fixtures" / "mini").iterdir():
        (tmp_path / file.name).write_bytes(file.read_bytes())
    (tmp_path / "s.txt").write_text("a" * (MAX_BYTES + 1), encoding="utf-8")
    assert problems(tmp_path / "statements.yaml")[0] == (
        f"{tmp_path / 'statements.yaml'}:9:94 › sources › s-prog › file: the file is too large (2,000,001 bytes; "
        "at most 2,000,000) (hint: keep only the chapters the quiz quotes)")


def test_a_symlink_out_of_the_quiz_folder_is_refused(tmp_path):
    for file in (ROOT / "tests" / "fixtures" / "mini").iterdir():
        (tmp_path / file.name).write_bytes(file.read_bytes())
    (tmp_path / "s.txt").unlink()
    (tmp_path / "s.txt").symlink_to("/etc/hostname")
    found = problems(tmp_path / "statements.yaml")
    assert found[0] == (
        f"{tmp_path / 'statements.yaml'}:9:94 › sources › s-prog › file: source file s.txt is outside the quiz's "
        f"folder (hint: keep programme texts in {tmp_path} or a folder in it, and give the path relative to "
        "statements.yaml)")
    assert all("closest passage" not in problem for problem in found)


def test_a_quiz_in_quizzes_may_quote_the_shared_sources_folder():
    quiz = load_quiz(ROOT / "quizzes" / "ett-gott-liv.yaml")
    assert [s.file for s in quiz.sources.values()] == ["../sources/004_62286a8d0e1c6a54.txt"]
