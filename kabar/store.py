"""The kabar store: articles, entities, quotes and events in one DuckDB file.

    >>> from kabar.store import Store, ingest
    >>> report = ingest(["examples/"], "kabar.duckdb")          # read, extract, store
    >>> with Store("kabar.duckdb") as store:
    ...     store.add_articles([article])                       # or store Articles you have

Every table has a key a user can join on with plain SQL (docs/store.md):

- `articles` (key `key`, the document key; `id` is the article's own id, `hash` its content
  key): one row per stored article.
- `entities` (`article_key`, `entity_id`), `mentions` (`article_key`, `entity_id`, `seq`),
  `quotes` (`article_key`, `seq`): what each article says, with offsets into the part of the
  article named by `part` (the body, the title or a caption).
- `event_mentions` (`article_key`, `seq`): each event as one article tells it, with its
  evidence sentence, linked by `event_id` to
- `events` (`event_id`): the same event told by several articles, once, with GDELT's
  NumMentions, NumSources and NumArticles.
- `duplicates` (`article_key`, `duplicate_of`): near-duplicate (syndicated) copies.
- `failures` (`source`): inputs that could not be read, with the reason.

The document key (`document_key`) says which stored article an input is: its URL when the
input gives one, else the input file (resolved path) and the article's id, else the id.
Two files `a/001.txt` and `b/001.txt` are two articles although both have the id `001`.

Writes are idempotent and crash-safe: an article whose key is stored with the same content
hash changes nothing; one whose key is stored with other content replaces the old rows;
each batch is one transaction, so a run killed at any moment leaves the
database as it was after the last whole batch, and running it again finishes the job.
The `events` rows are recomputed from `event_mentions` for every event a batch touches,
so they do not depend on batch boundaries or on the order of runs.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import hashlib
import json
import os
import re
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import duckdb
import pyarrow as pa

from kabar.errors import InputError, StoreError
from kabar.model import Article, Event, EventActor

SCHEMA_VERSION = 2
DEFAULT_DB = "kabar.duckdb"
DEFAULT_BATCH = 200
LEAD_SENTENCES = 2  # an event told in the first sentences of the body is a "root" (lead) event


def default_db_path() -> str:
    """`$KABAR_DB` when set, else `kabar.duckdb` in the working directory."""
    return os.environ.get("KABAR_DB") or DEFAULT_DB


# --------------------------------------------------------------------------------------
# Schema: one spec per table gives both the DuckDB DDL and the Arrow schema used to insert.

# A span of an event: where it lies ("body", "title", "captions[N]"), its offsets into that
# text, and its sentence of the body (NULL outside the body).
_SPAN = pa.struct(
    [
        ("text", pa.string()),
        ("part", pa.string()),
        ("char_start", pa.int32()),
        ("char_end", pa.int32()),
        ("sentence", pa.int32()),
    ]
)
_DUCK_SPAN = "STRUCT(text VARCHAR, part VARCHAR, char_start INTEGER, char_end INTEGER, sentence INTEGER)[]"
_UTC = pa.timestamp("us", tz="UTC")

# (column, DuckDB type, Arrow type)
_A = tuple[str, str, pa.DataType]

_ACTOR_COLUMNS: Callable[[str], list[_A]] = lambda side: [  # noqa: E731
    (f"{side}_entity", "VARCHAR", pa.string()),
    (f"{side}_name", "VARCHAR", pa.string()),
    (f"{side}_code", "VARCHAR", pa.string()),
    (f"{side}_country", "VARCHAR", pa.string()),
]
_LOCATION_COLUMNS: list[_A] = [
    ("location_name", "VARCHAR", pa.string()),
    ("location_country", "VARCHAR", pa.string()),
    ("lat", "DOUBLE", pa.float64()),
    ("lon", "DOUBLE", pa.float64()),
]
_EVENT_CORE: list[_A] = [
    ("date", "DATE", pa.date32()),
    ("code", "VARCHAR", pa.string()),
    ("base_code", "VARCHAR", pa.string()),
    ("root", "VARCHAR", pa.string()),
    ("quad_class", "TINYINT", pa.int8()),
    ("goldstein", "DOUBLE", pa.float64()),
    ("mode", "VARCHAR", pa.string()),
    ("factual", "BOOLEAN", pa.bool_()),
    ("is_symmetric", "BOOLEAN", pa.bool_()),
    *_ACTOR_COLUMNS("source"),
    *_ACTOR_COLUMNS("target"),
    *_LOCATION_COLUMNS,
]

TABLES: dict[str, list[_A]] = {
    "articles": [
        ("key", "VARCHAR NOT NULL", pa.string()),
        ("id", "VARCHAR NOT NULL", pa.string()),
        ("hash", "VARCHAR NOT NULL", pa.string()),
        ("url", "VARCHAR", pa.string()),
        ("outlet", "VARCHAR", pa.string()),
        ("published", "VARCHAR", pa.string()),
        ("published_at", "TIMESTAMPTZ", _UTC),
        ("date", "DATE", pa.date32()),
        ("title", "VARCHAR", pa.string()),
        ("author", "VARCHAR", pa.string()),
        ("language", "VARCHAR", pa.string()),
        ("language_confidence", "DOUBLE", pa.float64()),
        ("body", "VARCHAR", pa.string()),
        ("captions", "VARCHAR[]", pa.list_(pa.string())),
        ("tags", "VARCHAR[]", pa.list_(pa.string())),
        ("warnings", "VARCHAR[]", pa.list_(pa.string())),
        ("n_sentences", "INTEGER", pa.int32()),
        ("n_words", "INTEGER", pa.int32()),
        ("source", "VARCHAR", pa.string()),
        ("ingested_at", "TIMESTAMPTZ", _UTC),
    ],
    "entities": [
        ("article_key", "VARCHAR NOT NULL", pa.string()),
        ("entity_id", "VARCHAR NOT NULL", pa.string()),
        ("name", "VARCHAR", pa.string()),
        ("type", "VARCHAR", pa.string()),
        ("country", "VARCHAR", pa.string()),
        ("actor_code", "VARCHAR", pa.string()),
        ("title", "VARCHAR", pa.string()),
        ("role", "VARCHAR", pa.string()),
        ("lat", "DOUBLE", pa.float64()),
        ("lon", "DOUBLE", pa.float64()),
        ("n_mentions", "INTEGER", pa.int32()),
    ],
    "mentions": [
        ("article_key", "VARCHAR NOT NULL", pa.string()),
        ("entity_id", "VARCHAR NOT NULL", pa.string()),
        ("seq", "INTEGER NOT NULL", pa.int32()),
        ("text", "VARCHAR", pa.string()),
        ("part", "VARCHAR", pa.string()),
        ("char_start", "INTEGER", pa.int32()),
        ("char_end", "INTEGER", pa.int32()),
        ("sentence", "INTEGER", pa.int32()),
    ],
    "quotes": [
        ("article_key", "VARCHAR NOT NULL", pa.string()),
        ("seq", "INTEGER NOT NULL", pa.int32()),
        ("kind", "VARCHAR", pa.string()),
        ("text", "VARCHAR", pa.string()),
        ("char_start", "INTEGER", pa.int32()),
        ("char_end", "INTEGER", pa.int32()),
        ("speaker_id", "VARCHAR", pa.string()),
        ("speaker_name", "VARCHAR", pa.string()),
    ],
    "event_mentions": [
        ("article_key", "VARCHAR NOT NULL", pa.string()),
        ("seq", "INTEGER NOT NULL", pa.int32()),
        ("event_id", "BIGINT NOT NULL", pa.int64()),
        ("event_key", "VARCHAR", pa.string()),
        *_EVENT_CORE,
        ("confidence", "DOUBLE", pa.float64()),
        ("evidence", "VARCHAR", pa.string()),
        ("part", "VARCHAR", pa.string()),
        ("char_start", "INTEGER", pa.int32()),
        ("char_end", "INTEGER", pa.int32()),
        ("sentence", "INTEGER", pa.int32()),
        ("n_spans", "INTEGER", pa.int32()),
        ("spans", _DUCK_SPAN, pa.list_(_SPAN)),
    ],
    "events": [
        ("event_id", "BIGINT NOT NULL", pa.int64()),
        ("event_key", "VARCHAR", pa.string()),
        *_EVENT_CORE,
        ("confidence", "DOUBLE", pa.float64()),
        ("num_mentions", "INTEGER", pa.int32()),
        ("num_sources", "INTEGER", pa.int32()),
        ("num_articles", "INTEGER", pa.int32()),
        ("is_root", "BOOLEAN", pa.bool_()),
        ("first_article_key", "VARCHAR", pa.string()),
        ("first_article_id", "VARCHAR", pa.string()),
        ("source_url", "VARCHAR", pa.string()),
        ("evidence", "VARCHAR", pa.string()),
        ("first_published", "TIMESTAMPTZ", _UTC),
        ("date_added", "TIMESTAMPTZ", _UTC),
    ],
    "duplicates": [
        ("article_key", "VARCHAR NOT NULL", pa.string()),
        ("duplicate_of", "VARCHAR NOT NULL", pa.string()),
        ("similarity", "DOUBLE", pa.float64()),
    ],
    "failures": [
        ("source", "VARCHAR NOT NULL", pa.string()),
        ("error", "VARCHAR", pa.string()),
        ("failed_at", "TIMESTAMPTZ", _UTC),
    ],
    "signatures": [
        ("article_key", "VARCHAR NOT NULL", pa.string()),
        ("signature", "BLOB", pa.binary()),
    ],
    "meta": [
        ("key", "VARCHAR NOT NULL", pa.string()),
        ("value", "VARCHAR", pa.string()),
    ],
}

PRIMARY_KEYS: dict[str, tuple[str, ...]] = {
    "articles": ("key",),
    "entities": ("article_key", "entity_id"),
    "mentions": ("article_key", "entity_id", "seq"),
    "quotes": ("article_key", "seq"),
    "event_mentions": ("article_key", "seq"),
    "events": ("event_id",),
    "duplicates": ("article_key", "duplicate_of"),
    "failures": ("source",),
    "signatures": ("article_key",),
    "meta": ("key",),
}
# Declared as constraints (DuckDB keeps an index for each). The per-article tables are
# keyed by construction (rows are written and deleted per article), which keeps
# inserts fast; their keys are documented and tested instead.
_CONSTRAINED = {"articles", "events", "failures", "signatures", "meta"}

# Tables holding rows of one article, and the column naming it.
_ARTICLE_TABLES = ("entities", "mentions", "quotes", "event_mentions", "signatures", "articles")
USER_TABLES = ("articles", "entities", "mentions", "quotes", "events", "event_mentions", "duplicates", "failures")


def _ddl(name: str) -> str:
    cols = [f'"{c}" {t}' for c, t, _ in TABLES[name]]
    if name in _CONSTRAINED:
        cols.append(f"PRIMARY KEY ({', '.join(PRIMARY_KEYS[name])})")
    return f"CREATE TABLE IF NOT EXISTS {name} ({', '.join(cols)})"


def arrow_schema(name: str) -> pa.Schema:
    return pa.schema([(c, a) for c, _, a in TABLES[name]])


# --------------------------------------------------------------------------------------
# Helpers turning an Article into rows.


def content_hash(text: str, metadata: dict[str, Any] | None = None, is_html: bool = False) -> str:
    """The content key of an input: SHA-256 of its text and the metadata given with it."""
    h = hashlib.sha256()
    h.update(text.encode("utf-8", errors="surrogatepass"))
    h.update(b"\x00html" if is_html else b"\x00text")
    h.update(json.dumps(metadata or {}, sort_keys=True, ensure_ascii=False, default=str).encode("utf-8"))
    return h.hexdigest()[:32]


def article_hash(article: Article) -> str:
    """The content key of an Article given directly (no raw input): SHA-256 of its JSON."""
    return "a" + hashlib.sha256(article.to_json().encode("utf-8")).hexdigest()[:31]


# The input part of a reader's `source`: "path:LINE" (JSON Lines), "path#N <url>" (WARC).
_SOURCE_SUFFIX = re.compile(r"(?::\d+|#\d+(?: <[^>]*>)?)$")


def input_path(source: str | None) -> str | None:
    """The resolved path of the file an input came from, or None (stdin, the API).

    `source` is a reader's name for the input: `path`, `path:LINE` or `path#N <url>`.
    """
    if not source or source.startswith("<"):
        return None
    candidates = [source]
    trimmed = _SOURCE_SUFFIX.sub("", source)
    if trimmed != source:
        candidates.insert(0, trimmed)
    for candidate in candidates:
        resolved = _resolved_file(candidate)
        if resolved is not None:
            return resolved
    return None


@functools.lru_cache(maxsize=1024)
def _resolved_file(candidate: str) -> str | None:
    path = Path(candidate)
    return str(path.resolve()) if path.is_file() else None


def document_key(url: str | None, article_id: str, source: str | None = None) -> str:
    """Which stored article an input is (`articles.key`).

    - the URL, when the input gives one (a JSON Lines `url`, a WARC record's target URI,
      `Article.url` given to `Store.add_articles`);
    - else `/resolved/path/of/file#id` for an input read from a file, so that `a/001.txt`
      and `b/001.txt` (both with the id `001`) are two articles;
    - else `id:` and the article id (stdin, Articles given from Python).

    The same key with different content is the same article, changed: it replaces the old
    version. The content hash (`articles.hash`) says whether it changed.
    """
    url = (url or "").strip()
    if url:
        return url
    path = input_path(source)
    if path is not None:
        return f"{path}#{article_id}"
    return f"id:{article_id}"


def record_key(record: Any) -> str:
    """The document key of a reader's RawRecord, known before extraction."""
    from kabar.pipeline import content_id

    meta = record.metadata or {}
    url = meta.get("url")
    article_id = str(meta.get("id") or content_id(record.text))
    url = url if isinstance(url, str) else None
    if not (url or "").strip() and getattr(record, "path", None):
        return f"{record.path}#{article_id}"
    return document_key(url, article_id, record.source)


