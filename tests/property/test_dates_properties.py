"""Dates: any text gives a date in ISO 8601 or None, never an exception."""

from __future__ import annotations

import datetime as dt
from datetime import timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kabar.dates import DateParser, parse_iso_date, parse_published

from .conftest import examples

PIECES = [
    "Senin", "Selasa,", "19", "31", "0", "29", "Okt", "Oktober", "Februari", "2021", "1899", "9999", "10:36",
    "25:61", "WIB", "WITA", "WIT", "GMT+7", "GMT-14", "UTC+25", "Asia/Jakarta", "Mars/Olympus", "|", "pukul",
    "-", "/", "19/10/2021", "31/02/2020", "2021-10-19T10:36:00+07:00", "Z", "PM", "AM", ".", ":", "(", ")",
]  # fmt: skip
datelines = st.lists(st.sampled_from(PIECES) | st.text(max_size=6), max_size=10).map(" ".join)


@pytest.fixture(scope="module")
def dates(pack):
    return DateParser(pack)


def _valid_iso(value: str | None) -> None:
    if value is not None:
        assert isinstance(value, str)
        (dt.datetime if "T" in value else dt.date).fromisoformat(value)


@given(text=st.text(max_size=200) | datelines)
@settings(max_examples=examples(800), deadline=timedelta(seconds=5))
def test_any_text_gives_iso_or_none(dates, text):
    _valid_iso(dates.to_iso(text))
    parsed = dates.parse_dateline(text)
    if parsed is not None:
        _valid_iso(parsed.isoformat())
    parse_published(text)
    parse_iso_date(text)
