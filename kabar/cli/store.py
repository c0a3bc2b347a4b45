"""Store and query commands: `kabar ingest`, `actors`, `events`, `evidence`, `dyad`, `quotes`, `sql`, `export`.

Each query prints a table in the terminal, or writes `--format csv|json|jsonl|parquet`
(to `--output`, or stdout for the text formats). The database is `--db`, else
`$KABAR_DB`, else `kabar.duckdb` in the working directory.
"""

from __future__ import annotations

import enum
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any

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
    Path | None, typer.Option("--output", "-o", help="Write here instead of stdout (parquet: a directory).")
]
LimitOption = Annotated[int, typer.Option("--limit", "-n", help="At most this many rows (0: all).")]
StartOption = Annotated[str | None, typer.Option("--start", "--since", help="From this date (YYYY-MM-DD), inclusive.")]
EndOption = Annotated[str | None, typer.Option("--end", "--until", help="Up to this date (YYYY-MM-DD), inclusive.")]


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
    text = " ".join(str(value).split())
    if width and len(text) > width:
        text = text[: width - 1].rstrip() + "…"
    return text


@dataclass
class Col:
    """A column of a terminal table: the result column, its heading and how it gives way.

    `cap`: longer values are cut with "…" there. `drop`: when the terminal is too narrow,
    columns are hidden highest `drop` first (0: always shown), a `group` all together.
    `wrap`: long text that wraps in its cell (a sentence, a quotation) instead of being cut.
    """

    name: str
    label: str
    drop: int = 0
    cap: int | None = 28
    wrap: bool = False
    group: str | None = None


_BORDER = 3  # a column's share of rich's box lines and padding
_WRAP_ROOM = 50  # a wrapped column keeps this much before other columns are hidden
_WRAP_MIN = 30


def _fit(cols: list[Col], natural: dict[str, int], width: int) -> tuple[list[Col], dict[str, int]]:
    """Which columns to show, and how wide, so that the table fits `width` characters."""
    shown = list(cols)
    widths = dict(natural)

    def over() -> int:
        return sum(widths[c.name] + _BORDER for c in shown) + 1 - width

    def shrink_wrapped(floor: int) -> None:
        for c in shown:
            if c.wrap and over() > 0:
                widths[c.name] = max(min(floor, natural[c.name]), widths[c.name] - over())

    # Wrapped text gives way first, down to a readable width; then the least useful columns
    # are hidden; then wrapped text narrows further, then long names are cut harder.
    shrink_wrapped(_WRAP_ROOM)
    for c in sorted((c for c in cols if c.drop), key=lambda c: -c.drop):
        if over() <= 0:
            break
        if c in shown:
            shown[:] = [x for x in shown if x is not c and (c.group is None or x.group != c.group)]
    shrink_wrapped(_WRAP_MIN)
    while over() > 0:
        cands = [c for c in shown if c.cap and not c.wrap and widths[c.name] > 10]
        if not cands:
            break
        widths[max(cands, key=lambda c: widths[c.name]).name] -= 1
    # Room left over goes back to wrapped text.
    for c in shown:
        if c.wrap and over() < 0:
            widths[c.name] = min(natural[c.name], widths[c.name] - over())
    return shown, widths


def _print_table(
    table: Any,
    columns: list[Col] | None = None,
    title: str | None = None,
    what: str = "row",
) -> None:
    """Render an Arrow table in the terminal: columns cut to fit its width, least useful first."""
    import pyarrow as pa
    from rich.console import Console
    from rich.table import Table

    console = Console()
    cols = columns or [Col(c, c, cap=40) for c in table.column_names]
    cells = {
        c.name: [_cell(v, None if c.wrap else c.cap) for v in table.column(c.name).to_pylist()] for c in cols
    }
    natural = {
        c.name: max([len(x) for x in cells[c.name]] + [len(c.label)]) if not c.wrap
        else max(len(c.label), min(70, max([len(x) for x in cells[c.name]] + [0])))
        for c in cols
    }  # fmt: skip
    shown, widths = _fit(cols, natural, console.width)
    out = Table(title=title, show_lines=any(c.wrap for c in shown), header_style="bold", title_justify="left")
    for c in shown:
        kind = table.schema.field(c.name).type
        out.add_column(
            c.label,
            justify="right" if pa.types.is_integer(kind) or pa.types.is_floating(kind) else "left",
            overflow="fold" if c.wrap else "ellipsis",
            no_wrap=not c.wrap,
            width=widths[c.name],
        )
    for i in range(table.num_rows):
        out.add_row(*(cells[c.name][i] for c in shown))
    console.print(out)
    n = table.num_rows
    hidden = [c.label for c in cols if c not in shown]
    note = f"{n} {what}{'s' if n != 1 else ''}" if n else f"no {what}s"
    if hidden and n:
        note += f" ({', '.join(hidden)} hidden at this width: widen the terminal or use --format csv)"
    console.print(f"[dim]{note}[/dim]")


