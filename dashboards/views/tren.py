"""Tren per instansi: monthly trend by form, agency ranking and fastest-rising agencies."""

from __future__ import annotations

import streamlit as st

from dashboards.charts import bars, monthly_stacked
from dashboards.data import Filters, Store
from dashboards.fmt import angka, show_table


def render(store: Store, filters: Filters) -> None:
    st.header("Tren per instansi")
    st.caption("Pilih instansi di filter samping untuk melihat tren satu instansi.")
    monthly = store.by_month(filters)
    if monthly.height == 0:
        st.info("Tidak ada aduan untuk filter ini.")
        return
    st.subheader("Aduan per bulan dan bentuk maladministrasi")
    st.altair_chart(monthly_stacked(monthly), width="stretch")
    st.subheader("Peringkat instansi")
    ranking, unknown = store.agency_ranking(filters)
    if ranking.height:
        st.altair_chart(bars(ranking, "nilai", title="Instansi"), width="stretch")
    shown = f"25 teratas dari {angka(ranking.height)} instansi. " if ranking.height > 25 else ""
    st.caption(f"{shown}{angka(unknown)} aduan tanpa instansi teridentifikasi tidak ikut diperingkat.")
    st.subheader("Instansi dengan kenaikan aduan tercepat")
    growth = store.agency_growth(filters)
    show_table(growth.rename({"tiga_bulan_terakhir": "3 bulan terakhir", "tiga_bulan_sebelumnya": "3 bulan sebelumnya"},
                             strict=False),
               "Tidak ada instansi dengan sedikitnya 3 aduan dalam 6 bulan terakhir data pada filter ini.")
    with st.expander("Definisi ukuran"):
        st.markdown("- **Aduan per bulan**: aduan menurut bulan diterima (WIB) dan kategori setelah koreksi analis.\n"
                    "- **Peringkat instansi**: jumlah aduan per instansi dalam filter terpilih; hanya instansi yang "
                    "teridentifikasi (aduan tanpa instansi disebut di bawah grafik).\n"
                    "- **Kenaikan**: aduan 3 bulan terakhir (sampai aduan terakhir dalam filter) dikurangi aduan 3 "
                    "bulan sebelumnya; hanya instansi dengan sedikitnya 3 aduan.")
