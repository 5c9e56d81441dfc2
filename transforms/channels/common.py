"""Helpers shared by the channel parsers."""

from __future__ import annotations

import codecs
import hashlib
from datetime import datetime, timezone
from zoneinfo import ZoneInfo

WIB = ZoneInfo("Asia/Jakarta")


def sha256(data: bytes | str) -> str:
    if isinstance(data, str):
        data = data.encode("utf-8", "surrogatepass")
    return hashlib.sha256(data).hexdigest()


def base_record(channel: str, source_file: str, file_hash: str, seq: int, position: str, raw: bytes | str) -> dict:
    return {
        "channel": channel,
        "source_file": source_file,
        "file_hash": file_hash,
        "seq": seq,
        "position": position,
        "content_hash": sha256(raw),
        "parent_refs": [],
        "attachments": 0,
        "message_type": channel,
    }


def broken(record: dict, code: str, reason: str) -> dict:
    record["reason_code"] = code
    record["reason"] = reason
    return record


def strip_bom(data: bytes) -> bytes:
    """JSON-lines files may start with a UTF-8 byte-order mark (Windows tools write one): drop it once."""
    return data[len(codecs.BOM_UTF8):] if data.startswith(codecs.BOM_UTF8) else data


# Byte-order marks of the wide Unicode encodings, longest first: the UTF-32 LE mark starts with the UTF-16 LE one.
_WIDE_BOMS = ((codecs.BOM_UTF32_LE, "UTF-32"), (codecs.BOM_UTF32_BE, "UTF-32"),
              (codecs.BOM_UTF16_LE, "UTF-16"), (codecs.BOM_UTF16_BE, "UTF-16"))


def wide_encoding(data: bytes) -> str | None:
    """'UTF-16' or 'UTF-32' when the bytes start with that encoding's byte-order mark (Excel's "Unicode text",
    Notepad's "Unicode" and PowerShell write UTF-16 with one), else None."""
    return next((name for bom, name in _WIDE_BOMS if data.startswith(bom)), None)


def parse_record(parse_one, *args) -> dict:
    """`parse_one(*args)`, whose last argument is the record; an unforeseen error quarantines this record only.

    The dispatcher quarantines a whole file on a parser error, which hides the file's good records: each
    parser calls its per-record step through this, so input no rule foresaw costs one record, not the file.
    """
    try:
        return parse_one(*args)
    except Exception as exc:  # noqa: BLE001 - reported as the record's reason
        # the error's class only: its message may quote the record (a name, a number), and reasons are stored
        # in the warehouse and shown on Kualitas data
        return broken(args[-1], "parser_error", f"catatan tidak bisa diurai ({type(exc).__name__})")


def decode_text(data: bytes) -> tuple[str, str]:
    """Decode bytes that should be text: UTF-8 first, then the Windows/Latin code pages.

    Returns the text and the encoding used. latin-1 accepts any byte, so this never fails.
    """
    for enc in ("utf-8-sig", "cp1252", "latin-1"):
        try:
            return data.decode(enc), enc
        except UnicodeDecodeError:
            continue
    raise AssertionError("latin-1 decodes every byte")  # pragma: no cover


def to_utc(dt: datetime, default_tz=WIB) -> datetime:
    """Attach the default zone to naive times (channels without offsets are local WIB), then convert.

    Raises OverflowError when the UTC time falls outside years 1-9999 (e.g. 0001-01-01 WIB, 9999-12-31 -05:00).
    """
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=default_tz)
    return dt.astimezone(timezone.utc)


def parse_iso(value) -> datetime | None:
    """ISO 8601 with or without offset ('Z' accepted). None when missing or unparseable."""
    if not isinstance(value, str) or not value.strip():
        return None
    try:
        return to_utc(datetime.fromisoformat(value.strip().replace("Z", "+00:00")))
    except (ValueError, OverflowError):  # OverflowError: the UTC time is outside years 1-9999
        return None


def as_bool(value) -> bool | None:
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, float)):
        return bool(value)
    if isinstance(value, str):
        v = value.strip().lower()
        if v in {"true", "ya", "yes", "1", "y"}:
            return True
        if v in {"false", "tidak", "no", "0", "n", ""}:
            return False
    return None


def clean_str(value) -> str | None:
    if value is None:
        return None
    s = str(value).strip()
    return s or None
