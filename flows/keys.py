"""The secret key behind reporter pseudonyms."""

from __future__ import annotations

import logging
import os
import secrets
from pathlib import Path

log = logging.getLogger(__name__)


def pseudonym_secret(key: str | None, key_file: Path, block: str | None = None) -> bytes:
    """The key from a Prefect Secret block (AWASI_PSEUDONYM_KEY_BLOCK), else from AWASI_PSEUDONYM_KEY, else
    a local key file created owner-only (keeps pseudonyms stable between runs on one machine).

    The key is never committed. Changing it changes every pseudonym: duplicates and repeat reporters are then
    only recognised among complaints pseudonymised with the same key.
    """
    if block:
        from prefect.blocks.system import Secret

        return str(Secret.load(block).get()).encode("utf-8")
    if key:
        return key.encode("utf-8")
    key_file = Path(key_file)
    if key_file.exists():
        return key_file.read_text(encoding="utf-8").strip().encode("utf-8")
    key_file.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(key_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(secrets.token_hex(32))
    log.warning("AWASI_PSEUDONYM_KEY is not set: created a local pseudonym key at %s (owner-only)", key_file)
    return key_file.read_text(encoding="utf-8").strip().encode("utf-8")
