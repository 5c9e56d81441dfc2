"""The nightly intake flow: inbox files of four channels -> one DuckDB transaction.

    discover inbox -> parse each channel (concurrently, reads retried) -> normalise -> protect
    personal data -> resolve agency/region -> GX gate on raw records (row failures quarantined,
    files that mostly fail held back) -> assign records to complaints (repeats, WhatsApp
    conversations, e-mail threads, cross-channel duplicates) -> classify -> GX gate on complaints -> channel
    volume check -> load (one transaction) -> summary artifact

The steps are plain functions from `transforms/`, `expectations/` and `flows/warehouse.py`; this
module wires them as Prefect tasks. Every record received ends as exactly one `intake` row.
"""

from __future__ import annotations

import time
import uuid
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path

import polars as pl
from prefect import flow, get_run_logger, task
from prefect.artifacts import create_table_artifact
from prefect.cache_policies import NO_CACHE
from prefect.runtime import flow_run
from prefect.task_runners import ThreadPoolTaskRunner

from awasi.settings import Settings, get_settings
from flows import inbox as inbox_io
from flows import warehouse
from flows.keys import pseudonym_secret
from flows.registers import agency_register, region_register
from transforms import gates
from transforms.channels.dispatch import file_record, parse_file
from transforms.classifier import classify_frame
from transforms.complaints import apply_duplicates, build_complaints, build_intake, find_duplicates, with_roles
from transforms.normalize import normalize_records
from transforms.privacy import protect_records
from transforms.resolve import resolve_places
from transforms.schema import CHANNELS, FATES, records_frame
from transforms.textnorm import stems
from transforms.threads import assign_roles, record_key_expr

FILE_SCHEMA = {"file_hash": pl.String, "channel": pl.String, "source_file": pl.String, "size_bytes": pl.Int64,
               "records": pl.Int32}
VALIDATION_SCHEMA = {"run_id": pl.String, "stage": pl.String, "suite": pl.String, "expectation": pl.String,
                     "level": pl.String, "success": pl.Boolean, "rows_evaluated": pl.Int32, "rows_failed": pl.Int32,
                     "reason": pl.String}


@dataclass
class ParsedChannel:
    channel: str
    records: pl.DataFrame
    files: pl.DataFrame
    skipped: list[str]


@dataclass
class GateReport:
    validations: list = field(default_factory=list)   # ExpectationResult of every suite run
    alerts: list[str] = field(default_factory=list)   # something held back or missing: the run is partial
    warnings: list[str] = field(default_factory=list)  # worth a look, nothing held back


# ----------------------------------------------------------------------------- read and parse

def parse_channel_files(channel: str, files: list[inbox_io.InboxFile], skip_hashes: set[str], attempts: int,
                        only_hashes: set[str] | None = None) -> ParsedChannel:
    """Read and parse one channel's files. Unreadable files become one quarantined record each.

    Files whose hash is in `skip_hashes` were received before and are skipped; with `only_hashes`
    (retry mode) only those files are parsed.
    """
    rows, file_rows, skipped, seen = [], [], [], set(skip_hashes)
    for f in files:
        data, error = inbox_io.read_with_retries(f.path, attempts=attempts)
        # An unreadable file is identified by its path and error, so it is reported once, not every night.
        fhash = inbox_io.file_hash(data if data is not None else f"unreadable:{f.relative}:{error}".encode())
        if (only_hashes is not None and fhash not in only_hashes) or fhash in seen:
            skipped.append(f.relative)
            continue
        if data is None:
            recs = [file_record(f.channel, f.relative, fhash, "unreadable_file",
                                f"berkas tidak dapat dibaca setelah {attempts} percobaan: {error}")]
        else:
            recs = parse_file(f.channel, f.relative, fhash, data)
        seen.add(fhash)
        rows.extend(recs)
        file_rows.append({"file_hash": fhash, "channel": f.channel, "source_file": f.relative,
                          "size_bytes": len(data) if data is not None else None, "records": len(recs)})
    return ParsedChannel(channel, records_frame(rows), pl.DataFrame(file_rows, schema=FILE_SCHEMA), skipped)


@task(name="parse-channel", retries=2, retry_delay_seconds=[2, 10], cache_policy=NO_CACHE)
def parse_channel(channel, files, skip_hashes, attempts, only_hashes=None):
    return parse_channel_files(channel, files, skip_hashes, attempts, only_hashes)


