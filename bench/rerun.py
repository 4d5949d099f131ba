"""CPU time of one rerun: an answer click and opening the results page, against a bare app.

    python bench/rerun.py [--runs 60]

Drives the real app.py with Streamlit's AppTest in this process and measures process CPU time
per script run (medians). The floor is bench/bare_app.py, one radio button, measured the same
way in the same run, so the ratio is side by side. AppTest reruns the whole script even where the
app uses a fragment, so the click figure is an upper bound for what the server does.
Set VALKOMPASS_QUIZ to measure another quiz (e.g. an imported 38 × 38 Wahl-O-Mat one).
"""

from __future__ import annotations

import argparse
import gc
import statistics
import sys
import time
from pathlib import Path

from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from quiz.load import load_quiz  # noqa: E402
from quiz.model import Answers  # noqa: E402
from quiz.share import encode  # noqa: E402
from valkompass_app.catalog import quiz_files  # noqa: E402
from valkompass_app.results import _build  # noqa: E402


def cpu_ms(action) -> float:  # type: ignore[no-untyped-def]
    gc.disable()
    start = time.process_time()
    action()
    spent = time.process_time() - start
    gc.enable()
    return spent * 1000


def floor(runs: int) -> float:
    at = AppTest.from_file(str(ROOT / "bench" / "bare_app.py")).run()
    options = ["Helt enig", "Delvis enig", "Neutral"]
    return statistics.median(cpu_ms(lambda i=i: at.radio(key="answer").set_value(options[i % 3]).run())
                             for i in range(runs))


def answer_click(runs: int) -> float:
    quiz = load_quiz(quiz_files()[0])
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run()
    at.button(key="start_button").click().run()
    costs, jumps = [], 0
    for i in range(runs):
        statement = quiz.statements[i % len(quiz.statements)]
        if i % len(quiz.statements) == 0 and i:
            at.selectbox(key=f"jump_{jumps}").set_value(quiz.statements[0].id).run()
            jumps += 1
        key = f"answer_{statement.id}_{quiz.weights.scale.values[i % 3]}"
        costs.append(cpu_ms(lambda k=key: at.button(key=k).click().run()))
    return statistics.median(costs)


def results_page(runs: int) -> tuple[float, float]:
    """A rerun of the results page (AppTest's own set-up of a new session is left out)."""
    quiz = load_quiz(quiz_files()[0])
    values = quiz.weights.scale.values
    token = encode(quiz, Answers({s.id: values[i % len(values)] for i, s in enumerate(quiz.statements)}))
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.query_params["r"] = token
    at.run()
    cached = statistics.median(cpu_ms(at.run) for _ in range(max(5, runs // 4)))
    first = statistics.median(cpu_ms(lambda: (_build.clear(), at.run())) for _ in range(max(5, runs // 4)))
    return first, cached


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=60)
    args = parser.parse_args()
    base = floor(args.runs)
    click = answer_click(args.runs)
    first, cached = results_page(args.runs)
    print(f"quiz: {quiz_files()[0].name}")
    print("| rerun | CPU ms (median) | × floor |")
    print("|---|---:|---:|")
    print(f"| bare app, one radio (floor) | {base:.1f} | 1.0 |")
    print(f"| answer click | {click:.1f} | {click / base:.1f} |")
    print(f"| open the results page, first time (charts built) | {first:.1f} | {first / base:.1f} |")
    print(f"| rerun of the results page (charts cached) | {cached:.1f} | {cached / base:.1f} |")


if __name__ == "__main__":
    main()