def article_key(article: Article, source: str | None = None) -> str:
    """The document key of an Article given directly: its URL, else (input file and) id."""
    return document_key(article.url, article.id, source)


_SECOND_LEVEL = {"co", "com", "go", "ac", "or", "net", "org", "sch", "web", "my", "mil", "gov", "edu", "ne"}


def outlet_of(url: str | None) -> str | None:
    """The site an article comes from, as a registrable domain: regional.kompas.com -> kompas.com."""
    if not url:
        return None
    try:
        host = (urlparse(url if "//" in url else "//" + url).hostname or "").lower().rstrip(".")
    except ValueError:
        return None
    if not host:
        return None
    parts = host.split(".")
    if len(parts) >= 3 and len(parts[-1]) == 2 and parts[-2] in _SECOND_LEVEL:
        return ".".join(parts[-3:])
    return ".".join(parts[-2:]) if len(parts) >= 2 else host


def parse_published(value: str | None) -> tuple[dt.datetime | None, dt.date | None]:
    """(UTC instant, local calendar date) of an ISO 8601 publication time; Nones when unreadable."""
    if not value:
        return None, None
    text = value.strip().replace("Z", "+00:00")
    try:
        stamp = dt.datetime.fromisoformat(text)
    except ValueError:
        try:
            return None, dt.date.fromisoformat(text[:10])
        except ValueError:
            return None, None
    day = stamp.date()
    if stamp.tzinfo is None:
        return stamp.replace(tzinfo=dt.UTC), day
    return stamp.astimezone(dt.UTC), day


