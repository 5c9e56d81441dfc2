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


def test_a_name_delivered_again_with_other_content_keeps_both_versions(tmp_path):
    # e.g. a monthly export re-delivered corrected the same day: the first version was overwritten before.
    inbox, archive, day = tmp_path / "inbox", tmp_path / "archive", date(2026, 12, 6)
    (inbox / "lapor").mkdir(parents=True)
    delivery = inbox / "lapor" / "lapor-2026-12.jsonl"
    delivery.write_text('{"tracking_id": "1"}\n')
    archive_files([(delivery, "lapor/lapor-2026-12.jsonl")], archive, day)
    delivery.write_text('{"tracking_id": "2"}\n')
    second = archive_files([(delivery, "lapor/lapor-2026-12.jsonl")], archive, day)
    again = archive_files([(delivery, "lapor/lapor-2026-12.jsonl")], archive, day)  # the same bytes once more
    kept = {p.name: p.read_text() for p in (archive / "2026-12-06" / "lapor").iterdir()}
    assert len(kept) == 2 and kept["lapor-2026-12.jsonl"] == '{"tracking_id": "1"}\n'
    assert second[0].name.startswith("lapor-2026-12.") and second[0].suffix == ".jsonl"
    assert second[0].read_text() == '{"tracking_id": "2"}\n' and mode(second[0]) == 0o600
    assert again == []
