"""Languages: one registry, explicit fallback chains, lättläst in quiz files and in class mode."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from quiz.classroom.errors import MESSAGES, ClassroomError
from quiz.languages import CODES, LANGUAGES, chain, language
from quiz.load import load_quiz, load_weights
from quiz.model import Text
from tests.conftest import FIXTURES, ROOT, edit, problems
from valkompass_app.params import read_params
from valkompass_app.strings import placeholders

LATTLAST = FIXTURES / "lattlast"


@pytest.fixture()
def declared(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the lättläst quiz to break, with the files it refers to beside it."""
    (tmp_path / "quiz").mkdir()
    for name in ("statements.yaml", "s.txt", "sjvp.txt"):
        shutil.copy(LATTLAST / name, tmp_path / "quiz")
    shutil.copy(ROOT / "weights.yaml", tmp_path)
    path = tmp_path / "quiz" / "statements.yaml"
    edit(path, "weights: ../../../weights.yaml", "weights: ../weights.yaml")
    monkeypatch.chdir(tmp_path / "quiz")
    return path


def test_the_registry_declares_each_language_once():
    assert CODES == ("sv", "en", "lattlast")
    assert [(x.name, x.html_lang, x.locale) for x in LANGUAGES.values()] == [
        ("Svenska", "sv", "sv"), ("English", "en", "en"), ("Lättläst", "sv", "sv@lattlast")]


def test_each_language_falls_back_to_swedish():
    assert chain("sv") == ("sv",)
    assert chain("en") == ("en", "sv")
    assert chain("lattlast") == ("lattlast", "sv")


def test_an_unknown_or_missing_code_is_swedish():
    assert language("fr") is LANGUAGES["sv"]
    assert language(None) is LANGUAGES["sv"]


def test_text_follows_the_chain():
    text = Text("Återöppna akuten.", "Reopen the A&E.")
    assert text.get("en") == "Reopen the A&E."
    assert text.get("lattlast") == "Återöppna akuten."  # no lättläst text: Swedish, as the chain says
    assert Text("Återöppna akuten.", "Reopen the A&E.", "Öppna akuten igen.").get("lattlast") == "Öppna akuten igen."


def test_the_scale_labels_have_lattlast():
    weights = load_weights(ROOT / "weights.yaml")
    assert [option.label.get("lattlast") for option in weights.scale.answers] == [
        "Ja, helt", "Mest ja", "Både ja och nej", "Mest nej", "Nej, inte alls"]
    assert weights.scale.skip.lattlast == "Hoppa över"


def test_every_method_is_explained_in_lattlast():
    weights = load_weights(ROOT / "weights.yaml")
    assert [m.id for m in weights.methods.values() if m.name.lattlast is None or m.description.lattlast is None] == []


def test_a_quiz_declaring_lattlast_loads_its_texts_and_summaries():
    quiz = load_quiz(LATTLAST / "statements.yaml")
    assert quiz.languages == ("sv", "en", "lattlast")
    assert quiz.statement("solleftea-akut").text.get("lattlast") == "Sjukhuset i Sollefteå ska kunna operera akut igen."
    position = quiz.statement("solleftea-akut").positions["SJVP"]
    assert position.quote == "Akutkirurgin i Sollefteå ska återöppnas."  # the quote stays verbatim
    assert position.summary == {"lattlast": "Partiet vill att sjukhuset i Sollefteå ska operera akut igen."}
    assert quiz.statement("arbetsskor").positions["S"].summary == {}


def test_a_quiz_without_the_declaration_needs_no_lattlast():
    quiz = load_quiz(FIXTURES / "mini" / "statements.yaml")
    assert quiz.languages == ("sv", "en")
    assert quiz.statement("arbetsskor").text.lattlast is None


def test_check_reports_a_statement_without_lattlast_when_the_quiz_declares_it(declared):
    edit(declared, ', lattlast: "De som jobbar i vården ska få skor till jobbet gratis."}', "}")
    assert problems(declared) == [
        "statements.yaml:34:11 › statements › arbetsskor › text › lattlast: missing easy-to-read Swedish "
        "translation (`quiz.languages` declares lattlast) (hint: add `lattlast: …`, or remove lattlast from "
        "`quiz.languages`)"
    ]


def test_check_reports_an_unknown_language(declared):
    edit(declared, "languages: [sv, en, lattlast]", "languages: [sv, en, lattläst]")
    assert problems(declared) == [
        "statements.yaml:10:23 › quiz › languages › [2]: unknown language 'lattläst' (hint: use one of: sv, en, "
        "lattlast)"
    ]


def test_check_reports_a_summary_in_an_unknown_language(declared):
    edit(declared, "summary: {lattlast:", "summary: {easy:")
    assert problems(declared) == [
        "statements.yaml:31:25 › statements › solleftea-akut › positions › SJVP › summary › easy: unknown field "
        "'easy' (hint: allowed fields here: sv, en, lattlast)"
    ]


def test_lattlast_in_the_link_is_a_language():
    assert read_params({"lang": "lattlast"}).lang == "lattlast"
    assert read_params({"lang": "sv-lattlast"}).unknown == {"what_lang": ("sv-lattlast",)}


@pytest.mark.parametrize("reason", sorted(MESSAGES))
def test_every_class_mode_message_is_written_in_every_language(reason):
    message = MESSAGES[reason]
    assert message.lattlast, reason  # no silent fallback to Swedish
    assert placeholders(message.lattlast) == placeholders(message.sv) == placeholders(message.en)


def test_a_class_mode_message_in_lattlast():
    error = ClassroomError("threshold", minimum=3)
    assert error.message("lattlast") == "Minst 3 elever måste svara innan klassen ser svaren. Skriv 3 eller mer."
    assert error.message("en") == "The anonymity threshold must be at least 3 pupils."
