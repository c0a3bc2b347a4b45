"""What the store and query commands share: the database option, formats, messages, output."""

from __future__ import annotations

import enum
import re
from pathlib import Path
from typing import Annotated, Any

import typer

from kabar.errors import KabarError

DEFAULT_DB = "kabar.duckdb"  # as kabar.store.DEFAULT_DB (not imported: keeps `kabar --help` fast)

DbOption = Annotated[
    str,
    typer.Option("--db", envvar="KABAR_DB", help="The kabar database (DuckDB file).", show_envvar=True),
]


class Format(str, enum.Enum):
    table = "table"
    csv = "csv"
    json = "json"
    jsonl = "jsonl"
    parquet = "parquet"


class EventFormat(str, enum.Enum):
    table = "table"
    csv = "csv"
    json = "json"
    jsonl = "jsonl"
    parquet = "parquet"
    gdelt = "gdelt"


FormatOption = Annotated[
    Format,
    typer.Option("--format", "-f", help="table (terminal), csv, json, jsonl or parquet (needs --output)."),
]
OutputOption = Annotated[
    Path | None, typer.Option("--output", "-o", help="Write here instead of stdout (parquet: a folder).")
]
ForceOption = Annotated[
    bool,
    typer.Option(
        "--force", help="Replace an existing --output file, or kabar's own earlier output in a folder."
    ),
]
LimitOption = Annotated[int, typer.Option("--limit", "-n", help="At most this many rows (0: all).")]
StartOption = Annotated[
    str | None, typer.Option("--start", "--since", help="From this date (YYYY-MM-DD), inclusive.")
]
EndOption = Annotated[
    str | None, typer.Option("--end", "--until", help="Up to this date (YYYY-MM-DD), inclusive.")
]

# Terminal control characters (escape sequences, carriage returns) and bidirectional overrides
# in article text or a file name could rewrite what the terminal shows: they are shown as codes.
_UNPRINTABLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def printable(text: Any) -> str:
    """`text` with the characters that would steer the terminal shown as \\xNN codes instead."""
    return _UNPRINTABLE.sub(lambda m: f"\\x{ord(m.group()):02x}", str(text))


def err(message: str) -> None:
    """A message on stderr as plain text (never read as markup)."""
    typer.echo(f"kabar: {printable(message)}", err=True)


def fail(exc: Exception, code: int = 2) -> typer.Exit:
    err(str(exc))
    return typer.Exit(code)


def connect(db: str) -> Any:
    from kabar.query import connect as open_store

    try:
        return open_store(db)
    except KabarError as exc:
        raise fail(exc) from exc


def emit(table: Any, fmt: Format | EventFormat, output: Path | None, force: bool, show: Any) -> None:
    """Write a query result in `fmt` to `output` (stdout if None), or `show` it as a terminal table."""
    from kabar.export import write_table

    if fmt.value == "table":
        if output is None:
            show()
            return
        fmt = Format.csv if str(output).endswith(".csv") else Format.jsonl
    try:
        where = write_table(table, fmt.value, output, overwrite=force)
    except KabarError as exc:
        raise fail(exc) from exc
    if output is not None:
        err(f"wrote {table.num_rows} rows to {where}")


def db_hint(db: str) -> str:
    return "" if db == DEFAULT_DB else f" --db {db}"
