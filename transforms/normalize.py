"""Canonical clean-up of parsed records and the record-level sanity rules.

Rules that make a record unusable (each becomes a quarantine reason, nothing is dropped):
- empty text (after removing HTML and white space) or text shorter than `min_chars`;
- text longer than `max_chars`;
- received time before `earliest` or more than one day in the future.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta

import polars as pl

from transforms.html_text import html_to_text

_TAG = re.compile(r"<\s*/?\s*[a-zA-Z][^>]*>")


def clean_text(value: str | None) -> str:
    """Remove HTML remnants, control characters and runs of white space; keep line breaks."""
    if not value:
        return ""
    if _TAG.search(value) or "&nbsp;" in value or "&amp;" in value:
        value = html_to_text(value)
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    value = re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", "", value)
    value = re.sub(r"[ \t\u00a0]+", " ", value)
    value = re.sub(r" *\n *", "\n", value)
    return re.sub(r"\n{3,}", "\n\n", value).strip()


def normalize_records(
    records: pl.DataFrame,
    *,
    now: datetime,
    earliest: datetime,
    min_chars: int,
    max_chars: int,
    timezone: str = "Asia/Jakarta",
) -> pl.DataFrame:
    """Clean text and title, add local time, and flag records that break the sanity rules.

    Records already broken by their parser keep their first reason.
    """
    latest = now + timedelta(days=1)
    out = records.with_columns(
        pl.col("text").map_elements(clean_text, return_dtype=pl.String).fill_null(""),
        pl.col("title").map_elements(clean_text, return_dtype=pl.String),
    )
    text_len = pl.col("text").str.len_chars()
    # Non-text WhatsApp messages carry no text on purpose; their conversation is judged as a whole.
    media = (pl.col("channel") == "whatsapp") & (pl.col("message_type") != "text")
    rules = [
        (pl.col("received_at") < pl.lit(earliest), "date_too_old",
         pl.format("tanggal tidak masuk akal: {} (sebelum {})", pl.col("received_at").dt.strftime("%Y-%m-%d"),
                   pl.lit(earliest.strftime("%Y-%m-%d")))),
        (pl.col("received_at") > pl.lit(latest), "date_in_future",
         pl.format("tanggal di masa depan: {}", pl.col("received_at").dt.strftime("%Y-%m-%d %H:%M UTC"))),
        (~media & (text_len == 0), "empty_text", pl.lit("teks aduan kosong")),
        (~media & (text_len < min_chars), "text_too_short",
         pl.format("teks aduan terlalu pendek ({} karakter)", text_len)),
        (text_len > max_chars, "text_too_long",
         pl.format("teks aduan terlalu panjang ({} karakter, maksimum {})", text_len, pl.lit(max_chars))),
    ]
    code = pl.col("reason_code")
    reason = pl.col("reason")
    for cond, rule_code, rule_reason in reversed(rules):
        hit = pl.col("reason_code").is_null() & cond.fill_null(False)
        code_next = pl.when(hit).then(pl.lit(rule_code)).otherwise(code)
        reason_next = pl.when(hit).then(rule_reason).otherwise(reason)
        code, reason = code_next, reason_next
    # Built inside out, so the first rule in the list wins when several apply.
    out = out.with_columns(reason_code=code, reason=reason)
    return out.with_columns(
        received_at_local=pl.col("received_at").dt.convert_time_zone(timezone).dt.replace_time_zone(None),
    )
