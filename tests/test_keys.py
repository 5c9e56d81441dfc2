"""Where the pseudonym key comes from: a Prefect Secret block, the environment, or an owner-only local file."""

import os
import stat

import pytest

from flows.keys import pseudonym_secret


def test_environment_key_wins_over_the_local_file(tmp_path):
    assert pseudonym_secret("dari-env", tmp_path / "k") == b"dari-env"
    assert not (tmp_path / "k").exists()


def test_local_key_file_is_created_owner_only_and_reused(tmp_path):
    first = pseudonym_secret(None, tmp_path / "k")
    assert len(first) == 64 and stat.S_IMODE(os.stat(tmp_path / "k").st_mode) == 0o600
    assert pseudonym_secret(None, tmp_path / "k") == first


@pytest.mark.usefixtures("prefect_backend")
def test_prefect_secret_block(tmp_path):
    from prefect.blocks.system import Secret

    Secret(value="dari-prefect").save("awasi-uji-kunci", overwrite=True)
    assert pseudonym_secret("dari-env", tmp_path / "k", block="awasi-uji-kunci") == b"dari-prefect"
