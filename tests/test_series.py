"""transforms/series.py, and the rule it stands for: no Python callback runs inside Polars (a hang, seen)."""

from __future__ import annotations

import re
from pathlib import Path

import polars as pl

from transforms.series import map_values

ROOT = Path(__file__).resolve().parents[1]


def test_map_values_keeps_nulls_and_the_name():
    out = map_values(pl.Series("kode", ["a", None, "bc"]), str.upper)
    assert out.name == "kode" and out.to_list() == ["A", None, "BC"] and out.dtype == pl.String


def test_no_python_function_runs_inside_polars():
    # map_elements / map_batches run the function on Polars' thread pool; with the flow's tasks on threads that
    # deadlocked a run (transforms/series.py). Call Python functions with map_values instead.
    pattern = re.compile(r"\.(map_elements|map_batches)\(")
    offenders = [f"{p.relative_to(ROOT)}:{n}" for folder in ("transforms", "flows", "dashboards", "expectations", "awasi")
                 for p in (ROOT / folder).rglob("*.py")
                 for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1) if pattern.search(line)]
    assert not offenders, offenders
