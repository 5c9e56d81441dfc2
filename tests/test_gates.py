"""The data-quality gates: GX suites from expectations/suites run on tiny frames, and their verdicts applied."""

from __future__ import annotations

import os
from datetime import datetime, timezone
from pathlib import Path

import polars as pl

from expectations.validate import load_suite_dict, run_suite
from transforms import gates

GX_DIR = Path(os.environ["AWASI_GX_DIR"])
PARAMS = {"earliest": "2000-01-01T00:00:00+00:00", "latest": "2026-11-23T00:00:00+00:00", "min_chars": 3,
          "max_chars": 50, "max_complaint_chars": 250}
UTC = timezone.utc


def raw(rows):
    base = {"channel": "lapor", "source_ref": "1", "content_hash": "c", "received_at": datetime(2025, 1, 1, tzinfo=UTC),
            "text_chars": 20, "message_type": "lapor", "reason_code": None, "reason": None}
    return pl.DataFrame([{**base, **r} for r in rows])


def test_suites_are_versioned_files_with_levels_and_reasons():
    for name in ("raw_lapor", "raw_whatsapp", "raw_email", "raw_callcenter", "complaints", "volume"):
        suite = load_suite_dict(name)
        assert suite["expectations"]
        for e in suite["expectations"]:
            assert e["meta"]["level"] in {"row", "batch", "warning"} and e["meta"]["reason"]


def test_raw_suite_quarantines_failing_rows_with_the_expectation_as_reason():
    frame = raw([
        {"record_key": "ok"},
        {"record_key": "old", "received_at": datetime(1970, 1, 1, tzinfo=UTC)},
        {"record_key": "future", "received_at": datetime(2027, 12, 1, tzinfo=UTC)},
        {"record_key": "empty", "text_chars": 0},
        {"record_key": "huge", "text_chars": 5000},
        {"record_key": "noid", "source_ref": None},
    ])
    result = run_suite(frame, "raw_lapor", "record_key", PARAMS, GX_DIR)
    failures = gates.row_failures(result.results)
    assert set(failures) == {"old", "future", "empty", "huge", "noid"}
    code, reason = failures["old"]
    assert code == "expectation:expect_column_values_to_be_between(received_at)"
    assert reason.startswith("tanggal tidak masuk akal") and "1970-01-01" in reason
    assert failures["empty"][1].startswith("panjang teks aduan di luar batas wajar (nilai: 0)")
    assert not result.batch_failures
    out = gates.quarantine_rows(frame, "record_key", failures)
    assert out.filter(pl.col("reason_code").is_null())["record_key"].to_list() == ["ok"]


def test_whatsapp_media_without_text_passes_the_length_rule():
    frame = raw([{"record_key": "img", "channel": "whatsapp", "message_type": "image", "text_chars": 0},
                 {"record_key": "txt", "channel": "whatsapp", "message_type": "text", "text_chars": 0}])
    failures = gates.row_failures(run_suite(frame, "raw_whatsapp", "record_key", PARAMS, GX_DIR).results)
    assert set(failures) == {"txt"}


def test_a_batch_failure_is_reported_not_row_quarantined():
    frame = raw([{"record_key": "a"}, {"record_key": "a"}])  # duplicated record key: a parser bug
    result = run_suite(frame, "raw_lapor", "record_key", PARAMS, GX_DIR)
    assert [f.expectation for f in result.batch_failures] == ["expect_column_values_to_be_unique(record_key)"]
    assert gates.row_failures(result.results) == {}


def test_complaint_suite_checks_category_confidence_and_agency_share():
    frame = pl.DataFrame({
        "complaint_id": ["A", "B", "C", "D"], "channel": ["lapor", "sms", "email", "lapor"],
        "received_at_utc": [datetime(2025, 1, 1, tzinfo=UTC)] * 4, "text_chars": [30, 30, 30, 30],
        "category": ["penundaan_berlarut", None, "pungli_besar", None], "confidence": [0.8, None, 1.4, None],
        "agency_match": ["field", "none", "none", "none"], "agency": ["X", None, None, None],
    })
    result = run_suite(frame, "complaints", "complaint_id", PARAMS, GX_DIR)
    failures = gates.row_failures(result.results)
    assert set(failures) == {"B", "C"}
    assert "kategori maladministrasi tidak dikenal" in failures["C"][1] or "confidence" in failures["C"][1]
    warnings = [r for r in result.results if r.level == "warning" and not r.success]
    assert len(warnings) == 1 and warnings[0].rows_failed == 3


def test_volume_collapse_is_flagged():
    frame = gates.volume_frame({"lapor": 95, "email": 0, "callcenter": 3},
                               [{"lapor": 100, "email": 20, "callcenter": 40}, {"lapor": 90, "email": 30, "callcenter": 50}],
                               ["lapor", "whatsapp", "email", "callcenter"])
    assert frame.filter(pl.col("channel") == "email")["recent_median"][0] == 25
    result = run_suite(frame, "volume", "channel", PARAMS, GX_DIR)
    assert set(result.results[0].failed) == {"email", "callcenter"}  # whatsapp has no history: not judged


