"""`awasi run` with no PREFECT_API_URL: the command starts Prefect's temporary server itself, early, and stops it."""

import os
import re
import socket
import sqlite3
import subprocess
import sys
from datetime import date

from awasi.sample.writer import write_inbox


def test_a_run_without_an_api_url_uses_its_own_temporary_server_and_stops_it(tmp_path):
    write_inbox(tmp_path / "inbox", n=100, seed=1, end=date(2026, 11, 20))
    home = tmp_path / "prefect"
    env = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"} | {"PREFECT_HOME": str(home)}
    r = subprocess.run([sys.executable, "-m", "awasi.cli", "run", "--inbox", str(tmp_path / "inbox"),
                        "--db", str(tmp_path / "w.duckdb")], env=env, capture_output=True, text=True, timeout=600)
    output = r.stdout + r.stderr
    assert r.returncode in (0, 3), output  # 3: partial, the sample holds faulty deliveries on purpose
    # Prefect did not start a second server of its own, in the flow's process or a worker's, and every log arrived
    assert "Starting temporary server" not in output and "Error logging to API" not in output, output
    # the run, its tasks and its logs are in the temporary server's database
    with sqlite3.connect(home / "prefect.db") as con:
        [(run_id, state)] = con.execute("select id, state_name from flow_run").fetchall()
        tasks = con.execute("select count(*) from task_run where flow_run_id = ?", (run_id,)).fetchall()[0][0]
        logs = con.execute("select count(*) from log where flow_run_id = ?", (run_id,)).fetchall()[0][0]
    assert state == "Partial" and tasks >= 1 and logs >= 3
    # and the server is gone
    port = int(re.search(r"View at http://127\.0\.0\.1:(\d+)/", output).group(1))
    with socket.socket() as sock:
        assert sock.connect_ex(("127.0.0.1", port)) != 0
