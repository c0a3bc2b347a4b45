"""GDELT 2.0 events and Mentions, and PLOVER records, on the store the README's main job builds
(`kabar ingest examples/ --db examples.duckdb`): every GDELT column read back with the type of
GDELT's own column tables (../shared/data/gdelt/), every PLOVER record checked field by field."""

from __future__ import annotations

import csv
import datetime as dt
import json
import re
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from kabar import plover
from kabar.cli import app
from kabar.export import GDELT_EVENT_COLUMNS, GDELT_MENTION_COLUMNS, PLOVER_FIELDS
from kabar.export.plover import ACTOR_FIELDS, CITE_INFO_FIELDS, TEXT_INFO_FIELDS

# Paths of their own: a conftest.py in another test folder shadows the top one on sys.path.
REPO = Path(__file__).resolve().parents[2]
SHARED = REPO.parent / "shared"
GDELT = SHARED / "data" / "gdelt"
EVENTS_TABLE = GDELT / "GDELT_2.0_Events_Column_Labels_Header_Row_Sep2016.csv"
MENTIONS_TABLE = GDELT / "GDELT_2.0_eventMentions_Column_Labels_Header_Row_Sep2016.tsv"
DUCK_TYPES = {"INTEGER": "BIGINT", "FLOAT": "DOUBLE", "STRING": "VARCHAR"}
PATTERNS = {"INTEGER": re.compile(r"-?\d+"), "FLOAT": re.compile(r"-?\d+(\.\d+)?")}
runner = CliRunner()


@pytest.fixture(scope="module")
def main_job(tmp_path_factory) -> Path:
    """The README's main job: the shipped examples ingested into a new database."""
    db = tmp_path_factory.mktemp("main") / "examples.duckdb"
    result = runner.invoke(app, ["ingest", str(REPO / "examples"), "--db", str(db)])
    assert result.exit_code == 0, result.output
    return db


def export(db: Path, fmt: str, out: Path) -> Path:
    result = runner.invoke(app, ["export", "--db", str(db), "--format", fmt, "--output", str(out)])
    assert result.exit_code == 0, result.output
    return out


def gdelt_types(table: Path) -> dict[str, str]:
    """Column name -> GDELT type (INTEGER, FLOAT, STRING), from GDELT's own column table."""
    if table.suffix == ".csv":
        with table.open(encoding="utf-8") as fh:
            return {row["tableId"]: row["dataType"] for row in csv.DictReader(fh)}
    rows = [line.split("\t") for line in table.read_text(encoding="utf-8").splitlines()[1:]]
    return {r[1]: r[2] for r in rows if len(r) > 2 and r[2]}


def read_typed(path: Path, types: dict[str, str]) -> list[dict]:
    """The file read by DuckDB with GDELT's column types: any value of the wrong type fails."""
    columns = ", ".join(f"'{name}': '{DUCK_TYPES[t]}'" for name, t in types.items())
    con = duckdb.connect()
    rel = con.sql(
        f"SELECT * FROM read_csv('{path}', delim='\t', header=false, quote='', escape='', "
        f"nullstr='', columns={{{columns}}})"
    )
    names = rel.columns
    return [dict(zip(names, row)) for row in rel.fetchall()]


def check_every_column(path: Path, types: dict[str, str], order: tuple[str, ...]) -> list[dict[str, str]]:
    assert list(order) == list(types), "kabar's columns are GDELT's, in GDELT's order"
    lines = [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines()]
    assert lines and all(len(line) == len(order) for line in lines)
    for line in lines:
        for name, value in zip(order, line):
            pattern = PATTERNS.get(types[name])
            assert pattern is None or value == "" or pattern.fullmatch(value), (name, value)
    assert len(read_typed(path, types)) == len(lines)
    return [dict(zip(order, line)) for line in lines]


def need_gdelt_tables() -> None:
    if not (EVENTS_TABLE.exists() and MENTIONS_TABLE.exists()):
        pytest.skip("../shared/data/gdelt is not here")


def test_gdelt_events_read_back_with_gdelt_types(main_job, tmp_path):
    need_gdelt_tables()
    rows = check_every_column(export(main_job, "gdelt", tmp_path / "e.tsv"), gdelt_types(EVENTS_TABLE),
                              GDELT_EVENT_COLUMNS)  # fmt: skip
    with duckdb.connect(str(main_job), read_only=True) as con:
        urls = dict(con.execute("SELECT key, coalesce(url, key) FROM articles").fetchall())
    for row in rows:
        dt.datetime.strptime(row["SQLDATE"], "%Y%m%d")
        assert len(row["DATEADDED"]) == 14 and row["AvgTone"] == ""  # no shippable tone lexicon
        assert row["SOURCEURL"] in urls.values()  # the URL, or the article's key without one
    jakarta = [r for r in rows if r["ActionGeo_FullName"] == "Jakarta, Indonesia"]
    assert jakarta and {(r["ActionGeo_ADM1Code"], r["ActionGeo_FeatureID"]) for r in jakarta} == {
        ("ID04", "1642911")  # GeoNames id of Jakarta; FIPS ID04 = Jakarta Raya
    }
    assert any(r["SOURCEURL"].startswith("https://contoh.example/") for r in rows)


