"""The tables of a kabar store: one spec per table gives both the DuckDB DDL and the Arrow
schema its rows are built in (docs/store.md documents every column)."""

from __future__ import annotations

import pyarrow as pa

SCHEMA_VERSION = 3  # 3: event_mentions.action_start/action_end

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

Column = tuple[str, str, pa.DataType]  # (name, DuckDB type, Arrow type)


def _actor_columns(side: str) -> list[Column]:
    return [
        (f"{side}_entity", "VARCHAR", pa.string()),
        (f"{side}_name", "VARCHAR", pa.string()),
        (f"{side}_code", "VARCHAR", pa.string()),
        (f"{side}_country", "VARCHAR", pa.string()),
    ]


_LOCATION_COLUMNS: list[Column] = [
    ("location_name", "VARCHAR", pa.string()),
    ("location_country", "VARCHAR", pa.string()),
    ("lat", "DOUBLE", pa.float64()),
    ("lon", "DOUBLE", pa.float64()),
]
_EVENT_CORE: list[Column] = [
    ("date", "DATE", pa.date32()),
    ("code", "VARCHAR", pa.string()),
    ("base_code", "VARCHAR", pa.string()),
    ("root", "VARCHAR", pa.string()),
    ("quad_class", "TINYINT", pa.int8()),
    ("goldstein", "DOUBLE", pa.float64()),
    ("mode", "VARCHAR", pa.string()),
    ("factual", "BOOLEAN", pa.bool_()),
    ("is_symmetric", "BOOLEAN", pa.bool_()),
    *_actor_columns("source"),
    *_actor_columns("target"),
    *_LOCATION_COLUMNS,
]

TABLES: dict[str, list[Column]] = {
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
        # the word naming the action (the trigger), body offsets; NULL outside the body
        ("action_start", "INTEGER", pa.int32()),
        ("action_end", "INTEGER", pa.int32()),
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
CONSTRAINED = frozenset({"articles", "events", "failures", "signatures", "meta"})

# Tables holding rows of one article (built from it alone, see `kabar.store.rows`).
ARTICLE_TABLES = ("articles", "entities", "mentions", "quotes", "event_mentions", "signatures")
# Tables a user queries (the rest is the store's own bookkeeping).
USER_TABLES = (
    "articles",
    "entities",
    "mentions",
    "quotes",
    "events",
    "event_mentions",
    "duplicates",
    "failures",
)


def ddl(name: str) -> str:
    """The CREATE TABLE statement of a table."""
    cols = [f'"{c}" {t}' for c, t, _ in TABLES[name]]
    if name in CONSTRAINED:
        cols.append(f"PRIMARY KEY ({', '.join(PRIMARY_KEYS[name])})")
    return f"CREATE TABLE IF NOT EXISTS {name} ({', '.join(cols)})"


def arrow_schema(name: str) -> pa.Schema:
    """The Arrow schema a table's rows are built in."""
    return pa.schema([(c, a) for c, _, a in TABLES[name]])


def column_names(name: str) -> list[str]:
    return [c for c, _, _ in TABLES[name]]
