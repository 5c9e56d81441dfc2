from datetime import date

import polars as pl

from transforms.timeliness import indonesian_holidays, working_days_between


def test_working_days_skip_weekends_and_national_holidays():
    h = indonesian_holidays([2025])
    assert date(2025, 3, 31) in h and date(2025, 8, 17) in h  # Idul Fitri, Independence Day
    start = pl.Series([date(2025, 3, 27), date(2025, 3, 28), date(2025, 3, 28), None])
    end = pl.Series([date(2025, 4, 4), date(2025, 3, 31), date(2025, 3, 28), date(2025, 1, 1)])
    # Thu 27 Mar -> Fri 4 Apr: 28 Mar, 2, 3, 4 Apr (31 Mar and 1 Apr are Idul Fitri)
    assert working_days_between(start, end, h).to_list() == [4, 0, 0, None]
