"""Decide which complaint every record of the night belongs to, in a scratch DuckDB database.

A complaint is made of one *primary* record and any number of records merged into it:
- **repeat**: the same channel reference (LAPOR tracking id, WhatsApp message id, e-mail Message-ID, call id)
  received again, in this run or an earlier one; a repeat of a record quarantined in this run is quarantined too;
- **WhatsApp follow-up**: messages from one sender form one conversation while the gap between consecutive
  messages is at most `whatsapp_gap_minutes`; the first message is the primary. The night's first conversation of
  a sender continues a complaint of an earlier run when its first message comes within the gap after that
  complaint's last message. Non-text messages (image, audio, location, ...) join their conversation; a
  conversation with no text at all cannot be read as a complaint and is quarantined;
- **e-mail reply**: a message whose In-Reply-To/References names a message already received (earlier in the night
  or in an earlier run) joins that message's complaint; the first such parent in its own list wins;
- **cross-channel duplicate**: a new complaint of the same reporter with near-identical text within
  `duplicate_window_days` after an earlier one (`transforms.complaints.find_duplicates`) is merged into it.
Every other record is the primary of a new complaint.

The rules are SQL (`flows/sql/assign_*.sql`) over the staged Parquet files, in a database file inside the run's
scratch folder with the run's DuckDB memory limit: the night's keys, references and roles are never held in the
flow's memory, whatever the night's size (DuckDB spills to the scratch folder beyond the limit). Only the texts of
complaints that share a reporter with another complaint come into Python, to be compared.

The result is written back into the scratch folder: each record's load batch (all records of one complaint share
one) and each batch's roles.
"""

from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path

import duckdb
import polars as pl

from awasi.settings import Settings
from flows.scratch import Scratch
from flows.sqlfiles import sql, statements
from flows.warehouse import ensure_schema
from transforms.complaints import build_complaints, find_duplicates, with_roles


@contextmanager
def scratch_database(folder: Path, memory_limit: str | None = None):
    """A DuckDB database file in the run's scratch folder (UTC, the run's memory limit, spilling beside it)."""
    con = duckdb.connect(str(folder / "assign.duckdb"))
    try:
        con.execute("set enable_progress_bar = false")
        con.execute("set TimeZone = 'UTC'")
        con.execute("set preserve_insertion_order = false")
        con.execute("set temp_directory = ?", [str(folder / "assign.tmp")])
        if memory_limit:
            con.execute("set memory_limit = ?", [memory_limit])
        for statement in statements("assign_macros"):
            con.execute(statement)
        yield con
    finally:
        con.close()


def attach_warehouse(con: duckdb.DuckDBPyConnection, db_path: Path) -> None:
    """The warehouse as `wh`, read-only; a first run (no warehouse yet) gets an empty one of the same schema."""
    if Path(db_path).exists():
        con.execute("attach ? as wh (read_only)", [str(db_path)])
    else:
        con.execute("attach ':memory:' as wh")
        con.execute("use wh")
        ensure_schema(con)
        con.execute("use assign")


def load_night(con: duckdb.DuckDBPyConnection, files: list[Path]) -> None:
    """Table `night`: the usable staged records, the columns that decide roles, in processing order."""
    con.execute(sql("assign_night"), [[str(p) for p in files]])


def read_prior(con: duckdb.DuckDBPyConnection, gap_minutes: int, window_days: int) -> None:
    """Tables `prior_refs`, `prior_whatsapp`, `prior_recent`: what earlier runs (`wh`) left that the night may join."""
    for statement in statements("assign_prior_refs"):
        con.execute(statement)
    con.execute(sql("assign_prior_whatsapp"), [gap_minutes])
    con.execute(sql("assign_prior_recent"), [window_days])


def find_roles(con: duckdb.DuckDBPyConnection, gap_minutes: int) -> None:
    """Table `roles` (record_key, role, complaint_id, merge_reason, reason_code, reason) of every usable record:
    repeats, conversations, threads (from `night`, `prior_refs`, `prior_whatsapp`)."""
    con.execute(sql("assign_roles"), [gap_minutes])


def merge_duplicates(con: duckdb.DuckDBPyConnection, scratch: Scratch, window_days: int, similarity: float) -> int:
    """Find cross-channel duplicates among the complaints sharing a reporter and apply them to `roles`."""
    con.execute(sql("assign_candidates"))
    members = con.sql(sql("assign_candidate_roles")).pl()
    if not members.height:
        return 0
    records = scratch.select(pl.col("record_key").is_in(members["record_key"].implode()))
    complaints, _ = build_complaints(with_roles(records, members))
    recent = con.sql(sql("assign_recent_texts")).pl()
    recent = recent.with_columns(pl.col("received_at_utc").dt.replace_time_zone("UTC"))
    duplicates = find_duplicates(complaints, recent, window_days, similarity)
    if duplicates:
        frame = pl.DataFrame({"complaint_id": list(duplicates), "dup_of": list(duplicates.values())},
                             schema={"complaint_id": pl.String, "dup_of": pl.String})
        con.register("duplicates", frame)
        con.execute(sql("assign_duplicates"))
        con.unregister("duplicates")
    return len(duplicates)


def write_buckets(con: duckdb.DuckDBPyConnection, scratch: Scratch, batch_records: int) -> int:
    """Give every staged record its load batch and write the batches into the scratch folder; their number."""
    total = con.execute("select count(*) from read_parquet(?)", [[str(p) for p in scratch.batches]]).fetchall()[0][0]
    buckets = max(1, -(-total // max(1, batch_records))) if total else 0
    if not buckets:
        return 0
    con.sql(sql("assign_role_buckets"), params=[buckets]).write_parquet(
        str(scratch.roles_dir), partition_by=["bucket"], compression="lz4")
    for n, path in enumerate(scratch.batches):
        bucket = con.sql(sql("assign_bucket_of"), params=[str(path), buckets]).pl().to_series()
        scratch.redistribute(n, path, bucket)
    return buckets


def assign(scratch: Scratch, settings: Settings) -> int:
    """Every staged record's complaint and load batch, written into the scratch folder; the number of batches."""
    if not scratch.batches:
        return 0
    with scratch_database(scratch.root, settings.duckdb_memory_limit) as con:
        load_night(con, scratch.batches)
        attach_warehouse(con, settings.db_path)
        read_prior(con, settings.whatsapp_gap_minutes, settings.duplicate_window_days)
        find_roles(con, settings.whatsapp_gap_minutes)
        merge_duplicates(con, scratch, settings.duplicate_window_days, settings.duplicate_similarity)
        con.execute("detach wh")
        return write_buckets(con, scratch, settings.batch_records)
