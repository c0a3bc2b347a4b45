"""History told as news (issue 11, hand checks of seeds 27-30), on invented sentences: a day and
month written again after the full date of years ago, an actor named by the office it held then,
and a sentence right after one that opens with a date long ago."""

from __future__ import annotations

import pytest
from eventdocs import root_modes, segmenter, stage  # noqa: F401 - the shared fixtures

from kabar.events.dates import DateResolver
from kabar.lang import load_pack

PUBLISHED = "2024-03-10T09:00:00+07:00"


def _modes(stage, segmenter, body: str) -> list[str]:
    return [m for _, m in root_modes(stage, segmenter, body, PUBLISHED)]


@pytest.fixture(scope="module")
def resolver():
    return DateResolver(load_pack("id"))


def test_a_day_and_month_given_again_keep_the_year_written_before(resolver):
    text = (
        "Semuanya bermula pada 11 Maret 2004, ketika bom meledak di Madrid. "
        "Sebulan setelah 11 Maret, Spanyol menarik pasukannya."
    )
    dates = [(x.text, x.iso()) for x in resolver.find(text, PUBLISHED)]
    assert dates == [("11 Maret 2004", "2004-03-11"), ("11 Maret", "2004-03-11")]


@pytest.mark.parametrize(
    "text, day",
    [
        # before publication: the day just past, not the one of twenty years ago
        ("Pada 9 Maret 2004 bom meledak. Pada 9 Maret, menteri itu datang.", "2024-03-09"),
        # a weekday with its date is a day of this week
        ("Pada 11 Maret 2004 bom meledak. Menteri itu datang Senin (11/3).", "2024-03-11"),
        # no earlier full date of that day
        ("Pada 12 Maret 2004 bom meledak. Menteri itu datang pada 11 Maret.", "2024-03-11"),
    ],
)
def test_a_day_and_month_of_now_stay_now(resolver, text, day):
    assert resolver.find(text, PUBLISHED)[-1].iso() == day


def test_an_act_a_month_after_a_day_years_ago_is_background(stage, segmenter):
    body = (
        "Perang itu bermula pada 11 Maret 2004, ketika bom meledak di Madrid. "
        "Hanya sebulan setelah 11 Maret, Malaysia resmi menyerang Singapura."
    )
    assert _modes(stage, segmenter, body) == ["background"]


@pytest.mark.parametrize(
    "body",
    [
        "Dalam pertemuan itu, Menteri Luar Negeri Malaysia saat itu Anwar Rahman mengecam Singapura.",
        "Presiden Vietnam kala itu, Nguyen Van An, mengusir diplomat China.",
        "Singapura dikecam Perdana Menteri Malaysia yang menjabat ketika itu, Rahman Salleh.",
    ],
)
def test_an_actor_named_by_the_office_held_then_tells_background(stage, segmenter, body):
    assert _modes(stage, segmenter, body) == ["background"]


@pytest.mark.parametrize(
    "body",
    [
        "Menteri Luar Negeri Malaysia Anwar Rahman mengecam Singapura pada Senin.",
        # "saat itu" as the time of the scene, not of an office
        "Saat itu Menteri Luar Negeri Malaysia mengecam Singapura di Jakarta, Senin (4/3/2024).",
    ],
)
def test_an_office_held_now_tells_news(stage, segmenter, body):
    assert _modes(stage, segmenter, body) == ["reported"]


def test_the_sentence_after_a_setting_long_ago_goes_on_in_background(stage, segmenter):
    body = (
        "Kesepakatan itu bermula pada masa jabatan pertama presiden. "
        "Pada 2019, Malaysia mengecam Singapura di forum kawasan. "
        "Vietnam dan Laos sepakat membuka hubungan diplomatik dengan Singapura."
    )
    modes = _modes(stage, segmenter, body)
    assert modes and all(m == "background" for m in modes), modes


@pytest.mark.parametrize(
    "body",
    [
        # back to now
        "Pada 2019, Malaysia mengecam Singapura. Kini, Vietnam mengusir diplomat China.",
        # the date closes the sentence: no setting for the next one
        "Malaysia mengecam Singapura pada 2019. Vietnam mengusir diplomat China.",
        # a setting of this week
        "Pada Senin, Malaysia mengecam Singapura. Vietnam mengusir diplomat China.",
    ],
)
def test_a_sentence_after_no_setting_long_ago_tells_news(stage, segmenter, body):
    assert _modes(stage, segmenter, body)[-1] == "reported"


MID_SEPTEMBER = "2024-09-16T09:00:00+07:00"