def parse_date(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value.strip()[:10])
    except ValueError:
        return None


def base_code(code: str | None) -> str | None:
    """CAMEO base (three-digit) code: 0251 -> 025; two- and three-digit codes are their own base."""
    if not code or len(code) <= 3:
        return code
    cameo = _cameo()
    fn = getattr(cameo, "base_code", None) if cameo else None
    if fn:
        with contextlib.suppress(Exception):
            value = fn(code)
            if value:
                return str(value)
    return code[:3] if len(code) > 3 else code


def root_code(code: str | None) -> str | None:
    if not code:
        return code
    cameo = _cameo()
    fn = getattr(cameo, "root_code", None) if cameo else None
    if fn:
        with contextlib.suppress(Exception):
            value = fn(code)
            if value:
                return str(value)
    return code[:2]


def quad_class_of(root: str | None) -> int | None:
    """CAMEO quad class from a root code: 1 verbal cooperation (01-05), 2 material cooperation
    (06-08), 3 verbal conflict (09-13), 4 material conflict (14-20)."""
    if not root:
        return None
    cameo = _cameo()
    fn = getattr(cameo, "quad_class", None) if cameo else None
    if fn:
        with contextlib.suppress(Exception):
            value = fn(root)
            if value:
                return int(value)
    try:
        r = int(root[:2])
    except ValueError:
        return None
    if 1 <= r <= 5:
        return 1
    if 6 <= r <= 8:
        return 2
    if 9 <= r <= 13:
        return 3
    if 14 <= r <= 20:
        return 4
    return None


_CAMEO_MODULE: Any = None


def _cameo() -> Any:
    """kabar.cameo when it exists (the CAMEO ontology as data), else None."""
    global _CAMEO_MODULE
    if _CAMEO_MODULE is None:
        try:
            import kabar.cameo as module  # type: ignore[import-not-found]

            _CAMEO_MODULE = module
        except ImportError:
            _CAMEO_MODULE = False
    return _CAMEO_MODULE or None


def _actor_key(actor: EventActor | None) -> str:
    if actor is None:
        return ""
    return (actor.actor_code or actor.country or " ".join((actor.name or "").split()).upper() or "").strip()


