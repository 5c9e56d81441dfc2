"""The nightly intake flow: inbox files of four channels -> one DuckDB transaction.

    discover inbox -> parse each channel (concurrently, reads retried) -> normalise -> protect
    personal data -> resolve agency/region -> assign records to complaints (repeats, WhatsApp
    conversations, e-mail threads) -> cross-channel duplicates -> load (one transaction) -> summary

The steps are plain functions from `transforms/` and `flows/warehouse.py`; this module only wires
them as Prefect tasks. Every record received ends as one `intake` row.
"""

from __future__ import annotations

import time
import uuid
from dataclasses import dataclass
from datetime import datetime, timezone
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
from transforms.channels.dispatch import file_record, parse_file
from transforms.complaints import apply_duplicates, build_complaints, build_intake, find_duplicates, with_roles
from transforms.normalize import normalize_records
from transforms.privacy import protect_records
from transforms.resolve import resolve_places
from transforms.schema import CHANNELS, FATES, records_frame
from transforms.threads import assign_roles

FILE_SCHEMA = {"file_hash": pl.String, "channel": pl.String, "source_file": pl.String, "size_bytes": pl.Int64,
               "records": pl.Int32}


@dataclass
class ParsedChannel:
    channel: str
    records: pl.DataFrame
    files: pl.DataFrame
    skipped: list[str]


def parse_channel_files(channel: str, files: list[inbox_io.InboxFile], known_files: set[str],
                        attempts: int) -> ParsedChannel:
    """Read and parse one channel's new files. Unreadable files become one quarantined record each."""
    rows, file_rows, skipped, seen = [], [], [], set(known_files)
    for f in files:
        data, error = inbox_io.read_with_retries(f.path, attempts=attempts)
        # An unreadable file is identified by its path and error, so it is reported once, not every night.
        fhash = inbox_io.file_hash(data if data is not None else f"unreadable:{f.relative}:{error}".encode())
        if fhash in seen:
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
def parse_channel(channel: str, files: list[inbox_io.InboxFile], known_files: set[str], attempts: int):
    return parse_channel_files(channel, files, known_files, attempts)


def stage_records(records: pl.DataFrame, settings: Settings, now: datetime) -> pl.DataFrame:
    """Normalise, protect and resolve every record (pure transforms with registers and key injected)."""
    earliest = datetime.fromisoformat(settings.earliest_date).replace(tzinfo=timezone.utc)
    staged = normalize_records(records, now=now, earliest=earliest, min_chars=settings.min_text_chars,
                               max_chars=settings.max_text_chars, timezone=settings.timezone)
    staged = protect_records(staged, pseudonym_secret(settings.pseudonym_key, settings.pseudonym_key_file))
    return resolve_places(staged, agency_register(settings.registers_dir, settings.agency_match_threshold),
                          region_register())


@task(name="normalise-protect-resolve", cache_policy=NO_CACHE)
def stage(records: pl.DataFrame, settings: Settings, now: datetime) -> pl.DataFrame:
    return stage_records(records, settings, now)


def naive_utc(frame: pl.DataFrame) -> pl.DataFrame:
    """DuckDB TIMESTAMP columns hold UTC wall time; strip the zone so no session time zone applies."""
    return frame.with_columns(
        pl.col(c).dt.convert_time_zone("UTC").dt.replace_time_zone(None)
        for c, t in frame.schema.items() if isinstance(t, pl.Datetime) and t.time_zone
    )


def build_run(staged: pl.DataFrame, files: pl.DataFrame, settings: Settings, run_id: str,
              now: datetime) -> warehouse.RunLoad:
    """Read what earlier runs left, decide every record's fate and build the rows to load."""
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
    roles = assign_roles(staged, prior.known_refs, open_wa, settings.whatsapp_gap_minutes)
    roled = with_roles(staged, roles)
    complaints, updates = build_complaints(roled)
    recent = prior.recent_complaints.with_columns(pl.col("received_at_utc").dt.replace_time_zone("UTC"))
    duplicates = find_duplicates(complaints, recent, settings.duplicate_window_days, settings.duplicate_similarity)
    if duplicates:
        roled = apply_duplicates(roled, duplicates)
        complaints, updates = build_complaints(roled)
    intake = build_intake(roled, run_id)
    loaded_at = now.replace(tzinfo=None)
    complaints = complaints.with_columns(run_id=pl.lit(run_id), loaded_at_utc=pl.lit(loaded_at))
    files = files.with_columns(run_id=pl.lit(run_id), received_at_utc=pl.lit(loaded_at))
    return warehouse.RunLoad(run_id, naive_utc(files), naive_utc(intake), naive_utc(complaints),
                             naive_utc(updates), run_row={})


@task(name="load-warehouse", cache_policy=NO_CACHE)
def load(db_path: Path, run: warehouse.RunLoad, fail_after: str | None = None) -> None:
    warehouse.load_run(db_path, run, fail_after=fail_after)


