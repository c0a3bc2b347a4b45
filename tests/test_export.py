"""Exports: GDELT 2.0 event and mention TSV, Parquet partitioned by date, JSON Lines, CSV."""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

import duckdb
import pytest

from kabar import export, query
from kabar.errors import OutputError, QueryError
from kabar.store import Store

# Paths of their own: a conftest.py in a test sub-folder can shadow the top one on sys.path.
DATA = Path(__file__).parent / "data"
SHARED = Path(__file__).resolve().parents[1].parent / "shared"
sys.path.insert(0, str(DATA / "store"))
import synth  # noqa: E402

GDELT_HEADER = SHARED / "data" / "gdelt" / "GDELT_2.0_Events_Column_Labels_Header_Row_Sep2016.csv"
MENTIONS_HEADER = SHARED / "data" / "gdelt" / "GDELT_2.0_eventMentions_Column_Labels_Header_Row_Sep2016.tsv"


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = str(tmp_path_factory.mktemp("x") / "x.duckdb")
    iran = synth.actor(None, "Mohammad\tBagheri", "IRNMIL", "IRN")
    russia = synth.actor(None, "Rusia", "RUS", "RUS")
    un = synth.actor(None, "PBB", "IGOUNO", None)
    with Store(path) as store:
        store.add_articles(
            [
                synth.make_article("a1", url="https://satu.example/1"),
                synth.make_article("a2", url="https://dua.example/2", published="2023-03-06T12:00:00+07:00"),
                synth.make_article(
                    "a3", published="2021-10-18T09:00:00+07:00", with_default_event=False,
                    events=[
                        lambda b: synth.make_event(b, synth.FILLER[0], code="0421", source=iran,
                                                   target=russia, date="2021-10-17",
                                                   place=("Moskwa", "RUS", 55.75, 37.62)),
                        lambda b: synth.make_event(b, synth.FILLER[5], code="112", quad=3, goldstein=-2.0,
                                                   source=un, target=None, date="2021-10-17", place=None),
                    ],
                ),
            ]
        )  # fmt: skip
    return path


@pytest.fixture
def con(db):
    c = query.connect(db)
    yield c
    c.close()


def gdelt_rows(path) -> list[list[str]]:
    return [line.rstrip("\n").split("\t") for line in path.read_text(encoding="utf-8").splitlines()]


def test_gdelt_export_has_61_columns_in_gdelt_order(con, tmp_path):
    out = tmp_path / "events.tsv"
    n = export.export_gdelt(con, out)
    lines = gdelt_rows(out)
    assert n == 3 and len(lines) == 3
    assert all(len(line) == 61 for line in lines)
    if GDELT_HEADER.exists():  # the column list is GDELT's own
        with GDELT_HEADER.open(encoding="utf-8") as fh:
            names = [row["tableId"] for row in csv.DictReader(fh)]
        assert list(export.GDELT_EVENT_COLUMNS) == names
    row = dict(zip(export.GDELT_EVENT_COLUMNS, lines[0]))  # oldest first: the Moscow visit
    assert row["SQLDATE"] == "20211017" and row["MonthYear"] == "202110" and row["Year"] == "2021"
    assert row["FractionDate"] == "2021.8685"
    assert (row["Actor1Code"], row["Actor1CountryCode"], row["Actor1Type1Code"]) == ("IRNMIL", "IRN", "MIL")
    assert row["Actor1Name"] == "MOHAMMAD BAGHERI"  # the tab in the name does not break the line
    assert (row["EventCode"], row["EventBaseCode"], row["EventRootCode"]) == ("0421", "042", "04")
    assert (row["QuadClass"], row["GoldsteinScale"]) == ("1", "1.9")
    assert (row["NumMentions"], row["NumSources"], row["NumArticles"]) == ("1", "1", "1")
    # Geography in FIPS 10-4: Russia is RS, not RU.
    assert (row["ActionGeo_Type"], row["ActionGeo_CountryCode"], row["ActionGeo_FullName"]) == (
        "4", "RS", "Moskwa, Russia",
    )  # fmt: skip
    assert (row["Actor2Geo_Type"], row["Actor2Geo_CountryCode"]) == ("1", "RS")
    assert row["ActionGeo_Lat"] == "55.75" and row["SOURCEURL"] == "https://kabarsatu.example.id/a3"
    assert len(row["DATEADDED"]) == 14
    un = dict(zip(export.GDELT_EVENT_COLUMNS, lines[1]))
    assert (un["Actor1Code"], un["Actor1KnownGroupCode"], un["Actor1Type1Code"], un["Actor2Code"]) == (
        "IGOUNO", "UNO", "IGO", "",
    )  # fmt: skip
    merged = dict(zip(export.GDELT_EVENT_COLUMNS, lines[2]))
    assert (merged["NumArticles"], merged["NumSources"], merged["IsRootEvent"]) == ("2", "2", "1")
    assert (merged["Actor1Geo_CountryCode"], merged["Actor2Geo_CountryCode"]) == ("", "")


