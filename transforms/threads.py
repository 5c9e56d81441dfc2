"""Decide which complaint each usable record belongs to.

A complaint is made of one *primary* record and any number of records merged into it:
- **repeat**: the same channel reference (LAPOR tracking id, WhatsApp message id, e-mail Message-ID,
  call id) received again, in this run or an earlier one;
- **WhatsApp follow-up**: messages from one sender form one conversation while the gap between
  consecutive messages is at most `gap_minutes`; the first message is the primary. A conversation
  continues a complaint of an earlier run when its first message comes within the gap after that
  complaint's last message. Non-text messages (image, audio, location, ...) join their
  conversation; a conversation with no text at all cannot be read as a complaint and is quarantined;
- **e-mail reply**: a message whose In-Reply-To/References names a message already received joins
  that message's complaint.
Every other record is the primary of a new complaint.
"""

from __future__ import annotations

import hashlib
from datetime import timedelta

import polars as pl

PREFIX = {"lapor": "LPR", "whatsapp": "WA", "email": "EML", "callcenter": "CC"}

ROLE_SCHEMA = {
    "record_key": pl.String,
    "role": pl.String,            # primary | repeat | followup | quarantined
    "complaint_id": pl.String,
    "merge_reason": pl.String,
    "reason_code": pl.String,
    "reason": pl.String,
}


def complaint_id_for(channel: str, ref: str) -> str:
    digest = hashlib.sha256(f"{channel}:{ref}".encode()).hexdigest()[:12]
    return f"{PREFIX.get(channel, 'X')}-{digest}"


def record_key_expr() -> pl.Expr:
    return pl.concat_str([pl.col("file_hash"), pl.col("position")], separator="|")


def assign_roles(
    records: pl.DataFrame,
    known_refs: dict[tuple[str, str], str],
    open_whatsapp: dict[str, tuple[str, object]],
    gap_minutes: int,
) -> pl.DataFrame:
    """Role and complaint of every usable record (rows with `reason_code` set are left out).

    `known_refs`: (channel, ref) -> complaint_id for references received in earlier runs.
    `open_whatsapp`: reporter pseudonym -> (complaint_id, last message time) of recent conversations.
    Only whether a record has text matters here, so `text` may also be a Boolean column (has text).
    No reference, conversation or thread crosses channels, so the channels are assigned one at a time: the
    working state (a few Python objects per record) is one channel's, not the night's.
    """
    channels = records.filter(pl.col("reason_code").is_null())["channel"].unique(maintain_order=True).to_list()
    if len(channels) > 1:
        return pl.concat([
            assign_roles(records.filter(pl.col("channel") == channel),
                         {k: v for k, v in known_refs.items() if k[0] == channel},
                         open_whatsapp if channel == "whatsapp" else {}, gap_minutes)
            for channel in channels
        ])
    usable = (
        records.filter(pl.col("reason_code").is_null())
        .with_columns(
            record_key=record_key_expr(),
            ref=pl.coalesce(pl.col("source_ref"), pl.lit("sha:") + pl.col("content_hash")),
        )
        .sort(["received_at", "source_file", "seq"])
    )
    gap = timedelta(minutes=gap_minutes)
    out: dict[str, dict] = {}
    seen: dict[tuple[str, str], str] = dict(known_refs)  # (channel, ref) -> complaint_id
    by_ref_record: dict[tuple[str, str], str] = {}  # first record key per ref in this run

    def put(key, role, cid, merge_reason=None, code=None, reason=None):
        out[key] = dict(record_key=key, role=role, complaint_id=cid, merge_reason=merge_reason,
                        reason_code=code, reason=reason)

    conversations: dict[str, dict] = {}  # pseudonym -> current conversation state
    rows = usable.select("record_key", "channel", "ref", "received_at", "parent_refs", "reporter_pseudonym",
                         "message_type", "text").iter_rows(named=True)  # one row at a time: a night can be large
    for r in rows:
        key, channel, ref = r["record_key"], r["channel"], r["ref"]
        if (channel, ref) in seen or (channel, ref) in by_ref_record:
            cid = seen.get((channel, ref))
            put(key, "repeat", cid, f"{channel} {ref} sudah diterima sebelumnya")
            if cid is None:  # first copy is in this run and its complaint is not known yet
                out[key]["_same_as"] = by_ref_record[(channel, ref)]
            continue
        by_ref_record[(channel, ref)] = key

        if channel == "whatsapp":
            who, at = r["reporter_pseudonym"], r["received_at"]
            conv = conversations.get(who)
            if conv and at - conv["last"] <= gap:
                conv["last"] = at
                conv["members"].append(key)
                conv["has_text"] |= bool(r["text"])
                cid = conv["cid"]
                put(key, "followup", cid, "pesan lanjutan dalam percakapan WhatsApp yang sama")
            else:
                prior = open_whatsapp.get(who)
                if conv is None and prior and timedelta(0) <= at - prior[1] <= gap:
                    cid, role, has_text = prior[0], "followup", True
                    put(key, role, cid, "pesan lanjutan dari percakapan WhatsApp sebelumnya")
                else:
                    cid, role, has_text = complaint_id_for(channel, ref), "primary", bool(r["text"])
                    put(key, role, cid)
                if conv is not None:
                    _close_conversation(conv, out)
                conversations[who] = {"cid": cid, "last": at, "members": [key], "has_text": has_text}
            seen[(channel, ref)] = cid
        elif channel == "email":
            parent_cid = next((seen[("email", p)] for p in r["parent_refs"] or [] if ("email", p) in seen), None)
            if parent_cid:
                put(key, "followup", parent_cid, "balasan email pada utas yang sama")
                seen[(channel, ref)] = parent_cid
            else:
                cid = complaint_id_for(channel, ref)
                put(key, "primary", cid)
                seen[(channel, ref)] = cid
        else:
            cid = complaint_id_for(channel, ref)
            put(key, "primary", cid)
            seen[(channel, ref)] = cid
    for conv in conversations.values():
        _close_conversation(conv, out)
    for row in out.values():
        same_as = row.pop("_same_as", None)
        if same_as:
            row["complaint_id"] = out[same_as]["complaint_id"]
            if out[same_as]["role"] == "quarantined":
                row.update(role="quarantined", complaint_id=None, reason_code="media_only",
                           reason=out[same_as]["reason"])
    return pl.DataFrame(list(out.values()), schema=ROLE_SCHEMA)


def _close_conversation(conv: dict, out: dict) -> None:
    """A conversation with no text at all is quarantined as a whole (its media stay on record)."""
    if conv["has_text"]:
        return
    for key in conv["members"]:
        out[key].update(role="quarantined", complaint_id=None, merge_reason=None, reason_code="media_only",
                        reason="percakapan WhatsApp tanpa teks (hanya media), tidak bisa dibaca sebagai aduan")
