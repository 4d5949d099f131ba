"""Loading: every problem in one pass, each with file, line, column, path, message and hint."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from quiz.errors import DataError
from quiz.load import load_quiz, load_weights
from tests.conftest import FIXTURES, WEIGHTS, edit, problems

MINI = FIXTURES / "mini"


@pytest.fixture
def mini(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the mini quiz to break, with the working directory beside it."""
    for file in MINI.iterdir():
        shutil.copy(file, tmp_path)
    path = tmp_path / "statements.yaml"
    monkeypatch.chdir(tmp_path)
    return path


def test_mini_quiz_loads_into_typed_records():
    quiz = load_quiz(MINI / "statements.yaml")
    statement = quiz.statement("arbetsskor")
    assert statement.stance("S") == 2 and statement.stance("SJVP") is None
    assert statement.positions["S"].quote == "Att införa fria arbetsskor till vårdpersonalen"
    assert quiz.sources["s-prog"].party == "S" and quiz.weights.default_method == "cityblock"


def test_stance_out_of_range_names_file_line_column_and_path(mini):
    edit(mini, "SJVP: {stance: 2,", "SJVP: {stance: yes,")
    assert problems(mini) == [
        "statements.yaml:21:22 › statements › solleftea-akut › positions › SJVP › stance: expected -2..2 or null, "
        "got 'yes' (hint: use a value of the answer scale in the weights file (2, 1, 0, -1, -2), or null for no "
        "stated position)"
    ]


def test_every_problem_is_reported_at_once(mini):
    edit(mini, "SJVP: {stance: 2,", "SJVP: {stance: 3,")
    edit(mini, "topic: akut\n    text: {sv: \"Fria", "topic: vard\n    text: {en: \"Fria")
    edit(mini, "S: {stance: 2, source: s-prog", "M: {stance: 2, source: s-prog")
    edit(mini, "- id: arbetsskor", "- id: solleftea-akut")
    assert problems(mini) == [
        "statements.yaml:21:22 › statements › solleftea-akut › positions › SJVP › stance: expected -2..2 or null, "
        "got 3 (hint: use a value of the answer scale in the weights file (2, 1, 0, -1, -2), or null for no stated "
        "position)",
        "statements.yaml:22:9 › statements › solleftea-akut › id: duplicate statement id 'solleftea-akut' "
        "(hint: give each statement its own id)",
        "statements.yaml:23:12 › statements › solleftea-akut › topic: unknown topic 'vard' "
        "(hint: use an id from `topics`: akut)",
        "statements.yaml:24:11 › statements › solleftea-akut › text › sv: missing Swedish translation "
        "(hint: add `sv: …` next to the other language)",
        "statements.yaml:24:56 › statements › solleftea-akut › text › en: duplicate key 'en' "
        "(hint: each key may appear once; remove or rename one)",
        "statements.yaml:26:10 › statements › solleftea-akut › positions › M: unknown party 'M' "
        "(hint: use a party id from `parties`: S, SJVP)",
    ]


def test_quote_not_in_source_shows_the_closest_passage(mini):
    edit(mini, "Att införa fria arbetsskor", "Att införa gratis arbetsskor")
    assert problems(mini) == [
        "statements.yaml:26:45 › statements › arbetsskor › positions › S › quote: quote not found in s.txt "
        "(hint: copy the words exactly; the closest passage is: \"Att införa fria arbetsskor till vårdpersonalen\")"
    ]


def test_quote_of_another_partys_source_is_refused(mini):
    edit(mini, "S: {stance: 2, source: s-prog", "S: {stance: 2, source: sjvp-budget")
    assert problems(mini) == [
        "statements.yaml:26:30 › statements › arbetsskor › positions › S › source: source 'sjvp-budget' belongs to "
        "party 'SJVP', not 'S' (hint: quote this party's own programme)"
    ]


def test_stance_without_quote_is_refused(mini):
    edit(mini, ', quote: "Att införa fria arbetsskor till vårdpersonalen"', "")
    assert problems(mini) == [
        "statements.yaml:26:10 › statements › arbetsskor › positions › S › quote: missing field 'quote' "
        "(hint: add `quote: …` here (see README.md, Data format))"
    ]


def test_missing_source_file_and_bad_colour(mini):
    (mini.parent / "s.txt").unlink()
    edit(mini, '"#E8112D"', "red")
    assert problems(mini) == [
        "statements.yaml:9:94 › sources › s-prog › file: source file not found: s.txt (hint: put the programme "
        "text at s.txt, or fix the path (relative to statements.yaml))",
        "statements.yaml:12:78 › parties › S › color: expected a colour like '#e8112d', got 'red' "
        "(hint: write # and six hex digits, in quotes)",
    ]


