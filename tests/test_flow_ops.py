"""Operating the nightly flow: incremental runs, backfill, failing channels, a killed run, the task runners.

Every test runs the real flow under the session's Prefect test server into DuckDB files on disk. The
deliveries are two sets of sample files: set A (delivered on 19 November) and set B (delivered on 20 November).
"""

from __future__ import annotations

import os
import pathlib
import shutil
import signal
import subprocess
import sys
from datetime import date, datetime
from zoneinfo import ZoneInfo

import duckdb
import pytest

from awasi.sample.writer import write_inbox

pytestmark = pytest.mark.usefixtures("prefect_backend")

JAKARTA = ZoneInfo("Asia/Jakarta")
DAY_A, DAY_B = date(2026, 11, 19), date(2026, 11, 20)


def q(db, sql, *params):
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(sql, list(params)).fetchall()


def tables(db) -> dict:
    """What a run leaves, without run ids and load times."""
    return {
        "complaints": q(db, "select complaint_id, channel, source_ref, received_at_utc, last_message_at_utc, "
                            "reporter_pseudonym, agency, regency, text, category, confidence, status from complaints "
                            "order by all"),
        "intake": q(db, "select record_id, channel, source_file, position, fate, complaint_id, reason_code "
                        "from intake order by all"),
        "files": q(db, "select file_hash, channel, source_file, size_bytes, records from files order by all"),
    }


def deliver(files: list[tuple[pathlib.Path, str]], inbox: pathlib.Path, day: date) -> None:
    """Copy (source, relative path) files into the inbox, modified at noon (Jakarta) of `day`."""
    stamp = datetime(day.year, day.month, day.day, 12, tzinfo=JAKARTA).timestamp()
    for source, rel in files:
        target = inbox / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)
        os.utime(target, (stamp, stamp))


@pytest.fixture(scope="module")
def sets(tmp_path_factory):
    """Sample deliveries split per channel: the first two thirds of each channel's files are A, the rest B."""
    base = tmp_path_factory.mktemp("deliveries")
    manifest = write_inbox(base / "all", n=500, seed=21, end=DAY_B)
    a, b = [], []
    for channel in ("lapor", "whatsapp", "email", "callcenter"):
        files = sorted(p for p in (base / "all" / channel).iterdir() if p.is_file())
        cut = (2 * len(files)) // 3
        a += [(p, f"{channel}/{p.name}") for p in files[:cut]]
        b += [(p, f"{channel}/{p.name}") for p in files[cut:]]
    return a, b, manifest


def run(inbox, db, **kw):
    """The flow with the task runner the settings (environment) choose: the default worker processes, or
    threads where a test patches code of this process (`in_process`)."""
    from awasi.settings import get_settings
    from flows.nightly import run_nightly

    return run_nightly(get_settings(inbox=inbox, db_path=db), **kw)


@pytest.fixture
def in_process(monkeypatch):
    """Tasks on threads of this process, so that what a test patches here is what the tasks run."""
    monkeypatch.setenv("AWASI_TASK_RUNNER", "threads")


@pytest.fixture
def archive(tmp_path, monkeypatch):
    monkeypatch.setenv("AWASI_ARCHIVE_DIR", str(tmp_path / "archive"))
    return tmp_path / "archive"


@pytest.fixture
def reads(monkeypatch, in_process):
    """The paths the flow reads, in order."""
    from flows import inbox as inbox_io

    seen: list[str] = []
    original = inbox_io.read_with_retries

    def recording(path, *args, **kwargs):
        seen.append(pathlib.Path(path).as_posix())
        return original(path, *args, **kwargs)

    monkeypatch.setattr(inbox_io, "read_with_retries", recording)
    return seen


def after_night_a(a, tmp_path):
    """A fresh inbox and warehouse that took delivery A."""
    inbox, db = tmp_path / "inbox", tmp_path / "w.duckdb"
    deliver(a, inbox, DAY_A)
    run(inbox, db)
    return inbox, db