def _emit(
    table: Any,
    fmt: Format | EventFormat,
    output: Path | None,
    columns: list[Col] | None = None,
    title: str | None = None,
    what: str = "row",
) -> None:
    from kabar.export import write_table

    if fmt.value == "table":
        if output is not None:
            fmt = Format.csv if str(output).endswith(".csv") else Format.jsonl
        else:
            _print_table(table, columns, title, what)
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
        bool | None,
        typer.Option("--progress/--no-progress", help="Progress bar on stderr (default: when it is a terminal)."),
    ] = None,
    log_batches: Annotated[bool, typer.Option("--log-batches", hidden=True)] = False,
) -> None:
    """Read, extract and store articles in the database; run it again to add more or to resume.

    An article is known by its URL, else by its file and id (a/001.txt and b/001.txt are two
    articles), else by its id. Articles stored with the same content are skipped; one stored
    with other content replaces the old version. Inputs that cannot be read are listed at
    the end and kept in the `failures` table.
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

    startup = f"{report.startup:.1f} s of it starting up" if report.startup and report.startup > 1 else ""
    # A rate only means something once more than the first batch was done.
    rate = f"{report.rate:.1f}/s" if report.read > report.startup_read else ""
    timing = ", ".join(x for x in (rate, startup) if x)
    console.print(
        f"[bold]{report.read}[/bold] inputs in {report.seconds:.1f} s{f' ({timing})' if timing else ''}: "
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


def _actor_label(name: Any, country: Any, cap: int = 32) -> str:
    name = _cell(name, cap)
    if name and country:
        return f"{name} ({country})"
    return str(name or country or "")


def _event_name(code: str | None) -> str:
    """CAMEO's name of an event code ("042" -> "Make a visit"), or ""."""
    if not code:
        return ""
    try:
        from kabar import cameo

        return cameo.name(code)
    except Exception:  # noqa: BLE001 - a code the ontology lacks is shown bare
        return ""


def _db_hint(db: str) -> str:
    return "" if db == DEFAULT_DB else f" --db {db}"


def _print_events(table: Any, db: str) -> None:
    """Events in the terminal, one block each: what and when, who to whom and where, and the
    sentence telling it (wrapped to the terminal's width)."""
    import textwrap

    from rich.console import Console
    from rich.text import Text

    console = Console()
    width = console.width
    for r in table.to_pylist():
        when, code = str(r["date"] or "no date"), r["code"] or "?"
        facts = [] if r["mode"] in (None, "reported") else [str(r["mode"])]
        n, outlets = r["num_articles"] or 0, r["num_sources"] or 0
        facts.append(f"{n} article{'s' if n != 1 else ''}" + (f", {outlets} outlets" if outlets > 1 else ""))
        about = f"  ({'; '.join(facts)})"
        tag = f"id {r['event_id']}"  # whole: it is what `kabar evidence` takes
        # CAMEO's name of the code gives way (cut with "…") so that the line keeps the id.
        room = width - len(when) - 2 - len(code) - len(about) - len(tag) - 3
        name = _event_name(r["code"])
        if name and room < len(name):
            name = name[: max(0, room - 1)].rstrip() + "…" if room >= 8 else ""
        head = Text()
        head.append(when, "bold")
        head.append("  ")
        head.append(code, "bold cyan")
        if name:
            head.append(f" {name}", "cyan")
        head.append(about, "dim")
        gap = width - len(head) - len(tag)
        if gap >= 2:
            head.append(" " * gap + tag, "dim")
            console.print(head, no_wrap=True, overflow="ellipsis")
        else:
            console.print(head, no_wrap=True, overflow="ellipsis")
            console.print(Text(f"  {tag}", "dim"))
        src = _actor_label(r["source_name"], r["source_country"])
        tgt = _actor_label(r["target_name"], r["target_country"])
        who = Text("  ")
        if src:
            who.append(src, "bold")
        if tgt:
            who.append(" ↔ " if r.get("is_symmetric") else " → ")
            who.append(tgt, "bold")
        if r["location_name"]:
            who.append(f"  in {_cell(r['location_name'], 30)}")
        console.print(who, no_wrap=True, overflow="ellipsis")
        if r["evidence"]:
            lines = textwrap.wrap(_cell(r["evidence"], 400), max(20, width - 4))
            console.print(Text("\n".join("    " + line for line in lines), "italic"), no_wrap=True)
        console.print()
    n = table.num_rows
    if not n:
        console.print("[dim]no events[/dim]")
        return
    console.print(
        Text(f"{n} event{'s' if n != 1 else ''}, newest first; every article telling one: "
             f"kabar evidence ID{_db_hint(db)}", "dim")
    )  # fmt: skip


