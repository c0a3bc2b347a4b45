"""The dictionary frames added from the corpus coverage list (events.yaml, 'coverage additions'):
each codes what it should on an invented sentence, and the sense it must not take gives nothing."""

from __future__ import annotations

import pytest
from eventdocs import factual_runner

from kabar.events.config import events_section
from kabar.lang import load_pack

PUBLISHED = "2024-03-20T09:00:00+07:00"


@pytest.fixture(scope="module")
def pack():
    return load_pack("id")


@pytest.fixture(scope="module")
def run(pack):
    return factual_runner(pack, PUBLISHED)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "Polda Jawa Timur menetapkan Ahmad Rahman sebagai tersangka kasus suap.",
            ("173", "IDNCOP", "MYSGOV"),
        ),
        (
            "Polda Jawa Timur melakukan penetapan tersangka terhadap Ahmad Rahman.",
            ("173", "IDNCOP", "MYSGOV"),
        ),
        (
            "Polda Jawa Timur melakukan operasi tangkap tangan terhadap Ahmad Rahman.",
            ("173", "IDNCOP", "MYSGOV"),
        ),
        ("Polda Jawa Timur menggeledah rumah Ahmad Rahman di Surabaya.", ("090", "IDNCOP", "MYSGOV")),
        ("Polda Jawa Timur memanggil Ahmad Rahman sebagai saksi.", ("090", "IDNCOP", "MYSGOV")),
        (
            "Budi Santoso menyampaikan agar Malaysia segera menghentikan pembakaran hutan.",
            ("020", "IDNGOV", "MYS"),
        ),
        ("Budi Santoso merekomendasikan Malaysia menutup perbatasan.", ("020", "IDNGOV", "MYS")),
        ("Para mahasiswa menyampaikan aspirasi kepada Polda Jawa Timur.", ("020", "IDNEDU", "IDNCOP")),
        ("Budi Santoso berbincang dengan Ahmad Rahman di Jakarta.", ("040", "IDNGOV", "MYSGOV")),
        ("Budi Santoso memberikan peringatan keras kepada Malaysia.", ("130", "IDNGOV", "MYS")),
        ("Ahmad Rahman menyanggah tuduhan Budi Santoso.", ("016", "MYSGOV", "IDNGOV")),
        ("Ahmad Rahman mempersoalkan keputusan Indonesia menutup perbatasan.", ("110", "MYSGOV", "IDN")),
        ("Ahmad Rahman mengajukan praperadilan terhadap Polda Jawa Timur.", ("115", "MYSGOV", "IDNCOP")),
        ("Budi Santoso menggelar konferensi pers di Jakarta.", ("010", "IDNGOV", None)),
    ],
)
def test_coverage_frame_codes_its_event(run, body, expected):
    assert expected in run(body)


@pytest.mark.parametrize(
    "body",
    [
        "Budi Santoso menghadiri peringatan hari jadi Malaysia.",  # a commemoration, no warning
        "Polda Jawa Timur melakukan pemeriksaan kesehatan terhadap Ahmad Rahman.",  # a health check
        "Budi Santoso berbincang dengan wartawan tentang Malaysia.",  # talking to the press
    ],
)
def test_coverage_frame_leaves_the_other_sense(run, body):
    codes = {code for code, _, _ in run(body)}
    assert not codes & {"130", "090", "040"}


def test_excluded_words_are_not_coded(pack):
    """A word listed as consciously excluded is no trigger of the dictionary (the list would lie)."""
    section = events_section(pack)
    excluded = {w.lower() for ex in section.excluded for w in ex.words if " " not in w}
    forms = {f.split()[0] for e in section.entries for f in (*e.verbs, *e.nouns) if " " not in f}
    assert not excluded & forms


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Polda Jawa Timur menangkap sejumlah pejabat daerah di Surabaya.", ("173", "IDNCOP", "IDNGOV")),
        ("Budi Santoso meminta seluruh masyarakat tetap tenang.", ("020", "IDNGOV", "IDNCVL")),
        ("Polda Jawa Timur menetapkan seorang dosen sebagai tersangka.", ("173", "IDNCOP", "IDNEDU")),
    ],
)
def test_domestic_generic_actors_take_the_home_country(run, body, expected):
    """Generic actors of national news (officials, the public, lecturers) are actors of the home
    country when the article names no foreign one (generic_actors.tsv)."""
    assert expected in run(body)


def test_a_scheduled_examination_is_not_yet_done(run):
    """'menjadwalkan' (to schedule) marks a plan, like 'dijadwalkan' (modality.yaml)."""
    assert ("090", "IDNCOP", "MYSGOV") not in run(
        "Polda Jawa Timur menjadwalkan pemeriksaan terhadap Ahmad Rahman."
    )
