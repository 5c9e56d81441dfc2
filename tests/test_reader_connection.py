"""The reader connection kept open per snapshot: it sees new corrections and new snapshots, and an analyst's
correction being written by another process does not break a page."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import time

from dashboards.data import Filters, Store
from flows import warehouse
from flows.classification import add_correction


def _count(db, category: str) -> int:
    return Store(db).summary(Filters(category=category))["total"]


def test_a_correction_shows_in_the_next_query(tiny_db):
    assert _count(tiny_db, "tidak_patut") == 2
    add_correction(tiny_db, "C001", "tidak_patut", "analis-uji")
    assert _count(tiny_db, "tidak_patut") == 3
    add_correction(tiny_db, "C001", "berpihak", "analis-uji")  # the latest decision wins
    assert _count(tiny_db, "tidak_patut") == 2 and _count(tiny_db, "berpihak") == 1


def test_a_new_snapshot_replaces_the_kept_connection(tiny_db):
    with warehouse.analytics(tiny_db) as con:
        first = con.execute("select current_database()").fetchall()[0][0]
        assert con.execute("select count(*) from complaints").fetchall()[0][0] == 24
    with warehouse.connect(tiny_db) as con:
        con.execute("delete from complaints where complaint_id = 'C024'")
    assert Store(tiny_db).summary(Filters())["total"] == 24  # not published yet: readers see the last snapshot
    warehouse.publish_snapshot(tiny_db, "r2")
    with warehouse.analytics(tiny_db) as con:
        assert con.execute("select current_database()").fetchall()[0][0] != first
    assert Store(tiny_db).summary(Filters())["total"] == 23


def test_corrections_being_written_elsewhere_do_not_break_a_reader(tiny_db, tmp_path):
    store = Store(tiny_db)
    assert store.summary(Filters(category="tidak_patut"))["total"] == 2
    corr = warehouse.corrections_path(tiny_db)
    flag = tmp_path / "written"
    # Another process (say `awasi correct`) holds the corrections file open for writing, one row written.
    holder = subprocess.Popen([sys.executable, "-c", textwrap.dedent(f"""
        import duckdb, pathlib, time
        con = duckdb.connect({str(corr)!r})
        con.execute("insert into corrections values ('C001', 'tidak_patut', 'lain', now()::timestamp, '')")
        pathlib.Path({str(flag)!r}).write_text("ok")
        time.sleep(60)
    """)])
    try:
        deadline = time.monotonic() + 60
        while not flag.exists() and holder.poll() is None and time.monotonic() < deadline:
            time.sleep(0.1)
        assert flag.exists(), "the writer process did not start"
        # The file is locked: the reader answers from the corrections it read before.
        assert store.summary(Filters(category="tidak_patut"))["total"] == 2
    finally:
        holder.kill()
        holder.wait()
    # Once the writer is gone, its correction counts (DuckDB replays the write-ahead log on open).
    assert store.summary(Filters(category="tidak_patut"))["total"] == 3


def test_the_maladministration_count_follows_corrections(tiny_db):
    store = Store(tiny_db)
    assert store.summary(Filters())["maladministration"] == 24
    add_correction(tiny_db, "C001", "bukan_maladministrasi", "analis-uji")
    assert store.summary(Filters())["maladministration"] == 23
    add_correction(tiny_db, "C001", "berpihak", "analis-uji")
    assert store.summary(Filters())["maladministration"] == 24


def test_the_mart_view_equals_the_full_view_after_corrections(tiny_db):
    for cid, category in (("C002", "tidak_patut"), ("C003", "bukan_maladministrasi"), ("C010", "berpihak"),
                          ("C010", "diskriminasi"), ("C020", "bukan_maladministrasi")):
        add_correction(tiny_db, cid, category, "analis-uji")
    by_category = ("select effective_category, count(*), count_if(pending_review), count_if(corrected) "
                   "from {} group by all order by all")
    with warehouse.analytics(tiny_db) as con:
        facts = con.execute(by_category.format("facts_effective")).fetchall()
        full = con.execute(by_category.format("complaints_effective")).fetchall()
        ids = con.execute("select count(*), count(distinct complaint_id) from facts_effective").fetchall()[0]
        flag = con.execute("select count_if(maladministration) from facts_effective").fetchall()[0][0]
    assert facts == full and ids == (24, 24)
    assert dict((c, n) for c, n, _, _ in facts)["diskriminasi"] == 2 and flag == 22
