"""Readers in one process (dashboard sessions are threads of one Streamlit server) never collide."""

from __future__ import annotations

import threading

from dashboards.data import Filters, Store


def test_concurrent_sessions_read_without_errors(tiny_db):
    errors, totals = [], []

    def session():
        store = Store(tiny_db)
        for _ in range(15):
            try:
                totals.append(store.summary(Filters())["total"])
                store.repeat_reporters(Filters(province="DKI Jakarta"))
                store.options()
            except Exception as exc:  # e.g. two sessions attaching the corrections database at once
                errors.append(f"{type(exc).__name__}: {exc}")

    threads = [threading.Thread(target=session) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert not errors, errors[:3]
    assert totals == [24] * 60
