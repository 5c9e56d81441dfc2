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
