"""Ketepatan waktu: first response, forwarding and action against the standards, in working days with
national holidays; the overdue list, oldest first."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import polars as pl
import streamlit as st

from dashboards.data import Filters, Store
from dashboards.fmt import angka, desimal, persen
from transforms.timeliness import indonesian_holidays, service_steps

DEFINITIONS = """
- Hanya aduan dari kanal yang mencatat waktu tanggapan dan tahapan (saat ini SP4N-LAPOR!) yang dihitung. Hari kerja:
  Senin-Jumat di luar hari libur nasional; hari diterima tidak dihitung.
- **Tanggapan ≤ {hours} jam**: aduan dengan tanggapan pertama paling lama {hours} jam setelah diterima, dibagi semua
  aduan kanal ini.
- **Diteruskan ≤ {fwd} hari kerja**: aduan yang diteruskan (status *Terdisposisi*) ke instansi paling lama {fwd} hari
  kerja setelah diterima, dibagi aduan yang sudah diteruskan atau yang batas {fwd} hari kerjanya sudah lewat (aduan
  yang masih dalam batas waktu belum dihitung).
- **Ditindaklanjuti ≤ {act} hari kerja**: aduan yang ditindaklanjuti instansi (status *Ditindaklanjuti*) paling lama
  {act} hari kerja setelah diteruskan, dibagi aduan yang sudah diteruskan dan sudah ditindaklanjuti atau yang batas
  {act} hari kerjanya sudah lewat.
- **Terlambat**: aduan yang saat ini melewati batas: belum diteruskan lebih dari {fwd} hari kerja setelah diterima,
  atau sudah diteruskan tetapi belum ditindaklanjuti lebih dari {act} hari kerja. Jumlah ini sama dengan panjang
  daftar di bawah.
- **Median hari sampai selesai**: median hari kalender dari diterima sampai status *Selesai*, atas aduan yang
  sudah selesai.
"""


def share(flags: pl.Series) -> tuple[int, int]:
    """(true, counted) of a flag column where null means 'not counted yet'."""
    counted = flags.drop_nulls()
    return int(counted.sum()), counted.len()


def render(store: Store, filters: Filters) -> None:
    st.header("Ketepatan waktu")
    c1, c2, c3 = st.columns(3)
    hours = int(c1.number_input("Standar tanggapan pertama (jam)", 1, 72, 4, key="std_jam"))
    fwd = int(c2.number_input("Standar diteruskan (hari kerja)", 1, 30, 3, key="std_teruskan"))
    act = int(c3.number_input("Standar ditindaklanjuti (hari kerja)", 1, 30, 5, key="std_hari"))
    frame = store.frame("timeliness", filters.params())
    if frame.height == 0:
        st.info("Tidak ada aduan dari kanal yang mencatat waktu tanggapan untuk filter ini.")
        return
    today = datetime.now(timezone(timedelta(hours=7))).date()
    holidays = indonesian_holidays(range(frame["received_at_local"].min().year, today.year + 1))
    frame = service_steps(frame, holidays, today, hours, fwd, act)
    n = frame.height
    in_hours = int(frame["dalam_jam"].fill_null(False).sum())
    fwd_ok, fwd_n = share(frame["diteruskan_tepat"])
    act_ok, act_n = share(frame["ditindaklanjuti_tepat"])
    overdue = frame.filter(pl.col("tahap_terlambat").is_not_null())
    to_close = frame["hari_sampai_selesai"].drop_nulls()
    m = st.columns(5)
    m[0].metric(f"Tanggapan ≤ {hours} jam", persen(in_hours / n), help=f"{in_hours} dari {n} aduan")
    m[1].metric(f"Diteruskan ≤ {fwd} hari kerja", persen(fwd_ok / fwd_n if fwd_n else None),
                help=f"{fwd_ok} dari {fwd_n} aduan yang sudah jatuh tempo")
    m[2].metric(f"Ditindaklanjuti ≤ {act} hari kerja", persen(act_ok / act_n if act_n else None),
                help=f"{act_ok} dari {act_n} aduan yang sudah jatuh tempo")
    m[3].metric("Terlambat saat ini", angka(overdue.height))
    m[4].metric("Median hari sampai selesai", desimal(to_close.median() if to_close.len() else None),
                help=f"atas {to_close.len()} aduan yang sudah selesai")
    with st.expander("Definisi ukuran"):
        st.markdown(DEFINITIONS.format(hours=hours, fwd=fwd, act=act))
    st.subheader("Per instansi")
    per_agency = frame.group_by("agency").agg(
        aduan=pl.len(),
        tanggapan_dalam_jam=pl.col("dalam_jam").fill_null(False).sum(),
        diteruskan_tepat=pl.col("diteruskan_tepat").sum(), diteruskan_jatuh_tempo=pl.col("diteruskan_tepat").count(),
        ditindaklanjuti_tepat=pl.col("ditindaklanjuti_tepat").sum(),
        ditindaklanjuti_jatuh_tempo=pl.col("ditindaklanjuti_tepat").count(),
        median_hari_sampai_selesai=pl.col("hari_sampai_selesai").median().round(1),
        terlambat=pl.col("tahap_terlambat").is_not_null().sum(),
    ).sort("terlambat", "aduan", descending=True)
    st.dataframe(per_agency.rename({
        "agency": "instansi", "tanggapan_dalam_jam": f"tanggapan ≤ {hours} jam",
        "diteruskan_tepat": f"diteruskan ≤ {fwd} hk", "diteruskan_jatuh_tempo": "diteruskan: jatuh tempo",
        "ditindaklanjuti_tepat": f"ditindaklanjuti ≤ {act} hk",
        "ditindaklanjuti_jatuh_tempo": "ditindaklanjuti: jatuh tempo",
        "median_hari_sampai_selesai": "median hari sampai selesai", "terlambat": "terlambat saat ini",
    }).to_pandas(), hide_index=True, width="stretch")
    st.caption("hk = hari kerja. *Jatuh tempo*: aduan yang sudah melewati tahap itu atau yang batas waktunya sudah lewat.")
    st.subheader("Daftar terlambat (paling lama dahulu)")
    st.dataframe(overdue.sort("hari_kerja_terlambat", descending=True).select(
        "complaint_id", "received_at_local", "agency", "tahap_terlambat", "hari_kerja_terlambat", "status").rename(
        {"complaint_id": "id", "received_at_local": "diterima (WIB)", "agency": "instansi",
         "tahap_terlambat": "tahap terlambat", "hari_kerja_terlambat": "hari kerja sejak batas mulai"}
    ).head(500).to_pandas(), hide_index=True, width="stretch")