@pytest.fixture(scope="module")
def reference(sets, tmp_path_factory):
    """A warehouse that took A one night and B the next, with nothing going wrong."""
    a, b, _ = sets
    base = tmp_path_factory.mktemp("reference")
    deliver(a, base / "inbox", DAY_A)
    first = run(base / "inbox", base / "w.duckdb")
    deliver(b, base / "inbox", DAY_B)
    second = run(base / "inbox", base / "w.duckdb")
    return base / "w.duckdb", first, second


def test_second_run_reads_only_the_files_that_arrived_since(sets, tmp_path, archive, reads):
    a, b, _ = sets
    inbox, db = tmp_path / "inbox", tmp_path / "w.duckdb"
    deliver(a, inbox, DAY_A)
    first = run(inbox, db)
    assert first["outcome"] == "completed" and first["files_new"] == len(a)
    assert len(reads) == len(a)
    watermarks = dict(q(db, "select channel, modified_at_utc from watermarks"))
    assert set(watermarks) == {"lapor", "whatsapp", "email", "callcenter"}

    reads.clear()
    deliver(b, inbox, DAY_B)
    second = run(inbox, db)
    assert sorted(reads) == sorted((inbox / rel).as_posix() for _, rel in b)  # A was not even opened
    assert (second["files_new"], second["files_skipped"]) == (len(b), len(a))
    assert q(db, "select count(*) from intake")[0][0] == second["records_total"] + first["records_total"]

    reads.clear()
    third = run(inbox, db)  # nothing new: nothing read, nothing added
    assert reads == [] and third["files_new"] == 0 and third["records_total"] == 0
    # a file delivered again under another name is read (it is new to the ledger) but skipped by its content
    source, rel = a[0]
    deliver([(source, rel.replace("/", "/ulang-"))], inbox, DAY_B)
    reads.clear()
    fourth = run(inbox, db)
    assert len(reads) == 1 and fourth["files_new"] == 0 and fourth["records_total"] == 0


def test_backfill_takes_a_window_and_is_idempotent(reference, sets, tmp_path, archive, reads):
    ref_db, _, _ = reference
    a, b, _ = sets
    inbox, db = after_night_a(a, tmp_path)
    deliver(b, inbox, DAY_B)
    reads.clear()
    result = run(inbox, db, backfill_from=DAY_B, backfill_to=DAY_B)
    assert sorted(reads) == sorted((inbox / rel).as_posix() for _, rel in b)  # only the window's deliveries
    assert result["outcome"] == "completed" and result["files_new"] == len(b)
    assert tables(db) == tables(ref_db)

    again = run(inbox, db, backfill_from=DAY_A, backfill_to=DAY_B)  # the whole range, twice over
    assert again["records_total"] == 0 and again["files_new"] == 0
    assert "sudah ada di gudang data" in again["message"]
    assert tables(db) == tables(ref_db)
    reads.clear()
    assert run(inbox, db)["files_new"] == 0 and reads == []  # the nightly run after it finds nothing new


def test_backfill_restores_a_lost_night_from_the_raw_archive(reference, sets, tmp_path, archive):
    """The warehouse is restored from a backup taken before night B, and the inbox was cleared since."""
    ref_db, _, _ = reference
    a, b, _ = sets
    inbox, db = after_night_a(a, tmp_path)
    shutil.copyfile(db, tmp_path / "backup.duckdb")
    deliver(b, inbox, DAY_B)
    run(inbox, db)
    shutil.rmtree(inbox)
    inbox.mkdir()
    shutil.copyfile(tmp_path / "backup.duckdb", db)
    today = datetime.now(JAKARTA).date()  # the archive keeps files under the local day they were received
    result = run(inbox, db, backfill_from=today, backfill_to=today)
    assert result["files_new"] == len(b)
    assert tables(db) == tables(ref_db)


