"""E-mail: RFC 5322 messages, one per `.eml` file or many per `.mbox` file.

Handles multipart/alternative (the text/plain part is preferred, HTML-only bodies are converted),
quoted-printable and base64, declared and mislabelled charsets (windows-1252, iso-8859-1; UTF-8 labelled as
one of them is read as UTF-8),
attachments (counted, not stored) and threads: `In-Reply-To`/`References` are kept as
`parent_refs` so a reply can join the complaint it answers. Message-IDs are stored hashed (`mid:<sha256>`),
as they often contain the sender's address.
"""

from __future__ import annotations

import codecs
import re
from email import policy
from email.errors import HeaderParseError
from email.header import decode_header, make_header
from email.parser import BytesParser
from email.utils import getaddresses, parsedate_to_datetime

from transforms.channels.common import base_record, broken, clean_str, decode_lines, parse_record, sha256, to_utc
from transforms.html_text import html_to_text

CHANNEL = "email"
_FROM_LINE = re.compile(rb"^From [^\r\n]*\r?\n", re.MULTILINE)
_MSGID = re.compile(r"<([^<>\s]+)>")
_ESCAPED_BYTE = re.compile("[\udc80-\udcff]")  # a raw 8-bit byte, as compat32 keeps it (surrogate escape)
_QUOTE_HEADER = re.compile(r"^\s*(On|Pada)\b.{0,200}\b(wrote|menulis)\s*:\s*$", re.IGNORECASE | re.MULTILINE)


def parse(data: bytes, source_file: str, file_hash: str) -> list[dict]:
    if source_file.lower().endswith(".mbox"):
        chunks = split_mbox(data)
        label = "message"
    else:
        chunks = [data]
        label = "file"
    records = []
    for seq, chunk in enumerate(chunks, start=1):
        position = f"{label} {seq}" if label == "message" else "file"
        rec = base_record(CHANNEL, source_file, file_hash, seq, position, chunk)
        records.append(parse_record(_parse_message, chunk, rec))
    return records


def message_ref(message_id: str) -> str:
    """A Message-ID often carries the sender's address or host: keep only a hash of it (threads still match)."""
    return "mid:" + sha256(message_id.strip().lower())[:32]


def split_mbox(data: bytes) -> list[bytes]:
    """Split an mbox file on its `From ` separator lines; un-escape `>From ` lines."""
    starts = [m for m in _FROM_LINE.finditer(data) if m.start() == 0 or data[m.start() - 1 : m.start()] == b"\n"]
    if not starts:
        return [data] if data.strip() else []
    chunks = []
    for i, m in enumerate(starts):
        end = starts[i + 1].start() if i + 1 < len(starts) else len(data)
        body = data[m.end() : end]
        body = re.sub(rb"(?m)^>(>*From )", rb"\1", body)
        chunks.append(body)
    return chunks


def _parse_message(chunk: bytes, rec: dict) -> dict:
    if not chunk.strip():
        return broken(rec, "empty", "pesan email kosong")
    try:
        # compat32: raw header strings, decoded below only where needed. The `default` policy parses every
        # header into objects and was 6x slower on a night of mail (bench/bench_flow.py).
        msg = BytesParser(policy=policy.compat32).parsebytes(chunk)
    except Exception as exc:  # the stdlib parser is lenient; this guards the unexpected
        return broken(rec, "bad_email", f"email tidak bisa diurai: {type(exc).__name__}")
    if not (msg.get("From") or msg.get("Message-ID") or msg.get("Date")):
        return broken(rec, "bad_email", "bukan pesan email yang sah (tidak ada header From/Message-ID/Date)")

    ids = _MSGID.findall(str(msg.get("Message-ID") or ""))
    rec["source_ref"] = message_ref(ids[0]) if ids else None
    parents = _MSGID.findall(str(msg.get("In-Reply-To") or "")) + _MSGID.findall(str(msg.get("References") or ""))
    rec["parent_refs"] = list(dict.fromkeys(message_ref(p) for p in parents if message_ref(p) != rec["source_ref"]))

    raw_date = str(raw_header(msg, "Date") or "")
    try:
        rec["received_at"] = to_utc(parsedate_to_datetime(raw_date.strip()))
    except (TypeError, ValueError, IndexError, OverflowError):  # OverflowError: UTC time outside years 1-9999
        return broken(rec, "bad_date", f"header Date tidak bisa dibaca: {raw_date.strip()[:40]!r}")

    try:
        name, address = (getaddresses([header_text(raw_header(msg, "From"))]) or [("", "")])[0]
    except Exception:
        name, address = "", ""
    rec["reporter_name"] = clean_str(name)
    rec["reporter_email"] = clean_str(address)
    rec["title"] = clean_str(header_text(raw_header(msg, "Subject")))

    body, attachments, mixed = _body_and_attachments(msg)
    if mixed:
        return broken(rec, "bad_encoding", "pengodean campuran: isi email memuat baris UTF-8 dan baris Windows-1252; "
                                           "pesan ditahan agar huruf tidak salah baca")
    rec["attachments"] = attachments
    rec["text"] = strip_quoted_reply(body) if rec["parent_refs"] else body
    return rec


