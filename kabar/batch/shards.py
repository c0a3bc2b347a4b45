"""Shards: the units of work of `kabar batch`.

A shard is a whole input file, or a byte range of a large plain JSON Lines file cut at line
starts. Its id is derived from the file's resolved path, size, modification time and the
range, so a shard of a file that changed is new work, and a shard already done is skipped.
"""

from __future__ import annotations

import glob
import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from kabar.errors import InputError
from kabar.readers import (
    JSONL_SUFFIXES,
    KNOWN_SUFFIXES,
    RawRecord,
    read_file,
    read_jsonl_range,
    suffix_of,
)

DEFAULT_SHARD_BYTES = 32 << 20  # the largest shard a JSON Lines file is cut into by default
MIN_SHARD_BYTES = 256 << 10
SHARDS_WANTED = 64  # enough that workers finish together: no worker idles through a last big shard


@dataclass(frozen=True)
class Shard:
    """One unit of work: `path`, or the byte range [start, end) of it."""

    path: str  # resolved
    size: int
    mtime_ns: int
    start: int | None = None
    end: int | None = None

    @property
    def id(self) -> str:
        key = f"{self.path}\0{self.size}\0{self.mtime_ns}\0{self.start}\0{self.end}"
        return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]

    @property
    def label(self) -> str:
        if self.start is None:
            return self.path
        return f"{self.path} [bytes {self.start}-{self.end}]"

    def records(self) -> Iterator[RawRecord | InputError]:
        """The articles of this shard, named as `kabar ingest` names them."""
        if self.start is None or self.end is None:
            yield from read_file(Path(self.path))
        else:
            yield from read_jsonl_range(Path(self.path), self.start, self.end)


def input_files(inputs: Iterable[str]) -> Iterator[Path | InputError]:
    """The files named by paths, directories and globs, in the order `kabar ingest` reads them."""
    for item in inputs:
        if item == "-":
            yield InputError("-", "kabar batch cannot read standard input: name files, folders or globs")
            continue
        path = Path(item)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and suffix_of(p) in KNOWN_SUFFIXES)
            if not files:
                yield InputError(item, "directory holds no .txt, .html, .jsonl or .warc files")
            yield from files
        elif path.exists():
            yield path
        elif glob.has_magic(item):
            matches = sorted(Path(m) for m in glob.glob(item, recursive=True) if Path(m).is_file())
            if not matches:
                yield InputError(item, "no file matches this pattern")
            yield from matches
        else:
            yield InputError(item, "no such file or directory")


def line_starts(path: Path, size: int, every: int) -> list[int]:
    """Offsets near each multiple of `every` moved forward to the start of a line."""
    cuts = [0]
    with path.open("rb") as fh:
        target = every
        while target < size:
            fh.seek(target)
            fh.readline()
            cut = fh.tell()
            if cut >= size:
                break
            if cut > cuts[-1]:
                cuts.append(cut)
            target = cut + every
    cuts.append(size)
    return cuts


def _cuttable(path: Path) -> bool:
    """A plain JSON Lines file: one that byte ranges can be cut from."""
    return suffix_of(path) in JSONL_SUFFIXES and not path.name.lower().endswith(".gz")


def plan_shards(
    inputs: Iterable[str], shard_bytes: int = DEFAULT_SHARD_BYTES
) -> tuple[list[Shard], list[InputError]]:
    """The shards of the inputs, in input order, and the inputs that name nothing readable."""
    shards: list[Shard] = []
    problems: list[InputError] = []
    for item in input_files(inputs):
        if isinstance(item, InputError):
            problems.append(item)
            continue
        stat = item.stat()
        resolved = str(item.resolve())
        if _cuttable(item) and stat.st_size > shard_bytes:
            cuts = line_starts(item, stat.st_size, shard_bytes)
            shards += [Shard(resolved, stat.st_size, stat.st_mtime_ns, a, b) for a, b in zip(cuts, cuts[1:])]
        else:
            shards.append(Shard(resolved, stat.st_size, stat.st_mtime_ns))
    return shards, problems


def default_shard_bytes(inputs: Iterable[str]) -> int:
    """The shard size for inputs of this size: about `SHARDS_WANTED` shards in all, each
    between 256 KB and 32 MB. Few large shards leave workers idle at the end of a run (five
    shards on two workers: one worker does three), many tiny ones cost more than they run."""
    total = 0
    for item in input_files(inputs):
        if isinstance(item, Path) and _cuttable(item):
            total += item.stat().st_size
    return max(MIN_SHARD_BYTES, min(DEFAULT_SHARD_BYTES, total // SHARDS_WANTED))
