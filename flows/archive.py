"""The raw archive: every delivered file is kept outside the analytics store, owner-only, for a set time.

Layout: `<archive_dir>/<YYYY-MM-DD of receipt>/<path in the inbox>`, folders 0700 and files 0600. A file delivered
again the same day under the same name with other content is kept beside the first as `<name>.<12 hex digits of
its SHA-256><suffix>`, so no delivered version is lost. Day folders older than the retention period are removed by
the nightly flow. Raw files hold personal data, so the archive is the only place they are kept; the warehouse has
masked text and pseudonyms only.
"""

from __future__ import annotations

import filecmp
import hashlib
import os
import shutil
from datetime import date, timedelta
from pathlib import Path


def archive_files(deliveries: list[tuple[Path, str]], archive_dir: Path, day: date) -> list[Path]:
    """Copy the delivered files ((path, path relative to the inbox) pairs) into the day's archive folder,
    owner-only. Files that already sit in the archive (a backfill read them from there) stay where they are, and a
    file the day's folder holds already with the same content is not copied again."""
    root = Path(archive_dir)
    root.mkdir(parents=True, exist_ok=True)
    os.chmod(root, 0o700)
    target_day = root / day.isoformat()
    copied = []
    for source, rel in deliveries:
        source = Path(source)
        if source.resolve().is_relative_to(root.resolve()):
            continue
        if not source.is_file():  # unreadable deliveries (broken links, folders) have nothing to keep
            continue
        target = target_day / rel
        if target.exists() and not filecmp.cmp(target, source, shallow=False):
            with open(source, "rb") as f:
                digest = hashlib.file_digest(f, "sha256").hexdigest()[:12]
            target = target.with_name(f"{target.stem}.{digest}{target.suffix}")
        if target.exists():  # this content is archived already, under its name or its hashed name
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        folder = target.parent
        while True:  # owner-only on every folder from the file up to the day folder
            os.chmod(folder, 0o700)
            if folder == target_day:
                break
            folder = folder.parent
        shutil.copyfile(source, target)
        os.chmod(target, 0o600)
        copied.append(target)
    return copied


def prune_archive(archive_dir: Path, retention_days: int, today: date) -> list[Path]:
    """Remove day folders older than `retention_days`; return what was removed."""
    root = Path(archive_dir)
    if not root.exists():
        return []
    limit = today - timedelta(days=retention_days)
    removed = []
    for folder in sorted(root.iterdir()):
        try:
            day = date.fromisoformat(folder.name)
        except ValueError:
            continue  # not ours: leave it
        if folder.is_dir() and day < limit:
            shutil.rmtree(folder)
            removed.append(folder)
    return removed
