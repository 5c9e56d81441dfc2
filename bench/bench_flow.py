"""Benchmark: the whole nightly flow on a generated mixed-channel inbox, and the dashboard's queries.

    awasi bench [--n 1000000] [--dashboard-rows 1000000,10000000] [--out bench/last-run.md]
    (the same as .venv/bin/python bench/bench_flow.py ...)

1. writes a sample inbox of N records over the four channels (`awasi generate`, not timed);
2. runs `awasi run` on it in a fresh process (Prefect start-up included) and reports wall time, records per
   second and seconds per stage (from the run's own stage clock), peak RSS of that process and the size of the
   warehouse;
3. runs it again with nothing new (the incremental run);
4. times a simple reference on the same inbox: the JSON-lines channels (LAPOR!, WhatsApp) loaded straight into
   DuckDB with `read_json`, and the call-centre CSV with `read_csv` (no normalisation, masking, validation or
   classification), and prints the ratio of the pipeline to it;
5. times each dashboard page's queries on the pipeline's warehouse and on synthetic warehouses of the given sizes.

Results are printed and written as Markdown tables (default `bench/last-run.md`, not kept in git). `bench/RESULTS.md`
is the curated record: the runs worth keeping, each table with the command and time that produced it, and what
bounds each stage; a new run does not overwrite it.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import date, datetime
from pathlib import Path

import duckdb
import psutil

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))


def run_measured(cmd: list[str], env: dict) -> tuple[float, int, str, int]:
    """Wall seconds, peak RSS (bytes) of the process, the output of a command, and the peak of the RSS of the
    process and its worker processes summed (the Prefect server it starts is left out)."""
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    ps = psutil.Process(proc.pid)
    peak = peak_all = 0
    output = []
    import threading

    reader = threading.Thread(target=lambda: output.extend(proc.stdout), daemon=True)
    reader.start()
    while proc.poll() is None:
        try:
            rss = ps.memory_info().rss  # the flow runs in this process (the Prefect server is a child)
            peak = max(peak, rss)
            for child in ps.children(recursive=True):
                try:
                    if "prefect.server.api.server" not in " ".join(child.cmdline()):
                        rss += child.memory_info().rss
                except psutil.Error:
                    pass
            peak_all = max(peak_all, rss)
        except psutil.Error:
            pass
        time.sleep(0.1)
    reader.join(timeout=5)
    return time.perf_counter() - started, peak, "".join(output), peak_all


def reference(inbox: Path) -> tuple[float, int]:
    """Seconds and rows to load the raw JSON-lines and CSV channels into DuckDB as they are."""
    started = time.perf_counter()
    folder = Path(tempfile.mkdtemp(prefix="awasi-ref-"))
    con = duckdb.connect(str(folder / "ref.duckdb"))
    rows = 0
    for table, query in (
        ("lapor", "create table lapor as select * from read_json(?, format='newline_delimited', union_by_name=true, "
                  "ignore_errors=true)"),
        ("whatsapp", "create table whatsapp as select * from read_json(?, format='newline_delimited', "
                     "union_by_name=true, ignore_errors=true)"),
        ("callcenter", "create table callcenter as select * from read_csv(?, union_by_name=true, ignore_errors=true,"
                       " all_varchar=true)"),
    ):
        pattern = str(inbox / table / ("*.csv" if table == "callcenter" else "*.jsonl"))
        con.execute(query, [pattern])
        rows += con.execute(f"select count(*) from {table}").fetchall()[0][0]  # table names from this code only
    con.close()
    seconds = time.perf_counter() - started
    shutil.rmtree(folder, ignore_errors=True)
    return seconds, rows


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=1_000_000, help="records in the generated inbox")
    ap.add_argument("--seed", type=int, default=11)
    ap.add_argument("--workdir", type=Path, default=None,
                    help="keep the inbox, warehouse and logs here (default: a temporary folder, removed at the end)")
    ap.add_argument("--keep", action="store_true", help="keep the temporary work folder and synthetic warehouses")
    ap.add_argument("--dashboard-rows", default="1000000,10000000",
                    help="sizes of the synthetic warehouses for dashboard latency ('' to skip)")
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "last-run.md",
                    help="Markdown file for the results (bench/RESULTS.md is the curated record, not overwritten)")
    ap.add_argument("--inbox", type=Path, default=None,
                    help="reuse an inbox written by an earlier run or `awasi generate` (skips generating one)")
    args = ap.parse_args()

    from awasi.sample.writer import write_inbox
    from bench_dashboard import build, measure

    work = args.workdir or Path(tempfile.mkdtemp(prefix="awasi-bench-"))
    temporary = [] if args.workdir or args.keep else [work]  # removed at the end
    work.mkdir(parents=True, exist_ok=True)
    inbox, db = args.inbox or work / "inbox", work / "awasi.duckdb"
    env = {**os.environ, "AWASI_ARCHIVE_DIR": str(work / "archive"), "AWASI_GX_DIR": str(work / "gx"),
           "PREFECT_HOME": str(work / "prefect"), "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
           "AWASI_PSEUDONYM_KEY_FILE": str(work / "key")}
    t = time.perf_counter()
    if args.inbox:
        manifest = json.loads((inbox / "manifest.json").read_text())
        args.n = manifest["total_records"]
    else:
        manifest = write_inbox(inbox, n=args.n, seed=args.seed, end=date(2026, 11, 20))
    print(f"inbox of {manifest['total_records']:,} records ready in {time.perf_counter() - t:.0f} s: {inbox}")

    awasi = [sys.executable, "-m", "awasi.cli", "run", "--inbox", str(inbox), "--db", str(db)]
    full_s, full_rss, out, full_rss_all = run_measured(awasi + ["--summary-json", str(work / "full.json")], env)
    if not (work / "full.json").exists():
        sys.exit("the full run failed:\n" + out[-3000:])
    full = json.loads((work / "full.json").read_text())
    incr_s, incr_rss, out, _ = run_measured(awasi + ["--summary-json", str(work / "incr.json")], env)
    incr = json.loads((work / "incr.json").read_text())
    ref_s, ref_rows = reference(inbox)
    db_mb = db.stat().st_size / 1e6

    stages = full["stage_seconds"]
    records = full["records_total"]
    lines = [
        "# Benchmark results\n",
        f"Measured {datetime.now().strftime('%Y-%m-%d %H:%M')} on {platform.node()}: {psutil.cpu_count()} cores, "
        f"{psutil.virtual_memory().total / 2**30:.0f} GB RAM, Python {platform.python_version()}, "
        f"{platform.platform()}. Command: `.venv/bin/python bench/bench_flow.py {shlex.join(sys.argv[1:])}`"
        f" ({args.n:,} records; work folder {work}).\n",
        "## Nightly flow\n",
        "| measure | value |", "|---|---|",
        f"| records in the inbox | {records:,} ({full['accepted']:,} accepted, {full['merged']:,} merged, "
        f"{full['quarantined']:,} quarantined) |",
        f"| full run, wall time (process start to exit, Prefect start-up included) | {full_s:.1f} s |",
        f"| full run, records per second | {records / full_s:,.0f} |",
        f"| peak RSS of the run's process | {full_rss / 2**20:,.0f} MB |",
        f"| peak RSS of the run's process and its worker processes, summed | {full_rss_all / 2**20:,.0f} MB |",
        f"| warehouse size | {db_mb:,.0f} MB |",
        f"| incremental run with nothing new (wall) | {incr_s:.1f} s ({incr['files_skipped']} files skipped, "
        f"{incr['records_total']} records) |",
        f"| reference: raw LAPOR!/WhatsApp JSON lines and call-centre CSV into DuckDB (`read_json`, `read_csv`) "
        f"| {ref_s:.2f} s for {ref_rows:,} rows |",
        f"| ratio full pipeline / reference | {full_s / ref_s:,.0f}x |",
        "",
        "Seconds per stage of the full run (parse and normalise are summed over partitions, which run in parallel;"
        " `read_parse_normalise_wall` is the wall time of that parallel phase):\n",
        "| stage | seconds | records/s |", "|---|---|---|",
    ]
    for stage, sec in stages.items():
        rate = f"{records / sec:,.0f}" if sec and not stage.startswith("parse_") else ""
        if stage.startswith("parse_"):
            ch = stage.removeprefix("parse_")
            n = sum(full["counts"].get(ch, {}).values())
            rate = f"{n / sec:,.0f}" if sec else ""
        lines.append(f"| {stage} | {sec:.2f} | {rate} |")

    lines += ["", "## Dashboard queries\n", "p50 / p95 in ms of all queries a page runs (Store, the app's code path).\n"]
    sizes = [("pipeline warehouse", db, full["complaints_new"])]
    for n in [int(x) for x in args.dashboard_rows.split(",") if x.strip()]:
        synth = Path(tempfile.mkdtemp(prefix="awasi-bench-dash-")) / "w.duckdb"
        if not args.keep:
            temporary.append(synth.parent)
        t = time.perf_counter()
        build(synth, n)
        print(f"synthetic warehouse of {n:,} complaints built in {time.perf_counter() - t:.0f} s")
        sizes.append(("synthetic", synth, n))
    results = {}
    for label, path, n in sizes:
        results[(label, n)] = measure(path, args.repeat)
    header = "| page | filters | " + " | ".join(f"{n:,} ({label})" for label, n in results) + " |"
    lines += [header, "|---|---|" + "---|" * len(results)]
    first = next(iter(results.values()))
    for i, row in enumerate(first):
        cells = [f"{r[i]['p50_ms']:.0f} / {r[i]['p95_ms']:.0f}" for r in results.values()]
        lines.append(f"| {row['page']} | {row['filters']} | " + " | ".join(cells) + " |")
    if temporary:
        lines += ["", f"The temporary folders ({', '.join(str(p) for p in temporary)}) were removed after the run "
                      "(`--workdir` keeps the work folder, `--keep` all of them)."]
    text = "\n".join(lines) + "\n"
    args.out.write_text(text, encoding="utf-8")
    print(text)
    for folder in temporary:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
