"""Numbers on the dashboard are written the Indonesian way."""

from dashboards.fmt import angka, desimal, persen


def test_thousands_dot_decimal_comma_and_missing_values():
    assert angka(1234567) == "1.234.567" and angka(0) == "0"
    assert persen(0.385) == "38,5%" and persen(1) == "100,0%" and persen(0.5, 0) == "50%"
    assert persen(None) == "-" and desimal(None) == "-" and desimal(35.04) == "35,0"
