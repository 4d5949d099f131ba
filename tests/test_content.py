"""The shipped content holds up: the programme texts are unchanged, every quote stands in them."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
import yaml

from quiz.cli import shipped_quizzes
from quiz.load import load_quiz
from quiz.model import Quiz
from quiz.provenance import quote_in_source
from tests.conftest import ROOT

SOURCES = ROOT / "sources"
MANIFEST = yaml.safe_load((SOURCES / "manifest.yaml").read_text(encoding="utf-8"))["files"]
VASTERNORRLAND = {"000_0ce6ec601b528d05.txt", "001_4015c3df23f6d401.txt", "002_0410683bcf7f9b19.txt"}


def quizzes() -> dict[str, Quiz]:
    return {path.as_posix(): load_quiz(ROOT / path) for path in shipped_quizzes()}


def source_names(quiz: Quiz) -> set[str]:
    return {Path(source.file).name for source in quiz.sources.values()}


@pytest.mark.parametrize("entry", MANIFEST, ids=lambda entry: entry["file"])
def test_every_programme_text_is_unchanged(entry):
    assert hashlib.sha256((SOURCES / entry["file"]).read_bytes()).hexdigest() == entry["sha256"]


def test_the_manifest_lists_every_text_in_sources():
    assert sorted(entry["file"] for entry in MANIFEST) == sorted(p.name for p in SOURCES.glob("*.txt"))


def test_the_manifest_says_which_quizzes_use_each_text():
    used: dict[str, set[str]] = {entry["file"]: set() for entry in MANIFEST}
    for path, quiz in quizzes().items():
        for name in source_names(quiz):
            used[name].add(path)
    assert used == {entry["file"]: set(entry["used_in"]) for entry in MANIFEST}


@pytest.mark.parametrize("path", shipped_quizzes(), ids=str)
def test_every_quote_stands_word_for_word_in_its_programme(path):
    quiz = load_quiz(ROOT / path)
    for statement in quiz.statements:
        for position in statement.positions.values():
            original = (SOURCES / Path(quiz.sources[position.source].file).name).read_text(encoding="utf-8")
            assert quote_in_source(position.quote, original), (statement.id, position.party)


def test_regions_are_never_mixed():
    region = {entry["file"]: entry["region"] for entry in MANIFEST}
    for quiz in quizzes().values():
        assert len({region[name] for name in source_names(quiz)}) == 1, quiz.id


def test_vasternorrland_quiz_is_large_and_balanced(shipped):
    assert source_names(shipped) == VASTERNORRLAND
    assert len(shipped.statements) >= 30 and len({s.topic for s in shipped.statements}) >= 8
    for party in shipped.parties:
        assert sum(party in s.positions for s in shipped.statements) >= 15, party
    both = [s for s in shipped.statements if {"S", "SJVP"} <= set(s.positions)]
    assert len(both) >= 12
    assert sum(s.stance("S") != s.stance("SJVP") for s in both) >= 8


def test_the_two_example_statements_are_in_it(shipped):
    akut = shipped.statement("solleftea-akut")
    assert "Sollefteå" in akut.text.sv and akut.stance("SJVP") == 2
    assert akut.stance("S") is None  # S's documents are silent: no stated position, not "against"
    assert "arbetsskor" in shipped.statement("arbetsskor").text.sv.lower()


def test_every_text_has_swedish_and_english():
    for quiz in quizzes().values():
        for statement in quiz.statements:
            assert statement.text.sv and statement.text.en and statement.text.sv != statement.text.en
