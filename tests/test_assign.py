"""Roles, WhatsApp conversations, e-mail threads and repeats, decided by the SQL of flows/assign.py in DuckDB."""

from contextlib import contextmanager
from datetime import datetime, timedelta, timezone

import duckdb
import polars as pl
import pytest

from flows.assign import attach_warehouse, find_roles, load_night, read_prior, scratch_database
from flows.warehouse import connect, ensure_schema
from transforms.identifiers import PREFIX, complaint_id_for, record_key_expr
from transforms.schema import records_frame

T0 = datetime(2025, 3, 4, 3, tzinfo=timezone.utc)


def rec(channel, ref, minutes, who="p1", text="isi aduan", mtype=None, parents=(), seq=1, file="f", reason=None):
    return {"channel": channel, "source_file": file, "file_hash": file, "position": f"line {seq}", "seq": seq,
            "source_ref": ref, "content_hash": f"c{ref}{seq}", "received_at": T0 + timedelta(minutes=minutes),
            "text": text, "message_type": mtype or channel, "parent_refs": list(parents), "attachments": 0,
            "reporter_pseudonym": who, "reason_code": reason}


@pytest.fixture
def roles(tmp_path):
    """Role and complaint per record, keyed by position ('line 2'), or 'file|position' when files differ."""

    def run(rows, known=None, open_wa=None, gap=30):
        frame = records_frame(rows).with_columns(
            reporter_pseudonym=pl.Series([r["reporter_pseudonym"] for r in rows], dtype=pl.String),
            reporter_keys=pl.Series([[r["reporter_pseudonym"]] for r in rows], dtype=pl.List(pl.String)),
            record_key=record_key_expr())
        staged = tmp_path / "stage.parquet"
        frame.write_parquet(staged)
        with scratch_database(tmp_path) as con:
            load_night(con, [staged])
            con.execute("create or replace table prior_refs (channel varchar, ref varchar, complaint_id varchar)")
            for (channel, ref), cid in (known or {}).items():
                con.execute("insert into prior_refs values (?, ?, ?)", [channel, ref, cid])
            con.execute("create or replace table prior_whatsapp (who varchar, complaint_id varchar, last_at timestamp)")
            for who, (cid, last) in (open_wa or {}).items():
                con.execute("insert into prior_whatsapp values (?, ?, ?)", [who, cid, last.replace(tzinfo=None)])
            find_roles(con, gap)
            out = con.sql("select * from roles").pl()
        one_file = len({r["source_file"] for r in rows}) == 1
        return {(r["record_key"].split("|")[1] if one_file else r["record_key"]): (r["role"], r["complaint_id"])
                for r in out.to_dicts()}

    return run


def test_whatsapp_messages_close_in_time_form_one_complaint(roles):
    out = roles([rec("whatsapp", "a", 0, seq=1), rec("whatsapp", "b", 10, seq=2),
                 rec("whatsapp", "c", 35, seq=3),                     # 25 min after b: same conversation
                 rec("whatsapp", "d", 70, seq=4),                     # 35 min after c: a new complaint
                 rec("whatsapp", "e", 5, who="p2", seq=5)])           # another sender
    cid = complaint_id_for("whatsapp", "a")
    assert out["line 1"] == ("primary", cid)
    assert out["line 2"] == ("followup", cid) and out["line 3"] == ("followup", cid)
    assert out["line 4"] == ("primary", complaint_id_for("whatsapp", "d"))
    assert out["line 5"] == ("primary", complaint_id_for("whatsapp", "e"))


def test_media_only_conversation_is_quarantined_but_media_in_a_text_conversation_joins(roles):
    out = roles([rec("whatsapp", "a", 0, text="", mtype="image", seq=1), rec("whatsapp", "b", 1, text="", mtype="audio", seq=2),
                 rec("whatsapp", "c", 0, who="p2", seq=3), rec("whatsapp", "d", 2, who="p2", text="", mtype="image", seq=4)])
    assert out["line 1"] == ("quarantined", None) and out["line 2"] == ("quarantined", None)
    assert out["line 4"] == ("followup", complaint_id_for("whatsapp", "c"))


def test_a_repeat_of_a_quarantined_message_is_quarantined_with_it(roles):
    out = roles([rec("whatsapp", "a", 0, text="", mtype="image", seq=1, file="x"),
                 rec("whatsapp", "a", 0, text="", mtype="image", seq=1, file="y")])  # the same message, again
    assert out["x|line 1"] == ("quarantined", None) and out["y|line 1"] == ("quarantined", None)


def test_conversation_continues_a_complaint_from_an_earlier_run(roles):
    open_wa = {"p1": ("WA-earlier", T0 - timedelta(minutes=10))}
    out = roles([rec("whatsapp", "a", 0, seq=1), rec("whatsapp", "b", 5, seq=2)], open_wa=open_wa)
    assert out["line 1"] == ("followup", "WA-earlier") and out["line 2"] == ("followup", "WA-earlier")
    out = roles([rec("whatsapp", "a", 45, seq=1)], open_wa=open_wa)
    assert out["line 1"][0] == "primary"


