"""The readers' marts (flows/marts.py): built with every snapshot, the same numbers as the base tables, and
the service standards measured in SQL over working-day ordinals."""

from __future__ import annotations

from datetime import date, datetime

import polars as pl
import pytest

from dashboards.data import Filters, Store
from flows import marts, warehouse


def write_complaints(path, rows: list[dict]) -> None:
    frame = pl.DataFrame(rows)
    with warehouse.connect(path) as con:
        warehouse.ensure_schema(con)
        con.register("f", frame.to_arrow())
        con.execute(f"insert into complaints ({', '.join(frame.columns)}) select * from f")


def lapor(cid: str, received_utc: datetime, response=None, forwarded=None, acted=None, closed=None, agency="Dinas A"):
    """A LAPOR! complaint; times are UTC (WIB = UTC+7)."""
    from datetime import timedelta

    return {"complaint_id": cid, "channel": "lapor", "received_at_utc": received_utc,
            "received_at_local": received_utc + timedelta(hours=7), "text": "aduan", "agency": agency,
            "first_response_at_utc": response, "forwarded_at_utc": forwarded, "acted_at_utc": acted,
            "closed_at_utc": closed, "status": "Diterima", "run_id": "r1", "loaded_at_utc": datetime(2026, 1, 1)}


@pytest.fixture
def steps_db(tmp_path):
    # Received Monday 3 Nov 2025 09:00 WIB (02:00 UTC); 'today' is Monday 17 Nov 2025 (no holidays in between).
    d = lambda day, hour=2: datetime(2025, 11, day, hour)  # noqa: E731  (UTC)
    rows = [
        lapor("fast", d(3), response=d(3, 5), forwarded=d(4), acted=d(6), closed=d(13)),
        lapor("slow-forward", d(3), response=d(4), forwarded=d(7), acted=d(10)),
        lapor("not-forwarded", d(3)),
        lapor("waiting-action", d(3), forwarded=d(5), agency="Dinas B"),
        lapor("fresh", d(14), agency="Dinas B"),
    ]
    path = tmp_path / "w.duckdb"
    write_complaints(path, rows)
    warehouse.publish_snapshot(path, "r1")
    return path


def test_service_standards_in_sql(steps_db):
    store, today = Store(steps_db), date(2025, 11, 17)
    table = store.timeliness(Filters(), today, hours=4, fwd=3, act=5)
    total = table.row(0, named=True)
    assert total["is_total"] and total["aduan"] == 5
    assert total["tanggapan_dalam_jam"] == 1                                  # only 'fast' within 4 hours
    # forwarding: fast (1 wd) on time; slow-forward (4 wd) and not-forwarded (10 wd, none) late;
    # waiting-action (2 wd) on time; 'fresh' is 1 working day old: not due yet, not counted
    assert (total["diteruskan_tepat"], total["diteruskan_jatuh_tempo"]) == (2, 4)
    # action: fast (2 wd) and slow-forward (1 wd) on time; waiting-action forwarded 8 working days ago, late
    assert (total["ditindaklanjuti_tepat"], total["ditindaklanjuti_jatuh_tempo"]) == (2, 3)
    assert total["terlambat"] == 2 and total["selesai"] == 1 and total["median_hari_sampai_selesai"] == 10.0
    per_agency = {r["agency"]: r for r in table.filter(~pl.col("is_total")).iter_rows(named=True)}
    assert per_agency["Dinas A"]["aduan"] == 3 and per_agency["Dinas B"]["terlambat"] == 1
    overdue = store.overdue(Filters(), today, hours=4, fwd=3, act=5)
    assert overdue.select("complaint_id", "tahap_terlambat", "hari_kerja_terlambat").rows() == [
        ("not-forwarded", "diteruskan", 10), ("waiting-action", "ditindaklanjuti", 8)]
    # a laxer standard moves the numbers: forwarding within 5 working days makes slow-forward on time
    assert store.timeliness(Filters(), today, hours=24, fwd=5, act=10).row(0, named=True)["diteruskan_tepat"] == 3


def test_national_holidays_do_not_count(tmp_path):
    # Received Thu 27 Mar 2025, forwarded Wed 2 Apr: 28 Mar, 2 Apr = 2 working days (31 Mar, 1 Apr Idul Fitri)
    path = tmp_path / "w.duckdb"
    write_complaints(path, [lapor("c", datetime(2025, 3, 27, 2), forwarded=datetime(2025, 4, 2, 2))])
    warehouse.publish_snapshot(path, "r1")
    total = Store(path).timeliness(Filters(), date(2025, 4, 30), 4, fwd=2, act=5).row(0, named=True)
    assert (total["diteruskan_tepat"], total["diteruskan_jatuh_tempo"]) == (1, 1)


