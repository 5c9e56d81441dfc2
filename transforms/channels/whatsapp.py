"""WhatsApp Business Platform (Cloud API) webhook bodies, one JSON body per line.

Each message in `entry[].changes[].value.messages[]` is one record; `contacts[]` gives the sender's
profile name. Non-text messages (image, audio, document, location, ...) are records too: they are
kept with their type and a caption when there is one. A line that is not valid JSON, or a body with
no message at all, is one record of its own.
"""

from __future__ import annotations

import json
from datetime import datetime, timezone

from transforms.channels.common import base_record, broken, clean_str

CHANNEL = "whatsapp"


def parse(data: bytes, source_file: str, file_hash: str) -> list[dict]:
    records: list[dict] = []
    seq = 0
    for line_no, raw in enumerate(data.splitlines(), start=1):
        if not raw.strip():
            continue
        try:
            body = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            seq += 1
            rec = base_record(CHANNEL, source_file, file_hash, seq, f"line {line_no}", raw)
            records.append(broken(rec, "bad_json", f"badan webhook tidak valid: {type(exc).__name__}"))
            continue
        messages = list(_messages(body))
        if not messages:
            seq += 1
            rec = base_record(CHANNEL, source_file, file_hash, seq, f"line {line_no}", raw)
            records.append(broken(rec, "no_message", "webhook tanpa pesan (mis. hanya status pengiriman)"))
            continue
        for idx, (msg, names) in enumerate(messages, start=1):
            seq += 1
            raw_msg = json.dumps(msg, sort_keys=True, ensure_ascii=False)
            rec = base_record(CHANNEL, source_file, file_hash, seq, f"line {line_no} message {idx}", raw_msg)
            records.append(_message_record(msg, names, rec))
    return records


def _messages(body):
    """Yield (message, {wa_id: profile name}) for every message in a webhook body."""
    if not isinstance(body, dict):
        return
    for entry in body.get("entry") or []:
        for change in (entry or {}).get("changes") or []:
            value = (change or {}).get("value") or {}
            names = {
                c.get("wa_id"): (c.get("profile") or {}).get("name")
                for c in value.get("contacts") or []
                if isinstance(c, dict)
            }
            for msg in value.get("messages") or []:
                if isinstance(msg, dict):
                    yield msg, names


def _message_record(msg: dict, names: dict, rec: dict) -> dict:
    rec["source_ref"] = clean_str(msg.get("id"))
    sender = clean_str(msg.get("from"))
    mtype = clean_str(msg.get("type")) or "unknown"
    rec["message_type"] = mtype
    if not sender or not rec["source_ref"]:
        return broken(rec, "missing_field", "pesan tanpa pengirim atau id")
    try:
        rec["received_at"] = datetime.fromtimestamp(int(msg.get("timestamp")), tz=timezone.utc)
    except (TypeError, ValueError, OverflowError, OSError):
        return broken(rec, "bad_date", f"timestamp tidak bisa dibaca: {str(msg.get('timestamp'))[:30]!r}")
    rec["reporter_phone"] = sender
    rec["reporter_name"] = clean_str(names.get(sender))
    if mtype == "text":
        rec["text"] = (msg.get("text") or {}).get("body") or ""
    else:
        media = msg.get(mtype) if isinstance(msg.get(mtype), dict) else {}
        rec["text"] = clean_str(media.get("caption")) or ""
        rec["attachments"] = 1
        if mtype == "location":
            rec["location_raw"] = clean_str(media.get("name") or media.get("address"))
    return rec
