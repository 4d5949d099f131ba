"""What the browser tests share: a real app server, Debian's Chromium, a page on another origin
for iframes, a guard against requests leaving this machine, and axe-core.

Import it only from browser test modules: it skips them when Chromium is missing (except in CI).
"""

from __future__ import annotations

import http.server
import os
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import pytest

from tests.conftest import ROOT

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = ROOT / "test-artifacts"
LOCAL_HOSTS = {"127.0.0.1", "localhost", "[::1]", "::1", ""}
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
PROJECTOR = {"width": 1920, "height": 1080}
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def require_chromium() -> None:
    """Skip the calling module without Chromium; in CI its absence is an error, never a skip."""
    if CHROMIUM.exists():
        return
    if os.environ.get("CI") == "true":
        raise RuntimeError("CI=true but /usr/bin/chromium is missing: .ci/run must install Debian's chromium")
    pytest.skip("Debian's chromium is not installed (apt-get install chromium); CI installs it",
                allow_module_level=True)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def app_server(env: Mapping[str, str] | None = None, address: str = "127.0.0.1",
               port: int | None = None) -> Iterator[str]:
    """`streamlit run app.py` on `port` (a free one if not given; give the same one to come back at
    the same address after a restart); yields its base URL and stops it afterwards."""
    port = port or free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "app.py", "--server.headless", "true",
         "--server.port", str(port), "--server.address", address],
        cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env={**os.environ, **(env or {})})
    url = f"http://{address}:{port}"
    try:
        wait_until_healthy(url, process)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()


def wait_until_healthy(url: str, process: subprocess.Popen[bytes], seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the app exited with {process.returncode} before it answered")
        try:
            if urllib.request.urlopen(f"{url}/_stcore/health", timeout=2).status == 200:
                return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"the app did not start within {seconds:.0f} s")


@contextmanager
def chromium() -> Iterator[Any]:
    """Debian's headless Chromium through Playwright (its own browser download does not work here)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


@contextmanager
def other_origin(pages: Mapping[str, str]) -> Iterator[str]:
    """Serve `pages` (path → HTML) from another origin than the app's: `localhost` on its own
    port, where the app runs on 127.0.0.1, so the browser treats the iframe as cross-site."""

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 (the name is http.server's)
            body = pages.get(self.path.split("?")[0])
            self.send_response(200 if body is not None else 404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.end_headers()
            self.wfile.write((body or "not found").encode("utf-8"))

        def log_message(self, *args: object) -> None:
            return

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://localhost:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def watch_hosts(page: Any) -> set[str]:
    """Collect the host of every request the page makes; compare with LOCAL_HOSTS at the end."""
    hosts: set[str] = set()
    page.on("request", lambda request: hosts.add(urlparse(request.url).hostname or ""))
    return hosts


def serious_violations(page: Any) -> list[str]:
    """axe-core's serious and critical violations on the page as it is now (WCAG 2.1 A and AA)."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a",
                                                                               "wcag21aa"]}})
    return [f"{v['id']} ({v['impact']}): {v['help']} – {len(v['nodes'])} nodes"
            for v in results.response["violations"] if v["impact"] in ("serious", "critical")]


def choose(page: Any, label: str, option: str, tries: int = 3) -> None:
    """Pick `option` in the select box called `label`, as a person would: with the box on screen.
    Clicked while off screen, the box scrolls into view and takes focus but stays closed at 390 px
    (seen in CI); a person taps what they see, so the box is scrolled to first, and a click that
    still opens nothing is tried again."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    box, wanted = page.get_by_role("combobox", name=label), page.get_by_role("option", name=option)
    for attempt in range(tries):
        box.scroll_into_view_if_needed()
        page.wait_for_timeout(300)
        box.click()
        try:
            wanted.click(timeout=10_000)
            return
        except PlaywrightTimeout:
            if attempt == tries - 1:
                raise
            page.keyboard.press("Escape")


def screenshot(page: Any, name: str, full_page: bool = False) -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / name
    page.screenshot(path=str(path), full_page=full_page)
    return path
