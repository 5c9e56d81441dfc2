"""WhatsApp Business Platform (Cloud API) webhook bodies, one JSON body per line.

Each message in `entry[].changes[].value.messages[]` is one record; `contacts[]` gives the sender's
profile name. Non-text messages (image, audio, document, location, ...) are records too: they are
kept with their type and a caption when there is one. A line that is not valid UTF-8 JSON, JSON that is not
one body (an object; e.g. a list of bodies), or a body with no message at all, is one record of its own.
"""

from __future__ import annotations

import json
from datetime import datetime, timezone

from transforms.channels.common import base_record, broken, clean_str, not_utf8, parse_record, strip_bom

CHANNEL = "whatsapp"


def parse(data: bytes, source_file: str, file_hash: str) -> list[dict]:
    records: list[dict] = []
    seq = 0
    for line_no, raw in enumerate(strip_bom(data).splitlines(), start=1):
        if not raw.strip():
            continue
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError as exc:  # e.g. a line saved by a Windows-1252 editor: held, never misread
            seq += 1
            rec = base_record(CHANNEL, source_file, file_hash, seq, f"line {line_no}", raw)
            records.append(broken(rec, "bad_encoding", not_utf8(exc)))
            continue
        try:
            body = json.loads(line)
        except (json.JSONDecodeError, RecursionError) as exc:  # RecursionError: nested too deep
            seq += 1
            rec = base_record(CHANNEL, source_file, file_hash, seq, f"line {line_no}", raw)
            records.append(broken(rec, "bad_json", f"badan webhook tidak valid: {type(exc).__name__}"))
            continue
        if not isinstance(body, dict):  # a list of bodies, a string, ...: not "a body without messages"
            seq += 1
            rec = base_record(CHANNEL, source_file, file_hash, seq, f"line {line_no}", raw)
            records.append(broken(rec, "bad_structure", _not_a_body(body)))
            continue
        try:
            messages = list(_messages(body))
        except BadBody as exc:  # its messages cannot be counted: the line is one record
            seq += 1
            rec = base_record(CHANNEL, source_file, file_hash, seq, f"line {line_no}", raw)
            records.append(broken(rec, "bad_structure", f"struktur badan webhook tidak sesuai: {exc}"))
            continue
        if not messages:
            seq += 1
            rec = base_record(CHANNEL, source_file, file_hash, seq, f"line {line_no}", raw)
            records.append(broken(rec, "no_message", "webhook tanpa pesan (mis. hanya status pengiriman)"))
            continue
        for idx, (msg, names) in enumerate(messages, start=1):
            seq += 1
            raw_msg = json.dumps(msg, sort_keys=True, ensure_ascii=False)
            rec = base_record(CHANNEL, source_file, file_hash, seq, f"line {line_no} message {idx}", raw_msg)
            records.append(parse_record(_message_record, msg, names, rec))
    return records


_JSON_KINDS = {str: "teks", int: "angka", float: "angka", bool: "nilai true/false", type(None): "null"}


def _not_a_body(value) -> str:
    """The reason of a line whose JSON is not one webhook body (an object)."""
    if isinstance(value, list):
        return (f"baris berisi daftar JSON ({len(value)} unsur), bukan satu objek badan webhook: tulis satu badan "
                f"webhook per baris")
    return f"baris berisi {_JSON_KINDS.get(type(value), type(value).__name__)} JSON, bukan objek badan webhook"


class BadBody(ValueError):
    """A webhook body whose shape does not let its messages be counted."""


def _messages(body):
    """Yield (message, {wa_id: profile name}) for every message in a webhook body.

    Raises BadBody when `entry`, `changes`, `value` or `messages` is not of the Cloud API's shape, so that
    the body cannot be split into messages. A malformed contact only loses the sender's name.
    """
    if not isinstance(body, dict):
        return
    for entry in _list(body.get("entry"), "entry"):
        for change in _list(_dict(entry, "entry[]").get("changes"), "changes"):
            value = _dict(_dict(change, "changes[]").get("value"), "value")
            names = {}
            contacts = value.get("contacts")
            for c in contacts if isinstance(contacts, list) else []:
                if isinstance(c, dict) and isinstance(c.get("profile"), dict):
                    names[clean_str(c.get("wa_id"))] = c["profile"].get("name")
            for msg in _list(value.get("messages"), "messages"):
                yield msg, names


def _list(value, name: str) -> list:
    if value is None:
        return []
    if not isinstance(value, list):
        raise BadBody(f"{name} bukan daftar (berisi {type(value).__name__})")
    return value


def _dict(value, name: str) -> dict:
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise BadBody(f"{name} bukan objek (berisi {type(value).__name__})")
    return value


def _message_record(msg, names: dict, rec: dict) -> dict:
    if not isinstance(msg, dict):
        return broken(rec, "bad_structure", f"pesan bukan objek JSON (berisi {type(msg).__name__})")
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
        text = msg.get("text") or {}
        if not isinstance(text, dict):
            return broken(rec, "bad_field", f"text bukan objek {{body}} (berisi {type(text).__name__})")
        body = text.get("body")
        if isinstance(body, (int, float)) and not isinstance(body, bool):
            body = str(body)  # a number typed as the whole message, e.g. a ticket number
        elif body is not None and not isinstance(body, str):
            return broken(rec, "bad_field", f"text.body bukan teks (berisi {type(body).__name__})")
        rec["text"] = body or ""
    else:
        media = msg.get(mtype) if isinstance(msg.get(mtype), dict) else {}
        rec["text"] = clean_str(media.get("caption")) or ""
        rec["attachments"] = 1
        if mtype == "location":
            rec["location_raw"] = clean_str(media.get("name") or media.get("address"))
    return rec
