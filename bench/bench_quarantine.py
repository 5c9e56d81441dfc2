"""Benchmark: Kualitas data's quarantine table on a large intake, with and without the superseded marking.

    .venv/bin/python bench/bench_quarantine.py [--rows 10000000] [--repeat 15] [--db PATH] [--keep]

Builds a synthetic warehouse of N intake rows directly in DuckDB (166 runs a day apart; 0.65% of the records
quarantined, as the 1,000,000-record flow benchmark quarantines; 80% of the records known by a channel id, the
others by their content; a corrected re-delivery in the next run for 30% of the quarantined records that have an
id), publishes a snapshot (with the readers' marts, as the flow does; the time is printed, and the superseded mart's
own build time), and times through `dashboards.data.Store`, as the page runs it:
- the quarantine counts without the marking (the query before the marking was shown),
- the page's query with the marking (joins the snapshot's mart `quarantine_superseded`),
- the marking computed at page time instead (`awasi quarantine list`'s macro, flows/sql/quarantine_marked.sql).
`--db PATH` measures an existing warehouse (e.g. one `awasi run` loaded) instead of building one.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import tempfile
import time
from pathlib import Path

import duckdb

from dashboards.data import Store
from flows import warehouse
from flows.sqlfiles import sql

RUNS = 166
BUILD_RUNS = """
insert into runs (run_id, started_at_utc, outcome, message)
select 'bench-' || k, timestamp '2026-01-01' + to_days(k::int), 'completed', 'Selesai: bench'
from range(?) as t(k)
"""
BUILD_INTAKE = """
insert into intake (record_id, run_id, channel, source_file, file_hash, position, seq, source_ref, content_hash, fate,
                    reason_code, reason)
select 'R-' || i, 'bench-' || (i % ?), ch, ch || '/kiriman-' || (i // 5000) || '.jsonl', 'f-' || (i // 5000),
       'line ' || (i % 5000 + 1), (i % 5000)::int,
       case when hash(i * 7) % 10 < 8 then ch || ':' || i end, 'c-' || i,
       case when hash(i * 3) % 10000 < 65 then 'quarantined' when hash(i * 5) % 10 < 2 then 'merged'
            else 'accepted' end,
       case when hash(i * 3) % 10000 < 65 then ['file_held', 'bad_json', 'bad_date', 'missing_field'][1 + (hash(i) % 4)::int] end,
       case when hash(i * 3) % 10000 < 65 then 'alasan ' || (hash(i) % 4) end
from (select i, ['lapor', 'whatsapp', 'email', 'callcenter'][1 + (hash(i * 11) % 4)::int] as ch from range(?) as t(i))
"""
REDELIVER = """
insert into intake (record_id, run_id, channel, source_file, file_hash, position, seq, source_ref, content_hash, fate)
select 'fix-' || record_id, 'bench-' || (split_part(run_id, '-', 2)::int + 1), channel,
       'perbaikan/' || source_file, 'fix-' || file_hash, position, seq, source_ref, 'fix-' || content_hash, 'accepted'
from intake
where fate = 'quarantined' and source_ref is not null and split_part(run_id, '-', 2)::int < ? - 1
  and hash(record_id) % 10 < 3
"""
# The page's query before the marking was shown (dashboards/sql/quality_quarantine.sql until 3cb5938).
COUNTS_ONLY = """
select channel as kanal, mode(reason) as alasan, reason_code as "kode alasan", count(*) as jumlah
from intake where fate = 'quarantined'
group by channel, reason_code
order by jumlah desc, kanal, "kode alasan"
"""


def build(db: Path, rows: int) -> None:
    with warehouse.connect(db) as con:
        warehouse.ensure_schema(con)
        con.execute(BUILD_RUNS, [RUNS])
        con.execute(BUILD_INTAKE, [RUNS, rows])
        con.execute(REDELIVER, [RUNS])


def publish(db: Path) -> None:
    t = time.perf_counter()
    snapshot = warehouse.publish_snapshot(db, "bench")
    print(f"published in {time.perf_counter() - t:.2f} s (copy and every mart)")
    tmp = snapshot.with_name(".bench-mart.duckdb")
    shutil.copyfile(snapshot, tmp)
    try:
        with duckdb.connect(str(tmp)) as con:
            con.execute(sql("quarantine_marked"))
            t = time.perf_counter()
            con.execute(f"create or replace table quarantine_superseded as {sql('quarantine_superseded')}")
            print(f"the superseded mart alone: {time.perf_counter() - t:.2f} s")
    finally:
        tmp.unlink(missing_ok=True)


def measure(db: Path, repeat: int) -> None:
    store = Store(db)
    store.quarantine()  # the snapshot opened once, as in a running dashboard

    def counts_only():
        with warehouse.analytics(db) as con:
            con.sql(COUNTS_ONLY).pl()

    def marked_at_page_time():
        with warehouse.analytics(db) as con:
            con.execute(sql("quarantine_marked"))
            con.execute(sql("quarantine_counts"), [None, None]).fetchall()

    with warehouse.analytics(db) as con:
        total, quarantined = con.execute("select count(*), count_if(fate = 'quarantined') from intake").fetchall()[0]
        superseded = con.execute("select count(*) from quarantine_superseded").fetchall()[0][0]
    print(f"intake {total:,} rows, {quarantined:,} quarantined, {superseded:,} of them superseded")
    for name, fn, n in (("counts without the marking", counts_only, repeat),
                        ("the page's query (joins the mart)", store.quarantine, repeat),
                        ("the marking at page time (the CLI's macro)", marked_at_page_time, max(3, repeat // 5))):
        times = []
        for _ in range(n):
            t = time.perf_counter()
            fn()
            times.append((time.perf_counter() - t) * 1000)
        print(f"{name:<44} p50 {statistics.median(times):8.1f} ms  max {max(times):8.1f} ms  ({n} runs)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rows", type=int, default=10_000_000)
    ap.add_argument("--repeat", type=int, default=15)
    ap.add_argument("--db", type=Path, help="measure this warehouse instead of building one")
    ap.add_argument("--keep", action="store_true", help="keep the synthetic warehouse")
    args = ap.parse_args()
    if args.db:
        publish(args.db)
        measure(args.db, args.repeat)
        return
    folder = Path(tempfile.mkdtemp(prefix="awasi-bench-quarantine-"))
    try:
        db = folder / "bench.duckdb"
        t = time.perf_counter()
        build(db, args.rows)
        print(f"built {args.rows:,} intake rows in {time.perf_counter() - t:.1f} s")
        publish(db)
        measure(db, args.repeat)
        warehouse.close_readers()
    finally:
        if args.keep:
            print(f"kept: {folder}")
        else:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
