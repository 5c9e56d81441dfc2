"""Ringkasan: the headline numbers of the filtered complaints."""

from __future__ import annotations

from datetime import date, timedelta

import streamlit as st

from dashboards.charts import bars, forms_only
from dashboards.data import Filters, Store
from dashboards.fmt import angka, angka_bertanda, persen
from transforms.infographic import short_date
from transforms.labels import run_outcome

DEFINITIONS = """
- **Total aduan**: jumlah aduan (setelah penggabungan duplikat lintas kanal) yang diterima dalam rentang dan filter terpilih.
  Angka perubahan di bawahnya: aduan dalam periode terpilih (tanpa pilihan tanggal: 30 hari terakhir data) dikurangi
  aduan pada periode sepanjang itu tepat sebelumnya.
- **Perlu tinjauan**: aduan yang keyakinan klasifikasinya di bawah ambang dan belum dikoreksi analis, dibagi total aduan.
- **Dijawab ≤ 4 jam**: hanya aduan dari kanal yang mencatat waktu tanggapan (saat ini hanya SP4N-LAPOR!) yang
  dihitung. Aduan yang tanggapan pertamanya paling lama 4 jam setelah diterima, dibagi semua aduan kanal itu, baik
  yang sudah maupun yang belum ditanggapi. Ukuran ini sama dengan *Tanggapan ≤ 4 jam* di halaman Ketepatan waktu.
- Tanda **-** berarti tidak ada yang dapat dibagi: tidak ada aduan dalam filter terpilih, atau tidak ada aduan dari
  kanal yang mencatat waktu tanggapan.
- **Dugaan maladministrasi**: aduan yang kategorinya (setelah koreksi) salah satu dari sepuluh bentuk maladministrasi.
- **Pelapor berulang**: pelapor (dikenali dari nama samaran terkunci atas nomor telepon, e-mail atau NIK; data
  pribadi itu sendiri tidak disimpan) yang mengirim lebih dari satu aduan dalam filter terpilih; aduan anonim tidak
  dihitung. Aduan yang memakai salah satu pengenal yang sama (misalnya nomor telepon yang sama di SP4N-LAPOR! dan
  WhatsApp) dihitung dari pelapor yang sama.
- **Aduan per bentuk maladministrasi**: jumlah aduan per bentuk dari sepuluh bentuk maladministrasi (kategori
  setelah koreksi analis) dalam filter terpilih, seperti pada infografis. Aduan *bukan maladministrasi* dan yang
  belum diklasifikasi tidak digambarkan; jumlahnya disebut di bawah grafik.
"""


def previous_period(store: Store, filters: Filters) -> tuple[tuple[date, date], tuple[date, date]]:
    """The chosen period (default: the last 30 days of data) and the period of the same length before it."""
    end = filters.end or store.last_day(filters) or date.today()
    start = filters.start or (end - timedelta(days=29))
    days = (end - start).days + 1
    return (start, end), (start - timedelta(days=days), start - timedelta(days=1))


def change_text(filters: Filters, now_n: int, before_n: int, current: tuple[date, date],
                before: tuple[date, date]) -> str:
    """The change under *Total aduan* in words: which period, against which."""
    def days(p: tuple[date, date]) -> str:
        return f"{p[0]:%d/%m/%Y}-{p[1]:%d/%m/%Y}"

    which = "" if filters.start else " (30 hari terakhir data)" if not filters.end else " (30 hari)"
    return (f"Perubahan {angka_bertanda(now_n - before_n)} aduan dibanding periode sebelumnya: {angka(now_n)} aduan pada "
            f"{days(current)}{which}, {angka(before_n)} pada {days(before)}.")


def render(store: Store, filters: Filters) -> None:
    st.header("Ringkasan")
    s = store.summary(filters)
    total = s["total"] or 0
    current, before = previous_period(store, filters)
    now_n, before_n = store.period_counts(filters, current, before)
    change = change_text(filters, now_n, before_n, current, before)
    # widths by the labels' lengths (with the tooltips' icons): in equal quarters "Dugaan maladministrasi" was cut
    # with "..." at 1024 px
    c1, c2, c3, c4 = st.columns([1, 1, 1.1, 1.3])
    # The delta is the number only: Streamlit writes a delta (and its description) on one line cut with "...", and a
    # quarter of the page is too narrow for "+17 vs periode sebelumnya" at 1280 px. The comparison is the caption
    # under the metrics, which wraps.
    c1.metric("Total aduan", angka(total), delta=angka_bertanda(now_n - before_n), delta_color="off",
              help=change)
    # '-' where there is nothing to divide (as on Profil instansi), never "0,0%"
    c2.metric("Perlu tinjauan", persen(s["pending_review"] / total if total else None),
              help=f"{angka(s['pending_review'])} dari {angka(total)} aduan")
    recorded = s["response_recorded"]
    c3.metric("Dijawab ≤ 4 jam", persen(s["responded_4h"] / recorded if recorded else None),
              help=f"{angka(s['responded_4h'])} dari {angka(recorded)} aduan dari kanal yang mencatat waktu "
                   "tanggapan (SP4N-LAPOR!), termasuk yang belum ditanggapi" if recorded else
                   "Tidak ada aduan dari kanal yang mencatat waktu tanggapan (SP4N-LAPOR!) dalam filter ini.")
    c4.metric("Dugaan maladministrasi", angka(s["maladministration"]))
    st.caption(change)
    repeats = store.repeat_reporters(filters)
    st.caption(f"Pelapor berulang: {angka(repeats['repeat_reporters'])} pelapor dengan lebih dari satu aduan "
               f"({angka(repeats['repeat_complaints'])} aduan), dikenali dari nama samaran terkunci, tanpa data pribadi.")
    categories = store.by_dimension(filters, "kategori")
    if categories.height:
        st.subheader("Aduan per bentuk maladministrasi")
        forms, left_out = forms_only(categories)
        if forms.height:
            st.altair_chart(bars(forms, "nilai", color_by_category=True, title="Bentuk"), width="stretch")
        if left_out:
            st.caption(left_out)
    with st.expander("Definisi ukuran"):
        st.markdown(DEFINITIONS)
    runs = store.runs()
    if runs.height:
        last = runs.row(0, named=True)
        until = short_date(s["last_at"]) if s["last_at"] else "-"
        st.caption(f"Run terakhir: {last['run_id']} ({run_outcome(last['outcome'])}), data s.d. {until}")
