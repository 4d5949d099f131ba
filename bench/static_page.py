"""Transfer size and time to the first statement: the static build against the Streamlit app.

    python bench/static_page.py [--runs 7] [--port 8660]

Both in the same run, in Debian's Chromium at 390 × 844 with the CPU slowed 4× (CDP
`Emulation.setCPUThrottlingRate`), on localhost, a fresh browser context (empty cache) per run:

- transfer: the bytes the browser received for everything up to the first statement and then the
  results page (CDP `Network.loadingFinished` encodedDataLength), and the gzip size of every file
  of the build (what a host with compression sends);
- time (against a floor: a bare page with one button that shows a heading, measured alike): from
  navigation to the first statement on screen, the start button pressed as soon as
  it shows (the median of `--runs`), as Playwright sees it (both) and, for the static build, from
  the page's own performance marks (navigation → start page + start pressed → first statement).

The static build is served by a ThreadingHTTPServer (like `python -m http.server`, no compression),
the app by `streamlit run app.py` on `--port`. Prints one JSON object.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import json
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from quiz.load import load_quiz  # noqa: E402
from quiz.static.build import build_static, gzip_sizes  # noqa: E402
from tests.browser_support import PHONE, chromium, wait_until_healthy  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--port", type=int, default=8660)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="static-bench-"))
    build_static(load_quiz(ROOT / "statements.yaml"), folder)
    sizes = gzip_sizes(folder)
    result: dict[str, Any] = {"files": {name: {"bytes": raw, "gzip": packed} for name, (raw, packed) in sizes.items()},
                              "gzip_total": sum(packed for _, packed in sizes.values())}
    (folder / "floor.html").write_text(FLOOR, encoding="utf-8")
    with serve(folder) as static_url, app(args.port) as app_url, chromium() as browser:
        result["floor"] = measure(browser, static_url + "floor.html", "Börja", "#statement", args.runs, None)
        result["static"] = measure(browser, static_url, "Börja", "#statement", args.runs, "#chart svg")
        result["app"] = measure(browser, app_url, "Starta", "text=Påstående 1 av", args.runs, None)
    static_ms = result["static"]["first_statement_ms"]
    result["ratio_time"] = round(result["app"]["first_statement_ms"] / static_ms, 1)
    result["static_over_floor"] = round(static_ms / result["floor"]["first_statement_ms"], 2)
    print(json.dumps(result, indent=1))


# The floor: the smallest page with the same path (a button that shows a heading), measured alike.
FLOOR = """<!doctype html><html lang="sv"><meta charset="utf-8"><title>golv</title><button type="button"
onclick="this.outerHTML='<h1 id=statement>Påstående</h1>'">Börja</button></html>"""

# Navigation to the start page on screen, plus the press of the start button to the first statement
# on screen, from the page's own performance marks: the same path without Playwright's round trips.
IN_PAGE = """(() => { const at = (name) => performance.getEntriesByName(name)[0].startTime;
  return at("valkompass:start") + at("valkompass:question") - at("valkompass:click-start"); })()"""


def measure(browser: Any, url: str, start: str, statement: str, runs: int, chart: str | None) -> dict[str, Any]:
    times, transfers, in_page = [], [], []
    for _ in range(runs):
        context = browser.new_context(viewport=PHONE)
        page = context.new_page()
        cdp = context.new_cdp_session(page)
        received: list[int] = []
        cdp.send("Network.enable")
        cdp.on("Network.loadingFinished", lambda event, into=received: into.append(int(event["encodedDataLength"])))
        cdp.send("Emulation.setCPUThrottlingRate", {"rate": 4})
        began = time.perf_counter()
        page.goto(url, wait_until="commit")
        page.get_by_role("button", name=start).click(timeout=60_000)
        page.locator(statement).first.wait_for(timeout=60_000)
        times.append((time.perf_counter() - began) * 1000)
        if chart is not None:
            in_page.append(page.evaluate(IN_PAGE))
        first = sum(received)
        if chart is not None:
            page.get_by_role("button", name="Helt enig").click()
            page.get_by_role("button", name="Visa resultat").click()
            page.locator(chart).first.wait_for(timeout=60_000)
        transfers.append({"first_statement": first, "with_results": sum(received)})
        context.close()
    result = {"first_statement_ms": round(statistics.median(times)), "runs_ms": [round(t) for t in times],
              "transfer": transfers[-1]}
    if in_page:
        result["in_page_ms"] = round(statistics.median(in_page))
        result["in_page_runs_ms"] = [round(t) for t in in_page]
    return result


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        return


class serve:  # noqa: N801 (a context manager used like a function)
    def __init__(self, folder: Path) -> None:
        handler = functools.partial(_Quiet, directory=str(folder))
        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)

    def __enter__(self) -> str:
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return f"http://127.0.0.1:{self.server.server_address[1]}/"

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()


class app:  # noqa: N801
    def __init__(self, port: int) -> None:
        self.port = port

    def __enter__(self) -> str:
        env_db = tempfile.mkdtemp(prefix="static-bench-db-") + "/class.sqlite3"
        self.process = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", "app.py", "--server.headless", "true", "--server.port",
             str(self.port), "--server.address", "127.0.0.1"], cwd=ROOT, stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL, env={"VALKOMPASS_DB_PATH": env_db, "PATH": "/usr/bin:/bin"})
        url = f"http://127.0.0.1:{self.port}"
        wait_until_healthy(url, self.process)
        return url + "/"

    def __exit__(self, *exc: object) -> None:
        self.process.terminate()
        self.process.wait(timeout=20)


if __name__ == "__main__":
    main()
