"""Data-quality gates inside the nightly flow: a bad inbox, held files, silent channels, quarantine retry."""

from __future__ import annotations

import json
from email.message import EmailMessage
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from awasi.cli import app

pytestmark = pytest.mark.usefixtures("prefect_backend")


def q(db, sql, *params):
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(sql, list(params)).fetchall()


def report(tid, content="Sudah tiga bulan KTP-el saya di Disdukcapil Kota Bekasi belum jadi.",
           created="2025-03-04T10:15:00+07:00", **over):
    r = {"tracking_id": tid, "title": "KTP", "content": content, "created_at": created, "category": "Adminduk",
         "agency": "Disdukcapil Kota Bekasi", "location": "Kota Bekasi", "status": "Diproses",
         "is_anonymous": False, "is_secret": False, "reporter": {"name": "Ani", "phone": f"0812000{tid[-4:]}", "email": None},
         "responses": []}
    r.update(over)
    return json.dumps(r).encode()


def email(mid, body, **kw):
    m = EmailMessage()
    m["From"], m["Subject"] = f"Warga {mid} <w{mid}@contoh.id>", "Aduan"
    m["Date"], m["Message-ID"] = "Mon, 03 Nov 2025 09:00:00 +0700", f"<{mid}@contoh.id>"
    m.set_content(body, **kw)
    return m.as_bytes()


def wa(mid, ts, text):
    return json.dumps({"entry": [{"changes": [{"value": {"contacts": [{"profile": {"name": "Siti"}, "wa_id": "6281399"}],
        "messages": [{"from": "6281399", "id": mid, "timestamp": str(ts), "type": "text", "text": {"body": text}}]}}]}]}).encode()


def write(path: Path, data: bytes):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)


@pytest.fixture
def bad_inbox(tmp_path):
    inbox = tmp_path / "inbox"
    write(inbox / "lapor" / "baik.jsonl", b"\n".join([report("1000001"), report("1000002"), report("1000002"),
                                                     report("1000003", content="Jalan rusak di depan SDN 3 belum diperbaiki.")]))
    write(inbox / "lapor" / "rusak.jsonl", b"\n".join([
        report("2000001"), b'{"tracking_id": "2000002", "content": "terpotong',
        report("2000003").replace(b"Ani", b"An\xff"), report("2000004", content="   "),
        report("2000005", created="1970-01-01T07:00:00+07:00"), report("2000006", created="2027-12-01T07:00:00+07:00")]))
    write(inbox / "lapor" / "panjang.jsonl", report("3000001", content="Keluhan " * 3000))
    write(inbox / "whatsapp" / "wa.jsonl", b"\n".join([wa("w1", 1762135200, "halo min, PDAM mati 3 hari"),
                                                       wa("w2", 1762135260, "tolong dibantu"), b"{rusak"]))
    write(inbox / "email" / "a.eml", email("e1", "Puskesmas tutup saat jam layanan."))
    write(inbox / "email" / "b.eml", email("e2", "Petugas bilang \u201cbesok\u201d terus \u2013 sudah sebulan.",
                                           charset="windows-1252", cte="quoted-printable"))
    write(inbox / "callcenter" / "c.csv", (
        "call_id;started_at;ended_at;agent_id;caller_number;caller_name;agency;region;summary;category;status\n"
        "CC-1;04/03/2025 10.15;04/03/2025 10.20;AG1;0812 3456 7890;Budi;Polres Bogor;Kab. Bogor;Motor hilang belum ditangani;Polisi;Dicatat\n"
        "CC-2;31/02/2025 25.61;;AG1;0812;Budi;Polres Bogor;Kab. Bogor;Laporan;Polisi;Dicatat\n").encode("cp1252"))
    write(inbox / "sms" / "x.txt", b"jalan rusak")
    return inbox


