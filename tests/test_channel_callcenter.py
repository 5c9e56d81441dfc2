from transforms.channels import callcenter

HEADER = "call_id,started_at,ended_at,agent_id,caller_number,caller_name,agency,region,summary,category,status"


def test_comma_file_with_iso_dates():
    data = (HEADER + "\nCC-1,2025-03-04 10:15:00,2025-03-04 10:20:00,AG1,0812 3456 7890,Budi,PDAM Kota Bogor,"
            "Kota Bogor,\"Air mati, sudah 3 hari\",Air Minum,Dicatat\n").encode()
    [r] = callcenter.parse(data, "callcenter/a.csv", "h")
    assert r["source_ref"] == "CC-1" and r["text"] == "Air mati, sudah 3 hari"
    assert r["received_at"].isoformat() == "2025-03-04T03:15:00+00:00"  # naive times are WIB
    assert r["reporter_phone"] == "0812 3456 7890" and r["position"] == "row 1"


def test_semicolon_windows1252_and_indonesian_dates():
    data = (HEADER.replace(",", ";") + "\r\nCC-2;22/11/2025 10.15;22/11/2025 10.30;AG2;0813;Siti;Disdukcapil;Bekasi;"
            "Petugas bilang \u201cbesok\u201d terus;Adminduk;Selesai\r\n").encode("cp1252")
    [r] = callcenter.parse(data, "callcenter/b.csv", "h")
    assert r["text"] == "Petugas bilang \u201cbesok\u201d terus"
    assert r["received_at"].isoformat() == "2025-11-22T03:15:00+00:00"


def test_a_tab_separated_file_as_excel_saves_unicode_text_is_read():
    # Excel's "Unicode text" is UTF-16 with a byte-order mark and tabs between the columns: every row was bad_header.
    from transforms.channels.dispatch import parse_file

    rows = [HEADER, "CC-7,22/11/2025 10.15,,AG2,0813,Siti,Disdukcapil,Bekasi,KTP belum jadi, sudah 2 bulan,Adminduk,"]
    text = "\r\n".join(r.replace(",", "\t") for r in rows).replace("jadi\t sudah", "jadi, sudah") + "\r\n"
    for data in (text.encode("utf-8"), text.encode("utf-16")):
        [r] = parse_file("callcenter", "callcenter/excel.txt.csv", "h", data)
        assert "reason_code" not in r, r.get("reason")
        assert r["source_ref"] == "CC-7" and r["text"] == "KTP belum jadi, sudah 2 bulan"


def test_bad_rows_are_records_with_reasons():
    data = "\n".join([HEADER, "CC-3,2025-01-01 08:00,,AG1,0812,Ani",
                      "CC-4,31/02/2025 25.61,,AG1,0812,Ani,Polres,Bogor,Hilang motor,Polisi,Dicatat",
                      "CC-5,2025-01-01 08:00,,AG1,0812,Ani,Polres,Bogor,,Polisi,Dicatat"]).encode()
    recs = callcenter.parse(data, "callcenter/c.csv", "h")
    assert [r["reason_code"] for r in recs] == ["bad_row", "bad_date", "missing_field"]
    assert "6 kolom" in recs[0]["reason"]


def test_indonesian_date_formats():
    p = callcenter.parse_local_datetime
    assert p("22/11/2026 10.15").isoformat() == "2026-11-22T03:15:00+00:00"
    assert p("22-11-2026 10:15:30").isoformat() == "2026-11-22T03:15:30+00:00"
    assert p("2026-11-22T10:15:00+07:00").isoformat() == "2026-11-22T03:15:00+00:00"
    assert p("31/02/2026 10.15") is None and p("") is None


def test_a_date_before_year_one_in_utc_quarantines_its_row_only():
    # 01/01/0001 00.00 WIB is before year 1 in UTC: OverflowError made the whole file one parser_error record
    rows = ["CC-%d,%s,,AG1,0812,Ani,Polres,Bogor,Motor hilang di parkiran,Polisi,Dicatat" % (i, d)
            for i, d in enumerate(["2025-01-01 08:00", "01/01/0001 00.00", "2025-01-01 09:00"], start=1)]
    recs = callcenter.parse("\n".join([HEADER, *rows]).encode(), "callcenter/d.csv", "h")
    assert [r.get("reason_code") for r in recs] == [None, "bad_date", None]
    assert callcenter.parse_local_datetime("01/01/0001 00.00") is None


