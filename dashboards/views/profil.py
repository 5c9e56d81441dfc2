"""Profil instansi: one agency's volume, form mix, timeliness, trend and rank among agencies of its type."""

from __future__ import annotations

from dataclasses import replace

import polars as pl
import streamlit as st

from dashboards.charts import bars, forms_only, monthly_stacked
from dashboards.data import Filters, Store
from dashboards.fmt import TABLE, angka, desimal, persen, tabel

DEFINITIONS = """
- **Aduan**: aduan untuk instansi ini dalam filter terpilih.
- **Dugaan maladministrasi**: aduan yang kategorinya (setelah koreksi) salah satu dari sepuluh bentuk, dibagi aduan.
- **Ditanggapi ≤ 4 jam**: aduan dengan tanggapan pertama paling lama 4 jam setelah diterima, dibagi aduan yang
  kanalnya mencatat waktu tanggapan (saat ini hanya SP4N-LAPOR!).
- **Median hari sampai selesai**: median hari kalender dari diterima sampai status *Selesai*, atas aduan instansi
  ini yang sudah selesai (saat ini hanya SP4N-LAPOR! yang mengirim status).
- **Peringkat**: urutan menurut jumlah aduan di antara instansi dengan jenis yang sama (1 = paling banyak diadukan).
"""


PAGE_KEY = "profil_instansi"


def _chosen() -> None:
    """The agency chosen on the page is the sidebar's agency filter, kept in the URL as the sidebar keeps it (app.py):
    a reload or a shared link shows the same agency. A callback runs before the sidebar is drawn again, so it may
    set the sidebar's box (forgetting the box's value instead left it showing the old one in the browser)."""
    st.query_params["instansi"] = st.session_state["f_instansi"] = st.session_state[PAGE_KEY]


def render(store: Store, filters: Filters) -> None:
    st.header("Profil instansi")
    league = store.agency_league(replace(filters, agency=None))
    if league.height == 0:
        st.info("Tidak ada aduan dengan instansi teridentifikasi untuk filter ini.")
        return
    names = league["agency"].to_list()
    if filters.agency and filters.agency not in names:  # it showed the first agency instead, under the filter's name
        st.info(f"Tidak ada aduan untuk instansi {filters.agency} dengan filter ini.")
        return
    # The sidebar's agency (the URL's), else the first. Set as the box's state, not as its index: the sidebar may
    # have chosen another agency since the box was last drawn, and the box's own value would win over an index.
    shown = filters.agency or names[0]
    if st.session_state.get(PAGE_KEY) != shown:
        st.session_state[PAGE_KEY] = shown
    agency = st.selectbox("Instansi", names, key=PAGE_KEY, on_change=_chosen)
    row = league.filter(pl.col("agency") == agency).row(0, named=True)
    # Three metrics a row, and the agency type in the rank's tooltip: five in a row, or the type in the label, cut
    # the labels with "..." (at 1024 px a fifth of the page is about 100 px).
    c1, c2, c3 = st.columns(3)
    c1.metric("Aduan", angka(row["aduan"]))
    c2.metric("Dugaan maladministrasi", persen(row["persen_maladministrasi"] / 100))
    c3.metric("Ditanggapi ≤ 4 jam", persen(None if row["persen_tanggap_4_jam"] is None else row["persen_tanggap_4_jam"] / 100))
    c5, c4, _ = st.columns(3)
    c5.metric("Median hari sampai selesai",
              desimal(row["median_hari_selesai"]))
    c4.metric("Peringkat", f"{row['peringkat_dalam_jenis']} dari {row['jumlah_instansi_sejenis']}",
              help=f"Di antara instansi jenis {row['agency_type']}" if row["agency_type"] else
                   "Di antara instansi yang jenisnya tidak diketahui")
    with st.expander("Definisi ukuran"):
        st.markdown(DEFINITIONS)
    only = replace(filters, agency=agency)
    mix, left_out = forms_only(store.by_dimension(only, "kategori"))
    st.subheader("Bentuk maladministrasi")
    if mix.height:
        st.altair_chart(bars(mix, "nilai", color_by_category=True, title="Bentuk"), width="stretch")
    if left_out:
        st.caption(left_out)
    st.subheader("Tren bulanan")
    st.altair_chart(monthly_stacked(store.by_month(only)), width="stretch")
    st.subheader("Instansi sejenis")
    same = league.filter(pl.col("agency_type").eq_missing(row["agency_type"])).drop("agency_type")
    st.dataframe(tabel(same.rename({
        "agency": "instansi", "maladministrasi": "dugaan maladministrasi", "dengan_tanggapan": "dengan tanggapan",
        "tanggap_4_jam": "ditanggapi ≤ 4 jam", "persen_maladministrasi": "% maladministrasi",
        "persen_tanggap_4_jam": "% ditanggapi ≤ 4 jam", "median_hari_selesai": "median hari sampai selesai",
        "peringkat_dalam_jenis": "peringkat", "jumlah_instansi_sejenis": "instansi sejenis",
    }, strict=False)), **TABLE)
