"""The results: the verdict and match per party, statement by statement, per topic, and how firm
the result is. Every chart is followed by a table with the same numbers."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any
from urllib.parse import urlencode

import streamlit as st

from quiz import charts
from quiz.export import results_csv, results_json
from quiz.firmness import Firmness, firmness
from quiz.model import Answers
from quiz.robustness import MethodOutcome, robustness
from quiz.scoring import PartyScore, score
from quiz.share import encode
from quiz.verdict import HeadToHead, Verdict, coverage_differs, head_to_head, verdict
from valkompass_app.catalog import load_entry
from valkompass_app.classroom import submit_answers
from valkompass_app.classview import render_class_results
from valkompass_app.quotes import render_quotes
from valkompass_app.result_text import (
    firmness_lines,
    head_lines,
    match_rows,
    method_lines,
    names,
    png_lines,
    stability_line,
    verdict_lines,
)
from valkompass_app.services import base_url
from valkompass_app.state import View, answers, escape, go, numbered_statements
from valkompass_app.strings import t, tn
from valkompass_app.tables import render_style, render_table


@dataclass(frozen=True)
class Built:
    """Everything the engine says about one result, and the chart specs, built once per answers."""

    scores: dict[str, PartyScore]
    verdict: Verdict
    heads: tuple[HeadToHead, ...]
    outcomes: list[MethodOutcome]
    firmness: Firmness
    comparison_rows: list[list[str]]
    topic_rows: list[list[str]]
    match_spec: dict[str, Any]
    comparison_spec: dict[str, Any]
    topics_spec: dict[str, Any]


def build(path: str, given: Answers, parties: tuple[str, ...], statement_ids: tuple[str, ...], lang: str) -> Built:
    """`_build`, cached under one short string: hashing the answers themselves (nested tuples and
    a set) for the cache key cost more than the key's JSON."""
    key = json.dumps([path, sorted(given.values.items()), sorted(given.important), parties, statement_ids, lang])
    return _build(key, path, given, parties, statement_ids, lang)


@st.cache_data(max_entries=2000, show_spinner=False)
def _build(key: str, path: str, _given: Answers, _parties: tuple[str, ...], _statement_ids: tuple[str, ...],
           _lang: str) -> Built:
    """Scores, verdict, firmness and charts of one result, built once, then cached under `key`,
    which holds every other argument. The specs skip Altair's schema validation here;
    tests/test_charts.py validates the same builders."""
    given, parties, statement_ids, lang = _given, _parties, _statement_ids, _lang
    quiz = load_entry(path).quiz
    assert quiz is not None
    scores = score(quiz, given, None, parties)
    found = verdict(quiz, given, parties)
    heads = tuple(head_to_head(quiz, given, found.parties[0], other) for other in parties
                  if found.kind in ("clear", "close", "tie") and other != found.parties[0]
                  and coverage_differs(scores))
    match = charts.match_rows(quiz, scores, lang,
                              lambda counted, answered: tn("based_on", "based_on_plural", answered, lang,
                                                           counted=counted))
    comparison = charts.comparison_rows(quiz, given, parties, lang, t("you", lang), statement_ids)
    topics = charts.topic_rows(quiz, given, parties, None, lang)
    match_template, comparison_template, topics_template = templates(
        json.dumps([path, parties, statement_ids, lang]), path, parties, statement_ids, lang)
    return Built(scores, found, heads, robustness(quiz, given, parties), firmness(quiz, given, parties),
                 _grid_rows(comparison, "statement", "key", "symbol", ["you", *(f"p{i}" for i in range(len(parties)))]),
                 _grid_rows(topics, "topic", "party", "label", parties),
                 charts.with_data(match_template, match), charts.with_data(comparison_template, comparison),
                 charts.with_data(topics_template, topics))


@st.cache_resource(max_entries=200, show_spinner=False)
def templates(key: str, path: str, _parties: tuple[str, ...], _statement_ids: tuple[str, ...],
              _lang: str) -> tuple[dict[str, Any], dict[str, Any], dict[str, Any]]:
    """The three chart specs, built by Altair once per quiz, parties, statements and language
    (`key`, which holds the other arguments); `build` swaps in each result's rows. Made from
    answers to every statement, so every topic is in the heatmap's order. One shared copy, not a
    copy per call (`cache_data` would unpickle them for every visitor): nothing changes them, as
    `charts.with_data` and `charts.titled` make new dicts around them."""
    parties, statement_ids, lang = _parties, _statement_ids, _lang
    quiz = load_entry(path).quiz
    assert quiz is not None
    every = Answers({statement_id: quiz.weights.scale.values[0] for statement_id in statement_ids})
    match = charts.match_frame(quiz, score(quiz, every, None, parties), lang,
                               lambda counted, answered: f"{counted}/{answered}")
    comparison = charts.comparison_frame(quiz, every, parties, lang, t("you", lang), statement_ids)
    topics = charts.topic_frame(quiz, every, parties, None, lang)
    return (charts.match_chart(match, t("match_axis", lang)).to_dict(validate=False),
            charts.comparison_chart(comparison).to_dict(validate=False),
            charts.topic_heatmap(topics, parties, t("match_axis", lang)).to_dict(validate=False))


