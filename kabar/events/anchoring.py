"""Anchoring events in time and place.

Date: a time expression in the sentence (kabar.events.dates), else the latest date the
article gave before it (the narrative date), else the publication date; background events keep
only a date their sentence gives. Place: a place in the sentence (kabar.events.places), else the
place of an event just before it, else the dateline, else none."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

from kabar import cameo
from kabar.events.dates import TimeExpr
from kabar.events.lexicon import Lexicon
from kabar.events.places import Geocoder, sentence_place
from kabar.events.state import FACTUAL_MODES, Candidate, Tokens
from kabar.model import Entity, Location


def pick_time(times: list[TimeExpr], trig_char: int, precisions: tuple[str, ...]) -> TimeExpr | None:
    """The time expression of a trigger: the first one after it in the sentence, else the last
    before it; on each side a calendar date first, then a day."""
    usable = [tx for tx in times if tx.date is not None and tx.precision in precisions]
    if not usable:
        return None
    before = [tx for tx in usable if tx.start < trig_char]
    after = [tx for tx in usable if tx.start >= trig_char]
    side = after if after else before[::-1]
    for tx in side:
        if tx.explicit:
            return tx
    for tx in side:
        if tx.precision == "day":
            return tx
    return side[0]


@dataclass
class BodyLayout:
    """The body's sentences as character spans and as token spans."""

    t: Tokens
    chars: list[tuple[int, int]]
    tokens: list[tuple[int, int]]


def narrative_dates(
    lex: Lexicon, chars: list[tuple[int, int]], times: list[TimeExpr], pub_date: dt.date | None
) -> list[str | None]:
    """Per sentence, the latest past day-precision date the article gave before it."""
    sent_dates: list[str | None] = []
    ti = 0
    current = None
    for _, s_end in chars:
        sent_dates.append(current)
        while ti < len(times) and times[ti].start < s_end:
            tx = times[ti]
            recent = tx.date is not None and (
                pub_date is None or 0 <= (pub_date - tx.date).days <= lex.background_days
            )
            if recent and tx.date is not None and tx.precision == "day" and tx.relation != "future":
                current = tx.date.isoformat()
            ti += 1
    sent_dates.append(current)  # after the last sentence
    return sent_dates


def event_date(
    c: Candidate, narrative: str | None, pub_date: dt.date | None, said: str | None = None
) -> str | None:
    """The date of an event: its sentence's, else (for what a speaker says) the date of the
    speaker's statement told before, else the narrative date, else the publication date."""
    explicit = pick_time(c.times, c.trig_char, ("day", "week"))
    if explicit is not None and explicit.date is not None:
        return explicit.date.isoformat()
    if c.mode == "background":
        return None
    if said:
        return said
    if narrative:
        return narrative
    return pub_date.isoformat() if pub_date else None


def anchor(
    lex: Lexicon,
    geocode: Geocoder,
    layout: BodyLayout,
    found: tuple[list[Candidate], list[Candidate]],
    context: tuple[list[TimeExpr], dt.date | None, Location | None, Mapping[str, Entity]],
) -> None:
    """Date and place every body candidate (and date the caption and title ones)."""
    cands, extra = found
    times, pub_date, dateline, entities = context
    if lex.article_background_re is not None and lex.article_background_re.search(
        layout.t.text[: lex.article_chars]
    ):
        for c in (*cands, *extra):  # an "on this day" article tells history throughout
            if c.mode in FACTUAL_MODES:
                c.mode = "background"
    dates = narrative_dates(lex, layout.chars, times, pub_date)
    sent_dates, current = dates[:-1], dates[-1]
    first_date = next((d for d in sent_dates[1:] + [current] if d), None)
    last_place: tuple[int, Location] | None = None
    statements: dict[str, str] = {}  # speaker -> the date of what it said last
    for c in cands:
        verbal = cameo.is_verbal(c.code)
        said = statements.get(c.source.entity or c.source.code) if verbal else None
        c.date = event_date(c, sent_dates[c.sent] if 0 <= c.sent < len(sent_dates) else None, pub_date, said)
        if verbal and c.date and c.mode in FACTUAL_MODES:
            statements[c.source.entity or c.source.code] = c.date  # one statement, told in several sentences
        place = sentence_place(lex, geocode, layout.t, c, layout.tokens[c.sent], entities)
        if c.mode not in FACTUAL_MODES:
            c.place = place  # told, not happening now: only a place its own sentence gives
            continue
        if place is not None:
            last_place = (c.sent, place)
        elif last_place is not None and 0 <= c.sent - last_place[0] <= lex.settings.narrative_place_sentences:
            place = last_place[1]
        else:
            place = dateline
        c.place = place
    for c in extra:
        c.date = event_date(c, first_date, pub_date)
