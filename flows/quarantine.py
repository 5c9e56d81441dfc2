"""Reading the quarantine for operators (`awasi quarantine list`)."""

from __future__ import annotations

from pathlib import Path

from flows import warehouse


def list_quarantined(db_path: Path, reason_code: str | None = None, channel: str | None = None, limit: int = 50):
    """(counts per channel and reason code: `(channel, code, n, superseded)`, the first `limit` records, open ones
    first: `(channel, file, position, code, reason, superseded_by)`) of the quarantine, filtered.

    A record is superseded when another file took the same record in later (e.g. a held file's corrected
    re-delivery): its row stays in `intake` as it was, and `superseded_by` names that file.
    """
    if not Path(db_path).exists():
        raise FileNotFoundError(f"warehouse not found: {db_path}")
    params = [reason_code, channel]
    with warehouse.connect(db_path, read_only=True) as con:
        con.execute(warehouse.sql("quarantine_marked"))
        counts = con.execute(warehouse.sql("quarantine_counts"), params).fetchall()
        rows = con.execute(warehouse.sql("quarantine_rows"), [*params, limit]).fetchall()
    return counts, rows
