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
