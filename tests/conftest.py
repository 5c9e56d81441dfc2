"""Shared fixtures. Prefect runs only where a test asks for `prefect_backend` (one harness per session)."""

from __future__ import annotations

import os
import tempfile

os.environ.setdefault("PREFECT_HOME", tempfile.mkdtemp(prefix="awasi-prefect-"))
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "120")
os.environ.setdefault("PREFECT_LOGGING_TO_API_WHEN_MISSING_FLOW", "ignore")
os.environ.setdefault("AWASI_PSEUDONYM_KEY", "test-key-not-a-secret")
os.environ.setdefault("AWASI_GX_DIR", tempfile.mkdtemp(prefix="awasi-gx-"))
# One model per test session, trained from the repository corpus on first use.
os.environ.setdefault("AWASI_MODELS_DIR", tempfile.mkdtemp(prefix="awasi-models-"))

import pytest  # noqa: E402


@pytest.fixture(scope="session")
def prefect_backend():
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=120):
        yield
