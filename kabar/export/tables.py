"""Query results and the whole store as files: Parquet partitioned by date, JSON Lines, JSON, CSV.

`write_table(table, "parquet", path)` writes a query result; `export_store(con, "out/", fmt)`
writes every table, or hands the event formats (GDELT, PLOVER) to their modules.
"""

from __future__ import annotations

import datetime as dt
import decimal
import json
import os
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import IO, Any

import duckdb
import pyarrow as pa

from kabar.errors import QueryError
from kabar.export.gdelt import export_gdelt
from kabar.export.mentions import export_gdelt_mentions
from kabar.export.plover import export_plover
from kabar.outputs import output_folder, prepare_output_file
from kabar.store import USER_TABLES

TABLE_FORMATS = ("csv", "json", "jsonl", "parquet")
# The event formats write one file, not a folder of tables.
EVENT_FORMATS = ("gdelt", "gdelt-mentions", "plover")
STORE_FORMATS = ("parquet", "jsonl", "csv", *EVENT_FORMATS)

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
    """Write the store's tables under `output` (a directory; a file for the event formats).

    parquet: `output/<table>/date=YYYY-MM-DD/*.parquet`; jsonl, csv: `output/<table>.<ext>`.
    `start`/`end` keep articles (and what they contain) and events in that date range.
    Returns rows written per table.
    """
    fmt = fmt.lower()
    if fmt in EVENT_FORMATS:
        return _export_events(con, output, fmt, start=start, end=end, overwrite=overwrite, **event_filters)
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


def _as_date(value: str | None, what: str) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise QueryError(f"{what} date '{value}' is not a date like 2021-10-17") from None


def _date_where(table: str, start: str | None, end: str | None) -> str:
    if not start and not end:
        return "TRUE"
    s, e = _as_date(start, "start"), _as_date(end, "end")
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


def _export_events(
    con: duckdb.DuckDBPyConnection,
    output: str | os.PathLike[str],
    fmt: str,
    *,
    overwrite: bool,
    **filters: Any,
) -> dict[str, int]:
    """One event file: GDELT events or mentions (tab-separated) or PLOVER records (JSON Lines)."""
    target = None if str(output) == "-" else Path(output)
    if target is not None:
        prepare_output_file(target, force=overwrite)
    if fmt == "gdelt":
        return {"events": export_gdelt(con, target, **filters)}
    if fmt == "gdelt-mentions":
        return {"event_mentions": export_gdelt_mentions(con, target, **filters)}
    return {"events": export_plover(con, target, **filters)}
