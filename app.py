"""valkompass: `streamlit run app.py`. Wires the pages to the engine; no maths and no parsing here."""

import streamlit as st

from valkompass_app.main import run

st.set_page_config(page_title="Valkompass", page_icon="🧭", layout="centered")
run()
