"""Benchmark: dashboard query latency on a large warehouse.

    .venv/bin/python bench/bench_dashboard.py [--rows 1000000] [--repeat 7]

Builds a synthetic warehouse of N complaints directly in DuckDB (realistic columns: 40 provinces, 500 agencies,
11 categories, 3 years loaded in order of receipt, masked text of 40-80 words, 70% of complaints from known
reporters, LAPOR!-style step times, 1,000 analysts' corrections by default), publishes a snapshot (with the readers' marts, as the flow does), and times every query each page
runs (through dashboards.data.Store, the same code path as the app), reporting p50/p95 per page. The
dashboard's own rendering (Streamlit, Altair) comes on top; the browser test shows it.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import tempfile
import time
from datetime import date
from pathlib import Path

from dashboards.data import Filters, Store
from dashboards.views.ringkasan import previous_period  # imports streamlit (~0.5 s): not inside a timed call
from flows import warehouse

BUILD = """
insert into complaints (complaint_id, channel, received_at_utc, received_at_local, agency, agency_type, province,
                        regency, title, text, text_search, category, confidence, needs_review, is_secret,
                        first_response_at_utc, reporter_pseudonym, reporter_keys, forwarded_at_utc, acted_at_utc,
                        closed_at_utc, status, run_id, loaded_at_utc)
select 'C-' || i,
       ['lapor', 'whatsapp', 'email', 'callcenter'][1 + (hash(i) % 4)::int],
       ts, ts + interval 7 hours,
       'Instansi ' || (hash(i * 7) % 500),
       ['Pemerintah Daerah', 'Kepolisian', 'BUMN/BUMD', 'Kementerian/Lembaga'][1 + (hash(i * 11) % 4)::int],
       'Provinsi ' || (hash(i * 13) % 40),
       'Kabupaten ' || (hash(i * 17) % 514),
       'Aduan ' || i,
       'Sudah ' || (hash(i) % 12) || ' bulan pengurusan sertifikat tanah di kantor belum selesai dan petugas '
         || ['membentak', 'meminta uang', 'tidak ada', 'salah input'][1 + (hash(i * 3) % 4)::int]
         || ' sehingga warga dirugikan, mohon ditindaklanjuti segera oleh instansi terkait terima kasih',
       'sudah bulan urus sertifikat tanah kantor belum selesai tugas bentak minta uang warga rugi mohon tindak lanjut',
       ['penundaan_berlarut', 'tidak_memberikan_pelayanan', 'penyimpangan_prosedur', 'tidak_kompeten',
        'penyalahgunaan_wewenang', 'permintaan_imbalan', 'tidak_patut', 'berpihak', 'diskriminasi',
        'konflik_kepentingan', 'bukan_maladministrasi'][1 + (hash(i * 5) % 11)::int],
       (hash(i * 19) % 100) / 100.0, (hash(i * 19) % 100) < 20, (hash(i) % 50) = 0,
       case when hash(i * 23) % 3 = 0 then ts + to_hours((hash(i) % 200)::int) end,
       case when hash(i * 31) % 10 < 7 then 'p-' || (hash(i * 37) % 6000000) end,  -- 70% known reporters
       case when hash(i * 31) % 10 < 7 then  -- their identifiers: phone and e-mail, phone only, or e-mail only
           [['p-' || (hash(i * 37) % 6000000), 'e-' || (hash(i * 37) % 6000000)],
            ['p-' || (hash(i * 37) % 6000000)],
            ['e-' || (hash(i * 37) % 6000000)]][1 + (hash(i * 59) % 3)::int]
       else [] end,
       case when hash(i * 41) % 4 > 0 then ts + to_hours((hash(i * 43) % 150)::int) end,
       case when hash(i * 41) % 4 > 1 then ts + to_hours((150 + hash(i * 47) % 300)::int) end,
       case when hash(i * 41) % 4 > 2 then ts + to_hours((450 + hash(i * 53) % 900)::int) end,
       ['Diterima', 'Terdisposisi', 'Ditindaklanjuti', 'Selesai'][1 + (hash(i * 41) % 4)::int],
       'bench', now()::timestamp
from (select i, timestamp '2024-01-01' + to_seconds((hash(i * 29) % (3 * 365 * 86400))::bigint) as ts
      from range(?) as t(i))
