import pytest

from kabar.dates import DateParser


@pytest.fixture(scope="module")
def dates(pack):
    return DateParser(pack)


@pytest.mark.parametrize(
    "text, iso",
    [
        ("Okt 19, 2021 10:36 Asia/Jakarta", "2021-10-19T10:36:00+07:00"),
        ("Selasa, 19 Oktober 2021 10:36 WIB", "2021-10-19T10:36:00+07:00"),
        ("19/10/2021 10:36", "2021-10-19T10:36:00+07:00"),
        ("2021-10-19T10:36:00+07:00", "2021-10-19T10:36:00+07:00"),
        ("2021-10-19T03:36:00Z", "2021-10-19T03:36:00+00:00"),
        ("Kamis, 20 Okt 2022 | 14.05 WITA", "2022-10-20T14:05:00+08:00"),
        ("19 Oktober 2021 pukul 10:36 WIT", "2021-10-19T10:36:00+09:00"),
        ("Senin, 12 Juni 2023 08:00 GMT+8", "2023-06-12T08:00:00+08:00"),
        ("10-Sep-19 23:04", "2019-09-10T23:04:00+07:00"),
        ("2019-09-16 15:43", "2019-09-16T15:43:00+07:00"),
        ("27 Maret 2019 10:00", "2019-03-27T10:00:00+07:00"),
        ("Oct 5, 2020 7:05 PM Europe/London", "2020-10-05T19:05:00+01:00"),
    ],
)
def test_datelines_normalise_to_iso_with_offset(dates, text, iso):
    assert dates.to_iso(text) == iso


def test_date_without_time_stays_a_date(dates):
    assert dates.to_iso("Sep 24, 2019") == "2019-09-24"
    assert dates.to_iso("Juli 19, 2019") == "2019-07-19"


@pytest.mark.parametrize("text", ["32/13/2021", "bukan tanggal", "", "2021-02-30 10:00"])
def test_malformed_dates_give_none(dates, text):
    assert dates.to_iso(text) is None


def test_dateline_must_be_the_whole_line(dates):
    assert dates.parse_dateline("Selasa, 19 Oktober 2021 10:36 WIB") is not None
    assert dates.parse_dateline("Pada 19 Oktober 2021 presiden meresmikan bendungan di Jawa Tengah") is None


@pytest.mark.parametrize(
    "text", ["0:00-30:1/1/0000", "19/10/2021 10:36 GMT+30", "2021-10-19 10:36 UTC-25:00"]
)
def test_an_offset_no_zone_has_is_not_a_crash(dates, text):
    iso = dates.to_iso(text)
    assert iso is None or "+30" not in iso
