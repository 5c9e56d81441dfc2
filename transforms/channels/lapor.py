"""SP4N-LAPOR! export: JSON lines, one report per line.

Fields: tracking_id, title, content, created_at (ISO 8601 with offset), category, agency, location,
status, is_anonymous, is_secret, reporter {name, phone, email} (may be null), responses [{at, by, text}].
"""

from __future__ import annotations

import json

from transforms.channels.common import (as_bool, base_record, broken, clean_str, not_utf8, parse_iso, parse_record,
                                       strip_bom)

CHANNEL = "lapor"
REQUIRED = ("tracking_id", "content", "created_at")


def parse(data: bytes, source_file: str, file_hash: str) -> list[dict]:
    records = []
    for seq, raw in enumerate(strip_bom(data).splitlines(), start=1):
        if not raw.strip():
            continue  # blank separator lines are not records
        rec = base_record(CHANNEL, source_file, file_hash, seq, f"line {seq}", raw)
        records.append(parse_record(_parse_line, raw, rec))
    return records


def _parse_line(raw: bytes, rec: dict) -> dict:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        return broken(rec, "bad_encoding", not_utf8(exc))
    try:
        obj = json.loads(text)
    except json.JSONDecodeError as exc:
        return broken(rec, "bad_json", f"JSON tidak valid: {exc.msg} (kolom {exc.colno})")
    if not isinstance(obj, dict):
        return broken(rec, "bad_json", "JSON bukan objek laporan")

    rec["source_ref"] = clean_str(obj.get("tracking_id"))
    missing = [f for f in REQUIRED if obj.get(f) in (None, "")]
    if missing:
        return broken(rec, "missing_field", "field wajib tidak ada: " + ", ".join(missing))

    received = parse_iso(obj.get("created_at"))
    if received is None:
        return broken(rec, "bad_date", f"created_at tidak bisa dibaca: {str(obj.get('created_at'))[:40]!r}")
    rec["received_at"] = received

    reporter = obj.get("reporter") if isinstance(obj.get("reporter"), dict) else {}
    responses = obj.get("responses") if isinstance(obj.get("responses"), list) else []
    response_times = [t for t in (parse_iso(r.get("at")) for r in responses if isinstance(r, dict)) if t]
    history = obj.get("status_history") if isinstance(obj.get("status_history"), list) else []

    rec.update(
        title=clean_str(obj.get("title")),
        text=obj.get("content") if isinstance(obj.get("content"), str) else str(obj.get("content")),
        agency_raw=clean_str(obj.get("agency")),
        location_raw=clean_str(obj.get("location")),
        channel_category=clean_str(obj.get("category")),
        status=clean_str(obj.get("status")),
        is_anonymous=as_bool(obj.get("is_anonymous")),
        is_secret=as_bool(obj.get("is_secret")),
        reporter_name=clean_str(reporter.get("name")),
        reporter_phone=clean_str(reporter.get("phone")),
        reporter_email=clean_str(reporter.get("email")),
        first_response_at=min(response_times) if response_times else None,
        **status_times(history),
    )
    return rec


# SP4N-LAPOR! statuses that mark the steps the service standards time (first occurrence counts).
STEP_STATUSES = {
    "forwarded_at": ("disposisi", "diteruskan"),
    "acted_at": ("ditindaklanjuti", "tindak lanjut"),
    "closed_at": ("selesai",),
}


def status_times(history: list) -> dict:
    """When the report was forwarded to the agency, acted on and closed, from `status_history [{status, at}]`."""
    times: dict = {step: None for step in STEP_STATUSES}
    for entry in history:
        if not isinstance(entry, dict):
            continue
        at, status = parse_iso(entry.get("at")), str(entry.get("status") or "").lower()
        if at is None:
            continue
        for step, words in STEP_STATUSES.items():
            if any(w in status for w in words) and (times[step] is None or at < times[step]):
                times[step] = at
    return times