def row(call_id, summary="Motor hilang di parkiran", started="2025-01-01 08:00"):
    return f"{call_id},{started},,AG1,0812,Ani,Polres,Bogor,{summary},Polisi,Dicatat"


def test_leading_blank_lines_before_the_header_are_skipped():
    # the header was read from the first (blank) row: every row became bad_header and the header a record
    recs = callcenter.parse(("\n \n" + HEADER + "\n" + row("CC-1")).encode(), "callcenter/e.csv", "h")
    assert [(r["position"], r.get("reason_code"), r["source_ref"]) for r in recs] == [("row 1", None, "CC-1")]


def test_a_field_over_the_csv_modules_limit_is_a_record_of_its_own():
    # a field over 131,072 characters raised csv.Error ("field larger than field limit") and lost the file;
    # the row is now a record whose text the length gate quarantines as too long
    long = "x" * 200_000
    recs = callcenter.parse("\n".join([HEADER, row("CC-1"), row("CC-2", f'"{long}"'), row("CC-3")]).encode(),
                            "callcenter/f.csv", "h")
    assert [(r["source_ref"], r.get("reason_code")) for r in recs] == [("CC-1", None), ("CC-2", None), ("CC-3", None)]
    assert recs[1]["text"] == long


def test_a_row_the_csv_module_rejects_is_a_record_and_the_next_rows_are_read():
    data = "\n".join([HEADER, row("CC-1"), row("CC-2", "Motor\rhilang"), row("CC-3")]).encode()
    recs = callcenter.parse(data, "callcenter/g.csv", "h")
    assert [(r["position"], r.get("reason_code")) for r in recs] == [("row 1", None), ("row 2", "bad_row"), ("row 3", None)]
    assert "tidak bisa diurai" in recs[1]["reason"] and recs[2]["source_ref"] == "CC-3"


def test_a_quote_left_open_that_swallows_later_rows_is_quarantined_and_says_how_many():
    # the quote ran to the end of the file: rows CC-3..CC-5 vanished inside one field, and the reason said only
    # "baris berisi 9 kolom, seharusnya 11"
    rows = [row("CC-1"), row("CC-2", '"Pungli di kantor desa'), row("CC-3"), row("CC-4"), row("CC-5")]
    recs = callcenter.parse("\n".join([HEADER, *rows]).encode(), "callcenter/h.csv", "h")
    assert [(r.get("source_ref"), r.get("reason_code")) for r in recs] == [("CC-1", None), (None, "unclosed_quote")]
    assert recs[1]["reason"] == ("tanda kutip (\") tidak ditutup di kolom summary: 3 baris berikutnya tertelan ke dalam "
                                 "catatan ini, 3 di antaranya tampak seperti awal baris data (call_id 'CC-3' dst.)")
    # closed by a later quoted field, the row even had the right number of columns and was accepted silently
    rows = [row("CC-1", '"Pungli, di desa'), row("CC-2"), row("CC-3", '"Air mati, 3 hari"'), row("CC-4")]
    recs = callcenter.parse("\n".join([HEADER, *rows]).encode(), "callcenter/i.csv", "h")
    assert recs[0]["reason_code"] == "unclosed_quote" and "2 baris berikutnya" in recs[0]["reason"]
    # a quoted summary over several lines is not a swallowed row
    [ok] = callcenter.parse("\n".join([HEADER, row("CC-7", '"Baris pertama,\nbaris kedua"')]).encode(), "c.csv", "h")
    assert ok.get("reason_code") is None and ok["text"] == "Baris pertama,\nbaris kedua"


