"""UI strings: every key the code uses is written in every language's catalogue, with the same
placeholders, and counts take the right plural form."""

from __future__ import annotations

import re
import shlex

import pytest
from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_keywords, parse_mapping_cfg
from babel.messages.pofile import read_po

from quiz.languages import LANGUAGES
from quiz.readability import LATTLAST_TARGET, lix
from quiz.share import ShareError
from tests.conftest import ROOT
from valkompass_app.strings import INDIRECT, catalogue_path, placeholders, t, tn

README = (ROOT / "README.md").read_text(encoding="utf-8")
EXTRACT = re.search(r"^ {4}(python -m babel\.messages\.frontend extract .*)$", README, re.MULTILINE)


def extract_command() -> list[str]:
    assert EXTRACT, "README.md lacks the extract command"
    return shlex.split(EXTRACT.group(1))


def used_keys() -> dict[str, bool]:
    """Every key the app passes to t/tn/N_, found by Babel with the README's keywords and babel.cfg;
    True for a plural key (tn)."""
    command = extract_command()
    keywords = parse_keywords([command[i + 1] for i, word in enumerate(command) if word == "-k"])
    with (ROOT / "babel.cfg").open(encoding="utf-8") as file:
        method_map, options_map = parse_mapping_cfg(file)
    found = extract_from_dir(str(ROOT), method_map, options_map, keywords=keywords)
    return {(key[0] if isinstance(key, tuple) else key): isinstance(key, tuple) for _, _, key, *_ in found}


def catalogue(code: str) -> Catalog:
    locale = LANGUAGES[code].locale
    with catalogue_path(locale).open("rb") as file:
        return read_po(file, locale=locale)


def forms(message) -> tuple[str, ...]:  # type: ignore[no-untyped-def]
    return message.string if isinstance(message.string, tuple) else (message.string,)


USED = used_keys()


def test_extraction_finds_the_keys_the_app_uses():
    assert len(USED) > 100
    assert USED["duration"] is False and USED["statement_count"] is True
    assert {"sources_heading", "start", "continue", "all_skipped", "not_started"} <= set(USED)  # f-strings, if-else
    assert set(INDIRECT) <= set(USED)


@pytest.mark.parametrize("code", list(LANGUAGES))
def test_every_key_the_code_uses_is_written_in_the_catalogue(code):
    messages = {m.id[0] if m.pluralizable else m.id: m for m in catalogue(code) if m.id}
    missing = [key for key in USED if key not in messages]
    empty = [key for key in USED if key in messages and (messages[key].fuzzy or not all(forms(messages[key])))]
    wrong_kind = [key for key, plural in USED.items() if key in messages and messages[key].pluralizable != plural]
    assert (missing, empty, wrong_kind) == ([], [], [])


@pytest.mark.parametrize("code", list(LANGUAGES))
def test_no_catalogue_keeps_a_key_the_code_no_longer_uses(code):
    assert [m.id for m in catalogue(code) if m.id and (m.id[0] if m.pluralizable else m.id) not in USED] == []


@pytest.mark.parametrize("code", [code for code in LANGUAGES if code != "sv"])
def test_every_text_has_the_placeholders_of_the_swedish(code):
    swedish = {m.id if isinstance(m.id, str) else m.id[0]: m for m in catalogue("sv") if m.id}
    different = [m.id for m in catalogue(code) if m.id and {frozenset(placeholders(f)) for f in forms(m)}
                 != {frozenset(placeholders(f)) for f in forms(swedish[m.id if isinstance(m.id, str) else m.id[0]])}]
    assert different == []


def test_every_catalogue_has_the_plural_rule_of_its_language():
    assert {code: catalogue(code).plural_forms for code in LANGUAGES} == {
        "sv": "nplurals=2; plural=(n != 1);", "en": "nplurals=2; plural=(n != 1);",
        "lattlast": "nplurals=2; plural=(n != 1);"}


def duration(n: int, minutes: int, lang: str) -> str:
    return t("duration", lang, statements=tn("statement_count", "statement_count_plural", n, lang),
             minutes=tn("about_minutes", "about_minutes_plural", minutes, lang))


