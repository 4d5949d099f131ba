"""The engine's share of one results page: CPU time per respondent, per part and in total.

    python bench/results_engine.py [--respondents 200] [--rounds 3]
    python bench/results_engine.py --revs ca2ada3 HEAD [--rounds 5]
    python bench/results_engine.py --quiz other.yaml --parties 8 --revs ca2ada3 HEAD

For the shipped quiz (its first 30 statements; every party, or the first `--parties`) and seeded
random respondents (each answer a scale value or skipped, 3 statements marked important), this
makes exactly the engine calls of `_build` in valkompass_app/results.py (not the Altair templates,
not Streamlit): score, verdict, the head-to-head loop, match_rows, comparison_rows, topic_rows,
robustness, firmness. (The shipped quiz has 2 parties; for a page with 8, import the Wahl-O-Mat
Bundestag data with `python -m quiz import-wahlomat` and pass `--quiz … --parties 8`.)

Each respondent is timed once per round (process CPU time), after a warm-up of 10 respondents, as
the app has the quiz loaded already. Figures are medians over respondents and rounds.

With `--revs`, each git revision is exported with `git archive` into a temporary folder and
measured in a subprocess with that folder first on sys.path, alternating revisions round by round,
so that load on the machine falls on all of them alike; the ratio is the first revision's median
over each other's. The quiz file is the same for every revision.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
PARTS = ("score", "verdict", "head_to_head", "match_rows", "comparison_rows", "topic_rows", "robustness",
         "firmness")


def measure(root: Path, quiz_path: Path, respondents: int, seed: int,
            n_parties: int | None = None) -> dict[str, list[float]]:
    """Milliseconds of CPU per respondent and part, with the `quiz` package found in `root`."""
    sys.path.insert(0, str(root))
    from quiz import charts
    from quiz.firmness import firmness
    from quiz.load import load_quiz
    from quiz.model import Answers
    from quiz.robustness import robustness
    from quiz.scoring import score
    from quiz.verdict import coverage_differs, head_to_head, verdict

    quiz = load_quiz(quiz_path)
    parties, ids = tuple(quiz.parties)[:n_parties], tuple(s.id for s in quiz.statements[:30])
    rng, options = random.Random(seed), [*quiz.weights.scale.values, None]
    people = [Answers({sid: rng.choice(options) for sid in ids}, frozenset(rng.sample(ids, 3)))
              for _ in range(respondents)]

    def page(given: Answers) -> dict[str, Any]:
        out: dict[str, Any] = {}
        clock = time.process_time_ns
        t0 = clock()
        scores = out["score"] = score(quiz, given, None, parties)
        t1 = clock()
        found = out["verdict"] = verdict(quiz, given, parties)
        t2 = clock()
        out["head_to_head"] = tuple(head_to_head(quiz, given, found.parties[0], other) for other in parties
                                    if found.kind in ("clear", "close", "tie") and other != found.parties[0]
                                    and coverage_differs(scores))
        t3 = clock()
        out["match_rows"] = charts.match_rows(quiz, scores, "sv", lambda counted, answered: f"{counted}/{answered}")
        t4 = clock()
        out["comparison_rows"] = charts.comparison_rows(quiz, given, parties, "sv", "Du", ids)
        t5 = clock()
        out["topic_rows"] = charts.topic_rows(quiz, given, parties, None, "sv")
        t6 = clock()
        out["robustness"] = robustness(quiz, given, parties)
        t7 = clock()
        out["firmness"] = firmness(quiz, given, parties)
        t8 = clock()
        out["ns"] = [t1 - t0, t2 - t1, t3 - t2, t4 - t3, t5 - t4, t6 - t5, t7 - t6, t8 - t7]
        return out

    for given in people[:10]:
        page(given)
    times: dict[str, list[float]] = {part: [] for part in PARTS}
    for given in people:
        for part, ns in zip(PARTS, page(given)["ns"], strict=True):
            times[part].append(ns / 1e6)
    return times


def medians(times: dict[str, list[float]]) -> dict[str, float]:
    totals = [sum(parts) for parts in zip(*times.values(), strict=True)]
    return {**{part: statistics.median(values) for part, values in times.items()}, "total": statistics.median(totals)}


def side_by_side(revs: list[str], rounds: int, respondents: int, seed: int, quiz_path: Path,
                 n_parties: int | None) -> None:
    with tempfile.TemporaryDirectory() as folder:
        trees = {}
        for rev in revs:
            tree = Path(folder) / f"rev{len(trees)}"
            tree.mkdir()
            archive = subprocess.run(["git", "archive", rev], cwd=ROOT, check=True, capture_output=True).stdout
            subprocess.run(["tar", "-x", "-C", str(tree)], input=archive, check=True)
            trees[rev] = tree
        times: dict[str, dict[str, list[float]]] = {rev: {part: [] for part in PARTS} for rev in revs}
        for round_number in range(rounds):
            for rev in revs if round_number % 2 == 0 else revs[::-1]:
                command = [sys.executable, __file__, "--root", str(trees[rev]), "--json", "--quiz", str(quiz_path),
                           "--respondents", str(respondents), "--seed", str(seed)]
                command += ["--parties", str(n_parties)] if n_parties else []
                result = subprocess.run(command, check=True, capture_output=True, text=True)
                for part, values in json.loads(result.stdout).items():
                    times[rev][part] += values
    table = {rev: medians(times[rev]) for rev in revs}
    print(f"median ms of CPU per respondent ({respondents} respondents × {rounds} rounds)")
    print("| part | " + " | ".join(revs) + " | " + " | ".join(f"{revs[0]}/{rev}" for rev in revs[1:]) + " |")
    print("|---" * (2 * len(revs)) + "|")
    for part in (*PARTS, "total"):
        ratios = [table[revs[0]][part] / table[rev][part] if table[rev][part] else float("nan") for rev in revs[1:]]
        print(f"| {part} | " + " | ".join(f"{table[rev][part]:.3f}" for rev in revs) + " | "
              + " | ".join(f"{ratio:.1f}×" for ratio in ratios) + " |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--revs", nargs="+", help="git revisions to measure side by side")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--respondents", type=int, default=200)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--quiz", type=Path, default=ROOT / "statements.yaml")
    parser.add_argument("--parties", type=int, help="only the quiz's first N parties")
    parser.add_argument("--root", type=Path, default=ROOT, help=argparse.SUPPRESS)
    parser.add_argument("--json", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.revs:
        side_by_side(args.revs, args.rounds, args.respondents, args.seed, args.quiz.resolve(), args.parties)
        return
    times: dict[str, list[float]] = {part: [] for part in PARTS}
    for _ in range(1 if args.json else args.rounds):
        for part, values in measure(args.root, args.quiz, args.respondents, args.seed, args.parties).items():
            times[part] += values
    if args.json:
        print(json.dumps(times))
        return
    for part, value in medians(times).items():
        print(f"{part:>16}: {value:.3f} ms")


if __name__ == "__main__":
    main()
