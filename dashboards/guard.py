"""Run a page view with the store and filters that app.py put in the session, inside an error guard."""

from __future__ import annotations

import logging

import streamlit as st

log = logging.getLogger("awasi.dashboard")

PAGE_FAILED = ("Maaf, halaman ini tidak dapat dimuat karena terjadi kesalahan saat membaca data. Coba lagi sebentar "
               "lagi; jika berulang, hubungi pengelola Awasi.")


DATES_REVERSED = ("Tanggal pada *Dari tanggal* jatuh setelah *Sampai tanggal*, sehingga tidak ada hari dalam rentang "
                  "ini. Perbaiki rentang tanggal di panel samping; angka baru ditampilkan setelah itu.")


def show(render, uses_dates: bool = True) -> None:
    """`uses_dates`: the page counts within the sidebar's date range (Kualitas data and Ekspor do not)."""
    store, filters = st.session_state.get("_awasi_store"), st.session_state.get("_awasi_filters")
    if store is None or not store.available():
        st.info("Belum ada data. Jalankan `awasi run --inbox FOLDER --db BERKAS` terlebih dahulu.")
        return
    if uses_dates and filters is not None and filters.dates_reversed:  # no zeros that look like real counts
        st.warning(DATES_REVERSED)
        return
    try:
        render(store, filters)
    except Exception:  # an analyst never sees a stack trace nor a Python class name: both go to the server log
        log.exception("dashboard page %s failed", getattr(render, "__module__", render))
        st.error(PAGE_FAILED)
