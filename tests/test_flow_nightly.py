"""The nightly flow end to end, under a real (test) Prefect server, against a DuckDB file on disk."""

from __future__ import annotations

import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import duckdb
import pytest

from awasi.sample.writer import write_inbox
from transforms.classifier import REVIEW_THRESHOLD

pytestmark = pytest.mark.usefixtures("prefect_backend")


def q(db, sql, *params):
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(sql, list(params)).fetchall()


def qa(db, sql, *params):
    """Query through the readers' path: latest snapshot plus analysts' corrections."""
    from flows.warehouse import analytics

    with analytics(db) as con:
        return con.execute(sql, list(params)).fetchall()


def run(inbox, db, **kw):
    from flows.nightly import nightly

    return nightly(inbox=str(inbox), db=str(db), **kw)


@pytest.fixture(scope="module")
def loaded(tmp_path_factory):
    """A sample inbox run once into a fresh warehouse."""
    base = tmp_path_factory.mktemp("night1")
    manifest = write_inbox(base / "inbox", n=600, seed=3, end=date(2026, 11, 20))
    result = run(base / "inbox", base / "w.duckdb")
    return base / "inbox", base / "w.duckdb", manifest, result


def test_every_record_is_accounted_for(loaded):
    inbox, db, manifest, result = loaded
    assert q(db, "select count(*) from intake")[0][0] == manifest["total_records"] == 600
    fates = dict(q(db, "select fate, count(*) from intake group by fate"))
    assert fates == {"accepted": manifest["expected"]["accepted"], "merged": manifest["expected"]["merged"],
                     "quarantined": manifest["expected"]["quarantined"]}
    per_channel = dict(q(db, "select channel, count(*) from intake group by channel"))
    assert per_channel == {c: v["records"] for c, v in manifest["channels"].items()}
    assert q(db, "select count(*) from intake where fate = 'quarantined' and (reason is null or reason = '')")[0][0] == 0
    assert q(db, "select count(*) from intake where fate <> 'quarantined' and complaint_id is null")[0][0] == 0
    # every merged or accepted record points at a stored complaint
    assert q(db, "select count(*) from intake i anti join complaints c using (complaint_id) "
                 "where i.fate <> 'quarantined'")[0][0] == 0
    assert q(db, "select count(*) from complaints")[0][0] == fates["accepted"]
    assert result["records_total"] == 600
    # the sample holds one unreadable delivery (a broken link): quarantined, and the run says so
    assert result["outcome"] == "partial" and "callcenter/ekspor-rusak.csv" in result["message"]


def test_a_reporter_who_complains_again_is_counted_as_a_repeat_reporter(loaded):
    _, db, _, _ = loaded
    # the sample sends about one complaint in ten from a reporter seen before (same phone or e-mail); their
    # pseudonyms link them, and the mart agrees with the complaints it counts
    reporters, complaints = qa(db, "select repeat_reporters, repeat_complaints from reporter_repeats")[0]
    assert reporters > 0 and complaints >= 2 * reporters
    linked = qa(db, "select reporter_key, count(*) from complaint_facts where reporter_key is not null "
                   "group by reporter_key having count(*) > 1")
    assert len(linked) == reporters and sum(n for _, n in linked) == complaints


def test_complaint_columns_and_classification_are_filled(loaded):
    _, db, _, _ = loaded
    row = q(db, "select count(*), count(received_at_utc), count(received_at_local), count(agency), count(province),"
                " count(category), count(confidence), count(classifier_version),"
                " count(*) filter (where received_at_local - received_at_utc <> interval 7 hours),"
                " count(*) filter (where confidence < 0 or confidence > 1),"
                f" count(*) filter (where needs_review <> (confidence < {REVIEW_THRESHOLD})) from complaints")[0]
    total, utc, local, agency, province, category, confidence, version, bad_tz, bad_conf, bad_review = row
    assert utc == local == total and bad_tz == 0
    assert agency / total > 0.5 and province / total > 0.5
    assert category == confidence == version == total and bad_conf == 0 and bad_review == 0
    assert q(db, "select count(distinct category) from complaints")[0][0] >= 5


def test_the_search_column_holds_each_complaints_stemmed_title_and_text(loaded):
    """The classifier reads the title above the text and hands its stemmed words to the flow, which stores them for
    search: they must be exactly the stems of the stored (masked) title and text, or the dashboard's search would
    miss complaints."""
    from transforms.textnorm import stems

    _, db, _, _ = loaded
    rows = q(db, "select title, text, text_search from complaints")
    assert rows and all(search == stems(f"{title}\n{text}" if title is not None else text)
                        for title, text, search in rows)
    assert sum(search != " ".join(text.lower().split()) for _, text, search in rows) > len(rows) / 2  # stemmed
    assert sum(title is not None for title, _, _ in rows) > len(rows) / 3  # LAPOR! titles and e-mail subjects


