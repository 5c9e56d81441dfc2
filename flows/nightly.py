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

import gc
import os
import time
import uuid
from collections import deque
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import polars as pl
from prefect import flow, get_run_logger, task
from prefect.artifacts import create_table_artifact
from prefect.cache_policies import NO_CACHE
from prefect.runtime import flow_run
from prefect.states import Completed

from awasi.settings import Settings, get_settings
from flows import inbox as inbox_io
from flows import scratch as scratch_io
from flows import warehouse
from flows.assign import assign as assign_night
from flows.keys import pseudonym_secret
from flows.registers import agency_register, region_register
from flows.runners import task_runner, worker_count
from transforms import gates
from transforms.channels.dispatch import file_record, has_parser, parse_file
from transforms.complaints import build_complaints, build_intake, with_roles
from transforms.labels import CLASS_COLUMNS
from transforms.normalize import normalize_records
from transforms.privacy import protect_records
from transforms.resolve import resolve_places
from transforms.schema import CHANNELS, FATES, records_frame
from transforms.identifiers import record_key_expr

FILE_SCHEMA = {"file_hash": pl.String, "channel": pl.String, "source_file": pl.String, "size_bytes": pl.Int64,
               "records": pl.Int32, "modified_at_utc": pl.Datetime("us"), "path": pl.Binary}
VALIDATION_SCHEMA = {"run_id": pl.String, "stage": pl.String, "suite": pl.String, "expectation": pl.String,
                     "level": pl.String, "success": pl.Boolean, "rows_evaluated": pl.Int32, "rows_failed": pl.Int32,
                     "reason": pl.String}


@dataclass
class ParsedPartition:
    """The records of one partition (channel x day of delivery) and the files they came from."""

    channel: str
    day: str
    records: pl.DataFrame
    files: pl.DataFrame          # FILE_SCHEMA; `path` is where the file was read (inbox or archive), as OS bytes
    skipped: list[tuple[str, str]]  # (source_file, file_hash) of the files not parsed: content received before
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

    def unreadable_hash(f: inbox_io.InboxFile, error: str) -> str:
        # An unreadable file is identified by its path and error, so it is reported once, not every night.
        return inbox_io.file_hash(f"unreadable:{f.relative}:{error}".encode())

    for f in files:
        # a file reported unreadable by an earlier run with the same error is read once, without the back-off
        data, error = inbox_io.read_with_retries(f.path, attempts=attempts, first_delay=retry_delay,
                                                 known_failure=lambda e, f=f: unreadable_hash(f, e) in seen)
        fhash = inbox_io.file_hash(data) if data is not None else unreadable_hash(f, error)
        if data is not None and not has_parser(f.channel, f.relative):
            fhash = inbox_io.misplaced_hash(fhash)
        if (only_hashes is not None and fhash not in only_hashes) or fhash in seen:
            skipped.append((f.relative, fhash))
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
                          "modified_at_utc": f.modified, "path": os.fsencode(f.path)})
    return ParsedPartition(channel, day, records_frame(rows), pl.DataFrame(file_rows, schema=FILE_SCHEMA),
                           skipped, unreadable, time.perf_counter() - started)


@dataclass
class StagedBatch:
    """What one parse-and-stage task hands back: staged records and the files they came from."""

    channel: str
    label: str
    records: pl.DataFrame        # normalised, protected, resolved
    files: pl.DataFrame          # FILE_SCHEMA
    skipped: list[tuple[str, str]]  # see ParsedPartition
    unreadable: list[str]
    parse_seconds: float
    stage_seconds: float


def stage_records(records: pl.DataFrame, settings: Settings) -> pl.DataFrame:
    """Normalise, protect and resolve every record (pure transforms with registers and key injected)."""
    staged = normalize_records(records, timezone=settings.timezone)
    staged = protect_records(staged, pseudonym_secret(settings.pseudonym_key, settings.pseudonym_key_file,
                                                      settings.pseudonym_key_block))
    staged = resolve_places(staged, agency_register(settings.registers_dir, settings.agency_match_threshold),
                            region_register())
    return staged.with_columns(record_key=record_key_expr())


