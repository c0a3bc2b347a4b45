"""`kabar ingest` and the query commands, including a real ingest killed part-way and resumed."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import DATA
from kabar.cli import app
from kabar.store import USER_TABLES, Store

sys.path.insert(0, str(DATA / "store"))
import synth  # noqa: E402

runner = CliRunner()
INPUTS = DATA / "store" / "inputs"


def need_pipeline() -> None:
    """Ingest runs the whole pipeline; skip while a stage is still missing from the tree."""
    from kabar.errors import ConfigError
    from kabar.pipeline import get_pipeline

    try:
        get_pipeline("id")
    except (ConfigError, ImportError) as exc:
        pytest.skip(f"the extraction pipeline cannot load yet: {exc}")


def snapshot(db: str) -> dict[str, list[tuple]]:
    """All user tables, sorted, without the columns that record when a row was written."""
    with Store(db, read_only=True) as store:
        out = {}
        for table in USER_TABLES:
            cols = [
                r[0]
                for r in store.con.execute(
                    f"SELECT column_name FROM duckdb_columns() WHERE table_name = '{table}'"
                ).fetchall()
                if r[0] not in ("ingested_at", "date_added", "failed_at")
            ]
            quoted = ", ".join(f'"{c}"' for c in cols)
            out[table] = store.con.execute(f"SELECT {quoted} FROM {table} ORDER BY ALL").fetchall()
        return out


def counts(db: str) -> dict[str, int]:
    with Store(db, read_only=True) as store:
        return store.counts()


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> str:
    """A store of hand-built articles (no extraction involved)."""
    db = str(tmp_path_factory.mktemp("cli") / "k.duckdb")
    mys = synth.actor("e2", "Ahmad Rahimi", "MYSGOV", "MYS")
    idn = synth.actor("e1", "Arif Wicaksana", "IDNGOV", "IDN")
    with Store(db) as store:
        store.add_articles(
            [
                synth.make_article("a1"),
                synth.make_article("a2", url="https://dua.example/2"),
                synth.make_article(
                    "a3", published="2023-03-14T09:00:00+07:00", with_default_event=False,
                    events=[lambda b: synth.make_event(b, synth.FILLER[2], code="112", quad=3, goldstein=-2.0,
                                                       source=mys, target=idn, date="2023-03-14")],
                ),
            ]
        )  # fmt: skip
    return db


# -- query commands ------------------------------------------------------------------------


def test_events_prints_each_event_with_its_sentence_at_100_columns(built):
    result = runner.invoke(app, ["events", "--db", built], env={"COLUMNS": "100"})
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert max(len(line) for line in out.splitlines()) <= 100
    # What happened (with CAMEO's name for the code), who to whom, and the whole sentence, wrapped.
    assert "2023-03-06  042 Make a visit" in out and "Arif Wicaksana (IDN) → Ahmad Rahimi (MYS)" in out
    assert " ".join(out.split()).count(synth.LEAD) == 1
    # The id is printed whole, to be typed into `kabar evidence`.
    ids = json.loads(runner.invoke(app, ["events", "--db", built, "--format", "json"]).stdout)
    assert all(f"id {r['event_id']}" in out for r in ids)
    assert "2 events, newest first" in out


def test_actors_and_dyad_fit_100_columns_hiding_the_least_useful_columns(built):
    for args in (["actors"], ["actors", "--by", "country"], ["dyad", "IDN", "MYS"], ["quotes"]):
        result = runner.invoke(app, [*args, "--db", built], env={"COLUMNS": "100"})
        assert result.exit_code == 0, result.output
        assert max(len(line) for line in result.stdout.splitlines()) <= 100, (args, result.stdout)
    wide = runner.invoke(app, ["actors", "--db", built], env={"COLUMNS": "200"}).stdout
    narrow = runner.invoke(app, ["actors", "--db", built], env={"COLUMNS": "80"}).stdout
    assert "mentions" in wide and "hidden" not in wide
    assert "Arif Wicaksana" in narrow and "events" in narrow and "mentions hidden at this width" in narrow


def test_events_filters_and_formats(built, tmp_path):
    result = runner.invoke(app, ["events", "--db", built, "--actor", "MYS", "--root", "11", "--format", "json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert [r["code"] for r in rows] == ["112"]
    result = runner.invoke(app, ["events", "--db", built, "--format", "gdelt"])
    lines = result.stdout.strip().splitlines()
    assert result.exit_code == 0 and len(lines) == 2 and all(len(x.split("\t")) == 61 for x in lines)
    out = tmp_path / "ev"
    result = runner.invoke(app, ["events", "--db", built, "--format", "parquet", "--output", str(out)])
    assert result.exit_code == 0, result.output
    assert (out / "date=2023-03-14").is_dir()


def test_db_from_environment(built):
    result = runner.invoke(app, ["events", "--format", "jsonl"], env={"KABAR_DB": built})
    assert result.exit_code == 0, result.output
    assert len(result.stdout.strip().splitlines()) == 2


def test_dyad_by_week_as_csv(built):
    result = runner.invoke(app, ["dyad", "IDN", "MYS", "--by", "week", "--db", built, "--format", "csv"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.strip().splitlines()
    assert lines[0].startswith("period,events,a_to_b,b_to_a")
    assert lines[1].startswith("2023-03-06,1,1,0") and lines[2].startswith("2023-03-13,1,0,1")
    table = runner.invoke(app, ["dyad", "IDN", "MYS", "--db", built], env={"COLUMNS": "200"})
    assert table.exit_code == 0 and "IDN→MYS" in table.stdout


def test_actors_quotes_evidence(built):
    result = runner.invoke(app, ["actors", "--db", built, "--format", "jsonl"])
    first = json.loads(result.stdout.splitlines()[0])
    assert result.exit_code == 0 and first["events"] == 2
    result = runner.invoke(app, ["quotes", "--speaker", "arif", "--db", built, "--format", "json"])
    assert result.exit_code == 0 and len(json.loads(result.stdout)) == 3
    event_id = json.loads(runner.invoke(app, ["events", "--db", built, "--format", "jsonl"]).stdout.splitlines()[1])
    result = runner.invoke(app, ["evidence", str(event_id["event_id"]), "--db", built, "--format", "json"])
    assert result.exit_code == 0 and {r["article_id"] for r in json.loads(result.stdout)} == {"a1", "a2"}


def test_sql_reads_and_refuses_writes(built):
    result = runner.invoke(app, ["sql", "SELECT count(*) AS n FROM articles", "--db", built, "--format", "json"])
    assert result.exit_code == 0 and json.loads(result.stdout) == [{"n": 3}]
    result = runner.invoke(app, ["sql", "DELETE FROM articles", "--db", built])
    assert result.exit_code == 2 and "only reads" in result.output
    assert counts(built)["articles"] == 3


def test_export_command(built, tmp_path):
    out = tmp_path / "pq"
    result = runner.invoke(app, ["export", "--db", built, "--output", str(out)])
    assert result.exit_code == 0, result.output
    assert (out / "articles" / "date=2023-03-06").is_dir()
    again = runner.invoke(app, ["export", "--db", built, "--output", str(out)])
    assert again.exit_code == 2 and "--force" in again.output
    tsv = tmp_path / "e.tsv"
    result = runner.invoke(app, ["export", "--db", built, "--format", "gdelt", "--output", str(tsv), "--country", "MYS"])
    assert result.exit_code == 0 and len(tsv.read_text().splitlines()) == 2


def test_missing_database_is_explained(tmp_path):
    result = runner.invoke(app, ["events", "--db", str(tmp_path / "none.duckdb")])
    assert result.exit_code == 2 and "kabar ingest" in result.output


# -- ingest ------------------------------------------------------------------------------


def test_ingest_stores_lists_failures_and_twice_changes_nothing(tmp_path):
    need_pipeline()
    db = str(tmp_path / "k.duckdb")
    result = runner.invoke(app, ["ingest", str(INPUTS), "--db", db])
    assert result.exit_code == 0, result.output
    c = counts(db)
    assert c["articles"] == 5
    # The empty file, the empty JSON record and the line that is not JSON are failures, listed and kept.
    assert c["failures"] == 3 and "3 input(s) failed" in result.output
    with Store(db, read_only=True) as store:
        (copy,) = store.con.execute(
            """SELECT c.id, o.id FROM duplicates d
               JOIN articles c ON c.key = d.article_key JOIN articles o ON o.key = d.duplicate_of"""
        ).fetchall()
    assert copy == ("menlu-malaysia-salinan", "menlu-malaysia")
    before = snapshot(db)
    again = runner.invoke(app, ["ingest", str(INPUTS), "--db", db])
    assert again.exit_code == 0, again.output
    assert "0 new" in again.output and "5 unchanged" in again.output
    assert snapshot(db) == before


def _kabar() -> list[str]:
    script = Path(sys.executable).parent / "kabar"
    return [str(script)] if script.exists() else [sys.executable, "-c", "from kabar.cli import main; main()"]


def test_killed_ingest_resumes_to_exactly_the_rows_of_an_uninterrupted_run(tmp_path):
    """A real `kabar ingest` process is SIGKILLed part-way; running it again ends where one run would."""
    need_pipeline()
    from kabar.ingest import ingest

    corpus = synth.write_corpus(tmp_path / "corpus.jsonl", 200, seed=11)
    full, part = str(tmp_path / "full.duckdb"), str(tmp_path / "part.duckdb")
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    args = ["ingest", str(corpus), "--batch", "20", "--no-progress"]

    # The uninterrupted run, in this process and in other batch sizes: the rows must not depend on them.
    report = ingest([str(corpus)], full, batch_size=64)
    assert report.new == 200 and report.failed == 0

    proc = subprocess.Popen(
        _kabar() + args + ["--db", part, "--log-batches"], stderr=subprocess.PIPE, text=True, env=env
    )
    committed = 0
    deadline = time.monotonic() + 90
    assert proc.stderr is not None
    while time.monotonic() < deadline:
        line = proc.stderr.readline()
        if not line:
            break
        if line.startswith("batch "):
            committed += 1
            if committed == 3:
                time.sleep(0.005)  # somewhere inside the next batch: extracting or writing
                proc.send_signal(signal.SIGKILL)
                break
    proc.wait(timeout=30)
    assert committed == 3 and proc.returncode == -signal.SIGKILL, "the ingest finished before it could be killed"

    # What the killed run left is consistent: whole batches, events agreeing with their mentions.
    partial = counts(part)
    assert 60 <= partial["articles"] < 200
    with Store(part, read_only=True) as store:
        orphans = store.con.execute(
            "SELECT count(*) FROM entities WHERE article_key NOT IN (SELECT key FROM articles)"
        ).fetchall()[0][0]
        stale = store.con.execute(
            """SELECT count(*) FROM events e
               WHERE num_articles <> (SELECT count(DISTINCT article_key) FROM event_mentions m
                                      WHERE m.event_id = e.event_id)"""
        ).fetchall()[0][0]
    assert orphans == 0 and stale == 0

    # Resume (the same library call `kabar ingest` makes): only what is missing is extracted.
    resumed = ingest([str(corpus)], part, batch_size=20)
    assert resumed.unchanged == partial["articles"] and resumed.new == 200 - partial["articles"]
    assert snapshot(part) == snapshot(full)
    assert counts(part)["articles"] == 200