def test_a_file_with_old_mac_line_endings_is_read_row_by_row():
    # "\r" alone ends each line: the csv module read the file as one line and rejected it at the header, so the
    # whole file was one parser_error record
    rows = [row("CC-1"), row("CC-2", '"Motor hilang\rdi parkiran"'), row("CC-3")]
    recs = callcenter.parse("\r".join([HEADER, *rows, ""]).encode(), "callcenter/mac.csv", "h")
    assert [(r["position"], r.get("reason_code"), r["source_ref"]) for r in recs] == [
        ("row 1", None, "CC-1"), ("row 2", None, "CC-2"), ("row 3", None, "CC-3")]
    assert recs[1]["text"] == "Motor hilang\rdi parkiran"  # a line break inside quotes stays in its field
    # the same rows with "\r\n" give the same records
    crlf = callcenter.parse("\r\n".join([HEADER, *rows, ""]).encode(), "callcenter/win.csv", "h")
    assert [r["content_hash"] for r in crlf] == [r["content_hash"] for r in recs]


def test_a_utf8_file_with_one_windows1252_row_holds_that_row_and_reads_the_others_right():
    # the whole file was decoded as Windows-1252 when one byte was not UTF-8: every UTF-8 row was loaded garbled
    # ("KafÃ©"), silently; the odd row is now held with a reason naming its line, and the others read as UTF-8
    data = b"\n".join([HEADER.encode(), row("CC-1", "Kafé di depan kantor tutup").encode(),
                       row("CC-2", "Caf\u00e9 \u2019tutup\u2019").encode("cp1252"), row("CC-3", "Jalan rusak").encode(),
                       row("CC-4", '"Antre lama,\nkata petugas \u201cbesok\u201d"').encode("cp1252"),
                       row("CC-5", "Lampu padam dan warga résah").encode(), row("CC-6", "Pungli “uang rokok”").encode(), b""])
    recs = callcenter.parse(data, "callcenter/mixed.csv", "h")
    assert [(r["position"], r.get("reason_code"), r.get("text")) for r in recs] == [
        ("row 1", None, "Kafé di depan kantor tutup"), ("row 2", "bad_encoding", None), ("row 3", None, "Jalan rusak"),
        ("row 4", "bad_encoding", None), ("row 5", None, "Lampu padam dan warga résah"),
        ("row 6", None, "Pungli “uang rokok”")]
    assert "baris berkas 3" in recs[1]["reason"] and "Windows-1252" in recs[1]["reason"]
    assert "baris berkas 6" in recs[3]["reason"]  # the row's second line is the odd one
    assert "Caf" not in recs[1]["reason"]  # the reason never quotes the record
    # the held row's content is its Windows-1252 reading (as the same row delivered in Windows-1252 would give)
    alone = callcenter.parse(b"\n".join([HEADER.encode(), row("CC-2", "Caf\u00e9 \u2019tutup\u2019").encode("cp1252")]),
                             "callcenter/cp.csv", "h")
    assert alone[0]["text"] == "Café ’tutup’" and alone[0]["content_hash"] == recs[1]["content_hash"]


def test_a_windows1252_file_with_one_utf8_row_holds_the_utf8_row():
    rows = [row("CC-1", "Kaf\u00e9 tutup"), row("CC-2", "Antre \u201clama\u201d"), row("CC-3", "Kafé buka")]
    data = "\r".join([HEADER, rows[0], rows[1]]).encode("cp1252") + b"\r" + rows[2].encode() + b"\r"
    recs = callcenter.parse(data, "callcenter/mixed-mac.csv", "h")
    assert [(r.get("reason_code"), r.get("text")) for r in recs] == [
        (None, "Kafé tutup"), (None, "Antre “lama”"), ("bad_encoding", None)]
    assert "baris berkas 4 tertulis dalam UTF-8" in recs[2]["reason"]


def test_a_windows1252_file_with_a_byte_cp1252_leaves_undefined_is_read_as_latin1_on_that_line_only():
    data = "\n".join([HEADER, row("CC-1", "Antre \u201clama\u201d")]).encode("cp1252") + b"\n" + \
        row("CC-2", "Kaf\x81").encode("latin-1")
    recs = callcenter.parse(data, "callcenter/c.csv", "h")
    assert [(r.get("reason_code"), r.get("text")) for r in recs] == [(None, "Antre “lama”"), (None, "Kaf\x81")]
