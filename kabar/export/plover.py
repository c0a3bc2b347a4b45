"""PLOVER records: one JSON object a line per event, in the PLOVER JSON fields (POLECAT's ontology).

Field names follow the PLOVER manual's "JSON Data Fields" (`PLOVER_FIELDS`): `id`, `date`,
`source` and `recipient` (lists of actor objects with `code`, `sector`, `actor_text`,
`identifier_text`), `event`, `mode`, `context`, `quad_code`, `event_scale`, `event_loc`
(GeoNames field names), `text` with `text_info` (sentence number and offsets), `cite_info`
(URL, title, language, publication), `event_text` (the trigger word), `coder` and
`coded_date`. kabar's own facts (CAMEO code, factuality, counts) sit under `kabar`, as PLOVER
allows extra fields.

One record per event (`events` row), told as its first article tells it. PLOVER codes a
reciprocal event (a meeting) with every party as source and no recipient, and so does this
export. CAMEO 01 and 02 events have no PLOVER category and are left out.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

import duckdb

import kabar
from kabar import plover
from kabar.export.gazetteer import feature_at
from kabar.export.gdelt import split_actor

# The record fields of the PLOVER manual's "PLOVER JSON" table (name: required).
PLOVER_FIELDS = {
    "id": True, "has_event": False, "date": True, "time": False, "enddate": False, "endtime": False,
    "source": True, "recipient": False, "event": True, "event_loc": False, "event_text": False,
    "quad_code": False, "event_scale": False, "mode": False, "context": False, "link": False,
    "text": False, "text_info": False, "cite_info": False, "coder": False, "coded_date": False,
    "coded_time": False, "comment": False,
}  # fmt: skip
ACTOR_FIELDS = ("code", "sector", "actor_text", "identifier_id", "identifier_text", "actor_loc",
                "religion", "ethnicity", "office", "gender", "age")  # fmt: skip
TEXT_INFO_FIELDS = ("sequence", "start", "end", "text_story", "connlu_parse", "treebank_parse")
CITE_INFO_FIELDS = ("corpus", "citation", "url", "title", "language", "publication", "license",
                    "copyright", "coder", "codebook", "version")  # fmt: skip
CODEBOOK = "PLOVER from CAMEO by the CAMEO2PLOVER-2021 crosswalk (Open Event Data Alliance, CC BY-SA 4.0)"
# PLOVER's non-state actor codes that kabar's CAMEO codes put first (IGOUNO -> IGO).
_NON_STATE = {"IGO", "NGO", "IMG", "MNC"}


def _actor_text_sql(side: str) -> str:
    """How the first article writes the actor in the event's sentence: its entity's mention
    there, else its name."""
    return f"""coalesce((SELECT x.text FROM mentions x
        WHERE x.article_key = m.article_key AND x.entity_id = m.{side}_entity AND x.part = m.part
          AND x.char_start >= m.char_start AND x.char_start < m.char_end
        ORDER BY x.char_start LIMIT 1), m.{side}_name) AS {side}_text"""


def _records_sql(where: str) -> str:
    return f"""
SELECT e.event_id, e.date, e.code, e.goldstein, e.mode AS modality, e.factual, e.is_symmetric,
       e.source_name, e.source_code, e.source_country, e.target_name, e.target_code, e.target_country,
       e.location_name, e.location_country, e.lat, e.lon, e.confidence,
       e.num_mentions, e.num_sources, e.num_articles, e.date_added,
       {_actor_text_sql("source")}, {_actor_text_sql("target")},
       m.evidence, m.part, m.char_start, m.char_end, m.sentence,
       substr(a.body, m.action_start + 1, m.action_end - m.action_start) AS action_text,
       a.key AS article_key, a.url, a.title, a.language, a.outlet, CAST(a.date AS DATE) AS published_date