def is_symmetric(event: Event) -> bool:
    """A reciprocal event (meet, negotiate) between two known sides."""
    return bool(getattr(event, "symmetric", False)) and bool(_actor_key(event.source)) and bool(
        _actor_key(event.target)
    )


def event_key(event: Event, day: dt.date | None, article_key: str) -> str:
    """What makes two reported events the same event.

    Same day, same CAMEO root, same source and target (actor code, else country, else
    name) and same mode (a reported attack and a denied one are two things). A symmetric
    event (a reciprocal action such as meeting, coded once with the first-named side as
    source) keys its two sides in sorted order and is marked as such, so "A met B" and
    "B met A" are one event, and neither merges with a one-way event of the same root.
    An event with neither source nor target is also keyed by its place; one with no date
    at all, or with no actor and no place, is not merged across articles.
    """
    root = event.root or root_code(event.code) or ""
    src, tgt = _actor_key(event.source), _actor_key(event.target)
    place = ""
    if not src and not tgt:
        loc = event.location
        place = " ".join(((loc.name or loc.country or "") if loc else "").split()).upper() or "#" + article_key
    when = day.isoformat() if day else "#" + article_key
    parts = [when, root, src, tgt, event.mode or "reported", place]
    if is_symmetric(event):
        parts[2:4] = sorted((src, tgt))
        parts.append("symmetric")
    return "|".join(parts)


def event_id_of(key: str) -> int:
    """A stable positive 63-bit integer for an event key (GDELT's GLOBALEVENTID is an integer)."""
    return int.from_bytes(hashlib.sha1(key.encode("utf-8")).digest()[:8], "big") >> 1


def _sentence_index(starts: list[int], offset: int | None) -> int | None:
    """1-based number of the sentence holding `offset`."""
    if offset is None or not starts:
        return None
    import bisect

    return max(1, bisect.bisect_right(starts, offset))


@dataclass
class StoreItem:
    """One article to store, with its document key, content key and the input it came from."""

    article: Article
    hash: str | None = None  # content key; computed from the Article when None
    source: str | None = None  # the input: a path, "path:LINE", "<api>"
    key: str | None = None  # document key (`document_key`); from the Article and source when None


@dataclass
class BatchResult:
    new: int = 0
    replaced: int = 0
    unchanged: int = 0
    failed: int = 0
    duplicates: int = 0  # near-duplicate links found
    events: int = 0  # event mentions written
    article_keys: list[str] = field(default_factory=list)


class _Rows:
    """Column lists of one table, filled row by row, turned into an Arrow table."""

    def __init__(self, name: str):
        self.name = name
        self.columns = [c for c, _, _ in TABLES[name]]
        self.data: dict[str, list[Any]] = {c: [] for c in self.columns}

    def add(self, **values: Any) -> None:
        for c in self.columns:
            self.data[c].append(values.get(c))

    def __len__(self) -> int:
        return len(self.data[self.columns[0]])

    def table(self) -> pa.Table:
        return pa.table(self.data, schema=arrow_schema(self.name))


