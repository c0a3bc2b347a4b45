"""Articles as table rows: what the store writes for each article, built without a database.

    >>> batch = build_rows([StoreItem(article, source="<api>")], now, signature=Deduplicator().signature)
    >>> batch.arrow()["event_mentions"]          # a pyarrow Table in the store's schema

The rows of an article depend on that article alone (and on the time given as `now`), so they
can be built anywhere: in `Store.write_batch`, in an ingest worker, in a Dask task writing
Parquet. What depends on other articles (near-duplicate links, the `events` merged from
`event_mentions`) is done where all of them are: `kabar.store.merge`.
"""

from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pyarrow as pa

from kabar import cameo
from kabar.dates import parse_iso_date, published_utc
from kabar.dedup import to_bytes
from kabar.model import Article, Event
from kabar.store.keys import article_hash, article_key, event_id_of, event_key, is_symmetric, outlet_of
from kabar.store.schema import arrow_schema, column_names

Signer = Callable[[str], np.ndarray | None]  # body text -> MinHash signature (kabar.dedup)


@dataclass
class StoreItem:
    """One article to store, with its document key, content key and the input it came from."""

    article: Article
    hash: str | None = None  # content key; computed from the Article when None
    source: str | None = None  # the input: a path, "path:LINE", "<api>"
    key: str | None = None  # document key (`kabar.readers.document_key`); from the Article when None

    def complete(self) -> StoreItem:
        """Fill what was left out: the Article's own hash, "<api>" as source, its key."""
        if self.hash is None:
            self.hash = article_hash(self.article)
        if self.source is None:
            self.source = "<api>"
        if self.key is None:
            self.key = article_key(self.article, self.source)
        return self


class TableRows:
    """Rows of one table, each a tuple in the table's column order, turned into an Arrow table."""

    def __init__(self, name: str):
        self.name = name
        self.columns = column_names(name)
        self.rows: list[tuple[Any, ...]] = []

    def add(self, **values: Any) -> None:
        self.rows.append(tuple([values.get(c) for c in self.columns]))

    def __len__(self) -> int:
        return len(self.rows)

    def table(self) -> pa.Table:
        columns = list(zip(*self.rows)) if self.rows else [() for _ in self.columns]
        return pa.table(
            {c: list(values) for c, values in zip(self.columns, columns)}, schema=arrow_schema(self.name)
        )


@dataclass
class ItemRows:
    """One article's rows in every per-article table (`ingested_at` left for the write to
    stamp), with what the store needs to classify, link and merge it.

    An ingest worker sends these instead of the Article: plain tuples cost the pipe between
    the processes (pickled by one, unpickled by the other) about a third of what the
    Article's objects do, and the writing process, which the workers wait on, builds nothing.
    """

    key: str
    hash: str | None
    source: str | None
    rows: dict[str, list[tuple[Any, ...]]]  # table -> its rows; tables without rows left out
    event_ids: set[int]
    events: int
    published: tuple[dt.datetime | None, str]
    signature: np.ndarray | None = None
    signed_with: tuple[int, int, int, int] | None = None  # the `Deduplicator.scheme` it was made with

    def complete(self) -> ItemRows:
        return self  # made from a completed StoreItem


@dataclass
class BatchRows:
    """The rows of a batch of articles, with what the cross-article steps need of them."""

    tables: dict[str, TableRows]
    event_ids: set[int] = field(default_factory=set)  # events the articles tell (to merge)
    published: dict[str, tuple[dt.datetime | None, str]] = field(default_factory=dict)  # key -> (time, id)
    signatures: list[tuple[str, np.ndarray]] = field(default_factory=list)  # in input order
    events: int = 0  # event mentions

    def arrow(self) -> dict[str, pa.Table]:
        return {name: rows.table() for name, rows in self.tables.items()}

    def add(self, item: ItemRows, now: dt.datetime) -> None:
        """Add one article's rows, stamped as ingested `now`."""
        for name, rows in item.rows.items():
            if name == "articles":
                at = self.tables[name].columns.index("ingested_at")
                rows = [row[:at] + (now,) + row[at + 1 :] for row in rows]
            self.tables[name].rows.extend(rows)
        self.event_ids |= item.event_ids
        self.events += item.events
        self.published[item.key] = item.published
        if item.signature is not None:
            self.signatures.append((item.key, item.signature))


