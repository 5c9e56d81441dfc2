"""Warehouse side of classification: reclassify history, analyst corrections, corrected counts."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

from flows import warehouse
from transforms.labels import CLASS_COLUMNS, DISPLAY, LABELS


def reclassify_warehouse(db_path: Path, model, batch: int = 50_000) -> int:
    """Classify every stored complaint again with `model`, in one transaction."""
    from transforms.classifier import classify_frame  # scikit-learn: not for the dashboard's corrections

    with warehouse.connect(db_path) as con:
        warehouse.ensure_schema(con)
        frame = con.sql("select complaint_id, text from complaints").pl()
        predictions = classify_frame(frame, model, batch=batch).select("complaint_id", *CLASS_COLUMNS)
        con.execute("begin transaction")
        try:
            con.register("predictions", predictions.to_arrow())
            con.execute(warehouse.sql("reclassify"))
            con.unregister("predictions")
            con.execute("commit")
        except BaseException:
            con.execute("rollback")
            raise
    warehouse.publish_snapshot(db_path, f"reclassify-{datetime.now(timezone.utc):%Y%m%dT%H%M%S}")
    return predictions.height


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


def category_counts(db_path: Path, year: int | None = None) -> list[tuple[str, str, int]]:
    with warehouse.analytics(db_path) as con:
        rows = con.execute(warehouse.sql("category_counts"), [year]).fetchall()
    return [(code, DISPLAY.get(code, "(belum diklasifikasi)") if code else "(belum diklasifikasi)", n)
            for code, n in rows]
