import json

from transforms.channels import lapor


def line(**over):
    base = {"tracking_id": "1234567", "title": "KTP belum jadi", "content": "Sudah 3 bulan KTP saya belum jadi.",
            "created_at": "2025-03-04T10:15:00+07:00", "category": "Administrasi Kependudukan",
            "agency": "Disdukcapil Kota Bekasi", "location": "Kota Bekasi", "status": "Diproses",
            "is_anonymous": False, "is_secret": True,
            "reporter": {"name": "Budi", "phone": "081234567890", "email": "b@x.id"},
            "responses": [{"at": "2025-03-05T09:00:00+07:00", "by": "admin", "text": "ok"},
                          {"at": "2025-03-04T12:00:00+07:00", "by": "admin", "text": "diterima"}]}
    base.update(over)
    return json.dumps(base).encode()


def test_valid_report_fields_and_utc_time():
    [r] = lapor.parse(line(), "lapor/a.jsonl", "h")
    assert r.get("reason_code") is None
    assert r["source_ref"] == "1234567" and r["position"] == "line 1"
    assert r["received_at"].isoformat() == "2025-03-04T03:15:00+00:00"
    assert r["first_response_at"].isoformat() == "2025-03-04T05:00:00+00:00"  # earliest response
    assert r["is_secret"] is True and r["reporter_phone"] == "081234567890"


def test_every_line_is_a_record_and_broken_lines_say_why():
    data = b"\n".join([line(), b'{"tracking_id": "9", "content": ', line(tracking_id="2").replace(b"a", b"\xff", 1),
                       json.dumps({"tracking_id": "3", "created_at": "2025-01-01T00:00:00Z"}).encode(),
                       line(tracking_id="4", created_at="kemarin"), b"", line(tracking_id="5", reporter=None)])
    recs = lapor.parse(data, "lapor/a.jsonl", "h")
    assert [r["position"] for r in recs] == ["line 1", "line 2", "line 3", "line 4", "line 5", "line 7"]
    assert [r.get("reason_code") for r in recs] == [None, "bad_json", "bad_encoding", "missing_field", "bad_date", None]
    assert "content" in recs[3]["reason"]
    assert recs[5]["reporter_name"] is None


def test_content_hash_differs_per_line():
    recs = lapor.parse(line() + b"\n" + line(tracking_id="2"), "f", "h")
    assert recs[0]["content_hash"] != recs[1]["content_hash"]


def test_status_history_gives_the_forward_action_and_close_times():
    history = [{"status": "Belum Terverifikasi", "at": "2025-03-04T10:15:00+07:00"},
               {"status": "Terdisposisi", "at": "2025-03-06T08:00:00+07:00"},
               {"status": "Ditindaklanjuti", "at": "2025-03-10T09:30:00+07:00"},
               {"status": "Terdisposisi", "at": "2025-03-05T08:00:00+07:00"},   # out of order: the earliest counts
               {"status": "Selesai", "at": "bukan tanggal"},                    # unreadable: ignored
               "rusak"]
    [r] = lapor.parse(line(status_history=history), "lapor/a.jsonl", "h")
    assert r["forwarded_at"].isoformat() == "2025-03-05T01:00:00+00:00"
    assert r["acted_at"].isoformat() == "2025-03-10T02:30:00+00:00"
    assert r["closed_at"] is None and r.get("reason_code") is None
    [plain] = lapor.parse(line(), "lapor/a.jsonl", "h")  # the history is optional
    assert plain["forwarded_at"] is None and plain.get("reason_code") is None


def test_dates_outside_the_utc_range_quarantine_their_line_only():
    # 9999-12-31 23:00 -05:00 and 0001-01-01 00:00 WIB are valid ISO times whose UTC time is outside years 1-9999:
    # the conversion raised OverflowError and the whole file became one parser_error record.
    data = b"\n".join([line(), line(tracking_id="2", created_at="9999-12-31T23:00:00-05:00"),
                       line(tracking_id="3", created_at="0001-01-01T00:00:00"), line(tracking_id="4")])
    recs = lapor.parse(data, "lapor/a.jsonl", "h")
    assert [r.get("reason_code") for r in recs] == [None, "bad_date", "bad_date", None]
    assert "9999-12-31" in recs[1]["reason"] and recs[3]["source_ref"] == "4"


def test_a_file_name_that_is_not_utf8_becomes_readable_text(tmp_path):
    # 'laporan-caf\xe9.jsonl' (Latin-1 bytes in the name) reached Polars as a surrogate escape and the LAPOR
    # partition failed with UnicodeEncodeError ... surrogates not allowed, every night.
    import os

    from flows.inbox import discover
    from flows.nightly import parse_partition

    (tmp_path / "lapor").mkdir()
    with open(os.fsencode(tmp_path / "lapor") + b"/laporan-caf\xe9.jsonl", "wb") as f:
        f.write(line() + b"\n")
    [found] = discover(tmp_path)
    assert (found.channel, found.relative) == ("lapor", "lapor/laporan-caf\\xe9.jsonl")
    assert discover(tmp_path)[0].relative == found.relative  # the same name gives the same text every night
    part = parse_partition("lapor", "2025-03-04", [found], set(), attempts=1)
    assert part.records["source_file"].to_list() == ["lapor/laporan-caf\\xe9.jsonl"]
    assert part.records["reason_code"].to_list() == [None]
    assert os.path.isfile(os.fsdecode(part.files["path"][0]))  # the archive still finds the delivered file


def test_a_byte_order_mark_at_the_start_of_the_file_is_not_a_bad_line():
    recs = lapor.parse(b"\xef\xbb\xbf" + line() + b"\n" + line(tracking_id="2"), "lapor/a.jsonl", "h")
    assert [(r["position"], r.get("reason_code"), r["source_ref"]) for r in recs] == [
        ("line 1", None, "1234567"), ("line 2", None, "2")]
    assert recs[0]["content_hash"] == lapor.parse(line(), "lapor/a.jsonl", "h")[0]["content_hash"]


def test_an_unforeseen_error_in_one_line_quarantines_that_line_only(monkeypatch):
    # a parser error used to reach dispatch.parse_file, which quarantined the whole file as one record
    real = lapor.status_times

    def fragile(history):
        if history == ["boom"]:
            raise KeyError("boom")
        return real(history)

    monkeypatch.setattr(lapor, "status_times", fragile)
    recs = lapor.parse(b"\n".join([line(), line(tracking_id="2", status_history=["boom"]), line(tracking_id="3")]),
                       "lapor/a.jsonl", "h")
    assert [(r["source_ref"], r.get("reason_code")) for r in recs] == [("1234567", None), ("2", "parser_error"),
                                                                        ("3", None)]
    assert recs[1]["reason"] == "catatan tidak bisa diurai (KeyError)"  # not the message, which may quote data