FROM events e
JOIN event_mentions m ON m.event_id = e.event_id AND m.article_key = e.first_article_key
JOIN articles a ON a.key = e.first_article_key
WHERE {where}
QUALIFY row_number() OVER (PARTITION BY e.event_id ORDER BY m.seq) = 1
ORDER BY e.date NULLS LAST, e.event_id
"""


def _actor(code: str | None, country: str | None, text: str | None, name: str | None) -> dict[str, Any]:
    """A PLOVER actor object: top-level code (country or non-state kind), sector, text, name."""
    full = code or country
    top, group, types = split_actor(full) if full else (None, None, [])
    if top is None and types and types[0] in _NON_STATE:
        top, types = types[0], types[1:]
    actor: dict[str, Any] = {"code": top or country or ""}
    if types:
        actor["sector"] = "".join(types)
    actor["actor_text"] = text or name or ""
    if name:
        actor["identifier_text"] = name
    actor["cameo"] = full or ""  # kabar's full CAMEO actor code (IRNMIL), beside PLOVER's split
    if group:
        actor["known_group"] = group
    return actor


def _event_loc(row: dict[str, Any]) -> dict[str, Any] | None:
    """The event's place as a PLOVER location object (GeoNames field names)."""
    if not row["location_name"] and not row["location_country"]:
        return None
    from kabar import geo

    loc: dict[str, Any] = {"name": row["location_name"] or geo.country_name(row["location_country"]) or ""}
    if row["lat"] is not None:
        loc["latitude"], loc["longitude"] = row["lat"], row["lon"]
    if row["location_country"]:
        loc["country code"] = geo.iso2_from_iso3(row["location_country"]) or ""
        loc["cc3"] = row["location_country"]
    feature = feature_at(row["location_country"], row["lat"], row["lon"])
    if feature is not None:
        loc["geonameid"] = feature.geonameid
    return loc


def _record(row: dict[str, Any], kind: plover.PloverType) -> dict[str, Any]:
    source = _actor(row["source_code"], row["source_country"], row["source_text"], row["source_name"])
    has_target = bool(row["target_code"] or row["target_country"] or row["target_name"])
    target = _actor(row["target_code"], row["target_country"], row["target_text"], row["target_name"])
    sources, recipients = ([source, target], []) if row["is_symmetric"] and has_target else (
        [source], [target] if has_target else []
    )
    day = row["date"] or row["published_date"]
    record: dict[str, Any] = {
        "id": f"kabar-{row['event_id']}",
        "date": day.isoformat() if day else None,
        "source": sources,
        "recipient": recipients,
        "event": kind.event,
        "mode": kind.mode,
        "context": list(kind.context),
        "quad_code": plover.quad_code(kind.event),
        "event_scale": row["goldstein"],
        "event_loc": _event_loc(row),
        "event_text": [row["action_text"]] if row["action_text"] else [],
        "text": row["evidence"],
        "text_info": {"sequence": row["sentence"], "start": row["char_start"], "end": row["char_end"]},
        "cite_info": {
            "citation": row["article_key"], "url": row["url"], "title": row["title"],
            "language": row["language"], "publication": row["outlet"], "codebook": CODEBOOK,
        },  # fmt: skip
        "coder": f"kabar {kabar.__version__}",
        "coded_date": row["date_added"].astimezone(dt.UTC).date().isoformat() if row["date_added"] else None,
        "kabar": {
            "event_id": row["event_id"], "cameo": row["code"], "modality": row["modality"],
            "factual": row["factual"], "confidence": row["confidence"], "date_from": "text" if row["date"]
            else "publication", "part": row["part"], "num_mentions": row["num_mentions"],
            "num_sources": row["num_sources"], "num_articles": row["num_articles"],
        },  # fmt: skip
    }
    return record


def plover_records(con: duckdb.DuckDBPyConnection, **filters: Any) -> Iterator[dict[str, Any]]:
    """PLOVER records of the events matching `filters` (as `kabar.query.events`), oldest first."""
    from kabar.query import event_filter

    where, params = event_filter(**filters)
    con.execute("SET TimeZone = 'UTC'")
    cursor = con.execute(_records_sql(where), params or None)
    names = [d[0] for d in cursor.description]
    while batch := cursor.fetchmany(1000):
        for values in batch:
            row = dict(zip(names, values))
            kind = plover.plover_of(row["code"])
            if kind is not None:
                yield _record(row, kind)


def export_plover(
    con: duckdb.DuckDBPyConnection,
    output: str | os.PathLike[str] | None,
    **filters: Any,
) -> int:
    """Write PLOVER records as JSON Lines to `output` (stdout when None or "-"); returns how many."""
    if output is None or str(output) == "-":
        n = _write_records(sys.stdout, plover_records(con, **filters))
        sys.stdout.flush()
        return n
    with Path(output).open("w", encoding="utf-8") as fh:
        return _write_records(fh, plover_records(con, **filters))


def _write_records(fh: IO[str], records: Iterator[dict[str, Any]]) -> int:
    n = 0
    for record in records:
        fh.write(json.dumps(record, ensure_ascii=False) + "\n")
        n += 1
    return n
