"""The nightly schedule: 01:00 Asia/Jakarta, one run at a time.

`awasi serve` runs this on one machine (it needs a running `prefect server start`; an ephemeral server
cannot hold schedules). `prefect.yaml` describes the same deployment for a process work pool.
"""

from __future__ import annotations

from prefect.schedules import Cron

from flows.nightly import nightly

SCHEDULE = Cron("0 1 * * *", timezone="Asia/Jakarta")


def nightly_deployment(inbox: str, db: str):
    return nightly.to_deployment(
        name="awasi-nightly", schedules=[SCHEDULE], parameters={"inbox": inbox, "db": db},
        concurrency_limit=1, description="Nightly intake of all complaint channels into the Awasi warehouse.",
        tags=["awasi", "nightly"],
    )


def serve(inbox: str, db: str) -> None:
    from prefect import serve as prefect_serve

    prefect_serve(nightly_deployment(inbox, db))
