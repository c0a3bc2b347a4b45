"""Across articles: which of two copies is the original, and copies found within one batch."""

from __future__ import annotations

import datetime as dt

from kabar.dedup import Deduplicator
from kabar.store.merge import LEAD_SENTENCES, REFRESH_EVENTS_SQL, find_copies, order_copy

BODY = " ".join(f"kata{i} lain{i % 7} berita{i % 5}" for i in range(60))


def test_the_original_is_the_one_published_first_then_the_smaller_id():
    early = dt.datetime(2024, 1, 1, tzinfo=dt.UTC)
    late = dt.datetime(2024, 1, 2, tzinfo=dt.UTC)
    assert order_copy("a", "b", {"a": (late, "1"), "b": (early, "2")}) == ("a", "b")
    assert order_copy("a", "b", {"a": (early, "2"), "b": (early, "1")}) == ("a", "b")
    assert order_copy("a", "b", {"a": (None, "1"), "b": (late, "2")}) == ("a", "b")  # undated goes last
    assert order_copy("b", "a", {}) == ("b", "a")  # nothing known: the larger key is the copy


def test_copies_within_one_batch_are_found_in_input_order():
    index = Deduplicator()
    sig = index.signature(BODY)
    assert sig is not None
    links = find_copies(index, [("k1", sig), ("k2", sig.copy()), ("k3", sig.copy())])
    assert [(a, b) for a, b, _ in links] == [("k2", "k1"), ("k3", "k1"), ("k3", "k2")]
    assert all(sim == 1.0 for _, _, sim in links) and len(index) == 3


def test_the_merge_sql_reads_the_lead_from_one_constant():
    assert f"<= {LEAD_SENTENCES}" in REFRESH_EVENTS_SQL and "{lead}" not in REFRESH_EVENTS_SQL