def stage_records(records: pl.DataFrame, settings: Settings) -> pl.DataFrame:
    """Normalise, protect and resolve every record (pure transforms with registers and key injected)."""
    staged = normalize_records(records, timezone=settings.timezone)
    staged = protect_records(staged, pseudonym_secret(settings.pseudonym_key, settings.pseudonym_key_file,
                                                      settings.pseudonym_key_block))
    staged = resolve_places(staged, agency_register(settings.registers_dir, settings.agency_match_threshold),
                            region_register())
    return staged.with_columns(record_key=record_key_expr())


@task(name="normalise-protect-resolve", cache_policy=NO_CACHE)
def stage(records: pl.DataFrame, settings: Settings) -> pl.DataFrame:
    return stage_records(records, settings)


# ----------------------------------------------------------------------------- gates

def gate_params(settings: Settings, now: datetime) -> dict:
    return {"earliest": f"{settings.earliest_date}T00:00:00+00:00",
            "latest": (now + timedelta(days=1)).isoformat(),
            "min_chars": settings.min_text_chars, "max_chars": settings.max_text_chars,
            "max_complaint_chars": settings.max_text_chars * 5}


def gate_raw(staged: pl.DataFrame, settings: Settings, now: datetime, report: GateReport) -> pl.DataFrame:
    """Run each channel's raw suite on its usable records; quarantine row failures, hold back failing files."""
    from expectations.validate import run_suite

    params = gate_params(settings, now)
    for channel in CHANNELS:
        batch = staged.filter((pl.col("channel") == channel) & pl.col("reason_code").is_null())
        if batch.height == 0:
            continue
        result = run_suite(batch, f"raw_{channel}", "record_key", params, settings.gx_dir)
        report.validations.extend(result.results)
        staged = gates.quarantine_rows(staged, "record_key", gates.row_failures(result.results))
        for failure in result.batch_failures:  # a parser or wiring bug: hold the whole channel back
            staged = staged.with_columns(
                reason_code=pl.when((pl.col("channel") == channel) & pl.col("reason_code").is_null())
                .then(pl.lit("batch_held")).otherwise(pl.col("reason_code")),
                reason=pl.when((pl.col("channel") == channel) & pl.col("reason").is_null())
                .then(pl.lit(f"kanal {channel} ditahan: {failure.reason}")).otherwise(pl.col("reason")),
            )
            report.alerts.append(f"Kanal {channel} ditahan: {failure.reason} ({failure.rows_failed} baris).")
    staged, held = gates.hold_back_files(staged, settings.hold_min_records, settings.hold_failed_share)
    for h in held:
        report.alerts.append(f"Berkas {h['source_file']} ditahan: {h['failed']} dari {h['records']} catatan gagal.")
    return staged


@task(name="gate-raw-records", cache_policy=NO_CACHE)
def gate_raw_task(staged: pl.DataFrame, settings: Settings, now: datetime) -> tuple[pl.DataFrame, GateReport]:
    report = GateReport()
    return gate_raw(staged, settings, now, report), report


CLASS_COLUMNS = ["category", "confidence", "needs_review", "secondary", "cues", "classifier_version"]


def with_predictions(complaints: pl.DataFrame, predictions: pl.DataFrame) -> pl.DataFrame:
    return complaints.drop(CLASS_COLUMNS).join(predictions, on="complaint_id", how="left")


@task(name="classify", cache_policy=NO_CACHE)
def classify(roled: pl.DataFrame, settings: Settings) -> pl.DataFrame:
    """Classification of every new complaint (after normalisation and de-duplication, before the gate)."""
    from awasi import models

    complaints, _ = build_complaints(roled)
    schema = {"complaint_id": pl.String, "category": pl.String, "confidence": pl.Float64,
              "needs_review": pl.Boolean, "secondary": pl.List(pl.String), "cues": pl.List(pl.String),
              "classifier_version": pl.String}
    if complaints.height == 0:
        return pl.DataFrame(schema=schema)
    model = models.ensure_model(settings.models_dir, settings.model_version)
    return classify_frame(complaints.select("complaint_id", "text"), model).select(list(schema))


