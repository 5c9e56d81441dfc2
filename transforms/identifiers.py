"""The keys that tie records and complaints together.

- a record's key is its file's hash and its position in the file (`record_key_expr`): the same file delivered
  again gives the same keys;
- a complaint's id is the channel's prefix and a hash of the channel reference of its first record
  (`complaint_id_for`): the same reference always names the same complaint. The SQL of flows/assign.py has the
  same rule as the macro `complaint_id_for` (flows/sql/assign_macros.sql); tests/test_assign.py checks they agree.
"""

from __future__ import annotations

import hashlib

import polars as pl

PREFIX = {"lapor": "LPR", "whatsapp": "WA", "email": "EML", "callcenter": "CC"}


def complaint_id_for(channel: str, ref: str) -> str:
    digest = hashlib.sha256(f"{channel}:{ref}".encode()).hexdigest()[:12]
    return f"{PREFIX.get(channel, 'X')}-{digest}"


def record_key_expr() -> pl.Expr:
    return pl.concat_str([pl.col("file_hash"), pl.col("position")], separator="|")
