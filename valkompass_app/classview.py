"""What the class may see: the published snapshot of the results, for the projector and for pupils.

Nothing here reads live counts of answers: only `published_summary`, which changes in steps of at
least the room's threshold, so two looks never isolate one pupil.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from quiz import class_charts
from quiz.class_charts import Sizing
from quiz.classroom import ClassroomError, ClassSummary, Room, fit, published_summary
from valkompass_app.classroom import leave_class
from valkompass_app.services import get_store
from valkompass_app.state import View
from valkompass_app.strings import t, tn

PUPIL_REFRESH_SECONDS = 3
# Live sections rerun every few seconds: keep them from fading to grey (and below readable contrast)
# while a rerun is under way.
NO_FADE = """<style>.st-key-class_live [data-stale="true"], .st-key-board_live [data-stale="true"]
{ opacity: 1 !important; }</style>"""


def render_class_results(view: View, room: Room) -> None:
    """The class's results for a pupil who has finished; they appear within seconds of the reveal."""
    st.header(t("class_results", view.lang))
    st.html(NO_FADE)
    with st.container(key="class_live"):
        _pupil_live(view, room.code)
    st.button(t("leave_class", view.lang), key="leave_class", on_click=leave_class)


@st.fragment(run_every=PUPIL_REFRESH_SECONDS)
def _pupil_live(view: View, code: str) -> None:
    lang = view.lang
    try:
        current = get_store().shown_to_pupils(code)
    except ClassroomError as error:
        st.warning(error.message(lang))
        return
    if not current.revealed:
        st.info(t("class_not_revealed", lang))
        return
    summary = published_summary(get_store(), view.quiz, current)
    if summary is None:
        st.info(t("waiting", lang, threshold=current.threshold, n=get_store().count(current)))
        return
    render_summary(view, fit(view.quiz, current), summary, class_charts.PHONE)


def pupils(n: int, lang: str) -> str:
    """'1 elev', '2 elever' (and '1 pupil', '2 pupils')."""
    return tn("pupil_count", "pupil_count_plural", n, lang)


def render_summary(view: View, room: Room, summary: ClassSummary, sizing: Sizing) -> None:
    """The distribution per statement and the class's average match per party, as charts, with
    the numbers as tables under a toggle."""
    lang, quiz = view.lang, view.quiz
    st.markdown(t("snapshot_of", lang, pupils=pupils(summary.finished, lang)))
    spreads = [s for s in summary.statements if s.statement_id in room.statement_ids]
    numbers = {sid: number for number, sid in enumerate(room.statement_ids, start=1)}
    st.subheader(t("distribution_heading", lang))
    frame = class_charts.class_distribution_frame(quiz, spreads, numbers, lang)
    st.altair_chart(class_charts.class_distribution_chart(frame, t("share_of_class", lang), sizing), width="stretch")
    with st.expander(t("show_table", lang)):
        st.dataframe(distribution_table(frame, lang), hide_index=True, width="stretch")
    st.subheader(t("class_average", lang))
    means = class_charts.party_means_frame(quiz, {p: m for p, m in summary.party_means.items()
                                                  if p in room.party_ids}, lang)
    st.altair_chart(class_charts.party_means_chart(means, t("table_percent", lang), sizing), width="stretch")
    with st.expander(t("show_table", lang)):
        st.dataframe(means.drop(columns="colour").rename(columns={"party": t("table_party", lang),
                                                                  "percent": t("table_percent", lang)}),
                     hide_index=True, width="stretch")


def distribution_table(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Statements as rows, answers as columns in the order of the scale, headers in `lang`."""
    answers = list(dict.fromkeys(frame.sort_values("order")["answer"]))
    table = frame.pivot(index=["row", "statement"], columns="answer", values="count")[answers].reset_index()
    return table.drop(columns="row").rename(columns={"statement": t("table_statement", lang)})
