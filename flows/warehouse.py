"""DuckDB I/O for the nightly flow: schema, the state a run needs to read, and the one load transaction.

Only this module (and the dashboard's read-only access) opens the warehouse file. SQL lives in
`flows/sql/*.sql`; nothing here builds SQL from user input.
"""

from __future__ import annotations

import json
import os
import shutil
import threading
import uuid
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

import duckdb
import polars as pl

from flows import marts
from flows.inbox import Ledger, misplaced_hash
from flows.sqlfiles import sql, statements


def side_folder(db_path: Path, label: str) -> Path:
    """An owner-only working folder beside the warehouse, `.<warehouse name>.<label>` (the same disk, so files
    move and spill there cheaply); created if missing. Its user removes it."""
    db = Path(db_path)
    path = db.with_name(f".{db.stem}.{label}")
    path.mkdir(parents=True, exist_ok=True)
    os.chmod(path, 0o700)
    return path


class WarehouseBusy(RuntimeError):
    """Another process holds the DuckDB file."""


def _open(path: Path, read_only: bool) -> duckdb.DuckDBPyConnection:
    try:
        con = duckdb.connect(str(path), read_only=read_only)
        con.execute("set enable_progress_bar = false")  # an unattended run writes logs, not progress bars
    except duckdb.IOException as exc:
        if "lock" in str(exc).lower():
            raise WarehouseBusy(
                f"the warehouse {path} is in use by another process; wait for it to finish and run again "
                f"({str(exc).splitlines()[0]})"
            ) from exc
        raise
    return con


@contextmanager
def connect(db_path: Path | str, read_only: bool = False, memory_limit: str | None = None):
    """The warehouse file; with `memory_limit` (a setting such as '512MB'), DuckDB spills to disk beyond it."""
    path = Path(db_path)
    if not read_only:
        path.parent.mkdir(parents=True, exist_ok=True)
    con = _open(path, read_only)
    try:
        if memory_limit:
            con.execute("set memory_limit = ?", [memory_limit])
        yield con
    finally:
        con.close()


def ensure_schema(con) -> None:
    con.execute(sql("schema"))


def read_ledger(db_path: Path) -> Ledger:
    """The files earlier runs took (hashes, paths with sizes) and each channel's watermark."""
    ledger = Ledger()
    if not Path(db_path).exists():
        return ledger
    with connect(db_path) as con:
        ensure_schema(con)
        for fhash, path, size in con.execute("select file_hash, source_file, size_bytes from files").fetchall():
            ledger.hashes.add(fhash)
            if size is not None:
                ledger.paths.add((path, size))
        ledger.watermarks = dict(con.execute("select channel, modified_at_utc from watermarks").fetchall())
    return ledger


def read_existing_records(db_path: Path, record_ids: list[str]) -> set[str]:
    """Which of these record ids already have an intake row (a backfill leaves those alone)."""
    if not record_ids or not Path(db_path).exists():
        return set()
    with connect(db_path) as con:
        ensure_schema(con)
        con.register("batch_records", pl.DataFrame({"record_id": record_ids}).to_arrow())
        found = {r[0] for r in con.execute(sql("existing_records")).fetchall()}
        con.unregister("batch_records")
    return found


def read_quarantined(db_path: Path) -> pl.DataFrame:
    """record_id and file_hash of every record still in quarantine, and whether it is superseded: taken in later
    from another file (sql/quarantine_marked.sql, as `awasi quarantine list` marks it)."""
    empty = pl.DataFrame(schema={"record_id": pl.String, "file_hash": pl.String, "superseded": pl.Boolean})
    if not Path(db_path).exists():
        return empty
    with connect(db_path) as con:
        ensure_schema(con)
        con.execute(sql("quarantine_marked"))
        return con.sql("select record_id, file_hash, superseded_by is not null as superseded "
                       "from quarantine_marked(null, null)").pl()


