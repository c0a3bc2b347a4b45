"""The command line under careless commands and hostile text: no lost files, no markup read, clean errors."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import DATA
from typer.testing import CliRunner

from kabar.cli import app
from kabar.store import Store

sys.path.insert(0, str(DATA / "store"))
import synth  # noqa: E402

runner = CliRunner()
MARKUP = "[/x]"
LEAD = "JAKARTA - Menlu [/x] Arif bertemu [i]Menlu Malaysia[/i] Ahmad di Jakarta [foto] pada Senin."


@pytest.fixture(scope="module")
def hostile(tmp_path_factory) -> str:
    """A store whose text is full of things rich would read as markup."""
    db = str(tmp_path_factory.mktemp("hostile") / "h.duckdb")
    article = synth.make_article("m1", title="Menlu [/x] bertemu [bold]Menlu[/bold] [mus]", lead=LEAD)
    article.quotes[0].text = "[/x] Kami sepakat [red]memperkuat[/red] patroli [mus]"
    article.quotes[0].speaker_name = "Arif [/x]"
    with Store(db) as store:
        store.add_articles([article])
    return db


def _run(*args: str):
    result = runner.invoke(app, list(args), env={"COLUMNS": "200"})
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result


def test_quotes_show_markup_as_written(hostile):
    result = _run("quotes", "--db", hostile)
    assert result.exit_code == 0, result.output
    assert "[/x] Kami sepakat [red]memperkuat[/red] patroli [mus]" in result.output


def test_evidence_and_events_show_markup_as_written(hostile):
    result = _run("events", "--db", hostile)
    assert result.exit_code == 0, result.output
    assert "Menlu [/x] Arif bertemu [i]Menlu Malaysia[/i]" in result.output and "[foto]" in result.output
    event_id = next(line.split("id ")[-1].strip() for line in result.output.splitlines() if " id " in line)
    result = _run("evidence", event_id, "--db", hostile)
    assert result.exit_code == 0, result.output
    assert "[/x]" in result.output and "[foto]" in result.output


def test_sql_shows_titles_and_column_names_as_written(hostile):
    result = _run("sql", 'SELECT title AS "[/x] title [b]" FROM articles', "--db", hostile)
    assert result.exit_code == 0, result.output
    assert "Menlu [/x] bertemu [bold]Menlu[/bold]" in result.output
    assert "[/x] title [b]" in result.output


def test_terminal_control_characters_are_shown_as_codes(hostile):
    result = _run("sql", "SELECT 'a' || chr(27) || '[2J' || chr(13) || 'b' AS x", "--db", hostile)
    assert result.exit_code == 0, result.output
    assert "\x1b" not in result.output and "a\\x1b[2J" in result.output


def test_sql_beginning_with_a_comment_is_sql_not_an_option(hostile):
    result = _run("sql", "-- count them\nSELECT count(*) AS n FROM articles", "--db", hostile)
    assert result.exit_code == 0, result.output
    result = _run("sql", "SELECT 1 AS a; SELECT 2 AS b", "--db", hostile, "--format", "csv")
    assert result.exit_code == 0 and result.output.split() == ["b", "2"], result.output


def test_sql_refuses_host_files_with_a_message(hostile):
    result = _run("sql", "SELECT * FROM read_text('/etc/passwd')", "--db", hostile)
    assert result.exit_code == 2 and "root:" not in result.output
    assert "disabled" in result.output
    result = _run("sql", "SELECT * FROM range(20)", "--db", hostile, "--max-rows", "10")
    assert result.exit_code == 2 and "more than 10 rows" in result.output


def test_version_alone_prints_the_version():
    from kabar import __version__

    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0 and result.output.strip() == __version__


# -- outputs never cost a file kabar did not make ------------------------------------------------------


@pytest.mark.parametrize(
    "command",
    [
        ["sql", "SELECT * FROM articles"],
        ["events"],
        ["actors"],
        ["quotes"],
        ["dyad", "IDN", "MYS"],
        ["evidence", "1"],
    ],
)
def test_parquet_output_never_deletes_the_folder_it_is_given(hostile, tmp_path, command):
    folder = tmp_path / "work"
    folder.mkdir()
    db = folder / "news.duckdb"
    db.write_bytes(Path(hostile).read_bytes())
    (folder / "notes.txt").write_text("keep me")
    for extra in ([], ["--force"]):
        result = _run(*command, "--db", str(db), "--format", "parquet", "--output", str(folder), *extra)
        assert result.exit_code == 2, result.output
        assert "not made by kabar" in result.output
    assert (folder / "notes.txt").read_text() == "keep me" and db.exists()


def test_export_force_in_the_working_directory_keeps_everything(hostile, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    db = tmp_path / "news.duckdb"
    db.write_bytes(Path(hostile).read_bytes())
    result = _run("export", "--db", str(db), "-o", ".", "--force")
    assert result.exit_code == 2 and db.exists(), result.output
    out = tmp_path / "out"
    assert _run("export", "--db", str(db), "-o", str(out)).exit_code == 0
    (out / "mine.txt").write_text("keep me")
    assert _run("export", "--db", str(db), "-o", str(out)).exit_code == 2
    result = _run("export", "--db", str(db), "-o", str(out), "--force", "--format", "jsonl")
    assert result.exit_code == 0, result.output
    assert (out / "mine.txt").exists() and (out / "articles.jsonl").exists()
    assert not (out / "articles").exists()  # the earlier Parquet output is gone


def test_a_csv_output_never_replaces_a_database(hostile, tmp_path):
    db = tmp_path / "news.duckdb"
    db.write_bytes(Path(hostile).read_bytes())
    result = _run("events", "--db", str(db), "--format", "csv", "--output", str(db), "--force")
    assert result.exit_code == 2 and "database" in result.output
    assert Store(str(db), read_only=True).counts()["articles"] == 1


# -- inputs ------------------------------------------------------------------------------------------


def _kabar(*args: str, **kw) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", "from kabar.cli import main; main()", *args],
        capture_output=True, text=True, timeout=120, **kw,
    )  # fmt: skip


def test_closed_stdin_is_a_clean_error():
    result = _kabar("extract", "-", stdin=subprocess.DEVNULL, preexec_fn=lambda: os.close(0))
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr and "<stdin>: " in result.stderr


def test_an_input_named_like_markup_is_reported_as_written(tmp_path):
    bad = tmp_path / "bad[/red].txt"  # a folder "bad[" holding "red].txt"
    bad.parent.mkdir()
    bad.write_bytes(b"\x00\x01\x02" * 100)
    db = tmp_path / "k.duckdb"
    args = ["ingest", str(bad), "--db", str(db), "--no-progress"]
    result = runner.invoke(app, args, env={"COLUMNS": "300"})
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "bad[/red].txt" in result.output and "binary data" in result.output
