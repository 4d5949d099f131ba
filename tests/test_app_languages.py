"""Every language renders every page of the real app (AppTest), with no key shown in place of a text."""

from __future__ import annotations

import re

import pytest
from streamlit.testing.v1 import AppTest

from quiz.languages import CODES, LANGUAGES
from quiz.load import load_quiz
from tests.conftest import ROOT
from tests.test_app import answer_all, app, card, click, texts
from tests.test_strings import USED
from valkompass_app.strings import t, tn

PAGES = ("start", "question", "results", "method")


def unescape(label: str) -> str:
    """A widget label without the Markdown escapes of `state.escape`."""
    return re.sub(r"\\(.)", r"\1", label).replace("\u2060", "")


@pytest.fixture(scope="module")
def shipped():
    return load_quiz(ROOT / "statements.yaml")


def shown(at: AppTest) -> list[str]:
    """Every text on the page: Markdown and friends, and the labels of buttons and other widgets."""
    labels = [w.label for kind in ("button", "toggle", "selectbox", "segmented_control", "pills", "radio")
              for w in getattr(at, kind, [])]
    return [*texts(at).splitlines(), *labels]


def keys_shown(at: AppTest) -> list[str]:
    return [text for text in shown(at) if text.strip() in USED]


@pytest.mark.parametrize("lang", CODES)
def test_every_page_renders_in_every_language(lang, shipped):
    at = click(app(lang=lang), "start_button")
    at = answer_all(at, {s.id: s.stance("SJVP") for s in shipped.statements[:3]})
    for page in PAGES:
        at.pills(key="nav").set_value(page).run()
        assert not at.exception, (lang, page)
        assert keys_shown(at) == [], (lang, page)
    assert at.title[0].value == t("method_page", lang)


def test_the_language_switch_offers_every_language_by_its_own_name():
    at = app()
    switch = at.segmented_control(key="lang")
    assert list(switch.options) == [LANGUAGES[code].name for code in CODES] == ["Svenska", "English", "Lättläst"]


def test_a_whole_quiz_in_lattlast(shipped):
    at = app(lang="lattlast")
    n = len(shipped.statements)
    assert f"Det är {n} påståenden. Det tar ungefär" in texts(at)
    assert "Vi sparar inte dina svar." in texts(at)
    assert at.button(key="start_button").label == "Börja"
    at = click(at, "start_button")
    first = shipped.statements[0]
    assert [unescape(b.label) for b in at.button if b.key and b.key.startswith(f"answer_{first.id}_")] == [
        "Ja, helt", "Mest ja", "Både ja och nej", "Mest nej", "Nej, inte alls"]
    assert unescape(at.toggle(key=f"important_{first.id}").label) == "Det här är viktigt för mig (räknas 2 gånger)"
    at = answer_all(at, {s.id: s.stance("SJVP") for s in shipped.statements})
    at = click(at, "to_results")
    assert not at.exception
    assert "Du tycker mest som Sjukvårdspartiet Västernorrland. Sjukvårdspartiet Västernorrland ligger" in texts(at)
    table = next(h.proto.body for h in at.get("html") if "Tabell: hur lika du och varje parti tycker<" in h.proto.body)
    assert '<table class="vk-table" lang="sv">' in table  # lättläst is Swedish to a browser
    assert re.search(r"<td>\d+ av \d+ påståenden</td>", table)
    assert "Hur lika ni tycker" in table
    at.pills(key="nav").set_value("method").run()
    assert at.title[0].value == "Så räknar vi"
    assert tn("method_important", "method_important_plural", 2, "lattlast") in texts(at)
    assert "Vi tittar på hur långt ditt svar är från partiets svar." in texts(at)


def test_switching_to_lattlast_mid_quiz_keeps_the_answers(shipped):
    at = click(app(), "start_button")
    first = shipped.statements[0].id
    at = click(at, f"answer_{first}_1")
    at.segmented_control(key="lang").set_value("lattlast").run()
    assert at.session_state["answers"] == {first: 1}
    assert card(at)["progress"].startswith("Påstående 2 av")
    assert at.button(key="skip_" + shipped.statements[1].id).label == "Hoppa över"


@pytest.mark.parametrize("lang", CODES)
def test_the_editors_summary_is_shown_beside_the_quote_only_in_its_own_language(lang, shipped):
    statement = next(s for s in shipped.statements if any(p.summary for p in s.positions.values()))
    position = next(pos for pos in statement.positions.values() if pos.summary)
    at = click(app(lang=lang), "start_button")
    at = answer_all(at, {statement.id: 2})
    at = click(at, "to_results")
    at.selectbox(key=f"quotes_{shipped.id}").set_value(statement.id).run()
    shown_texts = texts(at).replace("\u2060", "")  # escape() puts a word joiner after ":"
    assert position.quote.split("\n")[0][:40] in shown_texts  # the verbatim quote, always
    summary_line = f"*{t('editors_summary', lang)}* {position.summary['lattlast']}"
    if lang == "lattlast":
        assert summary_line in shown_texts
        assert shown_texts.index(summary_line) < shown_texts.index(position.quote.split("\n")[0][:40])
        assert t("editors_summary", lang) == "Med enkla ord. Det här har vi skrivit, inte partiet:"
    else:
        assert position.summary["lattlast"] not in shown_texts


@pytest.mark.parametrize("lang", CODES)
def test_class_pages_and_the_embed_render_in_every_language(lang, tmp_path, monkeypatch):
    """The teacher's control page, the projector and an embedded quiz: no exception, no key shown."""
    from quiz.classroom.codes import board_token
    from tests.test_app_classroom import create_room, run
    from valkompass_app import classroom
    from valkompass_app.services import get_store

    monkeypatch.setenv("VALKOMPASS_DB_PATH", str(tmp_path / "class.sqlite3"))
    monkeypatch.delenv("VALKOMPASS_DATABASE_URL", raising=False)
    for window in (classroom.CREATIONS_PER_ADDRESS, classroom.CREATIONS_PER_SESSION):
        window._events.clear()
    get_store.clear()
    try:
        _, token, code = create_room()
        pages = {"teacher": run(teacher=token, lang=lang), "board": run(board=board_token(token), lang=lang),
                 "pupil": run(**{"class": code, "lang": lang}), "embed": run(embed="true", lang=lang)}
        for name, at in pages.items():
            assert not at.exception, (lang, name)
            assert keys_shown(at) == [], (lang, name)
        assert pages["teacher"].title[0].value == t("teacher_heading", lang, code=pages["teacher"].title[0].value[-9:])
        assert t("class_heading", lang) in texts(pages["board"])
    finally:
        get_store.clear()
