from transforms.evaluation import evaluate, format_report


def test_metrics_on_a_tiny_example():
    gold = ["a_x"] * 0 + ["penundaan_berlarut"] * 5 + ["tidak_patut"] * 5 + ["berpihak"] * 2
    pred = ["penundaan_berlarut"] * 4 + ["tidak_patut"] + ["tidak_patut"] * 5 + ["penundaan_berlarut", "berpihak"]
    review = [False] * 10 + [True, True]
    m = evaluate(gold, pred, review)
    pb = m["per_label"]["penundaan_berlarut"]
    assert (pb["precision"], pb["recall"], pb["support"]) == (0.8, 0.8, 5)
    assert m["macro_f1_labels"] == ["penundaan_berlarut", "tidak_patut"]  # berpihak has fewer than 5 gold items
    assert abs(m["macro_f1"] - (0.8 + 2 * (5 / 6) * 1 / (5 / 6 + 1)) / 2) < 1e-9
    assert m["accuracy"] == 10 / 12
    assert m["coverage"] == 10 / 12 and m["accuracy_not_reviewed"] == 9 / 10
    assert m["confusion"]["penundaan_berlarut"]["tidak_patut"] == 1
    assert "macro-F1" in format_report(m)


def test_bootstrap_intervals_hold_the_estimate_and_narrow_with_more_items():
    from transforms.evaluation import intervals

    gold = (["penundaan_berlarut"] * 6 + ["tidak_patut"] * 6 + ["bukan_maladministrasi"] * 8)
    pred = (["penundaan_berlarut"] * 4 + ["bukan_maladministrasi"] * 2 + ["tidak_patut"] * 5 + ["tidak_kompeten"]
            + ["bukan_maladministrasi"] * 7 + ["tidak_patut"])
    review = [False, True] * 10
    m, spans = evaluate(gold, pred, review), intervals(gold, pred, review)
    for key in ("accuracy", "macro_f1", "accuracy_not_reviewed"):
        low, high = spans[key]
        assert low <= m[key] <= high and low < high, key
    assert spans == intervals(gold, pred, review)          # seeded: the same report every time
    wide = spans["macro_f1"][1] - spans["macro_f1"][0]
    big = intervals(gold * 10, pred * 10, review * 10)      # the same mix, ten times the items
    assert big["macro_f1"][1] - big["macro_f1"][0] < wide / 2
    perfect = intervals(gold, gold, review)
    assert perfect["accuracy"] == perfect["macro_f1"] == perfect["accuracy_not_reviewed"] == (1.0, 1.0)
    assert "95% intervals (1000 bootstrap resamples" in format_report(m, spans)
    assert intervals([], [], [])["macro_f1"] == (0.0, 0.0)  # an empty gold file reports, it does not crash


def test_a_few_decisions_report_undefined_figures_as_none_not_zero():
    # an office's first analysts' decisions: two items, both sent to review, no label with 5 gold items
    from transforms.evaluation import intervals

    gold, pred, review = ["bukan_maladministrasi"] * 2, ["tidak_memberikan_pelayanan", "bukan_maladministrasi"], [True] * 2
    report = format_report(evaluate(gold, pred, review), intervals(gold, pred, review))
    assert "accuracy: 0.500" in report
    assert "macro-F1 (labels with >= 5 gold items: 0): none (no label has 5 gold items)" in report
    assert "accuracy on items not sent to review: none (every item sent to review)" in report
    assert "intervals (1000 bootstrap resamples of the items): accuracy 0.000-1.000\n" in report


def test_calibration_sets_confidence_against_accuracy_per_band():
    from transforms.evaluation import calibration

    # ten items at confidence 0.85, eight of them right: calibrated; ten at 0.95 with five right: overconfident
    gold = ["tidak_patut"] * 20
    pred = ["tidak_patut"] * 8 + ["bukan_maladministrasi"] * 2 + ["tidak_patut"] * 5 + ["berpihak"] * 5
    conf = [0.85] * 10 + [0.95] * 10
    review = [False] * 20
    c = calibration(gold, pred, conf, review)
    assert [(b["low"], b["high"], b["items"]) for b in c["bands"]] == [(0.8, 0.9, 10), (0.9, 1.0, 10)]
    assert abs(c["bands"][0]["accuracy"] - 0.8) < 1e-9 and abs(c["bands"][1]["confidence"] - 0.95) < 1e-9
    assert abs(c["expected_calibration_error"] - (0.5 * 0.05 + 0.5 * 0.45)) < 1e-9
    assert abs(c["confidence_not_reviewed"] - 0.9) < 1e-9
    report = format_report(evaluate(gold, pred, review), None, c)
    assert "expected calibration error 0.250" in report and "0.9-1.0" in report
    assert "mean confidence of the items not sent to review: 0.900 (their accuracy 0.650)" in report
    assert calibration(["berpihak"], ["berpihak"], [1.0], [False])["bands"][0]["low"] == 0.9  # 1 is in the top band
    # every item sent to review: no mean to give, and the report says nothing it cannot compute
    assert calibration(gold, pred, conf, [True] * 20)["confidence_not_reviewed"] is None
