"""One whole quiz in lättläst on a phone, in a real browser (Debian's headless Chromium)."""

from __future__ import annotations

import math
from collections.abc import Iterator

import pytest

from quiz.load import load_quiz
from tests.browser_support import (
    DESKTOP,
    LOCAL_HOSTS,
    PHONE,
    app_server,
    choose,
    require_chromium,
    screenshot,
    serious_violations,
    watch_hosts,
)
from tests.conftest import ROOT

pytestmark = pytest.mark.browser
require_chromium()

from playwright.sync_api import Page  # noqa: E402

QUIZ = load_quiz(ROOT / "statements.yaml")
PORT = 8671  # the languages helper's range (8670-8679), so parallel runs of other browser tests do not collide


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with app_server({"VALKOMPASS_DB_PATH": str(tmp_path_factory.mktemp("db") / "rooms.sqlite3")}, port=PORT) as url:
        yield url


def test_a_whole_quiz_in_lattlast_at_390_px(server, browser):
    """Every statement answered in lättläst on a phone; the results page, with a quote opened to
    show the editors' summary, has no serious or critical accessibility problem."""
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    hosts = watch_hosts(page)
    page.goto(f"{server}/?lang=lattlast")
    n = len(QUIZ.statements)
    page.get_by_text(f"Det är {n} påståenden. Det tar ungefär {math.ceil(n * 8 / 60)} minuter.").wait_for()
    page.wait_for_function("document.documentElement.lang === 'sv'")  # lättläst is Swedish to a screen reader
    screenshot(page, "lattlast-start-390.png")
    page.get_by_role("button", name="Börja").click()
    for number, statement in enumerate(QUIZ.statements, start=1):
        page.locator(".vk-progress-text").get_by_text(f"Påstående {number} av {n}", exact=True).wait_for()
        button = page.locator(f".st-key-answer_{statement.id}_1 button")
        assert button.inner_text() == "Mest ja"
        if number == 1:
            screenshot(page, "lattlast-question-390.png")
        button.click()
    page.get_by_role("button", name="Visa resultatet").click()
    page.get_by_text("1. Vilka partier tycker som du?").wait_for()
    summarised = next(s for s in QUIZ.statements if any(p.summary for p in s.positions.values()))
    summary = next(p.summary["lattlast"] for p in summarised.positions.values() if p.summary)
    number = [s.id for s in QUIZ.statements].index(summarised.id) + 1
    choose(page, "Läs vad partierna själva har skrivit", f"{number}. {summarised.text.get('lattlast')}")
    page.get_by_text(summary).wait_for()
    label = page.get_by_text("Med enkla ord. Det här har vi skrivit, inte partiet:").first
    assert label.evaluate("el => getComputedStyle(el).fontStyle") == "italic"  # marked as the editors' words
    assert no_sideways_scroll(page)
    violations = results_violations(page)
    label.scroll_into_view_if_needed()
    screenshot(page, "lattlast-results-summary-390.png")
    screenshot(page, "lattlast-results-390.png", full_page=True)
    context.close()
    assert hosts - LOCAL_HOSTS == set(), hosts
    assert violations == []


@pytest.mark.parametrize(("viewport", "name"), [(DESKTOP, "lattlast-switch-1280.png"),
                                                (PHONE, "lattlast-switch-390.png")])
def test_the_language_switch_shows_every_language_and_works_with_the_keyboard(server, browser, viewport, name):
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    page.goto(server)
    page.get_by_role("radio", name="Svenska").focus()
    # every option visible: the group does not scroll (at first it did on a desktop, hiding "Svenska")
    assert page.evaluate("(() => { const g = document.querySelector('.st-key-lang [role=radiogroup]');"
                         " return g.scrollWidth <= g.clientWidth; })()")
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    page.keyboard.press("Enter")
    page.get_by_role("button", name="Börja").wait_for()
    assert page.get_by_role("radio", name="Lättläst").get_attribute("aria-checked") == "true"
    screenshot(page, name)
    context.close()


STREAMLIT_ENGLISH = ["Choose options", "Link to heading", "Clear all", "Selected values", "Copy to clipboard",
                     "Show data", "Download as CSV", "Skip to main content"]


def test_every_page_in_lattlast_has_no_english_chrome_and_no_serious_violation(server, browser):
    """Start, question, method and embed pages in lättläst at 390 px: Streamlit's own English labels
    are translated, `<html lang>` is sv, and axe finds nothing serious or critical."""
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    found = {}
    for name, query, ready in (("start", "", "Börja"), ("question", "&p=question&i=3", "Visa resultatet"),
                               ("method", "&p=method", "Så räknar vi"), ("embed", "&p=embed", "Så här ser det ut")):
        page.goto(f"{server}/?lang=lattlast{query}")
        page.get_by_text(ready).first.wait_for()
        page.wait_for_function("document.documentElement.lang === 'sv'")
        page.wait_for_timeout(1500)
        words = page.evaluate("() => document.body.innerText + ' ' + Array.from(document.querySelectorAll("
                              "'[aria-label],[title],[placeholder]')).map(e => [e.getAttribute('aria-label'), "
                              "e.getAttribute('title'), e.getAttribute('placeholder')].join(' ')).join(' ')")
        assert [p for p in STREAMLIT_ENGLISH if p in words] == [], name
        assert no_sideways_scroll(page), name
        assert menu_fits(page), name  # every page of the menu in sight, none scrolled off the edge
        found[name] = serious_violations(page)
        screenshot(page, f"lattlast-{name}-page-390.png")
    context.close()
    assert found == {"start": [], "question": [], "method": [], "embed": []}


def no_sideways_scroll(page: Page) -> bool:
    return bool(page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth"))


def menu_fits(page: Page) -> bool:
    return bool(page.evaluate("(() => { const g = document.querySelector("
                              "'.st-key-nav [data-testid=stButtonGroup] > div');"
                              " return g.scrollWidth <= g.clientWidth; })()"))


def results_violations(page: Page) -> list[str]:
    page.locator(".vega-embed").first.wait_for(timeout=60_000)  # slow when the machine is busy
    page.wait_for_timeout(500)
    return serious_violations(page)
