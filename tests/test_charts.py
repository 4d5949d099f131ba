"""Chart data: ties flagged, 'no stated position' distinct, topics computed per topic."""

import altair as alt

from quiz import charts
from quiz.model import Answers
from quiz.scoring import score
from tests.conftest import make_quiz


def test_match_frame_is_sorted_and_marks_ties(five_point):
    quiz = make_quiz(five_point, {"a": {"X": 2, "Y": 2, "Z": -2}})
    frame = charts.match_frame(quiz, score(quiz, Answers({"a": 2})), "sv", "baserat på {n} av {of}")
    assert list(frame["party"]) == ["X", "Y", "Z"]
    assert list(frame["tied"]) == [True, True, False]
    assert list(frame["heading"]) == ["X · 100 % (=)", "Y · 100 % (=)", "Z · 0 %"]
    assert list(frame["basis"]) == ["baserat på 1 av 1"] * 3
    assert isinstance(charts.match_chart(frame, "%"), alt.LayerChart)


def test_comparison_frame_shows_no_position_distinctly(five_point):
    quiz = make_quiz(five_point, {"a": {"X": 1, "Y": None}, "b": {"X": -2, "Y": 0}})
    frame = charts.comparison_frame(quiz, Answers({"a": 2}), ["X", "Y"], "sv", "Du", ["a", "b"])
    assert list(frame["symbol"]) == ["++", "+", charts.NO_POSITION, "·", "−−", "0"]
    assert charts.comparison_chart(frame).to_dict()["layer"]


def test_topic_frame_scores_each_topic_on_its_own(five_point):
    quiz = make_quiz(five_point, {"a": {"X": 2}, "b": {"X": -2}})
    frame = charts.topic_frame(quiz, Answers({"a": 2, "b": 2}), ["X"], None, "sv")
    # both statements are in topic "t": (4 + 0) / 8 = 50 %
    assert frame.to_dict("records") == [{"topic": "t", "party": "X", "percent": 50, "label": "50"}]
    assert charts.topic_heatmap(frame, ["X"], "%").to_dict()["layer"]  # validates against the schema


def test_the_match_chart_renders_to_png_offline(five_point):
    quiz = make_quiz(five_point, {"a": {"X": 2}})
    frame = charts.match_frame(quiz, score(quiz, Answers({"a": 2})), "sv", "{n} av {of}")
    assert charts.chart_png(charts.match_chart(frame, "%").to_dict()).startswith(b"\x89PNG")
