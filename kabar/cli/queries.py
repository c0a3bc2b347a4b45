"""Query commands: `kabar events`, `evidence`, `dyad`, `actors`, `quotes` and `sql`.

Each prints a table in the terminal, or writes `--format csv|json|jsonl|parquet` (to
`--output`, or stdout for the text formats). The database is `--db`, else `$KABAR_DB`, else
`kabar.duckdb` in the working directory.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any

import typer

from kabar.cli.app import app
from kabar.cli.common import (
    DEFAULT_DB,
    DbOption,
    EndOption,
    EventFormat,
    ForceOption,
    Format,
    FormatOption,
    LimitOption,
    OutputOption,
    StartOption,
    connect,
    emit,
    err,
    fail,
)
from kabar.cli.render import Col, cell, print_events, print_table
from kabar.errors import KabarError


def _show(
    table: Any,
    fmt: Format | EventFormat,
    output: Path | None,
    force: bool,
    columns: list[Col] | None = None,
    title: str | None = None,
    what: str = "row",
) -> None:
    emit(table, fmt, output, force, show=lambda: print_table(table, columns, title, what))


class Period(str, enum.Enum):
    day = "day"
    week = "week"
    month = "month"
    year = "year"


class ActorKey(str, enum.Enum):
    name = "name"
    code = "code"
    country = "country"


def _query(db: str, query: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    """`query(connection, ...)` on the database or dataset `db`; a KabarError ends the command
    with its message."""
    con = connect(db)
    try:
        return query(con, *args, **kwargs)
    except KabarError as exc:
        raise fail(exc) from exc


@app.command()
def events(
    db: DbOption = DEFAULT_DB,
    actor: Annotated[
        str | None, typer.Option("--actor", "-a", help="Either side: a CAMEO code (IRN, IDNGOV) or a name.")
    ] = None,
    other: Annotated[str | None, typer.Option("--with", help="And the other side matches this too.")] = None,
    country: Annotated[
        str | None, typer.Option("--country", "-c", help="Either actor's country (ISO alpha-3).")
    ] = None,
    code: Annotated[
        str | None, typer.Option("--code", help="CAMEO event code or its prefix (042, 04).")
    ] = None,
    root: Annotated[str | None, typer.Option("--root", help="CAMEO root code (two digits, 19).")] = None,
    start: StartOption = None,
    end: EndOption = None,
    factual: Annotated[bool, typer.Option("--factual", help="Only reported, factual events.")] = False,
    text: Annotated[str | None, typer.Option("--text", "-t", help="Words in an evidence sentence.")] = None,
    location: Annotated[
        str | None, typer.Option("--location", help="Place name or country of the event.")
    ] = None,
    limit: LimitOption = 50,
    format: Annotated[
        EventFormat,
        typer.Option("--format", "-f", help="table, csv, json, jsonl, parquet, or gdelt (GDELT 2.0 TSV)."),
    ] = EventFormat.table,
    output: OutputOption = None,
    force: ForceOption = False,
) -> None:
    """Events, newest first: one row per event however many articles tell it."""
    from kabar.query import events as q_events

    con = connect(db)
    filters: dict[str, Any] = dict(
        actor=actor, other=other, country=country, code=code, root=root, start=start, end=end,
        factual=True if factual else None, text=text, location=location,
    )  # fmt: skip
    try:
        if format is EventFormat.gdelt:
            from kabar.export import export_gdelt
            from kabar.outputs import prepare_output_file

            if output is not None:
                prepare_output_file(output, force=force)
            n = export_gdelt(con, output, **filters)
            if output:
                err(f"wrote {n} events to {output}")
            return
        table = q_events(con, limit=limit or None, **filters)
    except KabarError as exc:
        raise fail(exc) from exc
    if format is EventFormat.table and output is None:
        print_events(table, db)
        return
    _show(table, format, output, force)


@app.command()
def evidence(
    event_id: Annotated[int, typer.Argument(help="An event id (from `kabar events`).")],
    db: DbOption = DEFAULT_DB,
    format: FormatOption = Format.table,
    output: OutputOption = None,
    force: ForceOption = False,
) -> None:
    """Every article and sentence that tells one event."""
    from kabar.query import evidence as q_evidence

    table = _query(db, q_evidence, event_id)
    if format is Format.table and output is None:
        import pyarrow as pa

        # Where in the article: the sentence of the body, or the title or a caption.
        where = [
            str(n or "") if part in (None, "body") else part.replace("captions[", "caption ").rstrip("]")
            for part, n in zip(table["part"].to_pylist(), table["sentence"].to_pylist())
        ]
        table = table.append_column("where", pa.array(where, pa.string()))
    cols = [
        Col("date", "date"), Col("outlet", "outlet", cap=20, drop=1),
        Col("article_id", "article", cap=20, drop=2),
        Col("code", "code"), Col("where", "sent."), Col("evidence", "evidence", wrap=True),
    ]  # fmt: skip
    _show(table, format, output, force, cols, title=f"event {event_id}", what="article")


@app.command()
def dyad(
    a: Annotated[str, typer.Argument(help="One actor: a CAMEO code (IRN, USAGOV) or a name.")],
    b: Annotated[str, typer.Argument(help="The other actor.")],
    db: DbOption = DEFAULT_DB,
    by: Annotated[Period, typer.Option("--by", help="Period: day, week, month or year.")] = Period.month,
    directed: Annotated[bool, typer.Option("--directed", help="Only events from A to B.")] = False,
    start: StartOption = None,
    end: EndOption = None,
    factual: Annotated[bool, typer.Option("--factual", help="Only reported, factual events.")] = False,
    format: FormatOption = Format.table,
    output: OutputOption = None,
    force: ForceOption = False,
) -> None:
    """Events between two actors per period: counts, Goldstein sum and the quad-class mix."""
    from kabar.query import dyad as q_dyad

    table = _query(db, q_dyad, a, b, by=by.value, directed=directed, start=start, end=end,
                   factual=True if factual else None)  # fmt: skip
    sa, sb = cell(a, 8), cell(b, 8)
    cols = [
        Col("period", by.value), Col("events", "events"),
        Col("a_to_b", f"{sa}→{sb}"), Col("b_to_a", f"{sb}→{sa}"),
        Col("mutual", "mutual"), Col("articles", "articles", drop=2), Col("goldstein_sum", "Goldstein"),
        Col("goldstein_mean", "mean", drop=3), Col("verbal_coop", "v.coop", drop=1, group="quad"),
        Col("material_coop", "m.coop", drop=1, group="quad"),
        Col("verbal_conflict", "v.conf", drop=1, group="quad"),
        Col("material_conflict", "m.conf", drop=1, group="quad"),
    ]  # fmt: skip
    title = f"{a} – {b} by {by.value} (mutual: meetings and other reciprocal events)"
    _show(table, format, output, force, cols, title=title,
          what="period")  # fmt: skip


@app.command()
def actors(
    db: DbOption = DEFAULT_DB,
    by: Annotated[
        ActorKey, typer.Option("--by", help="Group by entity name, CAMEO actor code or country.")
    ] = ActorKey.name,
    type: Annotated[str | None, typer.Option("--type", help="Only PER, ORG, GPE or LOC.")] = None,
    country: Annotated[
        str | None, typer.Option("--country", "-c", help="Only actors of this country.")
    ] = None,
    start: StartOption = None,
    end: EndOption = None,
    limit: LimitOption = 20,
    format: FormatOption = Format.table,
    output: OutputOption = None,
    force: ForceOption = False,
) -> None:
    """The most active actors: events they take part in, then articles and mentions."""
    from kabar.query import actors as q_actors

    table = _query(
        db, q_actors, by=by.value, limit=limit or None, type=type, country=country, start=start, end=end
    )
    cols = [Col("actor", by.value, cap=26)]
    if by is ActorKey.name:
        if format is Format.table and output is None:
            import pyarrow as pa

            # One column for both: a CAMEO actor code names the country too (IDNGOV).
            codes = [c or k for c, k in zip(table["actor_code"].to_pylist(), table["country"].to_pylist())]
            table = table.append_column("code_or_country", pa.array(codes, pa.string()))
        cols += [Col("type", "type"), Col("code_or_country", "code")]
    else:
        cols += [Col("name", "name", cap=24, drop=5), Col("type", "type", drop=6)]
    cols += [
        Col("events", "events"),
        Col("as_source", "as src", drop=3, group="sides"), Col("as_target", "as tgt", drop=3, group="sides"),
        Col("goldstein_mean", "Goldstein", drop=2), Col("articles", "articles"),
        Col("mentions", "mentions", drop=4),
    ]  # fmt: skip
    _show(table, format, output, force, cols, what="actor")


@app.command()
def quotes(
    db: DbOption = DEFAULT_DB,
    speaker: Annotated[
        str | None, typer.Option("--speaker", "-s", help="Speaker's name (any part, any case).")
    ] = None,
    text: Annotated[str | None, typer.Option("--text", "-t", help="Words in the quotation.")] = None,
    kind: Annotated[str | None, typer.Option("--kind", help="direct or indirect.")] = None,
    start: StartOption = None,
    end: EndOption = None,
    limit: LimitOption = 50,
    format: FormatOption = Format.table,
    output: OutputOption = None,
    force: ForceOption = False,
) -> None:
    """Quotations, newest first, with who said them and where."""
    from kabar.query import quotes as q_quotes

    table = _query(
        db, q_quotes, speaker=speaker, text=text, kind=kind, start=start, end=end, limit=limit or None
    )
    cols = [
        Col("date", "date"), Col("speaker", "speaker", cap=24), Col("kind", "kind", drop=2),
        Col("quote", "quote", wrap=True), Col("outlet", "outlet", cap=20, drop=1),
    ]  # fmt: skip
    _show(table, format, output, force, cols, what="quote")


@app.command(name="sql", context_settings={"ignore_unknown_options": True})
def sql_command(
    statement: Annotated[
        str,
        typer.Argument(
            help="SQL that reads (SELECT, WITH, FROM, DESCRIBE, SHOW); several may be given, ';'-separated."
        ),
    ],
    db: DbOption = DEFAULT_DB,
    format: FormatOption = Format.table,
    output: OutputOption = None,
    force: ForceOption = False,
    timeout: Annotated[
        float, typer.Option("--timeout", min=0, help="Stop the query after this many seconds (0: no limit).")
    ] = 30.0,
    max_rows: Annotated[
        int, typer.Option("--max-rows", min=0, help="Refuse a result of more rows than this (0: no limit).")
    ] = 10_000,
) -> None:
    """Run SQL on the store; it reads the store's tables and nothing else.

    No files, network or extensions; a time limit and a row limit. With several statements,
    the last one's result is shown. Tables: docs/store.md; rules: docs/security.md.
    """
    from kabar.query import readonly_connection, run_readonly_sql

    try:
        con = readonly_connection(db)
        table = run_readonly_sql(con, statement, timeout_s=timeout or None, max_rows=max_rows or None)
    except KabarError as exc:
        raise fail(exc) from exc
    _show(table, format, output, force)
