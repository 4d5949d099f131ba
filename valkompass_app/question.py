"""One statement at a time: progress, topic, the statement, the answers and importance, with
back, next, a list to jump to any statement and "Visa resultat" below.

The card is a fragment: answering reruns only the card, not the whole page. Its top (progress,
topic and statement) is one element, and it holds nothing that does not change with the card, since
all of it is sent again with every answer. Back, next, the jump list and "Visa resultat" sit below
it, outside the fragment, and never change: a move made with them runs the whole page, and an answer
does not send them again. Back on the first statement leads to the start page, next on the last to
the results; with nothing answered, the results page says so. After every move the page script
(`focus.py`) scrolls the statement to the top, focuses and announces it, and the address bar keeps
the answers (`urlstate.py`), so a reload loses nothing.

A quick tap can reach the server while the browser still shows part of the previous card. The
browser then sends the values of that card's toggles too, and Streamlit runs their callbacks as if
they had just been changed (streamlit/streamlit#8365). So every callback checks that its widget
belongs to the card on screen: a stale toggle could undo what was just set on the new card, and a
stale answer button could skip the next statement. The jump list starts empty under a new key after
each jump, so a list sent again by the browser holds no choice to act on.
"""

from __future__ import annotations

from html import escape as html_escape

import streamlit as st

from valkompass_app.focus import CARD_HEADING, RESULTS_BUTTON, STATEMENT
from valkompass_app.state import View, escape, go, moved, numbered_statements
from valkompass_app.strings import t, tn
from valkompass_app.urlstate import write_url

SKIP = "skip"


def render_question(view: View) -> None:
    _card(view)
    _navigation(view)
    _results_button(view)


@st.fragment
def _card(view: View) -> None:
    index = min(st.session_state.index, len(view.statement_ids) - 1)
    statement_id = view.statement_ids[index]
    st.markdown(card_top(view, index), unsafe_allow_html=True)
    _answer_buttons(view, statement_id)
    _importance(view, index)
    write_url(view)


def card_top(view: View, index: int) -> str:
    """Progress, topic and statement as one element, in HTML with every text escaped. The
    statement's heading carries what the page script needs after a move (`focus.py`): the move's
    number, what to focus and what to announce."""
    quiz, lang, count = view.quiz, view.lang, len(view.statement_ids)
    statement = quiz.statement(view.statement_ids[index])
    progress = t("progress", lang, n=index + 1, of=count)
    results = st.session_state.get("focus_target") == "results"
    move = {"move": st.session_state.moves, "target": RESULTS_BUTTON if results else STATEMENT,
            "announce": t("last_answered", lang) if results else progress}
    data = " ".join(f'data-vk-{name}="{_html(str(value))}"' for name, value in move.items())
    topic = t("topic", lang, topic=quiz.topics[statement.topic].name.get(lang))
    return (f'<div class="vk-card-top"><p class="vk-progress-text">{_html(progress)}</p>'
            f'<progress class="vk-progress" value="{index + 1}" max="{count}" '
            f'aria-label="{_html(t("progress_label", lang))}"></progress>'
            f'<p class="vk-topic">{_html(topic)}</p>'
            f'<h3 class="{CARD_HEADING}" {data}>{_html(statement.text.get(lang))}</h3></div>')


def _html(text: str) -> str:
    """Literal text inside the card's HTML: escaped, and on one line, since a blank line would end
    the HTML block and let Markdown read the rest."""
    return html_escape(" ".join(text.split()))


def _answer_buttons(view: View, statement_id: str) -> None:
    scale, lang = view.quiz.weights.scale, view.lang
    current = st.session_state.answers.get(statement_id, "unset")
    for option in scale.answers:
        chosen = current == option.value
        st.button(("✓ " if chosen else "") + escape(option.label.get(lang)),
                  key=f"answer_{statement_id}_{option.value}", type="primary" if chosen else "secondary",
                  width="stretch", on_click=_answer, args=(view, statement_id, option.value))
    st.button(("✓ " if current is None else "") + escape(scale.skip.get(lang)), key=f"skip_{statement_id}",
              type="primary" if current is None else "tertiary", width="stretch",
              on_click=_answer, args=(view, statement_id, None))


def _answer(view: View, statement_id: str, value: int | None) -> None:
    """Keep the answer; move on only from the card on screen, so a double tap that lands on the
    previous card's button does not skip the next statement."""
    st.session_state.answers = {**st.session_state.answers, statement_id: value}
    if value is None:
        st.session_state.important = st.session_state.important - {statement_id}
    if statement_id == view.statement_ids[min(st.session_state.index, len(view.statement_ids) - 1)]:
        last = st.session_state.index >= len(view.statement_ids) - 1
        st.session_state.index += 0 if last else 1
        moved()
        if last:
            st.session_state.focus_target = "results"


