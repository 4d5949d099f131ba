"""Server CPU of one answer click and of one opening of the results page, one visitor at a time,
side by side with the bare one-radio app and with other revisions of the app, in one run.

    python bench/solo_cpu.py --revs 9962449 HEAD --rounds 5 --visitors 10 --tag session-start-vs-head

    python bench/solo_cpu.py --revs 8ba70f8 HEAD --floor --interleave --rounds 5 --visitors 8 --tag x

Every round starts, one after the other, `bench/bare_app.py` (from the working tree) and `app.py`
of each revision (exported with `git archive` into a temporary folder), each a fresh `streamlit
run` on 127.0.0.1 with the revision's own `.streamlit/config.toml`. Each server gets one warm-up
visitor that is not counted. All of them, the bare app included, take turns at going first: a
server started later in a round was seen to measure about 1 ms more per click (until 2026-11-29
the bare app always went first). With `--interleave`, every server of a round is up at once
instead, and the visitors take turns between them, one on each server in an order that turns
with each visitor: every server then sees the same minutes of this noisy machine. With
`--floor`, `bench/card_floor.py` (the card's shape in a fragment with nothing of the app: five
answer buttons) runs too, driven like the app. Then `--visitors` visitors, one at a time and with
no think time, drive it over the websocket with bench/card_load.py's users (which use
`../shared/tools/stload.py`):

- app: open `/?lang=sv&statements=<first 30 ids>`, press "Starta", answer the 30 cards (one of
  the five answer buttons at random), press "Visa resultat" (checked to show the results);
- bare: change the radio 30 times.

The server's CPU (utime + stime from /proc) is read before the first and after the last answer,
so all the work of the 30 clicks counts, including what the server does after `script_finished`;
the results page likewise, read 0.3 s after its `script_finished`. No other visitor is connected,
so the CPU is theirs alone, but for what an idle Streamlit process spends on its own (it polls its
config files every 200 ms whatever `server.fileWatcherType` says: about 13 ms of CPU a second
here). That idle rate is measured for 5 s on each server before its visitors and subtracted for
the wall time of each measured span; it is in the JSON. bench/card_load.py measures the same
under concurrent load (its "solo" runs stop at `script_finished`). Prints one line per round and
the medians; the ratio to the bare app is the median of each round's own ratio (with
`--interleave`, also the median over each visitor against the bare visitor of the same turn).
Raw JSON: bench/results/solo-cpu-<tag>.json.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from card_load import (  # noqa: E402
    ROOT,
    BareUser,
    CardUser,
    MeasuredUser,
    Probe,
    next_step,
    open_session,
    server,
    stload,
)

from quiz.load import load_quiz  # noqa: E402

CLICKS = 30


async def visit(user: MeasuredUser, pid: int, app: bool, idle: float) -> tuple[float, float | None]:
    """One visitor's 30 clicks, and the results page (app only): server CPU seconds of each, less
    `idle` CPU seconds per second of wall time."""
    await open_session(user)
    try:
        if app:
            await next_step(user)                      # Starta
        before, start = stload.proc_cpu_s([pid]), time.perf_counter()
        for _ in range(CLICKS):
            await next_step(user)
        clicks = stload.proc_cpu_s([pid]) - before - idle * (time.perf_counter() - start)
        results = None
        if app:
            before, start = stload.proc_cpu_s([pid]), time.perf_counter()
            await next_step(user)                      # Visa resultat
            await asyncio.sleep(0.3)
            results = stload.proc_cpu_s([pid]) - before - idle * (time.perf_counter() - start)
        return clicks, results
    finally:
        await user.ws.close()


async def measure(servers: dict[str, tuple[int, str, bool]], visitors: int, ids: list[str]) -> dict[str, Any]:
    """Click and results CPU on each of `servers` (name: PID, URL, whether it is the app). Each gets
    a warm-up visitor, then 5 s of idle CPU are read on all of them together, then the visitors take
    turns: one on each server, in an order that turns with each visitor. With `--interleave` all
    the servers of a round are here at once, so every server sees the same minutes of a noisy
    machine, and each visitor's click CPU on an app can be set against a bare-radio visitor's right
    beside it; without it, one server at a time."""
    cfg = {name: stload.Config(url=url, users=visitors + 1, interactions=CLICKS + 2, think=0, timeout=60,
                               server_pids=[pid], quiet=True) for name, (pid, url, _) in servers.items()}
    stats = stload.Stats()

    async def one(name: str, number: int, idle: float) -> tuple[float, float | None]:
        pid, _, app = servers[name]
        user_class = CardUser if app else BareUser
        user_class.probe, user_class.statement_ids = Probe([pid]), ids
        user = user_class(number, cfg[name], stats, time.perf_counter(), asyncio.Event())
        return await visit(user, pid, app, idle)

    for name in servers:
        await one(name, 0, 0.0)
    before = {name: stload.proc_cpu_s([pid]) for name, (pid, _, _) in servers.items()}
    await asyncio.sleep(5)
    idle = {name: (stload.proc_cpu_s([pid]) - before[name]) / 5 for name, (pid, _, _) in servers.items()}
    clicks: dict[str, list[float]] = {name: [] for name in servers}
    results: dict[str, list[float]] = {name: [] for name in servers}
    order = list(servers)
    for number in range(1, visitors + 1):
        for name in order[number % len(order):] + order[:number % len(order)]:
            click_cpu, results_cpu = await one(name, number, idle[name])
            clicks[name].append(click_cpu)
            if results_cpu is not None:
                results[name].append(results_cpu)
    if stats.errors:
        raise SystemExit(f"errors: {dict(stats.errors)} {stats.error_examples}")
    return {name: {"click_ms": round(1000 * sum(clicks[name]) / (CLICKS * visitors), 2),
                   "results_ms": round(1000 * statistics.fmean(results[name]), 1) if results[name] else None,
                   "idle_ms_per_s": round(1000 * idle[name], 1),
                   "click_ms_per_visitor": [round(1000 * c / CLICKS, 2) for c in clicks[name]]}
            for name in servers}


def export(rev: str, into: Path) -> Path:
    """The tree of `rev`, from `git archive`."""
    folder = into / rev.replace("/", "_")
    folder.mkdir()
    archive = subprocess.run(["git", "archive", rev], cwd=ROOT, check=True, capture_output=True).stdout
    subprocess.run(["tar", "-x", "-C", str(folder)], input=archive, check=True)
    return folder


def sequential_round(args: argparse.Namespace, scripts: dict[str, tuple[str, Path]], ids: list[str],
                     number: int) -> dict[str, Any]:
    """One round without `--interleave`: one server after the other, the bare app among them, in an
    order that turns with each round."""
    order: list[tuple[str, tuple[str, Path]]] = [("bare", ("bench/bare_app.py", ROOT)), *scripts.items()]
    row: dict[str, Any] = {"order": []}
    for rev, (script, tree) in order[number % len(order):] + order[:number % len(order)]:
        app = rev != "bare"
        url = app_url(args.port, ids) if app else f"http://127.0.0.1:{args.port}/"
        with server(script, args.port, cwd=tree) as pid:
            row[rev] = asyncio.run(measure({rev: (pid, url, app)}, args.visitors, ids))[rev]
        row["order"].append(rev)
    return row


def interleaved_round(args: argparse.Namespace, scripts: dict[str, tuple[str, Path]],
                      ids: list[str]) -> dict[str, Any]:
    """One `--interleave` round: the bare app on --port, the others on the ports after it."""
    with contextlib.ExitStack() as stack:
        servers = {"bare": (stack.enter_context(server("bench/bare_app.py", args.port)),
                            f"http://127.0.0.1:{args.port}/", False)}
        for offset, (rev, (script, tree)) in enumerate(scripts.items(), start=1):
            port = args.port + offset
            servers[rev] = (stack.enter_context(server(script, port, cwd=tree)), app_url(port, ids), True)
        return asyncio.run(measure(servers, args.visitors, ids))


def app_url(port: int, ids: list[str]) -> str:
    """The app's first page with the benchmark's statements."""
    return f"http://127.0.0.1:{port}/?lang=sv&statements=" + "%2C".join(ids)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--revs", nargs="+", default=["HEAD"], help="git revisions of the app to compare")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--visitors", type=int, default=10)
    parser.add_argument("--port", type=int, default=8650)
    parser.add_argument("--floor", action="store_true",
                        help="also measure bench/card_floor.py, the card's shape with nothing of the app")
    parser.add_argument("--interleave", action="store_true",
                        help="run every server at once and let the visitors take turns between them")
    parser.add_argument("--tag", default="run")
    parser.add_argument("--no-save", action="store_true")
    args = parser.parse_args()
    ids = [s.id for s in load_quiz(str(ROOT / "statements.yaml")).statements][:CLICKS]
    trees = {rev: export(rev, Path(tempfile.mkdtemp(prefix="solo-cpu-"))) for rev in args.revs}
    scripts = {rev: ("app.py", tree) for rev, tree in trees.items()}
    if args.floor:
        scripts["floor"] = ("bench/card_floor.py", ROOT)
    rounds: list[dict[str, Any]] = []
    for number in range(args.rounds):
        row: dict[str, Any] = {"loadavg": Path("/proc/loadavg").read_text().split()[:3]}
        if args.interleave:
            row.update(interleaved_round(args, scripts, ids))
        else:
            row.update(sequential_round(args, scripts, ids, number))
        rounds.append(row)
        print(f"round {number + 1}: bare click {row['bare']['click_ms']} ms; "
              + "; ".join(f"{rev} click {row[rev]['click_ms']} ms "
                          f"({row[rev]['click_ms'] / row['bare']['click_ms']:.2f}×), "
                          f"results {row[rev]['results_ms']} ms" for rev in scripts), flush=True)
    summary: dict[str, Any] = {"bare_click_ms": statistics.median(r["bare"]["click_ms"] for r in rounds)}
    for rev in scripts:
        summary[rev] = {
            "click_ms": statistics.median(r[rev]["click_ms"] for r in rounds),
            "results_ms": statistics.median(r[rev]["results_ms"] for r in rounds),
            "click_to_bare": round(statistics.median(r[rev]["click_ms"] / r["bare"]["click_ms"] for r in rounds), 2),
            "results_to_bare_click": round(statistics.median(r[rev]["results_ms"] / r["bare"]["click_ms"]
                                                             for r in rounds), 1)}
        if args.interleave:   # each visitor against the bare-radio visitor of the same turn
            pairs = [mine / bare for r in rounds for mine, bare in zip(r[rev]["click_ms_per_visitor"],
                                                                     r["bare"]["click_ms_per_visitor"], strict=True)]
            summary[rev]["click_to_bare_per_visitor"] = round(statistics.median(pairs), 2)
    out = {"interleave": args.interleave,
           "revs": {rev: subprocess.run(["git", "rev-parse", "--short", rev], cwd=ROOT, capture_output=True,
                                        text=True).stdout.strip() for rev in trees},
           "visitors": args.visitors, "rounds": rounds, "median": summary,
           "started_utc": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())}
    print(json.dumps(out["median"], indent=1))
    if not args.no_save:
        (ROOT / "bench" / "results" / f"solo-cpu-{args.tag}.json").write_text(json.dumps(out) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