# --------------------------------------------------------------------------------------


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
        try:
            self.con = duckdb.connect(self.path, read_only=read_only)
        except duckdb.IOException as exc:
            msg = str(exc)
            if "lock" in msg.lower():
                raise StoreError(
                    f"{self.path}: the database is in use by another process (a running `kabar ingest`?); "
                    "wait for it to finish"
                ) from exc
            raise StoreError(f"{self.path}: cannot open the database ({msg})") from exc
        except duckdb.Error as exc:
            raise StoreError(f"{self.path}: not a usable DuckDB database ({exc})") from exc
        self._dedup: Any = None  # kabar.dedup.Deduplicator, built on first write
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
        from kabar import dedup as _dedup

        existing = {r[0] for r in self.con.execute("SELECT table_name FROM duckdb_tables()").fetchall()}
        if "meta" in existing:
            self._check_schema()
        self.con.execute("BEGIN")
        try:
            for name in TABLES:
                self.con.execute(_ddl(name))
            if "meta" not in existing:
                meta = {
                    "schema_version": str(SCHEMA_VERSION),
                    "dedup_num_perm": str(_dedup.NUM_PERM),
                    "dedup_shingle": str(_dedup.SHINGLE),
                    "dedup_seed": str(_dedup.SEED),
                    "dedup_scheme": _dedup.SCHEME,
                    "dedup_threshold": str(_dedup.THRESHOLD),
                    "created_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
                }
                self.con.executemany("INSERT INTO meta VALUES (?, ?)", list(meta.items()))
            self.con.execute("COMMIT")
        except Exception:
            self.con.execute("ROLLBACK")
            raise

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
            rows = cur.execute("SELECT key, hash FROM articles WHERE key IN (SELECT key FROM _q_keys)").fetchall()
        finally:
            cur.close()
        stored = {(k, h) for k, h in rows}
        return {p for p in pairs if p in stored}

    # -- dedup index ---------------------------------------------------------------

    def _deduplicator(self) -> Any:
        from kabar import dedup as _dedup

        if self._dedup is None:
            meta = self.meta()
            threshold = self._dedup_threshold or float(meta.get("dedup_threshold", _dedup.THRESHOLD))
            if meta.get("dedup_scheme", _dedup.SCHEME) != _dedup.SCHEME:
                raise StoreError(f"{self.path}: near-duplicate signatures use another scheme; use a new database")
            dd = _dedup.Deduplicator(
                threshold=threshold,
                num_perm=int(meta.get("dedup_num_perm", _dedup.NUM_PERM)),
                shingle=int(meta.get("dedup_shingle", _dedup.SHINGLE)),
                seed=int(meta.get("dedup_seed", _dedup.SEED)),
            )
            rows = self.con.execute("SELECT article_key, signature FROM signatures ORDER BY article_key").fetchall()
            dd.load((key, _dedup.from_bytes(sig)) for key, sig in rows)
            self._dedup = dd
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
        items: Sequence[StoreItem],
        failures: Sequence[tuple[str, str]] = (),
        *,
        force: bool = False,
    ) -> BatchResult:
        """Store a batch of articles and failed inputs in one transaction.

        An item whose document key is stored with the same content hash is left alone
        (unless `force`); one whose key is stored with other content replaces the old rows.
        """
        if self.read_only:
            raise StoreError(f"{self.path}: opened read-only")
        result = BatchResult()
        # Last one wins inside a batch (same key), as it would across batches.
        latest: dict[str, StoreItem] = {}
        for item in items:
            if item.hash is None:
                item.hash = article_hash(item.article)
            if item.source is None:
                item.source = "<api>"
            if item.key is None:
                item.key = article_key(item.article, item.source)
            latest.pop(item.key, None)
            latest[item.key] = item
        batch = list(latest.values())
        result.unchanged += len(items) - len(batch)
        now = dt.datetime.now(dt.UTC)
        con = self.con
        dedup = self._deduplicator()
        con.execute("BEGIN")
        try:
            if batch:
                result = self._write_articles(batch, result, now, force)
            if failures:
                fail_rows = _Rows("failures")
                seen: set[str] = set()
                for source, error in reversed(list(failures)):
                    if source not in seen:
                        seen.add(source)
                        fail_rows.add(source=source, error=error, failed_at=now)
                con.register("_b_fail", fail_rows.table())
                con.execute("DELETE FROM failures WHERE source IN (SELECT source FROM _b_fail)")
                con.execute("INSERT INTO failures BY NAME SELECT * FROM _b_fail")
                con.unregister("_b_fail")
                result.failed = len(seen)
            con.execute("COMMIT")
        except BaseException:
            with contextlib.suppress(Exception):
                con.execute("ROLLBACK")
            # The in-memory index may hold signatures of the rolled-back batch.
            if self._dedup is dedup:
                self._dedup = None
            raise
        return result

    def _delete_rows(self, keys: Sequence[str]) -> set[int]:
        """Delete every row of these articles (inside the caller's transaction); returns the
        ids of the events they told, to refresh."""
        con = self.con
        con.register("_b_old", pa.table({"key": pa.array(sorted(keys), pa.string())}))
        affected = {
            r[0]
            for r in con.execute(
                "SELECT DISTINCT event_id FROM event_mentions WHERE article_key IN (SELECT key FROM _b_old)"
            ).fetchall()
        }
        for table in _ARTICLE_TABLES:
            col = "key" if table == "articles" else "article_key"
            con.execute(f"DELETE FROM {table} WHERE {col} IN (SELECT key FROM _b_old)")
        con.execute(
            "DELETE FROM duplicates WHERE article_key IN (SELECT key FROM _b_old) "
            "OR duplicate_of IN (SELECT key FROM _b_old)"
        )
        con.unregister("_b_old")
        return affected

    def _write_articles(
        self, batch: list[StoreItem], result: BatchResult, now: dt.datetime, force: bool
    ) -> BatchResult:
        con = self.con
        con.register("_b_keys", pa.table({"key": pa.array([i.key for i in batch], pa.string())}))
        stored = dict(con.execute("SELECT key, hash FROM articles WHERE key IN (SELECT key FROM _b_keys)").fetchall())
        con.unregister("_b_keys")

        write: list[StoreItem] = []
        replace: list[str] = []
        for item in batch:
            assert item.key is not None
            old_hash = stored.get(item.key)
            if old_hash is not None and old_hash == item.hash and not force:
                result.unchanged += 1
                continue
            if old_hash is not None:
                result.replaced += 1
                replace.append(item.key)
            else:
                result.new += 1
            write.append(item)
        if not write:
            return result

        dedup = self._deduplicator()
        affected: set[int] = set()
        if replace:
            affected |= self._delete_rows(replace)
            for key in replace:
                dedup.remove(key)

        rows = {name: _Rows(name) for name in ("articles", "entities", "mentions", "quotes", "event_mentions")}
        sig_rows = _Rows("signatures")
        published: dict[str, tuple[dt.datetime | None, str]] = {}  # key -> (publication time, id)
        for item in write:
            art = item.article
            pub_at, day = parse_published(art.published)
            published[item.key] = (pub_at, art.id)  # type: ignore[index]
            self._article_rows(item, rows, pub_at, day, now, affected)
            result.events += len(art.events)
            result.article_keys.append(item.key)  # type: ignore[arg-type]

        from kabar import dedup as _dedup

        # Near-duplicates: query the index with each new article, in input order, then add it.
        links: list[tuple[str, str, float]] = []
        for item in write:
            key = item.key
            sig = dedup.signature(item.article.body or "")
            if sig is None:
                continue
            for other, sim in dedup.query(sig):
                if other != key:
                    links.append((key, other, sim))  # type: ignore[arg-type]
            dedup.add(key, sig)
            sig_rows.add(article_key=key, signature=_dedup.to_bytes(sig))

        for name, r in rows.items():
            if len(r):
                con.register(f"_b_{name}", r.table())
                con.execute(f"INSERT INTO {name} BY NAME SELECT * FROM _b_{name}")
                con.unregister(f"_b_{name}")
        if len(sig_rows):
            con.register("_b_sig", sig_rows.table())
            con.execute("INSERT INTO signatures BY NAME SELECT * FROM _b_sig")
            con.unregister("_b_sig")

        if links:
            others = sorted({o for _, o, _ in links} - set(published))
            if others:
                con.register("_b_others", pa.table({"key": pa.array(others, pa.string())}))
                for key, pub, aid in con.execute(
                    "SELECT key, published_at, id FROM articles WHERE key IN (SELECT key FROM _b_others)"
                ).fetchall():
                    published[key] = (pub, aid)
                con.unregister("_b_others")
            dup_rows = _Rows("duplicates")
            seen_pairs: set[tuple[str, str]] = set()
            for a, b, sim in links:
                copy, original = _order_copy(a, b, published)
                if (copy, original) in seen_pairs:
                    continue
                seen_pairs.add((copy, original))
                dup_rows.add(article_key=copy, duplicate_of=original, similarity=round(sim, 4))
            con.register("_b_dup", dup_rows.table())
            con.execute(
                "DELETE FROM duplicates WHERE (article_key, duplicate_of) IN "
                "(SELECT (article_key, duplicate_of) FROM _b_dup)"
            )
            con.execute("INSERT INTO duplicates BY NAME SELECT * FROM _b_dup")
            con.unregister("_b_dup")
            result.duplicates += len(seen_pairs)

        if affected:
            self._refresh_events(affected)
        # An input that is stored now has not failed.
        con.register("_b_src", pa.table({"source": pa.array([i.source for i in write], pa.string())}))
        con.execute("DELETE FROM failures WHERE source IN (SELECT source FROM _b_src)")
        con.unregister("_b_src")
        return result

    def _article_rows(
        self,
        item: StoreItem,
        rows: dict[str, _Rows],
        pub_at: dt.datetime | None,
        day: dt.date | None,
        now: dt.datetime,
        affected: set[int],
    ) -> None:
        art = item.article
        key = item.key
        assert key is not None
        starts = [s.start for s in art.sentences]

        def sentence_of(span: Any) -> int | None:
            # Sentences are the body's: a span in the title or a caption has none.
            if span is None or _part(span) != "body":
                return None
            return _sentence_index(starts, span.start)

        rows["articles"].add(
            key=key,
            id=art.id,
            hash=item.hash,
            url=art.url,
            outlet=outlet_of(art.url),
            published=art.published,
            published_at=pub_at,
            date=day,
            title=art.title,
            author=art.author,
            language=art.language,
            language_confidence=art.language_confidence,
            body=art.body,
            captions=list(art.captions or []),
            tags=[str(t) for t in (art.tags or [])],
            warnings=list(art.warnings or []),
            n_sentences=len(art.sentences),
            n_words=len((art.body or "").split()),
            source=item.source,
            ingested_at=now,
        )
        for ent in art.entities:
            rows["entities"].add(
                article_key=key,
                entity_id=ent.id,
                name=ent.name,
                type=ent.type,
                country=ent.country,
                actor_code=ent.actor_code,
                title=ent.title,
                role=ent.role,
                lat=ent.lat,
                lon=ent.lon,
                n_mentions=len(ent.mentions),
            )
            for seq, m in enumerate(ent.mentions):
                rows["mentions"].add(
                    article_key=key,
                    entity_id=ent.id,
                    seq=seq,
                    text=m.text,
                    part=_part(m),
                    char_start=m.start,
                    char_end=m.end,
                    sentence=sentence_of(m),
                )
        for seq, q in enumerate(art.quotes):
            rows["quotes"].add(
                article_key=key,
                seq=seq,
                kind=q.kind,
                text=q.text,
                char_start=q.start,
                char_end=q.end,
                speaker_id=q.speaker,
                speaker_name=q.speaker_name,
            )
        for seq, ev in enumerate(art.events):
            when = parse_date(ev.date) or day
            ekey = event_key(ev, when, key)
            eid = event_id_of(ekey)
            affected.add(eid)
            root = ev.root or root_code(ev.code)
            src, tgt, loc = ev.source, ev.target, ev.location
            evidence = ev.evidence
            spans = list(ev.mentions or [])
            if evidence is not None and not any(
                _part(s) == _part(evidence) and s.start == evidence.start and s.end == evidence.end for s in spans
            ):
                spans.insert(0, evidence)
            rows["event_mentions"].add(
                article_key=key,
                seq=seq,
                event_id=eid,
                event_key=ekey,
                date=when,
                code=ev.code,
                base_code=base_code(ev.code),
                root=root,
                quad_class=ev.quad_class if ev.quad_class else quad_class_of(root),
                goldstein=ev.goldstein,
                mode=ev.mode or "reported",
                factual=bool(ev.factual),
                is_symmetric=is_symmetric(ev),
                source_entity=src.entity if src else None,
                source_name=src.name if src else None,
                source_code=src.actor_code if src else None,
                source_country=src.country if src else None,
                target_entity=tgt.entity if tgt else None,
                target_name=tgt.name if tgt else None,
                target_code=tgt.actor_code if tgt else None,
                target_country=tgt.country if tgt else None,
                location_name=loc.name if loc else None,
                location_country=loc.country if loc else None,
                lat=loc.lat if loc else None,
                lon=loc.lon if loc else None,
                confidence=ev.confidence,
                evidence=evidence.text if evidence else None,
                part=_part(evidence) if evidence else None,
                char_start=evidence.start if evidence else None,
                char_end=evidence.end if evidence else None,
                sentence=sentence_of(evidence),
                n_spans=max(1, len(spans)),
                spans=[
                    {
                        "text": s.text,
                        "part": _part(s),
                        "char_start": s.start,
                        "char_end": s.end,
                        "sentence": sentence_of(s),
                    }
                    for s in spans
                ],
            )

    def _refresh_events(self, event_ids: Iterable[int]) -> None:
        """Recompute the `events` rows of these ids from `event_mentions` (inside the caller's transaction)."""
        con = self.con
        con.register("_b_aff", pa.table({"event_id": pa.array(sorted(event_ids), pa.int64())}))
        con.execute("DELETE FROM events WHERE event_id IN (SELECT event_id FROM _b_aff)")
        con.execute(_REFRESH_EVENTS_SQL)
        con.unregister("_b_aff")

    def refresh_all_events(self) -> int:
        """Rebuild the whole `events` table from `event_mentions` (one transaction)."""
        ids = [r[0] for r in self.con.execute("SELECT DISTINCT event_id FROM event_mentions").fetchall()]
        self.con.execute("BEGIN")
        try:
            self.con.execute("DELETE FROM events")
            if ids:
                self._refresh_events(ids)
            self.con.execute("COMMIT")
        except BaseException:
            self.con.execute("ROLLBACK")
            raise
        return len(ids)

    def delete_articles(self, keys: Iterable[str]) -> int:
        """Remove articles (by document key, `articles.key`) and everything stored about them
        (one transaction)."""
        keys = sorted(set(keys))
        if not keys:
            return 0
        con = self.con
        dedup = self._deduplicator()
        con.execute("BEGIN")
        try:
            con.register("_b_del", pa.table({"key": pa.array(keys, pa.string())}))
            n = con.execute("SELECT count(*) FROM articles WHERE key IN (SELECT key FROM _b_del)").fetchall()[0][0]
            con.unregister("_b_del")
            affected = self._delete_rows(keys)
            if affected:
                self._refresh_events(affected)
            con.execute("COMMIT")
        except BaseException:
            with contextlib.suppress(Exception):
                con.execute("ROLLBACK")
            self._dedup = None
            raise
        for key in keys:
            dedup.remove(key)
        return n


