"""Hypothesis strategies shared by the verdict and firmness tests: small random quizzes."""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

from quiz.load import load_weights
from quiz.model import Answers, Quiz
from tests.conftest import ROOT, make_quiz

WEIGHTS = load_weights(ROOT / "weights.yaml")
STANCES = st.one_of(st.none(), st.integers(-2, 2))


@st.composite
def quizzes_and_answers(draw: Any) -> tuple[Quiz, Answers]:
    """1–3 parties, 1–5 statements, any stances (or none), any answers, skips and importance."""
    parties = draw(st.lists(st.sampled_from(["X", "Y", "Z"]), min_size=1, max_size=3, unique=True))
    n = draw(st.integers(1, 5))
    stances = {f"s{i}": {p: draw(STANCES) for p in parties} for i in range(n)}
    stances["s0"][parties[0]] = draw(st.integers(-2, 2))  # at least one stated position
    quiz = make_quiz(WEIGHTS, stances)
    values = {sid: draw(STANCES) for sid in stances}
    important = frozenset(sid for sid in stances if values[sid] is not None and draw(st.booleans()))
    return quiz, Answers(values, important)