def test_bad_inbox_is_quarantined_with_reasons_and_the_run_is_partial(bad_inbox, tmp_path):
    db = tmp_path / "w.duckdb"
    out = CliRunner().invoke(app, ["run", "--inbox", str(bad_inbox), "--db", str(db)])
    assert out.exit_code == 3, out.output
    assert "rusak.jsonl ditahan" in out.output
    rows = {(f, p): (fate, code) for f, p, fate, code in
            q(db, "select source_file, position, fate, reason_code from intake")}
    assert len(rows) == 4 + 6 + 1 + 3 + 2 + 2 + 1
    assert rows[("lapor/baik.jsonl", "line 3")] == ("merged", None)            # duplicated id: counted once
    assert rows[("lapor/rusak.jsonl", "line 1")] == ("quarantined", "file_held")  # good line of a held file
    assert rows[("lapor/rusak.jsonl", "line 2")] == ("quarantined", "bad_json")
    assert rows[("lapor/rusak.jsonl", "line 3")] == ("quarantined", "bad_encoding")
    between = "expectation:expect_column_values_to_be_between"
    assert rows[("lapor/rusak.jsonl", "line 4")] == ("quarantined", f"{between}(text_chars)")
    assert rows[("lapor/rusak.jsonl", "line 5")] == ("quarantined", f"{between}(received_at)")
    assert rows[("lapor/rusak.jsonl", "line 6")] == ("quarantined", f"{between}(received_at)")
    assert rows[("lapor/panjang.jsonl", "line 1")] == ("quarantined", f"{between}(text_chars)")
    assert rows[("whatsapp/wa.jsonl", "line 2 message 1")] == ("merged", None)
    assert rows[("whatsapp/wa.jsonl", "line 3")] == ("quarantined", "bad_json")
    assert rows[("email/b.eml", "file")] == ("accepted", None)
    assert rows[("callcenter/c.csv", "row 2")] == ("quarantined", "bad_date")
    assert rows[("sms/x.txt", "file")] == ("quarantined", "unknown_channel")
    [(outcome, alerts)] = q(db, "select outcome, alerts from runs")
    assert outcome == "partial" and "rusak.jsonl" in alerts
    suites = {s for (s,) in q(db, "select distinct suite from validations")}
    assert suites == {"raw_lapor", "raw_whatsapp", "raw_email", "raw_callcenter", "complaints"}
    assert q(db, "select count(*) from validations where not success and level = 'row'")[0][0] >= 2
    docs = Path(q(db, "select data_docs from runs")[0][0])
    assert docs.name == "index.html" and docs.exists()
    listing = CliRunner().invoke(app, ["quarantine", "list", "--db", str(db), "--channel", "lapor"])
    assert listing.exit_code == 0 and "file_held" in listing.output and "rusak.jsonl" in listing.output


def test_a_misplaced_file_moved_where_it_fits_is_read_and_one_left_in_place_is_not(tmp_path):
    # A file in an unknown channel folder or with an unknown extension is one quarantined record. Moved where it
    # fits, the next run skipped it as "already received" (the ledger held its content hash), so its records were
    # never loaded.
    inbox, db = tmp_path / "inbox", tmp_path / "w.duckdb"
    write(inbox / "lapor" / "baik.jsonl", report("1000001"))
    write(inbox / "Lapor" / "salah-folder.jsonl", b"\n".join([
        report("4000011", content="Bantuan sosial tidak disalurkan ke warga RT 04 sejak Januari."),
        report("4000012", content="Petugas kelurahan meminta uang untuk surat pindah.")]))
    write(inbox / "lapor" / "salah-nama.json", report("5000001"))
    CliRunner().invoke(app, ["run", "--inbox", str(inbox), "--db", str(db)])
    assert sorted(q(db, "select source_file, reason_code from intake where fate = 'quarantined'")) == [
        ("Lapor/salah-folder.jsonl", "unknown_channel"), ("lapor/salah-nama.json", "unknown_file_type")]
    assert "pindahkan berkas ke folder kanal yang benar" in q(db, "select reason from intake where reason_code = "
                                                               "'unknown_channel'")[0][0]
    (inbox / "Lapor" / "salah-folder.jsonl").rename(inbox / "lapor" / "dipindah.jsonl")  # the operator's repair
    out = CliRunner().invoke(app, ["run", "--inbox", str(inbox), "--db", str(db)])
    assert out.exit_code == 0, out.output
    rows = sorted(q(db, "select source_file, position, fate, reason_code from intake"))
    assert rows == [("lapor/baik.jsonl", "line 1", "accepted", None),
                    ("lapor/dipindah.jsonl", "line 1", "accepted", None),
                    ("lapor/dipindah.jsonl", "line 2", "accepted", None),
                    ("lapor/salah-nama.json", "file", "quarantined", "unknown_file_type")]  # left in place: once
    assert sorted(f for (f,) in q(db, "select source_file from files")) == [
        "lapor/baik.jsonl", "lapor/dipindah.jsonl", "lapor/salah-nama.json"]
    assert q(db, "select count(*) from complaints")[0][0] == 3


