"""Class aggregates: locked below the threshold, spreads and averages above it."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from quiz.classroom import Room, summarise, summary_csv
from quiz.model import Answers
from tests.conftest import make_quiz


@pytest.fixture
def quiz(five_point):
    return make_quiz(five_point, {"a": {"X": 2, "Y": -2}, "b": {"X": 0, "Y": 0}, "c": {"X": 1, "Y": None}})


def room(threshold: int = 5) -> Room:
    return Room(1, "ABCDEFGH", "mem", ("a", "b", "c"), ("X", "Y"), threshold, False, False, datetime.now(UTC))


def test_nothing_is_shown_below_the_threshold(quiz):
    summary = summarise(quiz, room(), [Answers({"a": 2})] * 4)
    assert (summary.finished, summary.unlocked, summary.statements, summary.party_means) == (4, False, (), {})


def test_spreads_averages_and_discussion_picks(quiz):
    # five pupils: "a" splits the class (2, 2, 2, -2, -2), "b" everyone neutral, "c" two skip
    pupils = [Answers({"a": v, "b": 0, "c": 1 if i < 3 else None}) for i, v in enumerate([2, 2, 2, -2, -2])]
    summary = summarise(quiz, room(), pupils)
    spreads = {s.statement_id: s for s in summary.statements}
    assert spreads["a"].counts == {2: 3, 1: 0, 0: 0, -1: 0, -2: 2}
    assert round(spreads["a"].spread, 3) == 1.960  # std of (2, 2, 2, -2, -2) = sqrt(3.84)
    assert "c" not in spreads  # only 3 of 5 answered it: below the threshold, so hidden
    assert summary.divisive == ("a",) and summary.consensus == ("b",)
    # X: pupils 1-3 (4+4+4)/12 = 100 %, pupils 4-5 (0+4)/8 = 50 % → mean 80 %
    assert summary.party_means["X"] == pytest.approx((100 + 100 + 100 + 50 + 50) / 5)


def test_csv_holds_aggregates_only(quiz):
    pupils = [Answers({"a": 2, "b": 0}) for _ in range(5)]
    text = summary_csv(quiz, summarise(quiz, room(), pupils))
    assert text.splitlines()[0].startswith("kind,id,text,answered,skipped,mean,spread")
    assert len(text.splitlines()) == 1 + 2 + 2  # header, 2 statements shown, 2 parties


def test_projector_charts_have_no_text_under_24_px(quiz):
    from quiz import class_charts

    pupils = [Answers({"a": v, "b": 0, "c": 1}) for v in (2, 2, 1, -1, -2)]
    summary = summarise(quiz, room(), pupils)
    numbers = {"a": 1, "b": 2, "c": 3}
    frame = class_charts.class_distribution_frame(quiz, summary.statements, numbers, "sv")
    specs = [class_charts.class_distribution_chart(frame, "Andel", class_charts.PROJECTOR).to_dict(),
             class_charts.party_means_chart(class_charts.party_means_frame(quiz, summary.party_means, "sv"), "%",
                                            class_charts.PROJECTOR).to_dict()]
    sizes = [value for spec in specs for key, value in _walk(spec) if key.endswith("ontSize")]
    assert sizes and min(sizes) >= 24
    # answers in the order of the scale (most agreeing first, skipped last), never alphabetical
    assert list(dict.fromkeys(frame["answer"])) == ["Helt enig", "Delvis enig", "Neutral", "Delvis oenig",
                                                    "Helt oenig", "Hoppa över"]


def _walk(node, key=""):
    if isinstance(node, dict):
        for k, v in node.items():
            yield from _walk(v, k)
    elif isinstance(node, list):
        for v in node:
            yield from _walk(v, key)
    else:
        yield key, node
