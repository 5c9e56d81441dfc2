"""Canonical clean-up of parsed records: text and title without HTML or stray white space, local time.

The sanity rules (dates, text length, required ids) are not here: they are Great Expectations suites
in `expectations/`, so the gate is one declarative, versioned contract.
"""

from __future__ import annotations

import re

import polars as pl

from transforms.html_text import html_to_text

_TAG = re.compile(r"<\s*/?\s*[a-zA-Z][^>]*>")
# The characters str.strip() removes (str.isspace()).
PY_WHITESPACE = ("\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007"
                 "\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000")


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# Escaped line breaks left as text by an export ('rusak.\\nSaya'): they glue words ('nSaya') and hide the start of
# a phone number or NIK from the masks, so they become the white space they stand for.
ESCAPED_BREAKS = (("\\r\\n", "\n"), ("\\n", "\n"), ("\\r", "\n"), ("\\t", " "))


def unescape_breaks(value: str) -> str:
    for escaped, plain in ESCAPED_BREAKS:
        if escaped in value:
            value = value.replace(escaped, plain)
    return value


def plain_text(value: str) -> str:
    """HTML remnants turned into text, escaped line breaks into white space, control characters removed; white
    space otherwise left as it is."""
    value = unescape_breaks(value)
    if _TAG.search(value) or "&nbsp;" in value or "&amp;" in value:
        value = html_to_text(value)
    return _CONTROL.sub("", value)


def clean_text(value: str | None) -> str:
    """Remove HTML remnants, control characters and runs of white space; keep line breaks."""
    if not value:
        return ""
    value = plain_text(value).replace("\r\n", "\n").replace("\r", "\n")
    value = re.sub(r"[ \t\u00a0]+", " ", value)
    value = re.sub(r" *\n *", "\n", value)
    return re.sub(r"\n{3,}", "\n\n", value).strip()


def clean_texts(values: pl.Series) -> pl.Series:
    """`clean_text` of every non-null value (nulls stay null). Values that may hold HTML ('<', '&') take
    `clean_text` itself; the others get its plain-text steps as Polars expressions, which here mean the same
    in both regex engines (explicit characters only)."""
    values = values.cast(pl.String)
    unescaped = values
    for escaped, plain in ESCAPED_BREAKS:
        unescaped = unescaped.str.replace_all(escaped, plain, literal=True)
    cleaned = (
        unescaped.str.replace_all("\r\n", "\n", literal=True)
        .str.replace_all("\r", "\n", literal=True)
        .str.replace_all(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", "")
        .str.replace_all(r"[ \t\xa0]+", " ")
        .str.replace_all(r" *\n *", "\n")
        .str.replace_all(r"\n{3,}", "\n\n")
        .str.strip_chars(PY_WHITESPACE)
    )
    markup = values.str.contains("[<&]").fill_null(False).arg_true()
    return cleaned.scatter(markup, [clean_text(v) for v in values.gather(markup).to_list()])


def normalize_records(records: pl.DataFrame, timezone: str = "Asia/Jakarta") -> pl.DataFrame:
    """Clean text and title, add the text length and the local (wall) time of receipt."""
    out = records.with_columns(
        clean_texts(records["text"]).fill_null(""),
        clean_texts(records["title"]),
    )
    return out.with_columns(
        text_chars=pl.col("text").str.len_chars(),
        received_at_local=pl.col("received_at").dt.convert_time_zone(timezone).dt.replace_time_zone(None),
    )
