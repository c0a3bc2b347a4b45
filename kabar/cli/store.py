"""Store and query commands: `kabar ingest`, `actors`, `events`, `evidence`, `dyad`, `quotes`, `sql`, `export`.

Each query prints a table in the terminal, or writes `--format csv|json|jsonl|parquet`
(to `--output`, or stdout for the text formats). The database is `--db`, else
`$KABAR_DB`, else `kabar.duckdb` in the working directory.
"""

from __future__ import annotations

import enum
import sys
from pathlib import Path
from typing import Annotated, Any, Optional

import typer

from kabar.cli.app import app
from kabar.errors import KabarError

DEFAULT_DB = "kabar.duckdb"  # as kabar.store.DEFAULT_DB (not imported: keeps `kabar --help` fast)
DEFAULT_BATCH = 200

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


class Period(str, enum.Enum):
    day = "day"
    week = "week"
    month = "month"
    year = "year"


class ActorKey(str, enum.Enum):
    name = "name"
    code = "code"
    country = "country"


class ExportFormat(str, enum.Enum):
    parquet = "parquet"
    jsonl = "jsonl"
    csv = "csv"
    gdelt = "gdelt"
    gdelt_mentions = "gdelt-mentions"


FormatOption = Annotated[
    Format, typer.Option("--format", "-f", help="table (terminal), csv, json, jsonl or parquet (needs --output).")
]
OutputOption = Annotated[
    Optional[Path], typer.Option("--output", "-o", help="Write here instead of stdout (parquet: a directory).")
]
LimitOption = Annotated[int, typer.Option("--limit", "-n", help="At most this many rows (0: all).")]
StartOption = Annotated[Optional[str], typer.Option("--start", "--since", help="From this date (YYYY-MM-DD), inclusive.")]
EndOption = Annotated[Optional[str], typer.Option("--end", "--until", help="Up to this date (YYYY-MM-DD), inclusive.")]


def err(message: str) -> None:
    typer.echo(f"kabar: {message}", err=True)


def _fail(exc: Exception, code: int = 2) -> typer.Exit:
    err(str(exc))
    return typer.Exit(code)


def _connect(db: str):
    from kabar.query import connect

    try:
        return connect(db)
    except KabarError as exc:
        raise _fail(exc) from exc


# --------------------------------------------------------------------------------------
# Output


def _cell(value: Any, width: int | None = None) -> str:
    import datetime as dt

    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return f"{value:g}"
    if isinstance(value, dt.datetime):
        return value.isoformat(timespec="minutes")
    text = str(value)
    if width and len(text) > width:
        text = text[: width - 1] + "…"
    return text


_FULL = {"event_id", "date", "period"}  # never shortened: needed to type the next command


def _print_table(
    table: Any,
    columns: list[tuple[str, str]] | None = None,
    title: str | None = None,
    wrap: set[str] | None = None,
) -> None:
    """Render an Arrow table with rich; `columns` picks and names what the terminal shows."""
    import pyarrow as pa
    from rich.console import Console
    from rich.table import Table

    console = Console()
    cols = columns or [(c, c) for c in table.column_names]
    wrap = wrap or set()
    out = Table(title=title, show_lines=bool(wrap), header_style="bold")
    data = {name: table.column(name).to_pylist() for name, _ in cols}
    cells = {name: [_cell(v, None if name in wrap else 60) for v in data[name]] for name, _ in cols}
    widest = {name: max([len(c) for c in cells[name]] + [len(label)]) for name, label in cols}

    def floor(name: str, cap: int) -> int:
        if name in wrap:
            return min(widest[name], 30)
        return widest[name] if name in _FULL else min(widest[name], cap)

    # Give each column room for its content when the terminal allows, else let rich squeeze.
    cap = 12
    while cap > 4 and sum(floor(n, cap) + 3 for n, _ in cols) > console.width:
        cap -= 2
    fits = sum(floor(n, cap) + 3 for n, _ in cols) <= console.width
    for name, label in cols:
        kind = table.schema.field(name).type
        out.add_column(
            label,
            justify="right" if pa.types.is_integer(kind) or pa.types.is_floating(kind) else "left",
            overflow="fold" if name in wrap else "ellipsis",
            ratio=1 if name in wrap else None,
            no_wrap=name not in wrap,
            min_width=floor(name, cap) if fits else None,
        )
    for i in range(table.num_rows):
        out.add_row(*(cells[name][i] for name, _ in cols))
    console.print(out)
    if table.num_rows == 0:
        console.print("[dim]no rows[/dim]")
    else:
        console.print(f"[dim]{table.num_rows} row{'s' if table.num_rows != 1 else ''}[/dim]")