def read_volume_history(db_path: Path, runs: int = 14) -> list[dict[str, int]]:
    """Records per channel of the last `runs` runs that received new files and did not fail."""
    if not Path(db_path).exists():
        return []
    with connect(db_path) as con:
        ensure_schema(con)
        rows = con.execute(sql("volume_history"), [runs]).fetchall()
    history = []
    for (counts,) in rows:
        per_channel = json.loads(counts) if isinstance(counts, str) else (counts or {})
        history.append({ch: sum(v.values()) for ch, v in per_channel.items()})
    return history


@dataclass
class RunLoad:
    """What a run writes after its batches: the files it took, its validations and its run row."""

    run_id: str
    files: pl.DataFrame
    validations: pl.DataFrame
    run_row: dict
    watermarks: pl.DataFrame | None = None   # channel, modified_at_utc of the files this run took


class RunWriter:
    """The one load transaction of a run, open while the night's batches are added; all of it or nothing.

    `add_batch` writes one batch's intake and complaint rows and applies its updates to complaints of earlier
    runs; `finish` writes the files, validations and run row and commits. Leaving the context without
    `finish` (any exception, a kill) rolls everything back.
    `replace_intake` (quarantine retry) replaces the intake rows of records received before.
    `fail_after` names a step after which to raise: `files`, `intake`, `complaints` or `validations` (the first
    time it is written), or `intake:N` / `complaints:N` (in batch N, from 1); tests use it to prove a crash
    leaves the warehouse as it was.
    """

    def __init__(self, db_path: Path, fail_after: str | None = None, replace_intake: bool = False,
                 memory_limit: str | None = None, spill_dir: Path | None = None):
        self.db_path, self.fail_after, self.replace_intake = db_path, fail_after, replace_intake
        self.memory_limit = memory_limit
        self.spill_dir = Path(spill_dir) if spill_dir else side_folder(db_path, f"load-{uuid.uuid4().hex[:8]}")
        self.batches = 0
        self._cm = None
        self.con = None

    def __enter__(self):
        self._cm = connect(self.db_path, memory_limit=self.memory_limit)
        self.con = self._cm.__enter__()
        try:
            ensure_schema(self.con)
            self.con.execute("set preserve_insertion_order = false")
            self.con.execute("begin transaction")
        except BaseException as exc:
            self._cm.__exit__(type(exc), exc, exc.__traceback__)
            raise
        return self

    def __exit__(self, exc_type, exc, tb):
        try:
            if self.con is not None and exc_type is not None:
                self.con.execute("rollback")
        finally:
            self._cm.__exit__(exc_type, exc, tb)
            self.con = None
            shutil.rmtree(self.spill_dir, ignore_errors=True)
        return False

    def _check(self, step: str) -> None:
        if self.fail_after in (step, f"{step}:{self.batches}"):
            raise RuntimeError(f"simulated crash after loading {self.fail_after}")

    def _spill(self, name: str, frame: pl.DataFrame) -> Path:
        """Write a frame for DuckDB to read as a Parquet file, not as a registered Arrow table: in this DuckDB,
        memory taken by scanning registered Arrow data stays with the connection until it closes, so a night's
        load grew by the whole night (bench/RESULTS.md); a Parquet scan stays within the connection's memory
        limit. The caller removes the file once read."""
        self.spill_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
        path = self.spill_dir / f"{name}-{self.batches:05d}.parquet"
        frame.write_parquet(path, compression="lz4")
        return path

    def _insert(self, name: str, frame: pl.DataFrame) -> None:
        if frame.height:
            path = self._spill(name, frame)
            cols = ", ".join(frame.columns)
            verb = "insert or replace" if (self.replace_intake and name == "intake") else "insert"
            self.con.execute(f"{verb} into {name} ({cols}) select {cols} from read_parquet(?)",  # names from code
                             [str(path)])
            path.unlink()
        self._check(name)

    def add_batch(self, intake: pl.DataFrame, complaints: pl.DataFrame, updates: pl.DataFrame) -> None:
        self.batches += 1
        self._insert("intake", intake)
        self._insert("complaints", complaints)
        if updates.height:
            path = self._spill("updates", updates)
            self.con.execute(sql("apply_updates"), [str(path)])
            path.unlink()

    def finish(self, load: RunLoad) -> None:
        con = self.con
        self._insert("files", load.files)
        self._insert("validations", load.validations)
        if load.files.height:
            misplaced_as = pl.Series([misplaced_hash(h) for h in load.files["file_hash"].to_list()], dtype=pl.String)
            con.register("run_files", load.files.select("source_file", "size_bytes")
                         .with_columns(misplaced_as=misplaced_as).to_arrow())
            for name in ("resolve_unreadable", "resolve_misplaced"):
                for statement in statements(name):
                    con.execute(statement, {"run_id": load.run_id})
            con.unregister("run_files")
        if load.watermarks is not None and load.watermarks.height:
            con.register("run_marks", load.watermarks.to_arrow())
            con.execute(sql("advance_watermarks"), [load.run_id, datetime.now(timezone.utc).replace(tzinfo=None)])
            con.unregister("run_marks")
        insert_run(con, load.run_row)
        con.execute("commit")