@app.command()
def events(
    db: DbOption = DEFAULT_DB,
    actor: Annotated[
        str | None, typer.Option("--actor", "-a", help="Either side: a CAMEO code (IRN, IDNGOV) or a name.")
    ] = None,
    other: Annotated[str | None, typer.Option("--with", help="And the other side matches this too.")] = None,
    country: Annotated[str | None, typer.Option("--country", "-c", help="Either actor's country (ISO alpha-3).")] = None,
    code: Annotated[str | None, typer.Option("--code", help="CAMEO event code or its prefix (042, 04).")] = None,
    root: Annotated[str | None, typer.Option("--root", help="CAMEO root code (two digits, 19).")] = None,
    start: StartOption = None,
    end: EndOption = None,
    factual: Annotated[bool, typer.Option("--factual", help="Only reported, factual events.")] = False,
    text: Annotated[str | None, typer.Option("--text", "-t", help="Words in an evidence sentence.")] = None,
    location: Annotated[str | None, typer.Option("--location", help="Place name or country of the event.")] = None,
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
        _print_events(table, db)
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
    if format is Format.table and output is None:
        import pyarrow as pa

        # Where in the article: the sentence of the body, or the title or a caption.
        where = [
            str(n or "") if part in (None, "body") else part.replace("captions[", "caption ").rstrip("]")
            for part, n in zip(table["part"].to_pylist(), table["sentence"].to_pylist())
        ]
        table = table.append_column("where", pa.array(where, pa.string()))
    cols = [
        Col("date", "date"), Col("outlet", "outlet", cap=20, drop=1), Col("article_id", "article", cap=20, drop=2),
        Col("code", "code"), Col("where", "sent."), Col("evidence", "evidence", wrap=True),
    ]  # fmt: skip
    _emit(table, format, output, cols, title=f"event {event_id}", what="article")


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
    sa, sb = _cell(a, 8), _cell(b, 8)
    cols = [
        Col("period", by.value), Col("events", "events"), Col("a_to_b", f"{sa}→{sb}"), Col("b_to_a", f"{sb}→{sa}"),
        Col("mutual", "mutual"), Col("articles", "articles", drop=2), Col("goldstein_sum", "Goldstein"),
        Col("goldstein_mean", "mean", drop=3), Col("verbal_coop", "v.coop", drop=1, group="quad"),
        Col("material_coop", "m.coop", drop=1, group="quad"), Col("verbal_conflict", "v.conf", drop=1, group="quad"),
        Col("material_conflict", "m.conf", drop=1, group="quad"),
    ]  # fmt: skip
    _emit(table, format, output, cols, title=f"{a} – {b} by {by.value} (mutual: meetings and other reciprocal events)",
          what="period")  # fmt: skip


@app.command()
def actors(
    db: DbOption = DEFAULT_DB,
    by: Annotated[ActorKey, typer.Option("--by", help="Group by entity name, CAMEO actor code or country.")] = ActorKey.name,
    type: Annotated[str | None, typer.Option("--type", help="Only PER, ORG, GPE or LOC.")] = None,
    country: Annotated[str | None, typer.Option("--country", "-c", help="Only actors of this country.")] = None,
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
        Col("goldstein_mean", "Goldstein", drop=2), Col("articles", "articles"), Col("mentions", "mentions", drop=4),
    ]  # fmt: skip
    _emit(table, format, output, cols, what="actor")


@app.command()
def quotes(
    db: DbOption = DEFAULT_DB,
    speaker: Annotated[str | None, typer.Option("--speaker", "-s", help="Speaker's name (any part, any case).")] = None,
    text: Annotated[str | None, typer.Option("--text", "-t", help="Words in the quotation.")] = None,
    kind: Annotated[str | None, typer.Option("--kind", help="direct or indirect.")] = None,
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
    cols = [
        Col("date", "date"), Col("speaker", "speaker", cap=24), Col("kind", "kind", drop=2),
        Col("quote", "quote", wrap=True), Col("outlet", "outlet", cap=20, drop=1),
    ]  # fmt: skip
    _emit(table, format, output, cols, what="quote")


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
        list[str] | None, typer.Option("--table", help="Only this table (repeatable); default all.")
    ] = None,
    start: StartOption = None,
    end: EndOption = None,
    actor: Annotated[str | None, typer.Option("--actor", "-a", help="gdelt: events with this actor.")] = None,
    country: Annotated[str | None, typer.Option("--country", "-c", help="gdelt: events with an actor of this country.")] = None,
    root: Annotated[str | None, typer.Option("--root", help="gdelt: events of this CAMEO root.")] = None,
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
