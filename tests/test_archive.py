import os
import stat
from datetime import date

from flows.archive import archive_files, prune_archive


def mode(p):
    return stat.S_IMODE(os.stat(p).st_mode)


def test_raw_files_are_archived_owner_only_and_expire(tmp_path):
    inbox = tmp_path / "inbox"
    (inbox / "lapor").mkdir(parents=True)
    (inbox / "lapor" / "a.jsonl").write_text('{"tracking_id": "1"}')
    os.symlink("nowhere", inbox / "lapor" / "broken.jsonl")
    archive = tmp_path / "archive"
    copied = archive_files([(inbox / r, r) for r in ["lapor/a.jsonl", "lapor/broken.jsonl"]], archive, date(2026, 11, 22))
    assert copied == [archive / "2026-11-22" / "lapor" / "a.jsonl"]
    assert copied[0].read_text() == '{"tracking_id": "1"}'
    assert mode(copied[0]) == 0o600
    assert mode(archive) == mode(archive / "2026-11-22") == mode(archive / "2026-11-22" / "lapor") == 0o700
    archive_files([(inbox / "lapor/a.jsonl", "lapor/a.jsonl")], archive, date(2025, 11, 1))
    (archive / "catatan-operator").mkdir()
    removed = prune_archive(archive, retention_days=365, today=date(2026, 11, 22))
    assert removed == [archive / "2025-11-01"]
    assert (archive / "2026-11-22").exists() and (archive / "catatan-operator").exists()
