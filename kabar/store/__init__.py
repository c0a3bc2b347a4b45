"""The kabar store: articles, entities, quotes and events in one DuckDB file.

    >>> from kabar.store import Store
    >>> with Store("kabar.duckdb") as store:
    ...     store.add_articles([article])                       # store Articles you have

Reading, extracting and storing inputs is `kabar.ingest` (`kabar ingest`); this package only
stores what it is given and never loads the pipeline. Its modules:

- `schema`: the tables, one spec each giving the DuckDB DDL and the Arrow schema;
- `keys`: an Article's document and content keys, its outlet, the key and id of an event;
- `rows`: an article's rows in every per-article table, built without a database;
- `merge`: what spans articles: near-duplicate links and `events` merged from their mentions;
- `db`: `Store`, the DuckDB file, with idempotent, crash-safe batch writes.

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

The document key (`kabar.readers.document_key`) says which stored article an input is: its
URL when the input gives one, else the input file (resolved path) and the article's id,
else the id. Two files `a/001.txt` and `b/001.txt` are two articles although both have the
id `001`.

Writes are idempotent and crash-safe: an article whose key is stored with the same content
hash changes nothing; one whose key is stored with other content replaces the old rows;
each batch is one transaction, so a run killed at any moment leaves the database as it was
after the last whole batch, and running it again finishes the job. The `events` rows are
recomputed from `event_mentions` for every event a batch touches, so they do not depend on
batch boundaries or on the order of runs.
"""

from kabar.store.db import DEFAULT_DB, BatchResult, Store, default_db_path
from kabar.store.keys import article_hash, article_key, event_id_of, event_key, is_symmetric, outlet_of
from kabar.store.merge import LEAD_SENTENCES
from kabar.store.rows import BatchRows, ItemRows, StoreItem, build_rows, item_rows
from kabar.store.schema import PRIMARY_KEYS, SCHEMA_VERSION, TABLES, USER_TABLES, arrow_schema

__all__ = [
    "DEFAULT_DB",
    "LEAD_SENTENCES",
    "PRIMARY_KEYS",
    "SCHEMA_VERSION",
    "TABLES",
    "USER_TABLES",
    "BatchResult",
    "BatchRows",
    "ItemRows",
    "Store",
    "StoreItem",
    "arrow_schema",
    "article_hash",
    "article_key",
    "build_rows",
    "default_db_path",
    "event_id_of",
    "event_key",
    "is_symmetric",
    "item_rows",
    "outlet_of",
]