def gate_complaints(roled: pl.DataFrame, predictions: pl.DataFrame, settings: Settings, now: datetime,
                    report: GateReport) -> pl.DataFrame:
    from expectations.validate import run_suite

    complaints, _ = build_complaints(roled)
    if complaints.height == 0:
        return roled
    complaints = with_predictions(complaints, predictions)
    frame = complaints.with_columns(text_chars=pl.col("text").str.len_chars())
    result = run_suite(frame, "complaints", "complaint_id", gate_params(settings, now), settings.gx_dir)
    report.validations.extend(result.results)
    for failure in result.batch_failures:
        raise RuntimeError(f"complaint gate failed ({failure.expectation}: {failure.reason}); nothing was loaded")
    for r in result.results:
        if not r.success and r.level == "warning":
            report.warnings.append(f"Peringatan: {r.reason} ({r.rows_failed} dari {r.rows_evaluated} aduan).")
    return gates.quarantine_complaints(roled, gates.row_failures(result.results))


def gate_volume(current: dict[str, int], history: list[dict[str, int]], settings: Settings, now: datetime,
                report: GateReport) -> None:
    from expectations.validate import run_suite

    if not history:
        return
    frame = gates.volume_frame(current, history, CHANNELS)
    result = run_suite(frame, "volume", "channel", gate_params(settings, now), settings.gx_dir)
    report.validations.extend(result.results)
    for r in result.results:
        for channel in r.failed:
            row = frame.filter(pl.col("channel") == channel).row(0, named=True)
            report.alerts.append(f"Kanal {channel}: {row['volume']} catatan baru, median run terakhir "
                                 f"{row['recent_median']:g}. Periksa pengiriman dari kanal ini.")


# ----------------------------------------------------------------------------- assemble and load

def assign(staged: pl.DataFrame, settings: Settings) -> pl.DataFrame:
    """Read what earlier runs left and decide every record's complaint (roles, duplicates)."""
    usable = staged.filter(pl.col("reason_code").is_null())
    refs = usable.select(
        "channel", ref=pl.coalesce(pl.col("source_ref"), pl.lit("sha:") + pl.col("content_hash"))
    ).unique()
    emails = usable.filter(pl.col("channel") == "email").select(
        pl.lit("email").alias("channel"), pl.col("parent_refs").alias("ref")
    ).explode("ref").drop_nulls()
    refs = pl.concat([refs, emails]).unique()
    people = usable["reporter_keys"].explode().drop_nulls().unique().to_list()
    since = usable["received_at"].min() if usable.height else None
    prior = warehouse.read_prior_state(
        settings.db_path, refs, people,
        since.astimezone(timezone.utc).replace(tzinfo=None) if since else None,
        settings.whatsapp_gap_minutes, settings.duplicate_window_days,
    )
    open_wa = {k: (cid, last.replace(tzinfo=timezone.utc)) for k, (cid, last) in prior.open_whatsapp.items()}
    roled = with_roles(staged, assign_roles(staged, prior.known_refs, open_wa, settings.whatsapp_gap_minutes))
    complaints, _ = build_complaints(roled)
    recent = prior.recent_complaints.with_columns(pl.col("received_at_utc").dt.replace_time_zone("UTC"))
    duplicates = find_duplicates(complaints, recent, settings.duplicate_window_days, settings.duplicate_similarity)
    return apply_duplicates(roled, duplicates)


def naive_utc(frame: pl.DataFrame) -> pl.DataFrame:
    """DuckDB TIMESTAMP columns hold UTC wall time; strip the zone so no session time zone applies."""
    return frame.with_columns(
        pl.col(c).dt.convert_time_zone("UTC").dt.replace_time_zone(None)
        for c, t in frame.schema.items() if isinstance(t, pl.Datetime) and t.time_zone
    )


def materialize(roled: pl.DataFrame, predictions: pl.DataFrame, files: pl.DataFrame, report: GateReport,
                run_id: str, now: datetime) -> warehouse.RunLoad:
    complaints, updates = build_complaints(roled)
    complaints = with_predictions(complaints, predictions)
    intake = build_intake(roled, run_id)
    loaded_at = now.replace(tzinfo=None)
    complaints = complaints.with_columns(
        text_search=pl.col("text").map_elements(stems, return_dtype=pl.String),
        run_id=pl.lit(run_id), loaded_at_utc=pl.lit(loaded_at),
    )
    files = files.with_columns(run_id=pl.lit(run_id), received_at_utc=pl.lit(loaded_at))
    return warehouse.RunLoad(run_id, naive_utc(files), naive_utc(intake), naive_utc(complaints),
                             naive_utc(updates), validations=validations_frame(report, run_id), run_row={})


def validations_frame(report: GateReport, run_id: str) -> pl.DataFrame:
    return pl.DataFrame(
        [{"run_id": run_id, "stage": "raw" if r.suite.startswith("raw_") else r.suite,
          "suite": r.suite, "expectation": r.expectation, "level": r.level, "success": r.success,
          "rows_evaluated": r.rows_evaluated, "rows_failed": r.rows_failed, "reason": r.reason}
         for r in report.validations], schema=VALIDATION_SCHEMA)