def _part(span: Any) -> str:
    """Which text a span's offsets index: "body", "title" or "captions[N]" (`Span.where`)."""
    return getattr(span, "where", None) or "body"


def _order_copy(
    a: str, b: str, published: dict[str, tuple[dt.datetime | None, str]]
) -> tuple[str, str]:
    """(copy, original) of two document keys: the original is the one published first
    (then the smaller id, then the smaller key)."""
    far = dt.datetime.max.replace(tzinfo=dt.UTC)
    pa_, pb = published.get(a, (None, a)), published.get(b, (None, b))
    ka = (pa_[0] or far, pa_[1], a)
    kb = (pb[0] or far, pb[1], b)
    return (a, b) if ka > kb else (b, a)


# One row per event id in _b_aff, from its mentions. The representative mention (whose
# code, actors, place and evidence the event shows) has the event's most frequent code,
# then comes from the earliest-published article; ties break on article key and order.
_REFRESH_EVENTS_SQL = """
INSERT INTO events BY NAME
WITH m AS (
    SELECT em.*, a.id AS a_id, a.url AS a_url, a.outlet AS a_outlet, a.published_at AS a_pub,
           a.ingested_at AS a_ing
    FROM event_mentions em JOIN articles a ON a.key = em.article_key
    WHERE em.event_id IN (SELECT event_id FROM _b_aff)
),
codes AS (SELECT event_id, code, count(*) AS n FROM m GROUP BY event_id, code),
best AS (SELECT event_id, first(code ORDER BY n DESC, code NULLS LAST) AS best_code FROM codes GROUP BY event_id),
ranked AS (
    SELECT m.*, row_number() OVER (
        PARTITION BY m.event_id
        ORDER BY (m.code IS NOT DISTINCT FROM best.best_code) DESC, m.a_pub NULLS LAST, m.article_key, m.seq
    ) AS rn
    FROM m JOIN best ON best.event_id = m.event_id
),
agg AS (
    SELECT event_id,
           CAST(sum(n_spans) AS INTEGER) AS num_mentions,
           CAST(count(DISTINCT coalesce(a_outlet, article_key)) AS INTEGER) AS num_sources,
           CAST(count(DISTINCT article_key) AS INTEGER) AS num_articles,
           max(confidence) AS max_confidence,
           bool_or(coalesce(sentence, 999) <= {lead}) AS is_root,
           min(a_pub) AS first_published,
           min(a_ing) AS date_added
    FROM m GROUP BY event_id
)
SELECT r.event_id, r.event_key, r.date, r.code, r.base_code, r.root, r.quad_class, r.goldstein, r.mode, r.factual,
       r.is_symmetric, r.source_entity, r.source_name, r.source_code, r.source_country,
       r.target_entity, r.target_name, r.target_code, r.target_country,
       r.location_name, r.location_country, r.lat, r.lon,
       agg.max_confidence AS confidence, agg.num_mentions, agg.num_sources, agg.num_articles, agg.is_root,
       r.article_key AS first_article_key, r.a_id AS first_article_id, r.a_url AS source_url, r.evidence,
       agg.first_published, agg.date_added
FROM ranked r JOIN agg ON agg.event_id = r.event_id
WHERE r.rn = 1
""".replace("{lead}", str(LEAD_SENTENCES))