@pytest.mark.parametrize(("n", "minutes", "lang", "expected"), [
    (1, 1, "sv", "1 påstående, cirka 1 minut."),
    (7, 1, "sv", "7 påståenden, cirka 1 minut."),
    (30, 4, "sv", "30 påståenden, cirka 4 minuter."),
    (1, 1, "en", "1 statement, about 1 minute."),
    (2, 1, "en", "2 statements, about 1 minute."),
    (1, 1, "lattlast", "Det är 1 påstående. Det tar ungefär 1 minut."),
    (30, 4, "lattlast", "Det är 30 påståenden. Det tar ungefär 4 minuter."),
])
def test_the_duration_line_counts_in_the_right_form(n, minutes, lang, expected):
    assert duration(n, minutes, lang) == expected


def test_zero_takes_the_plural():
    assert tn("important_counts", "important_counts_plural", 0, "sv") == "Viktig för mig (räknas 0 gånger)"
    assert tn("important_counts", "important_counts_plural", 1, "sv") == "Viktig för mig (räknas 1 gång)"
    assert tn("important_counts", "important_counts_plural", 1, "en") == "Important to me (counts 1 time)"


@pytest.mark.parametrize(("lang", "one", "three"), [
    ("sv", "Vill du börja om? Då tas ditt svar bort.", "Vill du börja om? Då tas dina 3 svar bort."),
    ("en", "Start over? That clears your answer.", "Start over? That clears your 3 answers."),
    ("lattlast", "Vill du börja om? Då tar vi bort ditt svar.", "Vill du börja om? Då tar vi bort dina 3 svar."),
])
def test_the_restart_question_counts_the_answers(lang, one, three):
    assert t("restart_question", lang, n=tn("answer_count", "answer_count_plural", 1, lang)) == one
    assert t("restart_question", lang, n=tn("answer_count", "answer_count_plural", 3, lang)) == three


def test_placeholders_are_filled():
    assert t("verdict_close", "sv", parties="A och B") == "Jämnt mellan A och B."
    assert tn("based_on", "based_on_plural", 30, "sv", counted=18) == "baserat på 18 av 30 påståenden"
    assert tn("based_on", "based_on_plural", 30, "en", counted=18) == "based on 18 of 30 statements"
    assert tn("based_on", "based_on_plural", 30, "lattlast", counted=18) == "Vi jämförde 18 av 30 påståenden"


@pytest.mark.parametrize(("lang", "one", "two"), [
    ("sv", "baserat på 1 av 1 påstående", "baserat på 1 av 2 påståenden"),
    ("en", "based on 1 of 1 statement", "based on 1 of 2 statements"),
    ("lattlast", "Vi jämförde 1 av 1 påstående", "Vi jämförde 1 av 2 påståenden"),
])
def test_the_basis_takes_the_plural_of_the_answered_count(lang, one, two):
    assert tn("based_on", "based_on_plural", 1, lang, counted=1) == one
    assert tn("based_on", "based_on_plural", 2, lang, counted=1) == two
    assert tn("n_of", "n_of_plural", 1, lang, counted=1) == one.removeprefix("baserat på ").removeprefix(
        "based on ").removeprefix("Vi jämförde ")


@pytest.mark.parametrize(("lang", "one", "two"), [
    ("sv", "1 elev", "2 elever"), ("en", "1 pupil", "2 pupils"), ("lattlast", "1 elev", "2 elever")])
def test_class_counts_are_plurals(lang, one, two):
    assert tn("pupil_count", "pupil_count_plural", 1, lang) == one
    assert tn("pupil_count", "pupil_count_plural", 2, lang) == two


def test_an_unknown_key_is_a_bug_not_a_text():
    with pytest.raises(KeyError):
        t("no_such_key", "lattlast")


def test_an_unknown_language_is_swedish():
    assert t("start", "fr") == t("start", None) == "Starta"


def test_every_share_link_problem_has_a_notice():
    assert {f"reason_{reason}" for reason in ShareError.REASONS} <= set(INDIRECT)


def test_lattlast_sentences_are_easy_to_read():
    """LIX under the target for every lättläst text of ten words or more (a label's LIX says nothing)."""
    hard = [(m.id, round(lix(text))) for m in catalogue("lattlast") if m.id for text in forms(m)
            if len(text.split()) >= 10 and lix(re.sub(r"\{\w+\}", "X", text)) >= LATTLAST_TARGET]
    assert hard == []
