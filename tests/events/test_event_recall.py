"""Rules added for recall on real news (issue 11), each on invented sentences: nominal events and
their agents, weapons and platforms as actors, dictionary frames found missing in the corpus, a
date or a title set off by commas between subject and verb."""

from __future__ import annotations

import pytest
from eventdocs import make_doc

from kabar.events import EventExtractor
from kabar.lang import load_pack
from kabar.segment import Segmenter

PUBLISHED = "2024-03-20T09:00:00+07:00"


@pytest.fixture(scope="module")
def pack():
    return load_pack("id")


@pytest.fixture(scope="module")
def stage(pack):
    return EventExtractor(pack)


@pytest.fixture(scope="module")
def segmenter(pack):
    return Segmenter(pack)


def _events(stage, segmenter, body: str) -> list[tuple[str, str | None, str | None, str]]:
    doc = make_doc(segmenter, body, PUBLISHED)
    stage(doc)
    return [
        (e.code, e.source.actor_code if e.source else None, e.target.actor_code if e.target else None, e.mode)
        for e in doc.article.events
    ]


CASES = [
    # an act as the object: its agent after "yang di-" or "oleh" is the target
    (
        "Militer Rusia mengecam keras pembunuhan yang dilakukan Israel terhadap warga Lebanon.",
        ("111", "RUSMIL", "ISR"),
    ),
    ("Budi Santoso mengkritik kebijakan yang diumumkan Presiden AS pada Senin.", ("111", "IDNGOV", "USAGOV")),
    # the author of a statement that condemns
    ("Menlu AS mengeluarkan pernyataan yang mengutuk serangan Israel.", ("111", "USAGOV", "ISR")),
    # a date set off by commas between subject and verb
    (
        "Budi Santoso, pada Senin, 18 Maret 2024, mengutuk serangan Israel terhadap Lebanon.",
        ("111", "IDNGOV", "ISR"),
    ),
    # weapons and platforms stand for the military that uses them; reduplicated plurals
    ("Sebuah drone Rusia menghantam gedung apartemen di Jepang pada Senin.", ("190", "RUSMIL", "JPN")),
    ("Jet-jet tempur AS menyerang kapal-kapal Rusia pada Senin.", ("190", "USAMIL", "RUS")),
    ("Kapal perang China mencegat kapal nelayan Filipina pada Senin.", ("171", "CHNMIL", "PHLCVL")),
    # dictionary frames
    ("Presiden Budi Santoso menerima utusan Presiden China di Jakarta.", ("043", "IDNGOV", "CHNGOV")),
    ("PBB telah melakukan kontak dengan AS pada Senin.", ("040", "IGOUNO", "USA")),
    ("Presiden AS melontarkan ancaman ke Rusia pada Senin.", ("130", "USAGOV", "RUS")),
    ("Budi Santoso menyurati Presiden AS pada Senin.", ("010", "IDNGOV", "USAGOV")),
    ("Kementerian Malaysia memblokir akses situs perusahaan AS pada Senin.", ("172", "MYSGOV", "USABUS")),
    ("Polisi menetapkan mahasiswa sebagai tersangka pada Senin.", ("173", "IDNCOP", "IDNEDU")),
    ("Budi Santoso menghubungi Menteri Luar Negeri Malaysia pada Senin.", ("040", "IDNGOV", "MYSGOV")),
    ("Budi Santoso menepis kekhawatiran Amerika Serikat pada Senin.", ("016", "IDNGOV", "USA")),
    ("Budi Santoso menyarankan agar Malaysia menunda perundingan.", ("020", "IDNGOV", "MYS")),
    ("Presiden Budi Santoso meminta pengusaha mempercepat pembangunan.", ("020", "IDNGOV", "IDNBUS")),
    ("Penyidik memeriksa Budi Santoso pada Senin.", ("090", "IDNCOP", "IDNGOV")),
    # the threatened act's target, not the actor of the condition after it
    (
        "Presiden AS mengancam akan menggunakan kekuatan militer terhadap Malaysia jika negara tersebut "
        "berkolaborasi dengan Rusia.",
        ("138", "USAGOV", "MYS"),
    ),
    # a warning whose condition names the side warned ("... kecuali X ...")
    ("Militer Rusia memperingatkan bahwa tak ada damai kecuali Israel mundur.", ("130", "RUSMIL", "ISR")),
    ("Budi Santoso mengirim surat ke Malaysia pada Senin.", ("010", "IDNGOV", "MYS")),
    # suspects and perpetrators are criminals of the country the article is about
    ("Polisi menangkap dua tersangka penggerak massa pada Senin.", ("173", "IDNCOP", "IDNCRM")),
    ("Polisi menangkap tiga pelaku pembakaran pada Senin.", ("173", "IDNCOP", "IDNCRM")),
]


@pytest.mark.parametrize(("body", "expected"), CASES)
def test_recall_rule(stage, segmenter, body, expected):
    found = _events(stage, segmenter, body)
    assert (*expected, "reported") in found, found


def test_firefight_is_no_consultation(stage, segmenter):
    body = "Tentara Malaysia terlibat kontak senjata dengan kelompok bersenjata Filipina."
    found = _events(stage, segmenter, body)
    assert all(code != "040" for code, *_ in found), found


def test_journalists_reaching_a_source_is_no_consultation(stage, segmenter):
    found = _events(stage, segmenter, "Wartawan menghubungi Budi Santoso pada Senin.")
    assert found == [], found


def test_naming_a_suspect_needs_the_word(stage, segmenter):
    found = _events(stage, segmenter, "Polisi menetapkan mahasiswa sebagai peserta lomba pada Senin.")
    assert found == [], found


def test_a_comma_aside_that_is_no_date_still_ends_the_search(stage, segmenter):
    found = _events(stage, segmenter, "Karena itu, pada akhirnya, mengutuk serangan Israel.")
    assert found == [], found


def test_a_country_and_its_agency_telling_one_act_are_one_event(stage, segmenter):
    body = "Malaysia mengecam China pada Senin. Menlu Malaysia Ahmad Rahman juga mengecam China."
    found = _events(stage, segmenter, body)
    assert found == [("111", "MYSGOV", "CHN", "reported")], found


def test_different_acts_of_one_root_stay_apart(stage, segmenter):
    body = "Malaysia menuduh China pada Senin. Menteri Luar Negeri Malaysia Ahmad Rahman memprotes China."
    found = _events(stage, segmenter, body)
    assert {code for code, *_ in found} == {"112", "114"}, found


def test_a_call_framing_the_clause_is_between_its_two_sides(stage, segmenter):
    body = "Dalam sebuah panggilan telepon dengan Ahmad Rahman kemarin, Budi Santoso menegaskan dukungannya."
    found = _events(stage, segmenter, body)
    either = {("041", "IDNGOV", "MYSGOV", "reported"), ("041", "MYSGOV", "IDNGOV", "reported")}
    assert either & set(found), found


def test_a_meeting_frame_in_the_future_is_no_meeting(stage, segmenter):
    body = "Dalam pertemuan dengan Malaysia pekan depan, Budi Santoso akan membahas perdagangan."
    found = _events(stage, segmenter, body)
    assert all(mode != "reported" for *_, mode in found), found