def test_gdelt_export_with_filters_and_header(con, tmp_path):
    out = tmp_path / "iran.tsv"
    assert export.export_gdelt(con, out, actor="IRN", header=True) == 1
    lines = gdelt_rows(out)
    assert lines[0] == list(export.GDELT_EVENT_COLUMNS) and len(lines) == 2


def test_gdelt_mentions_export(con, tmp_path):
    out = tmp_path / "mentions.tsv"
    assert export.export_gdelt_mentions(con, out) == 4
    lines = gdelt_rows(out)
    assert all(len(line) == 16 for line in lines)
    if MENTIONS_HEADER.exists():
        names = [line.split("\t")[1] for line in MENTIONS_HEADER.read_text().splitlines()[1:17]]
        assert list(export.GDELT_MENTION_COLUMNS) == names
    merged = [dict(zip(export.GDELT_MENTION_COLUMNS, r)) for r in lines[2:]]
    assert {m["MentionIdentifier"] for m in merged} == {"https://satu.example/1", "https://dua.example/2"}
    assert {m["SentenceID"] for m in merged} == {"1"} and {m["ActionCharOffset"] for m in merged} == {"0"}


def test_parquet_export_is_partitioned_by_date(con, tmp_path):
    out = tmp_path / "pq"
    written = export.export_store(con, out, "parquet")
    assert written["articles"] == 3 and written["events"] == 3
    assert (out / "events" / "date=2021-10-17").is_dir() and (out / "events" / "date=2023-03-06").is_dir()
    assert (out / "entities" / "date=2023-03-06").is_dir()
    back = duckdb.connect()
    n = back.execute(
        f"SELECT count(*) FROM read_parquet('{out}/events/**/*.parquet', hive_partitioning=true)"
    )
    assert n.fetchall() == [(3,)]
    dates = back.execute(
        "SELECT DISTINCT CAST(date AS VARCHAR) "
        f"FROM read_parquet('{out}/articles/**/*.parquet', hive_partitioning=true)"
    ).fetchall()
    assert sorted(d[0] for d in dates) == ["2021-10-18", "2023-03-06"]
    with pytest.raises(OutputError, match="--force"):
        export.export_store(con, out, "parquet")
    export.export_store(con, out, "parquet", overwrite=True, start="2023-01-01")
    assert not (out / "events" / "date=2021-10-17").exists()


def test_jsonl_and_csv_exports(con, tmp_path):
    export.export_store(con, tmp_path / "j", "jsonl", tables=["events", "articles"])
    events = [json.loads(x) for x in (tmp_path / "j" / "events.jsonl").read_text().splitlines()]
    assert len(events) == 3 and {"event_id", "num_articles", "evidence"} <= set(events[0])
    assert not (tmp_path / "j" / "quotes.jsonl").exists()
    export.export_store(con, tmp_path / "c", "csv")
    with (tmp_path / "c" / "quotes.csv").open() as fh:
        assert len(list(csv.DictReader(fh))) == 3


def test_query_results_in_every_format(con, tmp_path, capsys):
    table = query.events(con)
    export.write_table(table, "jsonl")
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 3 and json.loads(lines[0])["date"] == "2023-03-06"
    export.write_table(table, "json", tmp_path / "e.json")
    assert len(json.loads((tmp_path / "e.json").read_text())) == 3
    export.write_table(table, "csv", tmp_path / "e.csv")
    with (tmp_path / "e.csv").open() as fh:
        assert len(list(csv.DictReader(fh))) == 3
    where = export.write_table(table, "parquet", tmp_path / "e")
    assert (tmp_path / "e" / "date=2023-03-06").is_dir(), where
    export.write_table(query.dyad(con, "IDN", "MYS"), "parquet", tmp_path / "d.parquet")
    assert duckdb.connect().execute(f"SELECT count(*) FROM '{tmp_path / 'd.parquet'}'").fetchall() == [(1,)]
    with pytest.raises(QueryError):
        export.write_table(table, "parquet", None)