def test_yaml_syntax_error_is_a_problem_not_a_traceback(mini):
    edit(mini, "  region: Region Test\n", "  region: [Region Test\n")
    assert problems(mini) == [
        "statements.yaml:5:11: YAML syntax error: did not find expected ',' or ']' "
        "(hint: check indentation, colons and quotes on this line)"
    ]


def test_weights_problems_are_reported_with_the_quiz(mini):
    edit(mini.parent / "weights.yaml", "default_method: cityblock", "default_method: euclid")
    edit(mini, "SJVP: {stance: 2,", "SJVP: {stance: 5,")
    found = problems(mini)
    assert found[0] == ("weights.yaml:18:17 › default_method: unknown method 'euclid' "
                        "(hint: use one of the methods defined below: cityblock, hybrid, agreement)")
    assert found[1].startswith("statements.yaml:21:22 › statements › solleftea-akut › positions › SJVP › stance:")


def test_missing_weights_file_says_where_it_was_looked_for(mini):
    (mini.parent / "weights.yaml").unlink()
    assert problems(mini) == [
        "weights.yaml: file not found (hint: put a weights file there, or name yours in `quiz.weights` of "
        "statements.yaml)"
    ]


def test_incomplete_method_table(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    row = "      1: {2: 3, 1: 4, 0: 3, -1: 0, -2: 0}\n"
    text = (WEIGHTS).read_text(encoding="utf-8").replace(row, "")  # the row for answer 1
    (tmp_path / "weights.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_weights(tmp_path / "weights.yaml")
    assert [str(p) for p in caught.value.problems] == [
        "weights.yaml:43:7 › methods › hybrid › table: no row for answer 1 (hint: add `1: {…}` with points for "
        "every stance)"
    ]


def test_unknown_field_is_reported_with_the_allowed_ones(mini):
    edit(mini, 'quote: "Att införa', 'qoute: "Att införa')
    assert problems(mini) == [
        "statements.yaml:26:10 › statements › arbetsskor › positions › S › quote: missing field 'quote' "
        "(hint: add `quote: …` here (see README.md, Data format))",
        "statements.yaml:26:45 › statements › arbetsskor › positions › S › qoute: unknown field 'qoute' "
        "(hint: allowed fields here: stance, source, quote, important, note, first_reading, second_reading, disputed, "
        "summary)",
    ]


def test_a_second_reading_is_kept_beside_the_stance(mini):
    edit(mini, 'quote: "Att införa fria arbetsskor till vårdpersonalen"}',
         'quote: "Att införa fria arbetsskor till vårdpersonalen", second_reading: 1, disputed: true}')
    edit(mini, "SJVP: {stance: null}", "SJVP: {stance: null, second_reading: null}")
    statement = load_quiz(mini).statement("arbetsskor")
    assert [(r.party, r.stance, r.first, r.second, r.disputed) for r in statement.readings.values()] == [
        ("S", 2, 2, 1, True), ("SJVP", None, None, None, False)]


def test_a_first_reading_changed_in_discussion_is_kept(mini):
    edit(mini, "SJVP: {stance: null}", "SJVP: {stance: null, first_reading: -1, second_reading: null}")
    reading = load_quiz(mini).statement("arbetsskor").readings["SJVP"]
    assert (reading.stance, reading.first, reading.second) == (None, -1, None)
    assert load_quiz(mini).statement("solleftea-akut").readings == {}


def test_a_second_reading_off_the_scale_is_reported(mini):
    edit(mini, "SJVP: {stance: null}", "SJVP: {stance: null, second_reading: 5}")
    assert problems(mini) == [
        "statements.yaml:27:44 › statements › arbetsskor › positions › SJVP › second_reading: expected -2..2 or "
        "null, got 5 (hint: use a value of the answer scale in the weights file (2, 1, 0, -1, -2), or null for "
        "no stated position)"]


def test_election_and_source_kind_may_be_translated(mini):
    edit(mini, "election: Testvalet 2026", "election: {sv: Testvalet 2026, en: The 2026 test election}")
    quiz = load_quiz(mini)
    assert (quiz.election.get("sv"), quiz.election.get("en")) == ("Testvalet 2026", "The 2026 test election")
    assert quiz.sources["s-prog"].kind.get("en") == "election programme"