def _emit(
    table: Any,
    fmt: Format | EventFormat,
    output: Path | None,
    columns: list[tuple[str, str]] | None = None,
    title: str | None = None,
    wrap: set[str] | None = None,
) -> None:
    from kabar.export import write_table

    if fmt.value == "table":
        if output is not None:
            fmt = Format.csv if str(output).endswith(".csv") else Format.jsonl
        else:
            _print_table(table, columns, title, wrap)
            return
    try:
        where = write_table(table, fmt.value, output, overwrite=True)
    except KabarError as exc:
        raise _fail(exc) from exc
    if output is not None:
        err(f"wrote {table.num_rows} rows to {where}")


# --------------------------------------------------------------------------------------
# ingest


@app.command()
def ingest(
    inputs: Annotated[
        list[str], typer.Argument(help="Files (.txt, .html, .jsonl, .warc[.gz]), directories, globs, or - for stdin.")
    ],
    db: DbOption = DEFAULT_DB,
    batch: Annotated[int, typer.Option("--batch", help="Articles per transaction.")] = DEFAULT_BATCH,
    jobs: Annotated[int, typer.Option("--jobs", "-j", help="Extraction processes (writing stays in one).")] = 1,
    lang: Annotated[str, typer.Option(help="Language pack to read with.")] = "id",
    force: Annotated[
        bool, typer.Option("--force", help="Extract and store again even articles whose content is stored.")
    ] = False,
    progress: Annotated[
        Optional[bool],
        typer.Option("--progress/--no-progress", help="Progress bar on stderr (default: when it is a terminal)."),
    ] = None,
    log_batches: Annotated[bool, typer.Option("--log-batches", hidden=True)] = False,
) -> None:
    """Read, extract and store articles in the database; run it again to add more or to resume.

    Articles whose content is stored already are skipped; an article whose id or URL is
    stored with other content replaces the old one. Inputs that cannot be read are listed
    at the end and kept in the `failures` table.
    """
    from rich.console import Console
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    from kabar.store import IngestReport, Store
    from kabar.store import ingest as run_ingest

    console = Console(stderr=True)
    show = console.is_terminal if progress is None else progress
    columns = (
        SpinnerColumn(),
        TextColumn("[bold]ingest[/bold] {task.fields[status]}{task.completed} articles"),
        TextColumn("{task.fields[rate]}"),
        TextColumn("stored {task.fields[stored]}  unchanged {task.fields[unchanged]}"),
        TextColumn("[red]errors {task.fields[errors]}[/red]"),
        TimeElapsedColumn(),
    )
    with Progress(*columns, console=console, disable=not show, transient=False) as bar:
        task = bar.add_task("ingest", total=None, rate="", stored=0, unchanged=0, errors=0,
                            status="(loading the pipeline) ")  # fmt: skip
        last = [0.0]

        def on_record(r: IngestReport) -> None:
            if r.seconds - last[0] < 0.1 and r.read % 50:
                return
            last[0] = r.seconds
            bar.update(
                task,
                status="",
                completed=r.read,
                rate=f"{r.rate:.1f}/s" if r.seconds else "",
                errors=r.failed,
                unchanged=r.unchanged,
            )

        def on_batch(r: IngestReport) -> None:
            bar.update(task, completed=r.read, stored=r.stored, unchanged=r.unchanged, errors=r.failed, status="")
            if log_batches:
                print(
                    f"batch {r.batches} committed: read {r.read}, new {r.new}, replaced {r.replaced}, "
                    f"unchanged {r.unchanged}, failed {r.failed}",
                    file=sys.stderr,
                    flush=True,
                )

        try:
            report = run_ingest(
                inputs, db, batch_size=batch, jobs=jobs, lang=lang, force=force, on_record=on_record, on_batch=on_batch
            )
        except KabarError as exc:
            raise _fail(exc) from exc
        bar.update(task, completed=report.read, rate=f"{report.rate:.1f}/s", stored=report.stored,
                   unchanged=report.unchanged, errors=report.failed)  # fmt: skip

    startup = f", {report.startup:.1f} s of it starting up" if report.startup and report.startup > 1 else ""
    console.print(
        f"[bold]{report.read}[/bold] inputs in {report.seconds:.1f} s ({report.rate:.1f}/s{startup}): "
        f"{report.new} new, {report.replaced} replaced, {report.unchanged} unchanged, "
        f"[red]{report.failed} failed[/red]; {report.events} event mentions, "
        f"{report.duplicates} near-duplicate links"
    )
    with Store(db, read_only=True) as store:
        counts = store.counts()
    console.print(
        f"{db}: " + ", ".join(f"{n:,} {t}" for t, n in counts.items() if t != "failures")
    )
    if report.failures:
        from rich.table import Table

        shown = report.failures[:20]
        table = Table(title=f"{report.failed} input(s) failed", header_style="bold", title_justify="left")
        table.add_column("input", overflow="fold")
        table.add_column("error", overflow="fold")
        for source, error in shown:
            table.add_row(source, error)
        console.print(table)
        if report.failed > len(shown):
            console.print(f"… and {report.failed - len(shown)} more")
        console.print(f'All failures: kabar sql "SELECT * FROM failures" --db {db}')
    if report.failed and report.stored + report.unchanged == 0:
        raise typer.Exit(1)


