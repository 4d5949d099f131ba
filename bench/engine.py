"""Engine benchmark: single-respondent latency and batch throughput, against a plain-Python loop.

    python bench/engine.py [--sizes 1 10000 1000000] [--repeat 5]

Scores random respondents against every party of (a) the shipped quiz and (b) the Wahl-O-Mat
Bundestag 2021 dataset (38 statements × 38 parties), imported with `import-wahlomat` into a
temporary folder. The plain loop is the way Mat-O-Wahl and most quizzes score: for each
respondent, for each party, for each statement, look up the points. Figures are medians over
`--repeat` runs; the ratio is measured side by side in the same run.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from quiz.batch import BatchScorer  # noqa: E402
from quiz.load import load_quiz  # noqa: E402
from quiz.model import Answers, Quiz  # noqa: E402
from quiz.scoring import pair_points, score  # noqa: E402
from quiz.wahlomat import import_folder  # noqa: E402

BUNDESTAG = ROOT / "tests" / "fixtures" / "qual-o-mat-data" / "2021" / "deutschland"


def plain_loop(quiz: Quiz, codes: np.ndarray, important: np.ndarray) -> list[list[float]]:
    """Mat-O-Wahl style: nested loops over respondents, parties and statements, in plain Python."""
    weights, method = quiz.weights, quiz.weights.method()
    values = quiz.weights.scale.values
    table = {(a, s): tuple(float(x) for x in pair_points(weights, method, a, s)) for a in values for s in values}
    stances = [[st.stance(p) for st in quiz.statements] for p in quiz.parties]
    results = []
    for row, flags in zip(codes.tolist(), important.tolist(), strict=True):
        per_party = []
        for party in stances:
            points = maximum = 0.0
            for code, flag, stance in zip(row, flags, party, strict=True):
                if code < 0 or stance is None:
                    continue
                got, best = table[(values[code], stance)]
                factor = 2.0 if flag else 1.0
                points += got * factor
                maximum += best * factor
            per_party.append(100 * points / maximum if maximum else float("nan"))
        results.append(per_party)
    return results


def random_answers(quiz: Quiz, n: int, seed: int = 1) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    k = len(quiz.weights.scale.values)
    codes = rng.integers(-1, k, size=(n, len(quiz.statements)), dtype=np.int8)
    return codes, rng.random(codes.shape) < 0.2


def batch_means(scorer: BatchScorer, codes: np.ndarray, important: np.ndarray) -> np.ndarray:
    """Score in chunks and keep only the running mean match per party: memory stays bounded."""
    total = np.zeros(len(scorer.parties))
    for chunk in scorer.chunks(codes, important):
        total += np.nansum(chunk.percent, axis=0)
    return total / max(len(codes), 1)


def timed(fn, repeat: int) -> float:  # type: ignore[no-untyped-def]
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        runs.append(time.perf_counter() - start)
    return statistics.median(runs)


def bench_quiz(name: str, quiz: Quiz, sizes: list[int], repeat: int) -> None:
    scorer = BatchScorer(quiz)
    one = Answers({s.id: quiz.weights.scale.values[0] for s in quiz.statements})
    single = timed(lambda: score(quiz, one), repeat * 20)
    print(f"\n## {name}: {len(quiz.statements)} statements × {len(quiz.parties)} parties")
    print(f"single respondent, exact engine (quiz.scoring.score): {single * 1e3:.2f} ms")
    print("| respondents | batch resp/s | plain loop resp/s | ratio | batch peak memory (beyond the answers) |")
    print("|---:|---:|---:|---:|---:|")
    for n in sizes:
        codes, important = random_answers(quiz, n)
        batch = timed(lambda c=codes, i=important: batch_means(scorer, c, i), repeat)
        loop_n = min(n, 20_000)
        sample = codes[:loop_n], important[:loop_n]
        loop = timed(lambda s=sample: plain_loop(quiz, *s), max(1, repeat // 2)) * n / loop_n
        tracemalloc.start()
        batch_means(scorer, codes, important)
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        print(f"| {n:,} | {n / batch:,.0f} | {n / loop:,.0f} | {loop / batch:,.0f}× | {peak / 2**20:,.0f} MiB |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1, 10_000, 1_000_000])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    bench_quiz("shipped quiz (statements.yaml)", load_quiz(ROOT / "statements.yaml"), args.sizes, args.repeat)
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "bundestag.yaml"
        import_folder(BUNDESTAG, out)
        bench_quiz("Wahl-O-Mat Bundestag 2021", load_quiz(out), args.sizes, args.repeat)


if __name__ == "__main__":
    main()
