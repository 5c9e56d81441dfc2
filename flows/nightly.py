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
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import polars as pl
from prefect import flow, get_run_logger, task
from prefect.artifacts import create_table_artifact
from prefect.cache_policies import NO_CACHE
from prefect.runtime import flow_run
from prefect.states import Completed

from awasi.settings import Settings, get_settings
from flows import inbox as inbox_io
from flows import warehouse
from flows.keys import pseudonym_secret
from flows.registers import agency_register, region_register
from flows.runners import task_runner
from transforms import gates
from transforms.channels.dispatch import file_record, parse_file
from transforms.classifier import CLASS_COLUMNS, classify_frame
from transforms.complaints import apply_duplicates, build_complaints, build_intake, find_duplicates, with_roles
from transforms.normalize import normalize_records
from transforms.privacy import protect_records
from transforms.resolve import resolve_places
from transforms.schema import CHANNELS, FATES, records_frame
from transforms.textnorm import stems
from transforms.threads import assign_roles, record_key_expr

FILE_SCHEMA = {"file_hash": pl.String, "channel": pl.String, "source_file": pl.String, "size_bytes": pl.Int64,
               "records": pl.Int32, "modified_at_utc": pl.Datetime("us"), "path": pl.String}
VALIDATION_SCHEMA = {"run_id": pl.String, "stage": pl.String, "suite": pl.String, "expectation": pl.String,
                     "level": pl.String, "success": pl.Boolean, "rows_evaluated": pl.Int32, "rows_failed": pl.Int32,
                     "reason": pl.String}


@dataclass
class ParsedPartition:
    """The records of one partition (channel x day of delivery) and the files they came from."""

    channel: str
    day: str
    records: pl.DataFrame
    files: pl.DataFrame          # FILE_SCHEMA; `path` is where the file was read (inbox or archive)
    skipped: list[str]           # re-deliveries: content already received
    unreadable: list[str] = field(default_factory=list)
    seconds: float = 0.0         # time spent reading and parsing


@dataclass
class GateReport:
    validations: list = field(default_factory=list)   # ExpectationResult of every suite run
    alerts: list[str] = field(default_factory=list)   # something held back or missing: the run is partial
    warnings: list[str] = field(default_factory=list)  # worth a look, nothing held back


class StageClock:
    """Seconds spent per stage of a run (summed over partitions), for the runs table and the benchmark."""

    def __init__(self):
        self.seconds: dict[str, float] = {}

    def add(self, stage: str, seconds: float) -> None:
        self.seconds[stage] = round(self.seconds.get(stage, 0.0) + seconds, 3)

    @contextmanager
    def __call__(self, stage: str):
        started = time.perf_counter()
        try:
            yield
        finally:
            self.add(stage, time.perf_counter() - started)


@dataclass(frozen=True)
class Backfill:
    """Re-process the deliveries received on these local days (inbox and raw archive)."""

    start: date
    end: date


# ----------------------------------------------------------------------------- read and parse

def parse_partition(channel: str, day: str, files: list[inbox_io.InboxFile], skip_hashes: set[str], attempts: int,
                    only_hashes: set[str] | None = None, retry_delay: float = 0.5) -> ParsedPartition:
    """Read and parse one partition's files. Unreadable files become one quarantined record each.

    Files whose hash is in `skip_hashes` were received before and are skipped; with `only_hashes`
    (retry mode) only those files are parsed.
    """
    started = time.perf_counter()
    rows, file_rows, skipped, unreadable, seen = [], [], [], [], set(skip_hashes)
    for f in files:
        data, error = inbox_io.read_with_retries(f.path, attempts=attempts, first_delay=retry_delay)
        # An unreadable file is identified by its path and error, so it is reported once, not every night.
        fhash = inbox_io.file_hash(data if data is not None else f"unreadable:{f.relative}:{error}".encode())
        if (only_hashes is not None and fhash not in only_hashes) or fhash in seen:
            skipped.append(f.relative)
            continue
        if data is None:
            unreadable.append(f.relative)
            recs = [file_record(f.channel, f.relative, fhash, "unreadable_file",
                                f"berkas tidak dapat dibaca setelah {attempts} percobaan: {error}")]
        else:
            recs = parse_file(f.channel, f.relative, fhash, data)
        seen.add(fhash)
        rows.extend(recs)
        file_rows.append({"file_hash": fhash, "channel": f.channel, "source_file": f.relative,
                          "size_bytes": len(data) if data is not None else None, "records": len(recs),
                          "modified_at_utc": f.modified, "path": str(f.path)})
    return ParsedPartition(channel, day, records_frame(rows), pl.DataFrame(file_rows, schema=FILE_SCHEMA),
                           skipped, unreadable, time.perf_counter() - started)