def test_gdelt_mentions_read_back_with_gdelt_types_and_point_at_the_actors(main_job, tmp_path):
    need_gdelt_tables()
    rows = check_every_column(export(main_job, "gdelt-mentions", tmp_path / "m.tsv"),
                              gdelt_types(MENTIONS_TABLE), GDELT_MENTION_COLUMNS)  # fmt: skip
    with duckdb.connect(str(main_job), read_only=True) as con:
        con.execute("SET TimeZone = 'UTC'")
        articles = {
            r[0]: r[1:]
            for r in con.execute(
                "SELECT coalesce(url, key), body, strftime(published_at, '%Y%m%d%H%M%S'), outlet, url "
                "FROM articles"
            ).fetchall()
        }
        told = con.execute(
            "SELECT CAST(m.event_id AS VARCHAR), coalesce(a.url, a.key), m.source_name, m.target_name, "
            "m.source_entity, m.target_entity, m.article_key, m.action_start, m.char_start, m.char_end "
            "FROM event_mentions m JOIN articles a ON a.key = m.article_key"
        ).fetchall()
        mention_texts = {
            (r[0], r[1]): {t.lower() for t in r[2]}
            for r in con.execute(
                "SELECT article_key, entity_id, list(text) FROM mentions WHERE part = 'body' GROUP BY ALL"
            ).fetchall()
        }
    actors = {(r[0], r[1]): r for r in told}
    placed = triggers = 0
    for row in rows:
        body, published, outlet, url = articles[row["MentionIdentifier"]]
        assert row["MentionTimeDate"] == published  # publication time, not ingest time
        assert row["MentionSourceName"] == (outlet or "") and row["MentionType"] == ("1" if url else "2")
        told_by = actors[(row["GLOBALEVENTID"], row["MentionIdentifier"])]
        _, _, src_name, tgt_name, src_entity, tgt_entity, key, action, start, end = told_by
        for column, name, entity in (("Actor1CharOffset", src_name, src_entity),
                                     ("Actor2CharOffset", tgt_name, tgt_entity)):  # fmt: skip
            offset = int(row[column])
            if name is None:
                assert offset == -1
                continue
            assert offset >= 0, (column, name)  # every actor here is named in its article
            written = {name.lower()} | mention_texts.get((key, entity), set())
            at = body[offset:].lower()
            assert any(at.startswith(w) for w in written), (column, at[:30])
            placed += 1
        assert int(row["SentenceID"]) >= 1
        if action is not None:  # the trigger word, inside the sentence that tells the event
            assert row["ActionCharOffset"] == str(action) and start <= action < end
            triggers += 1
    assert placed > 0 and triggers > 0


def test_plover_records_have_plover_fields(main_job, tmp_path):
    out = export(main_job, "plover", tmp_path / "p.jsonl")
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    with duckdb.connect(str(main_job), read_only=True) as con:
        bodies = dict(con.execute("SELECT key, body FROM articles").fetchall())
        n_events, n_dropped = con.execute(
            "SELECT count(*), count(*) FILTER (WHERE root IN ('01', '02')) FROM events"
        ).fetchall()[0]
    assert len(records) == n_events - n_dropped > 0  # PLOVER drops CAMEO 01 and 02
    events = {kind.event for kind in plover.mapping().values()}
    for record in records:
        assert {k for k, required in PLOVER_FIELDS.items() if required} <= set(record)
        assert set(record) <= set(PLOVER_FIELDS) | {"kabar"}
        dt.date.fromisoformat(record["date"])
        assert record["event"] in events and record["quad_code"] in (1, 2, 3, 4)
        assert plover.plover_of(record["kabar"]["cameo"]) == plover.PloverType(
            record["event"], record["mode"], tuple(record["context"])
        )
        assert record["source"], record["id"]
        assert len(record["event_text"]) == 1 and record["event_text"][0] in record["text"]
        for actor in record["source"] + record["recipient"]:
            assert set(actor) <= set(ACTOR_FIELDS) | {"cameo", "known_group"}
            assert actor["code"] and actor["actor_text"]
        assert set(record["text_info"]) <= set(TEXT_INFO_FIELDS)
        assert set(record["cite_info"]) <= set(CITE_INFO_FIELDS)
        info, body = record["text_info"], bodies[record["cite_info"]["citation"]]
        if record["kabar"]["part"] == "body":
            assert body[info["start"] : info["end"]] == record["text"]
    meeting = next(r for r in records if r["event"] == "CONSULT" and not r["recipient"])
    assert len(meeting["source"]) == 2  # reciprocal: both sides are the source, as PLOVER codes it
