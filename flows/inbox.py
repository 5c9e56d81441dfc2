"""Reading the inbox: one sub-folder per channel, files as delivered.

A run reads only what is new: a file is skipped without being read when it is older than its channel's
watermark (the newest modification time any earlier run took from that channel) and the ledger already
holds a file of that path and size. Everything else is read and hashed; a content hash already in the
ledger is a re-delivery and is skipped too. Work is partitioned by channel and day of delivery, so
partitions can be parsed in parallel (threads, or a Dask cluster).
"""

from __future__ import annotations

import hashlib
import os
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

IGNORED_NAMES = {"manifest.json", "README.md", "README.txt"}


@dataclass(frozen=True)
class InboxFile:
    channel: str          # the sub-folder name (may be an unknown channel)
    path: Path
    relative: str         # path relative to the inbox, with forward slashes, as valid text (see text_name)
    modified: datetime | None = None   # modification time, naive UTC (None when it cannot be read)
    size: int | None = None


@dataclass
class Ledger:
    """What earlier runs took: content hashes, (path, size) pairs and each channel's watermark."""

    hashes: set[str] = field(default_factory=set)
    paths: set[tuple[str, int]] = field(default_factory=set)
    watermarks: dict[str, datetime] = field(default_factory=dict)  # channel -> naive UTC modification time


def text_name(name: str) -> str:
    """A file name as valid text: bytes that are not UTF-8 (kept by Python as surrogate escapes, which cannot be
    stored) are written as `\\xNN`, e.g. `laporan-caf\\xe9.jsonl`. The same name always gives the same text, and
    a UTF-8 name is unchanged, so the ledger recognises the file night after night (the raw archive keeps it
    under this text name, so a backfill reads it under the same name)."""
    return os.fsencode(name).decode("utf-8", "backslashreplace")


def _inbox_file(channel: str, path: Path, relative: str) -> InboxFile:
    channel, relative = text_name(channel), text_name(relative)
    try:
        st = path.stat()
    except OSError:  # a broken link: listed, read later, quarantined as unreadable
        return InboxFile(channel, path, relative)
    modified = datetime.fromtimestamp(st.st_mtime, timezone.utc).replace(tzinfo=None)
    return InboxFile(channel, path, relative, modified, st.st_size if path.is_file() else None)


def discover(inbox: Path) -> list[InboxFile]:
    """Every file below the inbox, in a stable order. Hidden files and the manifest are skipped.

    Files directly in the inbox root belong to no channel and are reported as channel '(root)'.
    Broken symbolic links are listed too: they are deliveries that cannot be read.
    """
    inbox = Path(inbox)
    if not inbox.is_dir():
        raise FileNotFoundError(f"inbox folder not found: {inbox}")
    found = []
    for path in sorted(inbox.rglob("*")):
        rel = path.relative_to(inbox)
        if any(part.startswith(".") for part in rel.parts):
            continue
        if path.is_dir() and not path.is_symlink():
            if len(rel.parts) == 1:
                continue
            # a directory where a file should be (e.g. "lapor/x.jsonl/") cannot be read as a file
            if path.suffix:
                found.append(_inbox_file(rel.parts[0], path, rel.as_posix()))
            continue
        if len(rel.parts) == 1:
            if rel.name in IGNORED_NAMES:
                continue
            found.append(_inbox_file("(root)", path, rel.as_posix()))
        else:
            found.append(_inbox_file(rel.parts[0], path, rel.as_posix()))
    return found


def discover_archive(archive_dir: Path, start: date, end: date) -> list[InboxFile]:
    """Files kept in the raw archive for the days of receipt start..end (layout `<day>/<inbox path>`)."""
    root = Path(archive_dir)
    found = []
    if not root.is_dir():
        return found
    for day_dir in sorted(root.iterdir()):
        try:
            day = date.fromisoformat(day_dir.name)
        except ValueError:
            continue
        if start <= day <= end and day_dir.is_dir():
            found.extend(discover(day_dir))
    return found


def unchanged(f: InboxFile, ledger: Ledger) -> bool:
    """True when the file can be skipped without reading: not newer than its channel's watermark and a file
    of the same path and size was taken before."""
    mark = ledger.watermarks.get(f.channel)
    return (f.modified is not None and f.size is not None and mark is not None and f.modified <= mark
            and (f.relative, f.size) in ledger.paths)


def delivery_day(f: InboxFile, tz: str) -> date | None:
    if f.modified is None:
        return None
    return f.modified.replace(tzinfo=timezone.utc).astimezone(ZoneInfo(tz)).date()


def partition(files: list[InboxFile], tz: str) -> dict[tuple[str, str], list[InboxFile]]:
    """Files grouped by (channel, local day of delivery), in a stable order."""
    parts: dict[tuple[str, str], list[InboxFile]] = {}
    for f in files:
        day = delivery_day(f, tz)
        parts.setdefault((f.channel, day.isoformat() if day else "undated"), []).append(f)
    return dict(sorted(parts.items()))


def read_with_retries(path: Path, attempts: int = 3, first_delay: float = 0.2,
                      known_failure: Callable[[str], bool] | None = None) -> tuple[bytes | None, str | None]:
    """The file's bytes, or None and the last error after `attempts` tries with doubling back-off. A failure
    for which `known_failure(error)` is true (reported by an earlier run) is not retried."""
    delay = first_delay
    error = None
    for attempt in range(1, attempts + 1):
        try:
            return path.read_bytes(), None
        except OSError as exc:
            error = f"{type(exc).__name__}: {exc.strerror or exc}"
            if known_failure is not None and known_failure(error):
                break
            if attempt < attempts:
                time.sleep(delay)
                delay *= 2
    return None, error


def file_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def misplaced_hash(content_hash: str) -> str:
    """The ledger's key for a file no parser reads where it lies (an unknown channel folder or file type): not its
    content hash, so that moved where it fits, the same bytes are read as new, while left where it is, it is
    skipped as received (`flows/sql/resolve_misplaced.sql` then drops its quarantine row)."""
    return file_hash(f"misplaced:{content_hash}".encode())


@dataclass
class StageBatch:
    """The work of one parse-and-stage task: files of one channel, from one or more consecutive delivery days.

    Small partitions (channel x day) share a task, so the fixed cost of a task and of staging is paid once;
    a large partition is split by files. A batch never mixes channels, so a failing channel fails alone.
    """

    channel: str
    parts: list[tuple[str, list[InboxFile]]]   # (day, files) in partition order

    @property
    def bytes(self) -> int:
        return sum(f.size or 0 for _, files in self.parts for f in files)

    @property
    def label(self) -> str:
        days = [d for d, _ in self.parts]
        return f"{self.channel}-{days[0]}" + (f"..{days[-1]}" if len(days) > 1 else "")

    @property
    def files(self) -> int:
        return sum(len(fs) for _, fs in self.parts)


def stage_batches(partitions: dict[tuple[str, str], list[InboxFile]], max_bytes: int) -> list[StageBatch]:
    """Group partitions (in their order) into batches of one channel holding about `max_bytes` of files."""
    batches: list[StageBatch] = []
    current: StageBatch | None = None
    size = 0
    for (channel, day), files in partitions.items():
        for f in files:
            fsize = f.size or 0
            if current is None or current.channel != channel or (size and size + fsize > max_bytes):
                current, size = StageBatch(channel, []), 0
                batches.append(current)
            if not current.parts or current.parts[-1][0] != day:
                current.parts.append((day, []))
            current.parts[-1][1].append(f)
            size += fsize
    return batches
