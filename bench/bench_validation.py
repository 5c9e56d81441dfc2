"""Benchmark: Great Expectations validation time per 100,000 records (raw and complaint suites).

    .venv/bin/python bench/bench_validation.py [--rows 100000]

Builds synthetic frames with the columns the suites read (about 1% of rows broken), runs each suite
three times through `expectations.validate.run_suite` and prints the best time, so the figure
excludes GX's one-off import and context set-up (reported separately).
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

import polars as pl

PARAMS = {"earliest": "2000-01-01T00:00:00+00:00", "latest": "2026-11-23T00:00:00+00:00", "min_chars": 3,
          "max_chars": 20000, "max_complaint_chars": 100000}


def raw_frame(n: int, rng: random.Random) -> pl.DataFrame:
    t0 = datetime(2024, 1, 1, tzinfo=timezone.utc)
    return pl.DataFrame({
        "record_key": [f"h|line {i}" for i in range(n)],
        "channel": ["lapor"] * n,
        "source_ref": [None if rng.random() < 0.002 else str(1_000_000 + i) for i in range(n)],
        "content_hash": [f"{i:064x}" for i in range(n)],
        "received_at": [t0 + timedelta(minutes=rng.randint(0, 1_400_000)) if rng.random() > 0.004
                        else datetime(1970, 1, 1, tzinfo=timezone.utc) for _ in range(n)],
        "text_chars": [rng.randint(0, 2) if rng.random() < 0.004 else rng.randint(40, 900) for _ in range(n)],
        "message_type": ["lapor"] * n,
    })


def complaint_frame(n: int, rng: random.Random) -> pl.DataFrame:
    t0 = datetime(2024, 1, 1, tzinfo=timezone.utc)
    return pl.DataFrame({
        "complaint_id": [f"LPR-{i:012x}" for i in range(n)],
        "channel": [rng.choice(["lapor", "whatsapp", "email", "callcenter"]) for _ in range(n)],
        "received_at_utc": [t0 + timedelta(minutes=rng.randint(0, 1_400_000)) for _ in range(n)],
        "text_chars": [rng.randint(40, 900) for _ in range(n)],
        "category": [None] * n, "confidence": [None] * n,
        "agency_match": [rng.choice(["field", "fuzzy", "text", "none"]) for _ in range(n)],
        "agency": [None if rng.random() < 0.2 else "Disdukcapil" for _ in range(n)],
    }, schema_overrides={"category": pl.String, "confidence": pl.Float64})


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=100_000)
    args = ap.parse_args()
    rng = random.Random(1)
    with tempfile.TemporaryDirectory(prefix="awasi-bench-gx-") as gx_dir:
        measure(args.rows, rng, Path(gx_dir))


def measure(rows: int, rng: random.Random, gx_dir: Path) -> None:
    t = time.perf_counter()
    from expectations.validate import run_suite

    import great_expectations  # noqa: F401  (timed: the one-off import cost)
    print(f"import great_expectations: {time.perf_counter() - t:.2f} s")
    for suite, frame, key in (("raw_lapor", raw_frame(rows, rng), "record_key"),
                              ("complaints", complaint_frame(rows, rng), "complaint_id")):
        times = []
        for _ in range(3):
            t = time.perf_counter()
            result = run_suite(frame, suite, key, PARAMS, gx_dir)
            times.append(time.perf_counter() - t)
        failed = sum(r.rows_failed for r in result.results)
        per100k = min(times) * 100_000 / rows
        print(f"{suite:<12} rows={rows:,} best={min(times):.2f} s  -> {per100k:.2f} s per 100,000 rows "
              f"(failed row checks: {failed:,})")


if __name__ == "__main__":
    main()
