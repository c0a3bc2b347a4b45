"""Ingest: inputs planned against the store, extracted batch-wise (in worker processes too),
written in transactions; and the same rows for a shard without any database."""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

import pytest
from conftest import DATA
from test_store import rows, snapshot

from kabar.dedup import Deduplicator
from kabar.errors import FormatError
from kabar.ingest import extract, ingest, plan, shard_rows
from kabar.readers import RawRecord, read_inputs, record_key
from kabar.store import Store
from kabar.store.schema import ARTICLE_TABLES

sys.path.insert(0, str(DATA / "store"))
import synth  # noqa: E402

WRITE_TIMES = ("ingested_at", "failed_at")


# -- the path from an input to its rows --------------------------------------------------------------


def test_plan_names_each_input_and_marks_what_is_stored():
    fresh = RawRecord("a.jsonl:1", "satu", metadata={"id": "1"}, path="/data/a.jsonl")
    stored = RawRecord("a.jsonl:2", "dua", metadata={"id": "2"}, path="/data/a.jsonl")
    broken = FormatError("a.jsonl:3", "not valid JSON")
    asked: list[list[tuple[str, str]]] = []

    def known(pairs: list[tuple[str, str]]) -> set[tuple[str, str]]:
        asked.append(pairs)
        return {p for p in pairs if p[0] == "/data/a.jsonl#2"}

    tasks = plan([fresh, stored, broken], known)
    assert [(t.source, t.key, t.needs_extraction) for t in tasks] == [
        ("a.jsonl:1", "/data/a.jsonl#1", True),
        ("a.jsonl:2", "/data/a.jsonl#2", False),
        ("a.jsonl:3", None, False),
    ]
    assert tasks[1].stored and tasks[2].error == "not valid JSON"
    assert len(asked) == 1 and len(asked[0]) == 2  # one look-up for the batch, read failures left out
    assert [t.stored for t in plan([fresh, stored])] == [False, False]  # nothing known: all extracted


def test_extract_gives_every_input_its_own_outcome_in_order():
    from kabar.pipeline import get_pipeline

    records = [
        RawRecord("x:1", synth.make_corpus(1)[0]["text"], metadata={"id": "x1"}),
        RawRecord("x:2", "   "),  # nothing to extract
        FormatError("x:3", "not valid JSON"),
    ]
    tasks = plan(records)
    outcomes = extract(tasks, get_pipeline("id"), pipe_batch=2)
    assert [o.source for o in outcomes] == ["x:1", "x:2", "x:3"]
    first, empty, broken = outcomes
    assert first.item is not None and first.item.key == record_key(records[0]) == "id:x1"
    assert first.item.hash == tasks[0].hash and first.item.article.id == "x1"
    assert empty.item is None and empty.error and broken.error == "not valid JSON"


def test_shard_rows_are_the_rows_ingest_stores(tmp_path):
    """A shard's rows, built without a database, equal those `kabar ingest` writes for it."""
    corpus = synth.write_corpus(tmp_path / "c.jsonl", 12, seed=5)
    with corpus.open("a", encoding="utf-8") as fh:
        fh.write("{not json\n")
    db = str(tmp_path / "k.duckdb")
    report = ingest([str(corpus)], db, batch_size=5)
    assert report.new == 12 and report.failed == 1
    now = dt.datetime(2024, 1, 2, tzinfo=dt.UTC)
    tables = shard_rows(read_inputs([str(corpus)]), now=now, signature=Deduplicator().signature, pipe_batch=5)
    assert set(tables) == set(ARTICLE_TABLES) | {"failures"}
    assert tables["articles"].column("ingested_at").to_pylist() == [now] * 12
    with Store(db, read_only=True) as store:
        for name, table in tables.items():
            cols = [c for c in table.column_names if c not in WRITE_TIMES]
            quoted = ", ".join(f'"{c}"' for c in cols)
            stored = rows(store, f"SELECT {quoted} FROM {name} ORDER BY ALL")
            store.con.register("_shard", table.select(cols))
            built = rows(store, f"SELECT {quoted} FROM _shard ORDER BY ALL")
            store.con.unregister("_shard")
            assert built == stored, name


# -- ingest into a store -------------------------------------------------------------------------------


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


SATU = (
    "JAKARTA, KABAR – Menteri Luar Negeri Arif Wicaksana bertemu Menteri Luar Negeri Malaysia "
    "Ahmad Rahimi di Jakarta pada Senin (6/3/2023). Kedua menteri membahas kerja sama maritim."
)
DUA = (
    "MEDAN, KABAR – Ratusan warga menggelar unjuk rasa di depan kantor gubernur di Medan pada "
    "Selasa (7/3/2023). Mereka menuntut perbaikan jalan yang rusak sejak tahun lalu."
)


