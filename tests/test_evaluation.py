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
