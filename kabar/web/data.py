"""What the web pages and the JSON API read from a store.

Every question that `kabar.query` already answers is asked through it (events' filters and
columns, evidence, dyads, actors, quotes, read-only SQL); this module adds only what a page
needs on top: paging with a total, the source and target marked inside an evidence sentence,
one article with every span, an actor's profile and the overview's figures.

The store is whatever `kabar.query.connect` opens (a DuckDB file today, a Parquet dataset
folder once the query layer reads one), so the web app never names a storage format.
"""

from __future__ import annotations

import datetime as dt
import re
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import duckdb

from kabar import cameo, query
from kabar.errors import QueryError

MAX_PAGE = 1000  # deeper pages are refused: narrow the filters instead
SQL_ROW_CAP = 1000
SQL_TIME_LIMIT_S = 5.0


@dataclass(frozen=True)
class EventFilters:
    """The filters of the events list, as `kabar.query.event_filter` takes them, plus quad class."""

    actor: str | None = None
    other: str | None = None
    country: str | None = None
    code: str | None = None
    root: str | None = None
    quad: int | None = None
    start: dt.date | None = None
    end: dt.date | None = None
    factual: bool | None = None
    text: str | None = None

    def where(self) -> tuple[str, list[Any]]:
        where, params = query.event_filter(
            actor=self.actor,
            other=self.other,
            country=self.country,
            code=self.code,
            root=self.root,
            start=self.start,
            end=self.end,
            factual=self.factual,
            text=self.text,
        )
        if self.quad is not None:
            where += " AND e.quad_class = ?"
            params.append(int(self.quad))
        return where, params

    def as_query(self) -> dict[str, str]:
        """The filters that are set, as URL query parameters (for paging links)."""
        out: dict[str, str] = {}
        for name, value in self.__dict__.items():
            if value is None or value == "":
                continue
            out[name] = ("true" if value else "false") if isinstance(value, bool) else str(value)
        return out


@dataclass
class Page:
    items: list[dict[str, Any]]
    total: int
    page: int
    per_page: int

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.per_page))

    def to_dict(self) -> dict[str, Any]:
        return {"total": self.total, "page": self.page, "per_page": self.per_page, "pages": self.pages,
                "items": self.items}


@dataclass
class SqlResult:
    columns: list[str]
    rows: list[list[Any]]
    elapsed_ms: float
    limits: dict[str, float] = field(default_factory=dict)


class DataSource:
    """One read-only store shared by all requests; each request reads through its own cursor."""

    def __init__(self, db: str):
        self.db = db
        # Locked down like `kabar sql`: the pages' own queries need nothing but the store, and
        # the SQL endpoint runs on cursors of this same connection.
        self._con = query.readonly_connection(db)
        # The store may be attached under a name of its own; each cursor starts in the default
        # catalog and is pointed at the store's.
        catalog = self._con.execute("SELECT current_database()").fetchall()[0][0]
        self._use = 'USE "{}"'.format(str(catalog).replace('"', '""'))
        self._cache: dict[str, Any] = {}
        self._cache_lock = threading.Lock()

    @contextmanager
    def cursor(self) -> Iterator[duckdb.DuckDBPyConnection]:
        cur = self._con.cursor()
        cur.execute(self._use)
        try:
            yield cur
        finally:
            cur.close()

    def cached(self, key: str, compute: Callable[[], Any]) -> Any:
        """`compute()` once: figures over the whole corpus (the overview, the actors list) are
        computed for the first visitor only. The store cannot change while it is served: the
        read-only connection holds DuckDB's file lock, so no ingest can write to it meanwhile."""
        with self._cache_lock:
            if key in self._cache:
                return self._cache[key]
        value = compute()
        with self._cache_lock:
            self._cache[key] = value
        return value

    def close(self) -> None:
        self._con.close()


