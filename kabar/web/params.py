"""Query parameters shared by the pages and the JSON API, checked with messages for the user.

Parameters are read as text and checked here, not by FastAPI's types, because an HTML form
sends its empty fields as empty strings: an empty field means "no filter", while a value that
is there and wrong is refused with a 400 that names it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from typing import Annotated

import duckdb
from fastapi import Depends, Query, Request

from kabar.web.data import MAX_PAGE, EventFilters

_CODE = re.compile(r"^\d{2,4}$")
_ROOT = re.compile(r"^\d{2}$")
_COUNTRY = re.compile(r"^[A-Za-z]{3}$")
_TRUE, _FALSE = {"1", "true", "yes", "on"}, {"0", "false", "no", "off"}


class BadParameter(Exception):
    """A query parameter the user gave is wrong; the message says which and why."""

    def __init__(self, name: str, message: str):
        super().__init__(f"{name}: {message}")
        self.name = name


def text(value: str | None, name: str, max_len: int = 200) -> str | None:
    if value is None or not value.strip():
        return None
    if len(value) > max_len:
        raise BadParameter(name, f"at most {max_len} characters")
    return value.strip()


def date(value: str | None, name: str) -> dt.date | None:
    if value is None or not value.strip():
        return None
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise BadParameter(name, f"'{value[:40]}' is not a date like 2024-05-13") from None


def flag(value: str | None, name: str) -> bool | None:
    if value is None or not value.strip():
        return None
    low = value.strip().lower()
    if low in _TRUE:
        return True
    if low in _FALSE:
        return False
    raise BadParameter(name, f"'{value[:40]}' is not true or false")


def pattern(value: str | None, name: str, regex: re.Pattern[str], example: str) -> str | None:
    value = text(value, name, 40)
    if value is not None and not regex.match(value):
        raise BadParameter(name, f"'{value}' is not {example}")
    return value


def integer(value: str | None, name: str, low: int, high: int, default: int | None = None) -> int | None:
    if value is None or not value.strip():
        return default
    try:
        number = int(value.strip())
    except ValueError:
        raise BadParameter(name, f"'{value[:40]}' is not a whole number") from None
    if not low <= number <= high:
        raise BadParameter(name, f"must be between {low} and {high}, not {number}")
    return number


Str = Annotated[str | None, Query()]


def event_filters(
    actor: Str = None,
    other: Str = None,
    country: Str = None,
    code: Str = None,
    root: Str = None,
    quad: Str = None,
    start: Str = None,
    end: Str = None,
    factual: Str = None,
    text_: Annotated[str | None, Query(alias="text")] = None,
) -> EventFilters:
    """Actor or `other` actor (a CAMEO code such as IRN or IDNGOV, else part of a name),
    country (ISO alpha-3 of either side), CAMEO code prefix or root, quad class 1-4,
    start/end dates (inclusive), factual only, and words in the evidence."""
    first, last = date(start, "start"), date(end, "end")
    if first and last and first > last:
        raise BadParameter("start", f"{first} is after end {last}")
    country_code = pattern(country, "country", _COUNTRY, "a three-letter country code like IDN")
    return EventFilters(
        actor=text(actor, "actor", 100),
        other=text(other, "other", 100),
        country=country_code.upper() if country_code else None,
        code=pattern(code, "code", _CODE, "a CAMEO code of 2 to 4 digits like 042"),
        root=pattern(root, "root", _ROOT, "a CAMEO root of 2 digits like 19"),
        quad=integer(quad, "quad", 1, 4),
        start=first,
        end=last,
        factual=flag(factual, "factual"),
        text=text(text_, "text"),
    )


def paging(page: Str = None, per_page: Str = None) -> tuple[int, int]:
    """`page` (from 1) and `per_page` (1-200, default 25)."""
    number = integer(page, "page", 1, MAX_PAGE, 1)
    size = integer(per_page, "per_page", 1, 200, 25)
    assert number is not None and size is not None
    return number, size


def connection(request: Request) -> Iterator[duckdb.DuckDBPyConnection]:
    """A cursor on the app's store for the length of one request."""
    with request.app.state.data.cursor() as cur:
        yield cur


Con = Annotated[duckdb.DuckDBPyConnection, Depends(connection)]
Filters = Annotated[EventFilters, Depends(event_filters)]
Paging = Annotated[tuple[int, int], Depends(paging)]