def parse_and_stage_batch(batch: inbox_io.StageBatch, skip_hashes: set[str], attempts: int, settings: Settings,
                          only_hashes: set[str] | None = None, retry_delay: float = 0.5) -> StagedBatch:
    """Parse the partitions of one batch, then stage all their records at once (one fixed cost per batch)."""
    parsed = [parse_partition(batch.channel, day, files, skip_hashes, attempts, only_hashes, retry_delay)
              for day, files in batch.parts]
    records = pl.concat([p.records for p in parsed], how="diagonal_relaxed")
    files = pl.concat([p.files for p in parsed])
    parse_seconds = sum(p.seconds for p in parsed)
    skipped = [s for p in parsed for s in p.skipped]
    unreadable = [u for p in parsed for u in p.unreadable]
    del parsed
    started = time.perf_counter()
    staged = stage_records(records, settings)
    del records
    return StagedBatch(batch.channel, batch.label, staged, files, skipped, unreadable, parse_seconds,
                       time.perf_counter() - started)


@task(name="parse-and-stage", cache_policy=NO_CACHE, task_run_name="stage-{batch.label}")
def parse_and_stage(batch: inbox_io.StageBatch, skip_hashes: set[str], attempts: int, settings: Settings,
                    only_hashes: set[str] | None = None, retry_delay: float = 0.5) -> StagedBatch:
    return parse_and_stage_batch(batch, skip_hashes, attempts, settings, only_hashes, retry_delay)


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
        result = run_suite(batch, f"raw_{channel}", "record_key", params, settings.gx_dir, docs=False)
        report.validations.extend(result.results)
        staged = gates.quarantine_rows(staged, "record_key", gates.row_failures(result.results))
        for failure in result.batch_failures:  # a parser or wiring bug: hold the channel's records of this block back
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


def with_predictions(complaints: pl.DataFrame, predictions: pl.DataFrame, search: bool = False) -> pl.DataFrame:
    """The complaints with the classify task's columns; with `search`, also its search column (`text_search`)."""
    columns = [*CLASS_COLUMNS, "text_search"] if search else list(CLASS_COLUMNS)
    return complaints.drop(list(CLASS_COLUMNS)).join(predictions.select("complaint_id", *columns),
                                                     on="complaint_id", how="left")


def classify_texts(texts: pl.DataFrame, settings: Settings) -> pl.DataFrame:
    """The classification columns of complaints (`complaint_id`, `title`, `text`), with the settings' model version,
    and `text_search`: the stemmed title and text the classifier made anyway, so the flow's process does not stem
    them again."""
    from awasi import models
    from transforms.classifier import classify_frame  # scikit-learn: imported only by a night that classifies

    model = models.load(settings.models_dir, settings.model_version)
    return classify_frame(texts, model, stems_column="text_search").select("complaint_id", *CLASS_COLUMNS,
                                                                          "text_search")


@task(name="classify", cache_policy=NO_CACHE, task_run_name="classify-{number}")
def classify(number: int, texts: pl.DataFrame, settings: Settings) -> tuple[pl.DataFrame, float]:
    """Classification of the new complaints of one load batch (after normalisation and de-duplication, before
    the gate), and the seconds it took. Runs on the task runner's workers, ahead of the batch's load."""
    started = time.perf_counter()
    return classify_texts(texts, settings), time.perf_counter() - started


def model_settings(settings: Settings) -> Settings:
    """The settings with the model version fixed (trained first if there is none), so that every worker
    classifies with the same model and none of them trains one."""
    from awasi import models

    trained = models.versions(settings.models_dir)
    version = settings.model_version or (trained[-1] if trained else models.ensure_model(settings.models_dir).version)
    return settings.model_copy(update={"model_version": version})


