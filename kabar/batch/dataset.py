"""A kabar Parquet dataset: one folder per table, partitioned by publication date.

    DIR/_kabar/dataset.json      marks the folder as kabar's (format, schema version, shard size)
    DIR/_kabar/manifest.jsonl    one line per finished shard: the shard is done exactly once
    DIR/articles/date=2019-09-19/part-<shard>.parquet   ... and so for entities, mentions,
    DIR/failures/part-<shard>.parquet                    quotes, event_mentions; failures and
    DIR/events/date=.../part-merged.parquet              signatures are not dated; events and
    DIR/duplicates/part-merged.parquet                   duplicates come from the merge step

The columns are those of the DuckDB store (`kabar.store.schema`). A shard's files are written
under temporary names and renamed, then the shard is added to the manifest; a shard missing
from the manifest is redone after its leftover files (named after it, so kabar's own) are
removed. That is what makes a killed run, started again, end with exactly the rows of an
uninterrupted one.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from kabar.errors import StoreError
from kabar.store.schema import SCHEMA_VERSION, arrow_schema

MARKER = "_kabar/dataset.json"
MANIFEST = "_kabar/manifest.jsonl"
FORMAT = "kabar-parquet-dataset"
LEGACY_SHARD_BYTES = 32 << 20  # the shard size of datasets that did not record theirs
# Tables whose rows belong to one article: partitioned by the article's publication date.
DATED_TABLES = ("articles", "entities", "mentions", "quotes", "event_mentions")
UNDATED_TABLES = ("failures", "signatures")
MERGED_TABLES = ("events", "duplicates")
UNKNOWN_DATE = "unknown"


def is_dataset(path: str | Path) -> bool:
    return (Path(path) / MARKER).is_file()


@dataclass
class ShardDone:
    """A finished shard, as the manifest records it."""

    id: str
    label: str
    articles: int
    failures: int
    finished_at: str

    def to_json(self) -> str:
        return json.dumps(self.__dict__, ensure_ascii=False)


class Dataset:
    """The folder of a kabar Parquet dataset: created, resumed, written shard by shard."""

    def __init__(self, root: str | Path):
        self.root = Path(root)

    def create_or_open(self) -> None:
        """Make a new dataset folder, or open one kabar made. Refuses a folder that holds anything
        else: kabar never writes into (or deletes from) a folder it did not create."""
        marker = self.root / MARKER
        if marker.is_file():
            meta = json.loads(marker.read_text(encoding="utf-8"))
            if meta.get("format") != FORMAT or meta.get("schema_version") != SCHEMA_VERSION:
                raise StoreError(f"{self.root}: a kabar dataset of another version; write to a new folder")
            return
        if self.root.exists() and (not self.root.is_dir() or any(self.root.iterdir())):
            raise StoreError(
                f"{self.root}: exists and is not a kabar dataset; give a new or empty folder to --out"
            )
        (self.root / "_kabar").mkdir(parents=True, exist_ok=True)
        meta = {"format": FORMAT, "schema_version": SCHEMA_VERSION, "created": _now()}
        _write_atomic(marker, json.dumps(meta, indent=2).encode("utf-8"))

    def shard_bytes(self, asked: int | None, default: int) -> int:
        """The shard size of this dataset: the one its first run recorded (shard ids depend on
        it, so a resumed run must cut the inputs the same way), else `asked`, else `default`;
        recorded here for later runs. Asking for another size than the recorded one is an error."""
        marker = self.root / MARKER
        meta = json.loads(marker.read_text(encoding="utf-8"))
        recorded = meta.get("shard_bytes")
        if recorded is None and self.done():
            recorded = LEGACY_SHARD_BYTES  # made before sizes were recorded: the old fixed size
        if recorded is not None:
            if asked is not None and int(asked) != int(recorded):
                raise StoreError(
                    f"{self.root}: this dataset's inputs were cut into shards of "
                    f"{int(recorded) / (1 << 20):g} MB; run again without --shard-mb (or with that "
                    "size) so finished shards are recognised"
                )
            return int(recorded)
        size = int(asked if asked is not None else default)
        meta["shard_bytes"] = size
        _write_atomic(marker, json.dumps(meta, indent=2).encode("utf-8"))
        return size

    def done(self) -> dict[str, ShardDone]:
        """The finished shards, by id."""
        path = self.root / MANIFEST
        if not path.exists():
            return {}
        finished = {}
        for line in path.read_text(encoding="utf-8").splitlines():
            try:
                entry = ShardDone(**json.loads(line))
            except (ValueError, TypeError):
                continue  # a line cut by a kill: its shard is not done
            finished[entry.id] = entry
        return finished

    def record_done(self, entry: ShardDone) -> None:
        with (self.root / MANIFEST).open("a", encoding="utf-8") as fh:
            fh.write(entry.to_json() + "\n")
            fh.flush()
            os.fsync(fh.fileno())

    def clear_shard(self, shard_id: str) -> None:
        """Remove what an unfinished run left of a shard (files named after it only)."""
        for path in self.root.glob(f"*/**/part-{shard_id}.parquet*"):
            path.unlink()
        for path in self.root.glob(f"*/part-{shard_id}.parquet*"):
            path.unlink()

    def write_shard(self, shard_id: str, tables: dict[str, pa.Table]) -> None:
        """Write a shard's tables, dated ones split by the publication date of their article."""
        articles = tables["articles"]
        dates = _article_dates(articles)
        for name in DATED_TABLES:
            table = tables.get(name, arrow_schema(name).empty_table())
            for day, part in _split_by_date(table, dates, key="key" if name == "articles" else "article_key"):
                self._write(name, f"date={day}", shard_id, part)
        for name in UNDATED_TABLES:
            table = tables.get(name)
            if table is not None and table.num_rows:
                self._write(name, None, shard_id, table)

    def write_merged(self, name: str, table: pa.Table, dated: bool) -> None:
        """Replace the output of the merge step for one table."""
        for path in (self.root / name).glob("**/part-merged.parquet"):
            path.unlink()
        if not dated:
            self._write(name, None, "merged", table)
            return
        days = pc.if_else(pc.is_null(table["date"]), UNKNOWN_DATE, pc.cast(table["date"], pa.string()))
        for day in sorted(set(days.to_pylist())):
            self._write(name, f"date={day}", "merged", table.filter(pc.equal(days, day)))

    def _write(self, table: str, partition: str | None, shard_id: str, data: pa.Table) -> None:
        folder = self.root / table / partition if partition else self.root / table
        folder.mkdir(parents=True, exist_ok=True)
        final = folder / f"part-{shard_id}.parquet"
        tmp = folder / f"part-{shard_id}.parquet.tmp"
        pq.write_table(data, tmp, compression="zstd")
        os.replace(tmp, final)

    def files(self, table: str) -> list[Path]:
        return sorted((self.root / table).glob("**/part-*.parquet")) if (self.root / table).is_dir() else []


def _article_dates(articles: pa.Table) -> dict[str, str]:
    keys = articles["key"].to_pylist()
    days = articles["date"].to_pylist()
    return {k: (d.isoformat() if isinstance(d, dt.date) else UNKNOWN_DATE) for k, d in zip(keys, days)}


def _split_by_date(table: pa.Table, dates: dict[str, str], key: str) -> Iterable[tuple[str, pa.Table]]:
    if table.num_rows == 0:
        return []
    days = pa.array([dates.get(k, UNKNOWN_DATE) for k in table[key].to_pylist()], pa.string())
    return [(day, table.filter(pc.equal(days, day))) for day in sorted(set(days.to_pylist()))]


def _write_atomic(path: Path, data: bytes) -> None:
    tmp = path.with_suffix(path.suffix + ".tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
