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
