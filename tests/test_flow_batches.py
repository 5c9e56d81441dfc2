"""A night processed in batches: the same tables as in one batch, and a crash in a later batch stores nothing.

The real flow under the session's Prefect test server, into DuckDB files on disk.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest

from awasi.sample.writer import write_inbox
from tests.test_flow_nightly import q, run

pytestmark = pytest.mark.usefixtures("prefect_backend")


def tables(db) -> dict:
    """Everything a run leaves in intake, complaints and files, without run ids and load times."""
    return {
        "intake": q(db, "select * exclude (run_id) from intake order by all"),
        "complaints": q(db, "select * exclude (run_id, loaded_at_utc) from complaints order by all"),
        "files": q(db, "select * exclude (run_id, received_at_utc) from files order by all"),
        "validations": q(db, "select suite, expectation, success, rows_evaluated, rows_failed from validations "
                             "order by all"),
    }


def run_counting(inbox, db, runner=None, **kw) -> tuple[dict, list[str]]:
    """The flow with `runner` (default: the task runner the settings choose), and the names of the tasks
    submitted to that runner (a task called directly runs in the flow's process). The runner's class is patched
    for the run, not the instance: the flow runs a duplicate, and the Dask runner's is a pickled copy."""
    from unittest import mock

    from awasi.settings import get_settings
    from flows.nightly import nightly
    from flows.runners import task_runner

    runner = runner or task_runner(get_settings())
    original = type(runner).submit
    submitted: list[str] = []

    def counting(self, task, *args, **kwargs):
        submitted.append(task.name)
        return original(self, task, *args, **kwargs)

    with mock.patch.object(type(runner), "submit", counting):
        result = nightly.with_options(task_runner=runner)(inbox=str(inbox), db=str(db), **kw)
    return result, submitted


@pytest.fixture(scope="module")
def night(tmp_path_factory):
    """An inbox run once with the default batch sizes (one batch at this size), and the tasks it submitted."""
    base = tmp_path_factory.mktemp("batches")
    manifest = write_inbox(base / "inbox", n=800, seed=5, end=date(2026, 11, 20))
    result, submitted = run_counting(base / "inbox", base / "one.duckdb")
    return base / "inbox", base / "one.duckdb", manifest, result, submitted


def test_a_small_night_runs_its_tasks_in_the_flow_process(night):
    """No more bytes than one stage batch and one load batch: nothing goes to the runner, so the default worker
    processes are never started for it."""
    _, _, manifest, result, submitted = night
    assert result["records_total"] == manifest["total_records"] == 800
    assert submitted == []


@pytest.fixture
def tiny_batches(monkeypatch):
    """Load batches of about 60 records and parse-and-stage tasks of about 20 kB of files."""
    monkeypatch.setenv("AWASI_BATCH_RECORDS", "60")
    monkeypatch.setenv("AWASI_STAGE_BATCH_BYTES", "20000")


def test_a_night_in_many_batches_gives_the_same_tables_as_one_batch(night, tmp_path, tiny_batches):
    inbox, one_db, manifest, one, _ = night
    assert one["merged"] > 0  # repeats, conversations, replies and duplicates exist and may cross batches
    many, submitted = run_counting(inbox, tmp_path / "many.duckdb")
    assert "parse-and-stage" in submitted and "classify" in submitted  # a larger night uses the runner's workers
    assert many["records_total"] == one["records_total"] == manifest["total_records"]
    assert {k: many[k] for k in ("accepted", "merged", "quarantined", "complaints_new", "message")} == \
        {k: one[k] for k in ("accepted", "merged", "quarantined", "complaints_new", "message")}
    assert tables(tmp_path / "many.duckdb") == tables(one_db)
    # every record received is exactly one intake row
    assert q(tmp_path / "many.duckdb", "select count(*), count(distinct record_id) from intake")[0] == \
        (manifest["total_records"],) * 2


def test_a_crash_in_a_later_batch_leaves_the_warehouse_unchanged(night, tmp_path, tiny_batches, monkeypatch):
    inbox, one_db, _, _, _ = night
    db = tmp_path / "w.duckdb"
    # Threads instead of worker processes: the transaction is the point here, and processes cost ~20 s to start.
    monkeypatch.setenv("AWASI_TASK_RUNNER", "threads")
    with pytest.raises(RuntimeError, match="complaints:3"):
        run(inbox, db, fail_after="complaints:3")  # batches 1 and 2 were written into the open transaction
    assert q(db, "select count(*) from intake")[0][0] == 0
    assert q(db, "select count(*) from complaints")[0][0] == 0
    assert q(db, "select count(*) from files")[0][0] == 0
    assert q(db, "select outcome from runs") == [("failed",)]
    # the scratch folder (and the load's Parquet files in it) is gone
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".w.")]
    for name in ("AWASI_BATCH_RECORDS", "AWASI_STAGE_BATCH_BYTES"):  # run again as a normal night: one batch
        monkeypatch.delenv(name)
    again = run(inbox, db)
    assert again["outcome"] in ("completed", "partial")
    assert tables(db) == tables(one_db)


def test_stage_batches_group_small_partitions_of_one_channel_and_split_large_ones():
    from flows.inbox import InboxFile, stage_batches

    def f(channel, name, size):
        return InboxFile(channel, Path(f"/in/{channel}/{name}"), f"{channel}/{name}", datetime(2026, 11, 1), size)

    partitions = {
        ("email", "2026-11-01"): [f("email", "a", 10), f("email", "b", 10)],
        ("email", "2026-11-02"): [f("email", "c", 10)],
        ("lapor", "2026-11-01"): [f("lapor", "x", 50), f("lapor", "y", 50), f("lapor", "z", 50)],
        ("whatsapp", "2026-11-01"): [f("whatsapp", "w", 500)],
    }
    batches = stage_batches(partitions, max_bytes=100)
    assert [(b.channel, [(d, [x.relative for x in fs]) for d, fs in b.parts]) for b in batches] == [
        ("email", [("2026-11-01", ["email/a", "email/b"]), ("2026-11-02", ["email/c"])]),
        ("lapor", [("2026-11-01", ["lapor/x", "lapor/y"])]),
        ("lapor", [("2026-11-01", ["lapor/z"])]),
        ("whatsapp", [("2026-11-01", ["whatsapp/w"])]),  # a file larger than a batch is a batch of its own
    ]
    assert batches[0].label == "email-2026-11-01..2026-11-02" and batches[0].files == 3