order by ts  -- as nightly runs load them: the warehouse grows in order of receipt
"""

# Analysts' corrections: a sample of complaints given another category (an office's months of review).
CORRECT = """
insert into corrections
select complaint_id, 'tidak_patut', 'analis-bench', now()::timestamp, ''
from bench.complaints
order by hash(complaint_id)
limit ?
"""


def build(db: Path, rows: int, corrections: int = 1000) -> None:
    with warehouse.connect(db) as con:
        warehouse.ensure_schema(con)
        con.execute(BUILD, [rows])
        con.execute("insert into runs (run_id, started_at_utc, outcome) values ('bench', now()::timestamp, 'completed')")
    snapshot = warehouse.publish_snapshot(db, "bench")
    if corrections:
        with warehouse.connect(warehouse.ensure_corrections(db)) as con:
            con.execute("attach ? as bench (read_only)", [str(snapshot)])
            con.execute(CORRECT, [corrections])


def _timeliness(s: Store, f: Filters):
    return s.timeliness(f, date.today(), 4, 3, 5), s.overdue(f, date.today(), 4, 3, 5)


def _summary(s: Store, f: Filters):
    current, before = previous_period(s, f)
    return (s.summary(f), s.period_counts(f, current, before), s.repeat_reporters(f), s.by_dimension(f, "kategori"),
            s.runs())


def _profile(s: Store, f: Filters):
    """As the page: the league of all agencies, then the form mix and the trend of the first one."""
    from dataclasses import replace

    league = s.agency_league(replace(f, agency=None))
    one = replace(f, agency=league["agency"][0]) if league.height else f
    return league, s.by_dimension(one, "kategori"), s.by_month(one)


def _explore(s: Store, f: Filters):
    """As the page: search, then read the first complaint found."""
    found = s.search(f, "sertifikat membentak")
    return found, s.complaint(found["complaint_id"][0], f.scope) if found.height else None


PAGES = {
    "Ringkasan": _summary,
    "Tren per instansi": lambda s, f: (s.by_month(f), s.by_dimension(f, "instansi"), s.agency_growth(f)),
    # the page shows one dimension at a time; kabupaten/kota is the largest of the four
    "Kategori, Kanal, Wilayah": lambda s, f: s.by_dimension(f, "kabupaten/kota"),
    "Profil instansi": lambda s, f: _profile(s, f),
    "Ketepatan waktu": _timeliness,
    "Jelajah aduan (cari)": lambda s, f: _explore(s, f),
    "Kualitas data": lambda s, f: (s.validations(), s.quarantine(), s.runs(), s.decisions()),
}


FILTERS = {"no filter": Filters(),
           "province + year": Filters(start=date(2025, 1, 1), end=date(2025, 12, 31), province="Provinsi 7")}


def first_queries(db: Path) -> dict:
    """Milliseconds of the first query of a process (opens the snapshot, copies the corrections in) and of the
    first query after an analyst's correction (copies them again); `measure` starts after these."""
    from flows.classification import add_correction

    store = Store(db)
    t = time.perf_counter()
    store.summary(Filters())
    opened = (time.perf_counter() - t) * 1000
    with warehouse.analytics(db) as con:
        some_id = con.execute("select min(complaint_id) from complaint_facts").fetchall()[0][0]
    add_correction(db, some_id, "berpihak", "analis-bench")
    t = time.perf_counter()
    store.summary(Filters())
    return {"open_ms": opened, "after_correction_ms": (time.perf_counter() - t) * 1000}


def measure(db: Path, repeat: int, filters: dict | None = None) -> list[dict]:
    """p50/p95 milliseconds of every page's queries, per filter set."""
    store = Store(db)
    store.summary(Filters())  # the process's first query opens the snapshot (see first_queries)
    rows = []
    for page, run in PAGES.items():
        for fname, f in (filters or FILTERS).items():
            times = []
            for _ in range(repeat):
                t = time.perf_counter()
                run(store, f)
                times.append((time.perf_counter() - t) * 1000)
            times.sort()
            p95 = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
            rows.append({"page": page, "filters": fname, "p50_ms": statistics.median(times), "p95_ms": p95})
    return rows


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=1_000_000)
    ap.add_argument("--repeat", type=int, default=7)
    ap.add_argument("--corrections", type=int, default=1000, help="analysts' corrections in the warehouse")
    ap.add_argument("--db", type=Path, default=None, help="measure this warehouse (built by an earlier run) instead")
    ap.add_argument("--keep", action="store_true", help="keep the synthetic warehouse (default: removed at the end)")
    args = ap.parse_args()
    db, folder = args.db, None
    if db is None:
        folder = Path(tempfile.mkdtemp(prefix="awasi-bench-dash-"))
        db = folder / "w.duckdb"
        t = time.perf_counter()
        build(db, args.rows, args.corrections)
        print(f"built {args.rows:,} complaints in {time.perf_counter() - t:.1f} s ({db.stat().st_size / 1e6:.0f} MB)"
              f" in {db}")
    try:
        first = first_queries(db)
        print(f"first query of a process {first['open_ms']:.0f} ms; first after a new correction "
              f"{first['after_correction_ms']:.0f} ms")
        print(f"{'page':<28}{'filters':<18}{'p50 ms':>8}{'p95 ms':>8}")
        for r in measure(db, args.repeat):
            print(f"{r['page']:<28}{r['filters']:<18}{r['p50_ms']:>8.0f}{r['p95_ms']:>8.0f}")
    finally:
        if folder is not None and not args.keep:
            warehouse.close_readers()
            shutil.rmtree(folder, ignore_errors=True)
            print(f"removed {folder} (--keep keeps it)")


if __name__ == "__main__":
    main()