@task(name="parse-channel", cache_policy=NO_CACHE, task_run_name="parse-{channel}-{day}")
def parse_channel(channel, day, files, skip_hashes, attempts, only_hashes=None, retry_delay=0.5):
    return parse_partition(channel, day, files, skip_hashes, attempts, only_hashes, retry_delay)


def stage_records(records: pl.DataFrame, settings: Settings) -> pl.DataFrame:
    """Normalise, protect and resolve every record (pure transforms with registers and key injected)."""
    staged = normalize_records(records, timezone=settings.timezone)
    staged = protect_records(staged, pseudonym_secret(settings.pseudonym_key, settings.pseudonym_key_file,
                                                      settings.pseudonym_key_block))
    staged = resolve_places(staged, agency_register(settings.registers_dir, settings.agency_match_threshold),
                            region_register())
    return staged.with_columns(record_key=record_key_expr())


@task(name="normalise-protect-resolve", cache_policy=NO_CACHE, task_run_name="stage-{parsed.channel}-{parsed.day}")
def stage(parsed: ParsedPartition, settings: Settings) -> tuple[pl.DataFrame, float]:
    started = time.perf_counter()
    staged = stage_records(parsed.records, settings)
    return staged, time.perf_counter() - started


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


def with_predictions(complaints: pl.DataFrame, predictions: pl.DataFrame) -> pl.DataFrame:
    return complaints.drop(list(CLASS_COLUMNS)).join(predictions, on="complaint_id", how="left")


@task(name="classify", cache_policy=NO_CACHE)
def classify(roled: pl.DataFrame, settings: Settings) -> pl.DataFrame:
    """Classification of every new complaint (after normalisation and de-duplication, before the gate)."""
    from awasi import models

    complaints, _ = build_complaints(roled)
    columns = ["complaint_id", *CLASS_COLUMNS]
    if complaints.height == 0:
        return complaints.select(columns)
    model = models.ensure_model(settings.models_dir, settings.model_version)
    return classify_frame(complaints.select("complaint_id", "text"), model).select(columns)


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
    marks = (files.drop_nulls("modified_at_utc").group_by("channel").agg(pl.col("modified_at_utc").max())
             .sort("channel"))
    files = files.drop("path").with_columns(run_id=pl.lit(run_id), received_at_utc=pl.lit(loaded_at))
    return warehouse.RunLoad(run_id, naive_utc(files), naive_utc(intake), naive_utc(complaints),
                             naive_utc(updates), validations=validations_frame(report, run_id), run_row={},
                             watermarks=marks)


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

@flow(name="awasi-nightly", task_runner=task_runner(get_settings()), log_prints=False)
def nightly(inbox: str, db: str, fail_after: str | None = None, retry_quarantined: bool = False,
            backfill_from: date | None = None, backfill_to: date | None = None):
    """Take everything new in the inbox into the warehouse; every record ends as one intake row.

    With `retry_quarantined`, only files holding quarantined records are read again, and those records
    go through every gate once more (after a fix); records already accepted are left alone.
    With `backfill_from`/`backfill_to`, the deliveries of those days (inbox and raw archive) are read again
    and every record the warehouse does not hold yet is taken; running it twice changes nothing.

    The flow run ends Completed, Partial (loaded, but something was held back: see the message) or Failed.
    """
    settings = get_settings(inbox=inbox, db_path=db)
    window = Backfill(backfill_from, backfill_to or backfill_from) if backfill_from else None
    result = run_intake(settings, fail_after=fail_after, retry=retry_quarantined, backfill=window,
                        flow_run_id=str(flow_run.get_id() or ""))
    if result["outcome"] == "partial":
        return Completed(name="Partial", message=result["message"][:2000], data=result)
    return result


def run_nightly(settings: Settings, **options) -> dict:
    """Run the flow with the task runner the settings choose (threads, or a Dask cluster)."""
    return nightly.with_options(task_runner=task_runner(settings))(
        inbox=str(settings.inbox), db=str(settings.db_path), **options)


def select_files(settings: Settings, ledger: inbox_io.Ledger, retry: bool, backfill: Backfill | None
                 ) -> tuple[list[inbox_io.InboxFile], list[inbox_io.InboxFile]]:
    """(files to read, files seen in the inbox) for this kind of run."""
    seen = inbox_io.discover(settings.inbox)
    if retry:
        return seen, seen
    if backfill:
        def in_window(f):
            day = inbox_io.delivery_day(f, settings.timezone)
            return day is not None and backfill.start <= day <= backfill.end
        archived = inbox_io.discover_archive(settings.archive_dir, backfill.start, backfill.end)
        return [f for f in seen if in_window(f)] + archived, seen
    return [f for f in seen if not inbox_io.unchanged(f, ledger)], seen


