"""Output folders and files: kabar never deletes or overwrites a file it did not make."""

from __future__ import annotations

import json
import os

import duckdb
import pyarrow as pa
import pytest

from kabar.errors import OutputError
from kabar.export import write_table
from kabar.outputs import MARKER, output_folder, prepare_output_file

TABLE = pa.table({"date": ["2023-03-06", "2023-03-07"], "n": [1, 2]})


def test_a_folder_of_other_files_is_refused_even_with_force(tmp_path):
    out = tmp_path / "mine"
    out.mkdir()
    (out / "notes.txt").write_text("keep me")
    for force in (False, True):
        with pytest.raises(OutputError, match="not made by kabar"):
            write_table(TABLE, "parquet", out, overwrite=force)
    assert (out / "notes.txt").read_text() == "keep me"


def test_force_replaces_only_what_kabar_wrote(tmp_path):
    out = tmp_path / "pq"
    write_table(TABLE, "parquet", out)
    first = json.loads((out / MARKER).read_text())["files"]
    assert first and all(name.endswith(".parquet") for name in first)
    (out / "date=2023-03-06" / "mine.txt").write_text("keep me")  # the user's, added later
    with pytest.raises(OutputError, match="--force"):
        write_table(TABLE, "parquet", out)
    write_table(TABLE.slice(1), "parquet", out, overwrite=True)
    assert (out / "date=2023-03-06" / "mine.txt").read_text() == "keep me"
    assert not list((out / "date=2023-03-06").glob("*.parquet"))
    assert duckdb.connect().execute(f"SELECT count(*) FROM '{out}/**/*.parquet'").fetchall() == [(1,)]


def test_a_folder_holding_a_database_is_never_cleared(tmp_path):
    out = tmp_path / "pq"
    write_table(TABLE, "parquet", out)
    duckdb.connect(str(out / "news.duckdb")).close()
    with pytest.raises(OutputError, match="database"):
        write_table(TABLE, "parquet", out, overwrite=True)
    assert (out / "news.duckdb").exists()


def test_the_working_directory_is_never_cleared(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write_table(TABLE, "parquet", ".")  # an empty working directory may receive output
    (tmp_path / "report.txt").write_text("keep me")
    with pytest.raises(OutputError, match="working directory"):
        write_table(TABLE, "parquet", ".", overwrite=True)
    assert (tmp_path / "report.txt").exists() and list(tmp_path.rglob("*.parquet"))


def test_a_marker_cannot_send_force_outside_its_folder(tmp_path):
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me")
    out = tmp_path / "out"
    out.mkdir()
    (out / "x.csv").write_text("x")
    for entry in ("../victim.txt", str(victim)):
        (out / MARKER).write_text(json.dumps({"files": [entry]}))
        with pytest.raises(OutputError, match="outside the folder"), output_folder(out, force=True):
            pass
    assert victim.read_text() == "keep me"


def test_a_symlinked_entry_is_removed_as_a_link_not_followed(tmp_path):
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me")
    out = tmp_path / "out"
    with output_folder(out):
        os.symlink(victim, out / "link")
    with output_folder(out, force=True):
        pass
    assert victim.read_text() == "keep me" and not (out / "link").exists()


def test_output_files_need_force_and_never_replace_a_database(tmp_path):
    target = tmp_path / "result.csv"
    target.write_text("keep me")
    with pytest.raises(OutputError, match="--force"):
        write_table(TABLE, "csv", target)
    assert target.read_text() == "keep me"
    write_table(TABLE, "csv", target, overwrite=True)
    assert target.read_text().startswith("date,n")
    db = tmp_path / "store.bin"
    duckdb.connect(str(db)).close()
    for fmt in ("csv", "jsonl", "parquet"):
        with pytest.raises(OutputError, match="database|is a file"):
            write_table(TABLE, fmt, db, overwrite=True)
    assert duckdb.connect(str(db)).execute("SELECT 1").fetchall() == [(1,)]
    named = tmp_path / "empty.duckdb"
    named.touch()
    with pytest.raises(OutputError, match="database"):
        prepare_output_file(named, force=True)
