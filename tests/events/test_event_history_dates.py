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
