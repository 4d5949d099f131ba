"""Importing real Wahl-O-Mat data (qual-o-mat-data layout) into our format."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from quiz.cli import main
from quiz.errors import DataError
from quiz.load import load_quiz
from quiz.model import Answers
from quiz.scoring import score
from quiz.wahlomat import import_folder
from tests.conftest import FIXTURES

REFERENCE = FIXTURES / "wahlomat-reference"
RAW = FIXTURES / "qual-o-mat-data" / "2021"
ELECTIONS = [("deutschland", "bundestagswahl-2021.json", 38),
             ("rheinlandpfalz", "landtagswahl-rheinland-pfalz-2021.json", 13)]


@pytest.fixture(scope="module", params=ELECTIONS, ids=[e[0] for e in ELECTIONS])
def imported(request, tmp_path_factory):
    folder, flat, parties = request.param
    out = tmp_path_factory.mktemp(folder) / f"{folder}.yaml"
    import_folder(RAW / folder, out)
    reference = json.loads((REFERENCE / flat).read_text(encoding="utf-8"))
    return load_quiz(out), reference, parties


def test_every_party_states_a_position_on_every_thesis(imported):
    quiz, _, parties = imported
    assert (len(quiz.statements), len(quiz.parties)) == (38, parties)
    assert all(len(statement.positions) == parties for statement in quiz.statements)


def test_stances_equal_the_reference(imported):
    quiz, reference, _ = imported
    party_ids = list(quiz.parties)  # imported in upstream id order
    for index, party in enumerate(reference["parties"]):
        expected = reference["positions"][party["id"]]
        got = {str(i): statement.stance(party_ids[index]) for i, statement in enumerate(quiz.statements)}
        assert got == expected, party["short"]


def test_justifications_become_the_quotes(imported):
    quiz, reference, _ = imported
    party_ids = list(quiz.parties)
    for index, party in enumerate(reference["parties"]):
        for statement_index, text in reference["justifications"].get(party["id"], {}).items():
            position = quiz.statements[int(statement_index)].positions[party_ids[index]]
            assert position.quote == text.strip()


def test_answering_like_a_party_scores_100_with_the_wahlomat_method(imported):
    quiz, _, _ = imported
    party = list(quiz.parties)[1]
    answers = Answers({s.id: s.stance(party) for s in quiz.statements})
    assert quiz.weights.default_method == "wahlomat"
    assert score(quiz, answers, "wahlomat")[party].percent == 100.0


def test_cli_import_then_check(tmp_path, capsys):
    out = tmp_path / "bund.yaml"
    assert main(["import-wahlomat", str(RAW / "deutschland"), "-o", str(out)]) == 0
    assert main(["check", str(out)]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == (
        f"{out}: ok (38 statements, 38 parties, 1444 positions with verified quotes)")


def broken_copy(tmp_path: Path) -> Path:
    folder = tmp_path / "election"
    shutil.copytree(RAW / "rheinlandpfalz", folder)
    return folder


def test_an_opinion_for_an_unknown_party_is_reported(tmp_path):
    folder = broken_copy(tmp_path)
    opinions = json.loads((folder / "opinion.json").read_text(encoding="utf-8"))
    opinions[5]["party"] = 99
    (folder / "opinion.json").write_text(json.dumps(opinions), encoding="utf-8")
    with pytest.raises(DataError) as caught:
        import_folder(folder, tmp_path / "out.yaml")
    assert [str(p) for p in caught.value.problems] == [
        f"{folder / 'opinion.json'} › [5] › party: unknown party 99 "
        "(hint: every opinion must name an id from party.json)"]


def test_a_missing_file_is_reported_and_the_cli_shows_no_traceback(tmp_path, capsys):
    folder = broken_copy(tmp_path)
    (folder / "statement.json").unlink()
    assert main(["import-wahlomat", str(folder), "-o", str(tmp_path / "out.yaml")]) == 1
    err = capsys.readouterr().err
    assert err.splitlines() == [
        "1 problem found:",
        f"- {folder / 'statement.json'}: file not found (hint: point at one election folder of qual-o-mat-data, "
        "e.g. data/2021/deutschland)",
    ]
    assert not (tmp_path / "out.yaml").exists()
