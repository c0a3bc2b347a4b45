"""Near-duplicate detection: syndicated copies found (within a run and across runs), others not."""

from __future__ import annotations

import sys

from conftest import DATA
from kabar.dedup import Deduplicator, from_bytes, shingles, similarity, to_bytes
from kabar.store import Store

sys.path.insert(0, str(DATA / "store"))
import synth  # noqa: E402


def corpus():
    return synth.make_corpus(40, seed=3, copy_every=0)


def test_short_texts_have_no_signature():
    dd = Deduplicator()
    assert dd.signature("Foto: pertemuan kedua menteri.") is None
    assert dd.query(None) == []


def test_shingles_ignore_case_and_punctuation():
    assert shingles("Kedua menteri, BERTEMU di Jakarta.") == shingles("kedua menteri bertemu di jakarta")


def test_syndicated_copy_is_found_and_unrelated_articles_are_not():
    items = corpus()
    dd = Deduplicator()
    for item in items:
        dd.add(item["id"], dd.signature(item["text"]))
    original = items[5]
    copy = synth.syndicated_copy(original, 999)
    found = dd.query(dd.signature(copy["text"]))
    assert [k for k, _ in found] == [original["id"]]
    assert found[0][1] >= dd.threshold
    # Every original finds itself and nothing else (the generated articles share templates).
    for item in items:
        hits = [k for k, _ in dd.query(dd.signature(item["text"]))]
        assert hits == [item["id"]]


def test_signatures_round_trip_through_bytes():
    dd = Deduplicator()
    sig = dd.signature(corpus()[0]["text"])
    again = from_bytes(to_bytes(sig))
    assert similarity(sig, again) == 1.0 and again.dtype == sig.dtype


def test_remove_forgets_an_article():
    dd = Deduplicator()
    text = corpus()[0]["text"]
    dd.add("a", dd.signature(text))
    dd.remove("a")
    assert dd.query(dd.signature(text)) == [] and "a" not in dd


def _article(item):
    art = synth.make_article(item["id"], url=item["url"], published=item["published"], with_default_event=False)
    art.body = item["text"]
    art.sentences, art.entities, art.quotes = [], [], []
    return art


def test_store_links_copy_to_the_earlier_original_across_runs_in_any_order(tmp_path):
    items = corpus()[:10]
    original = items[4]
    copy = synth.syndicated_copy(original, 50)  # published 30 s after the original
    db = str(tmp_path / "k.duckdb")
    # Copy first, original in a later run: the link still names the original as such.
    with Store(db) as store:
        store.add_articles([_article(copy)] + [_article(i) for i in items[:4]])
    with Store(db) as store:  # a new process would rebuild the index from the database
        result = store.add_articles([_article(i) for i in items[4:]])
        assert result.duplicates == 1
        (link,) = store.con.execute(
            """SELECT c.id, o.id, d.similarity FROM duplicates d
               JOIN articles c ON c.key = d.article_key JOIN articles o ON o.key = d.duplicate_of"""
        ).fetchall()
        assert link[:2] == (copy["id"], original["id"]) and link[2] >= 0.8


def test_replacing_an_article_drops_its_links(tmp_path):
    items = corpus()
    original = items[2]
    copy = synth.syndicated_copy(original, 77)
    with Store(str(tmp_path / "k.duckdb")) as store:
        store.add_articles([_article(original), _article(copy)])
        assert store.con.execute("SELECT count(*) FROM duplicates").fetchall() == [(1,)]
        rewritten = _article(copy)
        rewritten.body = items[9]["text"] + " Tambahan."
        store.add_articles([rewritten])
        assert store.con.execute("SELECT count(*) FROM duplicates").fetchall() == [(0,)]
        assert store.con.execute("SELECT count(*) FROM articles").fetchall() == [(2,)]


def test_the_store_tells_its_signature_scheme_without_loading_the_index(tmp_path):
    # ingest workers sign articles with it before the writer has loaded the stored signatures
    store = Store(tmp_path / "s.duckdb")
    try:
        scheme = store.dedup_scheme()
        assert store._dedup is None
        assert scheme == store.deduplicator().scheme == Deduplicator().scheme
    finally:
        store.close()
