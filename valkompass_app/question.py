"""One statement at a time: progress, topic, the answer buttons, importance and navigation.

The card is a fragment: answering reruns only the card, not the whole page.
"""

from __future__ import annotations

import streamlit as st

from valkompass_app.state import View, escape, go
from valkompass_app.strings import t, tn


@st.fragment
def render_question(view: View) -> None:
    quiz, lang, ids = view.quiz, view.lang, view.statement_ids
    index = min(st.session_state.index, len(ids) - 1)
    statement = quiz.statement(ids[index])
    st.progress((index + 1) / len(ids), text=t("progress", lang, n=index + 1, of=len(ids)))
    st.caption(t("topic", lang, topic=quiz.topics[statement.topic].name.get(lang)))
    st.markdown(f"### {escape(statement.text.get(lang))}")
    st.toggle(t("important", lang), key=f"important_{statement.id}",
              value=statement.id in st.session_state.important,
              help=tn("important_help", "important_help_plural", quiz.weights.important_weight, lang),
              on_change=_toggle_important, args=(statement.id,))
    _answer_buttons(view, statement.id)
    _navigation(view, index)


def _answer_buttons(view: View, statement_id: str) -> None:
    scale, lang = view.quiz.weights.scale, view.lang
    current = st.session_state.answers.get(statement_id, "unset")
    for option in scale.answers:
        chosen = current == option.value
        st.button(("✓ " if chosen else "") + option.label.get(lang), key=f"answer_{statement_id}_{option.value}",
                  type="primary" if chosen else "secondary", width="stretch",
                  on_click=_answer, args=(view, statement_id, option.value))
    st.button(("✓ " if current is None else "") + scale.skip.get(lang), key=f"skip_{statement_id}",
              type="primary" if current is None else "tertiary", width="stretch",
              on_click=_answer, args=(view, statement_id, None))


def _answer(view: View, statement_id: str, value: int | None) -> None:
    st.session_state.answers = {**st.session_state.answers, statement_id: value}
    if value is None:
        st.session_state.important = st.session_state.important - {statement_id}
    if st.session_state.index < len(view.statement_ids) - 1:
        st.session_state.index += 1


def _toggle_important(statement_id: str) -> None:
    if st.session_state[f"important_{statement_id}"]:
        st.session_state.important = st.session_state.important | {statement_id}
    else:
        st.session_state.important = st.session_state.important - {statement_id}


def _navigation(view: View, index: int) -> None:
    lang, ids = view.lang, view.statement_ids
    back, forward = st.columns(2)
    back.button(t("back", lang), key="nav_back", disabled=index == 0, width="stretch",
                on_click=_go, args=(index - 1,))
    forward.button(t("next", lang), key="nav_next", disabled=index >= len(ids) - 1, width="stretch",
                   on_click=_go, args=(index + 1,))
    st.selectbox(t("jump", lang), ids, index=index, key=f"jump_{index}",
                 format_func=lambda sid: _jump_label(view, sid), on_change=_jump, args=(view, f"jump_{index}"))
    answered = any(v is not None for k, v in st.session_state.answers.items() if k in set(ids))
    if st.button(t("show_results", lang), type="primary", key="to_results", disabled=not answered,
                 width="stretch", on_click=go, args=("results",)):
        st.rerun(scope="app")
    if not answered:
        responded = any(k in set(ids) for k in st.session_state.answers)
        st.caption(t("all_skipped" if responded else "answer_first", lang))


def _jump_label(view: View, statement_id: str) -> str:
    text = view.quiz.statement(statement_id).text.get(view.lang)
    short = text if len(text) <= 60 else text[:59] + "…"
    return f"{view.statement_ids.index(statement_id) + 1}. {short}"


def _go(index: int) -> None:
    st.session_state.index = index


def _jump(view: View, key: str) -> None:
    st.session_state.index = view.statement_ids.index(st.session_state[key])


def render_list(view: View) -> None:
    """All statements on one page (`?layout=list`): quicker with a keyboard or a screen reader.
    Each statement is its own fragment, so answering reruns only that statement."""
    for number, statement_id in enumerate(view.statement_ids, start=1):
        _list_item(view, statement_id, number)
    st.button(t("show_results", view.lang), type="primary", key="list_results", on_click=go, args=("results",))


@st.fragment
def _list_item(view: View, statement_id: str, number: int) -> None:
    quiz, lang, scale = view.quiz, view.lang, view.quiz.weights.scale
    options = [*scale.values, None]
    given = st.session_state.answers
    st.radio(f"{number}. {escape(quiz.statement(statement_id).text.get(lang))}", options, key=f"list_{statement_id}",
             index=options.index(given[statement_id]) if statement_id in given else None, horizontal=True,
             format_func=lambda v: scale.label(v).get(lang), on_change=_list_answer, args=(view, statement_id))


def _list_answer(view: View, statement_id: str) -> None:
    """Store the radio's answer; a value that is not on the scale (a client sending a label, or
    something else) is matched by its label, or ignored."""
    scale, chosen = view.quiz.weights.scale, st.session_state[f"list_{statement_id}"]
    by_label = {scale.label(v).get(view.lang): v for v in (*scale.values, None)}
    if chosen in by_label:
        chosen = by_label[chosen]
    elif chosen is not None and chosen not in scale.values:
        return
    st.session_state.answers = {**st.session_state.answers, statement_id: chosen}
