"""The whole quiz in a real browser (Debian's headless Chromium), with no request leaving localhost."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

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

pytestmark = pytest.mark.browser
require_chromium()

from playwright.sync_api import Page  # noqa: E402


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    with app_server() as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with chromium() as browser:
        yield browser


def take_quiz(page: Page, url: str) -> None:
    page.goto(url)
    page.get_by_role("button", name="Starta").click()
    while True:
        progress = page.get_by_text("Påstående ", exact=False).first
        progress.wait_for()
        page.get_by_role("button", name="Delvis enig").click()
        page.wait_for_timeout(150)
        done = page.get_by_text("Påstående 44 av 44").count()
        if done:
            break
    page.get_by_role("button", name="Delvis enig").click()
    page.get_by_role("button", name="Visa resultat").click()
    page.get_by_role("heading", name="Ditt resultat").wait_for()


@pytest.mark.parametrize(("viewport", "name"), [(PHONE, "results-390.png"), (DESKTOP, "results-1280.png")])
def test_whole_quiz_renders_results_and_stays_on_localhost(server, browser, viewport, name):
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    hosts = watch_hosts(page)
    take_quiz(page, server)
    chart = page.locator(".vega-embed").first
    chart.wait_for(timeout=20_000)
    assert chart.locator("canvas, svg").count() > 0
    page.wait_for_timeout(500)
    screenshot(page, name)
    page.get_by_text("1. Hur väl du matchar partierna").scroll_into_view_if_needed()
    screenshot(page, name.replace(".png", "-chart.png"))
    violations = serious_violations(page)
    context.close()
    assert hosts - LOCAL_HOSTS == set(), hosts
    print(violations)
