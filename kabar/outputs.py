"""Where kabar writes: output folders and files that never cost the user a file kabar did not make.

An output folder must be new, empty, or one kabar made. kabar marks a folder it writes with
`MARKER`, a JSON file listing every file it wrote there. `force` then replaces kabar's own
output, and only that: the listed files are removed, nothing else. The working directory
(and any folder above it) and a folder holding a database are never used with `force`.

An output file must be new, or (with `force`) an existing plain file that is not a database.
"""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Iterator
from pathlib import Path

from kabar.errors import OutputError

MARKER = ".kabar-output.json"
# DuckDB files carry this at byte 8; their write-ahead logs end in .wal.
_DUCKDB_MAGIC = b"DUCK"
_DATABASE_SUFFIXES = (".duckdb", ".db", ".wal", ".sqlite", ".sqlite3")


def is_database(path: Path) -> bool:
    """Whether `path` is a database file (DuckDB by content, others by name)."""
    if path.name.lower().endswith(_DATABASE_SUFFIXES):
        return True
    try:
        with path.open("rb") as fh:
            return fh.read(12)[8:12] == _DUCKDB_MAGIC
    except OSError:
        return False


def prepare_output_file(path: Path, *, force: bool = False) -> None:
    """Check that a single output file may be written at `path`, and create its folder."""
    if path.is_dir():
        raise OutputError(f"{path} is a folder; --output needs a file name here")
    if path.exists() or path.is_symlink():
        if is_database(path):
            raise OutputError(f"{path} is a database; kabar never writes over one")
        if not force:
            raise OutputError(f"{path} exists; choose another --output or pass --force to replace it")
        if not path.is_file():
            raise OutputError(f"{path} is not a plain file; kabar will not replace it")
    path.parent.mkdir(parents=True, exist_ok=True)


def _listed_files(folder: Path) -> list[Path]:
    """The files kabar's marker in `folder` lists, each checked to lie inside the folder."""
    try:
        entries = json.loads((folder / MARKER).read_text(encoding="utf-8"))["files"]
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise OutputError(f"{folder / MARKER} is unreadable; remove the folder yourself") from exc
    root = folder.resolve()
    files = []
    for entry in entries:
        if not isinstance(entry, str):
            raise OutputError(f"{folder / MARKER} is not kabar's; remove the folder yourself")
        candidate = folder / entry
        # A marker is a file anyone can edit: never follow it out of the folder. The entry itself
        # may be a link (removed as a link); the folders above it must not lead out.
        parent = candidate.parent.resolve()
        inside = parent == root or root in parent.parents
        if Path(entry).is_absolute() or ".." in Path(entry).parts or not inside:
            raise OutputError(f"{folder / MARKER} lists {entry!r}, outside the folder; remove it yourself")
        files.append(candidate)
    return files


def _holds_database(folder: Path) -> bool:
    return any(is_database(p) for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def _protected(folder: Path) -> str | None:
    """Why `folder` must never be cleared, or None."""
    here = Path.cwd().resolve()
    resolved = folder.resolve()
    if resolved == here or resolved in here.parents:
        return "it is the working directory or holds it"
    if resolved == Path(resolved.anchor) or resolved == Path.home().resolve():
        return "it is the root or home folder"
    if _holds_database(folder):
        return "it holds a database"
    return None


def _clear_own_output(folder: Path) -> None:
    why = _protected(folder)
    if why:
        raise OutputError(f"{folder}: kabar will not replace output here ({why}); choose another --output")
    emptied: set[Path] = set()
    for file in _listed_files(folder):
        if file.is_file() or file.is_symlink():
            file.unlink()
            emptied.update(p for p in file.parents if folder in p.parents)
    # Folders the removed files leave empty (partitions) go too; a folder with anything else stays.
    for sub in sorted(emptied, key=lambda p: -len(p.parts)):
        with contextlib.suppress(OSError):
            sub.rmdir()
    (folder / MARKER).unlink()


def _files_under(folder: Path) -> set[Path]:
    return {p.relative_to(folder) for p in folder.rglob("*") if p.is_file() or p.is_symlink()}


@contextlib.contextmanager
def output_folder(path: Path, *, force: bool = False) -> Iterator[Path]:
    """Prepare `path` as an output folder, yield it, then mark what was written there.

    The folder must be new, empty, or kabar's own (marked) output; with `force`, kabar's own
    output is removed first. The marker is written even when writing fails part-way, so
    that `force` can clean up after a failed run.
    """
    if path.exists() and not path.is_dir():
        raise OutputError(f"{path} is a file; --output needs a folder here")
    if path.is_dir() and any(path.iterdir()):
        if not (path / MARKER).is_file():
            raise OutputError(
                f"{path} is not empty and was not made by kabar; choose a new or empty folder for --output"
            )
        if not force:
            raise OutputError(f"{path} holds earlier kabar output; choose another --output or pass --force")
        _clear_own_output(path)
    path.mkdir(parents=True, exist_ok=True)
    before = _files_under(path)
    try:
        yield path
    finally:
        written = sorted(str(p) for p in _files_under(path) - before if p.name != MARKER)
        marker = {"kabar": "output folder; `--force` replaces the files listed here", "files": written}
        tmp = path / (MARKER + ".tmp")
        tmp.write_text(json.dumps(marker, indent=1), encoding="utf-8")
        os.replace(tmp, path / MARKER)