# --------------------------------------------------------------------------------------
# queries


def _actor_label(name: Any, country: Any) -> str:
    if name and country:
        return f"{name} ({country})"
    return str(name or country or "")


@app.command()
def events(
    db: DbOption = DEFAULT_DB,
    actor: Annotated[
        Optional[str], typer.Option("--actor", "-a", help="Either side: a CAMEO code (IRN, IDNGOV) or a name.")
    ] = None,
    other: Annotated[Optional[str], typer.Option("--with", help="And the other side matches this too.")] = None,
    country: Annotated[Optional[str], typer.Option("--country", "-c", help="Either actor's country (ISO alpha-3).")] = None,
    code: Annotated[Optional[str], typer.Option("--code", help="CAMEO event code or its prefix (042, 04).")] = None,
    root: Annotated[Optional[str], typer.Option("--root", help="CAMEO root code (two digits, 19).")] = None,
    start: StartOption = None,
    end: EndOption = None,
    factual: Annotated[bool, typer.Option("--factual", help="Only reported, factual events.")] = False,
    text: Annotated[Optional[str], typer.Option("--text", "-t", help="Words in an evidence sentence.")] = None,
    location: Annotated[Optional[str], typer.Option("--location", help="Place name or country of the event.")] = None,
    limit: LimitOption = 50,
    format: Annotated[
        EventFormat, typer.Option("--format", "-f", help="table, csv, json, jsonl, parquet, or gdelt (GDELT 2.0 TSV).")
    ] = EventFormat.table,
    output: OutputOption = None,
) -> None:
    """Events, newest first: one row per event however many articles tell it."""
    from kabar.query import events as q_events

    con = _connect(db)
    filters = dict(
        actor=actor, other=other, country=country, code=code, root=root, start=start, end=end,
        factual=True if factual else None, text=text, location=location,
    )  # fmt: skip
    try:
        if format is EventFormat.gdelt:
            from kabar.export import export_gdelt

            n = export_gdelt(con, output, **filters)
            if output:
                err(f"wrote {n} events to {output}")
            return
        table = q_events(con, limit=limit or None, **filters)
    except KabarError as exc:
        raise _fail(exc) from exc
    if format is EventFormat.table and output is None:
        import pyarrow as pa

        src = [_actor_label(n, c) for n, c in zip(table["source_name"].to_pylist(), table["source_country"].to_pylist())]
        tgt = [_actor_label(n, c) for n, c in zip(table["target_name"].to_pylist(), table["target_country"].to_pylist())]
        table = table.append_column("source", pa.array(src, pa.string())).append_column(
            "target", pa.array(tgt, pa.string())
        )
        cols = [
            ("event_id", "id"), ("date", "date"), ("code", "code"), ("source", "source"), ("target", "target"),
            ("location_name", "where"), ("mode", "mode"), ("num_articles", "art."), ("evidence", "evidence"),
        ]  # fmt: skip
        _print_table(table, cols, wrap={"evidence"})
        return
    _emit(table, format, output)


