"""The run's scratch space: staged records spilled to Parquet so the night is never held in memory at once.

A run writes each gated staging batch to `stage/<n>.parquet`. Once every record's complaint is known, the
batches are redistributed into `buckets/<k>/<n>.parquet`: all records of one complaint (and its merged records)
land in the same bucket, so each bucket is classified, gated and loaded on its own. The folder lives next to
the warehouse (the same disk, owner-only) and is removed when the run ends, whatever its outcome.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import polars as pl


class Scratch:
    def __init__(self, db_path: Path, run_id: str):
        db = Path(db_path)
        self.root = db.with_name(f".{db.stem}.run-{run_id}")
        self.root.mkdir(parents=True, exist_ok=True)
        os.chmod(self.root, 0o700)
        self.batches: list[Path] = []
        self.buckets = 0

    def add_batch(self, frame: pl.DataFrame) -> None:
        path = self.root / "stage" / f"{len(self.batches):05d}.parquet"
        path.parent.mkdir(exist_ok=True)
        frame.write_parquet(path, compression="lz4")
        self.batches.append(path)

    def read_batches(self, columns: list[str] | None = None):
        """Each staging batch in order (only `columns` when given)."""
        for path in self.batches:
            yield pl.read_parquet(path, columns=columns)

    def select(self, columns: list[str] | None, predicate: pl.Expr | None = None) -> pl.DataFrame | None:
        """These columns (all: None) of the staged records (filtered), in staging order; None when nothing was
        staged."""
        parts = []
        for frame in self.read_batches(columns):
            parts.append(frame.filter(predicate) if predicate is not None else frame)
        return pl.concat(parts, how="diagonal_relaxed") if parts else None

    def write_buckets(self, roles: pl.DataFrame, buckets: int) -> None:
        """Redistribute the staged records by the `bucket` of their `roles` rows (record_key, bucket, and the
        record's role columns); staging order is kept. Each bucket's roles are written beside its records, so the
        night's roles need not be held while the buckets are loaded."""
        self.buckets = buckets
        for (k,), part in roles.partition_by("bucket", as_dict=True, maintain_order=True).items():
            target = self.root / "roles" / f"{k:05d}.parquet"
            target.parent.mkdir(parents=True, exist_ok=True)
            part.drop("bucket").write_parquet(target, compression="lz4")
        assignment = roles.select("record_key", "bucket")
        for n, path in enumerate(self.batches):
            frame = pl.read_parquet(path).join(assignment, on="record_key", how="left", maintain_order="left")
            for (k,), part in frame.partition_by("bucket", as_dict=True, maintain_order=True).items():
                target = self.root / "buckets" / f"{k:05d}" / f"{n:05d}.parquet"
                target.parent.mkdir(parents=True, exist_ok=True)
                part.drop("bucket").write_parquet(target, compression="lz4")
            path.unlink()

    def read_bucket(self, k: int) -> pl.DataFrame | None:
        folder = self.root / "buckets" / f"{k:05d}"
        parts = [pl.read_parquet(p) for p in sorted(folder.glob("*.parquet"))] if folder.is_dir() else []
        return pl.concat(parts, how="diagonal_relaxed") if parts else None

    def read_roles(self, k: int) -> pl.DataFrame | None:
        path = self.root / "roles" / f"{k:05d}.parquet"
        return pl.read_parquet(path) if path.exists() else None

    def remove(self) -> None:
        shutil.rmtree(self.root, ignore_errors=True)
