"""The app on the real server, card layout, side by side with the bare one-radio app (issue #12).

    python bench/card_load.py --users 10 --ramp 30 --tag low            # (a), (b): low load
    python bench/card_load.py --users 50 100 200 400 --ramp 20 --tag load   # (c): capacity

For every user count this starts `bench/bare_app.py` and then `app.py` with `streamlit run` on
127.0.0.1 (ports 8640 and 8641, a fresh process each, `VALKOMPASS_DB_PATH` in a temporary
directory, the repository's `.streamlit/config.toml` for both), warms each up with one journey
that is not counted, and drives it with `../shared/tools/stload.py` (its websocket protocol,
statistics and JSON summary are reused; only the choice of what to press is ours):

- a quiz-taker opens `/?lang=sv&statements=<first 30 ids>` (the default page with its header, not
  embedded, card layout), presses "Starta" (`start_button`), presses one of the five answer
  buttons of each card (`answer_<statement>_<value>`, a random one; the card is an `st.fragment`,
  so this is a fragment run), then "Visa resultat" (`to_results`, a fragment run that calls
  `st.rerun(scope="app")`, so a full run of the results page): 32 interactions;
- a bare-app user changes the radio of `bench/bare_app.py` 32 times (stload's own sequential
  policy), with the same think time, ramp and duration.

Latency of an interaction = from sending the rerun to `script_finished` (stload). Server CPU is
read from /proc/<pid>/stat (utime + stime, 10 ms ticks) around every script run; a run counts as
"solo" when no other script run of the same load overlapped it, so its CPU delta is its own. The
mean over many solo runs gives the CPU of one run of that kind (tick truncation averages out);
the total CPU of the run divided by the visitors who reached the results page gives the CPU per
visitor. Raw JSON: bench/results/card-<tag>-<users>.json. Loopback only, every run bounded by
--duration (+ stload's timeout).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
TOOLS = ROOT.parent / "shared" / "tools"
sys.path.insert(0, str(TOOLS))
sys.path.insert(0, str(ROOT))

import stload as stload  # noqa: E402  (re-exported for card_profile.py)
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg  # noqa: E402
from streamlit.runtime.state.common import user_key_from_element_id  # noqa: E402
from websockets.asyncio.client import connect  # noqa: E402
from websockets.typing import Origin, Subprotocol  # noqa: E402

from quiz.load import load_quiz  # noqa: E402
from valkompass_app.strings import t  # noqa: E402

BARE_PORT, APP_PORT = 8640, 8641
RESULTS_TITLE = t("results", "sv")


@dataclass(eq=False)   # runs are told apart by identity (list.remove), never by value
class ScriptRun:
    """One script run as a simulated user saw it, with the server's CPU around it."""

    kind: str            # initial, start, answer, results (card); initial, radio (bare)
    latency: float = 0.0
    cpu: float | None = None
    solo: bool = True    # no other script run of this load overlapped it


class Probe:
    """Shared by the users of one load run: which script runs are in flight, and every run."""

    def __init__(self, pids: list[int]) -> None:
        self.pids = pids
        self.in_flight: list[ScriptRun] = []
        self.runs: list[ScriptRun] = []


class AddressBar:
    """The websocket, seen through a browser's address bar: when the app changes its query string
    (`st.query_params`, a `page_info_changed` message), later reruns send the new one, as the
    frontend does. stload keeps sending the first one, which the app's `urlstate.read_url` takes
    for a reload with another address (it would show the start page instead of the results)."""

    def __init__(self, ws: Any, user: stload.SimUser) -> None:
        self._ws, self._user = ws, user

    async def recv(self) -> Any:
        raw = await self._ws.recv()
        msg = ForwardMsg()
        msg.ParseFromString(raw)
        if msg.WhichOneof("type") == "page_info_changed":
            self._user.query = msg.page_info_changed.query_string
        return raw

    def __getattr__(self, name: str) -> Any:
        return getattr(self._ws, name)