def gate_complaints(roled: pl.DataFrame, predictions: pl.DataFrame, settings: Settings, now: datetime,
                    report: GateReport) -> pl.DataFrame:
    from expectations.validate import run_suite

    complaints, _ = build_complaints(roled)
    if complaints.height == 0:
        return roled
    complaints = with_predictions(complaints, predictions)
    frame = complaints.with_columns(text_chars=pl.col("text").str.len_chars())
    result = run_suite(frame, "complaints", "complaint_id", gate_params(settings, now), settings.gx_dir,
                       docs=False)
    report.validations.extend(result.results)
    for failure in result.batch_failures:
        raise RuntimeError(f"complaint gate failed ({failure.expectation}: {failure.reason}); nothing was loaded")
    return gates.quarantine_complaints(roled, gates.row_failures(result.results))


def complaint_warnings(results, report: GateReport) -> None:
    """Warnings of the complaint gate, once for the whole night (results merged over batches)."""
    for r in results:
        if r.suite == "complaints" and not r.success and r.level == "warning":
            report.warnings.append(f"Peringatan: {r.reason} ({r.rows_failed} dari {r.rows_evaluated} aduan).")


def gate_volume(current: dict[str, int], history: list[dict[str, int]], settings: Settings, now: datetime,
                report: GateReport) -> None:
    from expectations.validate import run_suite

    if not history:
        return
    frame = gates.volume_frame(current, history, CHANNELS)
    result = run_suite(frame, "volume", "channel", gate_params(settings, now), settings.gx_dir, docs=False)
    report.validations.extend(result.results)
    for r in result.results:
        for channel in r.failed:
            row = frame.filter(pl.col("channel") == channel).row(0, named=True)
            report.alerts.append(f"Kanal {channel}: {row['volume']} catatan baru, median run terakhir "
                                 f"{row['recent_median']:g}. Periksa pengiriman dari kanal ini.")


# ----------------------------------------------------------------------------- assemble and load

def naive_utc(frame: pl.DataFrame) -> pl.DataFrame:
    """DuckDB TIMESTAMP columns hold UTC wall time; strip the zone so no session time zone applies."""
    return frame.with_columns(
        pl.col(c).dt.convert_time_zone("UTC").dt.replace_time_zone(None)
        for c, t in frame.schema.items() if isinstance(t, pl.Datetime) and t.time_zone
    )


def materialize(roled: pl.DataFrame, predictions: pl.DataFrame, run_id: str, now: datetime
                ) -> tuple[pl.DataFrame, pl.DataFrame, pl.DataFrame]:
    """The intake rows, new complaint rows and updates to earlier complaints of one batch (roled records), with
    `predictions` from the classify task (classification columns and the search column)."""
    complaints, updates = build_complaints(roled)
    complaints = with_predictions(complaints, predictions, search=True)
    intake = build_intake(roled, run_id)
    loaded_at = now.replace(tzinfo=None)
    complaints = complaints.with_columns(run_id=pl.lit(run_id), loaded_at_utc=pl.lit(loaded_at))
    return naive_utc(intake), naive_utc(complaints), naive_utc(updates)


def file_rows_load(files: pl.DataFrame, run_id: str, now: datetime) -> tuple[pl.DataFrame, pl.DataFrame]:
    """The `files` rows of the run and each channel's newest modification time (the watermarks)."""
    marks = (files.drop_nulls("modified_at_utc").group_by("channel").agg(pl.col("modified_at_utc").max())
             .sort("channel"))
    files = files.drop("path").with_columns(run_id=pl.lit(run_id), received_at_utc=pl.lit(now.replace(tzinfo=None)))
    return naive_utc(files), marks


def validations_frame(report: GateReport, run_id: str) -> pl.DataFrame:
    return pl.DataFrame(
        [{"run_id": run_id, "stage": "raw" if r.suite.startswith("raw_") else r.suite,
          "suite": r.suite, "expectation": r.expectation, "level": r.level, "success": r.success,
          "rows_evaluated": r.rows_evaluated, "rows_failed": r.rows_failed, "reason": r.reason}
         for r in report.validations], schema=VALIDATION_SCHEMA)