def raw_header(msg, name: str) -> str | None:
    """The header's value as received (8-bit bytes kept as surrogate escapes), first occurrence."""
    return next((v for k, v in msg.raw_items() if k.lower() == name.lower()), None)


# Labels a sender's mail program writes without looking at the text (its default, not the text's encoding): bytes
# labelled with one that are valid UTF-8 holding a multi-byte sequence are UTF-8 (codecs' names of the labels).
_DEFAULT_LABELS = frozenset({"iso8859-1", "cp1252", "ascii"})


def utf8_despite_label(data: bytes, charset: str | None) -> bool:
    """Whether bytes labelled Latin-1 (ISO-8859-1), Windows-1252 or US-ASCII are UTF-8 in fact.

    Latin-1 decodes any byte, so a UTF-8 text under that label was read without an error, every letter beyond
    ASCII garbled ("kafÃ©"). Valid UTF-8 with a multi-byte sequence is practically never meant as Latin-1: it
    would take a capital accented letter followed by a symbol ("Ã©") throughout. Bytes that are not valid UTF-8
    are what the label says (False), and so is plain ASCII, which reads the same either way.
    """
    if data.isascii() or not default_label(charset):
        return False
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def default_label(charset: str | None) -> bool:
    """Whether the charset is Latin-1 (ISO-8859-1), Windows-1252 or US-ASCII, under any of its names."""
    try:
        return bool(charset) and codecs.lookup(charset).name in _DEFAULT_LABELS
    except LookupError:
        return False


def header_text(value) -> str:
    """A header as text: RFC 2047 encoded words decoded, folding removed; unreadable parts kept as they are."""
    if value is None:
        return ""
    raw = str(value)
    if _ESCAPED_BYTE.search(raw):  # raw 8-bit bytes in the header (compat32 escapes them)
        raw = decode_lines(raw.encode("utf-8", "surrogateescape"))[0]
    try:
        words = [(w, "utf-8" if isinstance(w, bytes) and utf8_despite_label(w, cs) else cs)
                 for w, cs in decode_header(raw)]  # e.g. =?iso-8859-1?q?caf=C3=A9?= from a mislabelling program
        text = str(make_header(words))
    except (LookupError, UnicodeDecodeError, ValueError, HeaderParseError):
        text = raw
    return re.sub(r"\s*\r?\n\s+", " ", text)


def _decode_part(part) -> tuple[str, bool]:
    """The part's text, and whether it mixes UTF-8 and Windows-1252 lines (read as one encoding, the lines of the
    other would be misread; each line is read in its own, but the legacy guess cannot be checked)."""
    payload = part.get_payload(decode=True)
    if payload is None:
        return "", False
    charset = part.get_content_charset()
    if utf8_despite_label(payload, charset):  # a UTF-8 text labelled Latin-1 would decode, garbled, without error
        charset = "utf-8"
    elif default_label(charset) and not payload.isascii():
        # Latin-1 reads any byte: UTF-8 lines beside Latin-1 ones would be loaded garbled, without an error
        text, _encoding, odd_lines = decode_lines(payload)
        if odd_lines:
            return text, True
    if charset:
        try:
            return payload.decode(charset), False
        except (LookupError, UnicodeDecodeError):
            pass  # mislabelled or unknown charset: fall back to detection
    text, _encoding, odd_lines = decode_lines(payload)
    return text, bool(odd_lines)


def _body_and_attachments(msg) -> tuple[str, int, bool]:
    """The body's text, the number of attachments and whether a part of the body mixes encodings."""
    plain, html, named_plain, attachments = [], [], [], 0
    for part in msg.walk():
        if part.is_multipart():
            continue
        disposition = part.get_content_disposition()
        ctype = part.get_content_type()
        named = bool(part.get_filename())  # read once: each call parses the part's parameters again
        if disposition != "attachment" and ctype == "text/plain" and named:
            named_plain.append(_decode_part(part))  # inline text with a file name: a body if it is the only one
            continue
        if disposition == "attachment" or named or not ctype.startswith("text/"):
            attachments += 1
            continue
        if ctype == "text/plain":
            plain.append(_decode_part(part))
        elif ctype == "text/html":
            html.append(_decode_part(part))
    if not any(t.strip() for t, _ in plain + html):
        # e.g. `Content-Disposition: inline; filename="aduan.txt"` as the only text: that is the body
        plain, named_plain = named_plain, []
    attachments += len(named_plain)  # beside another body, a named inline text stays an attachment, as before
    plain = [(t.strip(), mixed) for t, mixed in plain if t.strip()]
    if plain:
        return "\n\n".join(t for t, _ in plain), attachments, any(mixed for _, mixed in plain)
    html = [(t, mixed) for t, mixed in html if t.strip()]
    return "\n\n".join(html_to_text(t) for t, _ in html), attachments, any(mixed for _, mixed in html)


def strip_quoted_reply(body: str) -> str:
    """Drop the quoted earlier message from a reply: '>' lines and everything after 'On ... wrote:'."""
    m = _QUOTE_HEADER.search(body)
    if m:
        body = body[: m.start()]
    lines = [ln for ln in body.splitlines() if not ln.lstrip().startswith(">")]
    return "\n".join(lines).strip()