def _rows(con: duckdb.DuckDBPyConnection, sql: str, params: list[Any] | None = None) -> list[dict[str, Any]]:
    try:
        return con.sql(sql, params=params or None).to_arrow_table().to_pylist()
    except duckdb.Error as exc:
        raise QueryError(f"query failed: {exc}") from exc


def _scalar(con: duckdb.DuckDBPyConnection, sql: str, params: list[Any] | None = None) -> Any:
    try:
        rows = con.execute(sql, params or []).fetchall()
    except duckdb.Error as exc:
        raise QueryError(f"query failed: {exc}") from exc
    return rows[0][0] if rows else None


def check_page(page: int, per_page: int) -> None:
    if page < 1 or page > MAX_PAGE:
        raise QueryError(f"page must be between 1 and {MAX_PAGE}, not {page}")
    if per_page < 1 or per_page > 200:
        raise QueryError(f"per_page must be between 1 and 200, not {per_page}")


# --------------------------------------------------------------------------------------
# Events


def describe_event(row: dict[str, Any]) -> dict[str, Any]:
    """An event row with what a reader needs beside it: the code's name and quad class name.
    The id is also given as text: it is a 64-bit number, beyond what JavaScript holds exactly."""
    code = cameo.get(row.get("code"))
    row["code_name"] = code.name if code else None
    row["quad_name"] = cameo.QUAD_CLASS_NAMES.get(row.get("quad_class") or 0)
    if row.get("event_id") is not None:
        row["event_id"] = str(row["event_id"])
    return row


def event_page(
    con: duckdb.DuckDBPyConnection, filters: EventFilters, page: int = 1, per_page: int = 25
) -> Page:
    """One page of events, newest first (the order of `kabar.query.events`), each with the
    offsets of its source and target inside its evidence sentence."""
    check_page(page, per_page)
    where, params = filters.where()
    total = _scalar(con, f"SELECT count(*) FROM events e WHERE {where}", params)
    rows = _rows(
        con,
        f"SELECT {query.EVENT_COLUMNS} FROM events e WHERE {where} "
        "ORDER BY date DESC NULLS LAST, num_articles DESC, event_id "
        f"LIMIT {int(per_page)} OFFSET {int((page - 1) * per_page)}",
        params,
    )
    marks = evidence_marks(con, [r["event_id"] for r in rows])
    titles = article_titles(con, [r["first_article_key"] for r in rows if r["first_article_key"]])
    for row in rows:
        row["evidence_marks"] = marks.get(row["event_id"], [])
        row["first_article_title"] = titles.get(row["first_article_key"])
        describe_event(row)
    return Page(rows, int(total or 0), page, per_page)


def evidence_marks(con: duckdb.DuckDBPyConnection, event_ids: list[int]) -> dict[int, list[dict[str, Any]]]:
    """Where the source and the target are named inside each event's evidence sentence (as
    stored in `events`, the first article's), as offsets into that sentence."""
    if not event_ids:
        return {}
    rows = _rows(
        con,
        """SELECT DISTINCT e.event_id, m.char_start - em.char_start AS start,
                  m.char_end - em.char_start AS end,
                  CASE WHEN m.entity_id = em.source_entity THEN 'source' ELSE 'target' END AS role
           FROM events e
           JOIN event_mentions em ON em.event_id = e.event_id AND em.article_key = e.first_article_key
                AND em.evidence = e.evidence
           JOIN mentions m ON m.article_key = em.article_key AND m.part = em.part
                AND m.char_start >= em.char_start AND m.char_end <= em.char_end
                AND (m.entity_id = em.source_entity OR m.entity_id = em.target_entity)
           WHERE e.event_id IN (SELECT unnest(?::BIGINT[]))
           ORDER BY e.event_id, start""",
        [event_ids],
    )
    out: dict[int, list[dict[str, Any]]] = {}
    for row in rows:
        out.setdefault(row.pop("event_id"), []).append(row)
    return out


