"""Tests of kabar.events.dates: Indonesian time expressions resolved against publication time."""

from __future__ import annotations

import datetime as dt

import pytest

from kabar.dates import published_datetime as parse_published
from kabar.events.dates import DateResolver
from kabar.lang import load_pack

PUB = "2021-10-19T10:36:00+07:00"  # a Tuesday


@pytest.fixture(scope="module")
def resolver():
    return DateResolver(load_pack("id"))


def found(resolver, text, published=PUB):
    return [(t.text, t.iso(), t.precision) for t in resolver.find(text, published)]


@pytest.mark.parametrize(
    "text, expr, date, precision",
    [
        ("Ia tiba pada Minggu (17/10/2021) malam.", "Minggu (17/10/2021) malam", "2021-10-17", "day"),
        ("Rapat digelar Senin (18/10) pagi.", "Senin (18/10) pagi", "2021-10-18", "day"),
        ("Ia tiba kemarin.", "kemarin", "2021-10-18", "day"),
        ("Ia tiba kemarin lusa.", "kemarin lusa", "2021-10-17", "day"),
        ("Ia tiba hari ini.", "hari ini", "2021-10-19", "day"),
        ("Ia berangkat besok.", "besok", "2021-10-20", "day"),
        ("Rapat digelar Selasa lalu.", "Selasa lalu", "2021-10-12", "day"),
        ("Rapat digelar pada Jumat.", "Jumat", "2021-10-15", "day"),
        ("Ia akan datang pada Jumat.", "Jumat", "2021-10-22", "day"),
        ("Ia datang Kamis depan.", "Kamis depan", "2021-10-21", "day"),
        ("Ia datang pekan depan.", "pekan depan", "2021-10-26", "week"),
        ("Ia datang minggu lalu.", "minggu lalu", "2021-10-12", "week"),
        ("Ia datang dua hari lalu.", "dua hari lalu", "2021-10-17", "day"),
        ("Ia datang 3 hari yang lalu.", "3 hari yang lalu", "2021-10-16", "day"),
        ("Ia datang sepekan lalu.", "sepekan lalu", "2021-10-12", "week"),
        ("Ia datang tiga hari lagi.", "tiga hari lagi", "2021-10-22", "day"),
        ("Perjanjian diteken pada 17 Oktober 2021.", "17 Oktober 2021", "2021-10-17", "day"),
        ("Perjanjian diteken 5 Okt. 2021 di Jakarta.", "5 Okt. 2021", "2021-10-05", "day"),
        ("Perjanjian diteken pada 17/10/2021.", "17/10/2021", "2021-10-17", "day"),
        ("Perjanjian diteken tanggal 5/10.", "tanggal 5/10", "2021-10-05", "day"),
        ("Perang pecah pada tahun 2015.", "tahun 2015", "2015-01-01", "year"),
        ("Ia datang bulan lalu.", "bulan lalu", "2021-09-19", "month"),
        ("Ia datang Februari lalu.", "Februari lalu", "2021-02-01", "month"),
        ("Jumat, 15 Oktober 2021 ia datang.", "Jumat, 15 Oktober 2021", "2021-10-15", "day"),
    ],
)
def test_expressions(resolver, text, expr, date, precision):
    assert (expr, date, precision) in found(resolver, text)


def test_minggu_capitalised_is_sunday_lower_case_is_week(resolver):
    assert found(resolver, "Ia datang Minggu lalu.") == [("Minggu lalu", "2021-10-17", "day")]
    assert found(resolver, "Ia datang minggu lalu.") == [("minggu lalu", "2021-10-12", "week")]


def test_last_night_depends_on_the_hour(resolver):
    assert found(resolver, "tadi malam", "2021-10-19T08:00:00+07:00")[0][1] == "2021-10-18"
    assert found(resolver, "tadi malam", "2021-10-19T21:00:00+07:00")[0][1] == "2021-10-19"


def test_no_false_dates(resolver):
    assert found(resolver, "Skor akhir 2/3 untuk tuan rumah, mar bukan bulan.") == []
    assert found(resolver, "Ia bertemu pada minggu ini dan ingin bertemu lagi.")[0][2] == "week"


def test_year_inferred_nearest_to_publication(resolver):
    assert found(resolver, "pada 28 Desember", "2022-01-03T10:00:00+07:00") == [
        ("28 Desember", "2021-12-28", "day")
    ]
    assert found(resolver, "pada 2 Januari", "2021-12-30T10:00:00+07:00") == [
        ("2 Januari", "2022-01-02", "day")
    ]


def test_offsets_and_unresolvable_without_publication(resolver):
    text = "Ia pulang kemarin dan datang 17 Oktober 2021."
    exprs = resolver.find(text, None, offset=100)
    assert [(e.text, e.iso()) for e in exprs] == [("kemarin", None), ("17 Oktober 2021", "2021-10-17")]
    assert exprs[0].start == 100 + text.index("kemarin")


def test_parse_published():
    assert parse_published(PUB) == dt.datetime.fromisoformat(PUB)
    assert parse_published("2021-10-19T03:36:00Z").utcoffset() == dt.timedelta(0)
    assert parse_published("2021-10-19") == dt.datetime(2021, 10, 19)
    assert parse_published("kemarin") is None and parse_published(None) is None


def test_future_cue_only_counts_in_its_own_sentence(resolver):
    text = "Presiden akan berkunjung tahun depan. Serangan terjadi pada Senin malam."
    assert found(resolver, text)[-1] == ("Senin malam", "2021-10-18", "day")
    assert found(resolver, "Menteri itu akan tiba pada Senin.")[0][1] == "2021-10-25"