def test_fips_codes():
    assert export.fips_code("IDN") == "ID"
    assert export.fips_code("DEU") == "GM"
    assert export.fips_code("GBR") == "UK"
    assert export.fips_code(None) is None and export.fips_code("XXX") is None


def test_gdelt_writes_a_symmetric_event_once_and_mentions_point_into_the_body(tmp_path):
    """One meeting told by two articles naming the sides in either order: one GDELT event row
    (first-named side as Actor1), two mention rows; a span in the title has no body offset, so the
    mention gives the body span's sentence and offset."""
    idn = synth.actor("e1", "Arif Wicaksana", "IDNGOV", "IDN")
    mys = synth.actor("e2", "Ahmad Rahimi", "MYSGOV", "MYS")
    f = synth.FILLER[1]

    def meet(source, target, sentence, **kw):
        return lambda b: synth.make_event(
            b, sentence, code="040", source=source, target=target, symmetric=True, **kw
        )

    path = str(tmp_path / "s.duckdb")
    with Store(path) as store:
        a1 = synth.make_article("s1", published="2023-03-06T08:00:00+07:00", with_default_event=False,
                                events=[meet(idn, mys, synth.LEAD)])  # fmt: skip
        a2 = synth.make_article("s2", published="2023-03-06T09:00:00+07:00", with_default_event=False,
                                events=[meet(mys, idn, f)])  # fmt: skip
        title = a2.title
        ev = a2.events[0]
        # The second article's evidence is its title; the sentence in the body comes second.
        ev.evidence = type(ev.evidence)(text=title, start=0, end=len(title), where="title")
        ev.mentions = [ev.evidence] + ev.mentions
        store.add_articles([a1, a2])
    con = query.connect(path)
    try:
        out = tmp_path / "e.tsv"
        assert export.export_gdelt(con, out) == 1
        (row,) = [dict(zip(export.GDELT_EVENT_COLUMNS, r)) for r in gdelt_rows(out)]
        assert (row["Actor1Code"], row["Actor2Code"], row["EventCode"]) == ("IDNGOV", "MYSGOV", "040")
        assert (row["NumArticles"], row["NumMentions"]) == ("2", "3")
        ments = tmp_path / "m.tsv"
        assert export.export_gdelt_mentions(con, ments) == 2
        got = [dict(zip(export.GDELT_MENTION_COLUMNS, r)) for r in gdelt_rows(ments)]
        body = synth.make_article("s2").body
        offsets = [(m["SentenceID"], m["ActionCharOffset"]) for m in got]
        assert offsets == [("1", "0"), ("3", str(body.index(f)))]
        # Actor1 is the event's IDN side in both rows, although the second article names Malaysia
        # first; its sentence names neither minister, so each points at the nearest name before it.
        actors = [(m["Actor1CharOffset"], m["Actor2CharOffset"]) for m in got]
        assert actors == [(str(body.index("Arif")), str(body.index("Ahmad")))] * 2
        assert {m["MentionTimeDate"] for m in got} == {"20230306010000", "20230306020000"}
        assert {(m["MentionType"], m["MentionSourceName"]) for m in got} == {("1", "example.id")}
    finally:
        con.close()


def test_plover_records_through_export_store_and_to_stdout(con, tmp_path, capsys):
    out = tmp_path / "events.plover.jsonl"
    assert export.export_store(con, out, "plover") == {"events": 3}
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    visit, un = records[0], records[1]
    assert (visit["event"], visit["mode"], visit["kabar"]["cameo"]) == ("CONSULT", "visit", "0421")
    assert visit["source"][0]["code"] == "IRN" and visit["source"][0]["sector"] == "MIL"
    assert visit["event_loc"]["cc3"] == "RUS" and visit["date"] == "2021-10-17"
    assert un["source"] == [{"code": "IGO", "actor_text": "PBB", "identifier_text": "PBB", "cameo": "IGOUNO",
                             "known_group": "UNO"}]  # fmt: skip
    assert (un["event"], un["recipient"], un["quad_code"]) == ("ACCUSE", [], 3)
    with pytest.raises(OutputError):
        export.export_store(con, out, "plover")  # an existing file needs --force
    assert export.export_plover(con, None, actor="IRN") == 1
    assert json.loads(capsys.readouterr().out)["id"] == visit["id"]
