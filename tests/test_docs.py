"""The documentation covers what a user can reach: every table column, every CLI command.

As sqlite-utils and datasette test their docs: a column or command added without a line
in the docs fails here, naming what is missing.
"""

from __future__ import annotations

import re
from pathlib import Path

import typer

from kabar.cli import app
from kabar.store.schema import TABLES, USER_TABLES

ROOT = Path(__file__).resolve().parent.parent
STORE_DOC = ROOT / "docs" / "store.md"


def schema_sections() -> dict[str, str]:
    """The text under each `### <table>` heading of docs/store.md's schema section."""
    text = STORE_DOC.read_text(encoding="utf-8")
    schema = text[text.index("\n## Schema") :].split("\n## ", 2)[1]
    sections: dict[str, str] = {}
    for part in schema.split("\n### ")[1:]:
        name = re.match(r"`?(\w+)`?", part)
        if name:
            sections[name.group(1)] = part
    return sections


def table_cells(section: str) -> set[str]:
    """Column names in the first cell of a markdown table's body rows (`a, b` lists several)."""
    names: set[str] = set()
    for line in section.splitlines():
        if not line.startswith("|") or set(line) <= set("|-: ") or line.split("|")[1].strip() == "column":
            continue
        for name in re.split(r"[,/]", line.split("|")[1]):
            name = name.strip().strip("*`").strip()
            if re.fullmatch(r"\w+", name):
                names.add(name)
    return names


def documented_columns() -> dict[str, set[str]]:
    """Per table: names in its table rows, in backticks, or in its heading's key."""
    return {
        table: table_cells(section)
        | set(re.findall(r"`(\w+)`", section))
        | set(re.findall(r"\b\w+\b", section.splitlines()[0]))
        for table, section in schema_sections().items()
    }


def test_every_user_table_and_column_is_documented():
    documented = documented_columns()
    missing = []
    for table in USER_TABLES:
        if table not in documented:
            missing.append(f"table {table}")
            continue
        missing += [f"{table}.{name}" for name, _, _ in TABLES[table] if name not in documented[table]]
    assert not missing, f"not documented in docs/store.md: {', '.join(missing)}"


def test_documented_columns_exist():
    sections = schema_sections()
    stale = [
        f"{table}.{name}"
        for table in USER_TABLES
        for name in table_cells(sections.get(table, ""))
        if name not in {c for c, _, _ in TABLES[table]}
    ]
    assert not stale, f"docs/store.md documents columns the store does not have: {', '.join(stale)}"


def command_names() -> list[str]:
    group = typer.main.get_command(app)
    return sorted(group.commands)  # type: ignore[attr-defined]


def test_every_cli_command_is_documented():
    docs = (ROOT / "README.md").read_text(encoding="utf-8") + "".join(
        p.read_text(encoding="utf-8") for p in sorted((ROOT / "docs").glob("*.md"))
    )
    names = command_names()
    assert {"extract", "ingest", "sql", "eval"} <= set(names)
    # in backticks, or at the start of a line in a shell example (after an optional "$ ")
    shown = re.compile(r"(?:`|^(?:\$ )?)kabar (\w+)", re.M)
    missing = sorted(set(names) - set(shown.findall(docs)))
    assert not missing, f"commands never shown as `kabar <command>` in README.md or docs/: {missing}"
