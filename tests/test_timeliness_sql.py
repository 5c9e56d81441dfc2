"""Ketepatan waktu's counts (dashboards/sql/timeliness.sql) equal the row-level judgement the overdue list
uses (`judged` in dashboards/sql/service_steps.sql), on random step times including odd ones."""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta

import polars as pl
import pytest

from dashboards.data import Filters, Store, _sql
from flows import warehouse
from tests.test_marts import lapor, write_complaints

# The judgement counted row by row: what timeliness.sql must agree with.
REFERENCE = """
with {service_steps}
select grouping(agency) = 1 as is_total, agency, count(*) as aduan,
       count(*) filter (where dalam_jam) as tanggapan_dalam_jam,
       count(*) filter (where diteruskan_tepat) as diteruskan_tepat, count(diteruskan_tepat) as diteruskan_jatuh_tempo,
       count(*) filter (where ditindaklanjuti_tepat) as ditindaklanjuti_tepat,
       count(ditindaklanjuti_tepat) as ditindaklanjuti_jatuh_tempo,
       median(days_to_close) as median_hari_sampai_selesai, count(days_to_close) as selesai,
       count(tahap_terlambat) as terlambat
from judged
group by grouping sets ((agency), ())
order by is_total desc, terlambat desc, aduan desc, agency
"""


@pytest.fixture
def random_steps_db(tmp_path):
    rng = random.Random(7)
    rows = []
    for i in range(400):
        received = datetime(2025, 10, 1, 2) + timedelta(hours=rng.randrange(0, 60 * 24))

        def maybe(after, hours):
            return after + timedelta(hours=rng.randrange(-30, hours)) if rng.random() < 0.7 else None

        forwarded = maybe(received, 400)
        acted = maybe(forwarded or received, 500)  # sometimes acted with no forwarding, or before it
        rows.append(lapor(f"L{i}", received, response=maybe(received, 30), forwarded=forwarded, acted=acted,
                          closed=maybe(acted or received, 900), agency=f"Dinas {i % 5}"))
    path = tmp_path / "w.duckdb"
    write_complaints(path, rows)
    warehouse.publish_snapshot(path, "r1")
    return path


@pytest.mark.parametrize("hours,fwd,act", [(4, 3, 5), (24, 1, 1), (1, 10, 20)])
def test_counts_equal_the_row_level_judgement(random_steps_db, hours, fwd, act):
    store, today = Store(random_steps_db), date(2025, 12, 10)
    params = {**Filters().params(), "today": today, "hours": hours, "fwd": fwd, "act": act}
    with warehouse.analytics(random_steps_db) as con:
        expected = con.sql(REFERENCE.replace("{service_steps}", _sql("service_steps")), params=params).pl()
    got = store.timeliness(Filters(), today, hours, fwd, act)
    assert got.rows() == expected.rows()
    assert {got[c].dtype for c in got.columns if c not in ("is_total", "agency", "median_hari_sampai_selesai")} \
        == {pl.Int64}  # whole numbers, not DuckDB's 128-bit count_if
    total = got.row(0, named=True)
    assert 0 < total["diteruskan_tepat"] < total["diteruskan_jatuh_tempo"] <= total["aduan"]  # varied data
    assert 0 < total["ditindaklanjuti_tepat"] < total["ditindaklanjuti_jatuh_tempo"] < total["aduan"]
    assert total["terlambat"] == store.overdue(Filters(), today, hours, fwd, act, limit=10_000).height > 0


def test_medians_from_the_mart_equal_the_live_ones(random_steps_db):
    from dashboards.data import FIRST_RESPONSE_HOURS, MEDIAN_DAYS

    store = Store(random_steps_db)
    for f in (Filters(), Filters(agency="Dinas 2"), Filters(scope=("Dinas 1", "Dinas 3"))):
        live = store.frame("agency_league", {**f.params(), "hours": FIRST_RESPONSE_HOURS}, median_days=MEDIAN_DAYS)
        assert store.agency_league(f).rows() == live.rows()
        assert live["median_hari_selesai"].null_count() == 0
    today = date(2025, 12, 10)
    live = store.frame("timeliness", {**Filters().params(), "today": today, "hours": 4, "fwd": 3, "act": 5},
                       median_days=MEDIAN_DAYS)
    assert store.timeliness(Filters(), today, 4, 3, 5).rows() == live.rows()
