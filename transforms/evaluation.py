"""Classification metrics for `awasi evaluate` (pure: gold and predicted labels in, numbers out)."""

from __future__ import annotations

from collections import Counter

import numpy as np

from transforms.labels import LABELS, SHORT


def evaluate(gold: list[str], predicted: list[str], needs_review: list[bool], min_support: int = 5) -> dict:
    """Per-label precision/recall/F1/support, macro-F1 over labels with >= `min_support` gold items,
    accuracy, confusion matrix, and coverage/accuracy of the items not sent to review."""
    labels = [lab for lab in LABELS if lab in set(gold) | set(predicted)]
    per_label = {}
    for lab in labels:
        tp = sum(1 for g, p in zip(gold, predicted) if g == lab and p == lab)
        fp = sum(1 for g, p in zip(gold, predicted) if g != lab and p == lab)
        fn = sum(1 for g, p in zip(gold, predicted) if g == lab and p != lab)
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        per_label[lab] = {"precision": precision, "recall": recall, "f1": f1, "support": tp + fn}
    counted = [lab for lab in labels if per_label[lab]["support"] >= min_support]
    macro = sum(per_label[lab]["f1"] for lab in counted) / len(counted) if counted else 0.0
    n = len(gold)
    accuracy = sum(g == p for g, p in zip(gold, predicted)) / n if n else 0.0
    kept = [(g, p) for g, p, r in zip(gold, predicted, needs_review) if not r]
    confusion = Counter(zip(gold, predicted))
    return {
        "n": n,
        "accuracy": accuracy,
        "macro_f1": macro,
        "macro_f1_labels": counted,
        "per_label": per_label,
        "confusion": {g: {p: confusion.get((g, p), 0) for p in labels} for g in labels},
        "review_share": 1 - len(kept) / n if n else 0.0,
        "coverage": len(kept) / n if n else 0.0,
        "accuracy_not_reviewed": sum(g == p for g, p in kept) / len(kept) if kept else 0.0,
    }


def intervals(gold: list[str], predicted: list[str], needs_review: list[bool], min_support: int = 5,
              rounds: int = 1000, seed: int = 0) -> dict:
    """95% percentile intervals of accuracy, macro-F1 and accuracy on the items not sent to review, from `rounds`
    resamples of the items with replacement (seeded, so the same input gives the same intervals). Macro-F1 is over
    the labels the whole set counts (`min_support`), so every resample measures the same thing.

    On a few hundred items with forms of 8 or 9 gold items, one item more or less found moves macro-F1 by about
    0.015: the interval says which differences between two models mean something."""
    support = Counter(gold)
    counted = [lab for lab in LABELS if support[lab] >= min_support]  # as `evaluate` counts them
    if not gold:
        return {"rounds": 0, "accuracy": (0.0, 0.0), "macro_f1": (0.0, 0.0), "accuracy_not_reviewed": (0.0, 0.0)}
    index = {lab: i for i, lab in enumerate(LABELS)}
    g = np.array([index[x] for x in gold])
    p = np.array([index[x] for x in predicted])
    kept = ~np.array(needs_review, dtype=bool)
    cols = np.array([index[lab] for lab in counted], dtype=int)
    rng, n, k = np.random.default_rng(seed), len(g), len(LABELS)
    acc, macro, rest = [], [], []
    for _ in range(rounds):
        s = rng.integers(0, n, n)
        gs, ps, ks = g[s], p[s], kept[s]
        right = gs == ps
        # F1 = 2 TP / (gold items + predicted items) per label, the same as from precision and recall
        both = np.bincount(gs, minlength=k) + np.bincount(ps, minlength=k)
        f1 = np.divide(2 * np.bincount(gs[right], minlength=k), both, out=np.zeros(k), where=both > 0)
        acc.append(right.mean())
        macro.append(f1[cols].mean() if len(cols) else 0.0)
        rest.append(right[ks].mean() if ks.any() else 0.0)

    def span(xs):
        return float(np.percentile(xs, 2.5)), float(np.percentile(xs, 97.5))

    return {"rounds": rounds, "accuracy": span(acc), "macro_f1": span(macro), "accuracy_not_reviewed": span(rest)}


# Bands of confidence for the calibration table: the review threshold lies in the band 0.6-0.7.
CONFIDENCE_EDGES = (0.0, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0)


