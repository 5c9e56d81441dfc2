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


def test_service_steps_against_the_three_standards():
    from datetime import datetime

    from transforms.timeliness import service_steps

    wib = lambda *a: datetime(*a)  # noqa: E731  (local wall time)
    utc = lambda *a: datetime(*a)  # noqa: E731
    # received Monday 3 Nov 2025 09:00 WIB (02:00 UTC); 'today' is Monday 17 Nov 2025
    frame = pl.DataFrame({
        "complaint_id": ["fast", "slow-forward", "not-forwarded", "waiting-action", "fresh"],
        "received_at_local": [wib(2025, 11, 3, 9)] * 4 + [wib(2025, 11, 14, 9)],
        "received_at_utc": [utc(2025, 11, 3, 2)] * 4 + [utc(2025, 11, 14, 2)],
        "first_response_at_utc": [utc(2025, 11, 3, 5), utc(2025, 11, 4, 2), None, None, None],
        "forwarded_at_local": [wib(2025, 11, 4, 9), wib(2025, 11, 7, 9), None, wib(2025, 11, 5, 9), None],
        "acted_at_local": [wib(2025, 11, 6, 9), wib(2025, 11, 10, 9), None, None, None],
        "closed_at_utc": [utc(2025, 11, 13, 2), None, None, None, None],
    })
    out = service_steps(frame, [], date(2025, 11, 17), hours=4, forward_days=3, act_days=5)
    rows = {r["complaint_id"]: r for r in out.iter_rows(named=True)}
    assert rows["fast"]["dalam_jam"] is True and rows["slow-forward"]["dalam_jam"] is False
    assert (rows["fast"]["hk_diteruskan"], rows["slow-forward"]["hk_diteruskan"]) == (1, 4)
    assert rows["fast"]["diteruskan_tepat"] is True and rows["slow-forward"]["diteruskan_tepat"] is False
    assert rows["not-forwarded"]["diteruskan_tepat"] is False  # ten working days and still not forwarded
    assert rows["fresh"]["diteruskan_tepat"] is None          # one working day old: still within the standard
    assert rows["slow-forward"]["hk_ditindaklanjuti"] == 1 and rows["slow-forward"]["ditindaklanjuti_tepat"] is True
    assert rows["not-forwarded"]["ditindaklanjuti_tepat"] is None  # never forwarded: action not yet due
    assert rows["waiting-action"]["ditindaklanjuti_tepat"] is False  # forwarded 5 Nov, 8 working days ago
    assert [rows[k]["tahap_terlambat"] for k in rows] == [None, None, "diteruskan", "ditindaklanjuti", None]
    assert rows["fast"]["hari_sampai_selesai"] == 10.0 and rows["fresh"]["hari_sampai_selesai"] is None
