"""GDELT 2.0 Mentions: one row per article that tells an event (16 tab-separated columns).

Offsets and the sentence number point into the article's body, as GDELT's point into the
article text. An event told in the title or a caption is placed at its first span in the body.
Actor offsets come from the store's entity mentions: the actor's mention inside that span, else
its name written there (generic actors such as "polisi" have no entity), else the entity's
nearest mention before it (the name a pronoun refers back to), else its first mention after;
-1 only when the actor is nowhere in the body. ActionCharOffset is the first word of the action's
trigger (`event_mentions.action_start`); when an article's evidence is its title or a caption,
it is the start of the event's first span in the body.
"""

from __future__ import annotations

import os
from typing import Any

import duckdb

from kabar.export.sqltext import clean, num, write_tsv

GDELT_MENTION_COLUMNS = (
    "GLOBALEVENTID", "EventTimeDate", "MentionTimeDate", "MentionType", "MentionSourceName",
    "MentionIdentifier", "SentenceID", "Actor1CharOffset", "Actor2CharOffset", "ActionCharOffset",
    "InRawText", "Confidence", "MentionDocLen", "MentionDocTone", "MentionDocTranslationInfo", "Extras",
)  # fmt: skip

_TIMESTAMP = "'%Y%m%d%H%M%S'"
_SWAPPED = (
    "(e.is_symmetric AND coalesce(m.source_code, m.source_country) IS DISTINCT FROM "
    "coalesce(e.source_code, e.source_country) AND coalesce(m.source_code, m.source_country) "
    "IS NOT DISTINCT FROM coalesce(e.target_code, e.target_country))"
)


def actor_offset_sql(side: str) -> str:
    """Body offset of the `side` ("source", "target") actor of event mention `m`, or -1."""
    entity, name = f"m.{side}_entity", f"m.{side}_name"
    of_entity = (
        f"FROM mentions x WHERE x.article_key = m.article_key AND x.entity_id = {entity} AND x.part = 'body'"
    )
    in_span = "x.char_start >= m.body_start AND x.char_start < m.body_end"
    named_at = f"strpos(lower(m.body_text), lower({name}))"
    return (
        "coalesce("
        f"(SELECT min(x.char_start) {of_entity} AND {in_span}), "
        f"CASE WHEN {named_at} > 0 THEN m.body_start + {named_at} - 1 END, "
        f"(SELECT max(x.char_start) {of_entity} AND x.char_start < m.body_start), "
        f"(SELECT min(x.char_start) {of_entity} AND x.char_start >= coalesce(m.body_end, 0)), "
        "-1)"
    )


def gdelt_mentions_sql(where: str = "TRUE") -> str:
    """SELECT producing GDELT's 16 Mentions columns from `event_mentions` of events matching `where`."""
    published = (
        f"coalesce(strftime(a.published_at AT TIME ZONE 'UTC', {_TIMESTAMP}), "
        "strftime(a.date, '%Y%m%d') || '000000')"
    )
    cols = [
        "CAST(m.event_id AS VARCHAR)",
        num(f"strftime(e.date_added AT TIME ZONE 'UTC', {_TIMESTAMP})"),  # EventTimeDate: first recorded
        num(published),  # MentionTimeDate: when the article was published (its day when no time)
        "CASE WHEN a.url IS NOT NULL THEN '1' ELSE '2' END",  # 1 web, 2 a citation (no URL)
        clean("a.outlet"),  # MentionSourceName: the outlet's domain
        clean("coalesce(a.url, a.key)"),
        "coalesce(CAST(m.body_sentence AS VARCHAR), '-1')",
        # Actor1 is the event's source; an article telling a symmetric event the other way
        # round names it as its target.
        f"CAST(CASE WHEN {_SWAPPED} THEN {actor_offset_sql('target')} ELSE {actor_offset_sql('source')} END "
        "AS VARCHAR)",
        f"CAST(CASE WHEN {_SWAPPED} THEN {actor_offset_sql('source')} ELSE {actor_offset_sql('target')} END "
        "AS VARCHAR)",
        # ActionCharOffset: the trigger word; where the evidence is the title or a caption, the
        # start of the event's first span in the body
        "coalesce(CAST(coalesce(m.body_action, m.body_start) AS VARCHAR), '-1')",
        "'1'",  # InRawText: kabar codes the article's own text
        num("CAST(round(coalesce(m.confidence, 0) * 100) AS INTEGER)"),
        num("length(a.body)"),
        "''",  # MentionDocTone: no tone lexicon kabar may ship (docs/store.md)
        "''",  # MentionDocTranslationInfo: not translated
        "''",  # Extras
    ]
    select = ",\n       ".join(f'{c} AS "{n}"' for c, n in zip(cols, GDELT_MENTION_COLUMNS))
    first_body = "list_filter(m0.spans, lambda s: s.part = 'body')[1]"
    return f"""
WITH m AS (
    SELECT m0.*,
           CASE WHEN m0.part = 'body' THEN m0.sentence ELSE {first_body}.sentence END AS body_sentence,
           CASE WHEN m0.part = 'body' THEN m0.char_start ELSE {first_body}.char_start END AS body_start,
           CASE WHEN m0.part = 'body' THEN m0.char_end ELSE {first_body}.char_end END AS body_end,
           CASE WHEN m0.part = 'body' THEN m0.evidence ELSE {first_body}.text END AS body_text,
           CASE WHEN m0.part = 'body' THEN m0.action_start END AS body_action
    FROM event_mentions m0
)
SELECT {select}
FROM m
JOIN events e ON e.event_id = m.event_id
JOIN articles a ON a.key = m.article_key
WHERE {where}
ORDER BY e.date NULLS LAST, m.event_id, a.published_at NULLS LAST, m.article_key, m.seq
"""


def export_gdelt_mentions(
    con: duckdb.DuckDBPyConnection,
    output: str | os.PathLike[str] | None,
    *,
    header: bool = False,
    **filters: Any,
) -> int:
    """Write GDELT 2.0 Mentions rows (16 columns) for the events matching `filters`."""
    from kabar.query import event_filter

    where, params = event_filter(**filters)
    con.execute("SET TimeZone = 'UTC'")
    return write_tsv(con, gdelt_mentions_sql(where), params, output, header)