def calibration(gold: list[str], predicted: list[str], confidence: list[float], needs_review: list[bool],
                edges: tuple[float, ...] = CONFIDENCE_EDGES) -> dict:
    """Whether the confidence can be read as the chance of being right: per band of confidence, the items, their
    mean confidence and their accuracy; the expected calibration error (each band's gap between the two, weighted
    by its items); and the mean confidence of the items not sent to review beside their accuracy.

    Where the confidence is calibrated, the accuracy on what is not reviewed can be no higher than the mean
    confidence of those items: a model reaches a target there only by being rightly surer, not by a threshold."""
    n, bands, gap = len(gold), [], 0.0
    right = [g == p for g, p in zip(gold, predicted)]
    for i, (low, high) in enumerate(zip(edges, edges[1:])):
        last = i == len(edges) - 2  # the top band holds its upper edge (a confidence of exactly 1)
        members = [j for j, c in enumerate(confidence) if low <= c < high or (last and c == high)]
        if not members:
            continue
        mean_conf = sum(confidence[j] for j in members) / len(members)
        accuracy = sum(right[j] for j in members) / len(members)
        bands.append({"low": low, "high": high, "items": len(members), "confidence": mean_conf, "accuracy": accuracy})
        gap += len(members) / n * abs(mean_conf - accuracy)
    kept = [c for c, r in zip(confidence, needs_review) if not r]
    return {"bands": bands, "expected_calibration_error": gap,
            "confidence_not_reviewed": sum(kept) / len(kept) if kept else None}


def format_report(m: dict, spans: dict | None = None, calib: dict | None = None) -> str:
    lines = [f"{'label':<28}{'precision':>10}{'recall':>8}{'f1':>8}{'support':>9}"]
    for lab, v in m["per_label"].items():
        lines.append(f"{lab:<28}{v['precision']:>10.3f}{v['recall']:>8.3f}{v['f1']:>8.3f}{v['support']:>9}")
    lines += [
        "",
        f"items: {m['n']}",
        f"accuracy: {m['accuracy']:.3f}",
        # A small set (an office's first decisions) may have no label with 5 gold items, or send every item to
        # review: the figure is then undefined, not 0.000.
        f"macro-F1 (labels with >= 5 gold items: {len(m['macro_f1_labels'])}): "
        + (f"{m['macro_f1']:.3f}" if m["macro_f1_labels"] else "none (no label has 5 gold items)"),
        f"sent to review: {m['review_share']:.1%}; coverage {m['coverage']:.1%}, "
        "accuracy on items not sent to review: "
        + (f"{m['accuracy_not_reviewed']:.3f}" if m["coverage"] else "none (every item sent to review)"),
    ]
    if spans:
        defined = [("accuracy", "accuracy")]
        defined += [("macro-F1", "macro_f1")] if m["macro_f1_labels"] else []
        defined += [("accuracy not reviewed", "accuracy_not_reviewed")] if m["coverage"] else []
        lines.append(f"95% intervals ({spans['rounds']} bootstrap resamples of the items): "
                     + ", ".join(f"{name} {spans[key][0]:.3f}-{spans[key][1]:.3f}" for name, key in defined))
    if calib and calib["bands"]:
        lines += ["", f"calibration (confidence against accuracy; expected calibration error "
                      f"{calib['expected_calibration_error']:.3f}):",
                  f"{'confidence':<14}{'items':>7}{'mean confidence':>17}{'accuracy':>10}"]
        for b in calib["bands"]:
            lines.append(f"{b['low']:.1f}-{b['high']:.1f}{'':<7}{b['items']:>7}{b['confidence']:>17.3f}{b['accuracy']:>10.3f}")
        if calib["confidence_not_reviewed"] is not None:
            lines.append(f"mean confidence of the items not sent to review: {calib['confidence_not_reviewed']:.3f} "
                         f"(their accuracy {m['accuracy_not_reviewed']:.3f})")
    lines += [
        "",
        "confusion matrix (rows: gold, columns: predicted; " + ", ".join(f"{SHORT[k]} = {k}" for k in m["confusion"]) + "):",
    ]
    labels = list(m["confusion"])
    lines.append(" " * 6 + "".join(f"{SHORT[lab]:>6}" for lab in labels))
    for g in labels:
        lines.append(f"{SHORT[g]:<6}" + "".join(f"{m['confusion'][g][p]:>6}" for p in labels))
    return "\n".join(lines)
