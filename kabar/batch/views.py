"""Reading a kabar Parquet dataset in place through DuckDB: one view per table, with the
same names and columns as the tables of a DuckDB store, so every query runs on either."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import duckdb

from kabar.batch.dataset import DATED_TABLES, MERGED_TABLES, UNDATED_TABLES, is_dataset
from kabar.errors import StoreError
from kabar.store.schema import ddl

DATASET_TABLES = DATED_TABLES + UNDATED_TABLES + MERGED_TABLES


def _quoted(path: Path) -> str:
    return "'" + str(path).replace("'", "''") + "'"


def connect_dataset(root: str | Path, tables: Sequence[str] = DATASET_TABLES) -> duckdb.DuckDBPyConnection:
    """An in-memory DuckDB connection whose `tables` are views of the dataset's Parquet files
    (an empty table where the dataset has no file for one yet)."""
    root = Path(root).resolve()
    if not is_dataset(root):
        raise StoreError(f"{root}: not a kabar dataset (no _kabar/dataset.json); make one with `kabar batch`")
    con = duckdb.connect(":memory:")
    for name in tables:
        folder = root / name
        if any(folder.glob("**/part-*.parquet")):
            pattern = _quoted(folder / "**" / "part-*.parquet")
            con.execute(
                f"CREATE VIEW {name} AS SELECT * FROM read_parquet({pattern}, hive_partitioning = false)"
            )
        else:
            con.execute(ddl(name))
    return con


def dataset_root(db: str | Path) -> Path | None:
    """The dataset folder when `db` names one, else None (a DuckDB file)."""
    path = Path(db)
    return path.resolve() if path.is_dir() and is_dataset(path) else None
