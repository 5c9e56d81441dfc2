from datetime import date, timedelta

import numpy as np

from transforms.timeliness import indonesian_holidays, working_day_calendar


def test_working_days_skip_weekends_and_national_holidays():
    h = indonesian_holidays([2025])
    assert date(2025, 3, 31) in h and date(2025, 8, 17) in h  # Idul Fitri, Independence Day
    cal = working_day_calendar(date(2025, 1, 1), date(2025, 12, 31), h)
    ordinal = dict(zip(cal["day"].to_list(), cal["ordinal"].to_list()))
    # Thu 27 Mar -> Fri 4 Apr: 28 Mar, 2, 3, 4 Apr (31 Mar and 1 Apr are Idul Fitri); the start day is not counted
    assert ordinal[date(2025, 4, 4)] - ordinal[date(2025, 3, 27)] == 4
    assert ordinal[date(2025, 3, 31)] - ordinal[date(2025, 3, 28)] == 0  # Friday -> holiday Monday
    assert not dict(zip(cal["day"].to_list(), cal["is_working_day"].to_list()))[date(2025, 8, 17)]


def test_ordinal_differences_equal_numpy_business_day_counts():
    h = indonesian_holidays([2024, 2025])
    cal = working_day_calendar(date(2024, 1, 1), date(2025, 12, 31), h)
    ordinal = dict(zip(cal["day"].to_list(), cal["ordinal"].to_list()))
    rng = np.random.default_rng(3)
    for _ in range(300):
        a, b = sorted(date(2024, 1, 1) + timedelta(days=int(d)) for d in rng.integers(0, 730, 2))
        expected = np.busday_count(np.datetime64(a) + 1, np.datetime64(b) + 1, holidays=np.array(h, "datetime64[D]"))
        assert ordinal[b] - ordinal[a] == expected, (a, b)
