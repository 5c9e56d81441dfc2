"""The operator's alert: a Prefect automation posts to a webhook when a nightly run fails or is partial."""

from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest

pytestmark = pytest.mark.usefixtures("prefect_backend")


@pytest.fixture
def webhook():
    received = []

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):
            received.append(json.loads(self.rfile.read(int(self.headers["Content-Length"]))))
            self.send_response(200)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = HTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}/hook", received
    server.shutdown()


def test_a_failed_nightly_run_posts_to_the_operators_webhook(webhook, tmp_path):
    from prefect.automations import Automation

    from flows.alerts import AUTOMATION_NAME, install_alerts
    from flows.nightly import nightly

    url, received = webhook
    install_alerts(url)
    install_alerts(url)  # installing again replaces, never doubles
    assert len([a for a in [Automation.read(name=AUTOMATION_NAME)] if a.enabled]) == 1

    with pytest.raises(FileNotFoundError):
        nightly(inbox=str(tmp_path / "no-such-inbox"), db=str(tmp_path / "w.duckdb"))
    deadline = time.monotonic() + 60
    while not received and time.monotonic() < deadline:
        time.sleep(0.5)
    assert received, "no alert reached the webhook within 60 s"
    text = received[0]["text"]
    assert "Failed" in text and "inbox folder not found" in text
