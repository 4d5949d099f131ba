"""One whole quiz in lättläst on a phone, in a real browser (Debian's headless Chromium)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from quiz.load import load_quiz
from tests.browser_support import (
    DESKTOP,
    LOCAL_HOSTS,
    PHONE,
    app_server,
    chromium,
    require_chromium,
    screenshot,
    serious_violations,
    watch_hosts,
)
from tests.conftest import ROOT

pytestmark = pytest.mark.browser
require_chromium()


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with app_server({"VALKOMPASS_DB_PATH": str(tmp_path_factory.mktemp("db") / "rooms.sqlite3")}) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with chromium() as browser:
        yield browser


def test_a_whole_quiz_in_lattlast_at_390_px(server, browser):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    hosts = watch_hosts(page)
    page.goto(f"{server}/?lang=lattlast")
    page.get_by_text("Det är 44 påståenden. Det tar ungefär 6 minuter.").wait_for()
    screenshot(page, "lattlast-start-390.png", full_page=True)
    page.get_by_role("button", name="Börja").click()
    statements = load_quiz(ROOT / "statements.yaml").statements
    for number, statement in enumerate(statements, start=1):
        page.get_by_text(f"Påstående {number} av 44").wait_for()
        button = page.locator(f".st-key-answer_{statement.id}_1 button")
        assert button.inner_text() == "Mest ja"
        if number == 1:
            screenshot(page, "lattlast-question-390.png", full_page=True)
        button.click()
    page.get_by_role("button", name="Visa resultatet").click()
    page.get_by_role("heading", name="Ditt resultat").wait_for()
    page.get_by_text("1. Vilka partier tycker som du?").wait_for()
    page.locator(".vega-embed").first.wait_for(timeout=60_000)  # slow when the machine is busy
    screenshot(page, "lattlast-results-390.png", full_page=True)
    violations = serious_violations(page)
    context.close()
    assert hosts - LOCAL_HOSTS == set(), hosts
    assert violations == []


def test_the_language_switch_shows_three_languages_on_a_desktop(server, browser):
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    page.goto(server)
    page.get_by_role("button", name="Lättläst").click()
    page.get_by_role("button", name="Börja").wait_for()
    screenshot(page, "lattlast-switch-1280.png")
    context.close()
