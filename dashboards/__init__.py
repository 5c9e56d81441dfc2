"""The analysts' dashboard (Streamlit). Reads the latest published snapshot, never the warehouse being written."""
