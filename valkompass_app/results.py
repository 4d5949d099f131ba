"""The results: match per party, statement by statement, per topic, and how stable it is.

Every chart is followed by a table with the same numbers.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pandas as pd
import streamlit as st

from quiz import charts
from quiz.export import results_csv, results_json
from quiz.model import Answers
from quiz.robustness import depends_on_method, robustness
from quiz.scoring import PartyScore, rank, score
from quiz.share import encode
from valkompass_app.catalog import load_entry
from valkompass_app.classroom import submit_answers
from valkompass_app.classview import render_class_results
from valkompass_app.quotes import render_quotes
from valkompass_app.services import base_url
from valkompass_app.state import View, answers, escape, go
from valkompass_app.strings import t


@dataclass(frozen=True)
class Built:
    """Frames and Vega-Lite specs of one result, built once per distinct set of answers."""

    match: pd.DataFrame
    match_spec: dict[str, Any]
    comparison: pd.DataFrame
    comparison_spec: dict[str, Any]
    topics: pd.DataFrame
    topics_spec: dict[str, Any]


@st.cache_data(max_entries=2000, show_spinner=False)
def build(path: str, values: tuple[tuple[str, int | None], ...], important: frozenset[str],
          parties: tuple[str, ...], statement_ids: tuple[str, ...], lang: str) -> Built:
    """Altair is slow to build and serialise charts, so each result is built once, then cached.
    The specs skip Altair's schema validation here; tests/test_charts.py validates the same builders."""
    quiz = load_entry(path).quiz
    assert quiz is not None
    given = Answers(dict(values), important)
    scores = score(quiz, given, None, parties)
    match = charts.match_frame(quiz, scores, lang, t("based_on", lang, n="{n}", of="{of}"))
    comparison = charts.comparison_frame(quiz, given, parties, lang, t("you", lang), statement_ids)
    topics = charts.topic_frame(quiz, given, parties, None, lang)
    return Built(match, charts.match_chart(match, t("match_axis", lang)).to_dict(validate=False),
                 comparison, charts.comparison_chart(comparison).to_dict(validate=False),
                 topics, charts.topic_heatmap(topics, parties, t("match_axis", lang)).to_dict(validate=False))


def render_results(view: View) -> None:
    lang = view.lang
    st.button(t("back_to_quiz", lang), key="results_back", on_click=go, args=("question",))
    st.title(t("results", lang))
    given = answers(view)
    if not given.answered:
        st.warning(t("all_skipped", lang))
        return
    room = st.session_state.get("class_room")
    if room is not None:
        submit_answers(view, room, given)
    scores = score(view.quiz, given, None, view.parties)
    built = build(view.path, tuple(sorted(given.values.items())), given.important, tuple(view.parties),
                  tuple(view.statement_ids), view.lang)
    _render_match(view, scores, built)
    _render_comparison(view, given, built)
    _render_topics(view, built)
    _render_stability(view, given)
    if room is not None:
        render_class_results(view, room)
    else:
        _render_share(view, given, scores, built.match_spec)
    if view.embed:
        st.button(t("method_page", lang), key="embed_method", on_click=go, args=("method",))


def _render_match(view: View, scores: dict[str, PartyScore], built: Built) -> None:
    quiz, lang = view.quiz, view.lang
    st.header(t("match_heading", lang))
    frame = built.match
    ranked = rank(scores)
    top = [quiz.parties[r.score.party].name.get(lang) for r in ranked if r.rank == 1 and r.score.percent is not None]
    if len(top) > 1:
        st.markdown(f"**{escape(t('tie_top', lang, parties=', '.join(top)))}**")
    elif top:
        st.markdown(f"**{escape(t('top_party', lang, party=top[0]))}**")
    for entry in ranked:
        if entry.score.percent is None:
            st.caption(escape(t("no_basis", lang, party=quiz.parties[entry.score.party].name.get(lang))))
    st.vega_lite_chart(built.match_spec, width="stretch")
    table = frame.rename(columns={"name": t("table_party", lang), "percent": t("table_percent", lang),
                                  "rank": t("table_rank", lang), "basis": t("table_basis", lang)})
    table[t("table_tied", lang)] = frame["tied"].map({True: t("yes", lang), False: t("no", lang)})
    st.dataframe(table[[t("table_party", lang), t("table_percent", lang), t("table_rank", lang),
                        t("table_basis", lang), t("table_tied", lang)]], hide_index=True, width="stretch")


