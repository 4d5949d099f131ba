"""Chart data: ties flagged, 'no stated position' distinct by shape, contrast, any party id."""

from __future__ import annotations

import altair as alt
import pytest

from quiz import charts
from quiz.model import AnswerOption, Answers, Scale, Text
from quiz.scoring import score
from tests.conftest import make_quiz

NBSP = "\u00a0"


def contrast(first: str, second: str) -> float:
    """WCAG 2.1 contrast ratio of two #rrggbb colours."""
    def luminance(colour: str) -> float:
        channels = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
        r, g, b = (c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
        return 0.2126 * r + 0.7152 * g + 0.0722 * b
    high, low = sorted((luminance(first), luminance(second)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_match_frame_is_sorted_and_marks_ties(five_point):
    quiz = make_quiz(five_point, {"a": {"X": 2, "Y": 2, "Z": -2}})
    frame = charts.match_frame(quiz, score(quiz, Answers({"a": 2})), "sv", lambda n, of: f"baserat på {n} av {of}")
    assert list(frame["party"]) == ["X", "Y", "Z"]
    assert list(frame["place"]) == [0, 1, 2]  # the chart's rows, so bars follow the rank
    assert list(frame["tied"]) == [True, True, False]
    assert list(frame["heading"]) == [f"X · 100{NBSP}% (=)", f"Y · 100{NBSP}% (=)", f"Z · 0{NBSP}%"]
    assert list(frame["basis"]) == ["baserat på 1 av 1"] * 3
    assert isinstance(charts.match_chart(frame, "%"), alt.LayerChart)


def test_match_headings_use_the_page_language(five_point):
    quiz = make_quiz(five_point, {"a": {"X": 1}, "b": {"X": 2}, "c": {"X": 2}})
    frame = charts.match_frame(quiz, score(quiz, Answers({"a": 2, "b": 2, "c": 1})), "en", lambda n, of: f"{n} of {of}")
    assert list(frame["heading"]) == ["X · 83%"]  # (3 + 4 + 3)/12 = 83.3 %


def test_no_position_and_somewhat_disagree_differ_in_shape_not_only_colour(five_point):
    quiz = make_quiz(five_point, {"a": {"X": 1, "Y": None}, "b": {"X": -2, "Y": -1}})
    frame = charts.comparison_frame(quiz, Answers({"a": 2}), ["X", "Y"], "sv", "Du", ["a", "b"])
    assert list(frame["symbol"]) == ["++", "+", "∅", "·", "−−", "−"]
    assert charts.NO_POSITION not in charts.SYMBOLS.values()
    assert charts.comparison_chart(frame).to_dict()["layer"]  # validates against the schema


@pytest.mark.parametrize("party", ["Du", "order", "statement", "column", "key"])
def test_a_party_id_never_collides_with_the_you_column(five_point, party):
    quiz = make_quiz(five_point, {"a": {party: 2}})
    frame = charts.comparison_frame(quiz, Answers({"a": 2}), [party], "sv", "Du", ["a"])
    assert list(frame["key"]) == ["you", "p0"]
    assert len(set(frame["column"])) == 2
    assert charts.comparison_chart(frame).to_dict()


def test_unique_labels_number_the_repeats():
    assert charts.unique_labels(["Du", "Du", "S", "Du"]) == ["Du", "Du (2)", "S", "Du (3)"]


def test_every_symbol_is_readable_on_its_colour():
    for tone, background in charts.TONE_COLOURS.items():
        ink = charts.LIGHT_INK if tone in charts.DARK_TONES else charts.INK
        assert contrast(ink, background) >= 4.5, tone
    for background in charts.HEATMAP_RANGE:
        assert contrast(charts.INK, background) >= 4.5


def test_symbols_and_tones_work_on_any_scale_from_2_to_11_options():
    seven = Scale(tuple(AnswerOption(v, Text(str(v), str(v))) for v in (3, 2, 1, 0, -1, -2, -3)), Text("s", "s"))
    assert [charts.symbol(v) for v in seven.values] == ["+3", "++", "+", "0", "−", "−−", "−3"]
    # strong when more than half-way to the end: |3| and |2| of 3; mild: |1|
    assert [charts.tone(v, seven) for v in seven.values] == [
        "strong_agree", "strong_agree", "agree", "neutral", "disagree", "strong_disagree", "strong_disagree"]
    two = Scale((AnswerOption(1, Text("ja", "yes")), AnswerOption(-1, Text("nej", "no"))), Text("s", "s"))
    assert [charts.tone(v, two) for v in two.values] == ["strong_agree", "strong_disagree"]


def test_the_legend_comes_from_the_scale_labels(five_point):
    assert charts.legend(five_point.scale, "sv", "inget uttalat ställningstagande", "inte besvarat") == (
        "++ Helt enig, + Delvis enig, 0 Neutral, − Delvis oenig, −− Helt oenig, "
        "∅ inget uttalat ställningstagande, · inte besvarat")


def test_topic_frame_scores_each_topic_on_its_own(five_point):
    quiz = make_quiz(five_point, {"a": {"X": 2}, "b": {"X": -2}})
    frame = charts.topic_frame(quiz, Answers({"a": 2, "b": 2}), ["X"], None, "sv")
    # both statements are in topic "t": (4 + 0) / 8 = 50 %
    assert frame.to_dict("records") == [{"topic": "t", "party": "X", "percent": 50, "label": f"50{NBSP}%"}]
    assert charts.topic_heatmap(frame, ["X"], "%").to_dict()["layer"]  # validates against the schema


def test_the_png_carries_title_date_method_and_link(five_point):
    quiz = make_quiz(five_point, {"a": {"X": 2}})
    frame = charts.match_frame(quiz, score(quiz, Answers({"a": 2})), "sv", lambda n, of: f"{n} av {of}")
    spec = charts.titled(charts.match_chart(frame, "%").to_dict(), "Valkompass X",
                         ["2026-11-29 · Avstånd (standard)", "http://127.0.0.1/?r=abc"])
    assert spec["title"]["text"] == "Valkompass X"
    assert spec["title"]["subtitle"] == ["2026-11-29 · Avstånd (standard)", "http://127.0.0.1/?r=abc"]
    assert charts.chart_png(spec).startswith(b"\x89PNG")
    alt.LayerChart.from_dict(spec)  # still a valid Vega-Lite spec


def inline(spec: dict) -> dict:
    """Altair's spec with its named dataset on one layer holding its layers, as `with_data` writes it."""
    data = spec["datasets"][spec["data"]["name"]]
    rest = {k: v for k, v in spec.items() if k not in ("datasets", "data", "layer")}
    return {**rest, "layer": [{"data": {"values": data}, "layer": spec["layer"]}]}


def test_a_template_with_new_rows_equals_the_chart_built_for_them(five_point):
    quiz = make_quiz(five_point, {"a": {"X": 2, "Y": None}, "b": {"X": -2, "Y": 1}})
    every, given = Answers({"a": 2, "b": 2}), Answers({"a": -2, "b": None})
    parties, ids = ["X", "Y"], ["a", "b"]
    based_on = lambda n, of: f"{n}"  # noqa: E731
    cases = [
        (charts.match_chart(charts.match_frame(quiz, score(quiz, every), "sv", based_on), "%"),
         charts.match_rows(quiz, score(quiz, given), "sv", based_on),
         charts.match_chart(charts.match_frame(quiz, score(quiz, given), "sv", based_on), "%")),
        (charts.comparison_chart(charts.comparison_frame(quiz, every, parties, "sv", "Du", ids)),
         charts.comparison_rows(quiz, given, parties, "sv", "Du", ids),
         charts.comparison_chart(charts.comparison_frame(quiz, given, parties, "sv", "Du", ids))),
        (charts.topic_heatmap(charts.topic_frame(quiz, every, parties, None, "sv"), parties, "%"),
         charts.topic_rows(quiz, given, parties, None, "sv"),
         charts.topic_heatmap(charts.topic_frame(quiz, given, parties, None, "sv"), parties, "%")),
    ]
    for template, rows, built_for_them in cases:
        spec = charts.with_data(template.to_dict(), rows)
        assert "data" not in spec and "datasets" not in spec   # Streamlit would make an Arrow table of it
        assert spec == inline(built_for_them.to_dict())
        alt.LayerChart.from_dict(spec)  # a valid Vega-Lite spec
        assert charts.chart_png(spec) == charts.chart_png(built_for_them.to_dict())  # and drawn the same
