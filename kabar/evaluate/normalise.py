"""Normal forms in which gold and predicted values are compared: text, names, codes, dates."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from typing import Any

_QUOTE_MARKS = str.maketrans({c: None for c in "\"'“”„‟«»‘’‚‛‹›`´"})
_EDGE_PUNCT = " \t\n.,;:!?()[]-–—"
_WS = re.compile(r"\s+")


def norm_text(text: str | None) -> str:
    """Text for comparison: NFKC, quotation marks dropped, whitespace collapsed, case folded."""
    if not text:
        return ""
    text = unicodedata.normalize("NFKC", text).translate(_QUOTE_MARKS)
    return " ".join(text.split()).casefold()


def norm_name(name: str | None) -> str:
    """A name for comparison: as `norm_text`, without punctuation at either end."""
    return norm_text(name).strip(_EDGE_PUNCT)


def cameo_root(code: str | None) -> str:
    return str(code or "").strip()[:2]


def actor_country(code_or_country: str | None) -> str:
    """The country of a gold actor: the first three letters of its CAMEO actor code."""
    return str(code_or_country or "").strip().upper()[:3]


def predicted_countries(actor: dict[str, Any] | None) -> set[str]:
    """Countries a predicted event actor stands for: its `country`, its actor code's first three letters."""
    if not actor:
        return set()
    out = set()
    if actor.get("country"):
        out.add(str(actor["country"]).strip().upper())
    if actor.get("actor_code"):
        out.add(actor_country(actor["actor_code"]))
    return out - {""}


def parse_date(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(str(value).strip()[:10])
    except ValueError:
        return None


def same_published(gold: str | None, pred: str | None) -> bool:
    """Publication times are equal: the same instant when both carry a time, else the same date."""
    if not gold or not pred:
        return not gold and not pred
    try:
        g = dt.datetime.fromisoformat(str(gold).replace("Z", "+00:00"))
        p = dt.datetime.fromisoformat(str(pred).replace("Z", "+00:00"))
    except ValueError:
        return norm_text(gold) == norm_text(pred)
    if len(str(gold).strip()) <= 10:  # gold gives a date only
        return g.date() == p.date()
    if (g.tzinfo is None) != (p.tzinfo is None):
        return False
    return g == p


def shorten(text: str | None, width: int = 160) -> str:
    """One line of at most `width` characters, for listing evidence beside a problem."""
    if not text:
        return ""
    text = _WS.sub(" ", text).strip()
    return text if len(text) <= width else text[: width - 1] + "…"