# --------------------------------------------------------------------------------------
# Ingest: inputs -> readers -> pipeline -> store, in batches.


@dataclass
class IngestReport:
    db: str
    read: int = 0  # records read (articles and failed inputs)
    new: int = 0
    replaced: int = 0
    unchanged: int = 0
    failed: int = 0
    duplicates: int = 0
    events: int = 0
    batches: int = 0
    seconds: float = 0.0
    startup: float | None = None  # seconds until the first inputs were done (mostly loading the pipeline)
    startup_read: int = 0  # inputs done by then (the first batch extracted)
    failures: list[tuple[str, str]] = field(default_factory=list)

    @property
    def stored(self) -> int:
        return self.new + self.replaced

    @property
    def rate(self) -> float:
        """Inputs per second after the first batch was extracted (pipeline loading is not counted)."""
        if self.startup is not None and self.read > self.startup_read and self.seconds > self.startup:
            return (self.read - self.startup_read) / (self.seconds - self.startup)
        return self.read / self.seconds if self.seconds > 0 else 0.0


# Worker side -----------------------------------------------------------------

_WORKER_LANG = "id"
PIPE_BATCH = 32  # documents the pipeline runs together (`Pipeline.pipe`): the NER is batched


def _worker_init(lang: str) -> None:
    global _WORKER_LANG
    _WORKER_LANG = lang
    from kabar.pipeline import get_pipeline

    get_pipeline(lang)


def _internal_error(exc: BaseException) -> str:
    return f"internal error while extracting ({type(exc).__name__}: {exc})"