class MeasuredUser(stload.SimUser):  # type: ignore[misc]
    """stload's user, with every script run tagged by kind and its server CPU read from /proc,
    following the address bar like a browser."""

    @property
    def ws(self) -> Any:
        return self._address_bar

    @ws.setter
    def ws(self, ws: Any) -> None:
        self._address_bar = None if ws is None else AddressBar(ws, self)

    probe: Probe            # set by `measure` before the users are made
    statement_ids: list[str] = []

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.next_kind = "initial"

    async def run_script(self, payload: bytes) -> dict[str, Any]:
        probe = self.probe
        run = ScriptRun(self.next_kind, solo=not probe.in_flight)
        for other in probe.in_flight:
            other.solo = False
        probe.in_flight.append(run)
        cpu_before = stload.proc_cpu_s(probe.pids)
        try:
            info: dict[str, Any] = await super().run_script(payload)
        finally:
            probe.in_flight.remove(run)
        cpu_after = stload.proc_cpu_s(probe.pids)
        run.latency = info["latency"]
        if cpu_before is not None and cpu_after is not None:
            run.cpu = cpu_after - cpu_before
        probe.runs.append(run)
        self.after_run(run)
        return info

    def after_run(self, run: ScriptRun) -> None:
        """Check what the page shows after a run (nothing to check for the bare app)."""


class BareUser(MeasuredUser):
    """Changes the one radio of bench/bare_app.py: stload's own sequential policy."""

    def choose_action(self) -> tuple[bytes, Any] | None:
        self.next_kind = "radio"
        action: tuple[bytes, Any] | None = super().choose_action()
        return action


class CardUser(MeasuredUser):
    """The real journey in the card layout: Starta, one answer per card, Visa resultat."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.started = False
        self.answered = 0
        self.opened_results = False
        self.reached_results = False   # "Visa resultat" ran and the page showed "Ditt resultat"

    def _buttons(self) -> dict[str, stload.Widget]:
        """Enabled buttons of the page by their key. After a fragment run stload merges the
        fragment's widgets into the last full run's, so earlier cards' buttons are still there."""
        buttons = {}
        for widget in self.active.values():
            key = user_key_from_element_id(widget.id)
            if widget.kind == "button" and not widget.disabled and key:
                buttons[key] = widget
        return buttons

    def choose_action(self) -> tuple[bytes, Any] | None:
        buttons = self._buttons()
        target: stload.Widget | None = None
        if not self.started:
            target, self.next_kind, self.started = buttons.get("start_button"), "start", True
        elif self.answered < len(self.statement_ids):
            prefix = f"answer_{self.statement_ids[self.answered]}_"
            choices = sorted(key for key in buttons if key.startswith(prefix))
            if len(choices) == 5:
                target, self.next_kind = buttons[self.rng.choice(choices)], "answer"
                self.answered += 1
        elif not self.opened_results:
            target, self.next_kind, self.opened_results = buttons.get("to_results"), "results", True
        if target is None:
            self.stats.error("card_unexpected", f"no button for step {self.next_kind} after "
                             f"{self.answered} answers; page: {self.texts[:6]}")
            return None
        self.choices.append((target.label, "button", True))
        return self.rerun_msg(trigger=(target.id, "trigger_value"), fragment_id=target.fragment_id), target

    def after_run(self, run: ScriptRun) -> None:
        if run.kind != "results":
            return
        self.reached_results = RESULTS_TITLE in self.texts
        if not self.reached_results:
            self.stats.error("no_results_page", f"after 'Visa resultat': {self.texts[:6]}")


async def open_session(user: MeasuredUser) -> None:
    """Open `user`'s websocket the way stload's own journey does, and run the first script, for
    scripts that drive users one step at a time (card_profile.py, solo_cpu.py)."""
    user.ws = await connect(user.ws_url, subprotocols=[Subprotocol("streamlit"), Subprotocol("PLACEHOLDER_AUTH_TOKEN")],
                            origin=Origin(f"http://{user.host}:{user.port}"), ping_interval=None,
                            max_size=64 * 1024 * 1024, compression=None)
    await user.run_script(user.rerun_msg())


async def next_step(user: MeasuredUser) -> None:
    """Take `user`'s next action and wait for its script run; stop if the page offers none."""
    action = user.choose_action()
    if action is None:
        raise SystemExit(f"no next step: {user.stats.error_examples}")
    await user.run_script(action[0])


def mean_ms(values: list[float]) -> float | None:
    return round(1000 * statistics.fmean(values), 2) if values else None


