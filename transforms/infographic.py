"""The yearly infographic: the counts table and its chart (pure: frames in, table/chart out).

One fixed colour per maladministration form, used everywhere in Awasi (dashboard and exports).
"""

from __future__ import annotations

import altair as alt
import polars as pl

from transforms.labels import CHANNEL_NAMES, DISPLAY
from transforms.series import map_values

COLORS = {
    "penundaan_berlarut": "#1f4e79",
    "tidak_memberikan_pelayanan": "#2e86c1",
    "penyimpangan_prosedur": "#117a65",
    "tidak_kompeten": "#b7950b",
    "penyalahgunaan_wewenang": "#922b21",
    "permintaan_imbalan": "#d35400",
    "tidak_patut": "#7d3c98",
    "berpihak": "#5d6d7e",
    "diskriminasi": "#c0392b",
    "konflik_kepentingan": "#6e2c00",
    "bukan_maladministrasi": "#95a5a6",
    "perlu_tinjauan": "#f4d03f",
}
EXTRA_NAMES = {"perlu_tinjauan": "Perlu Tinjauan Analis", "(tidak diketahui)": "(Tidak diketahui)",
               "(belum diklasifikasi)": "(Belum diklasifikasi)"}
MONTHS = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
          "November", "Desember"]
# Vega's number and date formats in Indonesian: 1.234 and 65,5; "Okt 2024" and "Oktober 2024" (Vega defaults to
# American English whatever the reader's browser).
LOCALE = alt.Locale(
    number=alt.NumberLocale(decimal=",", thousands=".", grouping=[3], currency=["Rp", ""]),
    time=alt.TimeLocale(dateTime="%A, %e %B %Y %H.%M.%S", date="%d/%m/%Y", time="%H.%M.%S", periods=["AM", "PM"],
                        days=["Minggu", "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu"],
                        shortDays=["Min", "Sen", "Sel", "Rab", "Kam", "Jum", "Sab"],
                        months=MONTHS, shortMonths=[m[:3] for m in MONTHS]),
)
REVIEW_NOTE = {
    "include": "aduan yang masih perlu tinjauan analis ikut dihitung menurut kategori mesin",
    "exclude": "aduan yang masih perlu tinjauan analis tidak dihitung",
    "separate": "aduan yang masih perlu tinjauan analis ditampilkan sebagai baris tersendiri",
}


def display_name(code: str, by: str) -> str:
    if by == "category":
        return DISPLAY.get(code) or EXTRA_NAMES.get(code, code)
    if by == "month" and code.isdigit():
        return MONTHS[int(code) - 1]
    if by == "channel" and code in CHANNEL_NAMES:
        return CHANNEL_NAMES[code]
    return EXTRA_NAMES.get(code, code)


# How a row of the counts table relates to the infographic (column `kelompok`). Grouped by category, the ten forms
# are the alleged maladministration the chart shows and totals; "Bukan Maladministrasi" stays in the table as data
# but is left out of the chart (stated in its footnote); complaints still needing review are their own row.
GROUP_ALLEGED, GROUP_NOT, GROUP_REVIEW, GROUP_UNCLASSIFIED, GROUP_ALL = (
    "dugaan maladministrasi", "bukan maladministrasi", "perlu tinjauan analis", "belum diklasifikasi",
    "semua laporan")


def row_group(code: str, by: str) -> str:
    if by != "category":
        return GROUP_ALL  # a row per agency, place, channel or month counts every complaint of it
    if code == "bukan_maladministrasi":
        return GROUP_NOT
    if code == "perlu_tinjauan":
        return GROUP_REVIEW
    return GROUP_ALLEGED if code in DISPLAY else GROUP_UNCLASSIFIED


def counts_table(raw: pl.DataFrame, by: str) -> pl.DataFrame:
    """grp, n, n_prev -> nama, kode, jumlah, persen, jumlah_tahun_lalu, perubahan, kelompok (sorted, biggest first).

    `persen` is the share of every complaint in the table (the non-maladministration row included)."""
    total = int(raw["n"].sum()) if raw.height else 0
    kept = raw.filter((pl.col("n") > 0) | (pl.col("n_prev") > 0))
    out = kept.with_columns(
        nama=map_values(kept["grp"], lambda c: display_name(c, by)),
        persen=pl.when(pl.lit(total) > 0).then((pl.col("n") * 100 / pl.lit(max(total, 1))).round(1)).otherwise(0.0),
        perubahan=(pl.col("n") - pl.col("n_prev")).cast(pl.Int64),
    ).select(
        "nama", pl.col("grp").alias("kode"), pl.col("n").cast(pl.Int64).alias("jumlah"), "persen",
        pl.col("n_prev").cast(pl.Int64).alias("jumlah_tahun_lalu"), "perubahan",
        map_values(kept["grp"], lambda c: row_group(c, by)).alias("kelompok"),
    )
    if by == "month":
        return out.sort("kode")
    return out.sort(["jumlah", "kode"], descending=[True, False])


def short_date(d) -> str:
    """7 Des 2026."""
    return f"{d.day} {MONTHS[d.month - 1][:3]} {d.year}"


def chart(table: pl.DataFrame, *, title: str, subtitle: str | list[str], footnote: str | list[str],
          by: str) -> alt.Chart:
    """Sorted horizontal bars, the count at the end of each bar, total in the subtitle, source as footnote (one line
    or several)."""
    subtitle = [subtitle] if isinstance(subtitle, str) else subtitle
    footnote = [footnote] if isinstance(footnote, str) else footnote
    data = table.filter(pl.col("jumlah") > 0).select("nama", "kode", "jumlah").to_dicts()
    codes = [d["kode"] for d in data]
    color = (alt.Color("kode:N", scale=alt.Scale(domain=codes, range=[COLORS.get(c, "#2e86c1") for c in codes]),
                       legend=None) if by == "category" else alt.value("#1f4e79"))
    sort = [d["nama"] for d in data] if by != "month" else None
    base = alt.Chart(alt.Data(values=data)).encode(
        y=alt.Y("nama:N", sort=sort, title=None, axis=alt.Axis(labelLimit=320, labelFontSize=14)),
        x=alt.X("jumlah:Q", title="Jumlah laporan",
                axis=alt.Axis(labelFontSize=12, titleFontSize=13, format=",d", tickMinStep=1)),
    )
    bars = base.mark_bar(cornerRadiusEnd=3).encode(color=color)
    labels = base.mark_text(align="left", dx=4, fontSize=14, fontWeight="bold").encode(
        text=alt.Text("jumlah:Q", format=",d"))
    height = max(120, 38 * len(data))
    note = (alt.Chart(alt.Data(values=[{"t": "\n".join(footnote)}]))
            .mark_text(align="left", baseline="top", fontSize=11, color="#555555", x=0, y=0, lineBreak="\n",
                       lineHeight=16)
            .encode(text="t:N").properties(width=620, height=16 * len(footnote)))
    return alt.vconcat(
        (bars + labels).properties(width=620, height=height), note,
        title=alt.TitleParams(text=title, subtitle=subtitle, fontSize=20, subtitleFontSize=14, anchor="start"),
        background="white", padding=24,
    ).configure_view(stroke=None).configure(locale=LOCALE)
