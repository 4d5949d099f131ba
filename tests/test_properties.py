"""Invariants of scoring, for any quiz and any answers (Hypothesis)."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from quiz.batch import BatchScorer
from quiz.load import load_weights
from quiz.model import Answers, Quiz
from quiz.scoring import score
from tests.conftest import FIXTURES, make_quiz
from tests.conftest import WEIGHTS as FIVE_POINT

WEIGHTS = {
    "five": load_weights(FIVE_POINT),
    "svt": load_weights(FIXTURES / "svt-rule" / "weights.yaml"),
    "wahlomat": load_weights(FIXTURES / "wahlomat-rule" / "weights.yaml"),
}
PARTIES = ("P", "Q", "R")


@st.composite
def cases(draw: st.DrawFn) -> tuple[Quiz, Answers, str]:
    weights = WEIGHTS[draw(st.sampled_from(sorted(WEIGHTS)))]
    values = weights.scale.values
    n = draw(st.integers(1, 8))
    ids = [f"s{i}" for i in range(n)]
    stance = st.one_of(st.none(), st.sampled_from(values))
    stances = {sid: {p: draw(stance) for p in PARTIES} for sid in ids}
    party_important = frozenset(draw(st.sets(st.tuples(st.sampled_from(ids), st.sampled_from(PARTIES)))))
    quiz = make_quiz(weights, stances, party_important)
    answers = Answers({sid: draw(st.one_of(st.none(), st.sampled_from(values))) for sid in ids},
                      frozenset(draw(st.sets(st.sampled_from(ids)))))
    return quiz, answers, draw(st.sampled_from(sorted(weights.methods)))


@given(cases())
def test_scores_stay_between_0_and_100(case):
    quiz, answers, method = case
    for result in score(quiz, answers, method).values():
        assert result.percent is None or 0 <= result.percent <= 100


@given(cases())
def test_answering_like_a_party_scores_100(case):
    quiz, answers, method = case
    for party in quiz.parties:
        # where the party states nothing the answer is None (skipped), so it counts for no one, under
        # either missing-position rule; every shipped table gives its row's maximum on the diagonal
        same = Answers({s.id: s.stance(party) for s in quiz.statements}, answers.important)
        result = score(quiz, same, method)[party]
        stated = any(party in s.positions for s in quiz.statements)
        assert result.percent == (100 if stated else None)


@given(cases(), st.randoms())
def test_reordering_statements_changes_nothing(case, random):
    quiz, answers, method = case
    shuffled = list(quiz.statements)
    random.shuffle(shuffled)
    reordered = replace(quiz, statements=tuple(shuffled))
    assert score(reordered, answers, method) == score(quiz, answers, method)


@given(cases(), st.data())
def test_skipping_a_statement_equals_deleting_it(case, data):
    quiz, answers, method = case
    gone = data.draw(st.sampled_from([s.id for s in quiz.statements]))
    skipped = Answers({**answers.values, gone: None}, answers.important)
    without = replace(quiz, statements=tuple(s for s in quiz.statements if s.id != gone))
    remaining = Answers({k: v for k, v in answers.values.items() if k != gone}, answers.important - {gone})
    assert score(quiz, skipped, method) == score(without, remaining, method)


@settings(max_examples=150)
@given(cases())
def test_batch_gives_exactly_the_single_result(case):
    quiz, answers, method = case
    values = quiz.weights.scale.values
    crowd = [answers, Answers({k: (values[0] if v is None else None) for k, v in answers.values.items()})]
    batch = BatchScorer(quiz, method).score_answers(crowd)
    for r, respondent in enumerate(crowd):
        single = score(quiz, respondent, method)
        for p, party in enumerate(batch.parties):
            expected = single[party]
            assert batch.points[r, p] == expected.points and batch.max_points[r, p] == expected.max_points
            assert batch.counted[r, p] == expected.counted and batch.answered[r] == expected.answered
            percent = batch.percent[r, p]
            assert (np.isnan(percent) and expected.percent is None) or percent == expected.percent
