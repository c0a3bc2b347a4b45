"""The DuckDB store: one file, opened for writing by one process at a time or read-only."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import pyarrow as pa

from kabar import dedup
from kabar.errors import StoreError
from kabar.model import Article
from kabar.store.merge import find_copies, refresh_events, write_duplicates
from kabar.store.rows import ROW_TABLES, BatchRows, ItemRows, StoreItem, build_rows, failure_rows
from kabar.store.schema import SCHEMA_VERSION, TABLES, USER_TABLES, ddl

DEFAULT_DB = "kabar.duckdb"


def default_db_path() -> str:
    """`$KABAR_DB` when set, else `kabar.duckdb` in the working directory."""
    return os.environ.get("KABAR_DB") or DEFAULT_DB


@dataclass
class BatchResult:
    new: int = 0
    replaced: int = 0
    unchanged: int = 0
    failed: int = 0
    duplicates: int = 0  # near-duplicate links found
    events: int = 0  # event mentions written
    article_keys: list[str] = field(default_factory=list)


def _connect(path: str, read_only: bool) -> duckdb.DuckDBPyConnection:
    try:
        return duckdb.connect(path, read_only=read_only)
    except duckdb.IOException as exc:
        msg = str(exc)
        if "lock" in msg.lower():
            raise StoreError(
                f"{path}: the database is in use by another process (a running `kabar ingest`?); "
                "wait for it to finish"
            ) from exc
        raise StoreError(f"{path}: cannot open the database ({msg})") from exc
    except duckdb.Error as exc:
        raise StoreError(f"{path}: not a usable DuckDB database ({exc})") from exc


def _delete_article_rows(con: duckdb.DuckDBPyConnection, keys: Sequence[str]) -> set[int]:
    """Delete every row of these articles (inside the caller's transaction); returns the
    ids of the events they told, to refresh."""
    con.register("_b_old", pa.table({"key": pa.array(sorted(keys), pa.string())}))
    affected = {
        r[0]
        for r in con.execute(
            "SELECT DISTINCT event_id FROM event_mentions WHERE article_key IN (SELECT key FROM _b_old)"
        ).fetchall()
    }
    for table in ROW_TABLES:
        col = "key" if table == "articles" else "article_key"
        con.execute(f"DELETE FROM {table} WHERE {col} IN (SELECT key FROM _b_old)")
    con.execute(
        "DELETE FROM duplicates WHERE article_key IN (SELECT key FROM _b_old) "
        "OR duplicate_of IN (SELECT key FROM _b_old)"
    )
    con.unregister("_b_old")
    return affected


class Store:
    """A kabar database. Open for writing (one process at a time) or read-only."""

    def __init__(
        self,
        path: str | os.PathLike[str] | None = None,
        *,
        read_only: bool = False,
        dedup_threshold: float | None = None,
    ):
        self.path = str(path if path is not None else default_db_path())
        self.read_only = read_only
        if read_only and self.path != ":memory:" and not Path(self.path).exists():
            raise StoreError(f"{self.path}: no kabar database here (create one with `kabar ingest`)")
        if not read_only and self.path != ":memory:":
            Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        self.con = _connect(self.path, read_only)
        self._dedup: dedup.Deduplicator | None = None  # built on first write
        self._dedup_threshold = dedup_threshold
        if read_only:
            self._check_schema()
        else:
            self._create()

    # -- lifecycle -----------------------------------------------------------------

    def close(self) -> None:
        with contextlib.suppress(Exception):
            self.con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _create(self) -> None:
        existing = {r[0] for r in self.con.execute("SELECT table_name FROM duckdb_tables()").fetchall()}
        if "meta" in existing:
            self._check_schema()
        with self._transaction():
            for name in TABLES:
                self.con.execute(ddl(name))
            if "meta" not in existing:
                meta = {
                    "schema_version": str(SCHEMA_VERSION),
                    "dedup_num_perm": str(dedup.NUM_PERM),
                    "dedup_shingle": str(dedup.SHINGLE),
                    "dedup_seed": str(dedup.SEED),
                    "dedup_scheme": dedup.SCHEME,
                    "dedup_threshold": str(dedup.THRESHOLD),
                    "created_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
                }
                self.con.executemany("INSERT INTO meta VALUES (?, ?)", list(meta.items()))

    def _check_schema(self) -> None:
        try:
            rows = self.con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchall()
            row = rows[0] if rows else None
        except duckdb.CatalogException as exc:
            raise StoreError(f"{self.path}: not a kabar database (no meta table)") from exc
        if row is None or row[0] != str(SCHEMA_VERSION):
            raise StoreError(
                f"{self.path}: database schema version {row[0] if row else '?'} is not the version this "
                f"kabar writes ({SCHEMA_VERSION}); ingest into a new database"
            )

    @contextlib.contextmanager
    def _transaction(self) -> Iterator[None]:
        """One transaction; on any error it is rolled back and the in-memory dedup index,
        which may hold signatures of the rolled-back work, is dropped (rebuilt when needed)."""
        self.con.execute("BEGIN")
        try:
            yield
            self.con.execute("COMMIT")
        except BaseException:
            with contextlib.suppress(Exception):
                self.con.execute("ROLLBACK")
            self._dedup = None
            raise

    def meta(self) -> dict[str, str]:
        return dict(self.con.execute("SELECT key, value FROM meta").fetchall())

    # -- reading -------------------------------------------------------------------

    def counts(self) -> dict[str, int]:
        """Row count of every user table."""
        return {t: self.con.execute(f"SELECT count(*) FROM {t}").fetchall()[0][0] for t in USER_TABLES}

    def known(self, pairs: Sequence[tuple[str, str]]) -> set[tuple[str, str]]:
        """Which of these (document key, content hash) pairs are stored already."""
        if not pairs:
            return set()
        cur = self.con.cursor()
        try:
            cur.register("_q_keys", pa.table({"key": pa.array(sorted({k for k, _ in pairs}), pa.string())}))
            rows = cur.execute(
                "SELECT key, hash FROM articles WHERE key IN (SELECT key FROM _q_keys)"
            ).fetchall()
        finally:
            cur.close()
        stored = {(k, h) for k, h in rows}
        return {p for p in pairs if p in stored}

    def dedup_scheme(self) -> tuple[int, int, int, int]:
        """What this store's near-duplicate signatures depend on (`Deduplicator.scheme`), read
        without loading the index (ingest workers sign articles with it while this process
        loads the stored signatures)."""
        meta = self.meta()
        if meta.get("dedup_scheme", dedup.SCHEME) != dedup.SCHEME:
            raise StoreError(f"{self.path}: near-duplicate signatures use another scheme; use a new database")
        return (
            int(meta.get("dedup_num_perm", dedup.NUM_PERM)),
            int(meta.get("dedup_shingle", dedup.SHINGLE)),
            int(meta.get("dedup_seed", dedup.SEED)),
            dedup.MIN_SHINGLES,
        )

    def deduplicator(self) -> dedup.Deduplicator:
        """The near-duplicate index of every stored article, with the store's settings."""
        if self._dedup is None:
            num_perm, shingle, seed, min_shingles = self.dedup_scheme()
            threshold = self._dedup_threshold or float(self.meta().get("dedup_threshold", dedup.THRESHOLD))
            index = dedup.Deduplicator(
                threshold=threshold, num_perm=num_perm, shingle=shingle, seed=seed, min_shingles=min_shingles
            )
            rows = self.con.execute(
                "SELECT article_key, signature FROM signatures ORDER BY article_key"
            ).fetchall()
            index.load((key, dedup.from_bytes(sig)) for key, sig in rows)
            self._dedup = index
        return self._dedup

    # -- writing -------------------------------------------------------------------

    def add_articles(self, articles: Iterable[Article], source: str = "<api>") -> BatchResult:
        """Store Articles you already have (one transaction). Each is keyed by its URL, else
        its id (`document_key`): storing an Article with a stored key replaces the old one."""
        return self.write_batch([StoreItem(a, None, source) for a in articles])

    def record_failures(self, failures: Iterable[tuple[str, str]]) -> None:
        self.write_batch([], list(failures))

    def write_batch(
        self,
        items: Sequence[StoreItem | ItemRows],
        failures: Sequence[tuple[str, str]] = (),
        *,
        force: bool = False,
    ) -> BatchResult:
        """Store a batch of articles and failed inputs in one transaction.

        Items are Articles to store (`StoreItem`) or their rows made beforehand (`ItemRows`, by
        an ingest worker). An item whose document key is stored with the same content hash is
        left alone (unless `force`); one whose key is stored with other content replaces the
        old rows.
        """
        if self.read_only:
            raise StoreError(f"{self.path}: opened read-only")
        result = BatchResult()
        # Last one wins inside a batch (same key), as it would across batches.
        latest: dict[str, StoreItem | ItemRows] = {}
        for item in items:
            key = str(item.complete().key)
            latest.pop(key, None)
            latest[key] = item
        result.unchanged += len(items) - len(latest)
        now = dt.datetime.now(dt.UTC)
        self.deduplicator()  # loaded outside the transaction: a rollback drops it
        with self._transaction():
            if latest:
                self._write_articles(list(latest.values()), result, now, force)
            if failures:
                rows = failure_rows(failures, now)
                self._insert("failures", rows.table(), replace_on="source")
                result.failed = len(rows)
        return result

    def _insert(self, table: str, rows: pa.Table, replace_on: str | None = None) -> None:
        """Insert Arrow rows into a table, first deleting rows with the same `replace_on` value."""
        view = f"_b_{table}"
        self.con.register(view, rows)
        if replace_on:
            self.con.execute(f"DELETE FROM {table} WHERE {replace_on} IN (SELECT {replace_on} FROM {view})")
        self.con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM {view}")
        self.con.unregister(view)

    def _classify(
        self, batch: list[StoreItem | ItemRows], result: BatchResult, force: bool
    ) -> tuple[list[StoreItem | ItemRows], list[str]]:
        """(items to write, keys whose old version they replace); counts new, replaced, unchanged."""
        self.con.register("_b_keys", pa.table({"key": pa.array([i.key for i in batch], pa.string())}))
        stored = dict(
            self.con.execute(
                "SELECT key, hash FROM articles WHERE key IN (SELECT key FROM _b_keys)"
            ).fetchall()
        )
        self.con.unregister("_b_keys")
        write: list[StoreItem | ItemRows] = []
        replace: list[str] = []
        for item in batch:
            old_hash = stored.get(item.key)
            if old_hash is not None and old_hash == item.hash and not force:
                result.unchanged += 1
                continue
            if old_hash is not None:
                result.replaced += 1
                replace.append(str(item.key))
            else:
                result.new += 1
            write.append(item)
        return write, replace

    def _write_articles(
        self, batch: list[StoreItem | ItemRows], result: BatchResult, now: dt.datetime, force: bool
    ) -> None:
        write, replace = self._classify(batch, result, force)
        if not write:
            return
        index = self.deduplicator()
        affected: set[int] = set()
        if replace:
            affected |= _delete_article_rows(self.con, replace)
            for key in replace:
                index.remove(key)
        rows: BatchRows = build_rows(write, now, signature=index.signature, scheme=index.scheme)
        for name, table in rows.arrow().items():
            if table.num_rows:
                self._insert(name, table)
        result.events += rows.events
        result.article_keys.extend(str(i.key) for i in write)
        links = find_copies(index, rows.signatures)
        result.duplicates += write_duplicates(self.con, links, rows.published)
        affected |= rows.event_ids
        if affected:
            refresh_events(self.con, affected)
        # An input that is stored now has not failed.
        self.con.register("_b_src", pa.table({"source": pa.array([i.source for i in write], pa.string())}))
        self.con.execute("DELETE FROM failures WHERE source IN (SELECT source FROM _b_src)")
        self.con.unregister("_b_src")

    def refresh_all_events(self) -> int:
        """Rebuild the whole `events` table from `event_mentions` (one transaction)."""
        ids = [r[0] for r in self.con.execute("SELECT DISTINCT event_id FROM event_mentions").fetchall()]
        with self._transaction():
            self.con.execute("DELETE FROM events")
            if ids:
                refresh_events(self.con, ids)
        return len(ids)

    def delete_articles(self, keys: Iterable[str]) -> int:
        """Remove articles (by document key, `articles.key`) and everything stored about them
        (one transaction)."""
        keys = sorted(set(keys))
        if not keys:
            return 0
        index = self.deduplicator()
        with self._transaction():
            self.con.register("_b_del", pa.table({"key": pa.array(keys, pa.string())}))
            n = self.con.execute(
                "SELECT count(*) FROM articles WHERE key IN (SELECT key FROM _b_del)"
            ).fetchall()[0][0]
            self.con.unregister("_b_del")
            affected = _delete_article_rows(self.con, keys)
            if affected:
                refresh_events(self.con, affected)
        for key in keys:
            index.remove(key)
        return int(n)
