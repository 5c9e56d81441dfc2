"""Altair charts of the dashboard (one colour per form, from transforms/infographic.py)."""

from __future__ import annotations

import textwrap

import altair as alt
import polars as pl

from dashboards.fmt import angka
from transforms.infographic import COLORS, LOCALE
from transforms.labels import DISPLAY, PRECEDENCE
from transforms.series import map_values


# Legends go below the chart (on the right they took most of a 375 px phone's width): one column on a narrow
# screen, three on a wide one (the container's width, as the browser gives it), every form's name whole.
LEGEND = alt.Legend(orient="bottom", direction="horizontal", labelLimit=220, columnPadding=16,
                    columns=alt.ExprRef("containerSize()[0] > 0 && containerSize()[0] < 640 ? 1 : 3"))
# A bar's label (an agency, a place) keeps to 170 px, so the bars keep room on a phone: a longer one is written on
# lines of at most LABEL_CHARS characters (`wrapped`, held in the column LINES), each line still cut at 170 px
# should it be wider.
BAR_LABEL_LIMIT = 170
LABEL_CHARS = 28
LINES = "label_baris"
# Every count axis: whole numbers only (Vega picks 0,2 0,4 ... ticks when counts are small), thousands with a dot.
COUNT_AXIS = alt.Axis(format=",d", tickMinStep=1)


def category_name(code: str | None) -> str:
    return DISPLAY.get(code or "", code or "(belum diklasifikasi)")


def with_form_names(frame: pl.DataFrame) -> pl.DataFrame:
    """A count per form (`nilai` holding the codes) for `bars(..., color_by_category=True)`: the code kept in
    `kode` for the colours, `nilai` the Indonesian display name."""
    return frame.with_columns(kode=pl.col("nilai"), nilai=map_values(frame["nilai"], category_name))


def forms_only(frame: pl.DataFrame) -> tuple[pl.DataFrame, str]:
    """A count per category (`nilai` holding the codes) cut to the ten forms of maladministration, named for
    `bars(..., color_by_category=True)`, and a caption with the complaints left out (as the infographic's footnote):
    the non-cases, and any not classified yet; no caption when none is left out ("Tidak termasuk 0 ..." read as if
    something were)."""
    not_form = frame.filter(~pl.col("nilai").is_in(PRECEDENCE))
    non_cases = int(not_form.filter(pl.col("nilai") == "bukan_maladministrasi")["jumlah"].sum())
    unclassified = int(not_form["jumlah"].sum()) - non_cases
    parts = [f"{angka(n)} aduan {what}" for n, what in ((non_cases, "bukan maladministrasi"),
                                                        (unclassified, "belum diklasifikasi")) if n]
    caption = f"Tidak termasuk {' dan '.join(parts)}." if parts else ""
    return with_form_names(frame.filter(pl.col("nilai").is_in(PRECEDENCE))), caption


def monthly_stacked(frame: pl.DataFrame) -> alt.Chart:
    data = frame.with_columns(nama=map_values(frame["kategori"], category_name))
    codes = sorted(data["kategori"].unique().to_list())
    chart = alt.Chart(data).mark_bar().encode(
        x=alt.X("bulan:T", title="Bulan", timeUnit="yearmonth"),
        y=alt.Y("jumlah:Q", title="Jumlah aduan", axis=COUNT_AXIS),
        color=alt.Color("nama:N", title="Kategori",
                        scale=alt.Scale(domain=[category_name(c) for c in codes],
                                        range=[COLORS.get(c, "#7f8c8d") for c in codes]),
                        legend=LEGEND),
        tooltip=[alt.Tooltip("bulan:T", title="Bulan", format="%B %Y"), alt.Tooltip("nama:N", title="Kategori"),
                 alt.Tooltip("jumlah:Q", title="Jumlah", format=",d")],
    ).properties(height=420)  # the legend below takes about 110 px of it
    return chart.configure(locale=LOCALE)


def wrapped(name: str, width: int = LABEL_CHARS) -> str:
    """A label broken into lines of at most `width` characters (a longer word stays whole), joined by newlines."""
    return "\n".join(textwrap.wrap(name, width, break_long_words=False)) or name


def bars(frame: pl.DataFrame, label: str, value: str = "jumlah", color_by_category: bool = False,
         limit: int = 25, title: str | None = None) -> alt.Chart:
    """Horizontal bars, largest first, the count at each bar's end. A long label (an agency with its kabupaten/kota)
    is written on several lines instead of being cut; the tooltip names it whole under `title`."""
    data = frame.head(limit)
    data = data.with_columns(map_values(data[label].cast(pl.String), wrapped).alias(LINES))
    lines = max([n.count("\n") + 1 for n in data[LINES].to_list()], default=1)
    enc = {}
    if color_by_category:
        codes = data["kode"].to_list()
        enc["color"] = alt.Color("kode:N", legend=None,
                                 scale=alt.Scale(domain=codes, range=[COLORS.get(c, "#7f8c8d") for c in codes]))
    # Largest first, as an explicit order: a layered chart drops "-x" (its layers' domains are unioned) and fell
    # back to alphabetical order. Every label is drawn: Vega-Lite hides overlapping ones otherwise.
    order = data.sort(value, descending=True, maintain_order=True)[LINES].to_list()
    base = alt.Chart(data).encode(
        y=alt.Y(f"{LINES}:N", sort=order, title=None,
                axis=alt.Axis(labelLimit=BAR_LABEL_LIMIT, labelOverlap=False,
                              labelExpr="split(datum.label, '\\n')")),  # one line of the label per item
        x=alt.X(f"{value}:Q", title="Jumlah aduan", axis=COUNT_AXIS),
        tooltip=[alt.Tooltip(f"{label}:N", title=title or label),
                 alt.Tooltip(f"{value}:Q", title="Jumlah", format=",d")],
    )
    return (base.mark_bar(**({} if color_by_category else {"color": "#1f4e79"})).encode(**enc)
            + base.mark_text(align="left", dx=3).encode(text=alt.Text(f"{value}:Q", format=",d"))
            ).properties(height=alt.Step(max(26, 13 * lines + 8))).configure(locale=LOCALE)
