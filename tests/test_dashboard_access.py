"""Login (Streamlit OIDC, simulated by AppTest) and agency-scoped accounts, enforced in the queries."""

from __future__ import annotations

import pytest

from flows.export import ExportRequest, build_counts
from tests.test_dashboard import table_with

AUTH = {"redirect_uri": "http://localhost:8501/oauth2callback", "cookie_secret": "x" * 32, "client_id": "awasi",
        "client_secret": "s", "server_metadata_url": "https://idp.example/.well-known/openid-configuration"}


@pytest.fixture
def access(tiny_db, tmp_path, monkeypatch):
    path = tmp_path / "access.toml"
    path.write_text('[users."analis@ombudsman.go.id"]\nagencies = ["*"]\n\n'
                    '[users."dinsos@jabarprov.go.id"]\nagencies = ["Dinas Sosial"]\n', encoding="utf-8")
    monkeypatch.setenv("AWASI_ACCESS_FILE", str(path))
    monkeypatch.setenv("AWASI_DB_PATH", str(tiny_db))
    return path


def page_as(user: dict | None, page: str = "ringkasan", params: dict | None = None):
    from pathlib import Path

    from streamlit.testing.v1 import AppTest

    app = str(Path(__file__).resolve().parents[1] / "dashboards" / "app.py")
    at = AppTest.from_file(app, default_timeout=60)
    at.secrets["auth"] = AUTH
    at.user = user or {"is_logged_in": False}
    for k, v in (params or {}).items():
        at.query_params[k] = v
    at.run()
    if page != "ringkasan" and not at.error and at.metric is not None:
        at.switch_page(f"page_scripts/{page}.py").run()
    return at


def test_login_is_required_when_auth_is_configured(access):
    at = page_as(None)
    assert [b.label for b in at.button] == ["Masuk"] and not at.metric


def test_an_unknown_account_sees_nothing(access):
    at = page_as({"is_logged_in": True, "email": "orang@lain.id"})
    assert "belum diberi akses" in at.error[0].value and not at.metric


def test_full_and_agency_scoped_accounts(access):
    full = page_as({"is_logged_in": True, "email": "analis@ombudsman.go.id"})
    assert full.metric[0].value == "24"
    scoped = page_as({"is_logged_in": True, "email": "DinSos@jabarprov.go.id"})
    assert scoped.metric[0].value == "5"
    # a hand-made link to another agency's filter does not widen the scope
    scoped = page_as({"is_logged_in": True, "email": "dinsos@jabarprov.go.id"}, params={"instansi": "Disdukcapil"})
    assert scoped.metric[0].value == "5"
    search = page_as({"is_logged_in": True, "email": "dinsos@jabarprov.go.id"}, "jelajah", {"cari": "nomor"})
    assert set(table_with(search, "judul")["instansi"]) == {"Dinas Sosial"}
    quality = page_as({"is_logged_in": True, "email": "dinsos@jabarprov.go.id"}, "kualitas")
    assert "hanya untuk pengelola" in quality.info[0].value


def test_exports_respect_the_scope(tiny_db):
    table, _ = build_counts(tiny_db, ExportRequest(year=2025, review="include", scope=("Dinas Sosial",)))
    assert int(table["jumlah"].sum()) == 5