@pytest.fixture
def failing_reads(monkeypatch, in_process):
    """Reads of WhatsApp files fail with an I/O error (`state['healthy_after']` attempts, None: always)."""
    state = {"attempts": {}, "healthy_after": None}
    original = pathlib.Path.read_bytes

    def read_bytes(self):
        if "/whatsapp/" in self.as_posix():
            n = state["attempts"][self.name] = state["attempts"].get(self.name, 0) + 1
            if state["healthy_after"] is None or n <= state["healthy_after"]:
                raise OSError(5, "Input/output error")
        return original(self)

    monkeypatch.setattr(pathlib.Path, "read_bytes", read_bytes)
    monkeypatch.setenv("AWASI_READ_RETRY_DELAY_S", "0.01")
    return state


def test_a_read_that_fails_twice_is_retried_and_loads(sets, tmp_path, archive, failing_reads):
    a, _, _ = sets
    inbox, db = tmp_path / "inbox", tmp_path / "w.duckdb"
    deliver(a, inbox, DAY_A)
    failing_reads["healthy_after"] = 2
    result = run(inbox, db)
    whatsapp = [rel for _, rel in a if rel.startswith("whatsapp/")]
    assert result["outcome"] == "completed"
    assert set(failing_reads["attempts"].values()) == {3} and len(failing_reads["attempts"]) == len(whatsapp)
    assert q(db, "select count(*) from intake where reason_code = 'unreadable_file'")[0][0] == 0


def test_a_channel_whose_reads_fail_is_reported_while_the_others_load(reference, sets, tmp_path, archive,
                                                                       failing_reads):
    ref_db, _, _ = reference
    a, b, _ = sets
    inbox, db = tmp_path / "inbox", tmp_path / "w.duckdb"
    deliver(a, inbox, DAY_A)
    result = run(inbox, db)
    whatsapp = [rel for _, rel in a if rel.startswith("whatsapp/")]
    assert result["outcome"] == "partial" and "Kanal whatsapp" in result["message"]
    assert all(n == 3 for n in failing_reads["attempts"].values())  # every file tried three times
    assert q(db, "select count(*) from intake where channel = 'whatsapp' and reason_code = 'unreadable_file'"
              )[0][0] == len(whatsapp)
    others = q(db, "select channel, count(*) from intake where channel <> 'whatsapp' group by all order by 1")
    assert others == q(ref_db, "select channel, count(*) from intake i where channel <> 'whatsapp' and exists "
                               "(select 1 from files f where f.file_hash = i.file_hash and f.run_id = "
                               "(select min(run_id) from runs)) group by all order by 1")

    failing_reads["attempts"].clear()  # a night later, still failing: each file is read once, without back-off
    run(inbox, db)                     # (the same failure was reported the night before), and nothing is doubled
    assert set(failing_reads["attempts"].values()) == {1} and len(failing_reads["attempts"]) == len(whatsapp)
    assert q(db, "select count(*) from intake where channel = 'whatsapp' and reason_code = 'unreadable_file'"
              )[0][0] == len(whatsapp)

    failing_reads["healthy_after"] = 0  # the share is back: the next night reads WhatsApp again
    deliver(b, inbox, DAY_B)
    healed = run(inbox, db)
    assert healed["outcome"] == "completed"
    assert q(db, "select count(*) from intake where reason_code = 'unreadable_file'")[0][0] == 0
    assert q(db, "select count(*) from files where size_bytes is null")[0][0] == 0
    assert (q(db, "select channel, fate, count(*) from intake group by all order by all")
            == q(ref_db, "select channel, fate, count(*) from intake group by all order by all"))


