"""`kabar batch INPUTS… --out DIR`: extraction on Dask into a Parquet dataset (see docs/scale.md)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from kabar.cli.app import app

if TYPE_CHECKING:
    from kabar.batch.runner import BatchReport
from kabar.cli.common import err, fail, printable
from kabar.errors import KabarError


@app.command()
def batch(
    inputs: Annotated[
        list[str], typer.Argument(help="Files (.jsonl, .warc[.gz], .html, .txt), directories or globs.")
    ],
    out: Annotated[
        str, typer.Option("--out", "-o", help="The dataset folder: new, empty, or one kabar made.")
    ],
    scheduler: Annotated[
        str | None, typer.Option("--scheduler", help="Address of a running Dask scheduler (tcp://host:8786).")
    ] = None,
    workers: Annotated[
        int | None,
        typer.Option("--workers", "-w", help="Workers of the local cluster (default: one per core)."),
    ] = None,
    shard_mb: Annotated[
        float | None,
        typer.Option(
            "--shard-mb",
            help="Cut JSON Lines files into shards of this many MB (default: about 64 shards in all, "
            "0.25-32 MB each; fixed by a dataset's first run).",
        ),
    ] = None,
    lang: Annotated[str, typer.Option(help="Language pack to read with.")] = "id",
    progress: Annotated[
        bool | None,
        typer.Option(
            "--progress/--no-progress", help="Progress bar on stderr (default: when it is a terminal)."
        ),
    ] = None,
) -> None:
    """Extract many inputs on a Dask cluster into a Parquet dataset with the store's tables.

    Without --scheduler a local cluster sized to the machine runs it. Run it again to resume:
    finished shards are skipped, and the rows come out as if it had never stopped. Query the
    result with any query command and `--db DIR`.
    """
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from kabar.batch import run_batch
    from kabar.batch.dataset import ShardDone

    console = Console(stderr=True)
    show = console.is_terminal if progress is None else progress
    columns = (
        TextColumn("[bold]batch[/bold] shards"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[articles]} articles"),
        TimeElapsedColumn(),
    )
    with Progress(*columns, console=console, disable=not show) as bar:
        task = bar.add_task("batch", total=None, articles=0)
        count = [0]

        def on_start(report: BatchReport) -> None:
            bar.update(task, total=report.shards - report.skipped)
            if report.dashboard:
                err(f"Dask dashboard: {report.dashboard}")

        def on_shard(entry: ShardDone | None, total: int) -> None:
            count[0] += entry.articles if entry else 0
            bar.update(task, advance=1, total=total, articles=count[0])

        try:
            report = run_batch(
                inputs,
                out,
                scheduler=scheduler,
                workers=workers,
                lang=lang,
                shard_bytes=None if shard_mb is None else max(1, int(shard_mb * (1 << 20))),
                on_shard=on_shard,
                on_start=on_start,
            )
        except KabarError as exc:
            raise fail(exc) from exc
    _summarise(out, report)


def _summarise(out: str, report: BatchReport) -> None:
    merged = report.merge
    err(
        f"{printable(out)}: {report.processed} shards done now, {report.skipped} done before, "
        f"{len(report.failed)} failed; {report.articles} articles, {report.failures} inputs failed; "
        f"{merged.events if merged else 0} events, {merged.duplicates if merged else 0} near-duplicate links"
    )
    for label, reason in report.failed:
        err(f"{label}: {reason}")
    if report.failed:
        raise typer.Exit(1)
