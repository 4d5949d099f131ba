"""Journeys in a real browser (Debian's Chromium), one per user in issue #9, at 390 and 1280 px.

AppTest cannot see any of this: scroll position, focus, `<html lang>`, a reload, a cross-origin
iframe, what Markdown turns into in the page, and axe-core's verdict.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from typing import Any
from urllib.parse import parse_qs, urlparse

import pytest
from playwright.sync_api import expect

from quiz.load import load_quiz
from quiz.model import Answers
from quiz.share import decode, encode
from tests.browser_support import (
    DESKTOP,
    LOCAL_HOSTS,
    PHONE,
    app_server,
    free_port,
    other_origin,
    require_chromium,
    screenshot,
    serious_violations,
    watch_hosts,
)
from tests.conftest import FIXTURES, ROOT
from tests.test_strings import catalogue

pytestmark = pytest.mark.browser
require_chromium()

VIEWPORTS = [pytest.param(PHONE, id="390"), pytest.param(DESKTOP, id="1280")]
COUNT = len(load_quiz(ROOT / "statements.yaml").statements)  # the shipped quiz's statements
STATEMENT = "h3.vk-statement"
THREE = "familjecentraler,solleftea-akut,arbetsskor"


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    with app_server() as url:
        yield url


@pytest.fixture
def page_at(browser: Any) -> Iterator[Any]:
    contexts = []

    def open_page(viewport: dict[str, int]) -> Any:
        context = browser.new_context(viewport=viewport)
        contexts.append(context)
        return context.new_page()

    yield open_page
    for context in contexts:
        context.close()


def progress(where: Any, n: int, of: int | None = None, lang: str = "sv") -> None:
    of = of or COUNT
    text = f"Påstående {n} av {of}" if lang == "sv" else f"Statement {n} of {of}"
    where.locator(".vk-progress-text").get_by_text(text, exact=True).wait_for()


def statement_placed(page: Any, frame: Any = None) -> dict[str, Any]:
    """Wait until the statement heading has focus, then say where it is in its viewport."""
    where = frame or page
    where.locator(STATEMENT).wait_for()
    where.wait_for_function("() => document.activeElement && document.activeElement.matches("
                            f"{STATEMENT!r}) && document.activeElement.getBoundingClientRect().top < 200",
                            timeout=5000)
    return dict(where.evaluate(f"() => {{ const r = document.querySelector({STATEMENT!r}).getBoundingClientRect();"
                               " return {top: r.top, bottom: r.bottom, height: window.innerHeight}; }"))


def assert_at_top(box: dict[str, Any]) -> None:
    assert 0 <= box["top"] <= 120, box
    assert box["bottom"] <= box["height"], box


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_phone_user_sees_the_statement_at_the_top_after_every_move(server, page_at, viewport):
    page = page_at(viewport)
    hosts = watch_hosts(page)
    page.goto(server + "/?lang=sv")
    start = page.get_by_role("button", name="Starta")
    start.wait_for()
    assert start.bounding_box()["y"] + 40 <= viewport["height"]  # on the first screen
    screenshot(page, f"journeys-start-{viewport['width']}.png")
    start.click()
    progress(page, 1)
    assert_at_top(statement_placed(page))
    page.get_by_role("button", name="Delvis enig").click()
    progress(page, 2)
    assert_at_top(statement_placed(page))
    screenshot(page, f"journeys-q2-{viewport['width']}.png")
    page.get_by_role("button", name="← Föregående").click()
    progress(page, 1)
    assert_at_top(statement_placed(page))
    page.get_by_role("button", name="✓ Delvis enig").wait_for()
    page.get_by_test_id("stSelectbox").click()
    page.get_by_role("option").nth(6).click()
    progress(page, 7)
    assert_at_top(statement_placed(page))
    assert page.evaluate("document.documentElement.lang") == "sv"
    assert page.locator("#vk-live").inner_text() == f"Påstående 7 av {COUNT}"
    screenshot(page, f"journeys-jump-{viewport['width']}.png")
    assert hosts - LOCAL_HOSTS == set(), hosts


def readme_snippet(app_url: str) -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("### Embedding", 1)[1]
    lines = [line.strip() for line in section.splitlines() if line.startswith("    ")]
    snippet = " ".join(lines[:2])
    assert snippet.startswith("<iframe") and snippet.endswith("</iframe>"), snippet
    return snippet.replace("https://valkompass.example.org", app_url)


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_campaigner_iframe_on_another_origin_shows_only_the_quiz(server, page_at, viewport):
    host_page = (f"<!doctype html><html lang='sv'><title>Kampanj</title><body style='margin:0'>"
                 f"<h1>Vår kampanj</h1><p>Text före.</p>{readme_snippet(server)}<p>Text efter.</p></body></html>")
    with other_origin({"/": host_page}) as origin:
        page = page_at(viewport)
        hosts = watch_hosts(page)
        page.goto(origin + "/")
        frame = page.frame_locator("iframe")
        frame.get_by_role("button", name="Starta").wait_for()
        inner = page.frames[1]
        text = inner.locator("body").inner_text()
        for absent in ("English", "Välj valkompass", "Klassrum", "Starta en klass", "Öppen källkod", "Om metoden",
                       "Bädda in"):
            assert absent not in text, absent
        screenshot(page, f"journeys-iframe-start-{viewport['width']}.png")
        frame.get_by_role("button", name="Starta").click()
        progress(inner, 1)
        assert_at_top(statement_placed(page, inner))
        frame.get_by_role("button", name="Helt oenig").click()
        progress(inner, 2)
        assert_at_top(statement_placed(page, inner))
        frame_box = page.locator("iframe").bounding_box()
        heading_box = inner.locator(STATEMENT).bounding_box()
        assert frame_box["y"] <= heading_box["y"] <= frame_box["y"] + 120  # at the top of the frame
        screenshot(page, f"journeys-iframe-q2-{viewport['width']}.png")
        results = frame.get_by_role("button", name="Visa resultat")
        results.scroll_into_view_if_needed()
        assert results.is_visible()  # the frame scrolls inside itself
        assert hosts - LOCAL_HOSTS == {"localhost"} - LOCAL_HOSTS


def flip(page: Any, label_start: str) -> None:
    """Click a toggle's label (its input is covered by the label)."""
    page.locator(f"label:has(input[aria-label^='{label_start}'])").first.click()