def _render_comparison(view: View, given: Answers, built: Built) -> None:
    quiz, lang = view.quiz, view.lang
    st.header(t("compare_heading", lang))
    st.caption(t("compare_intro", lang))
    frame = built.comparison
    st.vega_lite_chart(built.comparison_spec, width="stretch")
    table = frame.pivot(index=["order", "statement"], columns="column", values="symbol").reset_index()
    table = table[["statement", t("you", lang), *view.parties]].rename(columns={"statement": t("statement", lang)})
    st.dataframe(table, hide_index=True, width="stretch")
    for number, statement_id in enumerate(view.statement_ids, start=1):
        statement = quiz.statement(statement_id)
        with st.expander(f"{number}. {escape(statement.text.get(lang))}"):
            render_quotes(view, statement_id)


def _render_topics(view: View, built: Built) -> None:
    lang = view.lang
    st.header(t("topic_heading", lang))
    frame = built.topics
    st.vega_lite_chart(built.topics_spec, width="stretch")
    table = frame.pivot(index="topic", columns="party", values="label").reset_index()
    table = table.rename(columns={p: view.quiz.parties[p].name.get(lang) for p in view.parties})
    st.dataframe(table.rename(columns={"topic": t("topic_col", lang)}), hide_index=True, width="stretch")


def _render_stability(view: View, given: Answers) -> None:
    quiz, lang = view.quiz, view.lang
    st.header(t("stability_heading", lang))
    outcomes = robustness(quiz, given, view.parties)
    if depends_on_method(outcomes):
        st.warning(t("unstable", lang))
    else:
        st.success(t("stable", lang, n=len(outcomes)))
    rows = [{t("method_col", lang): quiz.weights.methods[o.method].name.get(lang),
             t("top_col", lang): ", ".join(quiz.parties[p].name.get(lang) for p in o.top) or "–",
             t("table_percent", lang): None if o.percent is None else round(o.percent, 1),
             t("margin_col", lang): None if o.margin is None else round(o.margin, 1)} for o in outcomes]
    st.dataframe(rows, hide_index=True, width="stretch")


def _render_share(view: View, given: Answers, scores: dict[str, PartyScore], spec: dict[str, Any]) -> None:
    quiz, lang = view.quiz, view.lang
    st.header(t("share_heading", lang))
    query = {"quiz": quiz.id, "lang": lang, "r": encode(quiz, given)}
    if view.parties != sorted(quiz.parties) and len(view.parties) < len(quiz.parties):
        query["parties"] = ",".join(view.parties)
    base = base_url()
    st.code(base + "?" + "&".join(f"{k}={v}" for k, v in query.items()), language=None)
    st.caption(t("share_help", lang))
    csv_column, json_column, png_column = st.columns(3)
    csv_column.download_button(t("download_csv", lang), results_csv(quiz, given, scores, lang),
                               file_name=f"{quiz.id}-resultat.csv", mime="text/csv", key="dl_csv", on_click="ignore")
    as_json = results_json(quiz, given, scores, quiz.weights.default_method)
    json_column.download_button(t("download_json", lang), as_json,
                                file_name=f"{quiz.id}-resultat.json", mime="application/json", key="dl_json",
                                on_click="ignore")
    png_column.download_button(t("download_png", lang), lambda: charts.chart_png(spec),
                               file_name=f"{quiz.id}-resultat.png", mime="image/png", key="dl_png", on_click="ignore")