def test_email_reply_joins_thread_in_run_and_from_earlier_runs(roles):
    out = roles([rec("email", "m1", 0, seq=1), rec("email", "m2", 60, parents=["m1"], seq=2),
                 rec("email", "m3", 90, parents=["m2", "m1"], seq=3), rec("email", "m9", 5, parents=["old"], seq=4),
                 rec("email", "m8", 6, parents=["unknown"], seq=5),
                 rec("email", "m0", -5, parents=["m1"], seq=6)],  # names a message that came after it
                known={("email", "old"): "EML-old"})
    cid = complaint_id_for("email", "m1")
    assert out["line 1"] == ("primary", cid)
    assert out["line 2"] == ("followup", cid) and out["line 3"] == ("followup", cid)
    assert out["line 4"] == ("followup", "EML-old")
    assert out["line 5"][0] == "primary"  # a reply to a message never received starts its own complaint
    assert out["line 6"] == ("primary", complaint_id_for("email", "m0"))


def test_repeated_references_are_repeats_of_the_first(roles):
    out = roles([rec("lapor", "123", 0, seq=1, file="a"), rec("lapor", "123", 0, seq=1, file="b"),
                 rec("lapor", "777", 0, seq=2, file="f")], known={("lapor", "777"): "LPR-777"})
    cid = complaint_id_for("lapor", "123")
    assert out["a|line 1"] == ("primary", cid)
    assert out["b|line 1"] == ("repeat", cid)
    assert out["f|line 2"] == ("repeat", "LPR-777")


def test_records_quarantined_at_the_raw_gate_take_no_part(roles):
    out = roles([rec("lapor", "123", 0, seq=1, reason="too_short"), rec("lapor", "123", 5, seq=2)])
    assert "line 1" not in out
    assert out["line 2"] == ("primary", complaint_id_for("lapor", "123"))


def test_complaint_ids_are_stable_and_the_sql_macro_agrees():
    assert complaint_id_for("lapor", "123") == complaint_id_for("lapor", "123") != complaint_id_for("email", "123")
    con = duckdb.connect()
    from flows.sqlfiles import statements
    for statement in statements("assign_macros"):
        con.execute(statement)
    for channel in [*PREFIX, "sms"]:
        assert con.execute("select complaint_id_for(?, ?)", [channel, "ref-9"]).fetchall()[0][0] == \
            complaint_id_for(channel, "ref-9")


@contextmanager
def night_against(tmp_path, db, rows):
    """The night of `rows` (all from reporter p1), its roles found against the warehouse `db` attached read-only; the
    scratch connection, for the test to read its tables."""
    frame = records_frame(rows).with_columns(
        reporter_pseudonym=pl.lit("p1"), reporter_keys=pl.lit(["p1"]), record_key=record_key_expr())
    frame.write_parquet(tmp_path / "stage.parquet")
    with scratch_database(tmp_path) as con:
        load_night(con, [tmp_path / "stage.parquet"])
        attach_warehouse(con, db)
        read_prior(con, gap_minutes=30, window_days=7)
        find_roles(con, 30)
        yield con


def test_earlier_runs_are_read_from_the_warehouse(tmp_path):
    """References, open conversations and recent complaints come from the warehouse attached read-only."""
    db = tmp_path / "w.duckdb"
    last = T0.replace(tzinfo=None) - timedelta(minutes=10)
    with connect(db) as con:
        ensure_schema(con)
        con.execute("insert into complaints (complaint_id, channel, reporter_pseudonym, reporter_keys, text, "
                    "received_at_utc, received_at_local, last_message_at_utc, run_id, loaded_at_utc) "
                    "values ('WA-old', 'whatsapp', 'p1', ['p1'], 'isi', ?, ?, ?, 'r', ?)", [last] * 4)
        con.execute("insert into intake (record_id, run_id, channel, source_file, file_hash, position, source_ref, "
                    "content_hash, fate, complaint_id) "
                    "values ('old|line 1', 'r', 'lapor', 'old', 'old', 'line 1', '777', 'c', 'accepted', 'LPR-777')")
    with night_against(tmp_path, db, [rec("whatsapp", "a", 0, seq=1), rec("lapor", "777", 0, seq=2)]) as con:
        assert con.execute("select * from prior_refs").fetchall() == [("lapor", "777", "LPR-777")]
        assert con.execute("select * from prior_recent").fetchall() == [("WA-old", "p1")]
        out = dict(con.execute("select record_key, complaint_id from roles").fetchall())
    assert out == {"f|line 1": "WA-old", "f|line 2": "LPR-777"}


def test_an_email_without_message_id_seen_in_an_earlier_run_is_a_repeat(tmp_path):
    # An e-mail without a Message-ID is referred to by its content hash. Earlier runs were looked up by the channel's
    # own reference only, so the same mail again (an mbox that grew, the mail in a new mbox) was taken for a new
    # complaint with the id it already had, and the load failed on the primary key every night after.
    db = tmp_path / "w.duckdb"
    with connect(db) as con:
        ensure_schema(con)
        con.execute("insert into intake (record_id, run_id, channel, source_file, file_hash, position, source_ref, "
                    "content_hash, fate, complaint_id) "
                    "values ('old|message 1', 'r', 'email', 'old', 'old', 'message 1', null, 'cmail', 'accepted', "
                    "'EML-mail')")
    mail = rec("email", None, 0, seq=1) | {"content_hash": "cmail"}
    with night_against(tmp_path, db, [mail, rec("email", None, 5, seq=2)]) as con:
        out = {k: (role, cid) for k, role, cid in con.execute("select record_key, role, complaint_id from roles").fetchall()}
    assert out["f|line 1"] == ("repeat", "EML-mail")
    assert out["f|line 2"] == ("primary", complaint_id_for("email", "sha:cNone2"))