def by_kind(runs: list[ScriptRun]) -> dict[str, dict[str, Any]]:
    """Latency and server CPU of each kind of script run."""
    out = {}
    for kind in dict.fromkeys(r.kind for r in runs):
        mine = [r for r in runs if r.kind == kind]
        solo = [r.cpu for r in mine if r.solo and r.cpu is not None]
        out[kind] = {"latency_ms": stload.lat_summary([r.latency for r in mine]),
                     "solo_runs": len(solo), "cpu_ms_solo_mean": mean_ms(solo),
                     "cpu_ms_solo_sem": round(1000 * statistics.stdev(solo) / len(solo) ** 0.5, 2)
                     if len(solo) > 1 else None,
                     "cpu_ms_solo_median": round(1000 * statistics.median(solo), 1) if solo else None}
    return out


def measure(user_class: type[MeasuredUser], cfg: stload.Config) -> dict[str, Any]:
    """One stload run with `user_class` as its users; stload's summary plus our figures by kind."""
    user_class.probe = Probe(cfg.pids())
    load_before = os.getloadavg()
    original = stload.SimUser
    stload.SimUser = user_class   # run_load makes its users from the module's SimUser
    try:
        summary, users = asyncio.run(stload.run_load(cfg))
    finally:
        stload.SimUser = original
    runs = user_class.probe.runs
    kinds = by_kind(runs)
    all_runs = len(runs)
    runs_counted = summary["interactions"] + summary["initial_run_ms"]["n"]   # stload's CPU/run divisor
    cpu_total_s = (summary["server_cpu_ms_per_run"] or 0) * runs_counted / 1000
    visitors = sum(1 for u in users if getattr(u, "reached_results", False)) if issubclass(user_class, CardUser) \
        else sum(1 for u in users if u.interactions_done == cfg.interactions)
    explained = sum((k["cpu_ms_solo_mean"] or 0) * sum(1 for r in runs if r.kind == name)
                    for name, k in kinds.items()) / 1000
    summary.update({
        "by_kind": kinds,
        "script_runs": all_runs,
        "server_cpu_s": round(cpu_total_s, 2),
        "visitors_completed": visitors,
        "server_cpu_ms_per_visitor": round(1000 * cpu_total_s / visitors, 1) if visitors else None,
        "solo_means_explain_pct_of_cpu": round(100 * explained / cpu_total_s, 1) if cpu_total_s else None,
        "loadavg_before": [round(x, 2) for x in load_before],
        "loadavg_after": [round(x, 2) for x in os.getloadavg()],
    })
    return dict(summary)


def wait_healthy(proc: subprocess.Popen[bytes], port: int, what: str, log: str) -> None:
    """Wait up to a minute for the server on `port` to answer its health check."""
    for _ in range(120):
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2):
                return
        except OSError:
            if proc.poll() is not None:
                raise SystemExit(f"{what} exited; see {log}") from None
            time.sleep(0.5)
    raise SystemExit(f"{what} did not answer on port {port}")


@contextmanager
def server(script: str, port: int, cwd: Path = ROOT) -> Iterator[int]:
    """`streamlit run script` on 127.0.0.1:port from the repository root (or `cwd`, another tree
    of it); yields its PID."""
    tmp = tempfile.mkdtemp(prefix="card-load-")
    env = {**os.environ, "VALKOMPASS_DB_PATH": f"{tmp}/class.sqlite3"}
    with open(f"{tmp}/server.log", "w") as log:
        proc = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", script, "--server.headless", "true",
             "--server.port", str(port), "--server.address", "127.0.0.1"],
            cwd=cwd, env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        wait_healthy(proc, port, script, f"{tmp}/server.log")
        yield proc.pid
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def config(url: str, users: int, args: argparse.Namespace, pid: int, interactions: int) -> stload.Config:
    return stload.Config(url=url, users=users, ramp=args.ramp, interactions=interactions, think=args.think,
                         duration=args.duration, timeout=args.timeout, server_pids=[pid], seed=args.seed,
                         quiet=True)


def side(name: str, users: int, args: argparse.Namespace, ids: list[str]) -> dict[str, Any]:
    """Start one server, warm it up with one journey without think time, then measure."""
    interactions = len(ids) + 2
    if name == "bare":
        script, port, user_class, url = "bench/bare_app.py", BARE_PORT, BareUser, f"http://127.0.0.1:{BARE_PORT}/"
    else:
        query = "lang=sv" + ("&statements=" + "%2C".join(ids) if args.statements else "")
        script, port, user_class, url = "app.py", APP_PORT, CardUser, f"http://127.0.0.1:{APP_PORT}/?{query}"
    user_class.statement_ids = ids
    with server(script, port) as pid:
        warm = config(url, 1, args, pid, interactions)
        warm.think, warm.ramp, warm.seed = 0.0, 0.0, args.seed + 1000   # other answers than user 0
        warmup = measure(user_class, warm)
        result = measure(user_class, config(url, users, args, pid, interactions))
    result["warmup"] = {k: warmup[k] for k in ("errors", "error_kinds", "by_kind", "server_cpu_ms_per_visitor")}
    return result


