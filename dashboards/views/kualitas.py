"""Kualitas data: validation results of the last run, quarantine counts and reasons, run history."""

from __future__ import annotations

import polars as pl
import streamlit as st

from dashboards.data import Filters, Store
from dashboards.fmt import TABLE, persen, tabel


def render(store: Store, filters: Filters) -> None:
    st.header("Kualitas data")
    if filters.scope is not None:
        st.info("Halaman ini hanya untuk pengelola data (akses semua instansi).")
        return
    runs = store.runs()
    if runs.height:
        last = runs.row(0, named=True)
        (st.success if last["outcome"] == "completed" else st.warning)(f"Run terakhir: {last['outcome']}")
        st.text(last["message"] or "")
    st.subheader("Hasil validasi run terakhir (Great Expectations)")
    st.dataframe(tabel(store.validations().rename({
        "suite": "suite", "expectation": "aturan", "level": "tingkat", "success": "lolos", "rows_evaluated": "baris diperiksa",
        "rows_failed": "baris gagal", "reason": "keterangan"})), **TABLE)
    st.subheader("Karantina per alasan")
    st.dataframe(tabel(store.quarantine()), **TABLE)
    st.caption("Lihat rinciannya dengan `awasi quarantine list`; jalankan ulang setelah perbaikan dengan "
               "`awasi quarantine retry`.")
    st.subheader("Riwayat run")
    runs = runs.with_columns(pl.Series("agency_resolved_share", [persen(x) for x in runs["agency_resolved_share"]],
                                       dtype=pl.String))
    st.dataframe(tabel(runs.rename({
        "run_id": "run", "started_at_utc": "mulai (UTC)", "outcome": "hasil", "records_total": "catatan",
        "accepted": "diterima", "merged": "digabung", "quarantined": "dikarantina", "complaints_new": "aduan baru",
        "agency_resolved_share": "porsi instansi teridentifikasi", "message": "pesan"})),
        **TABLE)
