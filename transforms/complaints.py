"""Build the `complaints` rows and the `intake` rows of one run from roled records."""

from __future__ import annotations

from datetime import timedelta

import polars as pl
from rapidfuzz import fuzz

from transforms.identifiers import record_key_expr

COMPLAINT_COLUMNS = [
    "complaint_id", "channel", "source_ref", "source_file", "received_at_utc", "received_at_local",
    "last_message_at_utc", "reporter_pseudonym", "reporter_keys", "agency_raw", "agency", "agency_code",
    "agency_type", "agency_match", "province", "regency", "location_raw", "title", "text", "channel_category",
    "status", "is_anonymous", "is_secret", "first_response_at_utc", "forwarded_at_utc", "acted_at_utc",
    "closed_at_utc", "attachments", "records",
]
STEP_TIMES = ("first_response_at", "forwarded_at", "acted_at", "closed_at")
ROLE_SCHEMA = {  # each usable record's place in a complaint, decided by flows/assign.py
    "record_key": pl.String,
    "role": pl.String,            # primary | repeat | followup | duplicate | quarantined
    "complaint_id": pl.String,
    "merge_reason": pl.String,
    "reason_code": pl.String,
    "reason": pl.String,
}


def with_roles(records: pl.DataFrame, roles: pl.DataFrame) -> pl.DataFrame:
    """Attach roles (ROLE_SCHEMA) to records; records broken at parse or sanity time are 'quarantined'."""
    joined = records.with_columns(record_key=record_key_expr()).join(
        roles.rename({"reason_code": "role_reason_code", "reason": "role_reason"}), on="record_key", how="left"
    )
    return joined.with_columns(
        role=pl.when(pl.col("reason_code").is_not_null()).then(pl.lit("quarantined")).otherwise(pl.col("role")),
        reason_code=pl.coalesce("reason_code", "role_reason_code"),
        reason=pl.coalesce("reason", "role_reason"),
    ).drop("role_reason_code", "role_reason")


def build_complaints(roled: pl.DataFrame) -> tuple[pl.DataFrame, pl.DataFrame]:
    """New complaints (from primaries and their follow-ups) and updates to complaints of earlier runs.

    Follow-up texts are appended to the primary's text in time order. Updates carry the text,
    attachments and record counts to add to a complaint already in the warehouse.
    """
    members = roled.filter(pl.col("role").is_in(["primary", "followup", "repeat"]))
    primaries = members.filter(pl.col("role") == "primary")
    agg = (
        members.sort("received_at")
        .group_by("complaint_id", maintain_order=True)
        .agg(
            followup_text=pl.col("text").filter((pl.col("role") == "followup") & (pl.col("text") != "")),
            attachments=pl.col("attachments").sum().cast(pl.Int32),
            records=pl.len().cast(pl.Int32),
            last_message_at_utc=pl.col("received_at").max(),
            # a report delivered again (a later export) brings its newer status and step times
            latest_status=pl.col("status").drop_nulls().last(),
            **{f"{c}_min": pl.col(c).min() for c in STEP_TIMES},
        )
    )
    new = primaries.drop("attachments").join(agg, on="complaint_id", how="left").with_columns(
        text=pl.concat_list([pl.col("text"), pl.col("followup_text")]).list.join("\n\n"),
    )
    complaints = new.select(
        "complaint_id", "channel", "source_ref", "source_file",
        pl.col("received_at").alias("received_at_utc"), "received_at_local", "last_message_at_utc",
        "reporter_pseudonym", "reporter_keys", "agency_raw", "agency", "agency_code", "agency_type",
        "agency_match", "province", "regency", "location_raw", "title", "text", "channel_category",
        pl.coalesce("latest_status", "status").alias("status"), "is_anonymous", "is_secret",
        *[pl.coalesce(f"{c}_min", c).alias(f"{c}_utc") for c in STEP_TIMES],
        "attachments", "records",
    ).with_columns(
        # classification: left NULL here; the classifier step fills it, never a guess
        category=pl.lit(None, pl.String), confidence=pl.lit(None, pl.Float64),
        needs_review=pl.lit(None, pl.Boolean), secondary=pl.lit(None, pl.List(pl.String)),
        cues=pl.lit(None, pl.List(pl.String)), classifier_version=pl.lit(None, pl.String),
    )
    updates = (
        agg.join(primaries.select("complaint_id"), on="complaint_id", how="anti")
        .with_columns(text_append=pl.col("followup_text").list.join("\n\n"))
        .select("complaint_id", "text_append", "attachments", "records", "last_message_at_utc",
                pl.col("latest_status").alias("status"), *[pl.col(f"{c}_min").alias(f"{c}_utc") for c in STEP_TIMES])
    )
    return complaints, updates


def _norm_for_similarity(text: str) -> str:
    return " ".join("".join(ch if ch.isalnum() else " " for ch in (text or "").lower()).split())


def find_duplicates(
    new: pl.DataFrame, recent: pl.DataFrame, window_days: int, min_similarity: float
) -> dict[str, str]:
    """Cross-channel duplicates: new complaint id -> the earlier complaint it repeats.

    Same complainant (any shared reporter pseudonym), near-identical text (rapidfuzz ratio on
    lower-cased alphanumeric text >= `min_similarity`), received within `window_days` after the
    earlier one. Earlier means: in the warehouse already, or earlier in this run. Complaints without
    any reporter identifier (anonymous) are never matched.
    """
    window = timedelta(days=window_days)
    cols = ["complaint_id", "reporter_keys", "received_at_utc", "text"]
    pool = pl.concat([recent.select(cols), new.select(cols)]).sort("received_at_utc").to_dicts()
    new_ids = set(new["complaint_id"].to_list())
    by_key: dict[str, list[dict]] = {}
    duplicates: dict[str, str] = {}
    for c in pool:
        c["_norm"] = _norm_for_similarity(c["text"])
        keys = c["reporter_keys"] or []
        if c["complaint_id"] in new_ids:
            candidates = {id(x): x for k in keys for x in by_key.get(k, [])}.values()
            for earlier in sorted(candidates, key=lambda x: x["received_at_utc"]):
                if c["received_at_utc"] - earlier["received_at_utc"] > window:
                    continue
                if fuzz.ratio(c["_norm"], earlier["_norm"]) >= min_similarity:
                    duplicates[c["complaint_id"]] = duplicates.get(earlier["complaint_id"], earlier["complaint_id"])
                    break
        if c["complaint_id"] not in duplicates:
            for k in keys:
                by_key.setdefault(k, []).append(c)
    return duplicates


def build_intake(roled: pl.DataFrame, run_id: str) -> pl.DataFrame:
    """One row per record received, with its fate."""
    fate = (
        pl.when(pl.col("role") == "quarantined").then(pl.lit("quarantined"))
        .when(pl.col("role") == "primary").then(pl.lit("accepted"))
        .otherwise(pl.lit("merged"))
    )
    return roled.select(
        pl.col("record_key").alias("record_id"),
        pl.lit(run_id).alias("run_id"),
        "channel", "source_file", "file_hash", "position", "seq", "source_ref", "content_hash",
        fate.alias("fate"),
        pl.when(pl.col("role") == "quarantined").then(None).otherwise(pl.col("complaint_id")).alias("complaint_id"),
        "reason_code",
        pl.coalesce("reason", "merge_reason").alias("reason"),
        pl.col("received_at").alias("received_at_utc"),
    )
