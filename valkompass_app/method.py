"""'Om metoden': the formula in plain words with a worked example, the rules, sources, open data."""

from __future__ import annotations

from fractions import Fraction

import pandas as pd
import streamlit as st

from quiz.export import positions_csv
from quiz.model import Quiz
from quiz.rules import percent
from quiz.scoring import pair_points
from valkompass_app.state import View, escape, go
from valkompass_app.strings import t, tn


def render_method(view: View) -> None:
    quiz, lang = view.quiz, view.lang
    st.title(t("method_page", lang), anchor=False)
    st.markdown(t("method_formula", lang))
    st.markdown(f"**{t('formula', lang)}**")
    st.markdown(escape(worked_example(quiz, lang)))
    st.markdown(tn("method_important", "method_important_plural", quiz.weights.important_weight, lang))
    missing = quiz.weights.missing
    st.markdown(t("missing_drop", lang) if missing.rule == "drop"
                else t("missing_penalty", lang, n=float(missing.max_points)))
    st.subheader(t("methods_heading", lang), anchor=False)
    for method in quiz.weights.methods.values():
        st.markdown(f"**{escape(method.name.get(lang))}** – {escape(method.description.get(lang))}")
    st.subheader(t("all_sources", lang), anchor=False)
    for source in quiz.sources.values():
        party = quiz.parties[source.party].name.get(lang)
        st.markdown("- " + escape(t("method_source", lang, party=party, title=source.title, kind=source.kind.get(lang),
                                    year=source.year, file=source.file)))
    st.subheader(t("matrix_heading", lang), anchor=False)
    matrix = positions_csv(quiz, view.parties)
    st.download_button(t("download_matrix", lang), matrix, file_name=f"{quiz.id}-stallningstaganden.csv",
                       mime="text/csv", key="dl_matrix", on_click="ignore")
    with st.expander(t("matrix_show", lang)):
        st.table(_matrix_table(quiz, view).set_index(t("statement", lang)))
    st.button(t("back_to_quiz", lang), key="method_back", on_click=go, args=("question",))


def worked_example(quiz: Quiz, lang: str) -> str:
    """The default method applied to three answers and stances, computed by the engine."""
    weights = quiz.weights
    method = weights.method()
    values = weights.scale.values
    answers = [values[0], values[0], values[-1]]
    stances = [values[0], values[-2], values[len(values) // 2]]
    pairs = [pair_points(weights, method, a, s) for a, s in zip(answers, stances, strict=True)]
    points, maximum = sum((p for p, _ in pairs), Fraction(0)), sum((m for _, m in pairs), Fraction(0))
    return t("method_example", lang, method=method.name.get(lang),
             answers=", ".join(weights.scale.label(a).get(lang) for a in answers),
             stances=", ".join(weights.scale.label(s).get(lang) for s in stances),
             points=f"{float(points):g}", max=f"{float(maximum):g}",
             percent=f"{float(percent(points, maximum)):.1f}")


def _matrix_table(quiz: Quiz, view: View) -> pd.DataFrame:
    """Statements by parties. A party id may equal the statement column's label ("Statement"),
    so the columns are made distinct rather than let one overwrite the other."""
    rows = []
    for statement_id in view.statement_ids:
        statement = quiz.statement(statement_id)
        row = [statement.text.get(view.lang)]
        for party in view.parties:
            stance = statement.stance(party)
            row.append("–" if stance is None else quiz.weights.scale.label(stance).get(view.lang))
        rows.append(row)
    return pd.DataFrame(rows, columns=_distinct([t("statement", view.lang), *view.parties]))


def _distinct(labels: list[str]) -> list[str]:
    distinct: list[str] = []
    for label in labels:
        number, unique = 1, label
        while unique in distinct:
            number += 1
            unique = f"{label} ({number})"
        distinct.append(unique)
    return distinct
