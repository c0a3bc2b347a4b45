"""`kabar eval GOLD_DIR [--pred DIR] [--corpus FILE] [--json]`: score kabar against gold files."""

from __future__ import annotations

import json
from pathlib import Path

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from kabar.cli.app import app
from kabar.evaluate import FACTUAL_NOTE, Accuracy, GoldError, Report, evaluate, shorten

SECTION_ORDER = ("metadata", "entities", "quotes", "events")


def _fmt(x: float | None) -> str:
    return "-" if x is None else f"{x:.3f}"


def _acc(acc: Accuracy) -> str:
    return "-" if acc.total == 0 else f"{acc.accuracy:.3f} ({acc.correct}/{acc.total})"


def print_report(report: Report, console: Console, show: int = 50) -> None:
    n = len(report.files)
    corpus = f"; articles by corpus_id from {escape(report.corpus)}" if report.corpus else ""
    console.print(
        f"[bold]kabar eval[/bold]: {n} article{'s' * (n != 1)} from {escape(report.gold_dir)} "
        f"(predictions: {escape(report.predictions)}{corpus})",
        soft_wrap=True,
    )

    table = Table(title="Detection", title_justify="left")
    for col in ("section", "P", "R", "F1", "found/gold", "false alarms", "optional matched"):
        table.add_column(col, justify="left" if col == "section" else "right")
    for name, prf in (("entities", report.entities), ("quotes", report.quotes), ("events", report.events)):
        table.add_row(
            name,
            _fmt(prf.precision),
            _fmt(prf.recall),
            _fmt(prf.f1),
            f"{prf.tp}/{prf.tp + prf.fn}",
            str(prf.fp),
            str(prf.optional_matched),
        )
    console.print(table)

    acc = Table(title="Accuracy", title_justify="left")
    acc.add_column("what")
    acc.add_column("accuracy (correct/total)", justify="right")
    d = report.to_dict()
    for name, a in report.metadata().items():
        acc.add_row(f"metadata: {name}", _acc(a))
    for name, a in report.entity_attrs().items():
        acc.add_row(f"entities: {name} (matched)", _acc(a))
    acc.add_row("quotes: attribution (matched)", _acc(report.attribution))
    acc.add_row("quotes: kind (matched)", _acc(report.quote_kind))
    acc.add_row("events: exact code (matched)", _acc(report.event_exact_code))
    acc.add_row("events: evidence starts as gold (matched)", _acc(report.event_evidence))
    console.print(acc)

    non_factual = d["events"]["non_factual"]
    by_mode = ", ".join(f"{k} {v}" for k, v in sorted(non_factual["by_mode"].items())) or "none"
    console.print(
        f"[dim]{FACTUAL_NOTE} Non-factual predicted events: {non_factual['total']} ({by_mode}).[/dim]"
    )

    problems = report.problems
    if show != 0 and problems:
        listed = problems if show < 0 else problems[:show]
        console.print(f"\n[bold]Misses and false alarms[/bold] ({len(problems)}; showing {len(listed)})")
        for section in SECTION_ORDER:
            items = [p for p in listed if p.section == section]
            if not items:
                continue
            console.print(f"[bold]{section}[/bold]")
            for p in items:
                colour = {"miss": "red", "false_alarm": "yellow"}.get(p.kind, "magenta")
                prefix = f"[{p.file}] " if n > 1 else ""
                console.print(
                    f"  [{colour}]{p.kind}[/{colour}] {escape(prefix + p.what)}",
                    highlight=False,
                    soft_wrap=True,
                )
                if p.evidence:
                    console.print(
                        f"      [dim]“{escape(shorten(p.evidence))}”[/dim]", highlight=False, soft_wrap=True
                    )
        if len(listed) < len(problems):
            console.print(f"[dim]… {len(problems) - len(listed)} more (use --show -1, or --json)[/dim]")


@app.command("eval")
def eval_command(
    gold_dir: Path = typer.Argument(
        ..., help="Folder of *.gold.json files (each names its article by 'file' or by 'corpus_id')."
    ),
    pred: Path | None = typer.Option(  # noqa: UP007 - typer reads Optional
        None,
        "--pred",
        help="Score these predictions (<gold id>.json, as Article.to_dict()) instead of running kabar.",
    ),
    corpus: Path | None = typer.Option(  # noqa: UP007
        None,
        "--corpus",
        help="JSON Lines corpus that gold files naming a 'corpus_id' read their article from "
        "(default: ../shared/corpus/id-news.jsonl from here, or a corpus/ folder above GOLD_DIR).",
    ),
    as_json: bool = typer.Option(False, "--json", help="Print the full report as JSON."),
    lang: str | None = typer.Option(  # noqa: UP007
        None, "--lang", help="Language pack to run (default: the gold file's language, else id)."
    ),
    show: int = typer.Option(50, "--show", help="List at most this many misses and false alarms (-1: all)."),
) -> None:
    """Score kabar against hand annotations: P/R/F1 for entities, quotes and events, metadata accuracy."""
    err = Console(stderr=True)
    try:
        report = evaluate(gold_dir, pred_dir=pred, lang=lang, corpus=corpus)
    except GoldError as exc:
        err.print(f"[red]error[/red]: {escape(str(exc))}", highlight=False, soft_wrap=True)
        raise typer.Exit(2) from exc
    if as_json:
        typer.echo(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
    else:
        print_report(report, Console(), show=show)
    if report.errors:
        for gold_id, error in report.errors:
            err.print(
                f"[red]error[/red]: kabar failed on {gold_id}: {escape(error)}",
                highlight=False,
                soft_wrap=True,
            )
        raise typer.Exit(1)
