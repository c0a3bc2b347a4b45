"""`kabar extract`: articles in, the output contract out (JSON for one, JSON Lines for many)."""

from __future__ import annotations

import enum
import sys
from pathlib import Path
from typing import Annotated

import typer

from kabar.cli.app import app
from kabar.cli.common import err
from kabar.errors import KabarError
from kabar.readers import JSONL_SUFFIXES, WARC_SUFFIXES, suffix_of


class OutputFormat(str, enum.Enum):
    json = "json"
    jsonl = "jsonl"


def _single_article(inputs: list[str]) -> bool:
    if len(inputs) != 1 or inputs[0] == "-":
        return False
    path = Path(inputs[0])
    return path.is_file() and suffix_of(path) not in JSONL_SUFFIXES | WARC_SUFFIXES


@app.command()
def extract(
    inputs: Annotated[
        list[str],
        typer.Argument(help="Files (.txt, .html, .jsonl, .warc[.gz]), directories, globs, or - for stdin."),
    ],
    format: Annotated[
        OutputFormat | None,
        typer.Option("--format", "-f", help="json (default for one article) or jsonl (default for many)."),
    ] = None,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write here, not to stdout.")] = None,
    force: Annotated[bool, typer.Option("--force", help="Replace an existing --output file.")] = False,
    lang: Annotated[str, typer.Option(help="Language pack to read with.")] = "id",
    progress: Annotated[
        bool | None,
        typer.Option("--progress/--no-progress", help="Progress bar on stderr (default: on a terminal)."),
    ] = None,
) -> None:
    """Read news articles and print their structure, entities, quotes and events."""
    from kabar.pipeline import get_pipeline

    try:
        pipeline = get_pipeline(lang)
    except KabarError as exc:
        err(str(exc))
        raise typer.Exit(2) from exc
    fmt = format or (OutputFormat.json if _single_article(inputs) else OutputFormat.jsonl)
    if output:
        from kabar.outputs import prepare_output_file

        try:
            prepare_output_file(output, force=force)
        except KabarError as exc:
            err(str(exc))
            raise typer.Exit(2) from exc
    out = output.open("w", encoding="utf-8") if output else sys.stdout
    show_progress = sys.stderr.isatty() if progress is None else progress
    failures = 0
    written = 0
    as_array = fmt is OutputFormat.json and not _single_article(inputs)
    try:
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

        with Progress(
            TextColumn("[bold]extract"), BarColumn(), MofNCompleteColumn(), TextColumn("{task.fields[rate]}"),
            TextColumn("errors: {task.fields[errors]}"), TimeElapsedColumn(),
            console=None, disable=not show_progress, transient=False,
        ) as bar:
            task = bar.add_task("extract", total=None, rate="", errors=0)
            if as_array:
                out.write("[")
            for _source, result in pipeline.extract_many(inputs):
                if isinstance(result, KabarError):
                    failures += 1
                    err(f"error: {result}")
                else:
                    for warning in result.warnings:
                        err(f"warning: {warning}")
                    if fmt is OutputFormat.jsonl:
                        out.write(result.to_json() + "\n")
                    elif as_array:
                        out.write(("," if written else "") + "\n" + result.to_json(indent=2))
                    else:
                        out.write(result.to_json(indent=2) + "\n")
                    written += 1
                elapsed = bar.tasks[0].elapsed or 0
                bar.update(task, advance=1, errors=failures,
                           rate=f"{(written + failures) / elapsed:.1f}/s" if elapsed else "")
            if as_array:
                out.write("\n]\n")
    finally:
        if output:
            out.close()
    if failures:
        if written:
            err(f"{failures} input(s) failed, {written} article(s) written")
        raise typer.Exit(1)
