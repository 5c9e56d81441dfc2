"""Kualitas data: validation results of the newest run that checked data, quarantine counts and reasons, run
history, and how often analysts' decisions kept the machine's category."""

from __future__ import annotations

import polars as pl
import streamlit as st

from dashboards.charts import category_name
from dashboards.data import Filters, Store
from dashboards.fmt import TABLE, angka, persen, show_table, tabel
from transforms.labels import channel_name, run_outcome

# What a failed expectation does (validations.level): its rows quarantined, its batch held back, or a warning only.
LEVELS = {"row": "baris", "batch": "kumpulan (batch)", "warning": "peringatan"}
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
        (st.success if last["outcome"] == "completed" else st.warning)(f"Run terakhir: {run_outcome(last['outcome'])}")
        st.text(last["message"] or "")
    st.subheader("Hasil validasi (Great Expectations)")
    validations = store.validations()
    if validations.height and runs.height and validations["run_id"][0] != runs["run_id"][0]:
        st.caption(f"Dari run {validations['run_id'][0]}, run terakhir yang memeriksa data; run sesudahnya tidak "
                   "menerima berkas baru atau gagal.")
    validations = validations.drop("run_id").with_columns(
        pl.Series("level", [LEVELS.get(v, v) for v in validations["level"]], dtype=pl.String))
    show_table(validations.rename({
        "suite": "suite", "reason": "keterangan", "expectation": "kode aturan", "level": "tingkat", "success": "lolos",
        "rows_evaluated": "baris diperiksa", "rows_failed": "baris gagal"}),
        "Belum ada run yang memeriksa data.")
    st.subheader("Karantina per alasan")
    if show_table(quarantine_table(store.quarantine()), "Tidak ada catatan yang dikarantina."):
        st.caption("Alasan: yang tercatat pada sebagian besar catatan dengan kode itu. *Digantikan*: catatan yang "
                   "kemudian diterima dari berkas lain (mis. kiriman ulang yang sudah diperbaiki) pada run yang sama "
                   "atau sesudahnya; baris karantinanya tetap disimpan sebagai riwayat. Lihat rinciannya dengan "
                   "`awasi quarantine list --reason-code KODE`; jalankan ulang setelah perbaikan dengan "
                   "`awasi quarantine retry`.")
    st.subheader("Riwayat run")
    runs = runs.with_columns(pl.Series("agency_resolved_share", [persen(x) for x in runs["agency_resolved_share"]],
                                       dtype=pl.String),
                             pl.Series("outcome", [run_outcome(x) for x in runs["outcome"]], dtype=pl.String))
    show_table(runs.rename({
        "run_id": "run", "started_at_utc": "mulai (UTC)", "outcome": "hasil", "records_total": "catatan",
        "accepted": "diterima", "merged": "digabung", "quarantined": "dikarantina", "complaints_new": "aduan baru",
        "agency_resolved_share": "porsi instansi teridentifikasi", "message": "pesan"}),
        "Belum ada run yang tercatat.")
    _decisions(store)


def quarantine_table(quarantine: pl.DataFrame) -> pl.DataFrame:
    """The quarantine per reason as shown: channels by name, and the file that took superseded records in later
    ("-" when none did; "... dan N berkas lain" when several did)."""
    files = [None if not n else first if n == 1 else f"{first} dan {n - 1} berkas lain"
             for first, n in zip(quarantine["berkas_pengganti"], quarantine["berkas_pengganti_n"])]
    return quarantine.select(
        pl.Series("kanal", [channel_name(c) for c in quarantine["kanal"]], dtype=pl.String),
        "alasan", "kode alasan", "jumlah", "digantikan",
        pl.Series("diterima kemudian dari", files, dtype=pl.String))


def _decisions(store: Store) -> None:
    st.subheader("Keputusan analis atas kategori mesin")
    table = store.decisions()
    if not table.height:
        st.info("Belum ada keputusan analis. Koreksi yang disimpan di Jelajah aduan akan tercatat di sini.")
        return
    total, kept = table["keputusan"].sum(), table["dipertahankan"].sum()
    unreviewed, kept_unreviewed = table["keputusan_tanpa_tinjauan"].sum(), table["dipertahankan_tanpa_tinjauan"].sum()
    # widths by the labels' lengths: in equal thirds the longer labels were cut with "..." at 1024 px
    m = st.columns([2, 3, 4])
    m[0].metric("Keputusan analis", angka(total))
    m[1].metric("Kategori dipertahankan", persen(kept / total),
                help=f"Kategori mesin dipertahankan: {angka(kept)} dari {angka(total)} keputusan")
    m[2].metric("Dipertahankan, tanpa tinjauan",
                persen(kept_unreviewed / unreviewed if unreviewed else None),
                help=f"Kategori mesin dipertahankan: {angka(kept_unreviewed)} dari {angka(unreviewed)} keputusan atas "
                     "aduan yang tidak dikirim ke tinjauan")
    shown = table.select(
        pl.Series("kategori mesin", [category_name(c) for c in table["kode"]], dtype=pl.String),
        pl.col("keputusan"), pl.col("dipertahankan"),
        pl.Series("persen dipertahankan", [persen(k / n) for k, n in zip(table["dipertahankan"], table["keputusan"])],
                  dtype=pl.String))
    st.dataframe(tabel(shown), **TABLE)
    st.caption(DECISIONS_NOTE)