def test_a_partition_task_that_keeps_failing_is_retried_reported_and_taken_next_night(
        sets, tmp_path, archive, monkeypatch, in_process):
    import flows.nightly as nightly_module

    a, _, manifest = sets
    inbox, db = tmp_path / "inbox", tmp_path / "w.duckdb"
    deliver(a, inbox, DAY_A)
    calls = []
    original = nightly_module.parse_file

    def broken(channel, *args):
        if channel == "email":
            calls.append(channel)
            raise RuntimeError("parser bug")
        return original(channel, *args)

    monkeypatch.setattr(nightly_module, "parse_file", broken)
    monkeypatch.setenv("AWASI_TASK_RETRY_DELAY_S", "0")
    result = run(inbox, db)
    assert len(calls) == 3  # the first e-mail file, once and two retries
    assert result["outcome"] == "partial" and "Kanal email" in result["message"]
    assert "dibaca lagi pada run berikutnya" in result["message"]
    assert q(db, "select count(*) from intake where channel = 'email'")[0][0] == 0
    assert q(db, "select count(*) from intake where channel = 'lapor'")[0][0] > 0

    monkeypatch.setattr(nightly_module, "parse_file", original)
    fixed = run(inbox, db)
    email_files = [rel for _, rel in a if rel.startswith("email/")]
    assert fixed["files_new"] == len(email_files) and "gagal diproses" not in fixed["message"]
    # (the run is partial all the same: the other channels delivered nothing this night, which the volume gate flags)
    assert q(db, "select count(*) from files where channel = 'email'")[0][0] == len(email_files)


def _api_env() -> dict:
    from prefect.settings import PREFECT_API_URL

    return {**os.environ, "PREFECT_API_URL": PREFECT_API_URL.value()}


@pytest.mark.parametrize("kill_after", ["classify", "load-warehouse"])
def test_a_killed_run_run_again_gives_the_same_tables(reference, sets, tmp_path, archive, kill_after):
    """`awasi run` is killed (SIGKILL) when a task finishes: before the load, or after it and before the
    snapshot is published. Running again gives the tables of an uninterrupted run."""
    ref_db, _, _ = reference
    a, b, _ = sets
    inbox, db = after_night_a(a, tmp_path)
    deliver(b, inbox, DAY_B)
    proc = subprocess.Popen([sys.executable, "-m", "awasi.cli", "run", "--inbox", str(inbox), "--db", str(db)],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=_api_env(),
                            start_new_session=True)
    output = []
    try:
        for line in proc.stdout:
            output.append(line)
            if f"Task run '{kill_after}" in line and "Finished" in line:
                os.killpg(proc.pid, signal.SIGKILL)
                break
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL, "".join(output)
    rerun = run(inbox, db)
    assert rerun["outcome"] == "completed"
    assert tables(db) == tables(ref_db)
    from flows.warehouse import analytics

    with analytics(db) as con:  # the readers' snapshot holds the whole of both nights
        assert con.execute("select count(*) from complaints").fetchall() == q(ref_db, "select count(*) from complaints")


def test_dask_and_thread_runners_give_identical_tables(sets, tmp_path, archive, monkeypatch):
    """The same night on Dask worker processes and on threads. (The default process pool against one batch in
    the flow's process: tests/test_flow_batches.py.)"""
    from prefect.task_runners import ThreadPoolTaskRunner
    from prefect_dask import DaskTaskRunner

    from tests.test_flow_batches import run_counting

    a, b, _ = sets
    inbox = tmp_path / "inbox"
    deliver(a, inbox, DAY_A)
    deliver(b, inbox, DAY_B)  # two delivery days: each channel has two partitions
    # Batches small enough that parse-and-stage and classify tasks go to the runner (a small night runs them in the
    # flow's process, and the runners would not be compared at all).
    monkeypatch.setenv("AWASI_BATCH_RECORDS", "250")
    monkeypatch.setenv("AWASI_STAGE_BATCH_BYTES", "150000")
    threads, sent_threads = run_counting(inbox, tmp_path / "threads.duckdb", ThreadPoolTaskRunner(max_workers=4))
    monkeypatch.setenv("PREFECT_API_URL", _api_env()["PREFECT_API_URL"])  # for the Dask worker processes
    runner = DaskTaskRunner(cluster_kwargs={"n_workers": 2, "threads_per_worker": 1, "processes": True,
                                            "dashboard_address": None})
    dask, sent_dask = run_counting(inbox, tmp_path / "dask.duckdb", runner)
    assert dask["records_total"] == threads["records_total"] > 0
    assert tables(tmp_path / "dask.duckdb") == tables(tmp_path / "threads.duckdb")
    assert sorted(sent_dask) == sorted(sent_threads) and {"parse-and-stage", "classify"} <= set(sent_dask)