def test_no_raw_identifiers_reach_the_warehouse(loaded):
    """Every text column of every table: no e-mail, phone, NIK, plate, account, street address or reporter's full
    name survives.

    The sample inbox writes all of them into texts, names, reporter fields and caller columns, names also in lower
    case and in anonymous reports, where the channel gives no name to mask. The sample's given names are in the
    masking rules' list, so the name check shows the rules applied end to end, not how many real names they know."""
    from awasi.sample.people import FIRST, LAST

    _, db, _, _ = loaded
    patterns = {
        "name": rf"(?i)\b({'|'.join(FIRST)})\s+({'|'.join(name for name in LAST if name)})\b",
        "email": r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+\.[A-Za-z]{2,}",
        "phone": r"(\+62|\b62|\b0)8\d{2}[ .-]?\d{3,4}[ .-]?\d{3,5}",
        "nik": r"\b\d{16}\b",
        "plate": r"\b(B|D|AB|L|BK|DK|F) \d{4} (KJT|AB|UY|XZ|PQ)\b",
        "account": r"\d{4}-\d{2}-\d{6}",
        "address": r"Jl\. (Melati|Kenanga|Merdeka|Sudirman|Anggrek) No\. \d+",
    }
    columns = q(db, "select table_name, column_name from information_schema.columns "
                    "where data_type in ('VARCHAR', 'VARCHAR[]', 'JSON')")
    assert len(columns) > 40
    for table, column in columns:
        for name, pattern in patterns.items():
            # Hashes and ids are hex ('mid:' + 32 hex digits, 'EML-' + 12): one can start like a phone number
            # ("mid:0829320339683..."). Hex words with a letter in them are left out of the search: a phone has none.
            value = f"""regexp_replace(cast("{column}" as varchar), '\\b[0-9]*[a-f][0-9a-f]*\\b', '', 'g')"""
            n = q(db, f'select count(*) from "{table}" where regexp_matches({value}, ?)', pattern)[0][0]
            assert n == 0, (table, column, name)
    # and the personal data was really there to be masked
    assert q(db, "select count(*) from complaints where text like '%[NIK]%'")[0][0] > 0
    assert q(db, "select count(*) from complaints where text like '%[TELEPON]%'")[0][0] > 0


def test_run_row_and_summary(loaded):
    _, db, manifest, result = loaded
    [(outcome, total, accepted, merged, quarantined, share, counts)] = q(
        db, "select outcome, records_total, accepted, merged, quarantined, agency_resolved_share, counts from runs")
    assert (outcome, total) == ("partial", 600)
    assert (accepted, merged, quarantined) == tuple(manifest["expected"][k] for k in ("accepted", "merged", "quarantined"))
    assert 0 < share <= 1
    assert '"lapor"' in counts


def test_second_identical_run_adds_nothing(loaded, tmp_path):
    inbox, db, _, _ = loaded
    copy = tmp_path / "w.duckdb"
    shutil.copy(db, copy)
    before = q(copy, "select (select count(*) from intake), (select count(*) from complaints), (select count(*) from files)")
    # the same night delivered again, plus one file re-delivered under another name
    lapor = sorted((inbox / "lapor").glob("*.jsonl"))[0]
    again = tmp_path / "inbox"
    shutil.copytree(inbox, again, symlinks=True)
    shutil.copy(lapor, again / "lapor" / "dikirim-ulang.jsonl")
    result = run(again, copy)
    assert q(copy, "select (select count(*) from intake), (select count(*) from complaints), (select count(*) from files)") == before
    assert result["records_total"] == 0 and result["files_new"] == 0
    assert result["files_skipped"] == result["files_seen"]
    # the run row, shown on Kualitas data, reads as a sentence: it said "instansi teridentifikasi pada - aduan baru"
    [(message,)] = q(copy, "select message from runs order by started_at_utc desc limit 1")
    assert message == result["message"]
    assert "tidak ada aduan baru yang instansinya perlu diidentifikasi." in message and " - " not in message


