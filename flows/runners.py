"""The task runner a flow run uses, chosen by settings: threads on one machine, or a Dask cluster.

Partitions (channel x day of delivery) are parsed and staged as separate tasks, so with Dask they run on
as many workers as the cluster has. `AWASI_TASK_RUNNER=dask` starts a local cluster of
`AWASI_DASK_WORKERS` processes; with `AWASI_DASK_ADDRESS=tcp://scheduler:8786` the run uses an existing
(multi-machine) cluster instead.
"""

from __future__ import annotations

from prefect.task_runners import ThreadPoolTaskRunner

from awasi.settings import Settings


def task_runner(settings: Settings):
    if settings.task_runner == "dask":
        from prefect_dask import DaskTaskRunner

        if settings.dask_address:
            return DaskTaskRunner(address=settings.dask_address)
        return DaskTaskRunner(cluster_kwargs={"n_workers": settings.dask_workers, "threads_per_worker": 1,
                                              "processes": True, "dashboard_address": None})
    return ThreadPoolTaskRunner(max_workers=settings.thread_workers)
