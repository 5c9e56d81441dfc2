"""Warehouse side of classification: reclassify history, analyst corrections, corrected counts, and analysts'
decisions as labelled items to measure and retrain the model."""

from __future__ import annotations

import json
import shutil
import uuid
from datetime import datetime, timezone
from pathlib import Path

from flows import warehouse
from transforms.labels import CLASS_COLUMNS, DISPLAY, LABELS


def reclassify_warehouse(db_path: Path, model, batch: int = 50_000, memory_limit: str | None = None) -> int:
    """Classify every stored complaint again with `model`, in one transaction.

    The texts are read and classified `batch` complaints at a time, and each batch's predictions are written to a
    Parquet file in an owner-only folder beside the warehouse; one UPDATE then reads them all. Memory stays at
    one batch whatever the history holds (a frame of every stored text would be gigabytes at 10,000,000
    complaints). The folder is removed whatever the outcome."""
    import polars as pl

    from transforms.classifier import classify_frame  # scikit-learn: not for the dashboard's corrections

    spill = warehouse.side_folder(db_path, f"reclassify-{uuid.uuid4().hex[:8]}")
    try:
        with warehouse.connect(db_path, memory_limit=memory_limit) as con:
            warehouse.ensure_schema(con)
            files, total = [], 0
            for n, chunk in enumerate(con.sql(warehouse.sql("complaint_texts")).to_arrow_reader(batch)):
                texts = pl.from_arrow(chunk)
                if not texts.height:
                    continue
                path = spill / f"{n:05d}.parquet"
                classify_frame(texts, model, batch=batch).select("complaint_id", *CLASS_COLUMNS).write_parquet(path)
                files.append(str(path))
                total += texts.height
            if files:
                con.execute("begin transaction")
                try:
                    con.execute(warehouse.sql("reclassify"), [files])
                    con.execute("commit")
                except BaseException:
                    con.execute("rollback")
                    raise
    finally:
        shutil.rmtree(spill, ignore_errors=True)
    warehouse.publish_snapshot(db_path, f"reclassify-{datetime.now(timezone.utc):%Y%m%dT%H%M%S}")
    return total


def add_correction(db_path: Path, complaint_id: str, category: str, analyst: str, note: str = "") -> None:
    """Record an analyst's decision in the corrections store (never waits for the nightly writer)."""
    if category not in LABELS:
        raise ValueError(f"category {category!r} is not one of {', '.join(LABELS)}")
    if not analyst.strip():
        raise ValueError("the analyst's name is required")
    with warehouse.analytics(db_path) as con:
        if not con.execute("select count(*) from complaints where complaint_id = ?", [complaint_id]).fetchall()[0][0]:
            raise KeyError(f"no complaint {complaint_id}")
    with warehouse.connect(warehouse.ensure_corrections(db_path)) as con:
        con.execute("insert into corrections values (?, ?, ?, ?, ?)",
                    [complaint_id, category, analyst.strip(), datetime.now(timezone.utc).replace(tzinfo=None), note])


def write_decision_labels(db_path: Path, out: Path) -> tuple[int, int]:
    """Write the analysts' latest decision per complaint as JSON lines `{id, text, label}`, the shape that
    `awasi train --labels` and `awasi evaluate --gold` read, with the stored (masked) title and text as the
    classifier reads them.
    A decision that keeps the machine's category counts too: it is a label an analyst checked. Secret reports
    are left out, as the dashboard never shows their text. Returns (items written, secret reports left out)."""
    from transforms.classifier import classifier_texts

    with warehouse.analytics(db_path) as con:
        decisions = con.sql(warehouse.sql("decision_labels")).pl()
    shown = decisions.filter(~decisions["is_secret"])
    with open(out, "w", encoding="utf-8") as fh:
        for complaint_id, text, label in zip(shown["id"], classifier_texts(shown), shown["label"]):
            fh.write(json.dumps({"id": complaint_id, "text": text, "label": label}, ensure_ascii=False) + "\n")
    return shown.height, decisions.height - shown.height


def category_counts(db_path: Path, year: int | None = None) -> list[tuple[str, str, int]]:
    with warehouse.analytics(db_path) as con:
        rows = con.execute(warehouse.sql("category_counts"), [year]).fetchall()
    return [(code, DISPLAY.get(code, "(belum diklasifikasi)") if code else "(belum diklasifikasi)", n)
            for code, n in rows]
