from datetime import datetime, timedelta, timezone

import polars as pl

from transforms.schema import records_frame
from transforms.threads import assign_roles, complaint_id_for

T0 = datetime(2025, 3, 4, 3, tzinfo=timezone.utc)


def rec(channel, ref, minutes, who="p1", text="isi aduan", mtype=None, parents=(), seq=1, file="f"):
    return {"channel": channel, "source_file": file, "file_hash": file, "position": f"line {seq}", "seq": seq,
            "source_ref": ref, "content_hash": f"c{ref}{seq}", "received_at": T0 + timedelta(minutes=minutes),
            "text": text, "message_type": mtype or channel, "parent_refs": list(parents), "attachments": 0,
            "reporter_pseudonym": who}


def roles(rows, known=None, open_wa=None, gap=30):
    """Role and complaint per record, keyed by position ('line 2'), or 'file|position' when files differ."""
    frame = records_frame(rows).with_columns(reporter_pseudonym=pl.Series([r["reporter_pseudonym"] for r in rows]))
    out = assign_roles(frame, known or {}, open_wa or {}, gap)
    one_file = len({r["source_file"] for r in rows}) == 1
    return {(r["record_key"].split("|")[1] if one_file else r["record_key"]): (r["role"], r["complaint_id"])
            for r in out.to_dicts()}


def test_whatsapp_messages_close_in_time_form_one_complaint():
    out = roles([rec("whatsapp", "a", 0, seq=1), rec("whatsapp", "b", 10, seq=2),
                 rec("whatsapp", "c", 35, seq=3),                     # 25 min after b: same conversation
                 rec("whatsapp", "d", 70, seq=4),                     # 35 min after c: a new complaint
                 rec("whatsapp", "e", 5, who="p2", seq=5)])           # another sender
    cid = complaint_id_for("whatsapp", "a")
    assert out["line 1"] == ("primary", cid)
    assert out["line 2"] == ("followup", cid) and out["line 3"] == ("followup", cid)
    assert out["line 4"] == ("primary", complaint_id_for("whatsapp", "d"))
    assert out["line 5"] == ("primary", complaint_id_for("whatsapp", "e"))


def test_media_only_conversation_is_quarantined_but_media_in_a_text_conversation_joins():
    out = roles([rec("whatsapp", "a", 0, text="", mtype="image", seq=1), rec("whatsapp", "b", 1, text="", mtype="audio", seq=2),
                 rec("whatsapp", "c", 0, who="p2", seq=3), rec("whatsapp", "d", 2, who="p2", text="", mtype="image", seq=4)])
    assert out["line 1"][0] == "quarantined" and out["line 2"][0] == "quarantined"
    assert out["line 4"] == ("followup", complaint_id_for("whatsapp", "c"))


def test_conversation_continues_a_complaint_from_an_earlier_run():
    open_wa = {"p1": ("WA-earlier", T0 - timedelta(minutes=10))}
    out = roles([rec("whatsapp", "a", 0, seq=1)], open_wa=open_wa)
    assert out["line 1"] == ("followup", "WA-earlier")
    out = roles([rec("whatsapp", "a", 45, seq=1)], open_wa=open_wa)
    assert out["line 1"][0] == "primary"


def test_email_reply_joins_thread_in_run_and_from_earlier_runs():
    out = roles([rec("email", "m1", 0, seq=1), rec("email", "m2", 60, parents=["m1"], seq=2),
                 rec("email", "m3", 90, parents=["m2", "m1"], seq=3), rec("email", "m9", 5, parents=["old"], seq=4),
                 rec("email", "m8", 6, parents=["unknown"], seq=5)],
                known={("email", "old"): "EML-old"})
    cid = complaint_id_for("email", "m1")
    assert out["line 2"] == ("followup", cid) and out["line 3"] == ("followup", cid)
    assert out["line 4"] == ("followup", "EML-old")
    assert out["line 5"][0] == "primary"  # a reply to a message never received starts its own complaint


def test_repeated_references_are_repeats_of_the_first():
    out = roles([rec("lapor", "123", 0, seq=1, file="a"), rec("lapor", "123", 0, seq=1, file="b"),
                 rec("lapor", "777", 0, seq=2, file="f")], known={("lapor", "777"): "LPR-777"})
    cid = complaint_id_for("lapor", "123")
    assert out["a|line 1"] == ("primary", cid)
    assert out["b|line 1"] == ("repeat", cid)
    assert out["f|line 2"] == ("repeat", "LPR-777")


def test_complaint_ids_are_stable():
    assert complaint_id_for("lapor", "123") == complaint_id_for("lapor", "123") != complaint_id_for("email", "123")