@task(name="load-warehouse", cache_policy=NO_CACHE)
def load(db_path: Path, run: warehouse.RunLoad, fail_after: str | None = None, replace_intake: bool = False) -> None:
    warehouse.load_run(db_path, run, fail_after=fail_after, replace_intake=replace_intake)


def summarize(intake: pl.DataFrame, complaints: pl.DataFrame) -> dict:
    """Counts per channel and fate, and the share of new complaints whose agency resolved."""
    counts: dict[str, dict[str, int]] = {}
    for channel, fate, n in intake.group_by("channel", "fate").len().iter_rows():
        counts.setdefault(channel, {f: 0 for f in FATES})[fate] = n
    total = {f: int(intake.filter(pl.col("fate") == f).height) for f in FATES}
    resolved = complaints.filter(pl.col("agency").is_not_null()).height
    return {
        "records_total": intake.height, **total, "complaints_new": complaints.height,
        "agency_resolved_share": round(resolved / complaints.height, 4) if complaints.height else None,
        "counts": counts,
    }


# ----------------------------------------------------------------------------- the flow

@flow(name="awasi-nightly", task_runner=ThreadPoolTaskRunner(max_workers=4), log_prints=False)
def nightly(inbox: str, db: str, fail_after: str | None = None, retry_quarantined: bool = False) -> dict:
    """Take everything that arrived in the inbox into the warehouse; every record ends as one intake row.

    With `retry_quarantined`, only files holding quarantined records are read again, and those records
    go through every gate once more (after a fix); records already accepted are left alone.
    """
    settings = get_settings(inbox=inbox, db_path=db)
    return run_intake(settings, fail_after=fail_after, retry=retry_quarantined,
                      flow_run_id=str(flow_run.get_id() or ""))


def run_intake(settings: Settings, fail_after: str | None = None, retry: bool = False, flow_run_id: str = "") -> dict:
    """The body of the nightly flow. Raises on failure after recording the failed run."""
    log = get_run_logger()
    started = time.monotonic()
    now = datetime.now(timezone.utc)
    run_id = now.strftime("%Y%m%dT%H%M%SZ") + "-" + uuid.uuid4().hex[:8]
    base_row = {"run_id": run_id, "flow_run_id": flow_run_id, "started_at_utc": now.replace(tzinfo=None),
                "inbox": str(settings.inbox)}
    loaded = False
    try:
        files = inbox_io.discover(settings.inbox)
        known = warehouse.read_known_files(settings.db_path)
        quarantined = warehouse.read_quarantined(settings.db_path) if retry else None
        only = set(quarantined["file_hash"].unique().to_list()) if retry else None
        by_channel: dict[str, list] = {}
        for f in files:
            by_channel.setdefault(f.channel, []).append(f)
        futures = [parse_channel.submit(ch, fs, set() if retry else known, settings.read_retries, only)
                   for ch, fs in sorted(by_channel.items())]
        parsed = [fut.result() for fut in futures]
        records = pl.concat([p.records for p in parsed]) if parsed else records_frame([])
        file_rows = pl.concat([p.files for p in parsed]) if parsed else pl.DataFrame(schema=FILE_SCHEMA)
        skipped = [s for p in parsed for s in p.skipped]
        staged = stage(records, settings)
        if retry:  # only the records still in quarantine; the file ledger already has these files
            staged = staged.join(quarantined.select(pl.col("record_id").alias("record_key")), on="record_key", how="semi")
            file_rows = file_rows.filter(~pl.col("file_hash").is_in(list(known)))
        staged, report = gate_raw_task(staged, settings, now)
        roled = assign(staged, settings)
        predictions = classify(roled, settings)
        roled = gate_complaints(roled, predictions, settings, now, report)
        run = materialize(roled, predictions, file_rows, report, run_id, now)
        summary = summarize(run.intake, run.complaints)
        if not retry and file_rows.height:
            current = {ch: c.get("accepted", 0) + c.get("merged", 0) + c.get("quarantined", 0)
                       for ch, c in summary["counts"].items()}
            gate_volume(current, warehouse.read_volume_history(settings.db_path), settings, now, report)
            run.validations = validations_frame(report, run_id)
        if not files:
            report.alerts.append("Inbox kosong: tidak ada berkas dari kanal mana pun.")
        outcome = "partial" if report.alerts else "completed"
        from expectations.validate import data_docs_index

        docs = data_docs_index(settings.gx_dir)
        run.run_row = {
            **base_row, "finished_at_utc": datetime.now(timezone.utc).replace(tzinfo=None),
            "duration_s": round(time.monotonic() - started, 3), "outcome": outcome,
            "message": _message(summary, len(skipped), report.alerts + report.warnings, retry),
            "files_seen": len(files), "files_new": file_rows.height, "files_skipped": len(skipped),
            "accepted": summary["accepted"], "merged": summary["merged"], "quarantined": summary["quarantined"],
            "records_total": summary["records_total"], "complaints_new": summary["complaints_new"],
            "complaints_updated": run.updates.height, "agency_resolved_share": summary["agency_resolved_share"],
            "counts": summary["counts"], "alerts": report.alerts + report.warnings,
            "data_docs": str(docs) if docs.exists() else None,
        }
        load(settings.db_path, run, fail_after, replace_intake=retry)
        loaded = True
        warehouse.publish_snapshot(settings.db_path, run_id)
    except Exception as exc:
        if loaded:  # the data is in the warehouse; only the readers' snapshot is stale
            message = (f"Data run {run_id} tersimpan, tetapi snapshot untuk dasbor/ekspor gagal diterbitkan: "
                       f"{type(exc).__name__}: {exc}. Dasbor masih menampilkan data run sebelumnya.")
            log.error(message)
            warehouse.mark_run(settings.db_path, run_id, "partial", message)
            raise
        message = (f"Run gagal: {type(exc).__name__}: {exc}. Tidak ada data run ini yang tersimpan; "
                   f"perbaiki penyebabnya lalu jalankan ulang.")
        log.error(message)
        warehouse.record_failed_run(settings.db_path, {
            **base_row, "finished_at_utc": datetime.now(timezone.utc).replace(tzinfo=None),
            "duration_s": round(time.monotonic() - started, 3), "outcome": "failed", "message": message[:2000],
        })
        raise
    _archive(settings, run, file_rows, log)
    result = {**run.run_row, "skipped_files": skipped}
    _publish_summary(result)
    (log.warning if outcome == "partial" else log.info)(run.run_row["message"])
    return result


