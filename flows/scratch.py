"""The run's scratch space: staged records spilled to Parquet so the night is never held in memory at once.

A run writes each gated staging batch to `stage/<n>.parquet`. Once every record's complaint is known (in the
database `assign.duckdb` of flows/assign.py), the batches are redistributed into `buckets/<k>/<n>.parquet`: all
records of one complaint (and its merged records) land in the same bucket, so each bucket is classified, gated and
loaded on its own. The folder lives next to the warehouse (the same disk, owner-only) and is removed when the run
ends, whatever its outcome.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import polars as pl

from flows.warehouse import side_folder
from transforms.complaints import ROLE_SCHEMA


class Scratch:
    def __init__(self, db_path: Path, run_id: str):
        self.root = side_folder(db_path, f"run-{run_id}")
        self.batches: list[Path] = []

    def add_batch(self, frame: pl.DataFrame) -> None:
        path = self.root / "stage" / f"{len(self.batches):05d}.parquet"
        path.parent.mkdir(exist_ok=True)
        frame.write_parquet(path, compression="lz4")
        self.batches.append(path)

    def select(self, predicate: pl.Expr) -> pl.DataFrame | None:
        """The staged records matching `predicate`, in staging order; None when nothing was staged."""
        # The filter is pushed into the Parquet scan. Reading a batch and then filtering it would keep the whole
        # batch's string buffers alive behind the few rows kept (Polars' filtered string views share them):
        # taking 4% of the records of 2,000,000 this way held about 1 GB (bench/RESULTS.md).
        parts = [pl.scan_parquet(path).filter(predicate).collect() for path in self.batches]
        return pl.concat(parts, how="diagonal_relaxed") if parts else None

    @property
    def roles_dir(self) -> Path:
        """Each load batch's roles, as `bucket=<k>/*.parquet` (written by flows/assign.py)."""
        return self.root / "roles"

    def redistribute(self, n: int, path: Path, bucket: pl.Series) -> None:
        """Move staged batch `n` into the load batches: `bucket` holds each of its records' batch, in file order;
        staging order is kept inside each load batch."""
        frame = pl.read_parquet(path).with_columns(bucket.alias("bucket"))
        for (k,), part in frame.partition_by("bucket", as_dict=True, maintain_order=True).items():
            target = self.root / "buckets" / f"{k:05d}" / f"{n:05d}.parquet"
            target.parent.mkdir(parents=True, exist_ok=True)
            part.drop("bucket").write_parquet(target, compression="lz4")
        path.unlink()

    def read_bucket(self, k: int) -> pl.DataFrame | None:
        folder = self.root / "buckets" / f"{k:05d}"
        parts = [pl.read_parquet(p) for p in sorted(folder.glob("*.parquet"))] if folder.is_dir() else []
        return pl.concat(parts, how="diagonal_relaxed") if parts else None

    def read_roles(self, k: int) -> pl.DataFrame:
        """The roles of load batch `k` (none when all its records were quarantined at the raw gate)."""
        folder = self.roles_dir / f"bucket={k}"
        parts = [pl.read_parquet(p) for p in sorted(folder.glob("*.parquet"))] if folder.is_dir() else []
        return pl.concat(parts) if parts else pl.DataFrame(schema=ROLE_SCHEMA)

    def remove(self) -> None:
        shutil.rmtree(self.root, ignore_errors=True)
