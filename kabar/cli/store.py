"""Store commands: `kabar ingest` and `kabar export`. The query commands are in `queries.py`."""

from __future__ import annotations

import enum
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any

import typer

from kabar.cli.app import app
from kabar.cli.common import DEFAULT_DB, DbOption, EndOption, StartOption, connect, err, fail, printable
from kabar.errors import KabarError

DEFAULT_BATCH = 200

__all__ = ["DEFAULT_DB", "DbOption", "err", "export_command", "ingest"]


class ExportFormat(str, enum.Enum):
    parquet = "parquet"
    jsonl = "jsonl"
    csv = "csv"
    gdelt = "gdelt"
    gdelt_mentions = "gdelt-mentions"
    plover = "plover"


@app.command()
def ingest(
    inputs: Annotated[
        list[str],
        typer.Argument(help="Files (.txt, .html, .jsonl, .warc[.gz]), directories, globs, or - for stdin."),
    ],
    db: DbOption = DEFAULT_DB,
    batch: Annotated[int, typer.Option("--batch", help="Articles per transaction.")] = DEFAULT_BATCH,
    jobs: Annotated[
        int, typer.Option("--jobs", "-j", help="Extraction processes (writing stays in one).")
    ] = 1,
    lang: Annotated[str, typer.Option(help="Language pack to read with.")] = "id",
    force: Annotated[
        bool, typer.Option("--force", help="Extract and store again even articles whose content is stored.")
    ] = False,
    progress: Annotated[
        bool | None,
        typer.Option(
            "--progress/--no-progress", help="Progress bar on stderr (default: when it is a terminal)."
        ),
    ] = None,
    log_batches: Annotated[bool, typer.Option("--log-batches", hidden=True)] = False,
) -> None:
    """Read, extract and store articles in the database; run it again to add more or to resume.

    An article is known by its URL, else by its file and id (a/001.txt and b/001.txt are two
    articles), else by its id. Articles stored with the same content are skipped; one stored
    with other content replaces the old version. Inputs that cannot be read are listed at
    the end and kept in the `failures` table.
    """
    import functools

    from rich.console import Console

    from kabar.ingest import ingest as run_ingest

    console = Console(stderr=True)
    show = console.is_terminal if progress is None else progress
    run = functools.partial(run_ingest, inputs, db, batch_size=batch, jobs=jobs, lang=lang, force=force)
    try:
        report = _run_with_progress(console, show, log_batches, run)
    except KabarError as exc:
        raise fail(exc) from exc
    _print_summary(console, report, db)
    if report.failed and report.stored + report.unchanged == 0:
        raise typer.Exit(1)


def _run_with_progress(console: Any, show: bool, log_batches: bool, run: Callable[..., Any]) -> Any:
    """`run(on_record=…, on_batch=…)` with a progress bar on `console`; its IngestReport."""
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

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

        def on_record(r: Any) -> None:
            if r.seconds - last[0] < 0.1 and r.read % 50:
                return
            last[0] = r.seconds
            bar.update(task, status="", completed=r.read, rate=f"{r.rate:.1f}/s" if r.seconds else "",
                       errors=r.failed, unchanged=r.unchanged)  # fmt: skip

        def on_batch(r: Any) -> None:
            bar.update(
                task, completed=r.read, stored=r.stored, unchanged=r.unchanged, errors=r.failed, status=""
            )
            if log_batches:
                print(
                    f"batch {r.batches} committed: read {r.read}, new {r.new}, replaced {r.replaced}, "
                    f"unchanged {r.unchanged}, failed {r.failed}",
                    file=sys.stderr,
                    flush=True,
                )

        report = run(on_record=on_record, on_batch=on_batch)
        bar.update(task, completed=report.read, rate=f"{report.rate:.1f}/s", stored=report.stored,
                   unchanged=report.unchanged, errors=report.failed)  # fmt: skip
    return report


def _print_summary(console: Any, report: Any, db: str) -> None:
    """What an ingest did, what the database holds now, and the inputs that failed."""
    from rich.table import Table
    from rich.text import Text

    from kabar.store import Store

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
    stored = ", ".join(f"{n:,} {t}" for t, n in counts.items() if t != "failures")
    console.print(Text(f"{printable(db)}: {stored}"))
    if not report.failures:
        return
    shown = report.failures[:20]
    table = Table(title=f"{report.failed} input(s) failed", header_style="bold", title_justify="left")
    table.add_column("input", overflow="fold")
    table.add_column("error", overflow="fold")
    for source, error in shown:
        table.add_row(Text(printable(source)), Text(printable(error)))
    console.print(table)
    if report.failed > len(shown):
        console.print(f"… and {report.failed - len(shown)} more")
    console.print(Text(f'All failures: kabar sql "SELECT * FROM failures" --db {printable(db)}'))


@app.command(name="export")
def export_command(
    output: Annotated[
        Path,
        typer.Option(
            "--output", "-o", help="A directory (parquet, jsonl, csv) or a file (gdelt, plover; - is stdout)."
        ),
    ],
    db: DbOption = DEFAULT_DB,
    format: Annotated[
        ExportFormat,
        typer.Option(
            "--format", "-f", help="parquet (by date), jsonl, csv, gdelt, gdelt-mentions or plover (JSONL)."
        ),
    ] = ExportFormat.parquet,
    table: Annotated[
        list[str] | None, typer.Option("--table", help="Only this table (repeatable); default all.")
    ] = None,
    start: StartOption = None,
    end: EndOption = None,
    actor: Annotated[str | None, typer.Option("--actor", "-a", help="gdelt: events with this actor.")] = None,
    country: Annotated[
        str | None, typer.Option("--country", "-c", help="gdelt: events with an actor of this country.")
    ] = None,
    root: Annotated[str | None, typer.Option("--root", help="gdelt: events of this CAMEO root.")] = None,
    factual: Annotated[bool, typer.Option("--factual", help="gdelt: only reported, factual events.")] = False,
    header: Annotated[
        bool, typer.Option("--header", help="gdelt: write a header row (GDELT files have none).")
    ] = False,
    force: Annotated[
        bool,
        typer.Option("--force", help="Replace kabar's own earlier output at --output (never other files)."),
    ] = False,
) -> None:
    """Export the store: Parquet partitioned by date, JSON Lines or CSV per table, or GDELT 2.0 TSV."""
    from kabar.export import export_gdelt, export_gdelt_mentions, export_plover, export_store
    from kabar.outputs import prepare_output_file

    con = connect(db)
    filters = dict(
        actor=actor, country=country, root=root, factual=True if factual else None, start=start, end=end
    )
    try:
        if format in (ExportFormat.gdelt, ExportFormat.gdelt_mentions, ExportFormat.plover):
            target = None if str(output) == "-" else output
            if target is not None:
                prepare_output_file(target, force=force)
            if format is ExportFormat.plover:
                n = export_plover(con, target, **filters)
            else:
                fn = export_gdelt if format is ExportFormat.gdelt else export_gdelt_mentions
                n = fn(con, target, header=header, **filters)
            if target is not None:
                err(f"wrote {n} rows to {output}")
            return
        written = export_store(con, output, format.value, tables=table, start=start, end=end, overwrite=force)
    except KabarError as exc:
        raise fail(exc) from exc
    err(
        f"wrote {sum(written.values())} rows to {output}: "
        + ", ".join(f"{t} {n}" for t, n in written.items())
    )
