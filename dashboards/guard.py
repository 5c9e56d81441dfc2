"""Run a page view with the store and filters that app.py put in the session, inside an error guard."""

from __future__ import annotations

import streamlit as st


def show(render) -> None:
    store, filters = st.session_state.get("_awasi_store"), st.session_state.get("_awasi_filters")
    if store is None or not store.available():
        st.info("Belum ada data. Jalankan `awasi run --inbox FOLDER --db BERKAS` terlebih dahulu.")
        return
    try:
        render(store, filters)
    except Exception as exc:  # an analyst never sees a stack trace
        st.error(f"Maaf, halaman ini tidak dapat dimuat ({type(exc).__name__}). Coba lagi sebentar lagi; "
                 f"jika berulang, hubungi pengelola Awasi.")
