"""Prefect's temporary API server, started at the beginning of a command instead of when the flow first calls it.

A flow run with no `PREFECT_API_URL` makes Prefect start a temporary server: the flow's process imports Prefect's
server application (about 3 s), starts it in a subprocess and waits for it (about 5 s more), after everything else
the command does. Started here, as a subprocess of the same command line Prefect uses (uvicorn on
`prefect.server.api.server:create_app`, the UI off, marked ephemeral), it starts while the command imports the flow's
modules, and the command never imports the server application itself: a night with nothing new took about 4 s less
(`bench/RESULTS.md`).

When Prefect's settings give an API URL (environment or profile), or do not allow a temporary server, the early
server is stopped unused and Prefect's settings apply unchanged.
"""

from __future__ import annotations

import importlib.util
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from pathlib import Path

PORT_IN_USE = 3  # uvicorn's exit status when it cannot bind its port


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class TemporaryServer:
    def __init__(self) -> None:
        self.process: subprocess.Popen | None = None
        self.port: int | None = None

    @property
    def api_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/api"

    def spawn(self) -> None:
        """Start the server process (returns at once)."""
        package = Path(importlib.util.find_spec("prefect").submodule_search_locations[0])  # without importing it
        self.port = _free_port()
        self.process = subprocess.Popen(
            [sys.executable, "-m", "uvicorn", "--app-dir", str(package.parent), "--factory",
             "prefect.server.api.server:create_app", "--host", "127.0.0.1", "--port", str(self.port),
             "--log-level", "error", "--lifespan", "on"],
            env={**os.environ, "PREFECT_UI_ENABLED": "0", "PREFECT__SERVER_EPHEMERAL": "1",
                 "PREFECT__SERVER_FINAL": "1"},
            stdin=subprocess.DEVNULL,
        )

    def wait_ready(self, timeout_s: float) -> str:
        """Wait until the server answers its health check; return its API URL. A port taken meanwhile by another
        program gets a new port; a server that exits or does not answer in time is an error."""
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            code = self.process.poll()
            if code == PORT_IN_USE:
                self.spawn()
                continue
            if code is not None:
                raise RuntimeError(f"Prefect's temporary server exited with status {code} before it was ready "
                                   "(its messages are above); set PREFECT_API_URL to use a running server")
            try:
                with urllib.request.urlopen(self.api_url + "/health", timeout=2) as response:
                    if response.status == 200:
                        return self.api_url
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                pass
            time.sleep(0.1)
        self.stop()
        raise RuntimeError(f"Prefect's temporary server did not answer within {timeout_s:.0f} s "
                           "(PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS); "
                           "set PREFECT_API_URL to use a running server")

    def stop(self) -> None:
        if self.process is None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.process = None


@contextmanager
def prefect_api(import_flow):
    """Run `import_flow()` (the command's heavy imports) while a temporary server starts, then yield what it returned
    with Prefect pointed at the server; stop the server at the end. Without a temporary server (an API URL set in
    the environment or a Prefect profile, or temporary servers not allowed), Prefect's own settings apply."""
    server = None
    if not os.environ.get("PREFECT_API_URL"):
        server = TemporaryServer()
        server.spawn()
    try:
        imported = import_flow()
        import prefect.context
        from prefect.settings import (PREFECT_API_URL, PREFECT_SERVER_EPHEMERAL_ENABLED,
                                      PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS)

        if server is None or PREFECT_API_URL.value() or not PREFECT_SERVER_EPHEMERAL_ENABLED.value():
            if server is not None:
                server.stop()
                server = None
            yield imported
            return
        url = server.wait_ready(PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS.value())
        # As if PREFECT_API_URL had been set from the start: Prefect's global settings (which every thread of this
        # process reads, not only this one) and the environment (which worker processes inherit).
        os.environ["PREFECT_API_URL"] = url
        prefect.context.refresh_global_settings_context()
        try:
            yield imported
        finally:
            _send_pending_logs_and_events()
            server.stop()
            server = None
            os.environ.pop("PREFECT_API_URL", None)
            prefect.context.refresh_global_settings_context()
    finally:
        if server is not None:
            server.stop()


def _send_pending_logs_and_events(timeout_s: float = 10) -> None:
    """Prefect sends logs and events to the API from background workers, which it drains when the process exits;
    this server stops before that, so they are drained here first (else: "Error logging to API")."""
    from prefect.events.worker import EventsWorker
    from prefect.logging.handlers import APILogWorker

    for worker in (APILogWorker, EventsWorker):
        worker.drain_all(timeout=timeout_s)
