"""Benchmark: classification throughput on one core.

    .venv/bin/python bench/bench_classifier.py [--n 20000]

Classifies N complaint texts from a generated sample inbox (LAPOR! contents, masked like the warehouse
does) with the active model, pinned to one core (OMP/OpenBLAS threads = 1, process affinity = one CPU),
after one warm-up batch; prints complaints per second.
"""

from __future__ import annotations

import os

for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[var] = "1"

import argparse  # noqa: E402
import json  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from datetime import date  # noqa: E402
from pathlib import Path  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=20_000)
    args = ap.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})
    from awasi import models
    from awasi.sample.writer import write_inbox
    from awasi.settings import get_settings
    from transforms.privacy import mask_text

    texts = []
    with tempfile.TemporaryDirectory(prefix="awasi-bench-") as work:
        inbox = Path(work) / "inbox"
        write_inbox(inbox, n=max(2_000, int(args.n / 0.4) + 100), seed=1, end=date(2026, 11, 20))
        for path in sorted((inbox / "lapor").glob("*.jsonl")):
            for line in path.read_bytes().splitlines():
                try:
                    texts.append(mask_text(json.loads(line)["content"]))
                except (ValueError, KeyError, TypeError):
                    continue
    texts = (texts * (args.n // len(texts) + 1))[: args.n]
    settings = get_settings()
    model = models.ensure_model(settings.models_dir, settings.model_version)
    model.predict(texts[:500])  # warm-up (stemmer dictionary, caches)
    t = time.perf_counter()
    preds = model.predict(texts)
    elapsed = time.perf_counter() - t
    print(f"model {model.version}: {len(preds):,} complaints in {elapsed:.2f} s on one core "
          f"-> {len(preds) / elapsed:,.0f} complaints/s")


if __name__ == "__main__":
    main()
