"""Tables and Altair charts of a result. Builders return data frames and charts; none draws them.

Every chart has a table with the same numbers (the accessible alternative), and never relies on
colour alone: bars carry party names and percentages, grid cells carry a symbol.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, cast

import altair as alt
import pandas as pd
import vl_convert

from quiz.model import Answers, Quiz, Scale
from quiz.numbers import share
from quiz.scoring import PartyScore, rank, score

if TYPE_CHECKING:  # only for the annotation: importing the classroom package loads SQLAlchemy
    from quiz.classroom.aggregate import StatementSpread

Rows = list[dict[str, Any]]
"""A chart's data as plain records, one dict per row (`None` where a value is missing)."""
SYMBOLS = {2: "++", 1: "+", 0: "0", -1: "−", -2: "−−"}
NO_POSITION = "∅"
NOT_ANSWERED = "·"
STANCE_COLOURS = {"++": "#1a7f37", "+": "#a6dba0", "0": "#e9e3c9", "−": "#f4b6a6", "−−": "#b42318",
                  NO_POSITION: "#ffffff"}
TONES = ("strong_agree", "agree", "neutral", "disagree", "strong_disagree", "none")
TONE_COLOURS = dict(zip(TONES, STANCE_COLOURS.values(), strict=True))
DARK_TONES = {"strong_agree", "strong_disagree"}
INK, LIGHT_INK = "#1f2328", "#ffffff"
HEATMAP_RANGE = ("#f7fcf5", "#6fbf73")  # dark text stays ≥ 4.5:1 on every shade
AXIS: dict[str, Any] = {"labelColor": INK, "titleColor": INK, "labelFontSize": 12}  # 15.8:1, not the theme's light grey


def symbol(value: int | None) -> str:
    """A stance or answer as text, told apart by shape, never only by colour: "++", "+", "0",
    "−", "−−" on the 5-point scale; "+3", "−3" beyond; "∅" for no stated position."""
    if value is None:
        return NO_POSITION
    if value in SYMBOLS:
        return SYMBOLS[value]
    return ("+" if value > 0 else "−") + str(abs(value))


def tone(value: int | None, scale: Scale) -> str:
    """The colour class of a stance: strong/mild agree or disagree by its share of the scale's end."""
    if value is None:
        return "none"
    end = max(abs(v) for v in scale.values) or 1
    if value == 0:
        return "neutral"
    side = "agree" if value > 0 else "disagree"
    return f"strong_{side}" if 2 * abs(value) > end else side


def legend(scale: Scale, lang: str, no_position: str, not_answered: str) -> str:
    """The symbols with the scale's own labels, e.g. "++ Helt enig, + Delvis enig, …"."""
    parts = [f"{symbol(option.value)} {option.label.get(lang)}" for option in scale.answers]
    return ", ".join([*parts, f"{NO_POSITION} {no_position}", f"{NOT_ANSWERED} {not_answered}"])


def unique_labels(labels: Sequence[str]) -> list[str]:
    """Labels made distinct for chart axes: a repeat gets " (2)", " (3)", …"""
    seen: dict[str, int] = {}
    result = []
    for label in labels:
        seen[label] = seen.get(label, 0) + 1
        result.append(label if seen[label] == 1 else f"{label} ({seen[label]})")
    return result


def match_frame(quiz: Quiz, scores: Mapping[str, PartyScore], lang: str,
                based_on: Callable[[int, int], str]) -> pd.DataFrame:
    """`match_rows` as a data frame."""
    return pd.DataFrame(match_rows(quiz, scores, lang, based_on))


def match_rows(quiz: Quiz, scores: Mapping[str, PartyScore], lang: str,
               based_on: Callable[[int, int], str]) -> Rows:
    """One row per party, best match first; `based_on(counted, answered)` is the basis line, so
    that it can take the plural the count needs ("1 av 1 påstående", "2 av 3 påståenden")."""
    rows: Rows = []
    for ranked in rank(scores):
        entry, party = ranked.score, quiz.parties[ranked.score.party]
        percent = entry.percent
        rows.append({
            "party": party.id, "place": len(rows), "name": party.name.get(lang), "color": party.color,
            "percent": None if percent is None else round(percent, 1), "rank": ranked.rank, "tied": ranked.tied,
            "counted": entry.counted, "answered": entry.answered,
            "heading": f"{party.name.get(lang)} · " + share(entry.match, lang)
                       + (" (=)" if ranked.tied else ""),
            "basis": based_on(entry.counted, entry.answered),
        })
    return rows