@app.command()
def evidence(
    event_id: Annotated[int, typer.Argument(help="An event id (from `kabar events`).")],
    db: DbOption = DEFAULT_DB,
    format: FormatOption = Format.table,
    output: OutputOption = None,
) -> None:
    """Every article and sentence that tells one event."""
    from kabar.query import evidence as q_evidence

    con = _connect(db)
    try:
        table = q_evidence(con, event_id)
    except KabarError as exc:
        raise _fail(exc) from exc
    cols = [("date", "date"), ("outlet", "outlet"), ("code", "code"), ("mode", "mode"),
            ("sentence", "sent."), ("evidence", "evidence")]  # fmt: skip
    _emit(table, format, output, cols, title=f"event {event_id}", wrap={"evidence"})


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
) -> None:
    """Events between two actors per period: counts, Goldstein sum and the quad-class mix."""
    from kabar.query import dyad as q_dyad

    con = _connect(db)
    try:
        table = q_dyad(con, a, b, by=by.value, directed=directed, start=start, end=end,
                       factual=True if factual else None)  # fmt: skip
    except KabarError as exc:
        raise _fail(exc) from exc
    cols = [
        ("period", by.value), ("events", "events"), ("a_to_b", f"{a}→{b}"), ("b_to_a", f"{b}→{a}"),
        ("articles", "articles"), ("goldstein_sum", "Goldstein Σ"), ("goldstein_mean", "mean"),
        ("verbal_coop", "v.coop"), ("material_coop", "m.coop"),
        ("verbal_conflict", "v.confl"), ("material_conflict", "m.confl"),
    ]  # fmt: skip
    _emit(table, format, output, cols, title=f"{a} – {b} by {by.value}")


@app.command()
def actors(
    db: DbOption = DEFAULT_DB,
    by: Annotated[ActorKey, typer.Option("--by", help="Group by entity name, CAMEO actor code or country.")] = ActorKey.name,
    type: Annotated[Optional[str], typer.Option("--type", help="Only PER, ORG, GPE or LOC.")] = None,
    country: Annotated[Optional[str], typer.Option("--country", "-c", help="Only actors of this country.")] = None,
    start: StartOption = None,
    end: EndOption = None,
    limit: LimitOption = 20,
    format: FormatOption = Format.table,
    output: OutputOption = None,
) -> None:
    """The most active actors: events they take part in, then articles and mentions."""
    from kabar.query import actors as q_actors

    con = _connect(db)
    try:
        table = q_actors(con, by=by.value, limit=limit or None, type=type, country=country, start=start, end=end)
    except KabarError as exc:
        raise _fail(exc) from exc
    cols = [
        ("actor", by.value), ("type", "type"), ("country", "country"), ("actor_code", "code"), ("events", "events"),
        ("as_source", "as source"), ("as_target", "as target"), ("goldstein_mean", "Goldstein"),
        ("articles", "articles"), ("mentions", "mentions"),
    ]  # fmt: skip
    _emit(table, format, output, cols)