ROW_TABLES = ("articles", "entities", "mentions", "quotes", "event_mentions", "signatures")


def build_rows(
    items: Iterable[StoreItem | ItemRows],
    now: dt.datetime,
    signature: Signer | None = None,
    scheme: tuple[int, int, int, int] | None = None,
) -> BatchRows:
    """The rows of these articles in every per-article table; `signature` (a Deduplicator's)
    adds the near-duplicate signature of each body that is long enough to have one. Items given
    as rows already (`item_rows`, made in an ingest worker) are taken as they are, signed again
    only if they were signed by another `scheme` (`Deduplicator.scheme`) than `signature`'s."""
    batch = BatchRows({name: TableRows(name) for name in ROW_TABLES})
    for item in items:
        if isinstance(item, StoreItem):
            item = item_rows(item, signature, scheme)
        elif signature is not None and item.signed_with != scheme:
            item = _signed_again(item, signature, scheme)
        batch.add(item, now)
    return batch


def item_rows(
    item: StoreItem, signature: Signer | None = None, scheme: tuple[int, int, int, int] | None = None
) -> ItemRows:
    """One article's rows; `signature` signs its body, by the Deduplicator `scheme` it names."""
    item.complete()
    key, art = str(item.key), item.article
    tables = {name: TableRows(name) for name in ROW_TABLES}
    pub_at, day = published_utc(art.published)
    _add_article(tables, item, pub_at, day)
    _add_entities(tables, key, art)
    _add_quotes(tables, key, art)
    event_ids = _add_events(tables, key, art, day)
    sig = signature(art.body or "") if signature else None
    if sig is not None:
        tables["signatures"].add(article_key=key, signature=to_bytes(sig))
    return ItemRows(
        key=key,
        hash=item.hash,
        source=item.source,
        rows={name: t.rows for name, t in tables.items() if t.rows},
        event_ids=event_ids,
        events=len(art.events),
        published=(pub_at, art.id),
        signature=sig,
        signed_with=scheme if sig is not None else None,
    )


def _signed_again(item: ItemRows, signature: Signer, scheme: tuple[int, int, int, int] | None) -> ItemRows:
    """The rows with their body's signature made again, by the store's scheme."""
    body = item.rows["articles"][0][column_names("articles").index("body")]
    sig = signature(body or "")
    rows = {name: r for name, r in item.rows.items() if name != "signatures"}
    if sig is not None:
        signed = TableRows("signatures")
        signed.add(article_key=item.key, signature=to_bytes(sig))
        rows["signatures"] = signed.rows
    signed_with = scheme if sig is not None else None
    return dataclasses.replace(item, rows=rows, signature=sig, signed_with=signed_with)


def failure_rows(failures: Sequence[tuple[str, str]], now: dt.datetime) -> TableRows:
    """Rows of the `failures` table, one per input (the last reason given for it wins)."""
    rows = TableRows("failures")
    seen: set[str] = set()
    for source, error in reversed(list(failures)):
        if source not in seen:
            seen.add(source)
            rows.add(source=source, error=error, failed_at=now)
    return rows


def part_of(span: Any) -> str:
    """Which text a span's offsets index: "body", "title" or "captions[N]" (`Span.where`)."""
    return getattr(span, "where", None) or "body"


class _Sentences:
    """The 1-based body sentence a span starts in (None outside the body)."""

    def __init__(self, article: Article):
        self.starts = [s.start for s in article.sentences]

    def of(self, span: Any) -> int | None:
        if span is None or part_of(span) != "body" or span.start is None or not self.starts:
            return None
        return max(1, bisect.bisect_right(self.starts, span.start))