@task(name="load-batch", cache_policy=NO_CACHE, task_run_name="load-batch-{number}")
def load_batch(writer: warehouse.RunWriter, number: int, intake: pl.DataFrame, complaints: pl.DataFrame,
               updates: pl.DataFrame) -> None:
    """Write one batch into the run's open load transaction (nothing is visible before the commit)."""
    writer.add_batch(intake, complaints, updates)


@task(name="load-warehouse", cache_policy=NO_CACHE)
def load(writer: warehouse.RunWriter, run: warehouse.RunLoad) -> None:
    """Write the files, validations and run row, and commit the run's one transaction."""
    writer.finish(run)


class Tally:
    """Counts of the loaded batches, for the run summary."""

    def __init__(self):
        self.fates: dict[tuple[str, str], int] = {}
        self.complaints_new = 0
        self.resolved = 0
        self.updated = 0

    def add(self, intake: pl.DataFrame, complaints: pl.DataFrame, updates: pl.DataFrame) -> None:
        for channel, fate, n in intake.group_by("channel", "fate").len().iter_rows():
            self.fates[(channel, fate)] = self.fates.get((channel, fate), 0) + n
        self.complaints_new += complaints.height
        self.resolved += complaints.filter(pl.col("agency").is_not_null()).height
        self.updated += updates.height


def summarize(tally: Tally) -> dict:
    """Counts per channel and fate, and the share of new complaints whose agency resolved."""
    counts: dict[str, dict[str, int]] = {}
    for (channel, fate), n in tally.fates.items():
        counts.setdefault(channel, {f: 0 for f in FATES})[fate] = n
    total = {f: sum(n for (_, fate), n in tally.fates.items() if fate == f) for f in FATES}
    return {
        "records_total": sum(tally.fates.values()), **total, "complaints_new": tally.complaints_new,
        "agency_resolved_share": round(tally.resolved / tally.complaints_new, 4) if tally.complaints_new else None,
        "counts": counts,
    }


# ----------------------------------------------------------------------------- the flow

