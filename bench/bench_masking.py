"""Masking recall and false-mask rate on a hand-made set (bench/masking_set.jsonl, fictional data).

    .venv/bin/python bench/bench_masking.py

Recall: share of personal-data strings that no longer appear in the masked text.
False-mask rate: share of strings that must survive (places, amounts, dates, roles, ids) but were altered.
"""

from __future__ import annotations

import json
from pathlib import Path

from transforms.privacy import mask_text

SET = Path(__file__).with_name("masking_set.jsonl")


def main() -> None:
    items = [json.loads(line) for line in SET.read_text(encoding="utf-8").splitlines() if line.strip()]
    pii_total = pii_hit = keep_total = keep_broken = 0
    misses, false_masks = [], []
    for item in items:
        masked = mask_text(item["text"], item.get("names") or [])
        for value in item["pii"]:
            pii_total += 1
            if value.lower() in masked.lower():
                misses.append(value)
            else:
                pii_hit += 1
        for value in item["keep"]:
            keep_total += 1
            if value not in masked:
                keep_broken += 1
                false_masks.append(value)
    print(f"items: {len(items)}; personal-data strings: {pii_total}; strings that must survive: {keep_total}")
    print(f"masking recall: {pii_hit / pii_total:.1%}  (missed: {misses})")
    print(f"false-mask rate: {keep_broken / keep_total:.1%}  (altered: {false_masks})")


if __name__ == "__main__":
    main()
