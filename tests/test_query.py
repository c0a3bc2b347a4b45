"""Query functions over a small hand-built store: events filters, dyads, actors, quotes, read-only SQL."""

from __future__ import annotations

import os
import sys
import time

import pytest
from conftest import DATA

from kabar import query as q
from kabar.errors import QueryError
from kabar.store import Store

sys.path.insert(0, str(DATA / "store"))
import synth  # noqa: E402

IDN = synth.actor("e1", "Arif Wicaksana", "IDNGOV", "IDN")
MYS = synth.actor("e2", "Ahmad Rahimi", "MYSGOV", "MYS")
IRN = synth.actor(None, "Iran", "IRN", "IRN")
RUS = synth.actor(None, "Rusia", "RUS", "RUS")
DRILL = "Kedua negara menggelar latihan gabungan di Laut Natuna pekan ini."


def _ev(sentence, **kw):
    return lambda body: synth.make_event(body, sentence, **kw)


@pytest.fixture(scope="module")
def con(tmp_path_factory):
    db = str(tmp_path_factory.mktemp("q") / "q.duckdb")
    f = synth.FILLER
    with Store(db) as store:
        store.add_articles(
            [
                synth.make_article("a1", url="https://satu.example/1"),
                synth.make_article("a2", url="https://dua.example/2", published="2023-03-06T12:00:00+07:00"),
                synth.make_article(
                    "a3", published="2023-03-08T09:00:00+07:00", with_default_event=False,
                    events=[_ev(f[2], code="112", quad=3, goldstein=-2.0, source=MYS, target=IDN,
                                date="2023-03-08")],
                ),
                synth.make_article(
                    "a4", published="2023-03-20T09:00:00+07:00", with_default_event=False,
                    events=[_ev(f[3], code="190", quad=4, goldstein=-10.0, source=IDN, target=MYS,
                                date="2023-03-20", mode="intended", factual=False)],
                ),
                synth.make_article(
                    "a5", published="2023-04-02T09:00:00+07:00", with_default_event=False,
                    events=[_ev(f[4], code="040", quad=1, goldstein=1.0, source=IRN, target=RUS,
                                date="2023-04-02", place=("Moskwa", "RUS", 55.75, 37.62))],
                ),
                synth.make_article(
                    "a6", published="2023-04-03T09:00:00+07:00", with_default_event=False, filler=[DRILL],
                    events=[_ev(DRILL, code="061", quad=2, goldstein=6.4, source=IDN, target=MYS,
                                date="2023-04-03")],
                ),
            ]
        )  # fmt: skip
    connection = q.connect(db)
    yield connection
    connection.close()


def ids(table) -> list[str]:
    return sorted(table.column("first_article_id").to_pylist())


def test_events_are_one_row_per_event_newest_first(con):
    t = q.events(con)
    assert t.num_rows == 5
    dates = [str(d) for d in t.column("date").to_pylist()]
    assert dates == sorted(dates, reverse=True)
    merged = [r for r in t.to_pylist() if r["code"] == "042"]
    assert merged[0]["num_articles"] == 2 and merged[0]["num_sources"] == 2


@pytest.mark.parametrize(
    "filters, expected",
    [
        ({"actor": "IDN"}, ["a1", "a3", "a4", "a6"]),
        ({"actor": "IDNGOV"}, ["a1", "a3", "a4", "a6"]),
        ({"actor": "rahimi"}, ["a1", "a3", "a4", "a6"]),
        ({"actor": "IRN", "other": "RUS"}, ["a5"]),
        ({"country": "rus"}, ["a5"]),
        ({"code": "11"}, ["a3"]),
        ({"code": "0421"}, []),
        ({"root": "19"}, ["a4"]),
        ({"start": "2023-03-07", "end": "2023-03-31"}, ["a3", "a4"]),
        ({"factual": True, "actor": "IDN"}, ["a1", "a3", "a6"]),
        ({"text": "LATIHAN gabungan"}, ["a6"]),
        ({"location": "moskwa"}, ["a5"]),
        ({"text": "100%"}, []),
    ],
)
def test_event_filters(con, filters, expected):
    assert ids(q.events(con, **filters)) == expected


def test_bad_filters_are_explained(con):
    with pytest.raises(QueryError, match="root"):
        q.events(con, root="4x")
    with pytest.raises(QueryError, match="date"):
        q.events(con, start="6 Maret")
    with pytest.raises(QueryError):
        q.dyad(con, "IDN", "MYS", by="fortnight")


