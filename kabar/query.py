"""Questions an analyst asks of a kabar store, as functions returning Arrow tables.

    >>> from kabar.query import connect, events, dyad
    >>> con = connect("kabar.duckdb")                    # read-only
    >>> dyad(con, "IRN", "RUS", by="month").to_pylist()
    >>> events(con, actor="IRN", root="19", start="2021-10-01", factual=True)

Actors are matched in one of two ways. A value in capitals (`IRN`, `IDNGOV`, `USAMIL`)
is a CAMEO code: it matches an actor whose country is that code or whose actor code
starts with it (`IRN` matches `IRNMIL`). Anything else matches actor names, case
insensitive, as a substring (`Bagheri`, `Joko Widodo`).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
import threading
from collections.abc import Iterator
from typing import Any

import duckdb
import pyarrow as pa

from kabar.errors import QueryError, StoreError
from kabar.store import Store, default_db_path

PERIODS = ("day", "week", "month", "year")
QUAD_CLASSES = {1: "verbal_coop", 2: "material_coop", 3: "verbal_conflict", 4: "material_conflict"}
_CODE = re.compile(r"^[A-Z]{3}(?:[A-Z0-9]{3})*$")
_ROOT = re.compile(r"^\d{2}$")
_CAMEO = re.compile(r"^\d{2,4}$")


# Goldstein scores have one decimal: summed as exact decimals, a sum or mean rounds the same
# whatever order the rows come in (a DuckDB file and a Parquet dataset gave 0.22 and 0.23 for
# one mean of 0.225 when summed as floating point)
_EXACT_GOLDSTEIN = "CAST(goldstein AS DECIMAL(18, 3))"
GOLDSTEIN_SUM = f"CAST(round(sum({_EXACT_GOLDSTEIN}), 2) AS DOUBLE)"
GOLDSTEIN_MEAN = f"round(CAST(sum({_EXACT_GOLDSTEIN}) AS DOUBLE) / nullif(count(goldstein), 0), 2)"

def connect(db: str | None = None) -> duckdb.DuckDBPyConnection:
    """A read-only connection to a kabar database (`$KABAR_DB` or `kabar.duckdb` by default),
    or to a Parquet dataset folder that `kabar batch` wrote (its tables as views)."""
    from kabar.batch.views import connect_dataset, dataset_root

    root = dataset_root(db or default_db_path())
    if root is not None:
        return connect_dataset(root)
    return Store(db or default_db_path(), read_only=True).con


def _like(value: str) -> str:
    """`value` as a LIKE pattern matching it anywhere, with its own % and _ taken literally."""
    return "%" + value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def is_code(value: str) -> bool:
    """Whether an actor given by the user is a CAMEO code (capitals) rather than a name."""
    return bool(_CODE.match(value))


def actor_condition(side: str, value: str, params: list[Any]) -> str:
    """SQL condition: the `side` ('source' or 'target') actor of an event row matches `value`."""
    value = value.strip()
    if not value:
        raise QueryError("an empty actor matches nothing; give a CAMEO code (IRN) or a name")
    if is_code(value):
        params.extend([value, value])
        return f"({side}_country = ? OR starts_with({side}_code, ?))"
    params.append(_like(value))
    return f"({side}_name ILIKE ? ESCAPE '\\')"


def _date(value: str | dt.date | None, what: str) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise QueryError(f"{what} date '{value}' is not a date like 2021-10-17") from None


def _date_range(where: list[str], params: list, start, end, column: str) -> None:
    """Add the inclusive `start`/`end` date filters on `column` to a query being built."""
    first, last = _date(start, "start"), _date(end, "end")
    if first:
        where.append(f"{column} >= ?")
        params.append(first)
    if last:
        where.append(f"{column} <= ?")
        params.append(last)


def _check_code(code: str | None, what: str, pattern: re.Pattern[str]) -> str | None:
    if code is None or code == "":
        return None
    code = code.strip()
    if not pattern.match(code):
        example = "19" if what == "root" else "042"
        raise QueryError(f"{what} '{code}' is not a CAMEO {what} (digits, like {example})")
    return code


def event_filter(
    *,
    actor: str | None = None,
    other: str | None = None,
    country: str | None = None,
    code: str | None = None,
    root: str | None = None,
    start: str | dt.date | None = None,
    end: str | dt.date | None = None,
    factual: bool | None = None,
    text: str | None = None,
    location: str | None = None,
    table: str = "e",
) -> tuple[str, list[Any]]:
    """WHERE clause (and its parameters) over the `events` table aliased `table`."""
    params: list[Any] = []
    where: list[str] = []
    if actor:
        p1: list[Any] = []
        c1 = actor_condition(f"{table}.source", actor, p1)
        c2 = actor_condition(f"{table}.target", actor, p1)
        where.append(f"({c1} OR {c2})")
        params += p1
    if other:
        p2: list[Any] = []
        c1 = actor_condition(f"{table}.source", other, p2)
        c2 = actor_condition(f"{table}.target", other, p2)
        where.append(f"({c1} OR {c2})")
        params += p2
    if country:
        country = country.strip().upper()
        where.append(f"({table}.source_country = ? OR {table}.target_country = ?)")
        params += [country, country]
    code = _check_code(code, "code", _CAMEO)
    if code:
        where.append(f"starts_with({table}.code, ?)")
        params.append(code)
    root = _check_code(root, "root", _ROOT)
    if root:
        where.append(f"{table}.root = ?")
        params.append(root)
    _date_range(where, params, start, end, f"{table}.date")
    if factual is not None:
        where.append(f"{table}.factual = ?")
        params.append(bool(factual))
    if location:
        where.append(f"({table}.location_name ILIKE ? ESCAPE '\\' OR {table}.location_country = ?)")
        params += [_like(location.strip()), location.strip().upper()]
    if text:
        where.append(
            f"EXISTS (SELECT 1 FROM event_mentions em WHERE em.event_id = {table}.event_id "
            "AND em.evidence ILIKE ? ESCAPE '\\')"
        )
        params.append(_like(text))
    return (" AND ".join(where) if where else "TRUE"), params


def _arrow(con: duckdb.DuckDBPyConnection, sql: str, params: list[Any] | None = None) -> pa.Table:
    try:
        return con.sql(sql, params=params or None).to_arrow_table()
    except duckdb.Error as exc:
        raise QueryError(f"query failed: {exc}") from exc


EVENT_COLUMNS = (
    "event_id, date, code, base_code, root, quad_class, goldstein, mode, factual, is_symmetric, "
    "source_name, source_code, source_country, target_name, target_code, target_country, "
    "location_name, location_country, lat, lon, num_articles, num_sources, num_mentions, confidence, "
    "is_root, evidence, source_url, first_article_id, first_article_key, source_entity, target_entity, "
    "first_published"
)


def events(
    con: duckdb.DuckDBPyConnection,
    *,
    limit: int | None = 100,
    **filters: Any,
) -> pa.Table:
    """Events (one row per event, however many articles tell it), newest first.

    Filters: actor (either side), country (either actor's), code (prefix, e.g. 04 or 042),
    root, start and end dates (inclusive), factual, text (in any evidence sentence),
    location (place name or country).
    """
    where, params = event_filter(**filters)
    sql = (
        f"SELECT {EVENT_COLUMNS} FROM events e WHERE {where} "
        "ORDER BY date DESC NULLS LAST, num_articles DESC, event_id"
    )
    if limit:
        sql += f" LIMIT {int(limit)}"
    return _arrow(con, sql, params)


def evidence(con: duckdb.DuckDBPyConnection, event_id: int) -> pa.Table:
    """Every article and sentence that tells one event, earliest first. `part` says where the
    evidence lies (body, title, captions[N]); `sentence` is its sentence of the body."""
    return _arrow(
        con,
        """SELECT a.id AS article_id, em.article_key, a.title, a.outlet, a.date, a.published, a.url,
                  em.code, em.mode, em.factual, em.confidence, em.part, em.sentence, em.char_start,
                  em.char_end, em.evidence, em.n_spans
           FROM event_mentions em JOIN articles a ON a.key = em.article_key
           WHERE em.event_id = ? ORDER BY a.published_at NULLS LAST, em.article_key, em.seq""",
        [int(event_id)],
    )


def dyad(
    con: duckdb.DuckDBPyConnection,
    a: str,
    b: str,
    *,
    by: str = "month",
    directed: bool = False,
    start: str | dt.date | None = None,
    end: str | dt.date | None = None,
    factual: bool | None = None,
) -> pa.Table:
    """Events between two actors or countries, per day, week or month.

    Per period: number of events, how many went each way (`a_to_b`, `b_to_a`) and how many
    were `mutual`, their mentions and articles, the sum and mean of Goldstein scores, and
    the mix of CAMEO quad classes.

    A one-way event has a direction: its source acts on its target, so "A criticised B"
    counts in `a_to_b` and "B criticised A" in `b_to_a`. A symmetric event (a reciprocal
    action: meeting, negotiating; `events.is_symmetric`) is coded once with the first-named
    side as source; it counts in `mutual` whichever side that is. `directed` keeps the
    events from A to B: one-way ones from A to B, and every mutual one.
    """
    if by not in PERIODS:
        raise QueryError(f"--by must be one of {', '.join(PERIODS)}, not '{by}'")
    params: list[Any] = []
    a_src = actor_condition("source", a, params)
    b_tgt = actor_condition("target", b, params)
    forward = f"({a_src} AND {b_tgt})"
    b_src = actor_condition("source", b, params)
    a_tgt = actor_condition("target", a, params)
    backward = f"({b_src} AND {a_tgt})"
    # Directed: A to B, and the mutual events that name B first.
    pair = f"({forward} OR {backward})" if not directed else f"({forward} OR (is_symmetric AND {backward}))"
    dir_params: list[Any] = []
    a_src2 = actor_condition("source", a, dir_params)
    where = [pair, "date IS NOT NULL"]
    _date_range(where, params, start, end, "date")
    if factual is not None:
        where.append("factual = ?")
        params.append(bool(factual))
    quads = ", ".join(
        f"CAST(count(*) FILTER (WHERE quad_class = {q}) AS INTEGER) AS {name}"
        for q, name in QUAD_CLASSES.items()
    )
    sql = f"""
        WITH d AS (
            SELECT CAST(date_trunc('{by}', date) AS DATE) AS period, goldstein, quad_class,
                   num_mentions, num_articles, coalesce(is_symmetric, false) AS mutual,
                   {a_src2} AS a_is_source
            FROM events WHERE {' AND '.join(where)}
        )
        SELECT period,
               CAST(count(*) AS INTEGER) AS events,
               CAST(count(*) FILTER (WHERE NOT mutual AND a_is_source) AS INTEGER) AS a_to_b,
               CAST(count(*) FILTER (WHERE NOT mutual AND NOT a_is_source) AS INTEGER) AS b_to_a,
               CAST(count(*) FILTER (WHERE mutual) AS INTEGER) AS mutual,
               CAST(sum(num_mentions) AS INTEGER) AS mentions,
               CAST(sum(num_articles) AS INTEGER) AS articles,
               {GOLDSTEIN_SUM} AS goldstein_sum,
               {GOLDSTEIN_MEAN} AS goldstein_mean,
               {quads}
        FROM d GROUP BY period ORDER BY period
    """
    return _arrow(con, sql, dir_params + params)


def actors(
    con: duckdb.DuckDBPyConnection,
    *,
    by: str = "name",
    limit: int | None = 20,
    type: str | None = None,
    country: str | None = None,
    start: str | dt.date | None = None,
    end: str | dt.date | None = None,
) -> pa.Table:
    """The most active actors: events they take part in (as source or target), then the
    articles and mentions naming them. `by` groups actors by entity `name`, by CAMEO actor
    `code` or by `country`."""
    keys = {"name": "e.name", "code": "coalesce(e.actor_code, e.country)", "country": "e.country"}
    if by not in keys:
        raise QueryError(f"--by must be one of {', '.join(keys)}, not '{by}'")
    key = keys[by]
    params: list[Any] = []
    where = [f"{key} IS NOT NULL"]
    if type:
        where.append("e.type = ?")
        params.append(type.upper())
    if country:
        where.append("e.country = ?")
        params.append(country.upper())
    _date_range(where, params, start, end, "a.date")
    sql = f"""
        WITH ent AS (
            SELECT {key} AS actor, e.article_key, e.entity_id, e.name, e.type, e.country, e.actor_code,
                   e.n_mentions
            FROM entities e JOIN articles a ON a.key = e.article_key
            WHERE {' AND '.join(where)}
        ),
        ent_agg AS (
            SELECT actor, mode(name) AS name, mode(type) AS type, mode(country) AS country,
                   mode(actor_code) AS actor_code,
                   CAST(count(DISTINCT article_key) AS INTEGER) AS articles,
                   CAST(sum(n_mentions) AS INTEGER) AS mentions
            FROM ent GROUP BY actor
        ),
        ev AS (
            SELECT ent.actor, em.event_id, em.goldstein, 'S' AS side FROM event_mentions em
              JOIN ent ON ent.article_key = em.article_key AND ent.entity_id = em.source_entity
            UNION ALL
            SELECT ent.actor, em.event_id, em.goldstein, 'T' AS side FROM event_mentions em
              JOIN ent ON ent.article_key = em.article_key AND ent.entity_id = em.target_entity
        ),
        ev_agg AS (
            SELECT actor,
                   CAST(count(DISTINCT event_id) AS INTEGER) AS events,
                   CAST(count(DISTINCT event_id) FILTER (WHERE side = 'S') AS INTEGER) AS as_source,
                   CAST(count(DISTINCT event_id) FILTER (WHERE side = 'T') AS INTEGER) AS as_target,
                   {GOLDSTEIN_MEAN} AS goldstein_mean
            FROM ev GROUP BY actor
        )
        SELECT ent_agg.actor, ent_agg.name, ent_agg.type, ent_agg.country, ent_agg.actor_code,
               coalesce(ev_agg.events, 0) AS events, coalesce(ev_agg.as_source, 0) AS as_source,
               coalesce(ev_agg.as_target, 0) AS as_target, ev_agg.goldstein_mean,
               ent_agg.articles, ent_agg.mentions
        FROM ent_agg LEFT JOIN ev_agg ON ev_agg.actor = ent_agg.actor
        ORDER BY events DESC, articles DESC, mentions DESC, ent_agg.actor
    """
    if limit:
        sql += f" LIMIT {int(limit)}"
    return _arrow(con, sql, params)


def quotes(
    con: duckdb.DuckDBPyConnection,
    *,
    speaker: str | None = None,
    text: str | None = None,
    kind: str | None = None,
    start: str | dt.date | None = None,
    end: str | dt.date | None = None,
    limit: int | None = 100,
) -> pa.Table:
    """Quotations, newest first; `speaker` matches the speaker's name (substring, any case)."""
    params: list[Any] = []
    where = ["TRUE"]
    if speaker:
        where.append("(q.speaker_name ILIKE ? ESCAPE '\\' OR e.name ILIKE ? ESCAPE '\\')")
        params += [_like(speaker.strip()), _like(speaker.strip())]
    if text:
        where.append("q.text ILIKE ? ESCAPE '\\'")
        params.append(_like(text))
    if kind:
        where.append("q.kind = ?")
        params.append(kind)
    _date_range(where, params, start, end, "a.date")
    sql = f"""
        SELECT coalesce(e.name, q.speaker_name) AS speaker, q.text AS quote, q.kind, a.date,
               e.country AS speaker_country, e.role AS speaker_role,
               a.title, a.outlet, a.url, a.id AS article_id, q.article_key, q.seq, q.char_start, q.char_end
        FROM quotes q JOIN articles a ON a.key = q.article_key
        LEFT JOIN entities e ON e.article_key = q.article_key AND e.entity_id = q.speaker_id
        WHERE {' AND '.join(where)}
        ORDER BY a.published_at DESC NULLS LAST, q.article_key, q.seq
    """
    if limit:
        sql += f" LIMIT {int(limit)}"
    return _arrow(con, sql, params)


_READ_ONLY_TYPES = {"SELECT"}
_EXPLAIN = re.compile(r"^\s*EXPLAIN(\s+ANALY[SZ]E)?\b", re.IGNORECASE)


def check_read_only(con: duckdb.DuckDBPyConnection, sql: str) -> None:
    """Raise QueryError unless every statement in `sql` only reads (SELECT, or EXPLAIN of one)."""
    try:
        statements = con.extract_statements(sql)
    except duckdb.Error as exc:
        raise QueryError(f"SQL does not parse: {exc}") from exc
    if not statements:
        raise QueryError("no SQL statement given")
    for st in statements:
        try:
            kind = st.type.name
        except ValueError:  # a statement type newer than this duckdb module's list: not a query
            kind = "unknown"
        if kind == "EXPLAIN":
            inner = _EXPLAIN.sub("", st.query, count=1)
            check_read_only(con, inner)
            continue
        if kind not in _READ_ONLY_TYPES:
            raise QueryError(
                f"`kabar sql` only reads (SELECT, WITH, FROM, DESCRIBE, SHOW, EXPLAIN); "
                f"refused this {kind} statement: {st.query.strip()[:80]}"
            )


# `kabar sql` (and anything that runs SQL a user typed) reads the store and nothing else: no
# files, no network, no extensions. The order matters: the database is opened read-only first,
# external access goes off next (it cannot be turned back on), and the configuration is locked
# last so that the SQL cannot undo any of it.
SQL_TIMEOUT_S = 30.0
SQL_MAX_ROWS = 10_000
SQL_MEMORY_LIMIT = "2GB"
_LOCKDOWN = (
    "SET enable_external_access = false",
    "SET autoinstall_known_extensions = false",
    "SET autoload_known_extensions = false",
    "SET allow_community_extensions = false",
    "SET allow_persistent_secrets = false",
    f"SET memory_limit = '{SQL_MEMORY_LIMIT}'",
    "SET lock_configuration = true",
)


def readonly_connection(db: str | None = None) -> duckdb.DuckDBPyConnection:
    """A connection that can read the store and nothing else (for SQL a user wrote).

    The database (`$KABAR_DB` or `kabar.duckdb` by default) is attached read-only to a
    DuckDB instance of its own, so that locking it leaves other connections in this process
    (an export, a web page) as they were. Files, the network, other databases and extensions
    are out of reach, and the settings are locked.
    """
    from kabar.batch.views import connect_dataset, dataset_root

    path = str(db or default_db_path())
    root = dataset_root(path)
    if root is None:
        Store(path, read_only=True).close()  # a missing or foreign database is explained here
    con = connect_dataset(root) if root is not None else duckdb.connect(":memory:")
    try:
        if root is not None:
            # the dataset's own files stay readable (its views read them), nothing else
            con.execute(f"SET allowed_directories = ['{str(root).replace(chr(39), chr(39) * 2)}/']")
        else:
            con.execute(f"ATTACH '{path.replace(chr(39), chr(39) * 2)}' AS store (READ_ONLY)")
            con.execute("USE store")
        for setting in _LOCKDOWN:
            con.execute(setting)
    except duckdb.Error as exc:
        con.close()
        raise StoreError(f"{path}: cannot open the database for reading ({exc})") from exc
    return con


def _is_locked_down(con: duckdb.DuckDBPyConnection) -> bool:
    # fetchall, not fetchone: an unfinished result blocks the connection.
    settings = con.execute(
        "SELECT current_setting('lock_configuration'), current_setting('enable_external_access')"
    ).fetchall()
    return settings == [(True, False)]


def _database_path(con: duckdb.DuckDBPyConnection) -> str:
    current = "SELECT path FROM duckdb_databases() WHERE database_name = current_database()"
    rows = con.execute(current).fetchall()
    if not rows or not rows[0][0]:
        raise QueryError("SQL runs on a kabar database file; this connection has none")
    return str(rows[0][0])


def run_readonly_sql(
    db: str | duckdb.DuckDBPyConnection | None,
    statement: str,
    *,
    timeout_s: float | None = SQL_TIMEOUT_S,
    max_rows: int | None = SQL_MAX_ROWS,
) -> pa.Table:
    """Run SQL a user wrote against the store, safely; the result of its last statement.

    `db` is a database path, a connection from `readonly_connection` (used as it is), or any
    other connection to a kabar database (whose file is then opened anew, locked down). Only
    queries run: anything else is refused before anything runs; several `;`-separated
    queries run in order. The whole run stops after `timeout_s` seconds, and a result of more
    than `max_rows` rows is refused (None: no limit), each with a QueryError that says so.
    """
    if isinstance(db, duckdb.DuckDBPyConnection) and _is_locked_down(db):
        con = db
    else:
        con = readonly_connection(_database_path(db) if isinstance(db, duckdb.DuckDBPyConnection) else db)
    try:
        check_read_only(con, statement)
        statements = con.extract_statements(statement)
        with _time_limit(con, timeout_s) as stopped:
            try:
                for st in statements[:-1]:
                    con.execute(st.query).fetchall()
                return _fetch_at_most(con.sql(statements[-1].query), max_rows)
            except duckdb.InterruptException as exc:
                if stopped.is_set():
                    raise QueryError(
                        f"query stopped after {timeout_s:g} s, the time limit; narrow it (WHERE, LIMIT) "
                        "or give it more time (--timeout)"
                    ) from None
                raise QueryError("query interrupted") from exc
            except duckdb.OutOfMemoryException as exc:
                raise QueryError(
                    f"query needs more than {SQL_MEMORY_LIMIT} of memory; narrow it (WHERE, LIMIT)"
                ) from exc
            except duckdb.Error as exc:
                raise QueryError(f"query failed: {exc}") from exc
    finally:
        if con is not db:
            con.close()


@contextlib.contextmanager
def _time_limit(con: duckdb.DuckDBPyConnection, timeout_s: float | None) -> Iterator[threading.Event]:
    """Interrupt what runs on `con` after `timeout_s` seconds; the event says whether it did."""
    stopped = threading.Event()
    guard = threading.Lock()
    finished = False

    def stop() -> None:
        with guard:
            if not finished:  # an interrupt after the run would hit the next query instead
                stopped.set()
                con.interrupt()

    timer = threading.Timer(timeout_s, stop) if timeout_s else None
    if timer:
        timer.daemon = True
        timer.start()
    try:
        yield stopped
    finally:
        with guard:
            finished = True
        if timer:
            timer.cancel()


def _fetch_at_most(result: duckdb.DuckDBPyRelation | None, max_rows: int | None) -> pa.Table:
    """The rows of `result`, read in batches and refused once there are more than `max_rows`."""
    if result is None:
        raise QueryError("the last statement returns no rows")
    if not max_rows:
        return result.to_arrow_table()
    reader = result.to_arrow_reader(min(max_rows + 1, 100_000))
    batches: list[pa.RecordBatch] = []
    rows = 0
    for batch in reader:
        batches.append(batch)
        rows += batch.num_rows
        if rows > max_rows:
            raise QueryError(
                f"the result has more than {max_rows:,} rows, the limit; add a LIMIT or an aggregate "
                "to the query, or raise the limit (--max-rows)"
            )
    return pa.Table.from_batches(batches, schema=reader.schema)


def sql(con: duckdb.DuckDBPyConnection, statement: str) -> pa.Table:
    """`run_readonly_sql` on the database of `con`, with the default time and row limits."""
    return run_readonly_sql(con, statement)


def counts(con: duckdb.DuckDBPyConnection) -> pa.Table:
    """Rows in each table of the store."""
    from kabar.store import USER_TABLES

    union = " UNION ALL ".join(f"SELECT '{t}' AS \"table\", count(*) AS rows FROM {t}" for t in USER_TABLES)
    return _arrow(con, union)


__all__ = [
    "PERIODS",
    "StoreError",
    "actors",
    "check_read_only",
    "connect",
    "counts",
    "dyad",
    "event_filter",
    "events",
    "evidence",
    "quotes",
    "readonly_connection",
    "run_readonly_sql",
    "sql",
]
