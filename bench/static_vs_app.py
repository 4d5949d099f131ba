"""Capacity side by side: nginx serving the static build, and nginx in front of the Streamlit app,
to the same number of simulated visitors, in one run on this machine.

    python bench/static_vs_app.py [--visitors 200 1000 5000] [--duration 150] [--ports 8661 8662 8663]

- A visitor of the static build opens one keep-alive connection, fetches the page's files once
  (index.html, style, script, quiz JSON, Vega bundle; pre-compressed, `gzip_static`), then takes the
  quiz in the browser: think time for as long as an app visitor's quiz (32 × 3 s, uniform 0.5–1.5×),
  with no server traffic; then the next visitor takes the slot. Client: asyncio, below.
- A visitor of the app takes the quiz over the websocket through nginx's app port, driven by
  `CardUser` of bench/card_load.py (on `../shared/tools/stload.py`), exactly as there: it opens
  `/?lang=sv&statements=<first 30 ids>` (default card layout), presses "Starta", one random answer
  button per card, then "Visa resultat", and must see the results page ("Ditt resultat"): 32
  interactions, think 3 s (uniform 0.5–1.5×); it follows the address bar like a browser. The app is
  a fresh `streamlit run app.py` (bench/card_load.py's `server`), warmed up with one journey without
  think time that is not counted.

Per core: the servers' own CPU time (nginx master and worker, and the Streamlit process, read from
/proc) divided by the visitors served (static: visits; app: visitors who reached the results page),
so the figure does not depend on how fast the load generator is. Latency: for the static build, the
time to fetch all files of one visit; for the app, one interaction (rerun to `script_finished`), also
by kind (`by_kind`: answer, results, ... with the solo CPU of each kind, nginx included). App errors:
stload's (server exceptions, timeouts, connect, closed), card_load's (`no_results_page`,
`card_unexpected`), and `unfinished` for a visitor who did not reach the results page for no other
recorded reason (cut off by --duration). Every run is bounded by `--duration`: 150 s by default, as
in card_load.py, so a visitor who starts at the end of a 20 s ramp has time for its 32 × 3 s.
`--think 0.5` makes a quick check fit in `--duration 40`. Loopback only. Prints one JSON line per
run and saves them in bench/results/static-vs-app-<tag>-N.json (`--no-save`: do not).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from card_load import ROOT, CardUser, measure, stload  # noqa: E402
from card_load import server as streamlit_server  # noqa: E402

from quiz.load import load_quiz  # noqa: E402
from quiz.static.build import build_static  # noqa: E402

STATEMENTS, INTERACTIONS, THINK, SEED = 30, 32, 3.0, 1   # 30 cards + "Starta" + "Visa resultat"
# stload's error kinds that end a visitor's journey, and card_load's wrong results page: each is one visitor
ENDS_JOURNEY = ("timeout", "closed", "connect", "io", "client_exception", "hard_deadline", "no_widget",
                "no_results_page")
TICKS = os.sysconf("SC_CLK_TCK")
NGINX = """worker_processes 1;
pid {tmp}/nginx.pid;
error_log {tmp}/error.log warn;
events {{ worker_connections 16000; }}
http {{
  access_log off;
  types {{ text/html html; text/css css; application/javascript js; application/json json; }}
  sendfile on; tcp_nopush on; tcp_nodelay on;
  keepalive_timeout 120s; keepalive_requests 10000;
  gzip_static on;
  map $http_upgrade $connection_upgrade {{ default upgrade; '' close; }}
  server {{ listen 127.0.0.1:{static_port} backlog=8192; root {site}; }}
  server {{
    listen 127.0.0.1:{app_port} backlog=8192;
    location / {{
      proxy_pass http://127.0.0.1:{streamlit_port};
      proxy_http_version 1.1;
      proxy_set_header Upgrade $http_upgrade;
      proxy_set_header Connection $connection_upgrade;
      proxy_set_header Host $host;
      proxy_read_timeout 300s;
    }}
  }}
}}
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--visitors", type=int, nargs="+", default=[200, 1000, 5000])
    parser.add_argument("--duration", type=float, default=150)
    parser.add_argument("--ramp", type=float, default=20)
    parser.add_argument("--think", type=float, default=THINK,
                        help="mean think time s per interaction (uniform 0.5-1.5x); the static visit thinks 32x that")
    parser.add_argument("--ports", type=int, nargs=3, default=[8661, 8662, 8663])
    parser.add_argument("--saturate", type=int, default=0, metavar="N",
                        help="only the static build: N visitors without think time for --duration s")
    parser.add_argument("--tag", default="journey", help="results go to bench/results/static-vs-app-<tag>-N.json")
    parser.add_argument("--no-save", action="store_true")
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="static-vs-app-"))
    site = tmp / "site"
    files = build(site)
    (ROOT / "bench" / "results").mkdir(exist_ok=True)
    with Nginx(tmp, site, *args.ports) as nginx:
        if args.saturate:
            run = static_run(files, args.ports[0], args.saturate, 1.0, args.duration, nginx, think=0.0)
            print(json.dumps({"saturate": args.saturate, "static": run}))
            return
        for visitors in args.visitors:
            row = {"visitors": visitors, "think_s": args.think,
                   "static": static_run(files, args.ports[0], visitors, args.ramp, args.duration, nginx,
                                        think=INTERACTIONS * args.think),
                   "app": app_run(args.ports, visitors, args, nginx)}
            print(brief(visitors, row["static"], row["app"]), file=sys.stderr, flush=True)
            static_rate, app_rate = row["static"]["visitors_per_s_per_core"], row["app"]["visitors_per_s_per_core"]
            row["ratio_per_core"] = round(static_rate / app_rate, 1) if static_rate and app_rate else None
            line = json.dumps(row)
            print(line, flush=True)
            if not args.no_save:
                out = ROOT / "bench" / "results" / f"static-vs-app-{args.tag}-{visitors}.json"
                out.write_text(line + "\n", encoding="utf-8")


