"""The classifier through its command-line contract, on the shipped corpus (one model per session)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from awasi import models
from awasi.cli import app
from transforms.labels import LABELS

EXAMPLES = [
    {"id": "a", "text": "Sudah 4 bulan sertifikat tanah saya di kantor pertanahan belum jadi, tiap ditanya disuruh tunggu."},
    {"id": "b", "text": "Petugas loket minta uang pelicin Rp 200 ribu supaya KTP cepat jadi, padahal gratis."},
    {"id": "c", "text": "Selamat pagi, saya ingin menanyakan apa saja syarat membuat akta kelahiran anak?"},
    {"id": "d", "text": "Di kelurahan kami tidak ada pungli sama sekali, tapi petugasnya membentak dan kasar ke warga."},
]


@pytest.fixture(scope="module")
def model():
    return models.ensure_model(Path(os.environ["AWASI_MODELS_DIR"]))


def test_classify_contract(model, tmp_path):
    inp, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    inp.write_text("\n".join(json.dumps(e) for e in EXAMPLES), encoding="utf-8")
    r = CliRunner().invoke(app, ["classify", "--input", str(inp), "--output", str(out)])
    assert r.exit_code == 0, r.output
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [row["id"] for row in rows] == ["a", "b", "c", "d"]
    for row in rows:
        assert set(row) == {"id", "category", "confidence", "needs_review", "secondary", "cues"}
        assert row["category"] in LABELS and 0 <= row["confidence"] <= 1
        assert row["needs_review"] == (row["confidence"] < model.review_threshold)
        assert len(row["secondary"]) <= 2 and row["category"] not in row["secondary"]
    by_id = {row["id"]: row for row in rows}
    assert by_id["a"]["category"] == "penundaan_berlarut"
    assert by_id["b"]["category"] == "permintaan_imbalan" and any("pelicin" in c for c in by_id["b"]["cues"])
    assert by_id["c"]["category"] == "bukan_maladministrasi"
    assert by_id["d"]["category"] == "tidak_patut"
    assert not any("pungli" in c for c in by_id["d"]["cues"])  # negated: "tidak ada pungli"


def test_evaluate_reports_the_required_metrics(model, tmp_path):
    gold = tmp_path / "gold.jsonl"
    labels = ["penundaan_berlarut", "permintaan_imbalan", "bukan_maladministrasi", "tidak_patut"]
    gold.write_text("\n".join(json.dumps({**e, "label": lab}) for e, lab in zip(EXAMPLES, labels)), encoding="utf-8")
    r = CliRunner().invoke(app, ["evaluate", "--gold", str(gold), "--json"])
    assert r.exit_code == 0, r.output
    m = json.loads(r.output)
    assert m["accuracy"] == 1.0 and set(m["per_label"]) >= set(labels)
    for key in ("macro_f1", "confusion", "coverage", "accuracy_not_reviewed", "review_share"):
        assert key in m
    assert sum(b["items"] for b in m["calibration"]["bands"]) == len(labels)  # every item in one confidence band


@pytest.fixture
def small_corpus(monkeypatch):
    """Six items of each form from the repository corpus: training takes about a second instead of 30 (the full
    corpus is trained once per session, for the `model` fixture)."""
    rows = models.corpus()
    few = [r for label in LABELS for r in [r for r in rows if r["label"] == label][:6]]
    monkeypatch.setattr(models, "corpus", lambda corpus_dir=models.CORPUS_DIR: list(few))
    return few


def test_processes_finding_no_model_at_once_train_one(tmp_path, small_corpus):
    # The nightly flow's worker processes, or the test suite's, can all start before any model exists: one trains,
    # the others wait and load it (without the lock each trained its own, or failed on the same version folder).
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(3) as pool:
        loaded = list(pool.map(lambda _: models.ensure_model(tmp_path / "m"), range(3)))
    assert len(models.versions(tmp_path / "m")) == 1
    assert len({m.version for m in loaded}) == 1


def test_a_model_being_written_is_not_offered_to_readers(tmp_path, monkeypatch, small_corpus):
    # CI once failed with EOFError: one test worker trained the session's model while another, not waiting on the
    # training lock because a version folder already held a `model.joblib`, loaded the half-written file. A reader
    # must see a whole version or none.
    import joblib

    real_dump = joblib.dump
    seen_while_writing = []

    def slow_dump(obj, path, *args, **kwargs):
        path = Path(path)
        path.write_bytes(b"\x80\x04")  # the first bytes are on disk, the rest not yet
        try:
            models.load(path.parent.parent)
            seen_while_writing.append("loaded")
        except FileNotFoundError:
            seen_while_writing.append("no model yet")
        except Exception as exc:  # noqa: BLE001 - what a reader met on the old code: EOFError, UnpicklingError
            seen_while_writing.append(type(exc).__name__)
        return real_dump(obj, path, *args, **kwargs)

    monkeypatch.setattr(joblib, "dump", slow_dump)
    model = models.ensure_model(tmp_path / "m")
    assert seen_while_writing == ["no model yet"]
    assert models.versions(tmp_path / "m") == [model.version]
    assert sorted(p.name for p in (tmp_path / "m").iterdir() if not p.name.startswith(".training")) == [model.version]


def test_train_with_extra_labels_writes_a_new_active_version(tmp_path, monkeypatch, small_corpus):
    extra = tmp_path / "kantor.jsonl"
    extra.write_text("\n".join(json.dumps({"id": f"k{i}", "text": f"Antrean sembako murah di pasar {i} ricuh sekali",
                                           "label": "bukan_maladministrasi"}) for i in range(5)), encoding="utf-8")
    out = tmp_path / "models"
    r = CliRunner().invoke(app, ["train", "--labels", str(extra), "--out", str(out)])
    assert r.exit_code == 0, r.output
    [version] = models.versions(out)
    meta = json.loads((out / version / "metadata.json").read_text())
    assert meta["extra_labels"] == str(extra) and meta["items"] == len(models.corpus()) + 5
    monkeypatch.setenv("AWASI_MODELS_DIR", str(out))
    monkeypatch.setenv("AWASI_MODEL_VERSION", version)
    inp, res = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    inp.write_text(json.dumps(EXAMPLES[0]), encoding="utf-8")
    assert CliRunner().invoke(app, ["classify", "--input", str(inp), "--output", str(res)]).exit_code == 0
    assert "model " + version in CliRunner().invoke(app, ["classify", "--input", str(inp), "--output", str(res)]).output


def test_bad_labels_are_refused(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps({"id": 1, "text": "x", "label": "pungli"}), encoding="utf-8")
    r = CliRunner().invoke(app, ["train", "--labels", str(bad), "--out", str(tmp_path / "m")])
    assert r.exit_code == 2 and "GAGAL / FAILED" in r.output and "is not one of" in r.output
    assert "Traceback" not in r.output and not (tmp_path / "m").exists()


def test_input_files_with_a_byte_order_mark_are_read_and_bad_ones_refused_in_one_line(tmp_path):
    # Files saved by Windows tools start with a UTF-8 byte-order mark; it once failed as "not valid JSON".
    inp, res = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    inp.write_bytes("\ufeff".encode() + b'{"id": "a", "text": "Sudah 3 bulan KTP saya belum jadi"}\r\n\r\n'
                    b'{"id": "b", "text": null}\r\n')
    r = CliRunner().invoke(app, ["classify", "--input", str(inp), "--output", str(res)])
    assert r.exit_code == 0, r.output
    assert [json.loads(line)["id"] for line in res.read_text().splitlines()] == ["a", "b"]
    inp.write_text('{"id": "a", "text": "x"}\nbukan json\n', encoding="utf-8")
    for args, says in ((["classify", "--input", str(inp), "--output", str(res)], "in.jsonl:2: not valid JSON"),
                       (["evaluate", "--gold", str(tmp_path / "none.jsonl")], "No such file or directory")):
        r = CliRunner().invoke(app, args)
        assert r.exit_code == 2 and says in r.output and "Traceback" not in r.output, r.output


def test_failure_cues_override_non_case_cues_in_the_features():
    from transforms.classifier import ComplaintClassifier
    from transforms.lexicon import Cue, Lexicon
    from transforms.textnorm import normalize

    lx = Lexicon([Cue("bukan_maladministrasi", "mau tanya", 1.2), Cue("penundaan_berlarut", "belum cair", 1.0)])
    clf = ComplaintClassifier(lx)
    question = clf._lexicon_scores(lx.fired(normalize("Mau tanya syarat KIP apa saja?")))
    assert question["bukan_maladministrasi"] == 1.2
    failure = clf._lexicon_scores(lx.fired(normalize("Mau tanya kenapa KIP saya blm cair padahal sdh 3 bln")))
    assert failure == {"bukan_maladministrasi": 0.0, "penundaan_berlarut": 1.0}
    # Model files saved before the option keep their old features (both cues counted).
    del clf.__dict__["failure_cues_win"]
    assert clf._lexicon_scores(lx.fired(normalize("mau tanya knp blm cair")))["bukan_maladministrasi"] == 1.2


def test_probabilities_average_the_two_models_and_older_files_use_one():
    import numpy as np

    from transforms.classifier import ComplaintClassifier

    texts = ([f"sudah {i} bulan izin belum jadi, tiap ditanya disuruh tunggu" for i in range(2, 12)]
             + [f"petugas minta uang {i} ratus ribu supaya cepat" for i in range(1, 11)]
             + [f"saya ingin menanyakan syarat nomor {i} untuk paspor" for i in range(10)])
    labels = ["penundaan_berlarut"] * 10 + ["permintaan_imbalan"] * 10 + ["bukan_maladministrasi"] * 10
    clf = ComplaintClassifier(models.lexicon(), char_ngrams=None, nb_weight=0.5).fit(texts, labels)
    new = ["izin saya belum jadi sudah 5 bulan", "mau tanya syarat paspor"]
    probs, _ = clf.probabilities(new)
    x = clf._features(*clf._prepare(new))
    expected = 0.5 * clf._model.predict_proba(x) + 0.5 * clf._nb.predict_proba(x)
    assert np.allclose(probs, expected) and np.allclose(probs.sum(axis=1), 1)
    assert [p.category for p in clf.predict(new)] == ["penundaan_berlarut", "bukan_maladministrasi"]
    del clf.__dict__["_nb"]  # a model file saved before the ensemble: logistic regression only
    assert np.allclose(clf.probabilities(new)[0], clf._model.predict_proba(x))


def test_a_model_file_is_read_once_per_process_and_again_when_rewritten(tmp_path):
    """The nightly flow loads the model for every batch: the same file gives the same object, a rewritten file
    (another size or time) is read again."""
    import joblib

    from transforms.classifier import ComplaintClassifier

    texts = [f"izin saya belum jadi sudah {i} bulan" for i in range(10)] + [f"mau tanya syarat {i}" for i in range(10)]
    labels = ["penundaan_berlarut"] * 10 + ["bukan_maladministrasi"] * 10
    clf = ComplaintClassifier(models.lexicon(), char_ngrams=None, nb_weight=0.0).fit(texts, labels)
    folder = models.save(clf, tmp_path, [{"text": t, "label": lab} for t, lab in zip(texts, labels)], None)
    first = models.load(tmp_path)
    assert models.load(tmp_path) is first and first.version == folder.name
    clf.review_threshold = 0.3
    joblib.dump(clf, folder / "model.joblib")  # the same version written again, a minute later
    mtime = (folder / "model.joblib").stat().st_mtime
    os.utime(folder / "model.joblib", (mtime + 60, mtime + 60))  # file times can be coarser than this test
    again = models.load(tmp_path)
    assert again is not first and again.review_threshold == 0.3 and again.version == folder.name


def test_the_classifier_reads_a_complaints_title_above_its_text():
    # The real set's SP4N-LAPOR! complaints carry their title line, and the figures measured on them need it; the
    # flow keeps the title apart, so the classifier's input joins them. No title (WhatsApp, call centre): the text.
    import polars as pl

    from transforms.classifier import classifier_texts

    frame = pl.DataFrame({"complaint_id": ["a", "b", "c"], "title": ["KTP belum jadi", None, ""],
                          "text": ["Sudah 3 bulan menunggu.", "Pesan WhatsApp.", "Isi e-mail."]})
    assert classifier_texts(frame).to_list() == ["KTP belum jadi\nSudah 3 bulan menunggu.", "Pesan WhatsApp.",
                                                 "\nIsi e-mail."]
    assert classifier_texts(frame.drop("title")).to_list() == frame["text"].to_list()