def test_everyone_keeps_answers_and_importance_after_a_reload(server, page_at):
    page = page_at(PHONE)
    page.goto(server + "/?lang=sv")
    page.get_by_role("button", name="Starta").click()
    for n, answer in ((1, "Helt enig"), (2, "Delvis oenig")):
        progress(page, n)
        page.get_by_role("button", name=answer).click()
    progress(page, 3)
    flip(page, "Viktig för mig (räknas 2 gånger)")  # before answering
    page.wait_for_timeout(300)
    page.get_by_role("button", name="Neutral").click()
    progress(page, 4)
    # card 3's own switch for statement 2 ("ditt svar: Delvis oenig") can still be on screen for a
    # moment on a busy machine; this is card 4's, for statement 3
    previous = page.get_by_role("switch", name="Det förra påståendet är viktigt för mig (ditt svar: Neutral)")
    expect(previous).to_be_checked()
    flip(page, "Det förra påståendet är viktigt för mig (ditt svar: Neutral)")  # after answering statement 3: off
    expect(previous).not_to_be_checked()
    page.wait_for_timeout(300)
    flip(page, "Det förra påståendet är viktigt för mig (ditt svar: Neutral)")  # and on again
    expect(previous).to_be_checked()
    page.wait_for_timeout(500)
    page.reload()
    progress(page, 4)
    assert_at_top(statement_placed(page))
    page.get_by_role("button", name="← Föregående").click()
    progress(page, 3)
    page.get_by_role("button", name="✓ Neutral").wait_for()
    assert page.get_by_role("switch", name="Viktig för mig (räknas 2 gånger)").is_checked()
    screenshot(page, "journeys-after-reload-390.png")
    page.get_by_role("button", name="Visa resultat").click()
    page.get_by_role("heading", name="Ditt resultat").wait_for()
    page.wait_for_function("() => location.search.includes('p=results')")
    page.reload()
    page.get_by_role("heading", name="Ditt resultat").wait_for()
    page.go_back()  # the browser's Back button: statement 3, where "Visa resultat" was pressed
    progress(page, 3)
    page.get_by_role("button", name="✓ Neutral").wait_for()
    assert page.get_by_role("button", name="Visa resultat").is_enabled()