def _run_tasks(tasks: list[tuple]) -> list[tuple]:
    """Do a list of tasks, in order, extracting the articles batch-wise through `Pipeline.pipe`.

    A task is ('skip', source, hash) or ('fail', source, error), passed through, or
    ('extract', record, hash, key) -> ('ok', StoreItem) or ('fail', source, error): a failure
    is always one input's own, never its batch's.
    """
    out: list[tuple | None] = [t if t[0] != "extract" else None for t in tasks]
    todo = [i for i, t in enumerate(tasks) if t[0] == "extract"]
    if not todo:
        return out  # type: ignore[return-value]
    from kabar.pipeline import get_pipeline

    pipeline = get_pipeline(_WORKER_LANG)
    docs = []
    for i in todo:
        _, record, _digest, _key = tasks[i]
        try:
            doc = pipeline.make_document(record.text, record.source, is_html=record.is_html, **record.metadata)
        except InputError as exc:
            out[i] = ("fail", exc.source or record.source, exc.reason)
            continue
        except Exception as exc:  # noqa: BLE001 - a bug must not stop a run over many inputs
            out[i] = ("fail", record.source, _internal_error(exc))
            continue
        docs.append((i, doc))
    results: list[Any] | None
    try:
        results = [res for _, res in pipeline.pipe([d for _, d in docs], batch_size=PIPE_BATCH)]
        if len(results) != len(docs):
            results = None
    except Exception:  # noqa: BLE001 - pipe already isolates stage failures; redo one by one
        results = None
    if results is None:  # pragma: no cover - only when Pipeline.pipe itself breaks
        results = []
        for _, doc in docs:
            try:
                results.append(pipeline.run(doc))
            except InputError as exc:
                results.append(exc)
            except Exception as exc:  # noqa: BLE001
                results.append(InputError(doc.source, _internal_error(exc)))
    for (i, _doc), res in zip(docs, results):
        _, record, digest, key = tasks[i]
        if isinstance(res, InputError):
            out[i] = ("fail", res.source or record.source, res.reason)
        else:
            out[i] = ("ok", StoreItem(res, digest, record.source, key))
    return out  # type: ignore[return-value]


def _chunks(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    chunk: list[Any] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def ingest(
    inputs: Iterable[str],
    db: str | os.PathLike[str] | None = None,
    *,
    batch_size: int = DEFAULT_BATCH,
    jobs: int = 1,
    lang: str = "id",
    force: bool = False,
    dedup_threshold: float | None = None,
    pipe_batch: int | None = None,
    on_record: Callable[[IngestReport], None] | None = None,
    on_batch: Callable[[IngestReport], None] | None = None,
) -> IngestReport:
    """Read every input, extract each article and store it; inputs that fail are recorded.

    Articles whose document key is stored with the same content are skipped before
    extraction, so running the same ingest again (or resuming one that was killed) only
    does the missing work. Articles are extracted `pipe_batch` at a time through
    `Pipeline.pipe` (default 32); `jobs` > 1 extracts in that many worker processes,
    while writing stays in this one.
    """
    from kabar.readers import RawRecord, read_inputs

    batch_size = max(1, int(batch_size))
    per = max(1, int(pipe_batch or PIPE_BATCH))
    pool = None
    if jobs > 1:
        import multiprocessing as mp

        # Workers start before the database is opened, so they never inherit its state.
        pool = mp.get_context("fork").Pool(jobs, initializer=_worker_init, initargs=(lang,))
    else:
        global _WORKER_LANG
        _WORKER_LANG = lang  # the pipeline loads on the first article that needs extracting
    try:
        store = Store(db, dedup_threshold=dedup_threshold)
    except BaseException:
        if pool is not None:
            pool.terminate()
        raise
    report = IngestReport(db=store.path)
    start = time.perf_counter()

    def tasks() -> Iterator[list[tuple]]:
        """The inputs as tasks, one list per transaction batch."""
        for chunk in _chunks(read_inputs(inputs), batch_size):
            keyed = [
                (r, record_key(r), content_hash(r.text, r.metadata, r.is_html)) if isinstance(r, RawRecord) else (r,)
                for r in chunk
            ]
            known = set() if force else store.known([(k[1], k[2]) for k in keyed if len(k) == 3])
            out: list[tuple] = []
            for k in keyed:
                rec = k[0]
                if isinstance(rec, InputError):
                    out.append(("fail", rec.source, rec.reason))
                elif (k[1], k[2]) in known:
                    out.append(("skip", rec.source, k[2]))
                else:
                    out.append(("extract", rec, k[2], k[1]))
            yield out

    pending: list[StoreItem] = []
    failed: list[tuple[str, str]] = []

    def flush() -> None:
        if not pending and not failed:
            return
        res = store.write_batch(pending, failed, force=force)
        report.new += res.new
        report.replaced += res.replaced
        report.unchanged += res.unchanged
        report.duplicates += res.duplicates
        report.events += res.events
        report.batches += 1
        report.seconds = time.perf_counter() - start
        pending.clear()
        failed.clear()
        if on_batch:
            on_batch(report)

    def take(res: tuple) -> None:
        report.read += 1
        if res[0] == "ok":
            pending.append(res[1])
        elif res[0] == "skip":
            report.unchanged += 1
        else:
            failed.append((res[1], res[2]))
            report.failures.append((res[1], res[2]))
            report.failed += 1
        report.seconds = time.perf_counter() - start
        if on_record:
            on_record(report)

    def started() -> None:
        # The rate counts from the end of the first batch extracted (pipeline loading excluded).
        if report.startup is None and report.read:
            report.startup = time.perf_counter() - start
            report.startup_read = report.read

    try:
        if pool is None:
            for batch in tasks():
                for part in _chunks(batch, per):
                    for res in _run_tasks(part):
                        take(res)
                        if len(pending) + len(failed) >= batch_size:
                            flush()
                    started()
        else:
            # Workers extract the next batch (in pieces of `pipe_batch`) while this process
            # writes the current one; at most two batches are in memory.
            def submit(batch: list[tuple] | None) -> Any:
                if batch is None:
                    return None
                return pool.map_async(_run_tasks, list(_chunks(batch, per)), chunksize=1)

            batches = tasks()
            running = submit(next(batches, None))
            while running is not None:
                results = running.get()
                running = submit(next(batches, None))
                for part in results:
                    for res in part:
                        take(res)
                started()
                flush()
        flush()
    finally:
        if pool is not None:
            pool.terminate()
            pool.join()
        store.close()
    report.seconds = time.perf_counter() - start
    return report
