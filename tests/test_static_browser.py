"""The static build in Debian's Chromium, served as a plain static host would serve it: the whole
flow at 390 and 1280 px, keyboard only, inside an iframe on another origin, after a reload, an app
share link, `window.valkompass.score` against the CLI, axe-core, and no request leaving the origin."""

from __future__ import annotations

import functools
import http.server
import json
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from quiz.cli import main as cli_main
from quiz.load import load_quiz
from quiz.model import Answers, Quiz
from quiz.scoring import score
from quiz.static.build import build_static
from tests.browser_support import (
    DESKTOP,
    LOCAL_HOSTS,
    PHONE,
    other_origin,
    require_chromium,
    screenshot,
    serious_violations,
    watch_hosts,
)
from tests.conftest import ROOT
from tests.test_static_scoring import random_respondents
from tests.test_static_share import reference_encode

pytestmark = pytest.mark.browser
require_chromium()

from playwright.sync_api import Page  # noqa: E402

QUIZ = ROOT / "quizzes" / "kronoberg-alliansen-2018.yaml"


@pytest.fixture(scope="module")
def quiz() -> Quiz:
    return load_quiz(QUIZ)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory, quiz: Quiz) -> Iterator[str]:
    """The build served by a ThreadingHTTPServer, like `python -m http.server`, on 127.0.0.1."""
    folder = tmp_path_factory.mktemp("site")
    build_static(quiz, folder)
    handler = functools.partial(Quiet, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        return


def answer_all(frame: Any, quiz: Quiz, label: str) -> None:
    """Answer every statement with `label`, marking the first important; back once on the way."""
    frame.get_by_role("button", name="Börja").click()
    frame.get_by_label("Viktig för mig").check()
    frame.get_by_role("button", name=label, exact=True).click()
    frame.get_by_text(f"Påstående 2 av {len(quiz.statements)}").wait_for()
    if hasattr(frame, "screenshot"):
        screenshot(frame, f"static-question-{frame.viewport_size['width']}.png")
        assert serious_violations(frame) == []
    frame.get_by_role("button", name="Tillbaka").click()
    frame.get_by_text(f"Påstående 1 av {len(quiz.statements)}").wait_for()
    for number in range(1, len(quiz.statements) + 1):
        frame.get_by_text(f"Påstående {number} av {len(quiz.statements)}").wait_for()
        frame.get_by_role("button", name=label, exact=True).click()
    frame.get_by_role("heading", name="Ditt resultat").wait_for()
    frame.locator("#chart svg").first.wait_for(timeout=20_000)


def expected_rows(quiz: Quiz, answers: Answers) -> list[str]:
    """The table's rows as the page should show them: party name, percent with one decimal."""
    scores = score(quiz, answers)
    return sorted(f"{quiz.parties[p].name.sv} {round(s.percent, 1):.1f} %" for p, s in scores.items()
                  if s.percent is not None)


def shown_rows(frame: Any) -> list[str]:
    cells = frame.locator("table tbody tr").evaluate_all(
        "rows => rows.map(r => r.cells[0].textContent.trim() + ' ' + r.cells[1].querySelector('.pct').textContent)")
    return sorted(cells)


@pytest.mark.parametrize(("viewport", "name"), [(PHONE, "static-390"), (DESKTOP, "static-1280")])
def test_the_whole_flow_gives_the_engines_result_and_stays_on_the_origin(
        site: str, browser: Any, quiz: Quiz, viewport: dict[str, int], name: str) -> None:
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    hosts = watch_hosts(page)
    page.goto(site)
    page.get_by_role("heading", name=quiz.title.sv).wait_for()
    assert page.get_by_text(next(iter(quiz.sources.values())).title).count() == 1
    screenshot(page, f"{name}-start.png")
    assert serious_violations(page) == []
    answer_all(page, quiz, "Delvis enig")
    answers = Answers({s.id: 1 for s in quiz.statements}, frozenset({quiz.statements[0].id}))
    assert shown_rows(page) == expected_rows(quiz, answers)
    assert page.get_by_text(f"baserat på {len(quiz.statements)} av {len(quiz.statements)} påståenden").count()
    screenshot(page, f"{name}-results.png", full_page=True)
    page.locator("details summary").first.click()
    first = quiz.statements[0]
    quote = next(iter(first.positions.values())).quote
    assert page.get_by_text(quote[:40], exact=False).first.is_visible()
    assert serious_violations(page) == []
    page.reload()
    page.locator("#chart svg").first.wait_for(timeout=20_000)
    assert shown_rows(page) == expected_rows(quiz, answers)
    context.close()
    assert hosts <= LOCAL_HOSTS, hosts


def test_an_app_share_link_opens_the_same_result(site: str, browser: Any, quiz: Quiz) -> None:
    answers = Answers({s.id: (2 if i % 2 else -1) for i, s in enumerate(quiz.statements)} |
                      {quiz.statements[3].id: None}, frozenset({quiz.statements[1].id}))
    page = browser.new_page(viewport=PHONE)
    page.goto(f"{site}?quiz={quiz.id}&lang=sv&r={reference_encode(quiz, answers)}")
    page.locator("#chart svg").first.wait_for(timeout=20_000)
    assert shown_rows(page) == expected_rows(quiz, answers)
    link = page.locator("#share-link").input_value()
    assert link == f"{site}?quiz={quiz.id}&lang=sv&r={reference_encode(quiz, answers)}"
    page.close()


def test_a_tampered_link_says_what_is_wrong_and_offers_the_quiz(site: str, browser: Any, quiz: Quiz) -> None:
    token = reference_encode(quiz, Answers({quiz.statements[0].id: 2}, frozenset()))
    page = browser.new_page(viewport=PHONE)
    page.goto(f"{site}?r={token[:-2]}AA")
    assert page.get_by_role("alert").inner_text() == ("Länken kunde inte läsas: den har ändrats eller kortats av. "
                                                       "Du kan göra quizet från början.")
    assert page.get_by_role("button", name="Börja").is_visible()
    page.close()


def test_keyboard_alone_takes_the_quiz_in_english(site: str, browser: Any, quiz: Quiz) -> None:
    page = browser.new_page(viewport=PHONE)
    page.goto(f"{site}?lang=en")
    page.get_by_role("button", name="Start").wait_for()
    focus_and_press(page, "Start")
    for _ in quiz.statements:
        assert page.evaluate("document.activeElement.tagName") == "H1"
        focus_and_press(page, "Somewhat disagree")
    page.get_by_role("heading", name="Your result").wait_for()
    assert page.evaluate("document.activeElement.textContent") == "Your result"
    page.locator("#chart svg").first.wait_for(timeout=20_000)
    screenshot(page, "static-keyboard-en.png", full_page=True)
    page.close()


def focus_and_press(page: Page, name: str) -> None:
    """Tab (at most 40 times) until the button called `name` has focus, then press Enter."""
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent.trim()") == name:
            page.keyboard.press("Enter")
            return
    raise AssertionError(f"Tab never reached the button {name!r}")


def test_inside_an_iframe_on_another_origin(site: str, browser: Any, quiz: Quiz) -> None:
    host = f'<!doctype html><html lang="en"><title>host</title><iframe src="{site}" title="Valkompass" ' \
           'style="width:100%;height:900px;border:0"></iframe></html>'
    with other_origin({"/": host}) as origin:
        page = browser.new_page(viewport=PHONE)
        hosts = watch_hosts(page)
        page.goto(origin + "/")
        frame = page.frame_locator("iframe")
        answer_all(frame, quiz, "Helt oenig")
        answers = Answers({s.id: -2 for s in quiz.statements}, frozenset({quiz.statements[0].id}))
        assert shown_rows(frame) == expected_rows(quiz, answers)
        screenshot(page, "static-iframe-390.png")
        page.close()
    assert hosts <= LOCAL_HOSTS, hosts


def test_the_page_exposes_the_same_scoring_as_the_cli(site: str, browser: Any, quiz: Quiz, tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    respondents = random_respondents(quiz, 500, seed=11)
    (tmp_path / "answers.json").write_text(json.dumps(respondents), encoding="utf-8")
    page = browser.new_page()
    page.goto(site)
    page.wait_for_function("window.valkompass !== undefined")
    for method in quiz.weights.methods:
        in_page = page.evaluate("([r, m]) => window.valkompass.score(r, m)", [respondents, method])
        assert cli_main(["score", "--quiz", str(QUIZ), "--method", method, "--answers",
                         str(tmp_path / "answers.json")]) == 0
        assert in_page == json.loads(capsys.readouterr().out)
    page.close()


def test_stale_or_tampered_saved_state_starts_afresh(site: str, browser: Any, quiz: Quiz) -> None:
    page = browser.new_page(viewport=PHONE)
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(site)
    page.get_by_role("button", name="Börja").wait_for()
    for saved in ({"view": "question", "index": 999, "answers": {}, "important": [], "lang": "sv",
                   "method": "cityblock"},
                  {"view": "results", "index": 0, "answers": {quiz.statements[0].id: 7}, "important": [],
                   "lang": "sv", "method": "cityblock"}, "not json"):
        value = saved if isinstance(saved, str) else json.dumps(saved)
        page.evaluate("([key, value]) => sessionStorage.setItem(key, value)", [f"valkompass:{quiz.id}", value])
        page.goto(site)
        page.get_by_role("button", name="Börja").wait_for()
    page.close()
    assert errors == []
