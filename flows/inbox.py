"""Reading the inbox: one sub-folder per channel, files as delivered."""

from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass
from pathlib import Path

IGNORED_NAMES = {"manifest.json", "README.md", "README.txt"}


@dataclass(frozen=True)
class InboxFile:
    channel: str          # the sub-folder name (may be an unknown channel)
    path: Path
    relative: str         # path relative to the inbox, with forward slashes


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
                found.append(InboxFile(rel.parts[0], path, rel.as_posix()))
            continue
        if len(rel.parts) == 1:
            if rel.name in IGNORED_NAMES:
                continue
            found.append(InboxFile("(root)", path, rel.as_posix()))
        else:
            found.append(InboxFile(rel.parts[0], path, rel.as_posix()))
    return found


def read_with_retries(path: Path, attempts: int = 3, first_delay: float = 0.2) -> tuple[bytes | None, str | None]:
    """The file's bytes, or None and the last error after `attempts` tries with doubling back-off."""
    delay = first_delay
    error = None
    for attempt in range(1, attempts + 1):
        try:
            return path.read_bytes(), None
        except OSError as exc:
            error = f"{type(exc).__name__}: {exc.strerror or exc}"
            if attempt < attempts:
                time.sleep(delay)
                delay *= 2
    return None, error


def file_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