def match_chart(frame: pd.DataFrame, title: str) -> alt.LayerChart:
    """Horizontal bars, best match first. Above each bar its party, percentage and a tie mark
    ("=") in text; below it the basis ("based on 18 of 30 statements"). Narrow enough for a phone."""
    base = alt.Chart().encode(y=alt.Y("place:O", title=None, axis=None))  # rows in rank order
    bars = base.mark_bar(size=14, cornerRadiusEnd=3).encode(
        x=alt.X("percent:Q", scale=alt.Scale(domain=[0, 100]), title=title, axis=alt.Axis(**AXIS)),
        color=alt.Color("color:N", scale=None),
        tooltip=[alt.Tooltip("name:N"), alt.Tooltip("percent:Q"), alt.Tooltip("counted:Q"),
                 alt.Tooltip("answered:Q")])
    heading = base.mark_text(align="left", dy=-17, fontSize=13, fontWeight="bold", color="#1f2328").encode(
        x=alt.value(0), text=alt.Text("heading:N"))
    basis = base.mark_text(align="left", dy=17, fontSize=11, color="#57606a").encode(
        x=alt.value(0), text=alt.Text("basis:N"))
    return alt.LayerChart(data=frame, layer=[bars, heading, basis]).properties(
        height=alt.Step(66), width="container", autosize=_FIT_WIDTH)


def comparison_frame(quiz: Quiz, answers: Answers, parties: Sequence[str], lang: str,
                     you: str, statement_ids: Sequence[str]) -> pd.DataFrame:
    """`comparison_rows` as a data frame."""
    return pd.DataFrame(comparison_rows(quiz, answers, parties, lang, you, statement_ids),
                        columns=["statement", "key", "column", "symbol", "tone", "ink", "order"])


def comparison_rows(quiz: Quiz, answers: Answers, parties: Sequence[str], lang: str,
                    you: str, statement_ids: Sequence[str]) -> Rows:
    """One row per statement × (you + each party): the answer or stance as a symbol and a tone.

    `key` is positional ("you", "p0", "p1", …) and `column` a distinct display label, so that no
    party id or name can collide with another column (a party may be called "Du")."""
    scale = quiz.weights.scale
    rows: Rows = []
    keys = ["you", *(f"p{i}" for i in range(len(parties)))]
    columns = dict(zip(keys, unique_labels([you, *parties]), strict=True))
    looks = {value: (symbol(value), tone(value, scale)) for value in (None, *scale.values)}  # the same for every cell

    def look(value: int | None) -> tuple[str, str]:
        return looks.get(value) or (symbol(value), tone(value, scale))

    for number, statement_id in enumerate(statement_ids, start=1):
        statement = quiz.statement(statement_id)
        label = f"{number}. {_shorten(statement.text.get(lang), 48)}"
        value = answers.values.get(statement_id)
        cells = [("you", *((NOT_ANSWERED, "none") if value is None else look(value)))]
        cells += [(f"p{i}", *look(statement.stance(p))) for i, p in enumerate(parties)]
        for key, text, colour_class in cells:
            rows.append({"statement": label, "key": key, "column": columns[key], "symbol": text,
                         "tone": colour_class, "ink": LIGHT_INK if colour_class in DARK_TONES else INK,
                         "order": number})
    return rows


def comparison_chart(frame: pd.DataFrame) -> alt.LayerChart:
    """A grid of statements × (you + parties); each cell shows its symbol on a tone colour."""
    columns = list(dict.fromkeys(frame["column"]))
    base = alt.Chart().encode(
        x=alt.X("column:N", sort=columns, title=None,
                axis=alt.Axis(orient="top", labelAngle=0, labelOverlap=False, **AXIS)),
        y=alt.Y("statement:N", sort=alt.SortField("order"), title=None, axis=alt.Axis(labelLimit=260, **AXIS)))
    colours = alt.Scale(domain=list(TONE_COLOURS), range=list(TONE_COLOURS.values()))
    cells = base.mark_rect(stroke="#6e7781", strokeWidth=0.5).encode(
        color=alt.Color("tone:N", scale=colours, legend=None))
    text = base.mark_text(fontSize=13, fontWeight="bold").encode(
        text=alt.Text("symbol:N"), color=alt.Color("ink:N", scale=None),
        tooltip=[alt.Tooltip("statement:N"), alt.Tooltip("column:N"), alt.Tooltip("symbol:N")])
    return alt.LayerChart(data=frame, layer=[cells, text]).properties(
        width="container", height=alt.Step(26), autosize=_FIT_WIDTH)


def topic_frame(quiz: Quiz, answers: Answers, parties: Sequence[str], method: str | None,
                lang: str) -> pd.DataFrame:
    """`topic_rows` as a data frame."""
    return pd.DataFrame(topic_rows(quiz, answers, parties, method, lang),
                        columns=["topic", "party", "percent", "label"])


def topic_rows(quiz: Quiz, answers: Answers, parties: Sequence[str], method: str | None, lang: str) -> Rows:
    """Agreement per topic and party: the match over that topic's statements only."""
    rows: Rows = []
    topic_ids: dict[str, set[str]] = {}
    for statement in quiz.statements:
        topic_ids.setdefault(statement.topic, set()).add(statement.id)
    values = answers.values
    for topic in quiz.topics.values():
        ids = topic_ids.get(topic.id, set())
        subset = Answers({k: values[k] for k in ids if k in values}, answers.important & ids)
        if all(value is None for value in subset.values.values()):
            continue  # nothing answered: no row (score would say so at more cost)
        name = topic.name.get(lang)
        for party, entry in score(quiz, subset, method, parties).items():
            if entry.answered:
                rows.append({"topic": name, "party": party,
                             "percent": None if entry.percent is None else round(entry.percent),
                             "label": share(entry.match, lang)})
    return rows