def test_crash_during_load_leaves_the_warehouse_as_it_was(tmp_path):
    write_inbox(tmp_path / "inbox", n=200, seed=5, end=date(2026, 11, 20))
    db = tmp_path / "w.duckdb"
    with pytest.raises(RuntimeError, match="simulated crash"):
        run(tmp_path / "inbox", db, fail_after="complaints")
    assert q(db, "select count(*) from intake")[0][0] == 0
    assert q(db, "select count(*) from complaints")[0][0] == 0
    assert q(db, "select outcome, message like 'Run gagal%' from runs") == [("failed", True)]
    result = run(tmp_path / "inbox", db)  # simply run again: nothing lost, nothing doubled
    assert q(db, "select count(*) from intake")[0][0] == 200 == result["records_total"]


def test_reply_in_a_later_night_joins_the_earlier_complaint(tmp_path):
    from email.message import EmailMessage

    inbox = tmp_path / "inbox"
    (inbox / "email").mkdir(parents=True)
    first = EmailMessage()
    first["From"], first["Subject"] = "Ani <ani@contoh.id>", "Air PDAM mati"
    first["Date"], first["Message-ID"] = "Mon, 03 Nov 2025 09:00:00 +0700", "<a1@contoh.id>"
    first.set_content("Air PDAM Kota Bogor mati sejak seminggu di rumah kami.")
    (inbox / "email" / "1.eml").write_bytes(first.as_bytes())
    db = tmp_path / "w.duckdb"
    run(inbox, db)
    reply = EmailMessage()
    reply["From"], reply["Subject"] = "Ani <ani@contoh.id>", "Re: Air PDAM mati"
    reply["Date"], reply["Message-ID"] = "Wed, 05 Nov 2025 09:00:00 +0700", "<a2@contoh.id>"
    reply["In-Reply-To"] = "<a1@contoh.id>"
    reply.set_content("Sampai hari ini belum ada petugas datang.\n\n> Air PDAM Kota Bogor mati")
    (inbox / "email" / "2.eml").write_bytes(reply.as_bytes())
    result = run(inbox, db)
    assert result["merged"] == 1 and result["complaints_updated"] == 1
    [(text, records)] = q(db, "select text, records from complaints")
    assert text == "Air PDAM Kota Bogor mati sejak seminggu di rumah kami.\n\nSampai hari ini belum ada petugas datang."
    assert records == 2


def test_missing_inbox_fails_loudly_with_exit_status_1(tmp_path):
    from typer.testing import CliRunner

    from awasi.cli import app

    db = tmp_path / "w.duckdb"
    out = CliRunner().invoke(app, ["run", "--inbox", str(tmp_path / "tidak-ada"), "--db", str(db)])
    assert out.exit_code == 1
    assert "inbox folder not found" in out.output
    assert q(db, "select outcome from runs") == [("failed",)]


