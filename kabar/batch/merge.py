"""The steps over a whole dataset, after every shard is written: near-duplicate links and the
`events` merged across articles, both as DuckDB queries over the Parquet files.

Near-duplicates are found by MinHash LSH banding done as a group-by: each signature is cut
into the bands the store's LSH index uses, articles sharing a band are candidates, and a
candidate pair is a copy when its estimated similarity reaches the threshold. That finds
exactly the pairs `kabar ingest` finds with its in-memory index, without holding one.
Events are merged with the store's own SQL (`kabar.store.merge`), so both agree.
"""

from __future__ import annotations

from dataclasses import dataclass

import duckdb
import numpy as np
import pyarrow as pa

from kabar import dedup
from kabar.batch.dataset import Dataset
from kabar.batch.views import connect_dataset
from kabar.store.merge import REFRESH_EVENTS_SQL, order_copy
from kabar.store.rows import TableRows
from kabar.store.schema import ddl


@dataclass
class MergeReport:
    events: int
    duplicates: int


def merge_dataset(dataset: Dataset, threshold: float = dedup.THRESHOLD) -> MergeReport:
    """Write `events` and `duplicates` of the dataset from its per-article tables."""
    con = connect_dataset(dataset.root, tables=("articles", "event_mentions", "signatures"))
    try:
        events = merged_events(con)
        dataset.write_merged("events", events, dated=True)
        duplicates = duplicate_links(con, threshold)
        dataset.write_merged("duplicates", duplicates, dated=False)
    finally:
        con.close()
    return MergeReport(events=events.num_rows, duplicates=duplicates.num_rows)


def merged_events(con: duckdb.DuckDBPyConnection) -> pa.Table:
    con.execute(ddl("events"))
    con.execute("CREATE TEMP TABLE _b_aff AS SELECT DISTINCT event_id FROM event_mentions")
    con.execute(REFRESH_EVENTS_SQL)
    return con.sql("SELECT * FROM events ORDER BY event_id").to_arrow_table()


def candidate_pairs(con: duckdb.DuckDBPyConnection, num_perm: int, threshold: float) -> list[tuple[str, str]]:
    """Pairs of article keys whose signatures share an LSH band (the store's bands)."""
    count, rows = dedup.bands(threshold, num_perm)
    width = rows * 8  # hex characters of one band: `rows` values of 4 bytes
    sql = f"""
        WITH bands AS (
            SELECT article_key, i AS band, hash(substring(hex(signature), i * {width} + 1, {width})) AS h
            FROM signatures, range({count}) AS t(i)
        )
        SELECT DISTINCT x.article_key, y.article_key
        FROM bands x JOIN bands y ON x.band = y.band AND x.h = y.h AND x.article_key < y.article_key
        ORDER BY 1, 2
    """
    return [(a, b) for a, b in con.execute(sql).fetchall()]


def duplicate_links(con: duckdb.DuckDBPyConnection, threshold: float) -> pa.Table:
    """The `duplicates` rows: (copy, original, similarity) of every near-copy pair."""
    rows = TableRows("duplicates")
    pairs = candidate_pairs(con, dedup.NUM_PERM, threshold)
    if not pairs:
        return rows.table()
    keys = sorted({k for pair in pairs for k in pair})
    con.register("_b_keys", pa.table({"key": pa.array(keys, pa.string())}))
    signatures = {
        key: dedup.from_bytes(sig)
        for key, sig in con.execute(
            "SELECT article_key, signature FROM signatures WHERE article_key IN (SELECT key FROM _b_keys)"
        ).fetchall()
    }
    published = {
        key: (pub, aid)
        for key, pub, aid in con.execute(
            "SELECT key, published_at, id FROM articles WHERE key IN (SELECT key FROM _b_keys)"
        ).fetchall()
    }
    con.unregister("_b_keys")
    seen: set[tuple[str, str]] = set()
    for a, b in pairs:
        sim = dedup.similarity(np.asarray(signatures[a]), np.asarray(signatures[b]))
        if sim < threshold:
            continue
        pair = order_copy(a, b, published)
        if pair not in seen:
            seen.add(pair)
            rows.add(article_key=pair[0], duplicate_of=pair[1], similarity=round(sim, 4))
    return rows.table()
