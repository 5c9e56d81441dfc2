"""Canonical clean-up of parsed records: text and title without HTML or stray white space, local time.

The sanity rules (dates, text length, required ids) are not here: they are Great Expectations suites
in `expectations/`, so the gate is one declarative, versioned contract.
"""

from __future__ import annotations

import re

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


def normalize_records(records: pl.DataFrame, timezone: str = "Asia/Jakarta") -> pl.DataFrame:
    """Clean text and title, add the text length and the local (wall) time of receipt."""
    out = records.with_columns(
        pl.col("text").map_elements(clean_text, return_dtype=pl.String).fill_null(""),
        pl.col("title").map_elements(clean_text, return_dtype=pl.String),
    )
    return out.with_columns(
        text_chars=pl.col("text").str.len_chars(),
        received_at_local=pl.col("received_at").dt.convert_time_zone(timezone).dt.replace_time_zone(None),
    )