def test_retry_after_a_fix_accepts_records_without_duplicates(bad_inbox, tmp_path, monkeypatch):
    db = tmp_path / "w.duckdb"
    CliRunner().invoke(app, ["run", "--inbox", str(bad_inbox), "--db", str(db)])
    before = q(db, "select count(*), count(*) filter (where fate = 'quarantined') from intake")[0]
    complaints_before = q(db, "select count(*) from complaints")[0][0]
    monkeypatch.setenv("AWASI_MAX_TEXT_CHARS", "100000")  # the fix: long complaints are allowed now
    for _ in range(2):
        out = CliRunner().invoke(app, ["quarantine", "retry", "--inbox", str(bad_inbox), "--db", str(db)])
        assert out.exit_code in (0, 3), out.output
        assert q(db, "select fate from intake where source_file = 'lapor/panjang.jsonl'") == [("accepted",)]
        after = q(db, "select count(*), count(*) filter (where fate = 'quarantined') from intake")[0]
        assert after == (before[0], before[1] - 1)
        assert q(db, "select count(*) from complaints")[0][0] == complaints_before + 1


def test_a_channel_that_delivers_nothing_raises_an_alert(bad_inbox, tmp_path):
    db = tmp_path / "w.duckdb"
    CliRunner().invoke(app, ["run", "--inbox", str(bad_inbox), "--db", str(db)])
    night2 = tmp_path / "night2"
    write(night2 / "lapor" / "n2.jsonl", b"\n".join(report(f"40000{i:02d}") for i in range(5)))
    write(night2 / "email" / "n2.eml", email("e9", "Sertifikat tanah belum jadi setahun."))
    out = CliRunner().invoke(app, ["run", "--inbox", str(night2), "--db", str(db)])
    assert out.exit_code == 3, out.output
    assert "Kanal whatsapp: 0 catatan baru" in out.output and "Kanal callcenter: 0 catatan baru" in out.output
    [(outcome,)] = q(db, "select outcome from runs order by started_at_utc desc limit 1")
    assert outcome == "partial"
    assert q(db, "select count(*) from validations where suite = 'volume' and not success")[0][0] == 1


def test_a_held_file_redelivered_corrected_marks_its_quarantine_rows_superseded(bad_inbox, tmp_path):
    # the held file's rows stayed in `awasi quarantine list` as if still open, with nothing saying that its
    # corrected version had been accepted
    db = tmp_path / "w.duckdb"
    CliRunner().invoke(app, ["run", "--inbox", str(bad_inbox), "--db", str(db)])
    night2 = tmp_path / "night2"
    write(night2 / "lapor" / "rusak-perbaikan.jsonl", b"\n".join(report(f"200000{i}") for i in range(1, 7)))
    CliRunner().invoke(app, ["run", "--inbox", str(night2), "--db", str(db)])
    assert q(db, "select count(*) from intake where source_file = 'lapor/rusak-perbaikan.jsonl' and fate <> "
                 "'quarantined'")[0][0] == 6  # accepted, or merged into baik.jsonl's complaints of the same reporters
    # history kept: the held file's rows are as they were
    assert q(db, "select count(*) from intake where source_file = 'lapor/rusak.jsonl' and fate = 'quarantined'")[0][0] == 6
    # the Kualitas data page (the published snapshot's mart) marks them as `awasi quarantine list` does below
    from dashboards.data import Store

    page = {r["kode alasan"]: r for r in Store(db).quarantine().to_dicts() if r["kanal"] == "lapor"}
    assert {code: (page[code]["jumlah"], page[code]["digantikan"]) for code in ("file_held", "bad_json",
            "bad_encoding")} == {"file_held": (1, 1), "bad_json": (1, 0), "bad_encoding": (1, 0)}
    assert page["file_held"]["berkas_pengganti"] == "lapor/rusak-perbaikan.jsonl"
    out = CliRunner().invoke(app, ["quarantine", "list", "--db", str(db), "--channel", "lapor"])
    assert out.exit_code == 0, out.output
    lines = {ln.split("  [")[0]: ln for ln in out.output.splitlines() if "  [" in ln}
    marked = "(digantikan: diterima kemudian dari lapor/rusak-perbaikan.jsonl)"
    for n in (1, 4, 5, 6):  # the lines whose tracking id could be read
        assert lines[f"lapor  lapor/rusak.jsonl  line {n}"].endswith(marked)
    # not JSON, not UTF-8: no id to know them by, so they stay open; so does a file never delivered again
    assert list(lines)[:3] == ["lapor  lapor/panjang.jsonl  line 1", "lapor  lapor/rusak.jsonl  line 2",
                               "lapor  lapor/rusak.jsonl  line 3"]  # open ones first
    assert not any("digantikan" in lines[k] for k in list(lines)[:3])
    counts = {ln.split()[1]: ln.split()[2:] for ln in out.output.splitlines() if ln.startswith("lapor ")}
    assert counts["file_held"] == ["1", "1"] and counts["bad_json"] == ["1", "0"] and counts["bad_encoding"] == ["1", "0"]