def gather(partitions: dict, parsed_futures: dict, staged_futures: dict, report: GateReport, clock: StageClock
           ) -> tuple[pl.DataFrame | None, pl.DataFrame, list[str]]:
    """Join the partitions that parsed and staged; a failed partition is reported and left for the next run
    (its files are not in the ledger, so they are read again). The same content delivered twice in one run
    is taken once."""
    staged_parts, file_parts, skipped = [], [], []
    for key in partitions:
        channel, day = key
        parsed_state, staged_state = parsed_futures[key].state, staged_futures[key].state
        if not parsed_state.is_completed() or not staged_state.is_completed():
            failed = parsed_state if not parsed_state.is_completed() else staged_state
            report.alerts.append(
                f"Kanal {channel} (hari {day}): {len(partitions[key])} berkas gagal diproses setelah percobaan "
                f"ulang ({failed.message or failed.name}); berkas ini dibaca lagi pada run berikutnya.")
            continue
        parsed = parsed_futures[key].result()
        if parsed.unreadable:
            report.alerts.append(f"Kanal {channel}: {len(parsed.unreadable)} berkas tidak dapat dibaca "
                                 f"(dikarantina; dibaca lagi begitu terbaca): {', '.join(parsed.unreadable[:5])}.")
        staged_frame, stage_seconds = staged_futures[key].result()
        clock.add(f"parse_{channel}", parsed.seconds)
        clock.add("normalise_protect_resolve", stage_seconds)
        staged_parts.append(staged_frame)
        file_parts.append(parsed.files)
        skipped.extend(parsed.skipped)
    if not staged_parts:
        return None, pl.DataFrame(schema=FILE_SCHEMA), skipped
    files = pl.concat(file_parts)
    repeated = files.filter(~pl.col("file_hash").is_first_distinct())
    skipped.extend(repeated["source_file"].to_list())
    staged = pl.concat(staged_parts, how="diagonal_relaxed").unique("record_key", keep="first", maintain_order=True)
    return staged, files.unique("file_hash", keep="first", maintain_order=True), skipped