def article_titles(con: duckdb.DuckDBPyConnection, keys: list[str]) -> dict[str, str | None]:
    if not keys:
        return {}
    rows = _rows(con, "SELECT key, title FROM articles WHERE key IN (SELECT unnest(?::VARCHAR[]))", [keys])
    return {r["key"]: r["title"] for r in rows}


def event_detail(con: duckdb.DuckDBPyConnection, event_id: int) -> dict[str, Any] | None:
    rows = _rows(con, f"SELECT {query.EVENT_COLUMNS} FROM events e WHERE event_id = ?", [int(event_id)])
    if not rows:
        return None
    event = rows[0]
    event["evidence_marks"] = evidence_marks(con, [event["event_id"]]).get(event["event_id"], [])
    event["articles"] = query.evidence(con, int(event_id)).to_pylist()
    return describe_event(event)


# --------------------------------------------------------------------------------------
# Articles


def article_page(
    con: duckdb.DuckDBPyConnection,
    *,
    text: str | None = None,
    outlet: str | None = None,
    start: dt.date | None = None,
    end: dt.date | None = None,
    page: int = 1,
    per_page: int = 25,
) -> Page:
    check_page(page, per_page)
    where: list[str] = ["TRUE"]
    params: list[Any] = []
    if text:
        # A case-blind regular expression of the literal words reads the bodies several times
        # faster than ILIKE, which lowercases each one first.
        where.append("regexp_matches(coalesce(a.title, '') || ' ' || a.body, ?, 'i')")
        params.append(re.escape(text))
    if outlet:
        where.append("a.outlet = ?")
        params.append(outlet.strip().lower())
    if start:
        where.append("a.date >= ?")
        params.append(start)
    if end:
        where.append("a.date <= ?")
        params.append(end)
    cond = " AND ".join(where)
    # One pass over the articles gives the page and, beside each row, the number matching.
    rows = _rows(
        con,
        f"""SELECT a.key, a.id, a.title, a.outlet, a.url, a.published, a.date, a.n_words,
                   count(*) OVER () AS total
            FROM articles a WHERE {cond}
            ORDER BY a.published_at DESC NULLS LAST, a.key
            LIMIT {int(per_page)} OFFSET {int((page - 1) * per_page)}""",
        params,
    )
    if rows:
        total = rows[0]["total"]
    else:
        total = _scalar(con, f"SELECT count(*) FROM articles a WHERE {cond}", params)
    keys = [r.pop("key") for r in rows]
    tallies = {
        (r["article_key"], r["what"]): r["n"]
        for r in _rows(
            con,
            """SELECT article_key, 'events' AS what, count(*) AS n FROM event_mentions
               WHERE article_key IN (SELECT unnest(?::VARCHAR[])) GROUP BY ALL
               UNION ALL
               SELECT article_key, 'quotes', count(*) FROM quotes
               WHERE article_key IN (SELECT unnest(?::VARCHAR[])) GROUP BY ALL""",
            [keys, keys],
        )
    } if keys else {}
    for key, row in zip(keys, rows):
        row.pop("total")
        row["key"] = key
        row["events"] = tallies.get((key, "events"), 0)
        row["quotes"] = tallies.get((key, "quotes"), 0)
    return Page(rows, int(total or 0), page, per_page)


