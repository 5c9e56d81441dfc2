"""Training data, lexicon and model files: where they live and how versions are chosen.

- The project's own labelled corpus: `data/training/corpus/*.jsonl` (`id, text, label`).
- The lexicon: `data/lexicon/cues.csv`.
- Models: one folder per version under `data/models/` (or `--out`), each with `model.joblib` and
  `metadata.json`. The active model is `AWASI_MODEL_VERSION` when set, else the newest version.
"""

from __future__ import annotations

import csv
import hashlib
import json
import os
import random
from datetime import datetime, timezone
from pathlib import Path

import joblib

from awasi.settings import REPO_ROOT
from transforms.classifier import ComplaintClassifier
from transforms.labels import LABELS
from transforms.lexicon import Cue, Lexicon

CORPUS_DIR = REPO_ROOT / "data" / "training" / "corpus"
LEXICON_FILE = REPO_ROOT / "data" / "lexicon" / "cues.csv"


def read_jsonl(path: Path) -> list[dict]:
    rows = []
    with open(path, encoding="utf-8-sig") as fh:  # a byte-order mark, as Windows tools write, is not text
        for n, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                raise ValueError(f"{path}:{n}: not valid JSON ({exc.msg})") from exc
            if not isinstance(row, dict) or "text" not in row:
                raise ValueError(f"{path}:{n}: each line needs at least 'text'")
            rows.append(row)
    return rows


def read_labelled(path: Path) -> list[dict]:
    rows = read_jsonl(path)
    for n, row in enumerate(rows, start=1):
        if row.get("label") not in LABELS:
            raise ValueError(f"{path}: item {n}: label {row.get('label')!r} is not one of {', '.join(LABELS)}")
    return rows


def corpus(corpus_dir: Path = CORPUS_DIR) -> list[dict]:
    rows = []
    for path in sorted(Path(corpus_dir).glob("*.jsonl")):
        rows.extend(read_labelled(path))
    if not rows:
        raise FileNotFoundError(f"no training corpus in {corpus_dir}")
    return rows


def lexicon(path: Path = LEXICON_FILE) -> Lexicon:
    with open(path, encoding="utf-8", newline="") as fh:
        return Lexicon([Cue(r["label"], r["cue"].strip().lower(), float(r["weight"])) for r in csv.DictReader(fh)])


def train(extra: list[dict] | None = None, seed: int = 13) -> ComplaintClassifier:
    rows = corpus() + list(extra or [])
    random.Random(seed).shuffle(rows)
    model = ComplaintClassifier(lexicon(), seed=seed)
    return model.fit([r["text"] for r in rows], [r["label"] for r in rows])


def data_fingerprint(rows: list[dict]) -> str:
    h = hashlib.sha256()
    for r in sorted(rows, key=lambda r: (r["label"], r["text"])):
        h.update((r["label"] + "\t" + r["text"] + "\n").encode("utf-8"))
    h.update(LEXICON_FILE.read_bytes())
    return h.hexdigest()[:8]


def save(model: ComplaintClassifier, out_dir: Path, rows: list[dict], extra_source: str | None) -> Path:
    """Write a new version folder; return its path."""
    now = datetime.now(timezone.utc)
    version = f"{now:%Y%m%dT%H%M%S}-{data_fingerprint(rows)}"
    model.version = version
    folder = Path(out_dir) / version
    if folder.exists():
        raise FileExistsError(f"model version {version} already exists in {out_dir}")
    # Written under a hidden name and renamed when whole: another process (a test worker, the dashboard, a flow
    # worker) that lists versions meanwhile sees this one complete or not at all, never a half-written file.
    staging = Path(out_dir) / f".{version}.partial"
    staging.mkdir(parents=True, exist_ok=False)
    joblib.dump(model, staging / "model.joblib")
    counts = {lab: sum(1 for r in rows if r["label"] == lab) for lab in LABELS}
    (staging / "metadata.json").write_text(json.dumps({
        "version": version, "trained_at_utc": now.isoformat(), "items": len(rows), "items_per_label": counts,
        "extra_labels": extra_source, "review_threshold": model.review_threshold,
        "char_ngrams": model.char_ngrams, "C": model.C, "failure_cues_win": getattr(model, "failure_cues_win", False),
        "nb_weight": getattr(model, "nb_weight", 0.0),
    }, indent=2, ensure_ascii=False), encoding="utf-8")
    os.rename(staging, folder)  # atomic within one file system
    return folder


def versions(models_dir: Path) -> list[str]:
    d = Path(models_dir)
    # Hidden folders are versions still being written (or left by a training that was killed): never offered.
    return sorted(p.name for p in d.iterdir()
                  if not p.name.startswith(".") and (p / "model.joblib").exists()) if d.exists() else []


def load(models_dir: Path, version: str | None = None) -> ComplaintClassifier:
    """The chosen version, else the newest; FileNotFoundError when there is none."""
    available = versions(models_dir)
    if version:
        if version not in available:
            raise FileNotFoundError(f"model version {version} not found in {models_dir} (have: {available})")
        chosen = version
    elif available:
        chosen = available[-1]
    else:
        raise FileNotFoundError(f"no trained model in {models_dir}; run `awasi train`")
    return _load_file(Path(models_dir) / chosen / "model.joblib", chosen)


_LOADED: dict[tuple, ComplaintClassifier] = {}


def _load_file(path: Path, version: str) -> ComplaintClassifier:
    """One model file, read once per process (about 1.7 s) and then reused: the nightly flow classifies each load
    batch with the same version. The key includes the file's size and modification time, so a file written
    again is read again; only the most recently read model is kept."""
    stat = path.stat()
    key = (str(path.resolve()), stat.st_mtime_ns, stat.st_size)
    if key not in _LOADED:
        model = joblib.load(path)
        model.version = version
        _LOADED.clear()
        _LOADED[key] = model
    return _LOADED[key]


def ensure_model(models_dir: Path, version: str | None = None) -> ComplaintClassifier:
    """The active model; when none was ever trained, train the shipped one from the repository corpus."""
    try:
        return load(models_dir, version)
    except FileNotFoundError:
        if version:
            raise
    # Several processes can find no model at once (the nightly flow's worker processes, the test suite's workers):
    # one trains, the others wait for it and load its model instead of training another.
    import fcntl

    Path(models_dir).mkdir(parents=True, exist_ok=True)
    with open(Path(models_dir) / ".training.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            return load(models_dir)
        except FileNotFoundError:
            rows = corpus()
            save(train(), models_dir, rows, None)
            return load(models_dir)