def summarize(intake: pl.DataFrame, complaints: pl.DataFrame) -> dict:
    """Counts per channel and fate, and the share of new complaints whose agency resolved."""
    counts: dict[str, dict[str, int]] = {}
    for channel, fate, n in intake.group_by("channel", "fate").len().iter_rows():
        counts.setdefault(channel, {f: 0 for f in FATES})[fate] = n
    total = {f: int(intake.filter(pl.col("fate") == f).height) for f in FATES}
    resolved = complaints.filter(pl.col("agency").is_not_null()).height
    return {
        "records_total": intake.height,
        **total,
        "complaints_new": complaints.height,
        "agency_resolved_share": round(resolved / complaints.height, 4) if complaints.height else None,
        "counts": counts,
    }


@flow(name="awasi-nightly", task_runner=ThreadPoolTaskRunner(max_workers=4), log_prints=False)
def nightly(inbox: str, db: str, fail_after: str | None = None) -> dict:
    """Take everything that arrived in the inbox into the warehouse; every record ends as one intake row."""
    settings = get_settings(inbox=inbox, db_path=db)
    return run_intake(settings, fail_after=fail_after, flow_run_id=str(flow_run.get_id() or ""))


def run_intake(settings: Settings, fail_after: str | None = None, flow_run_id: str = "") -> dict:
    """The body of the nightly flow. Raises on failure after recording the failed run."""
    log = get_run_logger()
    started = time.monotonic()
    now = datetime.now(timezone.utc)
    run_id = now.strftime("%Y%m%dT%H%M%SZ") + "-" + uuid.uuid4().hex[:8]
    base_row = {"run_id": run_id, "flow_run_id": flow_run_id, "started_at_utc": now.replace(tzinfo=None),
                "inbox": str(settings.inbox)}
    try:
        files = inbox_io.discover(settings.inbox)
        known = warehouse.read_known_files(settings.db_path)
        by_channel: dict[str, list] = {}
        for f in files:
            by_channel.setdefault(f.channel, []).append(f)
        futures = [parse_channel.submit(ch, fs, known, settings.read_retries) for ch, fs in sorted(by_channel.items())]
        parsed = [fut.result() for fut in futures]
        records = pl.concat([p.records for p in parsed]) if parsed else records_frame([])
        file_rows = pl.concat([p.files for p in parsed]) if parsed else pl.DataFrame(schema=FILE_SCHEMA)
        skipped = [s for p in parsed for s in p.skipped]
        staged = stage(records, settings, now)
        run = build_run(staged, file_rows, settings, run_id, now)
        summary = summarize(run.intake, run.complaints)
        finished = datetime.now(timezone.utc)
        run.run_row = {
            **base_row, "finished_at_utc": finished.replace(tzinfo=None),
            "duration_s": round(time.monotonic() - started, 3), "outcome": "completed",
            "message": _message(summary, len(skipped)),
            "files_seen": len(files), "files_new": file_rows.height, "files_skipped": len(skipped),
            "accepted": summary["accepted"], "merged": summary["merged"], "quarantined": summary["quarantined"],
            "records_total": summary["records_total"], "complaints_new": summary["complaints_new"],
            "complaints_updated": run.updates.height, "agency_resolved_share": summary["agency_resolved_share"],
            "counts": summary["counts"],
        }
        load(settings.db_path, run, fail_after)
    except Exception as exc:
        message = f"Run gagal: {type(exc).__name__}: {exc}. Tidak ada data run ini yang tersimpan; perbaiki penyebabnya lalu jalankan ulang."
        log.error(message)
        warehouse.record_failed_run(settings.db_path, {
            **base_row, "finished_at_utc": datetime.now(timezone.utc).replace(tzinfo=None),
            "duration_s": round(time.monotonic() - started, 3), "outcome": "failed", "message": message[:2000],
        })
        raise
    result = {**run.run_row, "skipped_files": skipped}
    _publish_summary(result)
    log.info(run.run_row["message"])
    return result


def _message(summary: dict, skipped: int) -> str:
    share = summary["agency_resolved_share"]
    share_txt = f"{share:.0%}" if share is not None else "-"
    return (f"Selesai: {summary['records_total']} catatan diterima ({summary['accepted']} aduan baru, "
            f"{summary['merged']} digabung, {summary['quarantined']} dikarantina); {skipped} berkas sudah pernah "
            f"diterima dan dilewati; instansi teridentifikasi pada {share_txt} aduan baru.")


def _publish_summary(result: dict) -> None:
    """A table artifact in the Prefect UI: one row per channel with the count of each fate."""
    rows = []
    channels = sorted(set(CHANNELS) | set(result["counts"]))
    for ch in channels:
        c = result["counts"].get(ch, {})
        rows.append({"kanal": ch, **{f: c.get(f, 0) for f in FATES}, "total": sum(c.values())})
    rows.append({"kanal": "TOTAL", **{f: result[f] for f in FATES}, "total": result["records_total"]})
    create_table_artifact(rows, key="awasi-intake-summary", description=result["message"])