def insert_run(con, row: dict) -> None:
    row = dict(row)
    row["counts"] = json.dumps(row.get("counts") or {})
    row["alerts"] = json.dumps(row.get("alerts") or [], ensure_ascii=False)
    if "stage_seconds" in row:
        row["stage_seconds"] = json.dumps(row["stage_seconds"])
    cols = list(row)
    con.execute(
        f"insert or replace into runs ({', '.join(cols)}) values ({', '.join('?' for _ in cols)})",
        [row[c] for c in cols],
    )


def mark_run(db_path: Path, run_id: str, outcome: str, message: str) -> None:
    with connect(db_path) as con:
        con.execute("update runs set outcome = ?, message = ? where run_id = ?", [outcome, message, run_id])


def record_failed_run(db_path: Path, row: dict) -> None:
    """Record a failed run in its own small transaction, so the failure is visible in `runs`."""
    try:
        with connect(db_path) as con:
            ensure_schema(con)
            insert_run(con, row)
    except WarehouseBusy:
        pass  # the failure is still raised to the caller and shown in the Prefect run


# ----------------------------------------------------------------------------- readers, snapshots, corrections

def corrections_path(db_path: Path) -> Path:
    p = Path(db_path)
    return p.with_name(p.stem + ".corrections.duckdb")


def snapshots_dir(db_path: Path) -> Path:
    p = Path(db_path)
    return p.with_name(p.stem + ".snapshots")


def ensure_corrections(db_path: Path) -> Path:
    path = corrections_path(db_path)
    with connect(path) as con:
        con.execute(sql("corrections"))
    return path


def publish_snapshot(db_path: Path, run_id: str, keep: int = 2) -> Path:
    """Copy the warehouse (closed, consistent) to a new snapshot, add the readers' marts (`flows/marts.py`)
    and point CURRENT at it atomically.

    Readers (dashboard, exports) open the CURRENT snapshot read-only, so they never hold a lock on the
    warehouse and never see half of a run. The last `keep` snapshots are kept for readers still open.
    """
    import os
    import shutil

    folder = snapshots_dir(db_path)
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{run_id}.duckdb"
    tmp = folder / f".{run_id}.duckdb.tmp"
    shutil.copyfile(db_path, tmp)
    with connect(tmp) as con:
        marts.build(con)
    os.replace(tmp, target)
    pointer_tmp = folder / ".CURRENT.tmp"
    pointer_tmp.write_text(target.name, encoding="utf-8")
    os.replace(pointer_tmp, folder / "CURRENT")
    for old in sorted(folder.glob("*.duckdb"))[:-keep]:
        if old != target:
            old.unlink(missing_ok=True)
    return target


def current_source(db_path: Path) -> Path:
    """The file readers should open: the CURRENT snapshot when one exists, else the warehouse itself."""
    pointer = snapshots_dir(db_path) / "CURRENT"
    if pointer.exists():
        snap = pointer.parent / pointer.read_text(encoding="utf-8").strip()
        if snap.exists():
            return snap
    return Path(db_path)


# DuckDB shares one database instance among the connections a process opens on the same file, and an attached
# database has one name in that instance: two threads (two dashboard sessions) each attaching the corrections
# database would collide ("database with name corr already exists"). Readers in one process therefore take
# turns; each query is short and DuckDB already uses every core for it.
_READERS = threading.Lock()
_OPEN_READERS_MAX = 4  # snapshots kept open per process (a dashboard reads one; tests open many)


