"""Call-centre export: CSV with a header row.

Columns: call_id, started_at, ended_at, agent_id, caller_number, caller_name, agency, region, summary,
category, status. `,`, `;` and tab separators are accepted (taken from the header line), UTF-8 or
Windows-1252 text, and Indonesian dates such as `22/11/2026 10.15` (local time, WIB). A file that mixes the two
encodings (a UTF-8 export with a row saved by a Windows-1252 editor) has the rows of its fewer lines held as
`bad_encoding`, not loaded with misread letters.
"""

from __future__ import annotations

import csv
import io
import re
from datetime import datetime

from transforms.channels.common import base_record, broken, clean_str, decode_lines, parse_iso, parse_record, to_utc

CHANNEL = "callcenter"
COLUMNS = ("call_id", "started_at", "ended_at", "agent_id", "caller_number", "caller_name",
           "agency", "region", "summary", "category", "status")
REQUIRED = ("call_id", "started_at", "summary")
# A field may be as long as the file: an over-long summary is a record (the length gate quarantines it), not a
# csv.Error that loses the whole file. The limit is process-wide: raise it once, never lower it.
csv.field_size_limit(max(csv.field_size_limit(), 2**31 - 1))
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_ID_DATE = re.compile(r"^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:[ T]+(\d{1,2})[.:](\d{2})(?:[.:](\d{2}))?)?\s*$")


def parse_local_datetime(value: str | None) -> datetime | None:
    """Parse `22/11/2026 10.15`, `22-11-2026 10:15:30`, `22/11/2026` or ISO 8601; naive times are WIB."""
    if not value or not value.strip():
        return None
    m = _ID_DATE.match(value)
    if m:
        day, month, year, hh, mm, ss = m.groups()
        try:
            return to_utc(datetime(int(year), int(month), int(day), int(hh or 0), int(mm or 0), int(ss or 0)))
        except (ValueError, OverflowError):  # OverflowError: e.g. 01/01/0001 00.00 WIB is before year 1 in UTC
            return None
    return parse_iso(value)


def parse(data: bytes, source_file: str, file_hash: str) -> list[dict]:
    newline = _newline(data)
    # lines numbered as the csv module counts them (reader.line_num): split where its source splits them
    text, encoding, odd_lines = decode_lines(data, "\r" if newline == "" else "\n")
    lines = text.splitlines()
    header_line = next((ln for ln in lines if ln.strip()), "")
    # the separator the header line holds most of: `,` by default, `;` (Excel in Indonesian), a tab (Excel's
    # "Unicode text", which is UTF-16 with a byte-order mark: turned into UTF-8 before this parser)
    delimiter = max((",", ";", "\t"), key=header_line.count)
    reader = csv.reader(io.StringIO(text, newline=newline), delimiter=delimiter)
    # the header is the first non-blank row, as header_line is the first non-blank line
    header = [h.strip().lower() for h in next((row for row in reader if any(c.strip() for c in row)), [])]
    missing_cols = [c for c in REQUIRED if c not in header]
    records = []
    last_line = reader.line_num
    for seq, row in enumerate(_rows(reader), start=1):
        row_lines = range(last_line + 1, reader.line_num + 1)  # the file lines this row was read from
        last_line = reader.line_num
        if isinstance(row, csv.Error):  # one row the csv module cannot read is a record, the others go on
            rec = base_record(CHANNEL, source_file, file_hash, seq, f"row {seq}", f"{reader.line_num}:{row}")
            reason = f"baris CSV tidak bisa diurai (baris berkas {reader.line_num}): {row}"
            records.append(broken(rec, "bad_row", reason))
            continue
        if not any(cell.strip() for cell in row):
            continue
        raw = delimiter.join(row)
        rec = base_record(CHANNEL, source_file, file_hash, seq, f"row {seq}", raw)
        if missing_cols:
            records.append(broken(rec, "bad_header", "header CSV tanpa kolom wajib: " + ", ".join(missing_cols)))
            continue
        swallowed = _swallowed_rows(header, row, delimiter)
        if swallowed:
            records.append(broken(rec, "unclosed_quote", swallowed))
            continue
        if len(row) != len(header):
            records.append(broken(rec, "bad_row", f"baris berisi {len(row)} kolom, seharusnya {len(header)}"))
            continue
        odd = odd_lines and next((n for n in row_lines if n in odd_lines), None)
        if odd:
            records.append(broken(rec, "bad_encoding", _mixed_reason(odd, encoding)))
            continue
        records.append(parse_record(_row_record, dict(zip(header, row)), rec))
    return records


