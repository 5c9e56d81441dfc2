"""Who may see what: agency-scoped accounts, configured in one file (`AWASI_ACCESS_FILE`, TOML).

    [users."analis@ombudsman.go.id"]
    agencies = ["*"]                      # everything, including the data-quality pages

    [users."admin@disdukcapil.bekasikota.go.id"]
    agencies = ["Dinas Kependudukan dan Pencatatan Sipil Kota Bekasi"]

Login itself is Streamlit's OIDC (`st.login`), enabled by an `[auth]` section in `.streamlit/secrets.toml`.
Without it the dashboard runs in local mode: full access, listening on 127.0.0.1 only.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

FULL = None  # scope value meaning "every agency"


def load_access(path: Path) -> dict[str, list[str]]:
    if not Path(path).exists():
        return {}
    data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    return {email.lower(): list(entry.get("agencies", [])) for email, entry in data.get("users", {}).items()}


def scope_for(email: str | None, access: dict[str, list[str]]):
    """FULL for "*", a tuple of agency names for a scoped account, False when the account has no access."""
    agencies = access.get((email or "").lower())
    if not agencies:
        return False
    return FULL if "*" in agencies else tuple(agencies)
