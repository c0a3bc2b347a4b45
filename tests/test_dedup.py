"""Near-duplicate detection: syndicated copies found (within a run and across runs), others not."""

from __future__ import annotations

import sys

import numpy as np
import pytest
from conftest import DATA

from kabar.dedup import Deduplicator, bands, from_bytes, shingles, similarity, to_bytes
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


# A store keeps signatures across runs and kabar versions: these are the values datasketch 2.0
# ("affine32", seed 1, 128 permutations) gives this text, and the bands its MinHashLSH chooses.
PINNED_TEXT = (
    "Menteri Luar Negeri Retno Marsudi bertemu dengan Menteri Luar Negeri Malaysia di Jakarta pada "
    "hari Senin untuk membahas perbatasan kedua negara dan kerja sama ekonomi di kawasan Asia "
    "Tenggara yang semakin erat"
)


def test_signatures_and_bands_keep_the_values_stores_hold():
    sig = Deduplicator().signature(PINNED_TEXT)
    assert sig.dtype == np.uint32 and len(sig) == 128
    assert sig[:6].tolist() == [350167333, 132876831, 127964898, 271495422, 190753359, 84875929]
    assert [bands(t) for t in (0.5, 0.7, 0.9)] == [(25, 5), (14, 9), (5, 25)]


def test_signatures_and_bands_are_datasketchs():
    datasketch = pytest.importorskip("datasketch")
    dd = Deduplicator()
    perms = datasketch.MinHash(num_perm=128, seed=1, scheme="affine32").permutations
    for item in corpus()[:15] + [{"text": PINNED_TEXT}]:
        words = shingles(item["text"])
        theirs = datasketch.MinHash(num_perm=128, seed=1, permutations=perms, scheme="affine32")
        theirs.update_batch(list(words))
        assert np.array_equal(dd.signature(item["text"]), theirs.hashvalues.astype(np.uint32))
    for threshold in (0.3, 0.5, 0.7, 0.8, 0.9, 0.95):
        for num_perm in (64, 128):
            lsh = datasketch.MinHashLSH(threshold=threshold, num_perm=num_perm)
            assert bands(threshold, num_perm) == (lsh.b, lsh.r)


def test_index_finds_what_shares_a_band_and_forgets_removed_keys():
    dd = Deduplicator(threshold=0.5)
    items = corpus()
    text = items[0]["text"]
    edited = text.replace(".", " ,", 3) + " Berita ini diperbarui."
    dd.add("a", dd.signature(text))
    dd.add("b", dd.signature(items[1]["text"]))
    assert [k for k, _ in dd.query(dd.signature(edited))] == ["a"]
    dd.add("a", dd.signature(items[2]["text"]))  # replaced: its old bands are gone
    assert "a" not in [k for k, _ in dd.query(dd.signature(edited))]
    assert len(dd) == 2