def test_warehouse_held_by_another_process_is_a_clear_failure(tmp_path):
    write_inbox(tmp_path / "inbox", n=100, seed=1, end=date(2026, 11, 20))
    db = tmp_path / "w.duckdb"
    duckdb.connect(str(db)).close()
    holder = subprocess.Popen([sys.executable, "-c", "import duckdb,sys,time; c=duckdb.connect(sys.argv[1]); "
                               "print('ready', flush=True); time.sleep(60)", str(db)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "ready"
        from flows.warehouse import WarehouseBusy

        with pytest.raises(WarehouseBusy, match="in use by another process"):
            run(tmp_path / "inbox", db)
        from typer.testing import CliRunner

        from awasi.cli import app

        r = CliRunner().invoke(app, ["reclassify", "--db", str(db)])  # the CLI says so in one line, no traceback
        assert r.exit_code == 2 and "GAGAL / FAILED: the warehouse" in r.output and "Traceback" not in r.output
    finally:
        holder.kill()
        holder.wait()


def test_a_file_that_is_no_warehouse_is_one_line_and_exit_2(tmp_path):
    # `quarantine list` on a file that is no DuckDB database printed a traceback.
    from typer.testing import CliRunner

    from awasi.cli import app

    garbage = tmp_path / "bukan.duckdb"
    garbage.write_text("ini bukan gudang data", encoding="utf-8")
    r = CliRunner().invoke(app, ["quarantine", "list", "--db", str(garbage)])
    assert r.exit_code == 2 and r.output.startswith("GAGAL / FAILED:") and "Traceback" not in r.output, r.output
    assert len(r.output.strip().splitlines()) == 1


def test_corrections_change_counts_and_reclassify_rewrites_history(loaded, tmp_path):
    from typer.testing import CliRunner

    from awasi.cli import app

    _, db, _, _ = loaded
    copy = tmp_path / "w.duckdb"
    shutil.copy(db, copy)
    [(cid, cat)] = q(copy, "select complaint_id, category from complaints where category = 'penundaan_berlarut' limit 1")
    before = dict(qa(copy, "select effective_category, count(*) from complaints_effective group by 1"))
    r = CliRunner().invoke(app, ["correct", "--db", str(copy), "--complaint-id", cid, "--category", "berpihak",
                                 "--analyst", "analis-1", "--note", "dibaca ulang"])
    assert r.exit_code == 0, r.output
    r = CliRunner().invoke(app, ["correct", "--db", str(copy), "--complaint-id", "LPR-tidak-ada", "--category",
                                 "berpihak", "--analyst", "analis-1"])
    assert r.exit_code == 2 and "GAGAL / FAILED: no complaint LPR-tidak-ada" in r.output, r.output
    after = dict(qa(copy, "select effective_category, count(*) from complaints_effective group by 1"))
    assert after["penundaan_berlarut"] == before["penundaan_berlarut"] - 1
    assert after.get("berpihak", 0) == before.get("berpihak", 0) + 1
    out = CliRunner().invoke(app, ["counts", "--db", str(copy)]).output
    assert "berpihak" in out
    q_stored = q(copy, "select count(*) from complaints")[0][0]
    with duckdb.connect(str(copy)) as con:
        con.execute("update complaints set category = null, classifier_version = null")
    r = CliRunner().invoke(app, ["reclassify", "--db", str(copy)])
    assert r.exit_code == 0 and f"{q_stored} complaints reclassified" in r.output
    assert q(copy, "select count(*) from complaints where category is null or classifier_version is null")[0][0] == 0
    # the analyst's correction still wins after reclassification
    assert qa(copy, "select effective_category from complaints_effective where complaint_id = ?", cid) == [("berpihak",)]


def test_reclassify_in_batches_writes_each_complaints_own_prediction(loaded, tmp_path):
    """History is read and classified a batch at a time: with batches much smaller than the warehouse, every
    complaint still gets the model's prediction for its own title and text, and no spill folder is left behind."""
    from awasi import models
    from awasi.settings import get_settings
    from flows.classification import reclassify_warehouse

    _, db, _, _ = loaded
    copy = tmp_path / "w.duckdb"
    shutil.copy(db, copy)
    with duckdb.connect(str(copy)) as con:
        con.execute("update complaints set category = 'konflik_kepentingan', confidence = 0, classifier_version = 'x'")
    model = models.ensure_model(get_settings().models_dir)
    stored = q(copy, "select count(*) from complaints")[0][0]
    assert reclassify_warehouse(copy, model, batch=37, memory_limit="256MB") == stored > 37 * 3
    rows = q(copy, "select title, text, category, confidence, needs_review, classifier_version from complaints")
    expected = model.predict([f"{r[0]}\n{r[1]}" if r[0] is not None else r[1] for r in rows])  # the title above
    assert [(r[2], r[3], r[4], r[5]) for r in rows] == [
        (p.category, p.confidence, p.needs_review, model.version) for p in expected]
    assert sorted(p.name for p in tmp_path.iterdir() if "reclassify" in p.name) == []


def test_cross_channel_duplicate_is_merged_into_the_first_complaint(tmp_path):
    import json as _json

    text = ("Sudah tiga bulan sertifikat tanah saya di Kantor Pertanahan Kabupaten Bogor belum juga terbit padahal "
            "semua berkas lengkap dan sudah diukur sejak Juli. Setiap ditanya jawabannya masih proses.")
    inbox = tmp_path / "inbox"
    (inbox / "lapor").mkdir(parents=True)
    (inbox / "whatsapp").mkdir()
    (inbox / "lapor" / "a.jsonl").write_text(_json.dumps({
        "tracking_id": "5550001", "title": "Sertifikat", "content": text, "created_at": "2025-09-01T09:00:00+07:00",
        "agency": "Kantor Pertanahan Kab. Bogor", "location": "Kab. Bogor", "is_anonymous": False, "is_secret": False,
        "reporter": {"name": "Rudi Hartono", "phone": "0812-7777-1234", "email": None}, "responses": []}), encoding="utf-8")
    msg = {"from": "6281277771234", "id": "wamid.X1", "timestamp": "1756879200",  # 2025-09-03, two days later
           "type": "text", "text": {"body": text + " Mohon dibantu."}}
    other = {"from": "6289900001111", "id": "wamid.X2", "timestamp": "1756879200", "type": "text",
             "text": {"body": text}}  # same text, another person: not a duplicate
    (inbox / "whatsapp" / "w.jsonl").write_text("\n".join(_json.dumps({"entry": [{"changes": [{"value": {
        "contacts": [], "messages": [m]}}]}]}) for m in (msg, other)), encoding="utf-8")
    db = tmp_path / "w.duckdb"
    run(inbox, db)
    rows = dict(q(db, "select source_ref, fate from intake"))
    assert rows == {"5550001": "accepted", "wamid.X1": "merged", "wamid.X2": "accepted"}
    [(reason, cid)] = q(db, "select reason, complaint_id from intake where source_ref = 'wamid.X1'")
    assert reason.startswith("duplikat lintas kanal dari LPR-")
    assert q(db, "select channel from complaints where complaint_id = ?", cid) == [("lapor",)]


def test_readers_use_a_snapshot_and_never_block_the_nightly_writer(loaded, tmp_path):
    from flows.warehouse import current_source, snapshots_dir

    inbox, db, manifest, _ = loaded
    copy = tmp_path / "w.duckdb"
    shutil.copy(db, copy)
    shutil.copytree(snapshots_dir(db), snapshots_dir(copy))
    snap = current_source(copy)
    assert snap.parent == snapshots_dir(copy) and snap.exists()
    # a reader (a dashboard session) keeps the snapshot open while the next night is loaded
    reader = subprocess.Popen([sys.executable, "-c", "import duckdb,sys,time; c=duckdb.connect(sys.argv[1], read_only=True); "
                               "print(c.execute('select count(*) from complaints').fetchall()[0][0], flush=True); "
                               "time.sleep(60)", str(snap)], stdout=subprocess.PIPE, text=True)
    try:
        seen_before = int(reader.stdout.readline())
        night2 = tmp_path / "night2"
        write_inbox(night2, n=150, seed=99, end=date(2026, 11, 21))
        result = run(night2, copy)
        assert result["outcome"] in ("completed", "partial")
        new_snap = current_source(copy)
        assert new_snap != snap
        assert qa(copy, "select count(*) from complaints")[0][0] == seen_before + result["complaints_new"]
    finally:
        reader.kill()
        reader.wait()


def test_delivered_files_are_kept_in_the_owner_only_archive(loaded):
    import os
    import stat
    from datetime import datetime
    from zoneinfo import ZoneInfo

    inbox, _, _, _ = loaded
    # kept under the local (Jakarta) day of receipt, the day `awasi backfill` takes
    day = Path(os.environ["AWASI_ARCHIVE_DIR"]) / datetime.now(ZoneInfo("Asia/Jakarta")).date().isoformat()
    some = sorted((inbox / "lapor").glob("*.jsonl"))[0]
    # under its own name, or beside a same-named file another test's inbox delivered today (flows/archive.py)
    kept = [p for p in (day / "lapor").glob(some.stem + "*" + some.suffix) if p.read_bytes() == some.read_bytes()]
    assert len(kept) == 1
    assert stat.S_IMODE(os.stat(kept[0]).st_mode) == 0o600


def test_a_report_delivered_again_moves_its_status_and_step_times_forward(tmp_path):
    import json

    report = {"tracking_id": "5550001", "title": "KTP", "content": "Sudah tiga bulan KTP elektronik saya belum jadi.",
              "created_at": "2026-10-01T09:00:00+07:00", "agency": "Disdukcapil Kota Bekasi", "status": "Diproses",
              "status_history": [{"status": "Terdisposisi", "at": "2026-10-02T09:00:00+07:00"}]}
    (tmp_path / "inbox" / "lapor").mkdir(parents=True)
    (tmp_path / "inbox" / "lapor" / "a.jsonl").write_text(json.dumps(report) + "\n")
    run(tmp_path / "inbox", tmp_path / "w.duckdb")
    later = dict(report, status="Selesai", status_history=report["status_history"] + [
        {"status": "Ditindaklanjuti", "at": "2026-10-06T09:00:00+07:00"},
        {"status": "Selesai", "at": "2026-10-20T09:00:00+07:00"}])
    (tmp_path / "inbox" / "lapor" / "b.jsonl").write_text(json.dumps(later) + "\n")
    run(tmp_path / "inbox", tmp_path / "w.duckdb")
    db = tmp_path / "w.duckdb"
    assert q(db, "select status, strftime(forwarded_at_utc, '%d %H'), strftime(acted_at_utc, '%d %H'), "
                 "strftime(closed_at_utc, '%d %H') from complaints") == [("Selesai", "02 02", "06 02", "20 02")]
    assert q(db, "select fate from intake order by run_id") == [("accepted",), ("merged",)]
