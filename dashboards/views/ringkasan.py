"""Ringkasan: the headline numbers of the filtered complaints."""

from __future__ import annotations

import streamlit as st

from dashboards.data import Filters, Store

DEFINITIONS = """
- **Total aduan**: jumlah aduan (setelah penggabungan duplikat lintas kanal) yang diterima dalam rentang dan filter terpilih.
- **Perlu tinjauan**: aduan yang keyakinan klasifikasinya di bawah ambang dan belum dikoreksi analis, dibagi total aduan.
- **Dijawab ≤ 4 jam**: aduan yang tanggapan pertamanya tercatat paling lama 4 jam setelah diterima, dibagi aduan
  yang kanalnya mencatat waktu tanggapan (saat ini hanya SP4N-LAPOR!). Aduan tanpa catatan tanggapan tidak dihitung.
- **Dugaan maladministrasi**: aduan yang kategorinya (setelah koreksi) salah satu dari sepuluh bentuk maladministrasi.
"""


def render(store: Store, filters: Filters) -> None:
    st.header("Ringkasan")
    s = store.summary(filters)
    total = s["total"] or 0
    c1, c2, c3, c4 = st.columns(4)
    c1.metric("Total aduan", f"{total:,}".replace(",", "."))
    c2.metric("Perlu tinjauan", f"{(s['pending_review'] / total if total else 0):.1%}")
    c3.metric("Dijawab ≤ 4 jam", f"{(s['responded_4h'] / s['with_response'] if s['with_response'] else 0):.1%}",
              help=f"{s['responded_4h']} dari {s['with_response']} aduan yang mencatat waktu tanggapan")
    c4.metric("Dugaan maladministrasi", f"{s['maladministration']:,}".replace(",", "."))
    with st.expander("Definisi ukuran"):
        st.markdown(DEFINITIONS)
    runs = store.runs()
    if runs.height:
        last = runs.row(0, named=True)
        st.caption(f"Run terakhir: {last['run_id']} ({last['outcome']}), data s.d. {s['last_at'] or '-'}")
