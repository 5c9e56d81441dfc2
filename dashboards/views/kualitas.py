"""Kualitas data: validation results of the last run, quarantine counts and reasons, run history, and how often
analysts' decisions kept the machine's category."""

from __future__ import annotations

import polars as pl
import streamlit as st

from dashboards.charts import category_name
from dashboards.data import Filters, Store
from dashboards.fmt import TABLE, angka, persen, tabel

DECISIONS_NOTE = (
    "Setiap koreksi yang disimpan di Jelajah aduan adalah keputusan analis, juga bila kategorinya sama dengan "
    "kategori mesin. Analis terutama memutuskan aduan yang perlu tinjauan atau yang tampak salah, sehingga angka di "
    "sini lebih rendah daripada ketepatan mesin atas semua aduan. Untuk mengukur dan melatih ulang model dengan "
    "keputusan ini: `awasi labels`, lalu `awasi evaluate --gold` atau `awasi train --labels`.")


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
    _decisions(store)


def _decisions(store: Store) -> None:
    st.subheader("Keputusan analis atas kategori mesin")
    table = store.decisions()
    if not table.height:
        st.info("Belum ada keputusan analis. Koreksi yang disimpan di Jelajah aduan akan tercatat di sini.")
        return
    total, kept = table["keputusan"].sum(), table["dipertahankan"].sum()
    unreviewed, kept_unreviewed = table["keputusan_tanpa_tinjauan"].sum(), table["dipertahankan_tanpa_tinjauan"].sum()
    m = st.columns(3)
    m[0].metric("Keputusan analis", angka(total))
    m[1].metric("Kategori mesin dipertahankan", persen(kept / total), help=f"{angka(kept)} dari {angka(total)}")
    m[2].metric("Dipertahankan, aduan tanpa tinjauan",
                persen(kept_unreviewed / unreviewed if unreviewed else None),
                help=f"{angka(kept_unreviewed)} dari {angka(unreviewed)} keputusan atas aduan yang tidak dikirim ke "
                     "tinjauan")
    shown = table.select(
        pl.Series("kategori mesin", [category_name(c) for c in table["kode"]], dtype=pl.String),
        pl.col("keputusan"), pl.col("dipertahankan"),
        pl.Series("persen dipertahankan", [persen(k / n) for k, n in zip(table["dipertahankan"], table["keputusan"])],
                  dtype=pl.String))
    st.dataframe(tabel(shown), **TABLE)
    st.caption(DECISIONS_NOTE)