def test_files_that_mostly_fail_are_held_back_whole():
    frame = pl.DataFrame({"file_hash": ["f1"] * 6 + ["f2"] * 6, "source_file": ["a"] * 6 + ["b"] * 6,
                          "reason_code": ["x"] * 4 + [None] * 2 + ["x"] + [None] * 5,
                          "reason": ["bad"] * 4 + [None] * 2 + ["bad"] + [None] * 5})
    out, held = gates.hold_back_files(frame, min_records=5, max_failed_share=0.5)
    assert held == [{"source_file": "a", "records": 6, "failed": 4}]
    assert out.filter(pl.col("file_hash") == "f1")["reason_code"].to_list() == ["x"] * 4 + ["file_held"] * 2
    assert out.filter(pl.col("file_hash") == "f2")["reason_code"].null_count() == 5
    # the advice fits the repair: `quarantine retry` reads the held bytes again, so a corrected file is re-delivered
    held_reason = out.filter(pl.col("reason_code") == "file_held")["reason"][0]
    assert "kirim ulang berkas yang sudah diperbaiki" in held_reason and "quarantine retry" in held_reason


def test_store_files_left_broken_by_a_killed_run_do_not_stop_later_runs(tmp_path):
    # A run killed while GX wrote its stored suite left the file empty; every later run failed on it
    # ("ExpectationSuite() argument after ** must be a mapping, not NoneType"). Found by the killed-run tests.
    from expectations import validate

    frame = raw([{"record_key": "ok"}, {"record_key": "empty", "text_chars": 0}])
    first = run_suite(frame, "raw_lapor", "record_key", PARAMS, tmp_path, docs=False)
    (tmp_path / "gx" / "expectations" / "raw_lapor.json").write_text("", encoding="utf-8")
    checkpoint = tmp_path / "gx" / "checkpoints" / "raw_lapor.json"
    checkpoint.write_text(checkpoint.read_text(encoding="utf-8")[:40], encoding="utf-8")
    validate._CONTEXTS.pop(str(tmp_path))  # as a new process would
    again = run_suite(frame, "raw_lapor", "record_key", PARAMS, tmp_path, docs=False)
    assert set(gates.row_failures(again.results)) == set(gates.row_failures(first.results)) == {"empty"}


def test_store_files_left_broken_by_another_process_do_not_stop_a_context_already_open(tmp_path):
    # The check ran once per process: the killed-run test, which runs again in its own process after the killed
    # subprocess left the stored suite empty, failed now and then with the error above.
    frame = raw([{"record_key": "ok"}, {"record_key": "empty", "text_chars": 0}])
    first = run_suite(frame, "raw_lapor", "record_key", PARAMS, tmp_path, docs=False)
    (tmp_path / "gx" / "expectations" / "raw_lapor.json").write_text("", encoding="utf-8")  # the context stays open
    again = run_suite(frame, "raw_lapor", "record_key", PARAMS, tmp_path, docs=False)
    assert set(gates.row_failures(again.results)) == set(gates.row_failures(first.results)) == {"empty"}


def test_a_project_file_cut_short_by_a_killed_run_is_written_afresh(tmp_path):
    # GX writes gx/great_expectations.yml in place; cut at any point, it stopped every later run, each cut with
    # another error (a config schema error, a KeyError, an unknown store class, an invalid data source id).
    from expectations import validate

    frame = raw([{"record_key": "ok"}, {"record_key": "empty", "text_chars": 0}])
    first = run_suite(frame, "raw_lapor", "record_key", PARAMS, tmp_path, docs=False)
    project_file = tmp_path / "gx" / "great_expectations.yml"
    intact = project_file.read_text(encoding="utf-8")
    for cut in (0, intact.index("stores:") + 150, intact.index("fluent_datasources:") + 120):
        project_file.write_text(intact[:cut], encoding="utf-8")
        validate._CONTEXTS.pop(str(tmp_path))  # as a new process would
        again = run_suite(frame, "raw_lapor", "record_key", PARAMS, tmp_path, docs=False)
        assert set(gates.row_failures(again.results)) == set(gates.row_failures(first.results)) == {"empty"}
        assert (tmp_path / "gx" / "great_expectations.yml.broken").read_text(encoding="utf-8") == intact[:cut]
        assert "config_version" in project_file.read_text(encoding="utf-8")


def test_validating_again_does_not_rewrite_the_project_file(tmp_path):
    # The fewer writes of the project file, the fewer moments a killed run can cut it short.
    frame = raw([{"record_key": "ok"}])
    run_suite(frame, "raw_lapor", "record_key", PARAMS, tmp_path, docs=False)
    project_file = tmp_path / "gx" / "great_expectations.yml"
    written = (project_file.stat().st_mtime_ns, project_file.read_text(encoding="utf-8"))
    run_suite(frame, "raw_lapor", "record_key", PARAMS, tmp_path, docs=False)
    run_suite(frame, "raw_lapor", "record_key", PARAMS, tmp_path, docs=True)
    assert (project_file.stat().st_mtime_ns, project_file.read_text(encoding="utf-8")) == written
