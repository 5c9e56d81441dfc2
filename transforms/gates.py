"""Apply the verdicts of the data-quality gates to frames (pure: the verdicts come in as data).

- Row failures: the records (or complaints) named by the gate are quarantined with the failed
  expectation as the reason; the first failed expectation in suite order wins.
- File hold-back: a file where most usable records fail is held back whole, so a broken export does
  not leak its few lucky rows into the counts; the run is then `partial`.
"""

from __future__ import annotations

import polars as pl

RowFailure = tuple[str, str]  # (reason_code, reason)


def row_failures(results, key_prefix: str = "expectation") -> dict[str, RowFailure]:
    """key -> (reason_code, reason) from a suite's row-level results, first failure first."""
    out: dict[str, RowFailure] = {}
    for r in results:
        if r.success or r.level != "row":
            continue
        for key, value in r.failed.items():
            shown = "" if value is None else f" (nilai: {str(value)[:60]})"
            out.setdefault(key, (f"{key_prefix}:{r.expectation}", f"{r.reason}{shown} [{r.expectation}]"))
    return out


def quarantine_rows(frame: pl.DataFrame, key_column: str, failures: dict[str, RowFailure]) -> pl.DataFrame:
    """Set reason_code/reason on rows whose key failed a gate (rows already broken keep their reason)."""
    if not failures:
        return frame
    verdict = pl.DataFrame(
        {key_column: list(failures), "_code": [c for c, _ in failures.values()],
         "_reason": [r for _, r in failures.values()]},
        schema={key_column: pl.String, "_code": pl.String, "_reason": pl.String},
    )
    out = frame.join(verdict, on=key_column, how="left")
    return out.with_columns(
        reason_code=pl.coalesce("reason_code", "_code"), reason=pl.coalesce("reason", "_reason"),
    ).drop("_code", "_reason")


def hold_back_files(records: pl.DataFrame, min_records: int = 5, max_failed_share: float = 0.5
                    ) -> tuple[pl.DataFrame, list[dict]]:
    """Quarantine every record of files where more than `max_failed_share` of records failed.

    Returns the records and one entry per held file: source_file, records, failed.
    """
    per_file = records.group_by("file_hash", "source_file").agg(
        records=pl.len(), failed=pl.col("reason_code").is_not_null().sum()
    )
    held = per_file.filter((pl.col("records") >= min_records) & (pl.col("failed") > pl.col("records") * max_failed_share))
    if held.height == 0:
        return records, []
    held_rows = held.sort("source_file").to_dicts()
    # A corrected file is new bytes: the next run reads it (`quarantine retry` reads only the bytes it held).
    reason = {h["file_hash"]: f"berkas ditahan: {h['failed']} dari {h['records']} catatan gagal validasi; kirim "
              f"ulang berkas yang sudah diperbaiki (run berikutnya membacanya sebagai berkas baru), atau bila aturan "
              f"Awasi yang keliru, perbaiki aturannya lalu jalankan `awasi quarantine retry`" for h in held_rows}
    verdict = pl.DataFrame({"file_hash": list(reason), "_reason": list(reason.values())})
    out = records.join(verdict, on="file_hash", how="left").with_columns(
        reason_code=pl.when(pl.col("_reason").is_not_null() & pl.col("reason_code").is_null())
        .then(pl.lit("file_held")).otherwise(pl.col("reason_code")),
        reason=pl.when(pl.col("_reason").is_not_null() & pl.col("reason").is_null())
        .then(pl.col("_reason")).otherwise(pl.col("reason")),
    ).drop("_reason")
    return out, [{k: h[k] for k in ("source_file", "records", "failed")} for h in held_rows]


def quarantine_complaints(roled: pl.DataFrame, failures: dict[str, RowFailure]) -> pl.DataFrame:
    """Every record of a complaint that failed the complaint gate is quarantined with that reason."""
    if not failures:
        return roled
    out = quarantine_rows(roled, "complaint_id", failures)
    return out.with_columns(
        role=pl.when(pl.col("complaint_id").is_in(list(failures))).then(pl.lit("quarantined")).otherwise(pl.col("role"))
    )


def volume_frame(current: dict[str, int], history: list[dict[str, int]], channels) -> pl.DataFrame:
    """Per channel: records this run, median over earlier runs that received data, and their ratio."""
    rows = []
    for ch in channels:
        past = sorted(h.get(ch, 0) for h in history)
        median = None
        if past:
            mid = len(past) // 2
            median = float(past[mid]) if len(past) % 2 else (past[mid - 1] + past[mid]) / 2
        volume = current.get(ch, 0)
        rows.append({"channel": ch, "volume": volume, "recent_median": median,
                     "ratio_to_median": (volume / median) if median else None})
    return pl.DataFrame(rows, schema={"channel": pl.String, "volume": pl.Int64, "recent_median": pl.Float64,
                                      "ratio_to_median": pl.Float64})


def merge_results(results) -> list:
    """One result per (suite, expectation) from the results of several batches of one run: rows evaluated and
    rows failed summed, a success only when every batch succeeded (failed keys are not kept)."""
    from dataclasses import replace

    merged: dict[tuple[str, str], object] = {}
    for r in results:
        key = (r.suite, r.expectation)
        m = merged.get(key)
        if m is None:
            merged[key] = replace(r, failed={})
        else:
            merged[key] = replace(m, success=m.success and r.success, rows_evaluated=m.rows_evaluated + r.rows_evaluated,
                                  rows_failed=m.rows_failed + r.rows_failed)
    return list(merged.values())
