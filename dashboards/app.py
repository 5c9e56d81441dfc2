"""Awasi dashboard: `awasi dashboard --db PATH` (or `streamlit run dashboards/app.py -- --db PATH`).

Global filters live in the sidebar and in the URL query parameters, so a view can be shared as a link.
No stack trace reaches an analyst: every page is rendered inside a guard that shows a plain message.
"""

from __future__ import annotations

import logging
import os
import sys
from datetime import date
from pathlib import Path

import streamlit as st

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from dashboards.charts import category_name  # noqa: E402
from dashboards.data import Filters, Store  # noqa: E402
from transforms.labels import LABELS, channel_name  # noqa: E402


def db_path() -> Path:
    args = sys.argv[1:]
    if "--db" in args and args.index("--db") + 1 < len(args):
        return Path(args[args.index("--db") + 1])
    return Path(os.environ.get("AWASI_DB_PATH", ROOT / "data" / "awasi.duckdb"))


def _param_date(name: str) -> date | None:
    try:
        return date.fromisoformat(st.query_params.get(name, ""))
    except ValueError:
        return None


def account_scope():
    """FULL (None) in local mode or for "*" accounts, a tuple of agencies, or False (no access).

    Login is on when `.streamlit/secrets.toml` has an `[auth]` section (Streamlit OIDC); then the account's
    e-mail is looked up in the access file (`AWASI_ACCESS_FILE`, default data/access.toml).
    """
    from dashboards.access import FULL, load_access, scope_for

    try:
        auth_on = "auth" in st.secrets
    except Exception:  # no secrets file at all: local mode
        auth_on = False
    if not auth_on:
        return FULL
    if not st.user.is_logged_in:
        st.title("Awasi")
        st.button("Masuk", on_click=st.login)
        st.stop()
    access_file = Path(os.environ.get("AWASI_ACCESS_FILE", ROOT / "data" / "access.toml"))
    scope = scope_for(st.user.get("email"), load_access(access_file))
    if scope is False:
        st.error("Akun Anda belum diberi akses ke dasbor ini. Hubungi pengelola Awasi.")
        st.button("Keluar", on_click=st.logout)
        st.stop()
    return scope


def sidebar_filters(store: Store, scope) -> Filters:
    opts = store.options(scope)
    st.sidebar.header("Filter")

    def choice(label: str, key: str, values: list[str], fmt=str):
        current = st.query_params.get(key)
        options = [None, *values]
        # The URL gives the first value of a session; after that the box keeps its own, which a page may set
        # (Profil instansi's agency). An index beside a value set that way only adds a warning to the server log.
        index = options.index(current) if current in options and f"f_{key}" not in st.session_state else 0
        value = st.sidebar.selectbox(label, options, index=index, key=f"f_{key}",
                                     format_func=lambda v: "Semua" if v is None else fmt(v))
        if value is None:
            st.query_params.pop(key, None)
        else:
            st.query_params[key] = value
        return value

    start = st.sidebar.date_input("Dari tanggal", value=_param_date("dari"), key="f_dari", format="DD/MM/YYYY")
    end = st.sidebar.date_input("Sampai tanggal", value=_param_date("sampai"), key="f_sampai", format="DD/MM/YYYY")
    for key, value in (("dari", start), ("sampai", end)):
        if value:
            st.query_params[key] = value.isoformat()
        else:
            st.query_params.pop(key, None)
    if start and end and start > end:
        st.sidebar.warning("*Dari tanggal* jatuh setelah *Sampai tanggal*: perbaiki rentang tanggal.")
    agency = choice("Instansi", "instansi", opts["agency"])
    province = choice("Provinsi", "provinsi", opts["province"])
    channel = choice("Kanal", "kanal", opts["channel"], fmt=channel_name)  # the code stays in the URL
    category = choice("Kategori", "kategori", list(LABELS), fmt=category_name)
    return Filters(start or None, end or None, agency, province, channel, category, scope)


st.set_page_config(page_title="Awasi", layout="wide")
_scope = account_scope()
_store = Store(db_path())
st.session_state["_awasi_store"] = _store
st.session_state["_awasi_filters"] = Filters(scope=_scope)
if _store.available():
    try:
        st.session_state["_awasi_filters"] = sidebar_filters(_store, _scope)
    except Exception:  # a broken snapshot or query: say it plainly, the details go to the server log
        logging.getLogger("awasi.dashboard").exception("the sidebar filters failed")
        st.sidebar.error("Filter tidak dapat dimuat karena terjadi kesalahan saat membaca data. Coba muat ulang "
                         "halaman; jika berulang, hubungi pengelola Awasi.")
pages = [
    st.Page("page_scripts/ringkasan.py", title="Ringkasan", default=True),  # served at "/"
    st.Page("page_scripts/tren.py", title="Tren per instansi", url_path="tren"),
    st.Page("page_scripts/dimensi.py", title="Kategori, Kanal, Wilayah", url_path="dimensi"),
    st.Page("page_scripts/profil.py", title="Profil instansi", url_path="profil"),
    st.Page("page_scripts/ketepatan.py", title="Ketepatan waktu", url_path="ketepatan"),
    st.Page("page_scripts/jelajah.py", title="Jelajah aduan", url_path="jelajah"),
    st.Page("page_scripts/kualitas.py", title="Kualitas data", url_path="kualitas"),
    st.Page("page_scripts/ekspor.py", title="Ekspor infografis", url_path="ekspor"),
]
st.navigation(pages).run()
