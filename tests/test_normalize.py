from datetime import datetime, timezone

import polars as pl

from transforms.normalize import clean_text, normalize_records
from transforms.schema import records_frame

NOW = datetime(2026, 11, 22, 12, tzinfo=timezone.utc)


def rec(text, at, channel="lapor", mtype=None, code=None):
    return {"channel": channel, "source_file": "f", "file_hash": "h", "position": "line 1", "seq": 1,
            "content_hash": text, "text": text, "received_at": at, "message_type": mtype or channel,
            "reason_code": code, "reason": "parser says" if code else None, "parent_refs": [], "attachments": 0}


def run(rows):
    return normalize_records(records_frame(rows), now=NOW, earliest=datetime(2000, 1, 1, tzinfo=timezone.utc),
                             min_chars=3, max_chars=50)


def test_clean_text_strips_html_and_space():
    assert clean_text("<p>Jalan&nbsp;rusak</p>\r\n\r\n\r\n<br>  parah \x00") == "Jalan rusak\n\nparah"
    assert clean_text(None) == ""


def test_sanity_rules_give_reasons_and_first_reason_wins():
    ok = datetime(2025, 3, 4, 3, tzinfo=timezone.utc)
    out = run([
        rec("KTP belum jadi", ok),
        rec("KTP belum jadi", datetime(1970, 1, 1, tzinfo=timezone.utc)),
        rec("KTP belum jadi", datetime(2027, 11, 22, tzinfo=timezone.utc)),
        rec("   ", ok),
        rec("x" * 60, ok),
        rec("", datetime(1970, 1, 1, tzinfo=timezone.utc)),  # old AND empty: the date rule is listed first
        rec("", ok, channel="whatsapp", mtype="image"),      # media without caption is judged later
        rec("KTP", ok, code="bad_json"),                     # the parser's reason is kept
    ])
    assert out["reason_code"].to_list() == [None, "date_too_old", "date_in_future", "empty_text", "text_too_long",
                                            "date_too_old", None, "bad_json"]
    assert out["reason"][1] == "tanggal tidak masuk akal: 1970-01-01 (sebelum 2000-01-01)"
    assert out["reason"][7] == "parser says"


def test_local_time_is_jakarta_wall_time():
    out = run([rec("KTP belum jadi", datetime(2025, 3, 4, 20, tzinfo=timezone.utc))])
    assert out["received_at_local"][0] == datetime(2025, 3, 5, 3, 0)
    assert out.schema["received_at_local"] == pl.Datetime("us")
