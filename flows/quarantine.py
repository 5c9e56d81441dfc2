"""Reading the quarantine for operators (`awasi quarantine list`)."""

from __future__ import annotations

from pathlib import Path

from flows import warehouse


def list_quarantined(db_path: Path, reason_code: str | None = None, channel: str | None = None, limit: int = 50):
    """(counts per channel and reason code, the first `limit` records) of the quarantine, filtered."""
    if not Path(db_path).exists():
        raise FileNotFoundError(f"warehouse not found: {db_path}")
    params = [reason_code, channel]
    with warehouse.connect(db_path, read_only=True) as con:
        counts = con.execute(warehouse.sql("quarantine_counts"), params).fetchall()
        rows = con.execute(warehouse.sql("quarantine_rows"), [*params, limit]).fetchall()
    return counts, rows