def article(con: duckdb.DuckDBPyConnection, key: str) -> dict[str, Any] | None:
    """One stored article with its entities, mentions, quotes and event mentions."""
    found = _rows(
        con,
        """SELECT key, id, url, outlet, published, date, title, author, language, body, captions, tags,
                  warnings, n_sentences, n_words FROM articles WHERE key = ?""",
        [key],
    )
    if not found:
        return None
    art = found[0]
    art["entities"] = _rows(
        con,
        """SELECT entity_id, name, type, country, actor_code, title, role, lat, lon, n_mentions
           FROM entities WHERE article_key = ? ORDER BY n_mentions DESC, entity_id""",
        [key],
    )
    art["mentions"] = _rows(
        con,
        """SELECT entity_id, seq, text, part, char_start, char_end FROM mentions
           WHERE article_key = ? ORDER BY seq""",
        [key],
    )
    art["quotes"] = _rows(
        con,
        """SELECT q.seq, q.kind, q.text, q.char_start, q.char_end, q.speaker_id,
                  coalesce(e.name, q.speaker_name) AS speaker
           FROM quotes q LEFT JOIN entities e ON e.article_key = q.article_key AND e.entity_id = q.speaker_id
           WHERE q.article_key = ? ORDER BY q.seq""",
        [key],
    )
    events = _rows(
        con,
        """SELECT seq, event_id, code, root, quad_class, goldstein, mode, factual, is_symmetric, confidence,
                  source_entity, source_name, source_code, target_entity, target_name, target_code,
                  date, location_name, evidence, part, char_start, char_end, spans
           FROM event_mentions WHERE article_key = ? ORDER BY seq""",
        [key],
    )
    art["events"] = [describe_event(ev) for ev in events]
    return art


# --------------------------------------------------------------------------------------
# Overview, actors, dyads


def _period_for(con: duckdb.DuckDBPyConnection) -> str:
    """Months for a corpus spanning more than a quarter, else days."""
    span = _scalar(con, "SELECT max(date) - min(date) FROM articles")
    return "month" if span is not None and span > 92 else "day"


def overview(con: duckdb.DuckDBPyConnection) -> dict[str, Any]:
    counts = {r["table"]: r["rows"] for r in query.counts(con).to_pylist()}
    by = _period_for(con)
    timeline = _rows(
        con,
        f"""WITH a AS (SELECT CAST(date_trunc('{by}', date) AS DATE) AS period, count(*) AS n
                       FROM articles WHERE date IS NOT NULL GROUP BY ALL),
                 ev AS (SELECT CAST(date_trunc('{by}', date) AS DATE) AS period, count(*) AS n
                        FROM events WHERE date IS NOT NULL GROUP BY ALL)
            SELECT coalesce(a.period, ev.period) AS period, coalesce(a.n, 0) AS articles,
                   coalesce(ev.n, 0) AS events
            FROM a FULL JOIN ev ON a.period = ev.period ORDER BY period""",
    )
    quads = _rows(con, "SELECT quad_class, count(*) AS events FROM events GROUP BY ALL ORDER BY quad_class")
    for row in quads:
        row["name"] = cameo.QUAD_CLASS_NAMES.get(row["quad_class"] or 0, "unknown")
    dyads = _rows(
        con,
        """SELECT least(source_country, target_country) AS a, greatest(source_country, target_country) AS b,
                  count(*) AS events, round(sum(goldstein), 1) AS goldstein_sum
           FROM events WHERE source_country IS NOT NULL AND target_country IS NOT NULL
                AND source_country <> target_country
           GROUP BY ALL ORDER BY events DESC, a, b LIMIT 10""",
    )
    return {
        "counts": counts,
        "period": by,
        "timeline": timeline,
        "quad_classes": quads,
        "top_actors": query.actors(con, by="code", limit=10).to_pylist(),
        "top_dyads": dyads,
    }


def actor_profile(con: duckdb.DuckDBPyConnection, actor: str) -> dict[str, Any]:
    """An actor's (a CAMEO code or a name, as in `kabar.query`) events per month by quad class,
    its main counterparts and its quotes."""
    where, params = query.event_filter(actor=actor)
    by = _period_for(con)
    quads = ", ".join(
        f"count(*) FILTER (WHERE quad_class = {q}) AS {name}" for q, name in query.QUAD_CLASSES.items()
    )
    timeline = _rows(
        con,
        f"""SELECT CAST(date_trunc('{by}', e.date) AS DATE) AS period, count(*) AS events, {quads},
                   round(sum(goldstein), 2) AS goldstein_sum
            FROM events e WHERE {where} AND e.date IS NOT NULL GROUP BY ALL ORDER BY period""",
        params,
    )
    side_params: list[Any] = []
    is_source = query.actor_condition("e.source", actor, side_params)
    counterparts = _rows(
        con,
        f"""WITH ev AS (
                SELECT CASE WHEN {is_source} THEN coalesce(e.target_code, e.target_country, e.target_name)
                            ELSE coalesce(e.source_code, e.source_country, e.source_name) END AS other,
                       CASE WHEN {is_source} THEN e.target_name ELSE e.source_name END AS other_name,
                       e.goldstein
                FROM events e WHERE {where})
            SELECT other, mode(other_name) AS name, count(*) AS events,
                   round(avg(goldstein), 2) AS goldstein_mean
            FROM ev WHERE other IS NOT NULL GROUP BY other ORDER BY events DESC, other LIMIT 15""",
        side_params + side_params + params,
    )
    return {"actor": actor, "period": by, "timeline": timeline, "counterparts": counterparts,
            "quotes": actor_quotes(con, actor, limit=20)}


