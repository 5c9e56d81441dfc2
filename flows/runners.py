"""The task runner a flow run uses, chosen by settings: worker processes (default), threads, or a Dask cluster.

Parse-and-stage batches and the classification of each load batch are separate tasks, so they run on as many
workers as the runner has. The default, `AWASI_TASK_RUNNER=processes`, is a pool of worker processes
(`AWASI_PROCESS_WORKERS`, one per core when unset): parsing, masking and classifying are mostly Python code, which
threads run one at a time (the GIL), so on this 2-core machine processes take a national year (1,000,000 records)
in about 4.4 minutes against 6.8 with threads (bench/RESULTS.md). The pool is started on the first task submitted,
and a night no larger than one stage batch runs its tasks in the flow's process, so a small or empty night starts
no worker. Each worker holds its own copy of the libraries and the model (about 0.5 GB). `AWASI_TASK_RUNNER=threads`
runs the tasks on threads in the flow's process, for a machine with one core or little memory.
`AWASI_TASK_RUNNER=dask` starts a local cluster of `AWASI_DASK_WORKERS` processes, and with
`AWASI_DASK_ADDRESS=tcp://scheduler:8786` the run uses an existing (multi-machine) cluster instead.
"""

from __future__ import annotations

import os

from prefect.task_runners import ProcessPoolTaskRunner, ThreadPoolTaskRunner

from awasi.settings import Settings


class ProcessTaskRunner(ProcessPoolTaskRunner):
    """Prefect's process pool, with the worker processes pointed at the flow's own API.

    A run without `PREFECT_API_URL` talks to a temporary server the flow process started; the worker
    processes are not told about it and would each start a server of their own (15-20 s each, and their
    task runs would not appear in the flow's API). The URL of the flow run's client is set for the
    submission, so the context and environment the runner hands its workers (taken at the first submit)
    carry it.
    """

    def submit(self, task, parameters, wait_for=None, dependencies=None):
        from prefect.context import FlowRunContext
        from prefect.settings import PREFECT_API_URL, temporary_settings

        flow_run = FlowRunContext.get()
        if PREFECT_API_URL.value() or flow_run is None or flow_run.client is None:
            return super().submit(task, parameters, wait_for, dependencies)
        with temporary_settings({PREFECT_API_URL: str(flow_run.client.api_url)}):
            return super().submit(task, parameters, wait_for, dependencies)


def worker_count(settings: Settings) -> int:
    """How many tasks run at once with these settings."""
    if settings.task_runner == "processes":
        return settings.process_workers or os.cpu_count() or 1
    if settings.task_runner == "dask":
        return settings.dask_workers
    return settings.thread_workers


def task_runner(settings: Settings):
    if settings.task_runner == "dask":
        from prefect_dask import DaskTaskRunner

        if settings.dask_address:
            return DaskTaskRunner(address=settings.dask_address)
        return DaskTaskRunner(cluster_kwargs={"n_workers": settings.dask_workers, "threads_per_worker": 1,
                                              "processes": True, "dashboard_address": None})
    if settings.task_runner == "processes":
        return ProcessTaskRunner(max_workers=worker_count(settings))
    return ThreadPoolTaskRunner(max_workers=settings.thread_workers)
