"""The nightly deployment loads: schedule, time zone, one run at a time (built, not served)."""

import yaml

from awasi.settings import REPO_ROOT
from flows.serve import SCHEDULE, nightly_deployment


def test_deployment_runs_nightly_at_one_in_jakarta():
    d = nightly_deployment("/srv/inbox", "/srv/awasi.duckdb")
    assert d.name == "awasi-nightly" and d.parameters == {"inbox": "/srv/inbox", "db": "/srv/awasi.duckdb"}
    [schedule] = d.schedules
    assert schedule.schedule.cron == "0 1 * * *" and schedule.schedule.timezone == "Asia/Jakarta"
    assert SCHEDULE.timezone == "Asia/Jakarta"


def test_prefect_yaml_matches():
    spec = yaml.safe_load((REPO_ROOT / "prefect.yaml").read_text())
    [dep] = spec["deployments"]
    assert dep["entrypoint"] == "flows/nightly.py:nightly"
    assert dep["schedules"] == [{"cron": "0 1 * * *", "timezone": "Asia/Jakarta"}]
    assert dep["concurrency_limit"] == 1