def test_answers_survive_a_server_restart_mid_quiz(page_at):
    """An election-night restart: the page reconnects to a new session, which reads the answers,
    the importance and the place from the address that the last answer wrote, and the browser's
    Back button still steps through the statements."""
    quiz = load_quiz(ROOT / "statements.yaml")
    ids = [s.id for s in quiz.statements[:3]]
    port = free_port()
    page = page_at(PHONE)
    with app_server(port=port) as url:
        page.goto(url + "/?lang=sv")
        page.get_by_role("button", name="Starta").click()
        for n, answer in ((1, "Helt enig"), (2, "Delvis oenig"), (3, "Neutral")):
            progress(page, n)
            page.get_by_role("button", name=answer).click()
        progress(page, 4)
        page.go_back()  # the browser's Back button: the statement before
        progress(page, 3)
        page.go_forward()
        progress(page, 4)
        page.wait_for_function("() => new URLSearchParams(location.search).get('i') === '4'")
        before = parse_qs(urlparse(page.url).query)["a"][0]
        flip(page, "Det förra påståendet är viktigt för mig (ditt svar: Neutral)")
        page.wait_for_function(f"() => new URLSearchParams(location.search).get('a') !== '{before}'")
    with app_server(port=port):  # the same address: the page reconnects to a new session
        page.locator(f"{STATEMENT}[data-vk-move='1']").wait_for(timeout=60_000)  # the new session's first run
        progress(page, 4)
        page.get_by_role("button", name="← Föregående").click()
        progress(page, 3)
        page.get_by_role("button", name="✓ Neutral").wait_for()
        expect(page.get_by_role("switch", name="Viktig för mig (räknas 2 gånger)")).to_be_checked()
        page.get_by_role("button", name="Visa resultat").click()
        page.get_by_role("heading", name="Ditt resultat").wait_for()
        page.wait_for_function("() => location.search.includes('p=results')")
        given = decode(quiz, parse_qs(urlparse(page.url).query)["a"][0])
        assert given == Answers(dict(zip(ids, (2, -1, 0), strict=True)), frozenset({ids[2]}))


def test_everyone_is_asked_before_start_over_clears_the_answers(server, page_at):
    page = page_at(DESKTOP)
    page.goto(server + "/?lang=sv")
    page.get_by_role("button", name="Starta").click()
    progress(page, 1)
    page.get_by_role("button", name="Helt enig").click()
    progress(page, 2)
    page.get_by_role("radio", name="Startsidan").click()  # the page menu
    page.get_by_role("button", name="Börja om").click()
    page.get_by_text("Vill du börja om? Då tas ditt svar bort.").wait_for()
    page.get_by_role("button", name="Nej, behåll svaren").click()
    page.get_by_role("button", name="Fortsätt där du var").click()
    progress(page, 2)
    page.get_by_role("radio", name="Startsidan").click()
    page.get_by_role("button", name="Börja om").click()
    page.get_by_role("button", name="Ja, börja om").click()
    progress(page, 1)
    assert page.get_by_role("button", name="✓ Helt enig").count() == 0
    assert "a=" not in page.url


def test_keyboard_user_completes_the_quiz_with_one_tab_per_answer(server, page_at):
    page = page_at(DESKTOP)
    page.goto(f"{server}/?lang=sv&statements={THREE}")
    page.get_by_role("button", name="Starta").wait_for()
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("!!document.activeElement.closest('.st-key-start_button')"):
            break
    page.keyboard.press("Enter")
    for n in (1, 2, 3):
        progress(page, n, of=3)
        statement_placed(page)
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.innerText") == "Helt enig"
        page.keyboard.press("Space" if n % 2 else "Enter")
    page.wait_for_function("() => document.activeElement.innerText === 'Visa resultat'", timeout=5000)
    page.keyboard.press("Enter")
    page.get_by_role("heading", name="Ditt resultat").wait_for()
    page.wait_for_function("() => document.activeElement.tagName === 'H1'", timeout=5000)  # the results title


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_someone_opening_a_shared_link_starts_their_own_quiz_empty(server, page_at, viewport):
    shipped = load_quiz(ROOT / "statements.yaml")
    token = encode(shipped, Answers({s.id: 2 for s in shipped.statements[:5]}))
    page = page_at(viewport)
    page.goto(f"{server}/?quiz=vasternorrland&lang=sv&r={token}")
    page.get_by_text("Det här är resultatet från en delad länk").wait_for()
    screenshot(page, f"journeys-shared-{viewport['width']}.png")
    page.get_by_role("button", name="Gör valkompassen själv").click()
    progress(page, 1)
    assert_at_top(statement_placed(page))
    assert page.get_by_role("button", name="✓ Helt enig").count() == 0
    page.wait_for_function("() => !location.search.includes('r=')")


