"""Names, types and allowed values shared by every step of the intake."""

from __future__ import annotations

import polars as pl

CHANNELS = ("lapor", "whatsapp", "email", "callcenter")
FATES = ("accepted", "merged", "quarantined")

# One row per record received, as the channel parsers emit them. Parsers fill what their
# channel has and leave the rest null; `reason_code`/`reason` are set when the record is broken.
RECORD_SCHEMA: dict[str, pl.DataType] = {
    "channel": pl.String,
    "source_file": pl.String,        # path relative to the inbox
    "file_hash": pl.String,          # sha256 of the whole file
    "position": pl.String,           # where in the file: "line 3", "row 7", "message 2", "file"
    "seq": pl.Int64,                 # order of the record inside its file
    "source_ref": pl.String,         # the channel's own id: tracking_id, message id, Message-ID, call_id
    "content_hash": pl.String,       # sha256 of the record's raw bytes
    "reason_code": pl.String,        # set when the record cannot be used
    "reason": pl.String,             # readable reason (Indonesian, shown to analysts)
    "received_at": pl.Datetime("us", "UTC"),
    "title": pl.String,
    "text": pl.String,
    "agency_raw": pl.String,
    "location_raw": pl.String,
    "channel_category": pl.String,   # the category the channel itself gave (not the maladministration form)
    "status": pl.String,
    "is_anonymous": pl.Boolean,
    "is_secret": pl.Boolean,
    "reporter_name": pl.String,
    "reporter_phone": pl.String,
    "reporter_email": pl.String,
    "first_response_at": pl.Datetime("us", "UTC"),
    "forwarded_at": pl.Datetime("us", "UTC"),   # lapor: first status "Terdisposisi"/"Diteruskan" (to the agency)
    "acted_at": pl.Datetime("us", "UTC"),       # lapor: first status "Ditindaklanjuti" (the agency acted)
    "closed_at": pl.Datetime("us", "UTC"),      # lapor: first status "Selesai"
    "message_type": pl.String,       # whatsapp: text/image/audio/...; others: the channel name
    "parent_refs": pl.List(pl.String),  # email: In-Reply-To + References; others: empty
    "attachments": pl.Int32,
}


def empty_records() -> pl.DataFrame:
    return pl.DataFrame(schema=RECORD_SCHEMA)


def records_frame(rows: list[dict]) -> pl.DataFrame:
    """Build a record frame with the fixed schema from parser output."""
    if not rows:
        return empty_records()
    full = [{k: r.get(k) for k in RECORD_SCHEMA} for r in rows]
    return pl.DataFrame(full, schema=RECORD_SCHEMA)