def topic_heatmap(frame: pd.DataFrame, parties: Sequence[str], title: str) -> alt.LayerChart:
    """Topics × parties, shaded by agreement; cells with no basis stay white and show '–'."""
    base = alt.Chart().encode(
        x=alt.X("party:N", sort=parties, title=None,
                axis=alt.Axis(orient="top", labelAngle=0, labelOverlap=False, **AXIS)),
        y=alt.Y("topic:N", sort=list(dict.fromkeys(frame["topic"])), title=None, axis=alt.Axis(labelLimit=200, **AXIS)))
    cells = base.mark_rect(stroke="#ffffff").encode(
        color=alt.Color("percent:Q", scale=alt.Scale(domain=[0, 100], range=list(HEATMAP_RANGE)), legend=None),
        tooltip=[alt.Tooltip("topic:N"), alt.Tooltip("party:N"), alt.Tooltip("label:N", title=title)])
    text = base.mark_text(fontSize=13, color=INK).encode(text=alt.Text("label:N"))
    return alt.LayerChart(data=frame, layer=[cells, text]).properties(
        width="container", height=alt.Step(30), autosize=_FIT_WIDTH)


def with_data(template: dict[str, Any], rows: Rows) -> dict[str, Any]:
    """A layered chart's spec, built once (per quiz, language and parties), with this result's rows
    swapped in: Altair builds and serialises each chart once instead of once per set of answers.

    The rows go one level down, not at the top: Streamlit turns top-level data into an Arrow table
    (a pandas frame per chart and per visitor), while a layer's own data stays in the spec's JSON.
    They go once, on one layer that holds the template's layers, which share them: Vega-Lite
    draws that the same as Altair's own spec (tests/test_charts.py compares the pictures)."""
    spec = {key: value for key, value in template.items() if key not in ("datasets", "data", "layer")}
    spec["layer"] = [{"data": {"values": rows}, "layer": template["layer"]}]
    return spec


def titled(spec: dict[str, Any], title: str, lines: Sequence[str]) -> dict[str, Any]:
    """The spec with a title and subtitle lines (quiz, date, method, link) for a stand-alone image."""
    return {**spec, "title": {"text": title, "subtitle": list(lines), "anchor": "start", "fontSize": 15,
                              "subtitleFontSize": 11, "subtitleColor": "#57606a", "limit": 0}}


_FIT_WIDTH = alt.AutoSizeParams(type="fit-x", contains="padding")


def _shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def distribution_frame(quiz: Quiz, spreads: Sequence[StatementSpread], lang: str) -> pd.DataFrame:
    """One row per statement × answer: how many pupils gave it (skips as their own answer)."""
    scale = quiz.weights.scale
    rows = []
    for number, spread in enumerate(spreads, start=1):
        label = f"{number}. {_shorten(quiz.statement(spread.statement_id).text.get(lang), 48)}"
        for order, option in enumerate(scale.answers):
            rows.append({"statement": label, "answer": option.label.get(lang), "symbol": SYMBOLS.get(option.value, ""),
                         "count": spread.counts.get(option.value, 0), "order": order, "row": number})
        rows.append({"statement": label, "answer": scale.skip.get(lang), "symbol": "", "count": spread.skipped,
                     "order": len(scale.answers), "row": number})
    return pd.DataFrame(rows)


def distribution_chart(frame: pd.DataFrame, title: str) -> alt.Chart:
    """Stacked bars per statement, from 'strongly agree' to 'skip', as shares of the class."""
    answers = list(dict.fromkeys(frame["answer"]))
    colours = [*STANCE_COLOURS.values()][: len(answers) - 1] + ["#d0d7de"]
    chart = alt.Chart(frame).mark_bar().encode(
        y=alt.Y("statement:N", sort=alt.SortField("row"), title=None, axis=alt.Axis(labelLimit=260)),
        x=alt.X("count:Q", stack="normalize", title=title, axis=alt.Axis(format="%")),
        color=alt.Color("answer:N", sort=answers, scale=alt.Scale(domain=answers, range=colours),
                        legend=alt.Legend(orient="bottom", title=None, columns=3)),
        order=alt.Order("order:Q"),
        tooltip=[alt.Tooltip("statement:N"), alt.Tooltip("answer:N"), alt.Tooltip("count:Q")])
    return cast(alt.Chart, chart.properties(width="container", height=alt.Step(28)))


def chart_png(spec: dict[str, Any], width: int = 640) -> bytes:
    """A chart's Vega-Lite spec as a PNG on white, rendered locally by vl-convert (no network)."""
    return bytes(vl_convert.vegalite_to_png({**spec, "width": width, "background": "#ffffff"}, scale=2))
