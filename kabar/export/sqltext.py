"""SQL text for the tab-separated event formats, and the writer of their lines."""

from __future__ import annotations

import io
import sys
from pathlib import Path
from typing import Any

import duckdb


def clean(expr: str) -> str:
    """A string column made safe for a tab-separated line."""
    return f"coalesce(regexp_replace(CAST({expr} AS VARCHAR), '[\\t\\r\\n]+', ' ', 'g'), '')"


def num(expr: str, fmt: str | None = None) -> str:
    if fmt:
        return f"coalesce(printf('{fmt}', {expr}), '')"
    return f"coalesce(CAST({expr} AS VARCHAR), '')"


def write_tsv(con: duckdb.DuckDBPyConnection, sql: str, params: list[Any], output: Any, header: bool) -> int:
    """Write the text columns of `sql` as tab-separated lines, to `output` or stdout (None, "-")."""
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
    quoted = str(path).replace("'", "''")
    con.execute(
        f"COPY ({sql}) TO '{quoted}' (FORMAT csv, DELIMITER '\\t', HEADER {str(header).lower()}, "
        "QUOTE '', ESCAPE '', NULLSTR '')",
        params or None,
    )
    return n