def _file_version(path: Path) -> tuple:
    """What changes when a DuckDB file is written: the file and its write-ahead log."""
    out = []
    for p in (path, path.with_name(path.name + ".wal")):
        try:
            st = p.stat()
            out.append((st.st_ino, st.st_mtime_ns, st.st_size))
        except FileNotFoundError:
            out.append(None)
    return tuple(out)


@dataclass
class _Reader:
    """A read-only connection to one published snapshot, kept open between queries (opening a snapshot, its
    views and its corrections costs ~20 ms a query; kept open, DuckDB's cache also stays warm)."""
    source: Path
    version: tuple
    con: duckdb.DuckDBPyConnection
    corrections_version: tuple | None = None

    @classmethod
    def open(cls, source: Path) -> "_Reader":
        con = _open(source, read_only=True)
        try:
            marts.ensure(con, source)
        except BaseException:
            con.close()
            raise
        return cls(source, _file_version(source), con)

    def refresh_corrections(self, corr: Path) -> None:
        """Copy the analysts' latest corrections in when the corrections file changed since the last copy."""
        version = _file_version(corr)
        if version == self.corrections_version:
            return
        try:
            self.con.execute("attach ? as corr (read_only)", [str(corr)])
        except duckdb.IOException as exc:
            if "lock" not in str(exc).lower():
                raise
            if self.corrections_version is not None:
                return  # an analyst's correction is being written this instant: use the copy read before
            raise WarehouseBusy(f"the corrections store {corr} is being written; try again "
                                f"({str(exc).splitlines()[0]})") from exc
        try:
            for statement in statements("latest_corrections"):
                self.con.execute(statement)
        finally:
            self.con.execute("detach corr")
        if self.corrections_version is None:
            for statement in statements("effective_views"):
                self.con.execute(statement)
        self.corrections_version = version


_OPEN_READERS: dict[str, _Reader] = {}  # db path -> reader of its current snapshot, most recently used last


def _reader_key(db_path: Path) -> str:
    return str(Path(db_path).resolve())


def _reader(db_path: Path, source: Path) -> _Reader:
    key = _reader_key(db_path)
    reader = _OPEN_READERS.pop(key, None)
    if reader is not None and (reader.source != source or reader.version != _file_version(source)):
        reader.con.close()  # a newer snapshot was published (or the file was replaced)
        reader = None
    if reader is None:
        reader = _Reader.open(source)
    _OPEN_READERS[key] = reader
    while len(_OPEN_READERS) > _OPEN_READERS_MAX:
        _OPEN_READERS.pop(next(iter(_OPEN_READERS))).con.close()
    return reader


def close_readers() -> None:
    """Close every kept reader connection of this process."""
    with _READERS:
        while _OPEN_READERS:
            _OPEN_READERS.popitem()[1].con.close()


@contextmanager
def analytics(db_path: Path):
    """A read-only connection for counts and exports: latest snapshot + analysts' corrections.

    Provides the temp views `complaints_effective` and `facts_effective` (the mart `complaint_facts`), both
    with the analysts' corrections applied. A published snapshot never changes, so its connection is kept open
    for the next query; the warehouse itself (read only before the first publication) is opened per query, as
    the nightly writer of this same process may need it.
    """
    with _READERS:
        source = current_source(db_path)  # resolved in turn: a snapshot seen earlier may be pruned by now
        if not source.exists():
            raise FileNotFoundError(f"warehouse not found: {db_path}")
        corr = corrections_path(db_path)
        if not corr.exists():
            ensure_corrections(db_path)
        kept = source != Path(db_path)
        reader = _reader(db_path, source) if kept else _Reader.open(source)
        try:
            reader.refresh_corrections(corr)
            yield reader.con
        except duckdb.Error:
            if kept:  # a failed query leaves the connection usable, but do not keep one in an unknown state
                _OPEN_READERS.pop(_reader_key(db_path), None)
                reader.con.close()
            raise
        finally:
            if not kept:
                reader.con.close()
