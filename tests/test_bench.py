"""`awasi bench`: the benchmark command end to end, on a small generated inbox (the real flow, in processes)."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest


@pytest.mark.usefixtures("prefect_backend")
def test_awasi_bench_runs_the_flow_twice_and_writes_its_tables(tmp_path):
    from prefect.settings import PREFECT_API_URL

    out = tmp_path / "hasil.md"
    scratch = tmp_path / "tmp"  # the bench's temporary folders go here, and must be gone afterwards
    scratch.mkdir()
    # The flow runs use the session's Prefect server instead of starting a temporary one each (10-20 s apiece).
    env = {**os.environ, "TMPDIR": str(scratch), "PREFECT_API_URL": PREFECT_API_URL.value()}
    r = subprocess.run([sys.executable, "-m", "awasi.cli", "bench", "--n", "200", "--dashboard-rows", "",
                        "--repeat", "1", "--out", str(out)],
                       capture_output=True, text=True, timeout=900, env=env)
    assert r.returncode == 0, r.stdout[-2000:] + r.stderr[-2000:]
    text = out.read_text(encoding="utf-8")
    # every record of the generated inbox is accounted for in the full run
    accepted, merged, quarantined = map(int, re.search(
        r"\| records in the inbox \| 200 \((\d+) accepted, (\d+) merged, (\d+) quarantined\) \|", text).groups())
    assert accepted + merged + quarantined == 200 and accepted > 0
    # the second run finds nothing new
    assert re.search(r"\| incremental run with nothing new \(wall\) \| [\d.]+ s \(\d+ files skipped, 0 records\) \|",
                     text)
    assert re.search(r"\| peak RSS of the run's process \| [\d,]+ MB \|", text)
    assert re.search(r"\| ratio full pipeline / reference \| [\d,]+x \|", text)
    for stage in ("parse_lapor", "normalise_protect_resolve", "validate_raw", "classify", "load"):
        assert re.search(rf"\| {stage} \| [\d.]+ \|", text), stage
    # every dashboard page's queries were timed on the pipeline's warehouse
    for page in ("Ringkasan", "Tren per instansi", "Ketepatan waktu", "Jelajah aduan (cari)", "Kualitas data"):
        assert re.search(rf"\| {re.escape(page)} \| no filter \| \d+ / \d+ \|", text), page
    assert "bench_flow.py --n 200 --dashboard-rows '' --repeat 1 --out" in text  # the command as given
    # the work folder (inbox, warehouse, logs) and the reference database were temporary: removed, and said so
    assert list(scratch.iterdir()) == []
    assert re.search(rf"The temporary folders \({re.escape(str(scratch))}/awasi-bench-\S+\) were removed after the run",
                     text)
