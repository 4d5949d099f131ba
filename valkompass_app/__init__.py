"""The Streamlit front end of valkompass. Engine calls only; no maths and no YAML parsing here."""
