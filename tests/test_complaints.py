from datetime import datetime, timedelta, timezone

import duckdb
import polars as pl

from flows.sqlfiles import sql
from transforms.complaints import build_complaints, build_intake, find_duplicates

T0 = datetime(2025, 3, 4, 3, tzinfo=timezone.utc)
TEXT = "Sudah tiga bulan sertifikat tanah saya di Kantor Pertanahan belum juga selesai, padahal semua syarat lengkap."


def complaints(rows):
    return pl.DataFrame(rows, schema={"complaint_id": pl.String, "reporter_keys": pl.List(pl.String),
                                      "received_at_utc": pl.Datetime("us", "UTC"), "text": pl.String})


def test_near_identical_text_from_same_reporter_within_window_is_a_duplicate():
    new = complaints([
        {"complaint_id": "EML-1", "reporter_keys": ["e1"], "received_at_utc": T0 + timedelta(days=2), "text": TEXT + " Terima kasih."},
        {"complaint_id": "WA-2", "reporter_keys": ["p1"], "received_at_utc": T0 + timedelta(days=3), "text": TEXT},
        {"complaint_id": "WA-3", "reporter_keys": ["p9"], "received_at_utc": T0 + timedelta(days=3), "text": TEXT},   # other person
        {"complaint_id": "CC-4", "reporter_keys": ["p1"], "received_at_utc": T0 + timedelta(days=9), "text": TEXT},   # too late
        {"complaint_id": "CC-5", "reporter_keys": ["p1"], "received_at_utc": T0 + timedelta(days=1), "text": "Jalan rusak di depan rumah."},
        {"complaint_id": "LPR-6", "reporter_keys": [], "received_at_utc": T0 + timedelta(days=1), "text": TEXT},       # anonymous
    ])
    recent = complaints([{"complaint_id": "LPR-0", "reporter_keys": ["p1", "e1"], "received_at_utc": T0, "text": TEXT}])
    assert find_duplicates(new, recent, window_days=7, min_similarity=90) == {"EML-1": "LPR-0", "WA-2": "LPR-0"}


def test_duplicates_within_one_run_point_to_the_earliest():
    new = complaints([
        {"complaint_id": "A", "reporter_keys": ["p1"], "received_at_utc": T0, "text": TEXT},
        {"complaint_id": "B", "reporter_keys": ["p1"], "received_at_utc": T0 + timedelta(days=1), "text": TEXT},
        {"complaint_id": "C", "reporter_keys": ["p1"], "received_at_utc": T0 + timedelta(days=2), "text": TEXT + "!"},
    ])
    assert find_duplicates(new, complaints([]), 7, 90) == {"B": "A", "C": "A"}


def roled_frame():
    base = {"channel": "whatsapp", "source_file": "f", "file_hash": "f", "seq": 1, "source_ref": "r",
            "content_hash": "c", "reason_code": None, "reason": None, "merge_reason": None, "attachments": 0,
            "received_at_local": datetime(2025, 3, 4, 10), "reporter_pseudonym": "p", "reporter_keys": ["p"],
            "agency_raw": None, "agency": None, "agency_code": None, "agency_type": None, "agency_match": "none",
            "province": None, "regency": None, "location_raw": None, "title": None, "channel_category": None,
            "status": None, "is_anonymous": None, "is_secret": None, "first_response_at": None,
            "forwarded_at": None, "acted_at": None, "closed_at": None}
    rows = [
        dict(base, record_key="f|1", position="line 1", role="primary", complaint_id="WA-1", text="KTP belum jadi", received_at=T0),
        dict(base, record_key="f|2", position="line 2", role="followup", complaint_id="WA-1", text="tolong dibalas",
             received_at=T0 + timedelta(minutes=5), attachments=0),
        dict(base, record_key="f|3", position="line 3", role="followup", complaint_id="WA-1", text="", received_at=T0 + timedelta(minutes=6),
             attachments=1),
        dict(base, record_key="f|4", position="line 4", role="followup", complaint_id="WA-old", text="masih belum",
             received_at=T0 + timedelta(minutes=7)),
        dict(base, record_key="f|5", position="line 5", role="quarantined", complaint_id=None, text="",
             reason_code="bad_json", reason="JSON tidak valid", received_at=None),
    ]
    return pl.DataFrame(rows)


def test_followups_are_appended_and_earlier_complaints_get_updates():
    new, updates = build_complaints(roled_frame())
    assert new["complaint_id"].to_list() == ["WA-1"]
    assert new["text"][0] == "KTP belum jadi\n\ntolong dibalas"
    assert new["attachments"][0] == 1 and new["records"][0] == 3
    assert updates.to_dicts()[0]["complaint_id"] == "WA-old" and updates["text_append"][0] == "masih belum"


def with_duplicates(roled: pl.DataFrame, duplicates: dict[str, str]) -> pl.DataFrame:
    """The records' roles after flows/sql/assign_duplicates.sql (in DuckDB) merged `duplicates` into earlier ones."""
    con = duckdb.connect()
    con.register("roled", roled.select("record_key", "role", "complaint_id", "merge_reason").cast(pl.String))
    con.execute("create table roles as select * from roled")
    con.register("duplicates", pl.DataFrame({"complaint_id": list(duplicates), "dup_of": list(duplicates.values())}))
    con.execute(sql("assign_duplicates"))
    roles = con.sql("select * from roles").pl()
    return roled.drop("role", "complaint_id", "merge_reason").join(roles, on="record_key", maintain_order="left")


def test_intake_has_one_row_per_record_with_fate():
    roled = with_duplicates(roled_frame(), {"WA-1": "LPR-0"})
    intake = build_intake(roled, "run-1")
    assert intake.height == 5
    assert intake["fate"].to_list() == ["merged", "merged", "merged", "merged", "quarantined"]
    assert intake["complaint_id"].to_list() == ["LPR-0", "LPR-0", "LPR-0", "WA-old", None]
    assert intake["reason"][0] == "duplikat lintas kanal dari LPR-0" and intake["reason"][4] == "JSON tidak valid"
