"""Tables and Altair charts of a result. Builders return data frames and charts; none draws them.

Every chart has a table with the same numbers (the accessible alternative), and never relies on
colour alone: bars carry party names and percentages, grid cells carry a symbol.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any, cast

import altair as alt
import pandas as pd
import vl_convert

from quiz.model import Answers, Quiz
from quiz.scoring import PartyScore, rank, score

if TYPE_CHECKING:  # only for the annotation: importing the classroom package loads SQLAlchemy
    from quiz.classroom.aggregate import StatementSpread

SYMBOLS = {2: "++", 1: "+", 0: "0", -1: "−", -2: "−−"}
NO_POSITION = "–"
STANCE_COLOURS = {"++": "#1a7f37", "+": "#7cc48a", "0": "#e9e3c9", "−": "#f0a08c", "−−": "#c0392b",
                  NO_POSITION: "#ffffff"}


def match_frame(quiz: Quiz, scores: Mapping[str, PartyScore], lang: str, based_on: str) -> pd.DataFrame:
    """One row per party, best match first; `based_on` is a template with {n} and {of}."""
    rows = []
    for ranked in rank(scores):
        entry, party = ranked.score, quiz.parties[ranked.score.party]
        percent = entry.percent
        rows.append({
            "party": party.id, "name": party.name.get(lang), "color": party.color,
            "percent": None if percent is None else round(percent, 1), "rank": ranked.rank, "tied": ranked.tied,
            "counted": entry.counted, "answered": entry.answered,
            "heading": f"{party.name.get(lang)} · " + ("–" if percent is None else f"{percent:.0f} %")
                       + (" (=)" if ranked.tied else ""),
            "basis": based_on.format(n=entry.counted, of=entry.answered),
        })
    return pd.DataFrame(rows)


def match_chart(frame: pd.DataFrame, title: str) -> alt.LayerChart:
    """Horizontal bars, best match first. Above each bar its party, percentage and a tie mark
    ("=") in text; below it the basis ("based on 18 of 30 statements"). Narrow enough for a phone."""
    base = alt.Chart().encode(y=alt.Y("party:N", sort=list(frame["party"]), title=None, axis=None))
    bars = base.mark_bar(size=14, cornerRadiusEnd=3).encode(
        x=alt.X("percent:Q", scale=alt.Scale(domain=[0, 100]), title=title),
        color=alt.Color("color:N", scale=None),
        tooltip=[alt.Tooltip("name:N"), alt.Tooltip("percent:Q"), alt.Tooltip("counted:Q"),
                 alt.Tooltip("answered:Q")])
    heading = base.mark_text(align="left", dy=-17, fontSize=13, fontWeight="bold", color="#1f2328").encode(
        x=alt.value(0), text=alt.Text("heading:N"))
    basis = base.mark_text(align="left", dy=17, fontSize=11, color="#57606a").encode(
        x=alt.value(0), text=alt.Text("basis:N"))
    return alt.LayerChart(data=frame, layer=[bars, heading, basis]).properties(height=alt.Step(66), width="container")


def comparison_frame(quiz: Quiz, answers: Answers, parties: Sequence[str], lang: str,
                     you: str, statement_ids: Sequence[str]) -> pd.DataFrame:
    """One row per statement × (you + each party): the answer or stance as a symbol."""
    rows = []
    for number, statement_id in enumerate(statement_ids, start=1):
        statement = quiz.statement(statement_id)
        label = f"{number}. {_shorten(statement.text.get(lang), 48)}"
        value = answers.values.get(statement_id)
        rows.append({"statement": label, "column": you, "symbol": SYMBOLS.get(value, "·") if value is not None
                     else "·", "order": number})
        for party in parties:
            stance = statement.stance(party)
            rows.append({"statement": label, "column": party,
                         "symbol": NO_POSITION if stance is None else SYMBOLS[stance], "order": number})
    return pd.DataFrame(rows)


def comparison_chart(frame: pd.DataFrame) -> alt.LayerChart:
    """A grid of statements × (you + parties); each cell shows its symbol, coloured by stance."""
    columns = list(dict.fromkeys(frame["column"]))
    base = alt.Chart().encode(
        x=alt.X("column:N", sort=columns, title=None, axis=alt.Axis(orient="top", labelAngle=0, labelOverlap=False)),
        y=alt.Y("statement:N", sort=alt.SortField("order"), title=None, axis=alt.Axis(labelLimit=260)))
    colours = alt.Scale(domain=list(STANCE_COLOURS), range=list(STANCE_COLOURS.values()))
    cells = base.mark_rect(stroke="#9aa0a6", strokeWidth=0.5).encode(
        color=alt.Color("symbol:N", scale=colours, legend=None))
    text = base.mark_text(fontSize=13, fontWeight="bold").encode(
        text=alt.Text("symbol:N"), tooltip=[alt.Tooltip("statement:N"), alt.Tooltip("column:N")])
    return alt.LayerChart(data=frame, layer=[cells, text]).properties(width="container", height=alt.Step(26))


def topic_frame(quiz: Quiz, answers: Answers, parties: Sequence[str], method: str | None,
                lang: str) -> pd.DataFrame:
    """Agreement per topic and party: the match over that topic's statements only."""
    rows = []
    for topic in quiz.topics.values():
        ids = {s.id for s in quiz.statements if s.topic == topic.id}
        subset = Answers({k: v for k, v in answers.values.items() if k in ids}, answers.important & ids)
        for party, entry in score(quiz, subset, method, parties).items():
            if entry.answered:
                rows.append({"topic": topic.name.get(lang), "party": party,
                             "percent": None if entry.percent is None else round(entry.percent),
                             "label": "–" if entry.percent is None else f"{entry.percent:.0f}"})
    return pd.DataFrame(rows, columns=["topic", "party", "percent", "label"])


def topic_heatmap(frame: pd.DataFrame, parties: Sequence[str], title: str) -> alt.LayerChart:
    """Topics × parties, shaded by agreement; cells with no basis stay white and show '–'."""
    base = alt.Chart().encode(
        x=alt.X("party:N", sort=parties, title=None, axis=alt.Axis(orient="top", labelAngle=0, labelOverlap=False)),
        y=alt.Y("topic:N", title=None, axis=alt.Axis(labelLimit=200)))
    cells = base.mark_rect(stroke="#ffffff").encode(
        color=alt.Color("percent:Q", scale=alt.Scale(domain=[0, 100], scheme="greens"), legend=None),
        tooltip=[alt.Tooltip("topic:N"), alt.Tooltip("party:N"), alt.Tooltip("percent:Q", title=title)])
    text = base.mark_text(fontSize=13).encode(
        text=alt.Text("label:N"), color=alt.condition("datum.percent > 60", alt.value("#ffffff"), alt.value("#1f2328")))
    return alt.LayerChart(data=frame, layer=[cells, text]).properties(width="container", height=alt.Step(30))


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


def chart_png(spec: dict[str, Any], width: int = 600) -> bytes:
    """A chart's Vega-Lite spec as a PNG, rendered locally by vl-convert (no network)."""
    return bytes(vl_convert.vegalite_to_png({**spec, "width": width}, scale=2))