def build(site: Path) -> list[str]:
    """The static build of statements.yaml, every file also pre-compressed (gzip -9) for nginx."""
    build_static(load_quiz(ROOT / "statements.yaml"), site)
    os.chmod(site.parent, 0o755)
    os.chmod(site, 0o755)
    for path in list(site.iterdir()):
        subprocess.run(["gzip", "-k9f", str(path)], check=True)
    html = (site / "index.html").read_text(encoding="utf-8")
    return ["", *sorted(set(re.findall(r'(?:href|src|data-quiz|data-vega)="([^"]+\?v=[0-9a-f]+)"', html)))]


def static_run(files: list[str], port: int, visitors: int, ramp: float, duration: float,
               nginx: Nginx, think: float) -> dict[str, Any]:
    before, clock, client = nginx.cpu(), time.monotonic(), time.process_time()
    stats = asyncio.run(static_load(files, port, visitors, ramp, duration, think))
    cpu, wall = nginx.cpu() - before, time.monotonic() - clock
    pages = sorted(stats["pages"])
    return {"visits": len(pages), "errors": stats["errors"], "wall_s": round(wall, 1),
            "visitors_per_s": round(len(pages) / wall, 1), "server_cpu_s": round(cpu, 2),
            "visitors_per_s_per_core": round(len(pages) / cpu, 1) if cpu else None,
            "page_ms": percentiles(pages), "request_ms": percentiles(sorted(stats["requests"])),
            "client_cpu_s": round(time.process_time() - client, 1)}


async def static_load(files: list[str], port: int, visitors: int, ramp: float, duration: float,
                      think: float) -> dict[str, Any]:
    stats: dict[str, Any] = {"pages": [], "requests": [], "errors": {}}
    end = time.monotonic() + duration
    await asyncio.gather(*(static_visitor(files, port, i * ramp / visitors, end, think, stats)
                           for i in range(visitors)))
    return stats


async def static_visitor(files: list[str], port: int, delay: float, end: float, think: float,
                         stats: dict[str, Any]) -> None:
    """Visit after visit in one slot: fetch every file on one connection, then think (no traffic)."""
    rng = random.Random(delay)
    await asyncio.sleep(delay)
    while time.monotonic() < end:
        began = time.monotonic()
        try:
            await asyncio.wait_for(fetch_all(files, port, stats), timeout=max(0.1, end - began))
            stats["pages"].append((time.monotonic() - began) * 1000)
        except (TimeoutError, OSError, asyncio.IncompleteReadError, ValueError) as error:
            kind = type(error).__name__
            stats["errors"][kind] = stats["errors"].get(kind, 0) + 1
        await asyncio.sleep(min(think * rng.uniform(0.5, 1.5), max(0.0, end - time.monotonic())))


async def fetch_all(files: list[str], port: int, stats: dict[str, Any]) -> None:
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    try:
        for name in files:
            began = time.monotonic()
            writer.write(f"GET /{name} HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept-Encoding: gzip\r\n\r\n".encode())
            head = await reader.readuntil(b"\r\n\r\n")
            if not head.startswith(b"HTTP/1.1 200"):
                raise ValueError(head.split(b"\r\n")[0].decode())
            length = re.search(rb"(?i)content-length: *(\d+)", head)
            await reader.readexactly(int(length.group(1)) if length else 0)
            stats["requests"].append((time.monotonic() - began) * 1000)
    finally:
        writer.close()