def test_dyad_by_day_week_and_month(con):
    day = q.dyad(con, "IDN", "MYS", by="day").to_pylist()
    assert [(str(r["period"]), r["events"]) for r in day] == [
        ("2023-03-06", 1), ("2023-03-08", 1), ("2023-03-20", 1), ("2023-04-03", 1),
    ]  # fmt: skip
    assert day[0]["articles"] == 2
    week = q.dyad(con, "IDN", "MYS", by="week").to_pylist()
    assert (str(week[0]["period"]), week[0]["events"]) == ("2023-03-06", 2)
    month = q.dyad(con, "IDN", "MYS", by="month").to_pylist()
    march, april = month
    assert str(march["period"]) == "2023-03-01"
    assert (march["events"], march["a_to_b"], march["b_to_a"]) == (3, 2, 1)
    assert march["goldstein_sum"] == pytest.approx(1.9 - 2.0 - 10.0)
    quads = ("verbal_coop", "material_coop", "verbal_conflict", "material_conflict")
    assert tuple(march[q] for q in quads) == (1, 0, 1, 1)
    assert (april["events"], april["material_coop"]) == (1, 1)


def test_dyad_directed_factual_and_by_name(con):
    directed = q.dyad(con, "MYS", "IDN", by="month", directed=True).to_pylist()
    assert [(r["events"], r["a_to_b"], r["b_to_a"]) for r in directed] == [(1, 1, 0)]
    factual = q.dyad(con, "IDN", "MYS", by="month", factual=True).to_pylist()
    assert [r["events"] for r in factual] == [2, 1]
    by_name = q.dyad(con, "Arif", "Rahimi", by="month").to_pylist()
    assert [r["events"] for r in by_name] == [3, 1]
    assert q.dyad(con, "IRN", "MYS").num_rows == 0


def test_actors_ranked_by_events(con):
    top = q.actors(con).to_pylist()
    assert {top[0]["actor"], top[1]["actor"]} == {"Arif Wicaksana", "Ahmad Rahimi"}
    arif = next(r for r in top if r["actor"] == "Arif Wicaksana")
    assert (arif["events"], arif["as_source"], arif["as_target"], arif["articles"]) == (4, 3, 1, 6)
    by_country = {r["actor"]: r["events"] for r in q.actors(con, by="country").to_pylist()}
    assert by_country["IDN"] == 4 and by_country["MYS"] == 4
    assert [r["actor"] for r in q.actors(con, type="gpe").to_pylist()] == ["Jakarta", "Malaysia"]


def test_quotes_by_speaker(con):
    t = q.quotes(con, speaker="arif")
    assert t.num_rows == 6 and set(t.column("speaker").to_pylist()) == {"Arif Wicaksana"}
    assert q.quotes(con, speaker="Rahimi").num_rows == 0
    assert q.quotes(con, text="patroli", limit=2).num_rows == 2


def test_evidence_lists_every_article_telling_an_event(con):
    merged = next(r for r in q.events(con).to_pylist() if r["code"] == "042")
    ev = q.evidence(con, merged["event_id"]).to_pylist()
    assert [r["article_id"] for r in ev] == ["a1", "a2"]
    assert all(r["evidence"] == synth.LEAD for r in ev)


def test_sql_reads(con):
    t = q.sql(con, "SELECT count(*) AS n FROM events")
    assert t.to_pylist() == [{"n": 5}]
    assert q.sql(con, "WITH x AS (SELECT 1 AS y) SELECT * FROM x").num_rows == 1
    assert q.sql(con, "DESCRIBE articles").num_rows > 10


@pytest.mark.parametrize(
    "statement",
    [
        "DELETE FROM events",
        "DROP TABLE articles",
        "INSERT INTO failures VALUES ('x', 'y', now())",
        "UPDATE articles SET title = 'x'",
        "SELECT 1; DELETE FROM events",
        "COPY events TO '/tmp/kabar-should-not-exist.csv'",
        "EXPLAIN ANALYZE DELETE FROM events",
        "ATTACH '/tmp/kabar-other.duckdb' AS other",
        "CREATE TABLE x AS SELECT 1",
        "SET threads = 1",
        "INSTALL httpfs",
    ],
)
def test_sql_refuses_anything_that_writes(con, statement):
    with pytest.raises(QueryError):
        q.sql(con, statement)
    assert q.sql(con, "SELECT count(*) AS n FROM events").to_pylist() == [{"n": 5}]


def test_connection_is_read_only_even_without_the_check(con):
    import duckdb

    with pytest.raises(duckdb.Error):
        con.execute("DELETE FROM events")


