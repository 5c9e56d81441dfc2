"""Jelajah aduan: search, read a complaint (masked; secret reports never shown), see why, correct it."""

from __future__ import annotations

import streamlit as st

from dashboards.charts import category_name
from dashboards.data import Filters, Store, search_terms
from dashboards.fmt import TABLE, persen, tabel
from transforms.labels import LABELS, channel_name, cue_name

SECRET = "[Laporan rahasia: isi tidak ditampilkan. Laporan ini tetap dihitung dalam semua angka.]"


def render(store: Store, filters: Filters) -> None:
    st.header("Jelajah aduan")
    words = st.text_input("Cari kata dalam teks aduan (maks. 3 kata, semua harus ada)", key="cari",
                          value=st.query_params.get("cari", ""))
    if words != st.query_params.get("cari", ""):
        st.query_params["cari"] = words
    if words.strip() and not search_terms(words):
        st.info("Kata pencarian terlalu pendek atau tanpa huruf dan angka; tulis kata yang lebih panjang.")
        return
    found = store.search(filters, words)
    if found.height == 0:
        st.info("Tidak ada aduan yang memuat kata itu pada filter ini." if words.strip() else
                "Tidak ada aduan pada filter ini.")
        return
    st.caption(f"{found.height} aduan ditampilkan (paling baru dahulu, maks. 200).")
    table = found.select("complaint_id", "received_at_local", "channel", "agency", "effective_category",
                         "pending_review", "title").to_pandas()
    table["title"] = [SECRET if s else t for s, t in zip(found["is_secret"].to_list(), table["title"])]
    table["effective_category"] = [category_name(c) for c in table["effective_category"]]
    table["channel"] = [channel_name(c) for c in table["channel"]]
    st.dataframe(tabel(table.rename(columns={
        "complaint_id": "id", "received_at_local": "diterima (WIB)", "channel": "kanal", "agency": "instansi",
        "effective_category": "kategori", "pending_review": "perlu tinjauan", "title": "judul"})), **TABLE)
    chosen = st.selectbox("Baca aduan", found["complaint_id"].to_list(), key="aduan")
    c = store.complaint(chosen, filters.scope) if chosen else None
    if not c:
        return
    st.subheader(f"Aduan {c['complaint_id']}")
    st.text(f"Diterima {c['received_at_local']} WIB melalui {channel_name(c['channel'])}; "
            f"instansi: {c['agency'] or '-'}; "
            f"wilayah: {c['regency'] or c['province'] or '-'}")
    st.text(SECRET if c["is_secret"] else (c["title"] or ""))
    st.text(SECRET if c["is_secret"] else c["text"])  # plain text: never rendered as Markdown or HTML
    st.markdown("**Mengapa kategori ini**")
    st.text(f"Kategori: {category_name(c['effective_category'])}"
            + (" (dikoreksi analis)" if c["corrected"] else
               f"; keyakinan mesin {persen(c['confidence'], 0)}" if c["confidence"] is not None else ""))
    # the cues are phrases of the text: a secret report's would tell what it says
    st.text("Isyarat yang ditemukan: " + ("(tidak ditampilkan untuk laporan rahasia)" if c["is_secret"]
                                          else ", ".join(cue_name(q) for q in c["cues"] or []) or "-"))
    if c["secondary"]:
        st.text("Bentuk lain yang mungkin: " + ", ".join(category_name(s) for s in c["secondary"]))
    if saved := st.session_state.pop("koreksi_tersimpan", None):  # said after the page shows the new category
        st.success(saved)
    with st.form("koreksi"):
        st.markdown("**Koreksi kategori**")
        new = st.selectbox("Kategori yang benar", LABELS, format_func=category_name, key="kategori_baru",
                           index=LABELS.index(c["effective_category"]) if c["effective_category"] in LABELS else 0)
        analyst = st.text_input("Nama analis", key="analis")
        note = st.text_input("Catatan", key="catatan")
        if st.form_submit_button("Simpan koreksi"):
            if not analyst.strip():
                st.error("Isi nama analis terlebih dahulu.")
            else:
                from flows.classification import add_correction

                add_correction(store.db_path, c["complaint_id"], new, analyst, note)
                st.cache_data.clear()
                # run the page again, so the complaint and the table above show the corrected category
                st.session_state["koreksi_tersimpan"] = (f"Koreksi tersimpan: {category_name(new)}. Semua angka "
                                                         "memakai kategori ini.")
                st.rerun()