def app_run(ports: list[int], visitors: int, args: argparse.Namespace, nginx: Nginx) -> dict[str, Any]:
    """The quiz journey of bench/card_load.py through nginx's app port, on a fresh, warmed-up app."""
    ids = [s.id for s in load_quiz(ROOT / "statements.yaml").statements[:STATEMENTS]]
    url = f"http://127.0.0.1:{ports[1]}/?lang=sv&statements={'%2C'.join(ids)}"
    CardUser.statement_ids = ids
    with streamlit_server("app.py", ports[2]) as pid:
        pids = [pid, *nginx.pids()]   # stload's and by_kind's CPU and RSS: both servers

        def config(users: int, ramp: float, think: float, seed: int) -> stload.Config:
            return stload.Config(url=url, users=users, ramp=ramp, interactions=INTERACTIONS, think=think,
                                 duration=args.duration, timeout=30.0, server_pids=pids, seed=seed, quiet=True)

        warmup = measure(CardUser, config(1, 0.0, 0.0, SEED + 1000))   # other answers than visitor 0
        before = nginx.cpu() + process_cpu(pid)
        report = measure(CardUser, config(visitors, args.ramp, args.think, SEED))
        cpu = nginx.cpu() + process_cpu(pid) - before
    served = report["visitors_completed"]
    kinds = dict(report["error_kinds"])
    unfinished = visitors - served - sum(kinds.get(kind, 0) for kind in ENDS_JOURNEY)
    if unfinished > 0:
        kinds["unfinished"] = unfinished
    return {"users_connected": report["users_connected"], "errors": sum(kinds.values()), "error_kinds": kinds,
            "error_examples": report["error_examples"], "interactions": report["interactions"],
            "visitors_reached_results": served, "wall_s": report["wall_s"], "server_cpu_s": round(cpu, 2),
            "server_cpu_ms_per_visitor": round(1000 * cpu / served, 1) if served else None,
            "visitors_per_s_per_core": round(served / cpu, 2) if cpu else None,
            "latency_ms": report["latency_ms"], "connect_ms": report["connect_ms"],
            "p95_ms_by_kind": {kind: k["latency_ms"]["p95"] for kind, k in report["by_kind"].items()},
            "by_kind": report["by_kind"], "interactions_per_s": report["interactions_per_s"],
            "rss_per_session_mb": report["rss_per_session_mb"], "client_cpu_pct": report["client_cpu_pct"],
            "loadavg_before": report["loadavg_before"], "loadavg_after": report["loadavg_after"],
            "warmup": {k: warmup[k] for k in ("errors", "error_kinds", "visitors_completed", "by_kind")}}


def brief(visitors: int, static: dict[str, Any], app: dict[str, Any]) -> str:
    p95 = app["p95_ms_by_kind"]
    return (f"{visitors} visitors\n  static: {static['visits']} visits, errors {static['errors'] or 0}, "
            f"p95 visit {static['page_ms']['p95']} ms, {static['visitors_per_s_per_core']}/s per core\n"
            f"  app: {app['visitors_reached_results']}/{visitors} reached results, errors {app['errors']} "
            f"{app['error_kinds'] or ''}, p95 {app['latency_ms']['p95']} ms (answer {p95.get('answer')}, "
            f"results {p95.get('results')}), {app['server_cpu_ms_per_visitor']} ms CPU per visitor, "
            f"{app['visitors_per_s_per_core']}/s per core")


def percentiles(values: list[float]) -> dict[str, float | None]:
    if not values:
        return {"p50": None, "p95": None}
    return {"p50": round(statistics.median(values), 1), "p95": round(values[int(0.95 * (len(values) - 1))], 1)}


def process_cpu(pid: int) -> float:
    """User + system CPU seconds of one process (all its threads)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICKS


class Nginx:
    """nginx with the config above, in the foreground; `cpu()` is its master's and workers' CPU time."""

    def __init__(self, tmp: Path, site: Path, static_port: int, app_port: int, streamlit_port: int) -> None:
        self.conf = tmp / "nginx.conf"
        self.conf.write_text(NGINX.format(tmp=tmp, site=site, static_port=static_port, app_port=app_port,
                                          streamlit_port=streamlit_port), encoding="utf-8")
        self.tmp = tmp

    def __enter__(self) -> Nginx:
        self.process = subprocess.Popen(["/usr/sbin/nginx", "-c", str(self.conf), "-p", str(self.tmp),
                                         "-g", "daemon off;"])
        time.sleep(1)
        if self.process.poll() is not None:
            raise RuntimeError((self.tmp / "error.log").read_text())
        return self

    def pids(self) -> list[int]:
        """The master and its workers."""
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children").read_text().split()
        return [self.process.pid, *map(int, children)]

    def cpu(self) -> float:
        return sum(process_cpu(pid) for pid in self.pids())

    def __exit__(self, *exc: object) -> None:
        self.process.terminate()
        self.process.wait(timeout=20)


if __name__ == "__main__":
    main()
