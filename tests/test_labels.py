"""`awasi labels`: analysts' decisions become labelled items that `awasi evaluate` and `awasi train` read."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from awasi import models
from awasi.cli import app
from flows.classification import add_correction


def run_labels(db, out):
    r = CliRunner().invoke(app, ["labels", "--db", str(db), "--output", str(out)])
    assert r.exit_code == 0, r.output
    return r.output, [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]


def test_the_latest_decision_per_complaint_with_its_stored_text(tiny_db, tmp_path):
    add_correction(tiny_db, "C003", "berpihak", "analis-1")
    add_correction(tiny_db, "C003", "tidak_memberikan_pelayanan", "analis-2", "yang kedua menang")
    add_correction(tiny_db, "C005", "penundaan_berlarut", "analis-1", "kategori mesin sudah benar")  # a confirmation
    add_correction(tiny_db, "C001", "diskriminasi", "analis-1")  # the secret report
    output, items = run_labels(tiny_db, tmp_path / "keputusan.jsonl")
    assert items == [
        {"id": "C003", "text": "Judul 3\nWarga tidak dilayani petugas kelurahan saat mengurus surat pengantar",
         "label": "tidak_memberikan_pelayanan"},  # the title above the text, as the classifier reads them
        {"id": "C005", "text": "Judul 5\nAduan nomor 5 tentang sertifikat tanah", "label": "penundaan_berlarut"},
    ]
    assert "2 analysts' decisions" in output and "1 secret reports left out" in output
    # the reader of `awasi train --labels` and `awasi evaluate --gold` takes the file as it is
    assert models.read_labelled(tmp_path / "keputusan.jsonl") == items


def test_a_complaint_without_a_title_gives_its_text_alone(tiny_db, tmp_path):
    from flows import warehouse

    with warehouse.connect(tiny_db) as con:
        con.execute("update complaints set title = null where complaint_id = 'C003'")
    warehouse.publish_snapshot(tiny_db, "r2")
    add_correction(tiny_db, "C003", "tidak_memberikan_pelayanan", "analis-1")
    _, items = run_labels(tiny_db, tmp_path / "keputusan.jsonl")
    assert items[0]["text"] == "Warga tidak dilayani petugas kelurahan saat mengurus surat pengantar"


def test_no_decisions_write_an_empty_file_that_evaluate_refuses(tiny_db, tmp_path):
    output, items = run_labels(tiny_db, tmp_path / "kosong.jsonl")
    assert items == [] and output.startswith("0 analysts' decisions")
    r = CliRunner().invoke(app, ["evaluate", "--gold", str(tmp_path / "kosong.jsonl")])
    assert r.exit_code == 2 and "holds no labelled items" in r.output  # not figures of 0.000


def test_the_model_is_measured_on_the_decisions(tiny_db, tmp_path):
    add_correction(tiny_db, "C003", "tidak_memberikan_pelayanan", "analis-1")
    add_correction(tiny_db, "C004", "bukan_maladministrasi", "analis-1")
    run_labels(tiny_db, tmp_path / "keputusan.jsonl")
    r = CliRunner().invoke(app, ["evaluate", "--gold", str(tmp_path / "keputusan.jsonl"), "--json"])
    assert r.exit_code == 0, r.output
    m = json.loads(r.output)
    assert m["n"] == 2 and set(m["per_label"]) >= {"tidak_memberikan_pelayanan", "bukan_maladministrasi"}


def test_an_unknown_warehouse_is_one_line(tmp_path):
    r = CliRunner().invoke(app, ["labels", "--db", str(tmp_path / "tidak-ada.duckdb"), "--output",
                                 str(tmp_path / "x.jsonl")])
    assert r.exit_code == 2 and r.output.startswith("GAGAL / FAILED: warehouse not found")
    assert not (tmp_path / "x.jsonl").exists()
