"""The whole quiz in a real browser (Debian's headless Chromium), with no request leaving localhost."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlparse

import pytest

from tests.conftest import ROOT

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = ROOT / "test-artifacts"
LOCAL_HOSTS = {"127.0.0.1", "localhost", "[::1]", "::1"}

pytestmark = pytest.mark.browser

if not CHROMIUM.exists():
    if os.environ.get("CI") == "true":
        raise RuntimeError("CI=true but /usr/bin/chromium is missing: .ci/run must install Debian's chromium")
    pytest.skip("Debian's chromium is not installed (apt-get install chromium); CI installs it",
                allow_module_level=True)

from playwright.sync_api import Page, sync_playwright  # noqa: E402


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "app.py", "--server.headless", "true",
         "--server.port", str(port), "--server.address", "127.0.0.1"],
        cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if urllib.request.urlopen(f"{url}/_stcore/health", timeout=2).status == 200:
                    break
            except OSError:
                time.sleep(0.3)
        else:
            raise RuntimeError("the app did not start within 60 s")
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()


@pytest.fixture(scope="module")
def browser():
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM),
            args=["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"])
        yield browser
        browser.close()


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


@pytest.mark.parametrize(("width", "height", "name"), [(390, 844, "results-390.png"), (1280, 900, "results-1280.png")])
def test_whole_quiz_renders_results_and_stays_on_localhost(server, browser, width, height, name):
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    hosts: set[str] = set()
    page.on("request", lambda request: hosts.add(urlparse(request.url).hostname or ""))
    take_quiz(page, server)
    chart = page.locator(".vega-embed").first
    chart.wait_for(timeout=20_000)
    assert chart.locator("canvas, svg").count() > 0
    page.wait_for_timeout(500)
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / name), full_page=False)
    page.get_by_text("1. Hur väl du matchar partierna").scroll_into_view_if_needed()
    page.screenshot(path=str(ARTIFACTS / name.replace(".png", "-chart.png")))
    context.close()
    assert hosts - LOCAL_HOSTS - {""} == set(), hosts
