"""Charts of a class's published results, for a projector at the back of a classroom and for phones.

Answers stack in the order of the scale (most agreeing first, skipped last), never alphabetically.
On the projector every label is at least 24 px at 1920 px; on a phone the legend wraps in two
columns so that nothing is clipped at 390 px.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, cast

import altair as alt
import pandas as pd

from quiz.model import Quiz

if TYPE_CHECKING:  # only for the annotation: importing the classroom package loads SQLAlchemy
    from quiz.classroom.aggregate import StatementSpread

SKIP_COLOUR = "#d0d7de"
TEXT_COLOUR = "#1f2328"  # dark labels: Vega's default grey is too faint from the back of a room
DIVERGING = ("#1a7f37", "#2f9a4c", "#55b065", "#7cc48a", "#a9d9b0", "#e9e3c9", "#f5c2b3", "#f0a08c", "#e0735e",
             "#d0563f", "#c0392b")


@dataclass(frozen=True)
class Sizing:
    """Font sizes (px) and geometry of one screen."""

    label: int
    title: int
    bar: int
    label_limit: int
    legend_columns: int


PROJECTOR = Sizing(label=24, title=28, bar=56, label_limit=900, legend_columns=6)
PHONE = Sizing(label=13, title=14, bar=30, label_limit=150, legend_columns=2)


def answer_colours(count: int) -> list[str]:
    """`count` colours from green (agree) to red (disagree), evenly spread over the palette."""
    if count == 1:
        return [DIVERGING[0]]
    return [DIVERGING[round(i * (len(DIVERGING) - 1) / (count - 1))] for i in range(count)]


def class_distribution_frame(quiz: Quiz, spreads: Sequence[StatementSpread], numbers: dict[str, int],
                             lang: str, limit: int = 60) -> pd.DataFrame:
    """One row per statement × answer, in scale order; `numbers` gives each statement its number
    in the room (1 = the room's first statement)."""
    scale = quiz.weights.scale
    rows = []
    for spread in spreads:
        number = numbers[spread.statement_id]
        text = quiz.statement(spread.statement_id).text.get(lang)
        label = f"{number}. {text if len(text) <= limit else text[: limit - 1].rstrip() + '…'}"
        total = spread.answered + spread.skipped
        options = [(o.label.get(lang), spread.counts.get(o.value, 0)) for o in scale.answers]
        for order, (answer, count) in enumerate([*options, (scale.skip.get(lang), spread.skipped)]):
            rows.append({"statement": label, "answer": answer, "count": count, "order": order, "row": number,
                         "share": count / total if total else 0.0})
    return pd.DataFrame(rows, columns=["statement", "answer", "count", "order", "row", "share"])


def class_distribution_chart(frame: pd.DataFrame, title: str, sizing: Sizing) -> alt.Chart:
    """Stacked bars per statement, from 'strongly agree' to 'skip', as shares of the class."""
    answers = list(dict.fromkeys(frame.sort_values("order")["answer"]))
    colours = [*answer_colours(len(answers) - 1), SKIP_COLOUR]
    chart = alt.Chart(frame).mark_bar().encode(
        y=alt.Y("statement:N", sort=alt.SortField("row"), title=None,
                axis=alt.Axis(labelLimit=sizing.label_limit, labelFontSize=sizing.label)),
        x=alt.X("count:Q", stack="normalize", title=title,
                axis=alt.Axis(format="%", labelFontSize=sizing.label, titleFontSize=sizing.title)),
        color=alt.Color("answer:N", sort=answers, scale=alt.Scale(domain=answers, range=colours),
                        legend=alt.Legend(orient="bottom", title=None, columns=sizing.legend_columns,
                                          labelFontSize=sizing.label, symbolSize=sizing.label * 12,
                                          labelLimit=sizing.label_limit)),
        order=alt.Order("order:Q"),
        tooltip=[alt.Tooltip("statement:N"), alt.Tooltip("answer:N"), alt.Tooltip("count:Q")])
    return cast(alt.Chart, chart.properties(width="container", height=alt.Step(sizing.bar))
                .configure_axis(labelColor=TEXT_COLOUR, titleColor=TEXT_COLOUR)
                .configure_legend(labelColor=TEXT_COLOUR))


def party_means_frame(quiz: Quiz, means: dict[str, float | None], lang: str) -> pd.DataFrame:
    """One row per party with a class average, best first."""
    rows = [{"party": quiz.parties[p].name.get(lang), "percent": round(m, 1), "colour": quiz.parties[p].color}
            for p, m in means.items() if m is not None and p in quiz.parties]
    frame = pd.DataFrame(rows, columns=["party", "percent", "colour"])
    return frame.sort_values(["percent", "party"], ascending=[False, True]).reset_index(drop=True)


def party_means_chart(frame: pd.DataFrame, title: str, sizing: Sizing) -> alt.LayerChart:
    """Horizontal bars of the class's average match per party (0–100 %), with the number at the end."""
    base = alt.Chart(frame).encode(
        y=alt.Y("party:N", sort=None, title=None,
                axis=alt.Axis(labelFontSize=sizing.label, labelLimit=sizing.label_limit)),
        x=alt.X("percent:Q", scale=alt.Scale(domain=[0, 100]), title=title,
                axis=alt.Axis(labelFontSize=sizing.label, titleFontSize=sizing.title)))
    bars = base.mark_bar().encode(color=alt.Color("colour:N", scale=None, legend=None),
                                  tooltip=[alt.Tooltip("party:N"), alt.Tooltip("percent:Q")])
    numbers = base.mark_text(align="left", dx=6, fontSize=sizing.label, color=TEXT_COLOUR).encode(
        text=alt.Text("percent:Q", format=".0f"))
    layered = alt.LayerChart(data=frame, layer=[bars, numbers]).properties(width="container",
                                                                          height=alt.Step(sizing.bar))
    return cast(alt.LayerChart, layered.configure_axis(labelColor=TEXT_COLOUR, titleColor=TEXT_COLOUR))