def test_mart_counts_equal_the_base_table(tiny_db):
    with warehouse.analytics(tiny_db) as con:
        facts = con.execute("select count(*), count(*) filter (where pending_review), count(distinct month) "
                            "from facts_effective").fetchall()[0]
        base = con.execute("select count(*), count(*) filter (where pending_review), "
                           "count(distinct date_trunc('month', received_at_local)) from complaints_effective").fetchall()[0]
    assert facts == base == (24, 3, 2)


def test_a_warehouse_without_marts_gives_the_same_numbers(steps_db, tmp_path):
    # The warehouse file itself (as before any snapshot with marts existed) is read through temporary marts.
    bare = tmp_path / "bare.duckdb"
    bare.write_bytes(steps_db.read_bytes())
    today = date(2025, 11, 17)
    assert Store(bare).available()
    assert (Store(bare).timeliness(Filters(), today, 4, 3, 5).rows()
            == Store(steps_db).timeliness(Filters(), today, 4, 3, 5).rows())
    assert Store(bare).repeat_reporters(Filters()) == {"repeat_reporters": 0, "repeat_complaints": 0}


def test_repeat_reporters_with_and_without_filters(tiny_db):
    store = Store(tiny_db)
    assert store.repeat_reporters(Filters()) == {"repeat_reporters": 1, "repeat_complaints": 3}  # from the mart
    assert store.repeat_reporters(Filters(province="DKI Jakarta")) == {"repeat_reporters": 1, "repeat_complaints": 3}
    assert store.repeat_reporters(Filters(province="Jawa Barat")) == {"repeat_reporters": 0, "repeat_complaints": 0}


def publish_reporters(tmp_path, keys: dict[str, list[str]]):
    """A warehouse of one LAPOR! complaint per id with these reporter identifiers, published with its marts."""
    rows = []
    for cid, k in keys.items():
        r = lapor(cid, datetime(2025, 11, 3, 2))
        r.update(reporter_keys=k, reporter_pseudonym=k[0] if k else None)
        rows.append(r)
    path = tmp_path / "w.duckdb"
    write_complaints(path, rows)
    warehouse.publish_snapshot(path, "r1")
    return path


def reporters_and_known(path) -> tuple[int, int]:
    """(distinct reporters, complaints with a reporter) in the published mart."""
    with warehouse.analytics(path) as con:
        return con.execute("select count(distinct reporter_key), count(reporter_key) from complaint_facts"
                           ).fetchall()[0]


def test_a_reporter_is_linked_through_any_identifier_they_share(tmp_path):
    # LAPOR! with phone and e-mail, then e-mail only, then WhatsApp (phone only): one reporter, three complaints.
    # A fourth complaint from another address and an anonymous one are nobody's repeat.
    path = publish_reporters(tmp_path, {"lapor": ["tel-1", "mail-1"], "email": ["mail-1"], "wa": ["tel-1"],
                                        "other": ["mail-9"], "anon": []})
    assert Store(path).repeat_reporters(Filters()) == {"repeat_reporters": 1, "repeat_complaints": 3}
    assert reporters_and_known(path) == (2, 4)  # the linked three and 'other'; the anonymous complaint has no key


def test_a_chain_of_complaints_is_one_reporter_however_long(tmp_path):
    # Each complaint shares a different identifier only with the next: A-B by phone, B-C by e-mail, C-D by a second
    # phone. Two hops were linked before; D, three hops from A, counted as a second reporter.
    path = publish_reporters(tmp_path, {"A": ["a-tel"], "B": ["a-tel", "b-mail"], "C": ["b-mail", "c-tel"],
                                        "D": ["c-tel"], "E": ["z-mail"]})
    assert Store(path).repeat_reporters(Filters()) == {"repeat_reporters": 1, "repeat_complaints": 4}
    with warehouse.connect(path) as con:
        assert marts.link_reporters(con) == 3  # two rounds carry A's label to D, a third finds nothing to change
        people = dict(con.execute("select complaint_id, person from reporter_links").fetchall())
    assert people == {"A": "a-tel", "B": "a-tel", "C": "a-tel", "D": "a-tel"}  # E shares nothing: its own reporter
    assert reporters_and_known(path) == (2, 5)


def test_a_hash_collision_refuses_the_mart(tmp_path):
    import duckdb

    con = duckdb.connect(str(tmp_path / "m.duckdb"))
    con.execute("create table complaint_facts as select * from (values ('a', 1::ubigint), ('b', 1::ubigint)) "
                "t(complaint_id, id_hash)")
    with pytest.raises(RuntimeError, match="share a 64-bit hash"):
        marts._check_keys(con)


def test_a_snapshot_with_older_marts_is_read_through_current_ones(tiny_db):
    expected = Store(tiny_db).summary(Filters())
    warehouse.close_readers()
    snapshot = warehouse.current_source(tiny_db)
    with warehouse.connect(snapshot) as con:  # as published by the code before marts version 2
        con.execute("drop table marts_version")
        con.execute("alter table complaint_facts drop column is_maladministration")
    assert Store(tiny_db).summary(Filters()) == expected
