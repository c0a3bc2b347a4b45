"""Rows of articles built without a database: keys, parts, sentences, CAMEO columns, failures."""

from __future__ import annotations

import datetime as dt
import pickle
import sys

from conftest import DATA
from kabar.dedup import Deduplicator, to_bytes
from kabar.model import Span
from kabar.store.rows import ROW_TABLES, StoreItem, build_rows, failure_rows, item_rows
from kabar.store.schema import arrow_schema

sys.path.insert(0, str(DATA / "store"))
import synth  # noqa: E402

NOW = dt.datetime(2024, 5, 6, 7, 8, tzinfo=dt.UTC)


def test_rows_of_an_article_in_every_table_in_the_store_schema():
    art = synth.make_article("a1")
    batch = build_rows([StoreItem(art, source="in.jsonl:1")], NOW, signature=Deduplicator().signature)
    tables = batch.arrow()
    assert list(tables) == list(ROW_TABLES)
    for name, table in tables.items():
        assert table.schema == arrow_schema(name), name
    article = tables["articles"].to_pylist()[0]
    assert article["key"] == art.url and article["source"] == "in.jsonl:1"
    assert article["ingested_at"] == NOW and article["hash"].startswith("a")
    assert tables["signatures"].num_rows == 1 and batch.signatures[0][0] == article["key"]
    assert batch.events == len(art.events) == tables["event_mentions"].num_rows
    assert set(tables["event_mentions"].column("event_id").to_pylist()) == batch.event_ids
    assert batch.published[article["key"]][1] == "a1"


def test_event_columns_follow_the_codebook_and_spans_know_their_part():
    art = synth.make_article("a1")
    ev = art.events[0]
    ev.code, ev.root, ev.quad_class = "0874", None, None
    ev.mentions = [
        Span(ev.evidence.text, ev.evidence.start, ev.evidence.end),
        Span(art.title[:5], 0, 5, where="title"),
    ]
    row = build_rows([StoreItem(art)], NOW).arrow()["event_mentions"].to_pylist()[0]
    assert (row["code"], row["base_code"], row["root"], row["quad_class"]) == ("0874", "087", "08", 2)
    assert row["n_spans"] == 2 and [s["part"] for s in row["spans"]] == ["body", "title"]
    assert row["spans"][0]["sentence"] == row["sentence"] >= 1 and row["spans"][1]["sentence"] is None


def test_rows_made_beforehand_as_a_worker_makes_them_are_the_same_rows_once_written():
    # An ingest worker sends each article's rows through a pipe; the store stamps them when written.
    signer = Deduplicator()
    arts = [synth.make_article("a1"), synth.make_article("a2")]
    items = [StoreItem(a, source=f"in:{a.id}") for a in arts]
    direct = build_rows(items, NOW, signer.signature, signer.scheme)
    made = [item_rows(StoreItem(a, source=f"in:{a.id}"), signer.signature, signer.scheme) for a in arts]
    assert all(NOW not in m.rows["articles"][0] for m in made)  # the time of writing comes later
    sent = pickle.loads(pickle.dumps(made))
    later = build_rows(sent, NOW, signer.signature, signer.scheme)
    for name, table in direct.arrow().items():
        assert later.arrow()[name].equals(table), name
    assert later.event_ids == direct.event_ids and later.published == direct.published
    assert len(direct.signatures) == 2
    assert [k for k, _ in later.signatures] == [k for k, _ in direct.signatures]


def test_rows_signed_by_another_scheme_are_signed_again_by_the_stores():
    art = synth.make_article("a1")
    other, store = Deduplicator(num_perm=64), Deduplicator()
    made = item_rows(StoreItem(art), other.signature, other.scheme)
    batch = build_rows([made], NOW, store.signature, store.scheme)
    expected = store.signature(art.body)
    assert expected is not None and len(batch.signatures) == 1
    assert (batch.signatures[0][1] == expected).all()
    stored = batch.arrow()["signatures"].to_pylist()
    assert len(stored) == 1 and stored[0]["signature"] == to_bytes(expected)


def test_without_a_signer_there_are_no_signatures():
    batch = build_rows([StoreItem(synth.make_article("a1"))], NOW)
    assert batch.tables["signatures"].table().num_rows == 0 and batch.signatures == []


def test_the_last_reason_given_for_an_input_is_its_failure():
    rows = failure_rows([("a:1", "first"), ("a:2", "other"), ("a:1", "last")], NOW).table().to_pylist()
    assert sorted((r["source"], r["error"]) for r in rows) == [("a:1", "last"), ("a:2", "other")]