def _mixed_reason(line_no: int, encoding: str) -> str:
    line, rest = ("Windows-1252 (bukan UTF-8)", "UTF-8") if encoding == "utf-8" else ("UTF-8", "Windows-1252")
    return (f"pengodean campuran: baris berkas {line_no} tertulis dalam {line}, baris lain dalam {rest}; "
            f"catatan ditahan agar huruf tidak salah baca. Simpan ulang seluruh berkas sebagai UTF-8 lalu kirim lagi")


def _newline(data: bytes) -> str:
    """How the csv module's source splits the text into lines.

    Lines end at `\n` (so at `\r\n` too), and a lone `\r` inside a line makes its row one the csv module rejects
    (a `bad_row` record). A file with no `\n` at all has old Mac line endings: its lines end at `\r`. Read as
    one line, the csv module rejected it at the header and the whole file became one `parser_error`.
    """
    return "" if b"\n" not in data and b"\r" in data else "\n"


def _rows(reader):
    """The reader's rows; a row the csv module rejects is yielded as its csv.Error, and reading goes on."""
    while True:
        try:
            yield next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield exc


def _swallowed_rows(header: list[str], row: list[str], delimiter: str) -> str | None:
    """Why this row is a quote left open, or None.

    A quote that is opened and never closed makes the csv module read on, across line breaks, until the next
    quote or the end of the file: the rows in between vanish inside one field. Such a field holds a line break
    followed by what looks like the start of a row of this file: a call id of the same shape as this row's
    (its digits free), after as many separators as call_id has columns before it, then the separator.
    """
    if "call_id" not in header or len(row) <= header.index("call_id"):
        return None
    pos = header.index("call_id")
    call_id = _LINE_BREAK.split(row[pos])[0].strip()
    if not call_id or not any("\n" in f or "\r" in f for f in row):
        return None
    shape = "".join(r"\d+" if part.isdigit() else re.escape(part) for part in re.split(r"(\d+)", call_id))
    sep = re.escape(delimiter)
    row_start = re.compile(rf"(?:[^{sep}]*{sep}){{{pos}}}({shape}){sep}")
    for i, field in enumerate(row):
        following = [ln for ln in _LINE_BREAK.split(field)[1:] if ln.strip()]
        starts = [m.group(1) for m in map(row_start.match, following) if m]
        if starts:
            column = header[i] if i < len(header) else f"ke-{i + 1}"
            return (f"tanda kutip (\") tidak ditutup di kolom {column}: {len(following)} baris berikutnya tertelan "
                    f"ke dalam catatan ini, {len(starts)} di antaranya tampak seperti awal baris data "
                    f"(call_id {starts[0]!r} dst.)")
    return None


def _row_record(row: dict, rec: dict) -> dict:
    rec["source_ref"] = clean_str(row.get("call_id"))
    missing = [c for c in REQUIRED if not clean_str(row.get(c))]
    if missing:
        return broken(rec, "missing_field", "field wajib kosong: " + ", ".join(missing))
    received = parse_local_datetime(row.get("started_at"))
    if received is None:
        return broken(rec, "bad_date", f"started_at tidak bisa dibaca: {row.get('started_at')[:40]!r}")
    rec.update(
        received_at=received,
        text=row.get("summary"),
        agency_raw=clean_str(row.get("agency")),
        location_raw=clean_str(row.get("region")),
        channel_category=clean_str(row.get("category")),
        status=clean_str(row.get("status")),
        reporter_phone=clean_str(row.get("caller_number")),
        reporter_name=clean_str(row.get("caller_name")),
    )
    return rec
