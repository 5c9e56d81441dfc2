"""Ketepatan waktu: time to first response against the standards, in working days with national holidays."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import polars as pl
import streamlit as st

from dashboards.data import Filters, Store
from transforms.timeliness import indonesian_holidays, working_days_between

STANDARDS = {"tanggapan pertama (jam)": 4, "diteruskan (hari kerja)": 3, "ditindaklanjuti (hari kerja)": 5}
DEFINITIONS = """
- Hanya aduan dari kanal yang mencatat waktu tanggapan (saat ini SP4N-LAPOR!) yang dihitung.
- **Tanggapan ≤ 4 jam**: aduan dengan tanggapan pertama paling lama 4 jam setelah diterima, dibagi aduan kanal ini.
- **Tanggapan ≤ 5 hari kerja**: tanggapan pertama paling lama 5 hari kerja (Senin-Jumat di luar hari libur
  nasional) setelah hari diterima, dibagi aduan kanal ini.
- **Terlambat**: belum ada tanggapan sama sekali dan sudah lebih dari 5 hari kerja sejak diterima.
- Waktu *diteruskan* (3 hari kerja) belum dapat diukur: kanal belum mengirim waktu penerusan.
"""


def render(store: Store, filters: Filters) -> None:
    st.header("Ketepatan waktu")
    c1, c2 = st.columns(2)
    hours = c1.number_input("Standar tanggapan pertama (jam)", 1, 72, 4, key="std_jam")
    days = c2.number_input("Standar tindak lanjut (hari kerja)", 1, 30, 5, key="std_hari")
    frame = store.frame("timeliness", filters.params())
    if frame.height == 0:
        st.info("Tidak ada aduan dari kanal yang mencatat waktu tanggapan untuk filter ini.")
        return
    today = datetime.now(timezone(timedelta(hours=7))).date()
    years = range(frame["received_at_local"].min().year, today.year + 1)
    holidays = indonesian_holidays(years)
    received = frame["received_at_local"].dt.date()
    responded = frame["first_response_at_local"].dt.date()
    frame = frame.with_columns(
        hari_kerja_tanggapan=working_days_between(received, responded, holidays),
        hari_kerja_berjalan=working_days_between(received, pl.Series([today] * frame.height), holidays),
        dalam_jam=(pl.col("first_response_at_utc") - pl.col("received_at_utc")) <= pl.duration(hours=int(hours)),
    )
    n = frame.height
    within_hours = frame["dalam_jam"].fill_null(False).sum()
    within_days = frame.filter(pl.col("hari_kerja_tanggapan") <= days).height
    overdue = frame.filter(pl.col("first_response_at_utc").is_null() & (pl.col("hari_kerja_berjalan") > days))
    m1, m2, m3 = st.columns(3)
    m1.metric(f"Tanggapan ≤ {hours} jam", f"{within_hours / n:.1%}", help=f"{within_hours} dari {n} aduan")
    m2.metric(f"Tanggapan ≤ {days} hari kerja", f"{within_days / n:.1%}", help=f"{within_days} dari {n} aduan")
    m3.metric("Terlambat (belum ditanggapi)", f"{overdue.height:,}".replace(",", "."))
    with st.expander("Definisi ukuran"):
        st.markdown(DEFINITIONS)
    st.subheader("Per instansi")
    per_agency = frame.group_by("agency").agg(
        aduan=pl.len(), tanggapan_dalam_jam=pl.col("dalam_jam").fill_null(False).sum(),
        median_hari_kerja=pl.col("hari_kerja_tanggapan").median(),
        terlambat=(pl.col("first_response_at_utc").is_null() & (pl.col("hari_kerja_berjalan") > days)).sum(),
    ).sort("terlambat", "aduan", descending=True)
    st.dataframe(per_agency.rename({"agency": "instansi"}).to_pandas(), hide_index=True, width="stretch")
    st.subheader("Daftar terlambat (paling lama dahulu)")
    st.dataframe(overdue.sort("received_at_local").select(
        "complaint_id", "received_at_local", "agency", "hari_kerja_berjalan", "status").rename(
        {"complaint_id": "id", "received_at_local": "diterima (WIB)", "agency": "instansi",
         "hari_kerja_berjalan": "hari kerja sejak diterima"}).head(500).to_pandas(), hide_index=True, width="stretch")