def _add_article(
    tables: dict[str, TableRows],
    item: StoreItem,
    pub_at: dt.datetime | None,
    day: dt.date | None,
) -> None:
    art = item.article
    tables["articles"].add(
        key=item.key,
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
        ingested_at=None,  # stamped when written (`BatchRows.add`)
    )


def _add_entities(tables: dict[str, TableRows], key: str, art: Article) -> None:
    sentences = _Sentences(art)
    for ent in art.entities:
        tables["entities"].add(
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
            tables["mentions"].add(
                article_key=key,
                entity_id=ent.id,
                seq=seq,
                text=m.text,
                part=part_of(m),
                char_start=m.start,
                char_end=m.end,
                sentence=sentences.of(m),
            )


def _add_quotes(tables: dict[str, TableRows], key: str, art: Article) -> None:
    for seq, q in enumerate(art.quotes):
        tables["quotes"].add(
            article_key=key,
            seq=seq,
            kind=q.kind,
            text=q.text,
            char_start=q.start,
            char_end=q.end,
            speaker_id=q.speaker,
            speaker_name=q.speaker_name,
        )


def _add_events(tables: dict[str, TableRows], key: str, art: Article, day: dt.date | None) -> set[int]:
    """Add a row per event the article tells; the ids of those events."""
    sentences = _Sentences(art)
    ids: set[int] = set()
    for seq, ev in enumerate(art.events):
        when = parse_iso_date(ev.date) or day
        ekey = event_key(ev, when, key)
        eid = event_id_of(ekey)
        ids.add(eid)
        tables["event_mentions"].add(
            article_key=key,
            seq=seq,
            event_id=eid,
            event_key=ekey,
            date=when,
            **_event_columns(ev),
            **_evidence_columns(ev, sentences),
        )
    return ids


def _event_columns(ev: Event) -> dict[str, Any]:
    """What the event is: its CAMEO coding, its two sides and its place."""
    root = ev.root or cameo.root_of(ev.code)
    src, tgt, loc = ev.source, ev.target, ev.location
    return {
        "code": ev.code,
        "base_code": cameo.base_of(ev.code),
        "root": root,
        "quad_class": ev.quad_class if ev.quad_class else cameo.quad_class_of(root),
        "goldstein": ev.goldstein,
        "mode": ev.mode or "reported",
        "factual": bool(ev.factual),
        "is_symmetric": is_symmetric(ev),
        "source_entity": src.entity if src else None,
        "source_name": src.name if src else None,
        "source_code": src.actor_code if src else None,
        "source_country": src.country if src else None,
        "target_entity": tgt.entity if tgt else None,
        "target_name": tgt.name if tgt else None,
        "target_code": tgt.actor_code if tgt else None,
        "target_country": tgt.country if tgt else None,
        "location_name": loc.name if loc else None,
        "location_country": loc.country if loc else None,
        "lat": loc.lat if loc else None,
        "lon": loc.lon if loc else None,
        "confidence": ev.confidence,
    }


def _evidence_columns(ev: Event, sentences: _Sentences) -> dict[str, Any]:
    """Where the article tells the event: the evidence span first, then its other spans."""
    evidence = ev.evidence
    spans = list(ev.mentions or [])
    if evidence is not None and not any(
        part_of(s) == part_of(evidence) and s.start == evidence.start and s.end == evidence.end for s in spans
    ):
        spans.insert(0, evidence)
    return {
        "evidence": evidence.text if evidence else None,
        "part": part_of(evidence) if evidence else None,
        "char_start": evidence.start if evidence else None,
        "char_end": evidence.end if evidence else None,
        "sentence": sentences.of(evidence),
        "n_spans": max(1, len(spans)),
        "spans": [
            {
                "text": s.text,
                "part": part_of(s),
                "char_start": s.start,
                "char_end": s.end,
                "sentence": sentences.of(s),
            }
            for s in spans
        ],
        "action_start": ev.action.start if ev.action else None,
        "action_end": ev.action.end if ev.action else None,
    }