def brief(name: str, r: dict[str, Any]) -> str:
    k = r["by_kind"]
    click = k.get("answer") or k.get("radio") or {}
    parts = [f"{name:5s} users {r['users']:4d} errors {r['errors']} {r['error_kinds'] or ''}",
             f"all p50/p95/p99 {r['latency_ms']['p50']}/{r['latency_ms']['p95']}/{r['latency_ms']['p99']} ms",
             f"{r['interactions_per_s']}/s cpu/run {r['server_cpu_ms_per_run']} ms "
             f"cpu/visitor {r['server_cpu_ms_per_visitor']} ms",
             f"click p50/p95 {click['latency_ms']['p50']}/{click['latency_ms']['p95']} ms "
             f"solo cpu {click['cpu_ms_solo_mean']} ms (n {click['solo_runs']})" if click else ""]
    if "results" in k:
        res = k["results"]
        parts.append(f"results p50/p95 {res['latency_ms']['p50']}/{res['latency_ms']['p95']} ms "
                     f"solo cpu {res['cpu_ms_solo_mean']} ms (n {res['solo_runs']})")
    return "\n  ".join(p for p in parts if p)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0],
                                     formatter_class=argparse.ArgumentDefaultsHelpFormatter)
    parser.add_argument("--users", type=int, nargs="+", default=[10])
    parser.add_argument("--statements", type=int, default=30, help="first N statements (0: the whole quiz)")
    parser.add_argument("--think", type=float, default=3.0, help="mean think time s (uniform 0.5x-1.5x)")
    parser.add_argument("--ramp", type=float, default=20.0)
    parser.add_argument("--duration", type=float, default=150.0)
    parser.add_argument("--timeout", type=float, default=30.0)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--order", choices=["bare-first", "card-first"], default="bare-first")
    parser.add_argument("--tag", default="run", help="results go to bench/results/card-<tag>-<users>.json")
    parser.add_argument("--no-save", action="store_true")
    args = parser.parse_args()
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))   # so the servers are stopped too
    if not all(1 <= n <= 1000 for n in args.users) or not 0 < args.duration <= 900:
        parser.error("1 <= users <= 1000 and 0 < duration <= 900")
    statements = [s.id for s in load_quiz(str(ROOT / "statements.yaml")).statements]
    ids = statements[: args.statements] if args.statements else statements
    order = ["bare", "card"] if args.order == "bare-first" else ["card", "bare"]
    for users in args.users:
        out: dict[str, Any] = {"users": users, "statements": len(ids), "order": order, "cores": os.cpu_count(),
                               "started_utc": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())}
        for name in order:
            out[name] = side(name, users, args, ids)
            print(brief(name, out[name]), file=sys.stderr, flush=True)
        bare, card = out["bare"]["by_kind"].get("radio", {}), out["card"]["by_kind"].get("answer", {})
        if bare and card:
            out["ratio_card_answer_to_bare_radio"] = {
                "cpu_solo_mean": card["cpu_ms_solo_mean"] and bare["cpu_ms_solo_mean"]
                and round(card["cpu_ms_solo_mean"] / bare["cpu_ms_solo_mean"], 2),
                "latency_p50": round(card["latency_ms"]["p50"] / bare["latency_ms"]["p50"], 2),
                "latency_p95": round(card["latency_ms"]["p95"] / bare["latency_ms"]["p95"], 2)}
        out["ratio_card_to_bare_cpu_per_run"] = round(
            out["card"]["server_cpu_ms_per_run"] / out["bare"]["server_cpu_ms_per_run"], 2) \
            if out["bare"]["server_cpu_ms_per_run"] else None
        line = json.dumps(out)
        if not args.no_save:
            (ROOT / "bench" / "results").mkdir(exist_ok=True)
            (ROOT / "bench" / "results" / f"card-{args.tag}-{users}.json").write_text(line + "\n")
        print(line, flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