@pytest.fixture(scope="module")
def mutual(tmp_path_factory):
    """Indonesia and Malaysia: two meetings (symmetric, each side named first once), one
    protest note from Malaysia, and one visit by Indonesia."""
    db = str(tmp_path_factory.mktemp("m") / "m.duckdb")
    lead = synth.LEAD

    def art(i, day, source, target, code="040", symmetric=True, quad=1, goldstein=1.0):
        ev = _ev(lead, code=code, quad=quad, goldstein=goldstein, source=source, target=target,
                 date=f"2023-05-{day:02d}", symmetric=symmetric)  # fmt: skip
        return synth.make_article(f"m{i}", published=f"2023-05-{day:02d}T09:00:00+07:00", events=[ev],
                                  with_default_event=False)  # fmt: skip

    with Store(db) as store:
        store.add_articles(
            [
                art(1, 2, IDN, MYS),
                art(2, 9, MYS, IDN),
                art(3, 16, MYS, IDN, code="112", symmetric=False, quad=3, goldstein=-2.0),
                art(4, 23, IDN, MYS, code="042", symmetric=False, goldstein=1.9),
            ]
        )
    connection = q.connect(db)
    yield connection
    connection.close()


def test_dyad_counts_a_symmetric_event_for_the_pair_whichever_side_is_named_first(mutual):
    def totals(a, b, **kw):
        rows = q.dyad(mutual, a, b, by="year", **kw).to_pylist()
        return [(r["events"], r["a_to_b"], r["b_to_a"], r["mutual"]) for r in rows]

    # Both meetings are mutual, in either order of the pair; one-way events keep their direction.
    assert totals("IDN", "MYS") == [(4, 1, 1, 2)]
    assert totals("MYS", "IDN") == [(4, 1, 1, 2)]
    assert totals("Rahimi", "Arif") == [(4, 1, 1, 2)]
    # Directed: the one-way events from A to B, and every mutual one.
    assert totals("IDN", "MYS", directed=True) == [(3, 1, 0, 2)]
    assert totals("MYS", "IDN", directed=True) == [(3, 1, 0, 2)]
    week = q.dyad(mutual, "MYS", "IDN", by="week").to_pylist()
    assert [(str(r["period"]), r["mutual"]) for r in week] == [
        ("2023-05-01", 1), ("2023-05-08", 1), ("2023-05-15", 0), ("2023-05-22", 0),
    ]  # fmt: skip


def test_events_show_whether_they_are_symmetric(mutual):
    rows = q.events(mutual, code="040").to_pylist()
    assert [(r["source_country"], r["target_country"], r["is_symmetric"]) for r in rows] == [
        ("MYS", "IDN", True), ("IDN", "MYS", True),
    ]  # fmt: skip
    assert [r["is_symmetric"] for r in q.events(mutual, code="11").to_pylist()] == [False]


# --------------------------------------------------------------------------------------
# `kabar sql` reads the store and nothing else


@pytest.fixture(scope="module")
def store_db(tmp_path_factory):
    db = str(tmp_path_factory.mktemp("ro") / "ro.duckdb")
    with Store(db) as store:
        store.add_articles([synth.make_article("a1", url="https://satu.example/1")])
    return db


@pytest.fixture(scope="module")
def other_db(tmp_path_factory):
    import duckdb

    path = tmp_path_factory.mktemp("other") / "other.duckdb"
    with duckdb.connect(str(path)) as other:
        other.execute("CREATE TABLE secret AS SELECT 'hunter2' AS password")
    return str(path)