@app.command()
def quotes(
    db: DbOption = DEFAULT_DB,
    speaker: Annotated[Optional[str], typer.Option("--speaker", "-s", help="Speaker's name (any part, any case).")] = None,
    text: Annotated[Optional[str], typer.Option("--text", "-t", help="Words in the quotation.")] = None,
    kind: Annotated[Optional[str], typer.Option("--kind", help="direct or indirect.")] = None,
    start: StartOption = None,
    end: EndOption = None,
    limit: LimitOption = 50,
    format: FormatOption = Format.table,
    output: OutputOption = None,
) -> None:
    """Quotations, newest first, with who said them and where."""
    from kabar.query import quotes as q_quotes

    con = _connect(db)
    try:
        table = q_quotes(con, speaker=speaker, text=text, kind=kind, start=start, end=end, limit=limit or None)
    except KabarError as exc:
        raise _fail(exc) from exc
    cols = [("date", "date"), ("speaker", "speaker"), ("kind", "kind"), ("quote", "quote"), ("outlet", "outlet")]
    _emit(table, format, output, cols, wrap={"quote"})


@app.command(name="sql")
def sql_command(
    statement: Annotated[str, typer.Argument(help="SQL that reads (SELECT, WITH, FROM, DESCRIBE, SHOW).")],
    db: DbOption = DEFAULT_DB,
    format: FormatOption = Format.table,
    output: OutputOption = None,
) -> None:
    """Run read-only SQL on the store (statements that write are refused). Tables: docs/store.md."""
    from kabar.query import sql as q_sql

    con = _connect(db)
    try:
        table = q_sql(con, statement)
    except KabarError as exc:
        raise _fail(exc) from exc
    _emit(table, format, output)


@app.command(name="export")
def export_command(
    output: Annotated[
        Path, typer.Option("--output", "-o", help="A directory (parquet, jsonl, csv) or a file (gdelt; - for stdout).")
    ],
    db: DbOption = DEFAULT_DB,
    format: Annotated[
        ExportFormat,
        typer.Option("--format", "-f", help="parquet (partitioned by date), jsonl, csv, gdelt or gdelt-mentions."),
    ] = ExportFormat.parquet,
    table: Annotated[
        Optional[list[str]], typer.Option("--table", help="Only this table (repeatable); default all.")
    ] = None,
    start: StartOption = None,
    end: EndOption = None,
    actor: Annotated[Optional[str], typer.Option("--actor", "-a", help="gdelt: events with this actor.")] = None,
    country: Annotated[Optional[str], typer.Option("--country", "-c", help="gdelt: events with an actor of this country.")] = None,
    root: Annotated[Optional[str], typer.Option("--root", help="gdelt: events of this CAMEO root.")] = None,
    factual: Annotated[bool, typer.Option("--factual", help="gdelt: only reported, factual events.")] = False,
    header: Annotated[bool, typer.Option("--header", help="gdelt: write a header row (GDELT files have none).")] = False,
    force: Annotated[bool, typer.Option("--force", help="Replace what is at --output.")] = False,
) -> None:
    """Export the store: Parquet partitioned by date, JSON Lines or CSV per table, or GDELT 2.0 TSV."""
    from kabar.export import export_gdelt, export_gdelt_mentions, export_store

    con = _connect(db)
    filters = dict(actor=actor, country=country, root=root, factual=True if factual else None, start=start, end=end)
    try:
        if format in (ExportFormat.gdelt, ExportFormat.gdelt_mentions):
            target = None if str(output) == "-" else output
            if target is not None and target.exists() and not force:
                raise _fail(KabarError(f"{output} exists; choose another --output or pass --force"))
            fn = export_gdelt if format is ExportFormat.gdelt else export_gdelt_mentions
            n = fn(con, target, header=header, **filters)
            if target is not None:
                err(f"wrote {n} rows to {output}")
            return
        written = export_store(con, output, format.value, tables=table, start=start, end=end, overwrite=force)
    except KabarError as exc:
        raise _fail(exc) from exc
    err(f"wrote {sum(written.values())} rows to {output}: " + ", ".join(f"{t} {n}" for t, n in written.items()))