EVIL = ("**Viktigt:** Din röst räknas inte. [Logga in med BankID här,](https://evil.example/login),"
        "![](http://evil.example/pixel.png?visitor)")


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_a_crafted_link_shows_its_ids_as_literal_text(server, page_at, viewport):
    page = page_at(viewport)
    hosts = watch_hosts(page)
    page.goto(f"{server}/?lang=sv&statements={EVIL}&parties=:warning: $x$ http://evil.example/a")
    notice = page.get_by_test_id("stAlert").first
    notice.wait_for()
    page.wait_for_timeout(500)
    text = page.locator("[data-testid='stAlert']").all_inner_texts()
    joined = " ".join(text).replace("\u2060", "")
    for piece in ("**Viktigt:** Din röst räknas inte. [Logga in med BankID här", "](https://evil.example/login)",
                  "![](http://evil.example/pixel.png?visitor)"):
        assert piece in joined, piece
    assert ":warning: $x$ http://evil.example/a" in joined
    assert page.locator("[data-testid='stAlert'] a, [data-testid='stAlert'] img, .katex").count() == 0
    screenshot(page, f"journeys-crafted-link-{viewport['width']}.png")
    assert hosts - LOCAL_HOSTS == set(), hosts


PAYLOADS = ["Rubrik\n===", "    indragen kod", "http://evil.example/a", "www.evil.example", "a@evil.example",
            ":warning:", ":red[röd]", "$x^2$", "![](http://evil.example/p.png)", "**fet**",
            "[länk](https://evil.example/)", "<b>html</b>", "# rubrik", "> citat", "- punkt", "1. lista"]


