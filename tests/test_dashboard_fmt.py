"""Numbers on the dashboard and in the exports are written the Indonesian way."""

from transforms.indonesian_numbers import angka, angka_bertanda, desimal, persen


def test_thousands_dot_decimal_comma_and_missing_values():
    assert angka(1234567) == "1.234.567" and angka(0) == "0"
    assert angka_bertanda(1234) == "+1.234" and angka_bertanda(-5) == "-5" and angka_bertanda(0) == "+0"
    assert persen(0.385) == "38,5%" and persen(1) == "100,0%" and persen(0.5, 0) == "50%"
    assert persen(None) == "-" and desimal(None) == "-" and desimal(35.04) == "35,0"


def test_tables_show_indonesian_numbers_but_keep_the_values_for_sorting():
    import re
    from datetime import datetime

    import polars as pl

    from dashboards.fmt import tabel

    frame = pl.DataFrame({"instansi": ["A", "B"], "aduan": [1234, None], "persen": [65.5, None],
                          "mulai": [datetime(2026, 12, 6, 8, 42, 44, 698912), None], "lolos": [True, False]})
    styled = tabel(frame)
    cells = re.findall(r"<td [^>]*>([^<]*)</td>", styled.to_html())
    assert cells == ["A", "1.234", "65,5", "2026-12-06 08:42:44", "True", "B", "-", "-", "-", "False"]
    assert styled.data["aduan"].tolist()[0] == 1234 and styled.data["persen"].tolist()[0] == 65.5
