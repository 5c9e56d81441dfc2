"""Ketepatan waktu: first response, forwarding and action against the standards, in working days with
national holidays; the overdue list, oldest first. The measures are computed in SQL
(`dashboards/sql/service_steps.sql`) over the mart's working-day ordinals."""

from __future__ import annotations

import polars as pl
import streamlit as st

from dashboards.data import UNKNOWN, Filters, Store
from dashboards.fmt import TABLE, angka, desimal, persen, show_table, tabel
from flows.export import today_wib

OVERDUE_ROWS = 500

DEFINITIONS = """
- Hanya aduan dari kanal yang mencatat waktu tanggapan dan tahapan (saat ini SP4N-LAPOR!) yang dihitung. Hari kerja:
  Senin-Jumat di luar hari libur nasional; hari diterima tidak dihitung.
- **Tanggapan ≤ {hours} jam**: aduan dengan tanggapan pertama paling lama {hours} jam setelah diterima, dibagi semua
  aduan kanal ini.
- **Diteruskan ≤ {fwd} hk** (hk = hari kerja): aduan yang diteruskan (status *Terdisposisi*) ke instansi paling
  lama {fwd} hari kerja setelah diterima, dibagi aduan yang sudah diteruskan atau yang batas {fwd} hari kerjanya
  sudah lewat (aduan yang masih dalam batas waktu belum dihitung).
- **Ditindaklanjuti ≤ {act} hk**: aduan yang ditindaklanjuti instansi (status *Ditindaklanjuti*) paling lama
  {act} hari kerja setelah diteruskan, dibagi aduan yang sudah diteruskan dan sudah ditindaklanjuti atau yang batas
  {act} hari kerjanya sudah lewat.
- **Terlambat**: aduan yang saat ini melewati batas: belum diteruskan lebih dari {fwd} hari kerja setelah diterima,
  atau sudah diteruskan tetapi belum ditindaklanjuti lebih dari {act} hari kerja. Jumlah ini sama dengan panjang
  daftar di bawah.
- **Median hari sampai selesai**: median hari kalender dari diterima sampai status *Selesai*, atas aduan yang
  sudah selesai.
"""


def render(store: Store, filters: Filters) -> None:
    st.header("Ketepatan waktu")
    c1, c2, c3 = st.columns(3)
    # Sliders, not number inputs: a typed "-5" or "100" in a number input got Streamlit's own English error
    # ("Number is outside the allowed range"); a slider only moves between its bounds.
    hours = int(c1.slider("Standar tanggapan pertama (jam)", 1, 72, 4, key="std_jam"))
    fwd = int(c2.slider("Standar diteruskan (hari kerja)", 1, 30, 3, key="std_teruskan"))
    act = int(c3.slider("Standar ditindaklanjuti (hari kerja)", 1, 30, 5, key="std_hari"))
    today = today_wib()
    table = store.timeliness(filters, today, hours, fwd, act)
    total = table.row(0, named=True) if table.height else None
    if not total or not total["aduan"]:
        st.info("Tidak ada aduan dari kanal yang mencatat waktu tanggapan untuk filter ini.")
        return
    n = total["aduan"]
    # Three metrics a row and "hk" (hari kerja, as in the table): five in a row cut the labels with "..." (at
    # 1024 px a fifth of the page is about 80 px beside a tooltip's icon), as did "hari kerja" in a third of it;
    # the median beside its icon needs half a row.
    m = [*st.columns(3), *st.columns(2)]
    m[0].metric(f"Tanggapan ≤ {hours} jam", persen(total["tanggapan_dalam_jam"] / n),
                help=f"{total['tanggapan_dalam_jam']} dari {n} aduan")
    m[1].metric(f"Diteruskan ≤ {fwd} hk", _share(total["diteruskan_tepat"], total["diteruskan_jatuh_tempo"]),
                help=f"Diteruskan paling lama {fwd} hari kerja (hk) setelah diterima: {total['diteruskan_tepat']} dari "
                     f"{total['diteruskan_jatuh_tempo']} aduan yang sudah jatuh tempo")
    m[2].metric(f"Ditindaklanjuti ≤ {act} hk",
                _share(total["ditindaklanjuti_tepat"], total["ditindaklanjuti_jatuh_tempo"]),
                help=f"Ditindaklanjuti paling lama {act} hari kerja (hk) setelah diteruskan: "
                     f"{total['ditindaklanjuti_tepat']} dari {total['ditindaklanjuti_jatuh_tempo']} aduan yang sudah "
                     "jatuh tempo")
    m[3].metric("Terlambat saat ini", angka(total["terlambat"]))
    m[4].metric("Median hari sampai selesai", desimal(total["median_hari_sampai_selesai"]),
                help=f"atas {total['selesai']} aduan yang sudah selesai")
    with st.expander("Definisi ukuran"):
        st.markdown(DEFINITIONS.format(hours=hours, fwd=fwd, act=act))
    st.subheader("Per instansi")
    per_agency = table.filter(~pl.col("is_total")).drop("is_total", "selesai").with_columns(
        pl.col("median_hari_sampai_selesai").round(1), pl.col("agency").fill_null(UNKNOWN))  # not a bare "-"
    st.dataframe(tabel(per_agency.rename({
        "agency": "instansi", "tanggapan_dalam_jam": f"tanggapan ≤ {hours} jam",
        "diteruskan_tepat": f"diteruskan ≤ {fwd} hk", "diteruskan_jatuh_tempo": "diteruskan: jatuh tempo",
        "ditindaklanjuti_tepat": f"ditindaklanjuti ≤ {act} hk",
        "ditindaklanjuti_jatuh_tempo": "ditindaklanjuti: jatuh tempo",
        "median_hari_sampai_selesai": "median hari sampai selesai", "terlambat": "terlambat saat ini",
    })), **TABLE)
    st.caption("hk = hari kerja. *Jatuh tempo*: aduan yang sudah melewati tahap itu atau yang batas waktunya sudah lewat.")
    st.subheader("Daftar terlambat (paling lama dahulu)")
    overdue = store.overdue(filters, today, hours, fwd, act, limit=OVERDUE_ROWS)
    if total["terlambat"] > overdue.height:
        st.caption(f"{OVERDUE_ROWS} dari {angka(total['terlambat'])} aduan terlambat ditampilkan.")
    show_table(overdue.rename(
        {"complaint_id": "id", "received_at_local": "diterima (WIB)", "agency": "instansi",
         "tahap_terlambat": "tahap terlambat", "hari_kerja_terlambat": "hari kerja sejak batas mulai"}),
        "Tidak ada aduan yang terlambat untuk filter dan standar waktu ini.")


def _share(ok: int, counted: int) -> str:
    return persen(ok / counted if counted else None)