@pytest.fixture(scope="module")
def payload_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A quiz whose description, statement, topic, source title and answer labels are all payloads."""
    folder = tmp_path_factory.mktemp("payload")
    for file in (FIXTURES / "mini").iterdir():
        shutil.copy(file, folder)
    weights = (ROOT / "weights.yaml").read_text(encoding="utf-8")
    (folder / "weights.yaml").write_text(weights.replace('"Helt enig"', '"Helt enig ![](http://evil.example/w.png)"')
                                         .replace('"Hoppa över"', '"Hoppa över :warning:"'), encoding="utf-8")
    block = "\n".join("      " + line for line in "\n".join(PAYLOADS).splitlines())
    text = (folder / "statements.yaml").read_text(encoding="utf-8").replace("../../../weights.yaml", "weights.yaml")
    text = text.replace('description: {sv: "Ett litet quiz för tester.", en: "A small quiz for tests."}',
                        f"description:\n    en: x\n    sv: |\n{block}")
    text = text.replace('"Återöppna akutkirurgin i Sollefteå."',
                        '"Återöppna :red[x] $y$ ![](http://evil.example/s.png) <b>html</b> &amp;"')
    text = text.replace('"Akutvård"', '"Akutvård ![](http://evil.example/t.png) **fet**"')
    text = text.replace('"Testprogram"', '"[BankID](https://evil.example/login)"')
    (folder / "statements.yaml").write_text(text, encoding="utf-8")
    with app_server({"VALKOMPASS_QUIZ": str(folder / "statements.yaml")}) as url:
        yield url


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_quiz_content_is_literal_text_in_the_page(payload_server, page_at, viewport):
    page = page_at(viewport)
    hosts = watch_hosts(page)
    page.goto(payload_server + "/?lang=sv")
    page.get_by_role("button", name="Starta").wait_for()
    main = page.get_by_test_id("stMain")
    visible = main.inner_text().replace("\u2060", "")
    for payload in PAYLOADS[2:]:
        assert payload in visible, payload
    assert "Rubrik\n===" in visible or "Rubrik ===" in visible
    assert main.locator("h1").count() == 1 and main.locator("h2, pre, code, blockquote, ul ul, ol").count() == 0
    assert main.locator("a:not([href^='#']), img, .katex").count() == 0
    assert "⚠" not in visible
    screenshot(page, f"journeys-payload-start-{viewport['width']}.png", full_page=True)
    page.get_by_role("button", name="Starta").click()
    progress(page, 1, of=2)
    visible = main.inner_text().replace("\u2060", "")
    for payload in (":red[x] $y$ ![](http://evil.example/s.png) <b>html</b> &amp;",
                    "![](http://evil.example/t.png) **fet**", "Helt enig ![](http://evil.example/w.png)",
                    "Hoppa över :warning:"):
        assert payload in visible, payload
    assert main.locator("a:not([href^='#']), img, .katex, b").count() == 0 and "⚠" not in visible
    screenshot(page, f"journeys-payload-question-{viewport['width']}.png")
    assert hosts - LOCAL_HOSTS == set(), hosts


def _sv_en_pairs() -> dict[str, tuple[str, str]]:
    """Every single (non-plural) UI string as (Swedish, English), from the catalogues."""
    sv, en = ({m.id: m.string for m in catalogue(code) if m.id and not m.pluralizable} for code in ("sv", "en"))
    return {key: (text, en[key]) for key, text in sv.items()}


STRINGS = _sv_en_pairs()


def ui_phrases(lang: str) -> set[str]:
    """The longest stretch of each UI string that only the other language has (no placeholders)."""
    own, other = (0, 1) if lang == "sv" else (1, 0)
    phrases = set()
    for key, pair in STRINGS.items():
        if key.startswith("chrome_") or pair[own] == pair[other]:
            continue
        longest = max(re.split(r"\{\w+\}", pair[other]), key=len).strip(" .,:()")
        if len(longest) >= 12 and longest not in pair[own]:
            phrases.add(longest)
    return phrases


STREAMLIT_ENGLISH = ["Choose options", "Link to heading", "Clear all", "Selected values", "Copy to clipboard",
                     "Help for", "Show data", "Download as CSV"]


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_each_language_reads_only_that_language(server, page_at, lang):
    page = page_at(DESKTOP)
    foreign = ui_phrases(lang)
    for query, ready in (("", "Starta" if lang == "sv" else "Start"), ("&p=question&i=2", "Visa resultat"
                         if lang == "sv" else "Show results"), ("&p=method", "Räknesätten" if lang == "sv"
                         else "The methods"), ("&p=embed", "Förhandsvisning" if lang == "sv" else "Preview")):
        page.goto(f"{server}/?lang={lang}{query}")
        page.get_by_text(ready).first.wait_for()
        page.wait_for_timeout(800)
        assert page.evaluate("document.documentElement.lang") == lang
        words = page.evaluate("() => document.body.innerText + ' ' + Array.from(document.querySelectorAll("
                              "'[aria-label],[title],[placeholder]')).map(e => [e.getAttribute('aria-label'), "
                              "e.getAttribute('title'), e.getAttribute('placeholder')].join(' ')).join(' ')")
        assert [p for p in foreign if p in words] == [], query
        if lang == "sv":
            assert [p for p in STREAMLIT_ENGLISH if p in words] == [], query


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_no_serious_accessibility_violations(server, page_at, viewport):
    page = page_at(viewport)
    found = {}
    for name, query, ready in (("start", "", "Starta"), ("question", "&p=question&i=3", "Visa resultat"),
                               ("method", "&p=method", "Räknesätten"), ("embed", "&p=embed", "Förhandsvisning")):
        page.goto(f"{server}/?lang=sv{query}")
        page.get_by_text(ready).first.wait_for()
        page.wait_for_timeout(1500)
        found[name] = serious_violations(page)
        screenshot(page, f"journeys-axe-{name}-{viewport['width']}.png")
    assert found == {"start": [], "question": [], "method": [], "embed": []}


def test_the_list_layout_names_each_statement_plainly_and_keeps_skips(server, page_at):
    page = page_at(PHONE)
    page.goto(f"{server}/?lang=sv&layout=list&p=question&statements={THREE}")
    groups = page.locator(".stRadio [role='radiogroup']")
    groups.first.wait_for()
    labels = [groups.nth(i).get_attribute("aria-label") for i in range(groups.count())]
    shipped = load_quiz(ROOT / "statements.yaml")
    assert labels == [f"{n}. {shipped.statement(sid).text.sv}" for n, sid in enumerate(THREE.split(","), start=1)]
    assert all("\\" not in label for label in labels)  # no Markdown escapes read out
    assert page.get_by_role("checkbox", name="Viktig för mig (räknas 2 gånger)").count() == 3
    page.wait_for_timeout(1000)
    groups.nth(0).get_by_text("Hoppa över").click()
    page.wait_for_timeout(400)
    groups.nth(1).get_by_text("Helt enig").click()
    page.wait_for_timeout(400)
    page.get_by_role("button", name="Visa resultat").click()
    page.get_by_role("heading", name="Ditt resultat").wait_for()
    page.get_by_role("button", name="← Tillbaka till påståendena").click()
    page.wait_for_function("() => location.search.includes('p=question')")
    page.wait_for_timeout(1500)
    assert groups.nth(0).get_by_role("radio", name="Hoppa över").is_checked()
    assert groups.nth(1).get_by_role("radio", name="Helt enig").is_checked()