@pytest.mark.parametrize(
    "statement",
    [
        "SELECT * FROM read_text('/etc/passwd')",
        "SELECT * FROM read_text('/etc/shadow')",
        "SELECT * FROM read_text('/proc/self/environ')",
        "SELECT * FROM read_blob('/etc/hostname')",
        "SELECT * FROM glob('/root/**')",
        "SELECT * FROM glob('/etc/*')",
        "SELECT * FROM read_csv('/etc/passwd')",
        "SELECT * FROM '/etc/passwd'",
        "SELECT * FROM read_duckdb('{other}', table_name = 'secret')",
        "SELECT * FROM '{other}'",
        "ATTACH '{other}' AS other",
        "SELECT * FROM 'https://example.invalid/data.parquet'",
        "SELECT * FROM read_parquet('s3://bucket/x.parquet')",
        "INSTALL httpfs",
        "LOAD httpfs",
        "SET enable_external_access = true",
        "RESET lock_configuration",
        "PRAGMA enable_profiling",
        "COPY (SELECT 1) TO '/tmp/kabar-sql-escape.csv'",
        "EXPORT DATABASE '/tmp/kabar-sql-escape'",
        "SELECT 1; COPY articles TO '/tmp/kabar-sql-escape.csv'",
        "WITH gone AS (DELETE FROM articles RETURNING *) SELECT count(*) FROM gone",
        "UPDATE EXTENSIONS",
        "CREATE SECRET (TYPE s3, KEY_ID 'x', SECRET 'y')",
        "USE memory",
    ],
)
def test_sql_cannot_reach_the_host(store_db, other_db, statement):
    with pytest.raises(QueryError) as caught:
        q.run_readonly_sql(store_db, statement.format(other=other_db))
    assert "hunter2" not in str(caught.value) and "root:" not in str(caught.value)
    assert not os.path.exists("/tmp/kabar-sql-escape.csv")


def test_readonly_connection_is_locked_down(store_db):
    import duckdb

    con = q.readonly_connection(store_db)
    try:
        settings = dict(
            con.execute(
                "SELECT name, value FROM duckdb_settings() WHERE name IN ('enable_external_access', "
                "'autoinstall_known_extensions', 'autoload_known_extensions', 'lock_configuration')"
            ).fetchall()
        )
        assert settings == {
            "enable_external_access": "false", "autoinstall_known_extensions": "false",
            "autoload_known_extensions": "false", "lock_configuration": "true",
        }  # fmt: skip
        readonly = "SELECT readonly FROM duckdb_databases() WHERE database_name = 'store'"
        assert con.execute(readonly).fetchall() == [(True,)]
        with pytest.raises(duckdb.Error, match="locked"):
            con.execute("SET enable_external_access = true")
        with pytest.raises(duckdb.Error):
            con.execute("DELETE FROM articles")
    finally:
        con.close()


def test_sql_has_a_time_limit(store_db):
    started = time.monotonic()
    with pytest.raises(QueryError, match="time limit"):
        q.run_readonly_sql(store_db, "SELECT count(*) FROM range(1e9::INT) a, range(1e9::INT) b", timeout_s=1)
    assert time.monotonic() - started < 10
    assert q.run_readonly_sql(store_db, "SELECT 1 AS one", timeout_s=1).to_pylist() == [{"one": 1}]


def test_sql_has_a_row_limit(store_db):
    with pytest.raises(QueryError, match="more than 10,000 rows"):
        q.run_readonly_sql(store_db, "SELECT * FROM range(1000000)")
    assert q.run_readonly_sql(store_db, "SELECT * FROM range(10000)").num_rows == 10_000
    assert q.run_readonly_sql(store_db, "SELECT * FROM range(200000)", max_rows=None).num_rows == 200_000


def test_locking_sql_leaves_other_connections_to_the_store_alone(store_db, tmp_path):
    con = q.connect(store_db)
    try:
        q.sql(con, "SELECT count(*) FROM articles")
        con.execute("SET TimeZone = 'UTC'")  # what an export does on its connection
        con.execute(f"COPY (SELECT 1) TO '{tmp_path / 'x.csv'}'")
    finally:
        con.close()
    assert (tmp_path / "x.csv").exists()


def test_several_statements_return_the_last_result(store_db):
    assert q.run_readonly_sql(store_db, "SELECT 1 AS a; SELECT 2 AS b;").to_pylist() == [{"b": 2}]
    commented = "-- a comment first\nSELECT count(*) AS n FROM articles"
    assert q.run_readonly_sql(store_db, commented).to_pylist() == [{"n": 1}]


def test_goldstein_sums_and_means_round_alike_whatever_the_row_order():
    # 0.1 + 0.2 + 0.6 as floats depends on the order; a mean of 0.225 rounded 0.22 on one
    # store and 0.23 on the same events read from Parquet
    import itertools

    import duckdb

    from kabar.query import GOLDSTEIN_MEAN, GOLDSTEIN_SUM

    con = duckdb.connect()
    seen = set()
    for order in itertools.permutations([0.1, 0.2, 0.6, 0.0]):
        rows = ", ".join(f"({v})" for v in order)
        seen.add(
            con.execute(
                f"SELECT {GOLDSTEIN_SUM}, {GOLDSTEIN_MEAN} FROM (VALUES {rows}) t(goldstein)"
            ).fetchone()
        )
    assert seen == {(0.9, 0.23)}
