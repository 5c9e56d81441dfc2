"""Jelajah aduan's search (dashboards/data.py Store.search): read back window by window from the newest
complaint, it returns exactly what one query over everything returns."""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta

import pytest

from dashboards.data import SEARCH_LIMIT, Filters, Store
from flows import warehouse
from tests.test_marts import lapor, write_complaints
from transforms.textnorm import stems


@pytest.fixture(scope="module")
def spread_db(tmp_path_factory):
    rng = random.Random(5)
    rows = []
    for i in range(900):
        row = lapor(f"S{i:04d}", datetime(2023, 1, 1, 2) + timedelta(hours=rng.randrange(0, 3 * 365 * 24)))
        # 'sertifikat' is common, 'sengketa' rare and old only, 'pungutan' nowhere
        row["text"] = ("sertifikat tanah belum terbit" if rng.random() < 0.6 else "jalan rusak") + (
            " sengketa batas" if i % 90 == 0 and row["received_at_utc"].year == 2023 else "")
        row["text_search"] = stems(row["text"])
        rows.append(row)
    db = tmp_path_factory.mktemp("search") / "w.duckdb"
    write_complaints(db, rows)
    warehouse.publish_snapshot(db, "r1")
    return db


def one_query(store: Store, f: Filters, words: str):
    terms = [stems(w) for w in words.split()]
    return store.frame("search", {**f.params(), **{f"w{i + 1}": (terms[i] if i < len(terms) else None)
                                                   for i in range(3)}})


@pytest.mark.parametrize("words", ["sertifikat", "sengketa", "sertifikat sengketa", "pungutan", "jalan"])
@pytest.mark.parametrize("f", [Filters(), Filters(start=date(2025, 6, 1)), Filters(end=date(2024, 2, 10)),
                               Filters(start=date(2023, 3, 1), end=date(2023, 3, 20))])
def test_windows_give_the_same_rows_as_one_query(spread_db, words, f):
    store = Store(spread_db)
    got, expected = store.search(f, words), one_query(store, f, words)
    assert got.rows() == expected.rows()
    assert got.height <= SEARCH_LIMIT


def test_the_cases_read_more_than_one_window(spread_db):
    store = Store(spread_db)
    assert store.search(Filters(), "sertifikat").height == SEARCH_LIMIT  # many: the newest 200
    rare = store.search(Filters(), "sengketa")
    assert 0 < rare.height < 10 and rare["received_at_local"].max() < datetime(2024, 1, 1)  # found in the oldest
    assert store.search(Filters(province="Bali"), "sertifikat").height == 0  # nothing in the filter


def test_words_too_short_or_without_letters_are_not_searched(spread_db, monkeypatch):
    # "aaaa" stems to "a" and "_" is part of every mask: each was found inside every text (200 results); an emoji
    # was a word no text holds (0 results, "ktp" or not).
    from dashboards.data import search_terms

    assert search_terms("aaaaaaaa") == [] and search_terms("_ %") == []
    assert search_terms("\U0001f621 sertifikat") == ["sertifikat"]
    store = Store(spread_db)
    assert store.search(Filters(), "\U0001f621 sengketa").height == store.search(Filters(), "sengketa").height > 0
    from tests.test_dashboard import open_page

    monkeypatch.setenv("AWASI_DB_PATH", str(spread_db))
    at = open_page("jelajah", {"cari": "aaaaaaaa"})
    assert not at.exception and [i.value for i in at.info] == [
        "Kata pencarian terlalu pendek atau tanpa huruf dan angka; tulis kata yang lebih panjang."]
