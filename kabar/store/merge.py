"""What depends on more than one article: near-duplicate links between articles, and the
`events` rows merged from the `event_mentions` of every article that tells an event.

Both are recomputed from stored rows, so they do not depend on batch boundaries or on the
order of runs. `REFRESH_EVENTS_SQL` reads only the tables `event_mentions` and `articles`
and a relation `_b_aff` of event ids: the same SQL merges events over Parquet files when
those names are views of them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

import duckdb
import numpy as np
import pyarrow as pa

from kabar.store.rows import TableRows

LEAD_SENTENCES = 2  # an event told in the first sentences of the body is a "root" (lead) event

# One row per event id in _b_aff, from its mentions. The representative mention (whose
# code, actors, place and evidence the event shows) has the event's most frequent code,
# then comes from the earliest-published article; ties break on article key and order.
REFRESH_EVENTS_SQL = """
INSERT INTO events BY NAME
WITH m AS (
    SELECT em.*, a.id AS a_id, a.url AS a_url, a.outlet AS a_outlet, a.published_at AS a_pub,
           a.ingested_at AS a_ing
    FROM event_mentions em JOIN articles a ON a.key = em.article_key
    WHERE em.event_id IN (SELECT event_id FROM _b_aff)
),
codes AS (SELECT event_id, code, count(*) AS n FROM m GROUP BY event_id, code),
best AS (
    SELECT event_id, first(code ORDER BY n DESC, code NULLS LAST) AS best_code FROM codes GROUP BY event_id
),
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
SELECT r.event_id, r.event_key, r.date, r.code, r.base_code, r.root, r.quad_class, r.goldstein, r.mode,
       r.factual, r.is_symmetric, r.source_entity, r.source_name, r.source_code, r.source_country,
       r.target_entity, r.target_name, r.target_code, r.target_country,
       r.location_name, r.location_country, r.lat, r.lon,
       agg.max_confidence AS confidence, agg.num_mentions, agg.num_sources, agg.num_articles, agg.is_root,
       r.article_key AS first_article_key, r.a_id AS first_article_id, r.a_url AS source_url, r.evidence,
       agg.first_published, agg.date_added
FROM ranked r JOIN agg ON agg.event_id = r.event_id
WHERE r.rn = 1
""".replace("{lead}", str(LEAD_SENTENCES))


def refresh_events(con: duckdb.DuckDBPyConnection, event_ids: Sequence[int] | set[int]) -> None:
    """Recompute the `events` rows of these ids from `event_mentions` (inside the caller's transaction)."""
    con.register("_b_aff", pa.table({"event_id": pa.array(sorted(event_ids), pa.int64())}))
    con.execute("DELETE FROM events WHERE event_id IN (SELECT event_id FROM _b_aff)")
    con.execute(REFRESH_EVENTS_SQL)
    con.unregister("_b_aff")


Published = dict[str, tuple[dt.datetime | None, str]]  # document key -> (publication time, id)


def order_copy(a: str, b: str, published: Published) -> tuple[str, str]:
    """(copy, original) of two document keys: the original is the one published first
    (then the smaller id, then the smaller key)."""
    far = dt.datetime.max.replace(tzinfo=dt.UTC)
    pub_a, pub_b = published.get(a, (None, a)), published.get(b, (None, b))
    key_a = (pub_a[0] or far, pub_a[1], a)
    key_b = (pub_b[0] or far, pub_b[1], b)
    return (a, b) if key_a > key_b else (b, a)


def find_copies(dedup: Any, signatures: Sequence[tuple[str, np.ndarray]]) -> list[tuple[str, str, float]]:
    """(key, other key, similarity) of every indexed near-copy of each signature; each is
    indexed after it is queried, in input order, so copies within the batch are found too."""
    links: list[tuple[str, str, float]] = []
    for key, sig in signatures:
        for other, sim in dedup.query(sig):
            if other != key:
                links.append((key, other, sim))
        dedup.add(key, sig)
    return links


def write_duplicates(
    con: duckdb.DuckDBPyConnection, links: Sequence[tuple[str, str, float]], published: Published
) -> int:
    """Store near-duplicate links as (copy, original) pairs (inside the caller's transaction);
    `published` knows the batch's articles, the others are looked up. Returns the pairs written."""
    if not links:
        return 0
    others = sorted({o for _, o, _ in links} - set(published))
    if others:
        published = dict(published)
        con.register("_b_others", pa.table({"key": pa.array(others, pa.string())}))
        for key, pub, aid in con.execute(
            "SELECT key, published_at, id FROM articles WHERE key IN (SELECT key FROM _b_others)"
        ).fetchall():
            published[key] = (pub, aid)
        con.unregister("_b_others")
    rows = TableRows("duplicates")
    seen: set[tuple[str, str]] = set()
    for a, b, sim in links:
        pair = order_copy(a, b, published)
        if pair not in seen:
            seen.add(pair)
            rows.add(article_key=pair[0], duplicate_of=pair[1], similarity=round(sim, 4))
    con.register("_b_dup", rows.table())
    con.execute(
        "DELETE FROM duplicates WHERE (article_key, duplicate_of) IN "
        "(SELECT (article_key, duplicate_of) FROM _b_dup)"
    )
    con.execute("INSERT INTO duplicates BY NAME SELECT * FROM _b_dup")
    con.unregister("_b_dup")
    return len(seen)