@flow(name="awasi-nightly", task_runner=task_runner(get_settings()), log_prints=False)
def nightly(inbox: str, db: str, fail_after: str | None = None, retry_quarantined: bool = False,
            backfill_from: date | None = None, backfill_to: date | None = None):
    """Take everything new in the inbox into the warehouse; every record ends as one intake row.

    With `retry_quarantined`, only files holding quarantined records are read again, and those records
    go through every gate once more (after a fix); records already accepted are left alone, and so are the files
    whose quarantined records were all superseded (taken in later from another file).
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


class Intake:
    """Phase one of a run: staged batches taken in order, de-duplicated, filtered, gated and spilled."""

    def __init__(self, settings: Settings, scratch: scratch_io.Scratch, report: GateReport, clock: StageClock,
                 now: datetime, retry_keys: pl.DataFrame | None, backfill: bool, ledger_hashes: set[str] | None):
        self.settings, self.scratch, self.report, self.clock, self.now = settings, scratch, report, clock, now
        self.retry_keys, self.backfill, self.ledger_hashes = retry_keys, backfill, ledger_hashes
        self.seen_hashes: set[str] = set()
        self.file_parts: list[pl.DataFrame] = []
        self.skipped: list[tuple[str, str]] = []  # (source_file, file_hash) of the files not taken
        self.already = 0
        self.pending: list[pl.DataFrame] = []
        self.pending_rows = 0

    def failed(self, batch: inbox_io.StageBatch, state) -> None:
        """A batch whose task failed after its retries: reported; its files are read again next run."""
        days = [d for d, _ in batch.parts]
        when = days[0] if len(days) == 1 else f"{days[0]}..{days[-1]}"
        self.report.alerts.append(
            f"Kanal {batch.channel} (hari {when}): {batch.files} berkas gagal diproses setelah percobaan "
            f"ulang ({state.message or state.name}); berkas ini dibaca lagi pada run berikutnya.")

    def take(self, staged: StagedBatch) -> None:
        """One staged batch; the same content delivered twice in one run is taken once (the first)."""
        if staged.unreadable:
            self.report.alerts.append(
                f"Kanal {staged.channel}: {len(staged.unreadable)} berkas tidak dapat dibaca "
                f"(dikarantina; dibaca lagi begitu terbaca): {', '.join(staged.unreadable[:5])}.")
        self.clock.add(f"parse_{staged.channel}", staged.parse_seconds)
        self.clock.add("normalise_protect_resolve", staged.stage_seconds)
        self.skipped.extend(staged.skipped)
        files = staged.files
        repeated = files.filter(~pl.col("file_hash").is_first_distinct() | pl.col("file_hash").is_in(self.seen_hashes))
        self.skipped.extend(zip(repeated["source_file"].to_list(), repeated["file_hash"].to_list()))
        records = staged.records
        if self.seen_hashes:
            records = records.filter(~pl.col("file_hash").is_in(self.seen_hashes))
        records = records.unique("record_key", keep="first", maintain_order=True)
        files = files.filter(~pl.col("file_hash").is_in(self.seen_hashes)).unique(
            "file_hash", keep="first", maintain_order=True)
        self.seen_hashes.update(files["file_hash"].to_list())
        if self.ledger_hashes is not None:  # retry and backfill: the ledger has these files already
            files = files.filter(~pl.col("file_hash").is_in(self.ledger_hashes))
        self.file_parts.append(files)
        self.pending.append(records)
        self.pending_rows += records.height
        if self.pending_rows >= self.settings.batch_records:
            self.flush()

    def flush(self) -> None:
        """Filter and gate the records taken so far and spill them to the scratch folder."""
        if not self.pending:
            return
        staged = pl.concat(self.pending, how="diagonal_relaxed")
        self.pending, self.pending_rows = [], 0
        if self.retry_keys is not None:  # only the records still in quarantine
            staged = staged.join(self.retry_keys, on="record_key", how="semi")
        if self.backfill:  # records the warehouse holds already are left alone: a backfill is idempotent
            present = warehouse.read_existing_records(self.settings.db_path, staged["record_key"].to_list())
            self.already += len(present)
            staged = staged.filter(~pl.col("record_key").is_in(list(present)))
        with self.clock("validate_raw"):
            staged, raw_report = gate_raw_task(staged, self.settings, self.now)
        self.report.validations.extend(raw_report.validations)
        for alert in raw_report.alerts:
            if alert not in self.report.alerts:
                self.report.alerts.append(alert)
        self.report.warnings.extend(raw_report.warnings)
        self.scratch.add_batch(staged)
        del staged
        # The validation library leaves its batch and validator objects of each run in reference cycles, which only
        # a full collection frees (the frames in them are emptied by `run_suite`); one collection per staged block
        # keeps them from piling up over the night, where the flow grew to 2.6 GB by the end of staging at
        # 1,000,000 records (bench/RESULTS.md).
        gc.collect()

    def files(self) -> pl.DataFrame:
        return pl.concat(self.file_parts) if self.file_parts else pl.DataFrame(schema=FILE_SCHEMA)


def read_and_stage(settings: Settings, batches: list[inbox_io.StageBatch], intake: Intake, skip_hashes: set[str],
                   only: set[str] | None) -> None:
    """Run the parse-and-stage tasks with a bounded number in flight, taking their results in order, so the
    memory held is a few batches whatever the size of the night. A small night (no more bytes than one batch)
    runs its tasks one by one in this process, so it starts no worker process (`AWASI_TASK_RUNNER=processes`)."""
    task_ = parse_and_stage.with_options(retries=settings.task_retries, retry_delay_seconds=settings.task_retry_delay_s)
    if sum(b.bytes for b in batches) <= settings.stage_batch_bytes:
        for batch in batches:
            state = task_(batch, skip_hashes, settings.read_retries, settings, only, settings.read_retry_delay_s,
                          return_state=True)
            if state.is_completed():
                intake.take(state.result())
            else:
                intake.failed(batch, state)
        intake.flush()
        return
    in_flight = max(2, worker_count(settings) + 1)
    queue = iter(batches)
    pending: deque = deque()

    def submit_next():
        batch = next(queue, None)
        if batch is not None:
            pending.append((batch, task_.submit(batch, skip_hashes, settings.read_retries, settings, only,
                                                settings.read_retry_delay_s)))

    for _ in range(in_flight):
        submit_next()
    while pending:
        batch, future = pending.popleft()
        future.wait()
        state = future.state
        submit_next()
        if not state.is_completed():
            intake.failed(batch, state)
            continue
        staged = future.result()
        del future
        intake.take(staged)
        del staged
    intake.flush()


def classified_buckets(scratch: scratch_io.Scratch, buckets: int, settings: Settings, clock: StageClock):
    """(k, roled records, predictions) of each load batch in order. The classification of the next batches is
    submitted to the task runner ahead (one per worker), so the workers classify while this process gates,
    materialises and loads the batch before; a night with nothing new submits nothing. Only the texts of the
    batches in flight are held; a batch's records are read again from the scratch folder when it is loaded.
    A night of one load batch is classified in this process: a small night starts no worker process."""
    if buckets == 0:
        return
    settings = model_settings(settings)
    task_ = classify.with_options(retries=settings.task_retries, retry_delay_seconds=settings.task_retry_delay_s)
    inline = buckets == 1
    queue = iter(range(buckets))
    pending: deque = deque()

    def roled_bucket(k: int) -> pl.DataFrame | None:
        records = scratch.read_bucket(k)
        return None if records is None else with_roles(records, scratch.read_roles(k))

    def submit_next() -> None:
        for k in queue:
            roled = roled_bucket(k)
            if roled is None:
                continue
            complaints, _ = build_complaints(roled)
            del roled  # read again when its turn comes: only the texts in flight are held
            texts = complaints.select("complaint_id", "title", "text")
            if complaints.height == 0:  # nothing to classify: the (empty) columns as they are
                pending.append((k, complaints.select("complaint_id", *CLASS_COLUMNS,
                                                     text_search=pl.lit(None, pl.String))))
            elif inline:
                predictions, seconds = task_(k + 1, texts, settings)
                clock.add("classify", seconds)
                pending.append((k, predictions))
            else:
                pending.append((k, task_.submit(k + 1, texts, settings)))
            return

    for _ in range(max(1, worker_count(settings))):
        submit_next()
    while pending:
        k, future = pending.popleft()
        submit_next()
        roled = roled_bucket(k)
        if isinstance(future, pl.DataFrame):  # empty, or classified inline
            predictions = future
        else:
            with clock("classify_wait"):
                predictions, seconds = future.result()
            clock.add("classify", seconds)
        del future
        yield k, roled, predictions
        del roled, predictions


def run_intake(settings: Settings, fail_after: str | None = None, retry: bool = False,
               backfill: Backfill | None = None, flow_run_id: str = "") -> dict:
    """The body of the nightly flow. Raises on failure after recording the failed run.

    1. parse and stage the night in batches of files (tasks), gate the raw records and spill them to a scratch
       folder next to the warehouse;
    2. decide every record's complaint for the whole night (threads and duplicates cross batches) in a scratch
       DuckDB database (flows/assign.py), and give each record a load batch: all records of a complaint share one;
    3. per load batch: classify, gate the complaints and write them into the run's one open transaction;
    4. write files, validations and the run row, and commit. A crash anywhere leaves the warehouse unchanged.
    """
    log = get_run_logger()
    started = time.monotonic()
    now = datetime.now(timezone.utc)
    run_id = now.strftime("%Y%m%dT%H%M%SZ") + "-" + uuid.uuid4().hex[:8]
    base_row = {"run_id": run_id, "flow_run_id": flow_run_id, "started_at_utc": now.replace(tzinfo=None),
                "inbox": str(settings.inbox)}
    loaded = False
    clock = StageClock()
    scratch = None
    try:
        ledger = warehouse.read_ledger(settings.db_path)
        to_read, files = select_files(settings, ledger, retry, backfill)
        quarantined = warehouse.read_quarantined(settings.db_path) if retry else None
        only, superseded = None, frozenset()
        if retry:  # a file whose quarantined records were all taken in later from another file is not parsed again
            held = quarantined.group_by("file_hash").agg(superseded=pl.col("superseded").all())
            only = set(held.filter(~pl.col("superseded"))["file_hash"].to_list())
            superseded = frozenset(held.filter(pl.col("superseded"))["file_hash"].to_list())
        skip_hashes = set() if (retry or backfill) else ledger.hashes
        pseudonym_secret(settings.pseudonym_key, settings.pseudonym_key_file, settings.pseudonym_key_block)
        partitions = inbox_io.partition(to_read, settings.timezone)
        batches = inbox_io.stage_batches(partitions, settings.stage_batch_bytes)
        scratch = scratch_io.Scratch(settings.db_path, run_id)
        report = GateReport()
        intake = Intake(settings, scratch, report, clock, now,
                        quarantined.select(pl.col("record_id").alias("record_key")) if retry else None,
                        backfill is not None, ledger.hashes if (retry or backfill) else None)
        phase = time.perf_counter()
        read_and_stage(settings, batches, intake, skip_hashes, only)
        clock.add("read_parse_normalise_wall", time.perf_counter() - phase)
        file_rows, skipped, already = intake.files(), [path for path, _ in intake.skipped], intake.already
        # retry: the files not read again because each of their quarantined records was taken in from another file
        skipped_superseded = [path for path, fhash in intake.skipped if fhash in superseded]
        del intake
        unread = len(files) - len(to_read) if not backfill else 0
        skipped_count = len(skipped) + max(unread, 0)
        with clock("assign"):
            buckets = assign_night(scratch, settings)  # each bucket's records and roles are in the scratch folder
        history = (warehouse.read_volume_history(settings.db_path)
                   if not retry and not backfill and file_rows.height else [])
        tally = Tally()
        complaint_results = []
        with warehouse.RunWriter(settings.db_path, fail_after, replace_intake=retry,
                                 memory_limit=settings.duckdb_memory_limit, spill_dir=scratch.root / "load") as writer:
            for k, roled, predictions in classified_buckets(scratch, buckets, settings, clock):
                with clock("validate_complaints"):
                    batch_report = GateReport()
                    roled = gate_complaints(roled, predictions, settings, now, batch_report)
                    complaint_results.extend(batch_report.validations)
                with clock("materialize"):
                    batch = materialize(roled, predictions, run_id, now)
                del roled, predictions
                tally.add(*batch)
                with clock("load"):
                    load_batch(writer, k + 1, *batch)
                del batch
                # The complaint gate leaves Great Expectations' objects of each batch in reference cycles (see
                # Intake.flush); without a collection per batch the flow's process grew by about 500 MB over the
                # 20 load batches of 2,000,000 records (bench/RESULTS.md).
                gc.collect()
            report.validations = gates.merge_results(report.validations)
            complaint_results = gates.merge_results(complaint_results)
            report.validations.extend(complaint_results)
            complaint_warnings(complaint_results, report)
            summary = summarize(tally)
            if history:
                current = {ch: c.get("accepted", 0) + c.get("merged", 0) + c.get("quarantined", 0)
                           for ch, c in summary["counts"].items()}
                gate_volume(current, history, settings, now, report)
            if not files:
                report.alerts.append("Inbox kosong: tidak ada berkas dari kanal mana pun.")
            outcome = "partial" if report.alerts else "completed"
            from expectations.validate import build_docs, data_docs_index

            # Data Docs once per run (the gates ran per batch without rebuilding them); a night with nothing to
            # validate does not import GX at all.
            docs = build_docs(settings.gx_dir) if report.validations else data_docs_index(settings.gx_dir)
            kind = "retry" if retry else "backfill" if backfill else "nightly"
            files_load, marks = file_rows_load(file_rows, run_id, now)
            run = warehouse.RunLoad(run_id, files_load, validations_frame(report, run_id), run_row={},
                                    watermarks=marks)
            run.run_row = {
                **base_row, "finished_at_utc": datetime.now(timezone.utc).replace(tzinfo=None),
                "duration_s": round(time.monotonic() - started, 3), "outcome": outcome,
                "message": _message(summary, skipped_count, report.alerts + report.warnings, kind, backfill, already,
                                    len(skipped_superseded)),
                "files_seen": len(files), "files_new": file_rows.height, "files_skipped": skipped_count,
                "accepted": summary["accepted"], "merged": summary["merged"], "quarantined": summary["quarantined"],
                "records_total": summary["records_total"], "complaints_new": summary["complaints_new"],
                "complaints_updated": tally.updated, "agency_resolved_share": summary["agency_resolved_share"],
                "counts": summary["counts"], "alerts": report.alerts + report.warnings,
                "data_docs": str(docs) if docs.exists() else None, "stage_seconds": clock.seconds,
            }
            with clock("load"):
                load(writer, run)
        loaded = True
        scratch.remove()  # before the snapshot copy, so the disk holds one of them at a time
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
    finally:  # whatever the outcome, an interrupt included (removing twice is harmless)
        if scratch is not None:
            scratch.remove()
    _archive(settings, run, file_rows, log)
    result = {**run.run_row, "skipped_files": skipped, "skipped_superseded": skipped_superseded}
    _publish_summary(result)
    (log.warning if outcome == "partial" else log.info)(run.run_row["message"])
    return result


def _archive(settings: Settings, run: warehouse.RunLoad, file_rows: pl.DataFrame, log) -> None:
    """Keep the run's raw files in the owner-only archive and drop expired ones. The data is loaded already,
    so a failure here marks the run partial instead of failing it."""
    from flows.archive import archive_files, prune_archive

    today = datetime.now(ZoneInfo(settings.timezone)).date()  # the local day of receipt, as `backfill` takes it
    try:
        archive_files(list(zip(map(os.fsdecode, file_rows["path"].to_list()), file_rows["source_file"].to_list())),
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
             already: int = 0, superseded: int = 0) -> str:
    share = summary["agency_resolved_share"]  # None when the run added no complaint
    agencies = (f"instansi teridentifikasi pada {share:.0%} aduan baru" if share is not None else
                "tidak ada aduan baru yang instansinya perlu diidentifikasi")
    head = {"retry": "Ulang karantina", "nightly": "Selesai"}.get(
        kind, f"Backfill {backfill.start}..{backfill.end}" if backfill else "Selesai")
    text = (f"{head}: {summary['records_total']} catatan diproses ({summary['accepted']} aduan baru, "
            f"{summary['merged']} digabung, {summary['quarantined']} dikarantina); {skipped} berkas dilewati "
            f"(sudah pernah diterima{_superseded_note(superseded)}); {agencies}.")
    if kind == "backfill":
        text += f" {already} catatan sudah ada di gudang data dan dibiarkan."
    if alerts:
        text += " PERHATIAN: " + " ".join(alerts)
    return text


def _superseded_note(files: int) -> str:
    """Retry: how many of the skipped files were not read again because each of their quarantined records was
    taken in later from another file (what `awasi quarantine list` marks *digantikan*)."""
    if not files:
        return ""
    return (f"; {files} di antaranya karena semua catatan karantinanya sudah digantikan, diterima kemudian dari "
            f"berkas lain")


def _publish_summary(result: dict) -> None:
    """A table artifact in the Prefect UI: one row per channel with the count of each fate."""
    rows = []
    for ch in sorted(set(CHANNELS) | set(result["counts"])):
        c = result["counts"].get(ch, {})
        rows.append({"kanal": ch, **{f: c.get(f, 0) for f in FATES}, "total": sum(c.values())})
    rows.append({"kanal": "TOTAL", **{f: result[f] for f in FATES}, "total": result["records_total"]})
    create_table_artifact(rows, key="awasi-intake-summary", description=result["message"])
