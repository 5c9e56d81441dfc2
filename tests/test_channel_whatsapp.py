import json

from transforms.channels import whatsapp


def body(*messages, name="Siti"):
    return json.dumps({"object": "whatsapp_business_account", "entry": [{"id": "1", "changes": [{"field": "messages",
        "value": {"contacts": [{"profile": {"name": name}, "wa_id": "6281111"}], "messages": list(messages)}}]}]}).encode()


def text(mid, ts, txt):
    return {"from": "6281111", "id": mid, "timestamp": str(ts), "type": "text", "text": {"body": txt}}


def test_each_message_is_a_record_with_sender_name():
    recs = whatsapp.parse(body(text("a", 1700000000, "halo min"), text("b", 1700000060, "KTP blm jadi")), "w.jsonl", "h")
    assert [r["source_ref"] for r in recs] == ["a", "b"]
    assert [r["position"] for r in recs] == ["line 1 message 1", "line 1 message 2"]
    assert recs[0]["reporter_name"] == "Siti" and recs[1]["text"] == "KTP blm jadi"
    assert recs[0]["received_at"].timestamp() == 1700000000


def test_media_messages_are_kept_with_type_and_caption():
    img = {"from": "6281111", "id": "c", "timestamp": "1700000000", "type": "image",
           "image": {"id": "m1", "mime_type": "image/jpeg", "caption": "foto jalan"}}
    loc = {"from": "6281111", "id": "d", "timestamp": "1700000001", "type": "location",
           "location": {"latitude": -6.2, "longitude": 106.8, "name": "Kantor Kelurahan Sukamaju"}}
    recs = whatsapp.parse(body(img, loc), "w.jsonl", "h")
    assert [(r["message_type"], r["text"], r["attachments"]) for r in recs] == [("image", "foto jalan", 1), ("location", "", 1)]
    assert recs[1]["location_raw"] == "Kantor Kelurahan Sukamaju"


def test_broken_lines_and_status_only_bodies_are_records():
    status = json.dumps({"entry": [{"changes": [{"value": {"statuses": [{"id": "x", "status": "read"}]}}]}]}).encode()
    bad_ts = text("e", "kemarin", "halo")
    recs = whatsapp.parse(b"{not json\n" + status + b"\n" + body(bad_ts), "w.jsonl", "h")
    assert [r["reason_code"] for r in recs] == ["bad_json", "no_message", "bad_date"]
    assert recs[0]["position"] == "line 1" and recs[2]["position"] == "line 3 message 1"


def test_malformed_bodies_quarantine_their_own_message_or_line_only():
    # each of these raised AttributeError and the whole file became one parser_error record
    text_str = {"from": "6281111", "id": "s", "timestamp": "1700000000", "type": "text", "text": "halo mau lapor"}
    profile_str = json.dumps({"entry": [{"changes": [{"value": {
        "contacts": [{"profile": "Budi", "wa_id": "6281111"}], "messages": [text("p", 1700000001, "KTP blm jadi")]}}]}]})
    entry_str = json.dumps({"object": "x", "entry": "oops"})
    data = b"\n".join([body(text("a", 1700000000, "halo min")), body(text_str), profile_str.encode(),
                       entry_str.encode(), body(text("b", 1700000060, "jalan rusak"), "bukan pesan")])
    recs = whatsapp.parse(data, "w.jsonl", "h")
    assert [(r["position"], r.get("reason_code")) for r in recs] == [
        ("line 1 message 1", None), ("line 2 message 1", "bad_field"), ("line 3 message 1", None),
        ("line 4", "bad_structure"), ("line 5 message 1", None), ("line 5 message 2", "bad_structure")]
    assert "text bukan objek" in recs[1]["reason"] and "entry bukan daftar" in recs[3]["reason"]
    assert recs[2]["text"] == "KTP blm jadi" and recs[2]["reporter_name"] is None  # a string profile has no name


def test_a_body_that_is_not_text_is_quarantined_not_passed_to_the_frame():
    # {"body": {"text": "halo"}} reached records_frame as a dict and failed the whole channel's partition
    from transforms.schema import records_frame

    recs = whatsapp.parse(body(text("a", 1700000000, {"text": "halo"}), text("b", 1700000001, 12345678),
                               text("c", 1700000002, "KTP blm jadi")), "w.jsonl", "h")
    assert [(r.get("reason_code"), r.get("text")) for r in recs] == [
        ("bad_field", None), (None, "12345678"), (None, "KTP blm jadi")]
    assert "text.body bukan teks" in recs[0]["reason"]
    assert records_frame(recs).height == 3


def test_a_byte_order_mark_at_the_start_of_the_file_is_not_a_bad_line():
    recs = whatsapp.parse(b"\xef\xbb\xbf" + body(text("a", 1700000000, "halo min")), "w.jsonl", "h")
    assert [(r["position"], r.get("reason_code"), r.get("text")) for r in recs] == [("line 1 message 1", None, "halo min")]


def test_a_line_nested_too_deep_for_the_json_module_is_a_bad_json_record():
    recs = whatsapp.parse(b"[" * 100_000 + b"\n" + body(text("a", 1700000000, "halo min")), "w.jsonl", "h")
    assert [(r["position"], r.get("reason_code")) for r in recs] == [("line 1", "bad_json"), ("line 2 message 1", None)]


def test_a_line_that_is_not_utf8_is_held_as_bad_encoding_with_a_readable_reason():
    # it was a bad_json record "badan webhook tidak valid: UnicodeDecodeError"
    odd = json.dumps(json.loads(body(text("b", 1700000001, "Caf\u00e9 tutup"))), ensure_ascii=False).encode("cp1252")
    recs = whatsapp.parse(body(text("a", 1700000000, "Kafé buka")) + b"\n" + odd, "w.jsonl", "h")
    assert [(r["position"], r.get("reason_code")) for r in recs] == [("line 1 message 1", None), ("line 2", "bad_encoding")]
    assert "bukan UTF-8" in recs[1]["reason"] and "Windows-1252" in recs[1]["reason"]


def test_a_line_that_is_a_json_list_or_scalar_says_so_instead_of_no_message():
    # a list of bodies on one line was "webhook tanpa pesan (mis. hanya status pengiriman)"
    listed = b"[" + body(text("a", 1700000000, "halo min")) + b"," + body(text("b", 1700000001, "KTP blm jadi")) + b"]"
    recs = whatsapp.parse(b"\n".join([listed, b'"halo"', b"null", body(text("c", 1700000002, "jalan rusak"))]),
                          "w.jsonl", "h")
    assert [(r["position"], r.get("reason_code")) for r in recs] == [
        ("line 1", "bad_structure"), ("line 2", "bad_structure"), ("line 3", "bad_structure"),
        ("line 4 message 1", None)]
    assert "daftar JSON (2 unsur)" in recs[0]["reason"] and "satu badan webhook per baris" in recs[0]["reason"]
    assert "teks JSON" in recs[1]["reason"] and "null JSON" in recs[2]["reason"]
    assert "halo" not in recs[0]["reason"] + recs[1]["reason"]
