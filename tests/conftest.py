"""Shared fixtures. Prefect runs only where a test asks for `prefect_backend` (one harness per session)."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile

# The session's folders (Prefect home, GX, raw archive, models) live under one temporary folder, removed when
# the session ends, so repeated test runs do not fill /tmp. The suite runs in two processes (pytest-xdist, `-n 2` in
# pyproject.toml): each worker has folders of its own, except the models folder, which the controller's session
# holds and the workers share (the first to need the model trains it, `awasi.models.ensure_model`).
_SESSION_DIR = tempfile.mkdtemp(prefix="awasi-tests-")
atexit.register(shutil.rmtree, _SESSION_DIR, ignore_errors=True)
# Set in a worker: the folder of the session that started it.
_CONTROLLER_DIR = os.environ.get("AWASI_TESTS_SESSION_DIR")
os.environ.setdefault("AWASI_TESTS_SESSION_DIR", _SESSION_DIR)


def _session_dir(name: str) -> str:
    path = os.path.join(_SESSION_DIR, name)
    os.makedirs(path, exist_ok=True)
    return path


def _own_dir(variable: str, name: str) -> None:
    """This session's folder, unless the variable was set before the tests (a worker inherits the controller's)."""
    value = os.environ.get(variable)
    if value is None or (_CONTROLLER_DIR and value.startswith(_CONTROLLER_DIR)):
        os.environ[variable] = _session_dir(name)


_own_dir("PREFECT_HOME", "prefect")
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "120")
os.environ.setdefault("PREFECT_LOGGING_TO_API_WHEN_MISSING_FLOW", "ignore")
os.environ.setdefault("AWASI_PSEUDONYM_KEY", "test-key-not-a-secret")
_own_dir("AWASI_GX_DIR", "gx")
_own_dir("AWASI_ARCHIVE_DIR", "archive")
# The sample inbox holds an unreadable file, read three times before it is quarantined: no need to wait 1.5 s for
# it in every flow run (tests of the retries set their own delays).
os.environ.setdefault("AWASI_READ_RETRY_DELAY_S", "0.05")
# One model per test run, trained from the repository corpus on first use (shared by the workers).
os.environ.setdefault("AWASI_MODELS_DIR", _session_dir("models"))

import pytest  # noqa: E402


@pytest.fixture(scope="session")
def prefect_backend():
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=120):
        yield


@pytest.fixture
def tiny_db(tmp_path):
    """A small warehouse with known counts: 17 complaints in 2025, 7 in 2024, one secret, two needing review."""
    from datetime import datetime

    import polars as pl

    from flows import warehouse

    path = tmp_path / "w.duckdb"
    spec = [  # (year, category, needs_review, province, channel, count)
        (2025, "penundaan_berlarut", False, "DKI Jakarta", "lapor", 7),
        (2025, "penundaan_berlarut", True, "DKI Jakarta", "email", 2),
        (2025, "tidak_memberikan_pelayanan", False, "Jawa Barat", "lapor", 4),
        (2025, "permintaan_imbalan", False, "DKI Jakarta", "whatsapp", 3),
        (2025, "diskriminasi", True, "Jawa Barat", "callcenter", 1),
        (2024, "penundaan_berlarut", False, "DKI Jakarta", "lapor", 5),
        (2024, "tidak_patut", False, "DKI Jakarta", "lapor", 2),
    ]
    rows, i = [], 0
    for year, cat, review, prov, ch, n in spec:
        for _ in range(n):
            i += 1
            rows.append({"complaint_id": f"C{i:03d}", "channel": ch, "received_at_utc": datetime(year, 5, 1, 3),
                         "received_at_local": datetime(year, 5, 1, 10), "title": f"Judul {i}",
                         "text": f"Aduan nomor {i} tentang sertifikat tanah", "category": cat, "needs_review": review,
                         "confidence": 0.4 if review else 0.9, "province": prov,
                         "agency": "Disdukcapil" if prov == "DKI Jakarta" else "Dinas Sosial",
                         "is_secret": False, "cues": [], "secondary": [], "run_id": "r1",
                         "loaded_at_utc": datetime(2026, 1, 1)})
    for r in rows[:3]:
        r["reporter_pseudonym"], r["reporter_keys"] = "p-sama", ["p-sama"]  # one reporter, three complaints
    rows[0]["text"] = "RAHASIA: pelapor minta identitas dirahasiakan"
    rows[0]["is_secret"] = True
    rows[0]["cues"] = ["minta identitas (bukan_maladministrasi)"]  # phrases of the secret text
    rows[1]["text"] = "<script>alert(1)</script> **tebal** [tautan](http://contoh.id) sertifikat"
    rows[2]["text"] = "Warga tidak dilayani petugas kelurahan saat mengurus surat pengantar"
    from transforms.textnorm import stems

    for r in rows:
        r["text_search"] = stems(r["text"])
    frame = pl.DataFrame(rows)
    with warehouse.connect(path) as con:
        warehouse.ensure_schema(con)
        con.register("f", frame.to_arrow())
        con.execute(f"insert into complaints ({', '.join(frame.columns)}) select * from f")
        con.execute("insert into runs (run_id, started_at_utc, outcome, message) "
                    "values ('r1', '2026-01-01', 'completed', 'Selesai: uji')")
    warehouse.publish_snapshot(path, "r1")
    return path