def test_same_named_files_in_two_directories_are_two_articles(tmp_path):
    """`a/001.txt` and `b/001.txt` both have the id 001; neither may overwrite the other."""
    _write(tmp_path / "a" / "001.txt", SATU)
    _write(tmp_path / "b" / "001.txt", DUA)
    db = str(tmp_path / "k.duckdb")
    inputs = [str(tmp_path / "a"), str(tmp_path / "b")]
    first = ingest(inputs, db)
    assert (first.new, first.replaced, first.failed) == (2, 0, 0)
    with Store(db, read_only=True) as store:
        stored = rows(store, "SELECT id, key, title IS NOT NULL OR body <> '' FROM articles ORDER BY key")
        before = snapshot(store)
    assert [r[0] for r in stored] == ["001", "001"]  # the id users know, kept
    assert [r[1] for r in stored] == [f"{(tmp_path / d / '001.txt').resolve()}#001" for d in "ab"]
    # Run again: nothing to do. Then b/001.txt changes: it replaces only itself.
    again = ingest(inputs, db)
    assert (again.new, again.replaced, again.unchanged) == (0, 0, 2)
    with Store(db, read_only=True) as store:
        assert snapshot(store) == before
    _write(tmp_path / "b" / "001.txt", DUA.replace("Ratusan", "Ribuan"))
    changed = ingest(inputs, db)
    assert (changed.new, changed.replaced, changed.unchanged) == (0, 1, 1)
    with Store(db, read_only=True) as store:
        bodies = [r[0] for r in rows(store, "SELECT body FROM articles ORDER BY key")]
        assert "Arif Wicaksana" in bodies[0] and "Ribuan warga" in bodies[1]
        # Every row of the old b/001.txt went with it; a/001.txt kept all of its own.
        keys = {r[0] for r in rows(store, "SELECT key FROM articles")}
        for table in ("entities", "mentions", "quotes", "event_mentions", "signatures"):
            assert {r[0] for r in rows(store, f"SELECT DISTINCT article_key FROM {table}")} <= keys, table


def test_the_same_text_in_two_files_is_stored_twice_and_linked_as_a_copy(tmp_path):
    text = SATU + " " + " ".join(synth.FILLER)
    _write(tmp_path / "a" / "001.txt", text)
    _write(tmp_path / "b" / "001.txt", text)
    db = str(tmp_path / "k.duckdb")
    report = ingest([str(tmp_path / "a"), str(tmp_path / "b")], db)
    assert (report.new, report.duplicates) == (2, 1)
    with Store(db, read_only=True) as store:
        assert rows(store, "SELECT count(*) FROM duplicates") == [(1,)]




# -- ingest: batched extraction --------------------------------------------------------------------


class _Explodes:
    """Wraps a stage; fails on articles that say BOOM, as a stage bug would."""

    def __init__(self, stage):
        self.stage, self.name = stage, stage.name

    def __call__(self, doc):
        if "BOOM" in doc.article.body:
            raise RuntimeError("stage bug")
        self.stage(doc)


@pytest.mark.parametrize("jobs", [1, 2])
def test_ingest_extracts_in_batches_and_a_failing_article_fails_alone(tmp_path, monkeypatch, jobs):
    from kabar.pipeline import get_pipeline

    pipeline = get_pipeline("id")
    monkeypatch.setattr(pipeline, "stages", [_Explodes(s) if s.name == "quotes" else s for s in pipeline.stages])
    lines = [{"id": f"n{i}", "text": (SATU if i % 2 else DUA) + f" Nomor {i}."} for i in range(7)]
    lines[3]["text"] += " BOOM."
    corpus = tmp_path / "c.jsonl"
    corpus.write_text("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in lines), encoding="utf-8")
    db = str(tmp_path / "k.duckdb")
    # Seven articles in pipeline batches of 3, transactions of 4: the bad one is in the middle of both.
    written: list[int] = []
    report = ingest(
        [str(corpus)], db, batch_size=4, pipe_batch=3, jobs=jobs,
        on_batch=lambda r: written.append(r.new + r.failed - sum(written)),
    )  # fmt: skip
    assert (report.new, report.failed) == (6, 1)
    # Serially, whole batches; with workers, the pieces left once the inputs are read are written
    # one by one. Never more than a batch in one transaction.
    assert written == [4, 3] if jobs == 1 else (sum(written) == 7 and max(written) <= 4)
    assert report.batches == len(written)
    (source, error) = report.failures[0]
    assert source == f"{corpus}:4" and "stage 'quotes'" in error and "stage bug" in error
    with Store(db, read_only=True) as store:
        assert [r[0] for r in rows(store, "SELECT id FROM articles ORDER BY id")] == [
            "n0", "n1", "n2", "n4", "n5", "n6",
        ]  # fmt: skip
        assert rows(store, "SELECT source FROM failures") == [(f"{corpus}:4",)]
        # Every stored article was extracted whole (entities found for each).
        assert rows(store, "SELECT count(DISTINCT article_key) FROM entities") == [(6,)]


def test_workers_sign_for_near_duplicates_as_the_store_would(tmp_path):
    # the signatures made in worker processes (--jobs 2) are the store's own: same rows, same links
    texts = sorted((DATA.parent.parent / "examples").glob("*.txt"))
    assert texts, "the examples are part of the repository"
    corpus = tmp_path / "copies.jsonl"
    with corpus.open("w", encoding="utf-8") as fh:
        for i in range(12):
            body = texts[i % len(texts)].read_text(encoding="utf-8") + f"\nDiperbarui untuk pembaca {i}."
            fh.write(json.dumps({"id": f"c{i}", "text": body}, ensure_ascii=False) + "\n")
    stores = {}
    for jobs in (1, 2):
        db = str(tmp_path / f"j{jobs}.duckdb")
        ingest([str(corpus)], db, batch_size=5, pipe_batch=2, jobs=jobs)
        store = Store(db)
        stores[jobs] = snapshot(store)
        stores[jobs]["signatures"] = rows(store, "SELECT article_key, signature FROM signatures ORDER BY 1")
        store.close()
    assert stores[1]["signatures"] and stores[1]["duplicates"], "the copies are linked"
    assert stores[2] == stores[1]