@pytest.mark.parametrize(
    "text, date, relation",
    [
        ("Upaya itu berantakan pada Februari, setelah pertemuan di Hanoi.", "2024-02-01", "past"),
        ("Sidang itu akan digelar pada Desember.", "2024-12-01", "future"),
        ("Pada September, kedua menteri bertemu.", "2024-09-01", "present"),
    ],
)
def test_a_bare_month_after_pada_is_read_where_it_leaves_no_doubt(resolver, text, date, relation):
    (tx,) = resolver.find(text, MID_SEPTEMBER)
    assert (tx.iso(), tx.precision, tx.relation) == (date, "month", relation)


@pytest.mark.parametrize(
    "text",
    [
        # last month: weeks or months back
        "Surat itu dikirim pada Agustus.",
        # a later month with no word of the future: last year's, or a target
        "Menteri optimistis jalan tol itu sudah beroperasi pada November.",
    ],
)
def test_a_bare_month_of_doubtful_age_stays_unread(resolver, text):
    assert resolver.find(text, MID_SEPTEMBER) == []


@pytest.mark.parametrize(
    "body, mode",
    [
        ("Pada Februari, Malaysia mengecam Singapura dalam pertemuan di Hanoi.", "background"),
        ("Malaysia mengecam Singapura pada Juni dalam pertemuan di Hanoi.", "background"),
        # this month
        ("Pada September, Malaysia mengecam Singapura dalam pertemuan di Hanoi.", "reported"),
    ],
)
def test_an_act_of_a_month_long_past_is_background(stage, segmenter, body, mode):
    assert [m for _, m in root_modes(stage, segmenter, body, MID_SEPTEMBER)] == [mode]


@pytest.mark.parametrize(
    "text, date",
    [
        ("Bentrokan itu pecah pada Mei tahun lalu.", "2023-05-01"),
        ("Bentrokan itu pecah bulan Desember tahun lalu.", "2023-12-01"),
    ],
)
def test_a_month_of_a_year_told_relative_to_now_is_one_expression(resolver, text, date):
    (tx,) = resolver.find(text, MID_SEPTEMBER)
    assert (tx.iso(), tx.precision, tx.relation) == (date, "month", "past")


def test_a_story_of_a_month_last_year_goes_on_in_background(stage, segmenter):
    body = (
        "Amerika Serikat mengklaim menengahi bentrokan perbatasan pada Mei tahun lalu. "
        "Amerika Serikat juga mengkritik Malaysia karena membeli senjata dari Rusia."
    )
    modes = [m for _, m in root_modes(stage, segmenter, body, MID_SEPTEMBER)]
    assert modes and all(m == "background" for m in modes), modes


@pytest.mark.parametrize(
    "body, mode",
    [
        ("Selama perang itu, Malaysia mengecam Singapura berulang-ulang.", "background"),
        ("Sepanjang masa pemerintahannya, Presiden Malaysia dikecam Singapura.", "background"),
        # a span of the day's event, not of a period
        ("Selama kunjungan itu, Malaysia mengecam Singapura.", "reported"),
    ],
)
def test_a_sentence_opened_by_a_span_of_time_tells_no_act_of_the_day(stage, segmenter, body, mode):
    assert _modes(stage, segmenter, body) == [mode]


@pytest.mark.parametrize(
    "body",
    [
        "Presiden Malaysia juga kadang langsung datang ke kediaman Perdana Menteri Singapura.",
        "Malaysia terkadang mengecam Singapura.",
        "Polisi rutin menangkap para pengedar narkoba di kawasan itu.",
    ],
)
def test_an_act_done_now_and_then_is_background(stage, segmenter, body):
    modes = _modes(stage, segmenter, body)
    assert modes and all(m == "background" for m in modes), modes


@pytest.mark.parametrize(
    "body",
    [
        # a setting long ago at the head, with no comma right after the date; a paragraph break
        # that leaves a comma after the full stop
        "Pada 2019 di Hanoi, kedua menteri bertemu.,Vietnam dan Laos mengecam Singapura.",
        # "Setelah ..." goes on with the story dated long ago
        "Malaysia mengecam Singapura pada 5 Januari 2020. "
        "Setelah pertemuan itu gagal, Vietnam mengusir diplomat China.",
    ],
)
def test_a_story_long_ago_goes_on(stage, segmenter, body):
    modes = _modes(stage, segmenter, body)
    assert modes and all(m == "background" for m in modes), modes


@pytest.mark.parametrize(
    "body",
    [
        "Malaysia mengecam Singapura pada Senin (14/9/2024). "
        "Setelah pertemuan itu gagal, Vietnam mengusir diplomat China.",
        # "Setelah" before a bare verb: the next step of the day's own story
        "Malaysia mengecam Singapura atas banjir yang melanda Johor setahun silam. "
        "Setelah bertemu Presiden Vietnam, Menteri Luar Negeri Malaysia mengecam Singapura lagi.",
    ],
)
def test_a_story_of_this_week_goes_on_as_news(stage, segmenter, body):
    assert _modes(stage, segmenter, body)[-1] == "reported"