def _importance(view: View, index: int) -> None:
    """'Viktig för mig' for this statement, and, once it is answered and the card has moved on,
    for the previous one, so importance can be set before or after answering."""
    lang, ids, answers, important = view.lang, view.statement_ids, st.session_state.answers, st.session_state.important
    statement_id, weight = ids[index], view.quiz.weights.important_weight
    previous = ids[index - 1] if index > 0 and answers.get(ids[index - 1]) is not None else None
    this_key, previous_key = f"important_{statement_id}", f"important_previous_{previous}"
    st.session_state.card_toggles = {this_key} if previous is None else {this_key, previous_key}
    st.toggle(tn("important_counts", "important_counts_plural", weight, lang), key=this_key,
              value=statement_id in important, on_change=_toggle_important, args=(this_key, statement_id))
    if previous is not None:
        label = t("important_previous", lang,
                  answer=escape(view.quiz.weights.scale.label(answers[previous]).get(lang)))
        st.toggle(label, key=previous_key, value=previous in important,
                  on_change=_toggle_important, args=(previous_key, previous))


def _toggle_important(key: str, statement_id: str) -> None:
    """Set or clear 'viktig' from a toggle of the card last drawn, never from a stale one."""
    if key not in st.session_state.get("card_toggles", ()):
        return
    _set_important(key, statement_id)


def _set_important(key: str, statement_id: str) -> None:
    if st.session_state[key]:
        st.session_state.important = st.session_state.important | {statement_id}
    else:
        st.session_state.important = st.session_state.important - {statement_id}


def _navigation(view: View) -> None:
    """Back, next and the jump list: outside the card, the same on every card, acting on the card
    on screen when pressed."""
    lang, jumps = view.lang, st.session_state.get("jumps", 0)
    with st.container(horizontal=True, key="card_nav"):
        st.button(t("back", lang), key="nav_back", width="stretch", on_click=_step, args=(view, -1))
        st.button(t("next", lang), key="nav_next", width="stretch", on_click=_step, args=(view, 1))
    st.selectbox(t("jump", lang), view.statement_ids, index=None, key=f"jump_{jumps}",
                 placeholder=t("quotes_placeholder", lang), format_func=numbered_statements(view, 60).__getitem__,
                 on_change=_jump, args=(view, jumps))


def _results_button(view: View) -> None:
    st.button(t("show_results", view.lang), type="primary", key="to_results", width="stretch",
              on_click=go, args=("results",))


def _step(view: View, by: int) -> None:
    """One statement back or on from the card on screen; back from the first statement is the
    start page, on from the last the results."""
    index = min(st.session_state.index, len(view.statement_ids) - 1) + by
    if index < 0:
        go("start")
    elif index >= len(view.statement_ids):
        go("results")
    else:
        st.session_state.index = index
        moved()


def _jump(view: View, jumps: int) -> None:
    """Go to the chosen statement; the list starts empty again, under a new key."""
    chosen = st.session_state[f"jump_{jumps}"]
    st.session_state.jumps = jumps + 1
    if chosen in view.statement_ids:
        st.session_state.index = view.statement_ids.index(chosen)
        moved()


def render_list(view: View) -> None:
    """All statements on one page (`?layout=list`): quicker with a keyboard or a screen reader.
    Each statement is its own fragment, so answering reruns only that statement."""
    for number, statement_id in enumerate(view.statement_ids, start=1):
        _list_item(view, statement_id, number)
    st.button(t("show_results", view.lang), type="primary", key="list_results", on_click=go, args=("results",))
    write_url(view)


@st.fragment
def _list_item(view: View, statement_id: str, number: int) -> None:
    """The statement as literal text; the radio's own label (its accessible name) is the plain
    text, never Markdown escapes. Skipping is a value of its own, so it shows again when coming back."""
    quiz, lang, scale = view.quiz, view.lang, view.quiz.weights.scale
    text = f"{number}. {quiz.statement(statement_id).text.get(lang)}"
    options: list[int | str] = [*scale.values, SKIP]
    given = st.session_state.answers
    chosen = SKIP if statement_id in given and given[statement_id] is None else given.get(statement_id)
    st.markdown(f"**{escape(text)}**")
    st.radio(text, options, key=f"list_{statement_id}", index=options.index(chosen) if chosen in options else None,
             horizontal=True, label_visibility="collapsed",
             format_func=lambda v: escape(scale.label(None if v == SKIP else int(v)).get(lang)),
             on_change=_list_answer, args=(view, statement_id))
    st.checkbox(tn("important_counts", "important_counts_plural", quiz.weights.important_weight, lang),
                key=f"list_important_{statement_id}",
                value=statement_id in st.session_state.important,
                on_change=_set_important, args=(f"list_important_{statement_id}", statement_id))
    write_url(view)


def _list_answer(view: View, statement_id: str) -> None:
    """Store the radio's answer; a value that is not on the scale (a client sending a label, or
    something else) is matched by its label, or ignored."""
    scale, chosen = view.quiz.weights.scale, st.session_state[f"list_{statement_id}"]
    by_label = {scale.label(v).get(view.lang): v for v in (*scale.values, None)}
    if chosen == SKIP:
        chosen = None
    elif chosen in by_label:
        chosen = by_label[chosen]
    elif chosen is not None and chosen not in scale.values:
        return
    st.session_state.answers = {**st.session_state.answers, statement_id: chosen}
