"""The floor of the answer card: the card's shape in Streamlit with nothing of the app in it.

`bench/solo_cpu.py --floor` measures it beside the bare one-radio app and the real app. It has
what `CardUser` in bench/card_load.py needs and nothing else: "Starta", then a fragment with the
five answer buttons of the statement on screen (keys `answer_<id>_<value>`, a callback that moves
on), "Visa resultat" outside the fragment, and a results page that only says "Ditt resultat". No
progress bar, topic, skip, importance, back and next, jump list, focus script or address bar: what
one click costs here is what any card of buttons in a fragment costs, before the app adds anything.
"""

import streamlit as st
import yaml


@st.cache_resource
def statement_ids() -> list[str]:
    with open("statements.yaml", encoding="utf-8") as file:
        return [statement["id"] for statement in yaml.safe_load(file)["statements"]]


def answer() -> None:
    st.session_state.index = min(st.session_state.index + 1, len(statement_ids()) - 1)


@st.fragment
def card() -> None:
    shown = statement_ids()[st.session_state.index]
    for value in (-2, -1, 0, 1, 2):
        st.button(f"Svar {value}", key=f"answer_{shown}_{value}", on_click=answer, width="stretch")


st.session_state.setdefault("page", "start")
st.session_state.setdefault("index", 0)
if st.session_state.page == "start":
    st.button("Starta", key="start_button", on_click=lambda: st.session_state.update(page="question"))
elif st.session_state.page == "question":
    card()
    st.button("Visa resultat", key="to_results", on_click=lambda: st.session_state.update(page="results"))
else:
    st.title("Ditt resultat")
