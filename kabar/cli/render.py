"""Query results in the terminal: tables that fit its width, events as blocks of text.

Every value shown is untrusted text (an article's words, a name, a column a user named): it
goes into rich `Text` objects, never into markup, so `[/x]`, `[foto]` or an author's `[mus]`
show as written, and characters that would steer the terminal are shown as codes.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from kabar.cli.common import db_hint, printable


def cell(value: Any, width: int | None = None) -> str:
    import datetime as dt

    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return f"{value:g}"
    if isinstance(value, dt.datetime):
        return value.isoformat(timespec="minutes")
    text = printable(" ".join(str(value).split()))
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


def print_table(
    table: Any,
    columns: list[Col] | None = None,
    title: str | None = None,
    what: str = "row",
) -> None:
    """Render an Arrow table in the terminal: columns cut to fit its width, least useful first."""
    import pyarrow as pa
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    console = Console()
    cols = columns or [Col(c, c, cap=40) for c in table.column_names]
    cells = {
        c.name: [cell(v, None if c.wrap else c.cap) for v in table.column(c.name).to_pylist()] for c in cols
    }
    natural = {
        c.name: max([len(x) for x in cells[c.name]] + [len(c.label)]) if not c.wrap
        else max(len(c.label), min(70, max([len(x) for x in cells[c.name]] + [0])))
        for c in cols
    }  # fmt: skip
    shown, widths = _fit(cols, natural, console.width)
    out = Table(
        title=Text(printable(title)) if title else None,
        show_lines=any(c.wrap for c in shown),
        header_style="bold",
        title_justify="left",
    )
    for c in shown:
        kind = table.schema.field(c.name).type
        out.add_column(
            Text(printable(c.label)),
            justify="right" if pa.types.is_integer(kind) or pa.types.is_floating(kind) else "left",
            overflow="fold" if c.wrap else "ellipsis",
            no_wrap=not c.wrap,
            width=widths[c.name],
        )
    for i in range(table.num_rows):
        out.add_row(*(Text(cells[c.name][i]) for c in shown))
    console.print(out)
    n = table.num_rows
    hidden = [c.label for c in cols if c not in shown]
    note = f"{n} {what}{'s' if n != 1 else ''}" if n else f"no {what}s"
    if hidden and n:
        note += f" ({', '.join(hidden)} hidden at this width: widen the terminal or use --format csv)"
    console.print(Text(printable(note), "dim"))


def actor_label(name: Any, country: Any, cap: int = 32) -> str:
    name = cell(name, cap)
    if name and country:
        return f"{name} ({printable(country)})"
    return printable(name or country or "")


def _event_name(code: str | None) -> str:
    """CAMEO's name of an event code ("042" -> "Make a visit"), or ""."""
    if not code:
        return ""
    try:
        from kabar import cameo

        return cameo.name(code)
    except Exception:  # noqa: BLE001 - a code the ontology lacks is shown bare
        return ""


def print_events(table: Any, db: str) -> None:
    """Events in the terminal, one block each: what and when, who to whom and where, and the
    sentence telling it (wrapped to the terminal's width)."""
    import textwrap

    from rich.console import Console
    from rich.text import Text

    console = Console()
    width = console.width
    for r in table.to_pylist():
        when, code = str(r["date"] or "no date"), printable(r["code"] or "?")
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
        src = actor_label(r["source_name"], r["source_country"])
        tgt = actor_label(r["target_name"], r["target_country"])
        who = Text("  ")
        if src:
            who.append(src, "bold")
        if tgt:
            who.append(" ↔ " if r.get("is_symmetric") else " → ")
            who.append(tgt, "bold")
        if r["location_name"]:
            who.append(f"  in {cell(r['location_name'], 30)}")
        console.print(who, no_wrap=True, overflow="ellipsis")
        if r["evidence"]:
            lines = textwrap.wrap(cell(r["evidence"], 400), max(20, width - 4))
            console.print(Text("\n".join("    " + line for line in lines), "italic"), no_wrap=True)
        console.print()
    n = table.num_rows
    if not n:
        console.print(Text("no events", "dim"))
        return
    console.print(
        Text(f"{n} event{'s' if n != 1 else ''}, newest first; every article telling one: "
             f"kabar evidence ID{printable(db_hint(db))}", "dim")
    )  # fmt: skip
