"""The framework's floor: a bare Streamlit app with one radio button (bench/rerun.py)."""

import streamlit as st

st.radio("Svar", ["Helt enig", "Delvis enig", "Neutral", "Delvis oenig", "Helt oenig"], key="answer")
