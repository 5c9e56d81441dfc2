"""Kategori, Kanal, Wilayah: the same measures by category, channel and place."""

from __future__ import annotations

import streamlit as st

from dashboards.charts import bars, with_form_names
from dashboards.data import Filters, Store
from dashboards.fmt import TABLE, tabel
from transforms.labels import channel_name
from transforms.series import map_values


def render(store: Store, filters: Filters) -> None:
    st.header("Kategori, Kanal, Wilayah")
    with st.expander("Definisi ukuran"):
        st.markdown("- **Jumlah aduan**: aduan dalam filter terpilih per nilai (kategori setelah koreksi analis).\n"
                    "- **Perlu tinjauan**: aduan yang keyakinan klasifikasinya di bawah ambang dan belum dikoreksi.\n"
                    "- **Wilayah**: provinsi dan kabupaten/kota hasil pencocokan teks lokasi, instansi dan isi aduan "
                    "dengan daftar wilayah; '(tidak diketahui)' bila tidak ditemukan.")
    # One dimension at a time: one query, one chart and one table per interaction (four at once took over 1 s).
    labels = {"kategori": "Kategori", "kanal": "Kanal", "provinsi": "Provinsi", "kabupaten/kota": "Kabupaten/kota"}
    dim = st.segmented_control("Tampilkan per", list(labels), format_func=labels.get, default="kategori",
                               key="dimensi_pilih") or "kategori"
    frame = store.by_dimension(filters, dim)
    if frame.height == 0:
        st.info("Tidak ada aduan untuk filter ini.")
        return
    if dim == "kanal":  # channels by their display names (SP4N-LAPOR!, WhatsApp, ...)
        frame = frame.with_columns(nilai=map_values(frame["nilai"], channel_name))
    if dim == "kategori":
        frame = with_form_names(frame)
        st.altair_chart(bars(frame, "nilai", color_by_category=True, title=labels[dim]), width="stretch")
    else:
        st.altair_chart(bars(frame, "nilai", title=labels[dim]), width="stretch")
    if frame.height > 25:
        st.caption(f"Grafik: 25 teratas dari {frame.height} nilai; tabel: semuanya.")
    # by name only: the code (`kode`, kept for the chart's colours) means nothing to an analyst
    st.dataframe(tabel(frame.select("nilai", "jumlah", "perlu_tinjauan").rename(
        {"nilai": dim, "jumlah": "jumlah aduan", "perlu_tinjauan": "perlu tinjauan"})), **TABLE)
