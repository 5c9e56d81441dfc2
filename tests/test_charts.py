"""The dashboard's Altair charts (dashboards/charts.py): what the spec asks Vega-Lite to draw."""

from __future__ import annotations

import polars as pl

from dashboards.charts import bars


def test_bars_are_largest_first_and_every_label_is_drawn():
    # Alphabetical order differs from the counts' order, as with the forms' display names.
    frame = pl.DataFrame({"nilai": ["Berpihak", "Bukan Maladministrasi", "Diskriminasi", "Penundaan Berlarut"],
                          "jumlah": [13, 556, 6, 329],
                          "kode": ["berpihak", "bukan_maladministrasi", "diskriminasi", "penundaan_berlarut"]})
    spec = bars(frame, "nilai", color_by_category=True).to_dict()
    for layer in spec["layer"]:  # bars and their number labels
        y = layer["encoding"]["y"]
        assert y["sort"] == ["Bukan Maladministrasi", "Penundaan Berlarut", "Berpihak", "Diskriminasi"]
        assert y["axis"]["labelOverlap"] is False
    assert spec["height"] == {"step": 26}  # the chart grows with the number of bars


def test_charts_write_months_and_thousands_in_indonesian():
    # Drawn by Vega (vl-convert), as the browser draws them: Vega's own default is American English.
    import re
    from datetime import date

    import vl_convert as vlc

    from dashboards.charts import monthly_stacked

    months = pl.DataFrame({"bulan": [date(2024, m, 1) for m in (8, 9, 10, 11, 12)],
                           "kategori": ["penundaan_berlarut"] * 5, "jumlah": [1200, 5, 7, 2, 1]})
    svg = vlc.vegalite_to_svg(monthly_stacked(months).to_dict())
    assert {"Agu 2024", "Okt 2024", "Des 2024", "1.000"} <= set(re.findall(r">([^<>]+)<", svg))
    assert "Oct" not in svg and "Aug" not in svg and "1,000" not in svg
    counts = pl.DataFrame({"nilai": ["Dinas A", "Dinas B"], "jumlah": [1234, 5]})
    labels = re.findall(r">([^<>]+)<", vlc.vegalite_to_svg(bars(counts, "nilai").to_dict()))
    assert "1.234" in labels and "1,234" not in labels


def test_count_axes_have_whole_numbers_only_when_counts_are_small():
    import re
    from datetime import date

    import vl_convert as vlc

    from dashboards.charts import monthly_stacked

    months = pl.DataFrame({"bulan": [date(2025, 4, 1), date(2025, 5, 1)], "kategori": ["tidak_patut"] * 2,
                           "jumlah": [1, 1]})
    counts = pl.DataFrame({"nilai": ["Dinas A"], "jumlah": [1]})
    for chart in (monthly_stacked(months), bars(counts, "nilai")):
        labels = re.findall(r">([^<>]+)<", vlc.vegalite_to_svg(chart.to_dict()))
        numbers = [t for t in labels if re.fullmatch(r"[\d.,]+", t)]
        assert "1" in numbers and not any("," in t for t in numbers), numbers  # no 0,2 0,4 ... ticks
        assert numbers.count("0") == 1, numbers  # nor fractions rounded to repeated whole ticks (0 0 0 1 1)


def _drawn_at(chart, width: int) -> tuple[str, float, float]:
    """The SVG of `chart` drawn `width` px wide as Streamlit draws it (autosize fit), its plot's width and height."""
    import re

    import vl_convert as vlc

    spec = chart.to_dict()
    spec["width"], spec["autosize"] = width, {"type": "fit", "contains": "padding"}
    svg = vlc.vegalite_to_svg(spec)
    w, h = re.search(r'class="background"[^>]*d="M0\.5,0\.5h([\d.]+)v([\d.]+)[^"]*" stroke="#ddd"', svg).groups()
    return svg, float(w), float(h)


def test_on_a_phone_legends_sit_below_and_bars_keep_their_width():
    from datetime import date

    from dashboards.charts import monthly_stacked
    from transforms.labels import DISPLAY, LABELS

    months = pl.DataFrame({"bulan": [date(2025, m, 1) for m in range(1, 12)], "kategori": list(LABELS),
                           "jumlah": list(range(1, 12))})
    agencies = pl.DataFrame({"nilai": ["Dinas Kependudukan dan Pencatatan Sipil Kabupaten Bandung Barat",
                                       "Dinas Sosial"], "jumlah": [30, 5]})
    assert monthly_stacked(months).to_dict()["encoding"]["color"]["legend"]["orient"] == "bottom"
    svg, width, height = _drawn_at(monthly_stacked(months), 343)  # a 375 px screen less Streamlit's margins
    assert width >= 0.8 * 343 and height >= 200  # the legend no longer takes the chart's width
    assert all(name in svg for name in DISPLAY.values()) and "…" not in svg  # every form named in full
    _, width, _ = _drawn_at(bars(agencies, "nilai"), 343)
    assert width >= 0.35 * 343  # the ranking's bars keep room next to a long agency name
    svg, width, _ = _drawn_at(bars(agencies, "nilai"), 1200)
    assert width >= 900 and "Dinas Sosial" in svg  # wide screens: the bars take the room


def test_a_long_agency_name_is_written_whole_on_several_lines():
    # Cut at 170 px with "…", a local office's name lost its kabupaten/kota: "Dinas Kependudukan dan Pencatatan…".
    import re

    name = "Dinas Kependudukan dan Pencatatan Sipil Kabupaten Bandung Barat"
    agencies = pl.DataFrame({"nilai": [name, "Dinas Sosial"], "jumlah": [30, 5]})
    for width in (343, 1200):  # a phone, a wide screen
        svg, plot_width, _ = _drawn_at(bars(agencies, "nilai"), width)
        lines = [t for t in re.findall(r">([^<>]+)<", svg)
                 if not t[0].isdigit() and t not in ("Jumlah aduan", "Dinas Sosial")]
        assert " ".join(lines) == name and len(lines) > 1 and "…" not in svg
        assert plot_width >= 0.35 * width  # the bars keep their room


def test_forms_only_names_what_it_leaves_out_and_says_nothing_when_nothing_is():
    from dashboards.charts import forms_only

    def counts(**n):
        return pl.DataFrame({"nilai": list(n), "jumlah": list(n.values())})

    forms, caption = forms_only(counts(penundaan_berlarut=5, bukan_maladministrasi=2))
    assert forms["kode"].to_list() == ["penundaan_berlarut"] and caption == (
        "Tidak termasuk 2 aduan bukan maladministrasi.")
    _, caption = forms_only(pl.DataFrame({"nilai": ["penundaan_berlarut", "(tidak diketahui)"], "jumlah": [5, 3]}))
    assert caption == "Tidak termasuk 3 aduan belum diklasifikasi."  # it said "0 aduan bukan maladministrasi dan 3 ..."
    _, caption = forms_only(counts(penundaan_berlarut=5, tidak_kompeten=1))
    assert caption == ""  # it said "Tidak termasuk 0 aduan bukan maladministrasi."
