"""Class mode under load: 300 pupils submitting within 10 seconds, on SQLite and on PostgreSQL.

    python bench/classroom.py [--pupils 300] [--rooms 10] [--seconds 10] [--workers 32]

Pupils are spread over the rooms and start at random moments within `--seconds`, each from its
own thread (as browser sessions on a server would). Reports submissions per second, the median
and 95th percentile latency of one submission, and whether every submission is stored exactly
once (rows compared with what was sent). Repeats `--repeat` times and quotes medians.
"""

from __future__ import annotations

import argparse
import random
import secrets
import statistics
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from sqlalchemy import create_engine, text

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from quiz.classroom import ClassroomStore  # noqa: E402
from quiz.model import Answers  # noqa: E402

POSTGRES = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
IDS = [f"s{i}" for i in range(30)]


def one_run(store: ClassroomStore, pupils: int, rooms: int, seconds: float, workers: int) -> dict[str, float]:
    created = [store.create_room("bench", IDS, ["S", "SJVP"], all_statements=len(IDS)) for _ in range(rooms)]
    rng = random.Random(1)
    jobs = [(created[i % rooms].code, secrets.token_urlsafe(16), rng.uniform(0, seconds),
             Answers({sid: rng.choice([2, 1, 0, -1, -2, None]) for sid in IDS})) for i in range(pupils)]
    start = time.perf_counter()

    def send(job: tuple[str, str, float, Answers]) -> float:
        code, key, delay, answers = job
        time.sleep(max(0.0, start + delay - time.perf_counter()))
        began = time.perf_counter()
        store.submit(code, key, answers)
        return time.perf_counter() - began

    with ThreadPoolExecutor(max_workers=workers) as pool:
        latencies = sorted(pool.map(send, jobs))
    elapsed = time.perf_counter() - start
    stored = sum(store.count(room.room) for room in created)
    return {"per_second": pupils / elapsed, "p50_ms": 1000 * statistics.median(latencies),
            "p95_ms": 1000 * latencies[int(0.95 * (len(latencies) - 1))], "lost": pupils - stored}


def stores(which: str) -> ClassroomStore:
    if which == "sqlite":
        return ClassroomStore(f"sqlite:///{tempfile.mkdtemp()}/class.sqlite3", room_limit=10_000)
    schema = f"cm_bench_{secrets.token_hex(4)}"
    with create_engine(POSTGRES).begin() as conn:
        conn.execute(text(f"create schema {schema}"))
    return ClassroomStore(POSTGRES, schema=schema, room_limit=10_000)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pupils", type=int, default=300)
    parser.add_argument("--rooms", type=int, default=10)
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--workers", type=int, default=32)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    print("| database | submissions/s | p50 ms | p95 ms | lost |")
    print("|---|---:|---:|---:|---:|")
    for which in ("sqlite", "postgresql"):
        store = stores(which)
        runs = [one_run(store, args.pupils, args.rooms, args.seconds, args.workers) for _ in range(args.repeat)]
        median = {k: statistics.median(r[k] for r in runs) for k in runs[0]}
        print(f"| {which} | {median['per_second']:.1f} | {median['p50_ms']:.1f} | {median['p95_ms']:.1f} | "
              f"{max(r['lost'] for r in runs):.0f} |")
        if which == "postgresql":
            with store.engine.begin() as conn:
                conn.execute(text(f"drop schema {store.tables.meta.schema} cascade"))


if __name__ == "__main__":
    main()
