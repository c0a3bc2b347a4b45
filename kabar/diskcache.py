"""Tables kabar derives from its data files, kept on disk so that later processes load them
instead of deriving them again (the GeoNames city index: 0.5 s to build, 0.1 s to load).

The folder is `$KABAR_CACHE_DIR`, else `$XDG_CACHE_HOME/kabar`, else `~/.cache/kabar`;
`KABAR_CACHE_DIR=off` turns the cache off. A file is named by what it was built from (the
caller's key) and the Python version (the `marshal` format is Python's own), written to a
temporary name and renamed, so that processes starting together never read half a file.
Nothing here deletes a file; a file that cannot be read or written is simply rebuilt.
"""

from __future__ import annotations

import marshal
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")

OFF = "off"


def cache_dir() -> Path | None:
    """Where derived tables are kept (None: the cache is off)."""
    chosen = os.environ.get("KABAR_CACHE_DIR")
    if chosen is not None:
        return None if chosen.strip().lower() in (OFF, "") else Path(chosen)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "kabar"


def _path(key: str) -> Path | None:
    folder = cache_dir()
    if folder is None:
        return None
    version = f"py{sys.version_info.major}{sys.version_info.minor}-m{marshal.version}"
    return folder / f"{key}-{version}.marshal"


def load_or_build(key: str, build: Callable[[], T]) -> T:
    """The table saved under `key` (plain dicts, lists, tuples, strings and numbers), or
    `build()`'s, saved for the next process. `key` must change whenever what the table is built
    from changes (a data version, a setting)."""
    path = _path(key)
    if path is not None:
        try:
            data: Any = marshal.loads(path.read_bytes())
        except (OSError, EOFError, ValueError, TypeError):
            pass
        else:
            return data  # type: ignore[no-any-return]
    table = build()
    if path is not None:
        _save(path, table)
    return table


def _save(path: Path, table: Any) -> None:
    try:
        blob = marshal.dumps(table)
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=path.name + ".", suffix=".tmp", dir=path.parent)
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(blob)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)  # our own temporary file, never another's
            raise
    except (OSError, ValueError):
        return  # a read-only home or a full disk: the table is rebuilt next time