def run_intake(settings: Settings, fail_after: str | None = None, retry: bool = False,
               backfill: Backfill | None = None, flow_run_id: str = "") -> dict:
    """The body of the nightly flow. Raises on failure after recording the failed run."""
    log = get_run_logger()
    started = time.monotonic()
    now = datetime.now(timezone.utc)
    run_id = now.strftime("%Y%m%dT%H%M%SZ") + "-" + uuid.uuid4().hex[:8]
    base_row = {"run_id": run_id, "flow_run_id": flow_run_id, "started_at_utc": now.replace(tzinfo=None),
                "inbox": str(settings.inbox)}
    loaded = False
    clock = StageClock()
    try:
        ledger = warehouse.read_ledger(settings.db_path)
        to_read, files = select_files(settings, ledger, retry, backfill)
        quarantined = warehouse.read_quarantined(settings.db_path) if retry else None
        only = set(quarantined["file_hash"].unique().to_list()) if retry else None
        skip_hashes = set() if (retry or backfill) else ledger.hashes
        pseudonym_secret(settings.pseudonym_key, settings.pseudonym_key_file, settings.pseudonym_key_block)
        partitions = inbox_io.partition(to_read, settings.timezone)
        phase = time.perf_counter()
        parse = parse_channel.with_options(retries=settings.task_retries,
                                           retry_delay_seconds=settings.task_retry_delay_s)
        parsed_futures = {key: parse.submit(key[0], key[1], fs, skip_hashes, settings.read_retries, only,
                                            settings.read_retry_delay_s)
                          for key, fs in partitions.items()}
        stage_part = stage.with_options(retries=settings.task_retries, retry_delay_seconds=settings.task_retry_delay_s)
        staged_futures = {key: stage_part.submit(fut, settings) for key, fut in parsed_futures.items()}
        for fut in staged_futures.values():
            fut.wait()
        report = GateReport()
        clock.add("read_parse_normalise_wall", time.perf_counter() - phase)
        staged, file_rows, skipped = gather(partitions, parsed_futures, staged_futures, report, clock)
        if staged is None:
            staged = stage_records(records_frame([]), settings)
        unread = len(files) - len(to_read) if not backfill else 0
        skipped_count = len(skipped) + max(unread, 0)
        already = 0
        if retry:  # only the records still in quarantine; the file ledger already has these files
            staged = staged.join(quarantined.select(pl.col("record_id").alias("record_key")), on="record_key", how="semi")
        if retry or backfill:
            file_rows = file_rows.filter(~pl.col("file_hash").is_in(list(ledger.hashes)))
        if backfill:  # records the warehouse holds already are left alone: a backfill is idempotent
            present = warehouse.read_existing_records(settings.db_path, staged["record_key"].to_list())
            already = len(present)
            staged = staged.filter(~pl.col("record_key").is_in(list(present)))
        with clock("validate_raw"):
            staged, raw_report = gate_raw_task(staged, settings, now)
        report.validations.extend(raw_report.validations)
        report.alerts.extend(raw_report.alerts)
        report.warnings.extend(raw_report.warnings)
        with clock("assign"):
            roled = assign(staged, settings)
        with clock("classify"):
            predictions = classify(roled, settings)
        with clock("validate_complaints"):
            roled = gate_complaints(roled, predictions, settings, now, report)
        with clock("materialize"):
            run = materialize(roled, predictions, file_rows, report, run_id, now)
        summary = summarize(run.intake, run.complaints)
        if not retry and not backfill and file_rows.height:
            current = {ch: c.get("accepted", 0) + c.get("merged", 0) + c.get("quarantined", 0)
                       for ch, c in summary["counts"].items()}
            gate_volume(current, warehouse.read_volume_history(settings.db_path), settings, now, report)
            run.validations = validations_frame(report, run_id)
        if not files:
            report.alerts.append("Inbox kosong: tidak ada berkas dari kanal mana pun.")
        outcome = "partial" if report.alerts else "completed"
        from expectations.validate import data_docs_index

        docs = data_docs_index(settings.gx_dir)
        kind = "retry" if retry else "backfill" if backfill else "nightly"
        run.run_row = {
            **base_row, "finished_at_utc": datetime.now(timezone.utc).replace(tzinfo=None),
            "duration_s": round(time.monotonic() - started, 3), "outcome": outcome,
            "message": _message(summary, skipped_count, report.alerts + report.warnings, kind, backfill, already),
            "files_seen": len(files), "files_new": file_rows.height, "files_skipped": skipped_count,
            "accepted": summary["accepted"], "merged": summary["merged"], "quarantined": summary["quarantined"],
            "records_total": summary["records_total"], "complaints_new": summary["complaints_new"],
            "complaints_updated": run.updates.height, "agency_resolved_share": summary["agency_resolved_share"],
            "counts": summary["counts"], "alerts": report.alerts + report.warnings,
            "data_docs": str(docs) if docs.exists() else None, "stage_seconds": clock.seconds,
        }
        with clock("load"):
            load(settings.db_path, run, fail_after, replace_intake=retry)
        loaded = True
        with clock("publish_snapshot"):
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

    today = datetime.now(ZoneInfo(settings.timezone)).date()  # the local day of receipt, as `backfill` takes it
    try:
        archive_files(list(zip(file_rows["path"].to_list(), file_rows["source_file"].to_list())),
                      settings.archive_dir, today)
        removed = prune_archive(settings.archive_dir, settings.raw_retention_days, today)
        if removed:
            log.info(f"{len(removed)} folder arsip lewat masa simpan {settings.raw_retention_days} hari dihapus")
    except OSError as exc:
        message = f"Data tersimpan, tetapi arsip berkas mentah gagal: {type(exc).__name__}: {exc}"
        log.error(message)
        run.run_row["outcome"] = "partial"
        run.run_row["message"] += " PERHATIAN: " + message
        warehouse.mark_run(settings.db_path, run.run_id, "partial", run.run_row["message"])


def _message(summary: dict, skipped: int, alerts: list[str], kind: str, backfill: Backfill | None = None,
             already: int = 0) -> str:
    share = summary["agency_resolved_share"]
    share_txt = f"{share:.0%}" if share is not None else "-"
    head = {"retry": "Ulang karantina", "nightly": "Selesai"}.get(
        kind, f"Backfill {backfill.start}..{backfill.end}" if backfill else "Selesai")
    text = (f"{head}: {summary['records_total']} catatan diproses ({summary['accepted']} aduan baru, "
            f"{summary['merged']} digabung, {summary['quarantined']} dikarantina); {skipped} berkas dilewati "
            f"(sudah pernah diterima); instansi teridentifikasi pada {share_txt} aduan baru.")
    if kind == "backfill":
        text += f" {already} catatan sudah ada di gudang data dan dibiarkan."
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
