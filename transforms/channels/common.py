"""Helpers shared by the channel parsers."""

from __future__ import annotations

import codecs
import hashlib
import re
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


# The share of a text's UTF-16 code units whose high byte must be NUL for bytes without a byte-order mark to be
# taken for UTF-16: Latin-script text (Indonesian, English, the Latin-1 letters) has it in every unit; a few
# curly quotes, dashes or emoji leave far more than this. A UTF-8 file with a few stray NUL bytes is far below it.
_UTF16_NUL_SHARE = 0.75


def bomless_utf16(data: bytes) -> str | None:
    """'utf-16-le' or 'utf-16-be' when bytes without a byte-order mark look like UTF-16 text, else None.

    Some tools save UTF-16 without the mark. Latin-script text has a NUL byte in almost every code unit, at the
    odd positions in little-endian order, at the even ones in big-endian: this asks for a NUL in at least three
    quarters of the units on one side, and for the (even-length) bytes to decode cleanly in that order into text
    without a NUL character (each NUL byte is half of a letter, never a character of its own; this also keeps
    UTF-32 from passing as UTF-16). A UTF-8 or Windows-1252 file holds no NUL byte and pays one scan for it.
    An odd length is judged on the bytes before the last one: the caller tells a file cut off in the middle
    of a character by `len(data) % 2`.
    """
    if b"\x00" not in data:
        return None
    body = data[: len(data) - len(data) % 2]
    units = len(body) // 2
    if not units:
        return None
    for encoding, high in (("utf-16-le", body[1::2]), ("utf-16-be", body[0::2])):
        if high.count(0) >= _UTF16_NUL_SHARE * units:
            try:
                text = body.decode(encoding)
            except UnicodeDecodeError:  # e.g. a lone surrogate: not UTF-16 text
                return None
            return encoding if "\x00" not in text else None
    return None


def not_utf8(exc: UnicodeDecodeError) -> str:
    """The reason of a JSON line that is not UTF-8 (JSON must be), e.g. a line saved by a Windows-1252 editor."""
    return (f"baris bukan UTF-8 yang sah (byte {exc.start}; mis. disimpan sebagai Windows-1252): simpan ulang "
            f"sebagai UTF-8 lalu kirim lagi")


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


_ESCAPED_BYTE = re.compile("[\udc80-\udcff]")  # a byte that is not UTF-8, as surrogateescape keeps it


def _legacy(line: bytes) -> str:
    try:
        return line.decode("cp1252")
    except UnicodeDecodeError:  # one of the five bytes cp1252 leaves undefined
        return line.decode("latin-1")


def decode_lines(data: bytes, sep: str = "\n") -> tuple[str, str, set[int]]:
    """Decode text that should be UTF-8 or Windows-1252, line by line where a file mixes the two.

    Returns the text, the file's encoding ('utf-8' or 'cp1252': that of more lines) and the numbers (1-based;
    lines end at `sep`) of the lines written in the other: a UTF-8 file with a row typed in a Windows-1252 editor,
    or the reverse.
    Each line is decoded in its own encoding (UTF-8 when it is valid UTF-8, else Windows-1252, else Latin-1),
    but the legacy guess cannot be checked: the caller holds the records of those lines, so a letter read wrong
    is never loaded unseen. A file valid as UTF-8 is decoded in one call (nothing per line), and so is a file
    with no UTF-8 beyond ASCII (a Windows-1252 file, no odd lines); only a file holding both is split into lines.
    """
    try:
        return data.decode("utf-8-sig"), "utf-8", set()
    except UnicodeDecodeError:
        pass
    body = data.removeprefix(codecs.BOM_UTF8)
    # the bytes that are not UTF-8 dropped, what is left beyond ASCII is valid UTF-8 (a C-speed look at the file)
    if body.decode("utf-8", "ignore").isascii():  # no UTF-8 beyond ASCII: a Windows-1252 file, decoded at once
        try:
            return body.decode("cp1252"), "cp1252", set()
        except UnicodeDecodeError:
            pass  # a byte cp1252 leaves undefined: Latin-1 for its line only, below
    lines = body.decode("utf-8", "surrogateescape").split(sep)
    utf8, legacy = [], []
    for i, line in enumerate(lines):
        if not line.isascii():
            (legacy if _ESCAPED_BYTE.search(line) else utf8).append(i)
    for i in legacy:
        lines[i] = _legacy(lines[i].encode("utf-8", "surrogateescape"))
    text = sep.join(lines)
    if not utf8:
        return text, "cp1252", set()
    if len(legacy) <= len(utf8):  # the fewer lines are the odd ones
        return text, "utf-8", {i + 1 for i in legacy}
    return text, "cp1252", {i + 1 for i in utf8}


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