def _archive(settings: Settings, run: warehouse.RunLoad, file_rows: pl.DataFrame, log) -> None:
    """Keep the run's raw files in the owner-only archive and drop expired ones. The data is loaded already,
    so a failure here marks the run partial instead of failing it."""
    from flows.archive import archive_files, prune_archive

    today = datetime.now(timezone.utc).date()
    try:
        archive_files(settings.inbox, file_rows["source_file"].to_list(), settings.archive_dir, today)
        removed = prune_archive(settings.archive_dir, settings.raw_retention_days, today)
        if removed:
            log.info(f"{len(removed)} folder arsip lewat masa simpan {settings.raw_retention_days} hari dihapus")
    except OSError as exc:
        message = f"Data tersimpan, tetapi arsip berkas mentah gagal: {type(exc).__name__}: {exc}"
        log.error(message)
        run.run_row["outcome"] = "partial"
        run.run_row["message"] += " PERHATIAN: " + message
        warehouse.mark_run(settings.db_path, run.run_id, "partial", run.run_row["message"])


def _message(summary: dict, skipped: int, alerts: list[str], retry: bool) -> str:
    share = summary["agency_resolved_share"]
    share_txt = f"{share:.0%}" if share is not None else "-"
    head = "Ulang karantina" if retry else "Selesai"
    text = (f"{head}: {summary['records_total']} catatan diproses ({summary['accepted']} aduan baru, "
            f"{summary['merged']} digabung, {summary['quarantined']} dikarantina); {skipped} berkas dilewati "
            f"(sudah pernah diterima); instansi teridentifikasi pada {share_txt} aduan baru.")
    if alerts:
        text += " PERHATIAN: " + " ".join(alerts)
    return text


def _publish_summary(result: dict) -> None:
    """A table artifact in the Prefect UI: one row per channel with the count of each fate."""
    rows = []
    for ch in sorted(set(CHANNELS) | set(result["counts"])):
        c = result["counts"].get(ch, {})
        rows.append({"kanal": ch, **{f: c.get(f, 0) for f in FATES}, "total": sum(c.values())})
    rows.append({"kanal": "TOTAL", **{f: result[f] for f in FATES}, "total": result["records_total"]})
    create_table_artifact(rows, key="awasi-intake-summary", description=result["message"])
