"""Keys a user joins on: which stored article an Article given directly is, the site it comes
from, and which events told by several articles are one event.

The keys of inputs (document key, content hash, article id) belong to the readers
(`kabar.readers.record_key`, `content_hash`, `article_id`); these build on the same rule.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from urllib.parse import urlparse

from kabar import cameo
from kabar.model import Article, Event, EventActor
from kabar.readers import document_key


def article_hash(article: Article) -> str:
    """The content key of an Article given directly (no raw input): SHA-256 of its JSON."""
    return "a" + hashlib.sha256(article.to_json().encode("utf-8")).hexdigest()[:31]


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


def _actor_key(actor: EventActor | None) -> str:
    if actor is None:
        return ""
    return (actor.actor_code or actor.country or " ".join((actor.name or "").split()).upper() or "").strip()


def is_symmetric(event: Event) -> bool:
    """A reciprocal event (meet, negotiate) between two known sides."""
    return (
        bool(getattr(event, "symmetric", False))
        and bool(_actor_key(event.source))
        and bool(_actor_key(event.target))
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
    root = event.root or cameo.root_of(event.code) or ""
    src, tgt = _actor_key(event.source), _actor_key(event.target)
    place = ""
    if not src and not tgt:
        loc = event.location
        place = (
            " ".join(((loc.name or loc.country or "") if loc else "").split()).upper() or "#" + article_key
        )
    when = day.isoformat() if day else "#" + article_key
    parts = [when, root, src, tgt, event.mode or "reported", place]
    if is_symmetric(event):
        parts[2:4] = sorted((src, tgt))
        parts.append("symmetric")
    return "|".join(parts)


def event_id_of(key: str) -> int:
    """A stable positive 63-bit integer for an event key (GDELT's GLOBALEVENTID is an integer)."""
    return int.from_bytes(hashlib.sha1(key.encode("utf-8")).digest()[:8], "big") >> 1
