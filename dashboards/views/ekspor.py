"""Ekspor infografis: the yearly counts as CSV, XLSX, Parquet, PNG and SVG downloads (same files as `awasi export`)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from functools import partial

import streamlit as st

from dashboards.data import Filters, Store
from dashboards.fmt import TABLE, tabel
from flows.export import REVIEW_RULES, ExportRequest, build_counts, export_bytes, no_complaints_message
from transforms.infographic import REVIEW_NOTE

MIME = {"csv": "text/csv", "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "parquet": "application/vnd.apache.parquet", "png": "image/png", "svg": "image/svg+xml"}


def render(store: Store, filters: Filters) -> None:
    st.header("Ekspor infografis")
    st.caption("Jumlah laporan per bentuk maladministrasi untuk satu tahun, memakai kategori hasil koreksi analis. "
               "Filter provinsi, instansi dan kanal dari panel samping ikut dipakai; filter tanggal dan kategori "
               "tidak.")
    # default: the year of the newest complaint under the filters the export uses (not the dates, not the category:
    # it counts every form), not an empty new year
    newest = store.last_day(replace(filters, category=None))
    year = st.number_input("Tahun", min_value=2000, max_value=2100, value=(newest or date.today()).year, step=1,
                           key="tahun")
    review = st.radio("Aduan yang masih perlu tinjauan", REVIEW_RULES, index=2, key="tinjauan",
                      format_func=lambda r: REVIEW_NOTE[r])
    office = st.text_input("Nama perwakilan untuk judul (opsional)", key="perwakilan")
    req = ExportRequest(year=int(year), review=review, region=filters.province, agency=filters.agency,
                        scope=filters.scope,
                        channel=filters.channel, office=office or None)
    table, context = build_counts(store.db_path, req)
    formats = ("csv", "xlsx", "parquet", "png", "svg")
    if not context["aduan_tahun_ini"]:  # no empty infographic: say so, offer only the data files
        st.info(no_complaints_message(req))
        formats = ("csv", "xlsx", "parquet")
    if table.height:
        st.dataframe(tabel(table), **TABLE)
        until = context["tahun_lalu_sampai"]
        st.caption(f"*jumlah_tahun_lalu*: aduan {context['periode_tahun_lalu']}" + (
            f" (tahun {int(year)} belum selesai: dibandingkan sampai hari yang sama)." if until else "."))
        if req.by == "category":
            st.caption("Infografis PNG/SVG hanya memuat dan menjumlahkan baris *dugaan maladministrasi*; jumlah "
                       "*bukan maladministrasi* disebut di catatan kakinya.")
    cols = st.columns(len(formats))
    for col, fmt in zip(cols, formats):
        # deferred: the file is made when the analyst clicks, not on every rerun of the page
        col.download_button(f"Unduh {fmt.upper()}", data=partial(export_bytes, store.db_path, req, fmt),
                            file_name=f"maladministrasi-{int(year)}.{fmt}", mime=MIME[fmt], on_click="ignore",
                            key=f"unduh_{fmt}")
