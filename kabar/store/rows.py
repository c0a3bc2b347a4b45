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
    # the body's near-duplicate signature made beforehand (by an ingest worker), and the scheme
    # it was made with (`Deduplicator.scheme`); used only by a store of that same scheme
    signature: np.ndarray | None = None
    signed_with: tuple[int, int, int, int] | None = None

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
    """Column lists of one table, filled row by row, turned into an Arrow table."""

    def __init__(self, name: str):
        self.name = name
        self.columns = column_names(name)
        self.data: dict[str, list[Any]] = {c: [] for c in self.columns}

    def add(self, **values: Any) -> None:
        for c in self.columns:
            self.data[c].append(values.get(c))

    def __len__(self) -> int:
        return len(self.data[self.columns[0]])

    def table(self) -> pa.Table:
        return pa.table(self.data, schema=arrow_schema(self.name))


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


ROW_TABLES = ("articles", "entities", "mentions", "quotes", "event_mentions", "signatures")


def build_rows(
    items: Iterable[StoreItem],
    now: dt.datetime,
    signature: Signer | None = None,
    scheme: tuple[int, int, int, int] | None = None,
) -> BatchRows:
    """The rows of these articles in every per-article table; `signature` (a Deduplicator's)
    adds the near-duplicate signature of each body that is long enough to have one, unless the
    item carries one made with the same `scheme` (`Deduplicator.scheme`)."""
    batch = BatchRows({name: TableRows(name) for name in ROW_TABLES})
    for item in items:
        item.complete()
        key, art = str(item.key), item.article
        pub_at, day = published_utc(art.published)
        batch.published[key] = (pub_at, art.id)
        _add_article(batch.tables, item, pub_at, day, now)
        _add_entities(batch.tables, key, art)
        _add_quotes(batch.tables, key, art)
        batch.event_ids |= _add_events(batch.tables, key, art, day)
        batch.events += len(art.events)
        if scheme is not None and item.signed_with == scheme:
            sig = item.signature
        else:
            sig = signature(art.body or "") if signature else None
        if sig is not None:
            batch.signatures.append((key, sig))
            batch.tables["signatures"].add(article_key=key, signature=to_bytes(sig))
    return batch


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
    now: dt.datetime,
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
        ingested_at=now,
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