def test_retry_skips_a_held_file_whose_quarantined_records_were_all_superseded(tmp_path, monkeypatch):
    # retry read the held file again although its corrected re-delivery had been accepted: its records were held
    # again (new quarantine rows, the run counting them once more) for nothing, and the output did not say why
    inbox, night2, db = tmp_path / "inbox", tmp_path / "night2", tmp_path / "w.duckdb"

    def held_file(ids):  # 3 of 5 too short: the file is held whole
        return b"\n".join(report(t, content="   " if i < 3 else f"Jalan rusak nomor {t} belum diperbaiki.")
                          for i, t in enumerate(ids))

    def corrected(ids):
        return b"\n".join(report(t, content=f"Jalan rusak nomor {t} belum diperbaiki.") for t in ids)

    whole, part = [f"600000{i}" for i in range(1, 6)], [f"800000{i}" for i in range(1, 6)]
    write(inbox / "lapor" / "tahan.jsonl", held_file(whole))
    write(inbox / "lapor" / "dua.jsonl", held_file(part))
    write(inbox / "lapor" / "panjang.jsonl", report("7000001", content="Keluhan " * 3000))
    CliRunner().invoke(app, ["run", "--inbox", str(inbox), "--db", str(db)])
    write(night2 / "lapor" / "tahan-perbaikan.jsonl", corrected(whole))  # every record of tahan.jsonl
    write(night2 / "lapor" / "dua-sebagian.jsonl", corrected(part[:3]))  # three of dua.jsonl's five
    CliRunner().invoke(app, ["run", "--inbox", str(night2), "--db", str(db)])
    rows = "select position, run_id, reason_code from intake where source_file = ? order by seq"
    before = q(db, rows, "lapor/tahan.jsonl")
    assert len(before) == 5 and {code for _, _, code in before} == {
        "file_held", "expectation:expect_column_values_to_be_between(text_chars)"}
    monkeypatch.setenv("AWASI_MAX_TEXT_CHARS", "100000")  # the fix for panjang.jsonl, whose record is still open
    out = CliRunner().invoke(app, ["quarantine", "retry", "--inbox", str(inbox), "--db", str(db)])
    assert out.exit_code == 3, out.output  # dua.jsonl is held again
    assert "1 di antaranya karena semua catatan karantinanya sudah digantikan" in out.output
    assert q(db, rows, "lapor/tahan.jsonl") == before  # not read again: the rows of the first run, untouched
    [retry_run] = q(db, "select run_id from runs order by started_at_utc desc limit 1")[0]
    # two of dua.jsonl's records are still open: read again, and held again, the rows now the retry's
    assert {run for _, run, _ in q(db, rows, "lapor/dua.jsonl")} == {retry_run}
    assert q(db, "select fate from intake where source_file = 'lapor/panjang.jsonl'") == [("accepted",)]
    [(records, quarantined, skipped, message)] = q(db, "select records_total, quarantined, files_skipped, message "
                                                       "from runs where run_id = ?", retry_run)
    assert (records, quarantined, skipped) == (1 + 5, 5, 1) and message.startswith("Ulang karantina")
    assert q(db, "select count(*) from intake")[0][0] == 5 + 5 + 1 + 5 + 3  # every record once, nothing doubled