def actor_quotes(con: duckdb.DuckDBPyConnection, actor: str, limit: int = 20) -> list[dict[str, Any]]:
    """Quotes of an actor: by name as `kabar.query.quotes` matches speakers, or, for a CAMEO
    code, quotes whose speaker entity has that code or country."""
    if not query.is_code(actor.strip()):
        return query.quotes(con, speaker=actor, limit=limit).to_pylist()
    code = actor.strip()
    return _rows(
        con,
        """SELECT e.name AS speaker, q.text AS quote, q.kind, a.date, a.title, a.id AS article_id,
                  q.article_key, q.seq
           FROM quotes q JOIN articles a ON a.key = q.article_key
           JOIN entities e ON e.article_key = q.article_key AND e.entity_id = q.speaker_id
           WHERE e.country = ? OR starts_with(e.actor_code, ?)
           ORDER BY a.published_at DESC NULLS LAST, q.article_key, q.seq LIMIT ?""",
        [code, code, int(limit)],
    )


def quotes_page(con: duckdb.DuckDBPyConnection, page: int = 1, per_page: int = 25, **filters: Any) -> Page:
    """A page of `kabar.query.quotes`: it has no offset, so the rows up to this page are read
    and the page cut from them (pages are capped, so this stays small)."""
    check_page(page, per_page)
    upto = query.quotes(con, limit=page * per_page + 1, **filters)
    rows = upto.slice((page - 1) * per_page, per_page).to_pylist()
    more = upto.num_rows > page * per_page
    # The total is not counted: a next page exists when one more row came back.
    total = (page - 1) * per_page + len(rows) + (1 if more else 0)
    return Page(rows, total, page, per_page)


# --------------------------------------------------------------------------------------
# SQL


def run_sql(
    con: duckdb.DuckDBPyConnection,
    statement: str,
    *,
    row_cap: int = SQL_ROW_CAP,
    time_limit_s: float = SQL_TIME_LIMIT_S,
) -> SqlResult:
    """Read-only SQL through `kabar.query.run_readonly_sql`: refused unless every statement
    reads, stopped after `time_limit_s`, refused when the result has more than `row_cap` rows."""
    began = time.perf_counter()
    table = query.run_readonly_sql(con, statement, timeout_s=time_limit_s, max_rows=row_cap)
    elapsed = (time.perf_counter() - began) * 1000
    return SqlResult(
        columns=table.column_names,
        # Column by column: a result may name two columns alike, which rows as dicts would merge.
        rows=[[_json_cell(v) for v in row] for row in zip(*(col.to_pylist() for col in table.columns))],
        elapsed_ms=round(elapsed, 1),
        limits={"rows": row_cap, "seconds": time_limit_s},
    )


def _json_cell(value: Any) -> Any:
    """A value any JSON encoder takes: bytes as hex, numbers and dates as themselves, the rest
    (decimals, UUIDs, intervals) as text."""
    if value is None or isinstance(value, (bool, int, float, str, dt.date, dt.datetime, list, dict)):
        return value
    if isinstance(value, bytes | bytearray):
        return value.hex()
    return str(value)