def render_results(view: View) -> None:
    lang = view.lang
    st.button(t("back_to_quiz", lang), key="results_back", on_click=go, args=("question",))
    st.title(t("results", lang))
    given = answers(view)
    if not given.answered:
        st.warning(t("all_skipped" if given.values else "not_started", lang))
        return
    room = st.session_state.get("class_room")
    if room is not None:
        submit_answers(view, room, given)
    built = build(view.path, given, tuple(view.parties), tuple(view.statement_ids), view.lang)
    render_style()
    if len(view.parties) < len(view.quiz.parties):
        st.info(t("subset_note", lang, parties=names(view, view.parties)))
    _render_match(view, built)
    _render_comparison(view, built)
    _render_topics(view, built)
    _render_stability(view, built)
    if room is not None:
        render_class_results(view, room)
    else:
        _render_share(view, given, built)
    if view.embed:
        st.button(t("method_page", lang), key="embed_method", on_click=go, args=("method",))


def _render_match(view: View, built: Built) -> None:
    lang = view.lang
    st.header(t("match_heading", lang))
    headline, *details = verdict_lines(view, built.verdict)
    paragraphs = ([f"**{escape(headline)}**"] if headline else []) + [escape(line) for line in details]
    if paragraphs:
        st.markdown("\n\n".join(paragraphs))   # one element: the page is sent to every visitor
    for party, entry in built.scores.items():
        if entry.match is None:
            st.caption(escape(t("no_basis", lang, party=view.quiz.parties[party].name.get(lang))))
    st.vega_lite_chart(built.match_spec, width="stretch", theme=None, alt=t("match_alt", lang))
    render_table(t("caption_match", lang), [t("table_party", lang), t("col_match", lang), t("table_basis", lang)],
                 match_rows(view, built.scores), ["text", "num", "text"], lang)
    if built.heads:
        st.markdown(escape(t("head_intro", lang)) + "\n\n"
                    + "\n".join("- " + escape(line) for line in head_lines(view, built.heads)))


def _render_comparison(view: View, built: Built) -> None:
    quiz, lang = view.quiz, view.lang
    st.header(t("compare_heading", lang))
    st.caption(escape(charts.legend(quiz.weights.scale, lang, t("legend_no_position", lang),
                                    t("legend_not_answered", lang))))
    st.vega_lite_chart(built.comparison_spec, width="stretch", theme=None, alt=t("compare_alt", lang))
    headers = [t("statement", lang), *charts.unique_labels([t("you", lang), *view.parties])]
    render_table(t("caption_compare", lang), headers, built.comparison_rows,
                 ["text", *["sym"] * (len(headers) - 1)], lang)
    labels = numbered_statements(view)
    chosen = st.selectbox(t("quotes_pick", lang), view.statement_ids, index=None, key=f"quotes_{quiz.id}",
                          format_func=labels.__getitem__, placeholder=t("quotes_placeholder", lang))
    if chosen in labels:   # one list, not an expander per statement: one widget for the page to send
        render_quotes(view, chosen)


def _render_topics(view: View, built: Built) -> None:
    lang = view.lang
    st.header(t("topic_heading", lang))
    st.vega_lite_chart(built.topics_spec, width="stretch", theme=None, alt=t("topic_alt", lang))
    party_names = [view.quiz.parties[p].name.get(lang) for p in view.parties]
    render_table(t("caption_topics", lang), [t("topic_col", lang), *charts.unique_labels(party_names)],
                 built.topic_rows, ["text", *["num"] * len(party_names)], lang)


def _render_stability(view: View, built: Built) -> None:
    lang = view.lang
    st.header(t("stability_heading", lang))
    single = built.verdict.kind == "single" or len(view.parties) == 1
    kind, line = stability_line(view, built.outcomes, single)
    {"info": st.info, "warning": st.warning}[kind](escape(line))
    sentences = [] if single else [escape(sentence) for sentence in firmness_lines(view, built.firmness)]
    methods = "\n".join("- " + escape(line) for line in method_lines(view, built.outcomes, single))
    st.markdown("\n\n".join([*sentences, methods]))


def _render_share(view: View, given: Answers, built: Built) -> None:
    quiz, lang = view.quiz, view.lang
    st.header(t("share_heading", lang))
    query = {"quiz": quiz.id, "lang": lang, "r": encode(quiz, given)}
    if len(view.parties) < len(quiz.parties):
        query["parties"] = ",".join(view.parties)
    link = base_url() + "?" + urlencode(query)
    st.code(link, language=None, wrap_lines=True)
    st.caption(t("share_help", lang))
    csv_column, json_column, png_column = st.columns(3)
    csv_column.download_button(t("download_csv", lang), lambda: results_csv(quiz, given, built.scores, lang),
                               file_name=f"{quiz.id}-resultat.csv", mime="text/csv", key="dl_csv", on_click="ignore")
    json_column.download_button(t("download_json", lang),
                                lambda: results_json(quiz, given, built.scores, quiz.weights.default_method),
                                file_name=f"{quiz.id}-resultat.json", mime="application/json", key="dl_json",
                                on_click="ignore")
    png_column.download_button(t("download_png", lang), lambda: _png(view, built, link),
                               file_name=f"{quiz.id}-resultat.png", mime="image/png", key="dl_png", on_click="ignore")


def _png(view: View, built: Built, link: str) -> bytes:
    """The match chart as a PNG with the quiz, the verdict, the date and the link: made only when
    the button is pressed."""
    lines = png_lines(view, built.verdict, link, date.today())
    return charts.chart_png(charts.titled(built.match_spec, view.quiz.title.get(view.lang), lines))


def _grid_rows(records: charts.Rows, row: str, column: str, value: str, keys: Sequence[str]) -> list[list[str]]:
    """Chart rows (one per cell) as table rows: the row label, then the value for each key in
    `keys`. Plain lists, never a pivot, so no party id or name can collide with a column."""
    cells = {(r[row], r[column]): r[value] for r in records}
    labels = dict.fromkeys(r[row] for r in records)
    return [[label, *(str(cells.get((label, key), "–")) for key in keys)] for label in labels]
