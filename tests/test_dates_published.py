"""Publication times read back from `Article.published`: one reading for stages, store and exports."""

import datetime as dt

from kabar.dates import parse_iso_date, parse_published, published_datetime, published_utc

WIB = dt.timezone(dt.timedelta(hours=7))


def test_a_full_time_keeps_its_offset_and_a_bare_date_its_day():
    assert parse_published("2021-10-19T10:36:00+07:00") == dt.datetime(2021, 10, 19, 10, 36, tzinfo=WIB)
    assert parse_published("2021-10-19T03:36:00Z").utcoffset() == dt.timedelta(0)
    assert parse_published("2021-10-19") == dt.datetime(2021, 10, 19)
    assert parse_published("2021-10-19 menurut redaksi") == dt.date(2021, 10, 19)
    assert parse_published("kemarin") is None and parse_published(None) is None and parse_published("") is None
    assert parse_published(dt.date(2021, 10, 19)) == dt.datetime(2021, 10, 19)


def test_as_a_datetime_a_bare_date_is_its_midnight():
    assert published_datetime("2021-10-19 menurut redaksi") == dt.datetime(2021, 10, 19)
    assert published_datetime("kemarin") is None


def test_the_store_keeps_the_utc_instant_and_the_local_day():
    # 02:00 in Jakarta on the 19th is still the 18th in UTC: the day is the one the site printed.
    instant, day = published_utc("2021-10-19T02:00:00+07:00")
    assert instant == dt.datetime(2021, 10, 18, 19, 0, tzinfo=dt.UTC) and day == dt.date(2021, 10, 19)
    assert published_utc("2021-10-19T10:36") == (dt.datetime(2021, 10, 19, 10, 36, tzinfo=dt.UTC), dt.date(2021, 10, 19))
    assert published_utc("2021-10-19 menurut redaksi") == (None, dt.date(2021, 10, 19))
    assert published_utc("kemarin") == (None, None)


def test_an_iso_date_is_read_from_the_start_of_a_text():
    assert parse_iso_date(" 2021-10-19T10:36") == dt.date(2021, 10, 19)
    assert parse_iso_date("19/10/2021") is None and parse_iso_date(None) is None
