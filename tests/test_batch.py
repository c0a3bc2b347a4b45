"""`kabar batch`: shards, the Parquet dataset, equality with `kabar ingest`, kill and resume."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from kabar.batch import Dataset, plan_shards, run_batch
from kabar.batch.shards import MIN_SHARD_BYTES, default_shard_bytes
from kabar.batch.views import connect_dataset
from kabar.errors import StoreError
from kabar.ingest import ingest
from kabar.query import connect, dyad
from kabar.readers import read_file

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
CORPUS = ROOT.parent / "shared" / "corpus" / "id-news.jsonl"
TABLES = ("articles", "entities", "mentions", "quotes", "event_mentions", "events", "duplicates", "failures")
# columns that say when a run happened, not what it found
CLOCK_COLUMNS = {"ingested_at", "date_added", "failed_at"}


def write_variants(path: Path, count: int) -> Path:
    """A JSON Lines file of `count` articles made from the example texts (near-copies among them)."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*.txt"))]
    with path.open("w", encoding="utf-8") as fh:
        for i in range(count):
            body = texts[i % len(texts)] + f"\nLaporan ini diperbarui untuk pembaca nomor {i}."
            record = {
                "id": f"v{i}",
                "url": f"https://contoh.id/berita/{i}",
                "text": body,
                "published": f"2024-0{1 + i % 9}-1{i % 10}T08:00:00+07:00",
            }
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path


def rows(con: duckdb.DuckDBPyConnection, table: str) -> list[tuple]:
    columns = [c for c, *_ in con.execute(f"DESCRIBE {table}").fetchall() if c not in CLOCK_COLUMNS]
    listed = ", ".join(f'"{c}"' for c in columns)
    return sorted(con.execute(f"SELECT {listed} FROM {table}").fetchall(), key=repr)


def test_jsonl_shards_cut_at_line_starts_and_keep_whole_file_numbering(tmp_path):
    path = write_variants(tmp_path / "v.jsonl", 40)
    shards, problems = plan_shards([str(path)], shard_bytes=3000)
    assert not problems and len(shards) > 3
    assert shards[0].start == 0 and shards[-1].end == path.stat().st_size
    assert all(a.end == b.start for a, b in zip(shards, shards[1:]))
    by_shard = [(r.source, r.text) for s in shards for r in s.records()]
    whole = [(r.source, r.text) for r in read_file(path)]
    assert by_shard == whole and whole[-1][0].endswith(":40")


def test_shard_ids_change_when_the_file_changes(tmp_path):
    path = write_variants(tmp_path / "v.jsonl", 5)
    before = plan_shards([str(path)])[0][0].id
    write_variants(path, 6)
    assert plan_shards([str(path)])[0][0].id != before


def test_a_folder_kabar_did_not_make_is_refused_and_left_alone(tmp_path):
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(StoreError, match="not a kabar dataset"):
        Dataset(tmp_path).create_or_open()
    assert (tmp_path / "notes.txt").read_text(encoding="utf-8") == "mine"


@pytest.fixture(scope="module")
def inputs(tmp_path_factory) -> list[str]:
    folder = tmp_path_factory.mktemp("inputs")
    found = [str(EXAMPLES), str(write_variants(folder / "variants.jsonl", 120))]
    if CORPUS.exists():
        sample = folder / "corpus.jsonl"
        with CORPUS.open(encoding="utf-8") as src, sample.open("w", encoding="utf-8") as dst:
            for i, line in enumerate(src):
                if i >= 2000:
                    break
                dst.write(line)
        found.append(str(sample))
    return found


@pytest.fixture(scope="module")
def batch_and_store(inputs, tmp_path_factory):
    work = tmp_path_factory.mktemp("batch")
    report = run_batch(inputs, str(work / "out"), workers=2, shard_bytes=1 << 20)
    ingest(inputs, str(work / "store.duckdb"))
    return report, work / "out", work / "store.duckdb"


def test_batch_on_two_workers_gives_the_rows_of_ingest(batch_and_store):
    report, out, store = batch_and_store
    assert report.processed == report.shards and not report.failed and report.articles > 100
    dataset, db = connect_dataset(out), duckdb.connect(str(store), read_only=True)
    for table in TABLES:
        assert rows(dataset, table) == rows(db, table), table
    assert rows(db, "duplicates"), "the variants are near-copies of each other"
    assert rows(db, "events")


def test_queries_answer_on_the_dataset_as_on_the_store(batch_and_store):
    _, out, store = batch_and_store
    for actor_b in ("USA", "JPN", "PRK"):
        on_dataset = dyad(connect(str(out)), "IDN", actor_b, by="month")
        on_store = dyad(connect(str(store)), "IDN", actor_b, by="month")
        assert on_dataset.to_pylist() == on_store.to_pylist()


def test_a_second_run_skips_finished_shards(batch_and_store, inputs):
    report, out, _ = batch_and_store
    again = run_batch(inputs, str(out), workers=1, shard_bytes=1 << 20)
    assert again.processed == 0 and again.skipped == report.shards


def test_a_later_run_reuses_the_recorded_shard_size_and_refuses_another(batch_and_store, inputs):
    report, out, _ = batch_and_store
    again = run_batch(inputs, str(out), workers=1)  # no size given: the recorded one
    assert again.processed == 0 and again.skipped == report.shards
    with pytest.raises(StoreError, match="shards of 1 MB"):
        run_batch(inputs, str(out), workers=1, shard_bytes=2 << 20)


def test_the_default_shard_size_gives_enough_shards_within_bounds(tmp_path):
    small = tmp_path / "small.jsonl"
    small.write_text('{"id": "a", "text": "x"}\n', encoding="utf-8")
    assert default_shard_bytes([str(small)]) == MIN_SHARD_BYTES
    big = tmp_path / "big.jsonl"
    with big.open("wb") as fh:
        fh.truncate(128 << 20)  # sparse: 128 MB without writing them
    assert default_shard_bytes([str(big)]) == 2 << 20
    assert default_shard_bytes([str(tmp_path / "missing.jsonl")]) == MIN_SHARD_BYTES


def _batch_command(inputs: list[str], out: Path) -> list[str]:
    return [
        sys.executable,
        "-m",
        "kabar",
        "batch",
        *inputs,
        "--out",
        str(out),
        "--workers",
        "2",
        "--shard-mb",
        "0.01",
        "--no-progress",
    ]


def test_a_killed_run_resumed_ends_with_the_rows_of_an_uninterrupted_one(tmp_path):
    inputs = [str(write_variants(tmp_path / "v.jsonl", 160))]
    killed = tmp_path / "killed"
    proc = subprocess.Popen(
        _batch_command(inputs, killed),
        start_new_session=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    manifest = killed / "_kabar" / "manifest.jsonl"
    total = len(plan_shards(inputs, shard_bytes=int(0.01 * (1 << 20)))[0])
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline and proc.poll() is None:
        done = len(manifest.read_text().splitlines()) if manifest.exists() else 0
        if done >= 2:
            break
        time.sleep(0.05)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    done = len(manifest.read_text().splitlines()) if manifest.exists() else 0
    assert 0 < done < total, f"kill landed after {done} of {total} shards"
    subprocess.run(_batch_command(inputs, killed), check=True, capture_output=True)
    whole = tmp_path / "whole"
    subprocess.run(_batch_command(inputs, whole), check=True, capture_output=True)
    resumed, uninterrupted = connect_dataset(killed), connect_dataset(whole)
    for table in TABLES:
        assert rows(resumed, table) == rows(uninterrupted, table), table
    assert not list(killed.glob("**/*.tmp"))
