"""Where the server's CPU goes when a visitor opens the results page (yappi, CPU clock).

    pip install --target /tmp/card-prof-lib yappi        # not a dependency of the project
    python bench/card_profile.py --visitors 10 --yappi /tmp/card-prof-lib

Starts `app.py` with `streamlit run` on 127.0.0.1:8642 under yappi (every thread). Each visitor
(one after the other, no think time) opens `/?lang=sv&statements=<first 30>`, presses "Starta" and
answers every card, driven like bench/card_load.py. Then the profile is cleared (SIGUSR1 to the
server), every visitor presses "Visa resultat" in turn, and the profile is written (SIGUSR2):
so it holds only the openings of the results page (fragment run, `st.rerun(scope="app")` and the
full run of the results page, plus the server's websocket work for them). Prints the functions
with the most CPU, own and inclusive. yappi slows Python down, so only the shares count.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import signal
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from card_load import ROOT, CardUser, Probe, next_step, open_session, stload, wait_healthy  # noqa: E402

from quiz.load import load_quiz  # noqa: E402

PORT = 8642
LAUNCHER = textwrap.dedent("""
    import signal, sys, yappi
    out = sys.argv.pop(1)
    yappi.set_clock_type("cpu")
    yappi.start()
    def clear(*_):
        yappi.clear_stats()
    def dump(*_):
        yappi.get_func_stats().save(out, type="pstat")
        open(out + ".done", "w").close()
    signal.signal(signal.SIGUSR1, clear)
    signal.signal(signal.SIGUSR2, dump)
    from streamlit.web.cli import main
    sys.argv = ["streamlit", "run", *sys.argv[1:]]
    main()
""")


async def drive(url: str, ids: list[str], visitors: int, pid: int, what: str) -> list[float]:
    """Every visitor answers every card; then the profile is cleared and each opens the results.
    With `what="answers"` the profile is cleared after "Starta" instead and holds the answers."""
    cfg = stload.Config(url=url, users=visitors + 1, interactions=len(ids) + 2, think=0, timeout=60,
                        server_pids=[pid], quiet=True)
    CardUser.probe, CardUser.statement_ids = Probe([pid]), ids
    stats, end = stload.Stats(), asyncio.Event()
    users = [CardUser(i, cfg, stats, time.perf_counter(), end) for i in range(visitors + 1)]
    for user in users:
        await open_session(user)
        await next_step(user)                   # Starta
        if what == "results":
            for _ in range(len(ids)):           # every card
                await next_step(user)
    if what == "answers":
        for _ in range(len(ids)):               # a warm-up visitor
            await next_step(users[0])
    await next_step(users[0])                   # the warm-up visitor builds the chart templates
    os.kill(pid, signal.SIGUSR1)
    await asyncio.sleep(0.5)
    for user in users[1:]:
        for _ in range(len(ids) if what == "answers" else 1):
            await next_step(user)
    os.kill(pid, signal.SIGUSR2)
    for user in users:
        await user.ws.close()
    if stats.errors:
        raise SystemExit(f"errors: {dict(stats.errors)} {stats.error_examples}")
    kind = "answer" if what == "answers" else "results"
    return [r.latency for r in CardUser.probe.runs if r.kind == kind][len(ids) if what == "answers" else 1:]


def report(path: str, top: int, openings: int) -> None:
    import pstats

    stats = pstats.Stats(path)
    rows = []
    for (file, line, name), (_cc, calls, own, inclusive, _callers) in stats.stats.items():  # type: ignore[attr-defined]
        where = file.split("site-packages/")[-1].replace(str(ROOT) + "/", "")
        rows.append((own, inclusive, calls, f"{where}:{line} {name}"))
    own_total = sum(r[0] for r in rows)
    per = 1000 / openings
    print(f"profiled CPU per opening (sum of own times, under yappi): {own_total * per:.1f} ms")
    print("\nmost own CPU, ms per opening:")
    for own, inclusive, calls, where in sorted(rows, reverse=True)[:top]:
        print(f"  {own * per:7.2f} own {inclusive * per:7.2f} incl {calls / openings:8.1f} calls  {where}")
    print("\nmost inclusive CPU, ms per opening:")
    for _own, inclusive, calls, where in sorted(rows, key=lambda r: -r[1])[: top * 2]:
        print(f"  {inclusive * per:7.2f} incl {calls / openings:8.1f} calls  {where}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--visitors", type=int, default=10)
    parser.add_argument("--statements", type=int, default=30)
    parser.add_argument("--yappi", default="/tmp/card-prof-lib", help="where yappi is installed (PYTHONPATH)")
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--what", choices=["results", "answers"], default="results",
                        help="profile the openings of the results page, or the answer clicks")
    args = parser.parse_args()
    ids = [s.id for s in load_quiz(str(ROOT / "statements.yaml")).statements]
    ids = ids[: args.statements] if args.statements else ids
    tmp = tempfile.mkdtemp(prefix="card-profile-")
    out = f"{tmp}/results.pstat"
    env = {**os.environ, "VALKOMPASS_DB_PATH": f"{tmp}/class.sqlite3",
           "PYTHONPATH": os.pathsep.join(p for p in (args.yappi, os.environ.get("PYTHONPATH")) if p)}
    with open(f"{tmp}/server.log", "w") as log:
        proc = subprocess.Popen([sys.executable, "-c", LAUNCHER, out, "app.py", "--server.headless", "true",
                                 "--server.port", str(PORT), "--server.address", "127.0.0.1"],
                                cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        wait_healthy(proc, PORT, "the server", f"{tmp}/server.log")
        query = "lang=sv" + ("&statements=" + "%2C".join(ids) if args.statements else "")
        latencies = asyncio.run(drive(f"http://127.0.0.1:{PORT}/?{query}", ids, args.visitors, proc.pid,
                                      args.what))
        for _ in range(100):
            if os.path.exists(out + ".done"):
                break
            time.sleep(0.2)
        else:
            raise SystemExit("no profile written")
    finally:
        proc.terminate()
        proc.wait(15)
    print(f"{len(latencies)} {'answer clicks' if args.what == 'answers' else 'openings of the results page'}"
          " under yappi, latency ms: " + ", ".join(f"{x * 1000:.0f}" for x in latencies[:40]))
    report(out, args.top, len(latencies))
    return 0


if __name__ == "__main__":
    sys.exit(main())
