"""One statement at a time: progress, topic, the statement, the answers, importance and navigation.

The card is a fragment: answering reruns only the card, not the whole page. "Visa resultat" sits
below it, outside the fragment, and never changes: pressing it runs the whole page at once, with no
run of the card first, and the card's answers do not send it again. With nothing answered yet, the
results page says so. After every move the
statement is scrolled to the top and focused (`focus.py`), and the address bar keeps the answers
(`urlstate.py`), so a reload loses nothing.

A quick tap can reach the server while the browser still shows part of the previous card. The
browser then sends the values of that card's toggles and jump list too, and Streamlit runs their
callbacks as if they had just been changed (streamlit/streamlit#8365). So every callback checks
that its widget belongs to the card on screen: a stale jump list would otherwise send the card
back one statement and swallow the answer, and a stale toggle could undo what was just set on
the new card.
"""

from __future__ import annotations

import streamlit as st

from valkompass_app.focus import STATEMENT_KEY, render_focus_script
from valkompass_app.state import View, escape, go, moved
from valkompass_app.strings import t, tn
from valkompass_app.urlstate import write_url

SKIP = "skip"
RESULTS_BUTTON = ".st-key-to_results button"


def render_question(view: View) -> None:
    _card(view)
    _results_button(view)


@st.fragment
def _card(view: View) -> None:
    quiz, lang, ids = view.quiz, view.lang, view.statement_ids
    index = min(st.session_state.index, len(ids) - 1)
    statement = quiz.statement(ids[index])
    progress = t("progress", lang, n=index + 1, of=len(ids))
    st.progress((index + 1) / len(ids), text=progress)
    st.caption(t("topic", lang, topic=escape(quiz.topics[statement.topic].name.get(lang))))
    with st.container(key=STATEMENT_KEY):
        st.subheader(escape(statement.text.get(lang)), anchor=False)
    _answer_buttons(view, statement.id)
    _importance(view, index)
    _navigation(view, index)
    if st.session_state.get("focus_target") == "results":
        render_focus_script(view.embed, moves=st.session_state.moves, target=RESULTS_BUTTON,
                            announce=t("last_answered", lang))
    else:
        render_focus_script(view.embed, moves=st.session_state.moves, announce=progress,
                            expect=statement.text.get(lang))
    write_url(view)


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
    lang, ids = view.lang, view.statement_ids
    weight = view.quiz.weights.important_weight
    statement_id = ids[index]
    st.session_state.card_toggles = {f"important_{statement_id}"}
    st.toggle(tn("important_counts", "important_counts_plural", weight, lang), key=f"important_{statement_id}",
              value=statement_id in st.session_state.important,
              on_change=_toggle_important, args=(f"important_{statement_id}", statement_id))
    previous = ids[index - 1] if index > 0 else None
    if previous is not None and st.session_state.answers.get(previous) is not None:
        label = t("important_previous", lang, answer=escape(view.quiz.weights.scale.label(
            st.session_state.answers[previous]).get(lang)))
        st.session_state.card_toggles = {f"important_{statement_id}", f"important_previous_{previous}"}
        st.toggle(label, key=f"important_previous_{previous}", value=previous in st.session_state.important,
                  on_change=_toggle_important, args=(f"important_previous_{previous}", previous))


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


def _navigation(view: View, index: int) -> None:
    lang, ids = view.lang, view.statement_ids
    with st.container(horizontal=True):    # one block, not three: the card is sent with every answer
        st.button(t("back", lang), key="nav_back", disabled=index == 0, width="stretch",
                  on_click=_go, args=(index - 1,))
        st.button(t("next", lang), key="nav_next", disabled=index >= len(ids) - 1, width="stretch",
                  on_click=_go, args=(index + 1,))
    labels = _jump_labels(view)
    st.selectbox(t("jump", lang), ids, index=index, key=f"jump_{index}",
                 format_func=labels.__getitem__, on_change=_jump, args=(view, index))


def _results_button(view: View) -> None:
    """Outside the card, the same on every card (so a fragment run never has to send it)."""
    st.button(t("show_results", view.lang), type="primary", key="to_results", width="stretch",
              on_click=go, args=("results",))


def _jump_labels(view: View) -> dict[str, str]:
    """"3. Återöppna akutkirurgin …" for every statement shown, made once per session, language
    and statement list, not on every answer."""
    key = (view.path, id(view.quiz), view.lang, view.statement_ids)
    made = st.session_state.get("jump_labels")
    if made is None or made[0] != key:
        labels = {}
        for number, statement_id in enumerate(view.statement_ids, start=1):
            text = view.quiz.statement(statement_id).text.get(view.lang)
            labels[statement_id] = f"{number}. {text if len(text) <= 60 else text[:59] + '…'}"
        made = st.session_state.jump_labels = (key, labels)
    return made[1]


def _go(index: int) -> None:
    st.session_state.index = index
    moved()


def _jump(view: View, shown: int) -> None:
    """Go to the chosen statement. The list drawn on card `shown` starts at that card's own
    statement, so that value is never a choice: it is a stale list sent again by the browser."""
    chosen = st.session_state[f"jump_{shown}"]
    if chosen not in view.statement_ids or chosen == view.statement_ids[shown]:
        return
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
