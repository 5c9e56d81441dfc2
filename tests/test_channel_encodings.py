"""Encodings and line endings of delivered files, across channels (through dispatch.parse_file, as the flow reads)."""

import codecs
import json

import pytest

from transforms.channels.common import bomless_utf16
from transforms.channels.dispatch import parse_file

CSV_HEADER = "call_id,started_at,ended_at,agent_id,caller_number,caller_name,agency,region,summary,category,status"
CSV = CSV_HEADER + "\r\nCC-1,2025-01-01 08:00,,AG1,0812,Ani,Polres,Bogor,Kafé di depan kantor tutup,Polisi,Dicatat\r\n"
LAPOR = json.dumps({"tracking_id": "L-1", "content": "Jalan rusak di depan kafé", "created_at": "2025-01-01T08:00:00+07:00"},
                   ensure_ascii=False) + "\r\n"
WHATSAPP = json.dumps({"entry": [{"changes": [{"value": {
    "contacts": [{"wa_id": "6281111", "profile": {"name": "Siti"}}],
    "messages": [{"from": "6281111", "id": "wamid.1", "timestamp": "1735700000", "type": "text",
                  "text": {"body": "KTP belum jadi, kafé tutup"}}]}}]}]}, ensure_ascii=False) + "\r\n"
EMAIL = ("From: Budi <budi@example.id>\r\nTo: pengaduan@example.go.id\r\nSubject: Aduan kafé\r\n"
         "Message-ID: <m1@example.id>\r\nDate: Wed, 01 Jan 2025 08:00:00 +0700\r\n"
         "Content-Type: text/plain; charset=utf-8\r\n\r\nJalan di depan kafé rusak parah.\r\n")
FILES = [("callcenter", "callcenter/a.csv", CSV, "Kafé di depan kantor tutup"),
         ("lapor", "lapor/a.jsonl", LAPOR, "Jalan rusak di depan kafé"),
         ("whatsapp", "whatsapp/a.jsonl", WHATSAPP, "KTP belum jadi, kafé tutup"),
         ("email", "email/a.eml", EMAIL, "Jalan di depan kafé rusak parah.")]


def parsed(recs):
    return [(r["position"], r.get("reason_code"), r.get("text"), r["content_hash"]) for r in recs]


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32"])
@pytest.mark.parametrize(("channel", "name", "text", "body"), FILES, ids=[f[0] for f in FILES])
def test_a_file_with_a_utf16_or_utf32_byte_order_mark_is_read_as_its_utf8_twin(channel, name, text, body, encoding):
    # a UTF-16 file (Excel's "Unicode text", Notepad's "Unicode") was read as 8-bit text: every line a bad_json or
    # bad_encoding record, the call-centre file one parser_error
    bom = {"utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE}.get(encoding, b"")
    recs = parse_file(channel, name, "h", bom + text.encode(encoding))
    assert [(r.get("reason_code"), r.get("text")) for r in recs] == [(None, body)]
    assert parsed(recs) == parsed(parse_file(channel, name, "h", text.encode("utf-8")))


def test_a_utf16_file_cut_in_the_middle_of_a_character_is_one_record_saying_so():
    data = LAPOR.encode("utf-16")[:-1]
    [rec] = parse_file("lapor", "lapor/a.jsonl", "h", data)
    assert (rec["position"], rec["reason_code"]) == ("file", "bad_encoding")
    assert "UTF-16" in rec["reason"] and "kafé" not in rec["reason"]


def test_a_utf16_file_holding_only_its_byte_order_mark_and_blank_lines_is_empty():
    [rec] = parse_file("callcenter", "callcenter/a.csv", "h", "\r\n\r\n".encode("utf-16"))
    assert rec["reason_code"] == "empty_file"


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize(("channel", "name", "text", "body"), FILES, ids=[f[0] for f in FILES])
def test_a_utf16_file_without_a_byte_order_mark_is_read_as_its_utf8_twin(channel, name, text, body, encoding):
    # UTF-16 saved without the mark was read as 8-bit text, a NUL byte beside every letter: the JSON lines were
    # bad_encoding and bad_json records, the call-centre file one parser_error, the e-mail one bad_email
    recs = parse_file(channel, name, "h", text.encode(encoding))
    assert [(r.get("reason_code"), r.get("text")) for r in recs] == [(None, body)]
    assert parsed(recs) == parsed(parse_file(channel, name, "h", text.encode("utf-8")))


def test_a_utf16_file_without_a_byte_order_mark_and_with_a_few_wider_letters_is_still_utf16():
    # curly quotes, a dash and an emoji have no NUL byte in UTF-16: a few of them do not hide the encoding
    text = CSV.replace("Kafé di depan kantor tutup", "\u201cKafé\u201d tutup \u2013 \U0001F621")
    [rec] = parse_file("callcenter", "callcenter/a.csv", "h", text.encode("utf-16-le"))
    assert (rec.get("reason_code"), rec["text"]) == (None, "\u201cKafé\u201d tutup \u2013 \U0001F621")


def test_a_utf8_file_with_a_few_stray_nul_bytes_is_not_taken_for_utf16():
    # a guard for the check above: stray NUL bytes (a faulty export) leave the file read as UTF-8, as before
    data = CSV.encode().replace(b"Kaf", b"Ka\x00f").replace(b"Polres", b"Pol\x00res").replace(b"AG1", b"AG\x001")
    assert len(data) % 2 == 0 and bomless_utf16(data) is None
    [rec] = parse_file("callcenter", "callcenter/a.csv", "h", data)
    assert (rec["position"], rec.get("reason_code"), rec["text"]) == ("row 1", None, "Ka\x00fé di depan kantor tutup")


@pytest.mark.parametrize("data", [
    bytes(range(256)) * 4,                         # binary: NUL bytes, but one in 256
    b"\x00" * 64,                                  # all NUL: decodes to NUL characters, not text
    "abc\n".encode("utf-32-le"),                   # UTF-32 without a mark: NUL characters in UTF-16
    b"J\x00a\x00l\x00\x00\xdc\x00a\x00n\x00",      # the NUL pattern, but a lone surrogate: not UTF-16 text
], ids=["binary", "all-nul", "utf-32", "lone-surrogate"])
def test_bytes_with_nuls_that_are_not_utf16_text_are_not_converted(data):
    assert bomless_utf16(data) is None


def test_a_utf16_file_without_a_byte_order_mark_cut_in_the_middle_of_a_character_is_one_record_saying_so():
    data = LAPOR.encode("utf-16-le")[:-1]
    [rec] = parse_file("lapor", "lapor/a.jsonl", "h", data)
    assert (rec["position"], rec["reason_code"]) == ("file", "bad_encoding")
    assert "UTF-16" in rec["reason"] and "kafé" not in rec["reason"]
