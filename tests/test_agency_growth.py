"""Tren per instansi's fastest-rising agencies (dashboards/sql/agency_growth.sql)."""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta

from dashboards.data import Filters, Store, _fragment, SHARED
from flows import warehouse
from tests.test_marts import lapor, write_complaints

# The definition written the plain way: the newest day found inside the same query.
REFERENCE = """
with f as ({filtered}),
edge as (select max(day) as last_day from f),
windowed as (
    select agency,
           count(*) filter (where day > last_day - interval 3 month) as recent,
           count(*) filter (where day <= last_day - interval 3 month and day > last_day - interval 6 month) as previous
    from f, edge
    where agency is not null and day > last_day - interval 6 month
    group by agency
)
select agency, recent, previous, recent - previous from windowed
where recent + previous >= 3
order by recent - previous desc, agency
limit 10
"""


def test_known_growth(tiny_db):
    # every 2025 complaint is on 1 May 2025; the 2024 ones are a year earlier, outside the six months
    assert Store(tiny_db).agency_growth(Filters()).rows() == [("Disdukcapil", 12, 0, 12), ("Dinas Sosial", 5, 0, 5)]
    in_2024 = Filters(start=date(2024, 1, 1), end=date(2024, 12, 31))
    assert Store(tiny_db).agency_growth(in_2024).rows() == [("Disdukcapil", 7, 0, 7)]
    assert Store(tiny_db).agency_growth(Filters(province="Bali")).height == 0  # nothing in the filter


def test_equals_the_plain_definition_on_random_days(tmp_path):
    rng = random.Random(3)
    rows = [lapor(f"G{i}", datetime(2025, 1, 1, 2) + timedelta(days=rng.randrange(0, 300)),
                  agency=f"Dinas {rng.randrange(12)}") for i in range(600)]
    db = tmp_path / "w.duckdb"
    write_complaints(db, rows)
    warehouse.publish_snapshot(db, "r1")
    for f in (Filters(), Filters(end=date(2025, 8, 31)), Filters(start=date(2025, 3, 1), end=date(2025, 6, 15))):
        with warehouse.analytics(db) as con:
            expected = con.sql(REFERENCE.replace("{filtered}", _fragment(SHARED["filtered"])), params=f.params()).fetchall()
        got = Store(db).agency_growth(f).rows()
        assert got == expected and len(got) == 10
