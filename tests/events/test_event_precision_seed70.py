"""Seed-70 development sample classes (issue #11, helper prec), on invented sentences: the act a
side judges another to do ("menilai X melanggar ...") is a view, not a reported act; cues before a
verb scope over the verb coordinated with it ("harus terus bergerak dan mengepung"); an act recalled
as one's experience, or given as an example, is background; a year after "pada" dates the clause
however far after the verb; idioms that only look like events ("mengundang perhatian",
"menjatuhkan bom air") are none."""

from __future__ import annotations

import pytest

import kabar

PUBLISHED = "2024-03-20T09:00:00+07:00"


def _events(body: str):
    return kabar.extract(body, lang="id", published=PUBLISHED).events


def _factual(body: str, code: str):
    return [e for e in _events(body) if e.code.startswith(code) and e.factual]


@pytest.mark.parametrize(
    "body",
    [
        "Pemerintah Iran menilai Amerika Serikat melanggar kesepakatan gencatan senjata.",
        "Pengamat politik Budi Santoso menilai Israel menyerang Jalur Gaza demi kepentingan dalam negeri.",
        "Juru bicara Hamas menganggap Israel melanggar gencatan senjata di Gaza.",
    ],
)
def test_an_act_judged_by_a_side_is_no_reported_act(body):
    assert not _factual(body, "19")


def test_the_judged_act_stays_when_it_is_told_as_news():
    assert _factual("Amerika Serikat melanggar kesepakatan gencatan senjata dengan Iran pada Senin.", "196")


@pytest.mark.parametrize(
    "body",
    [
        "Mahasiswa harus terus bergerak dan mengepung gedung DPR.",
        "Budi Santoso menyebut mahasiswa harus terus bergerak dan mengepung gedung DPR pekan ini.",
    ],
)
def test_a_modal_scopes_over_the_coordinated_verb(body):
    assert not _factual(body, "1")


def test_a_coordinated_verb_without_a_modal_stays_news():
    assert _factual("Ribuan mahasiswa berkumpul dan mengepung gedung DPR pada Senin.", "144")


@pytest.mark.parametrize(
    ("body", "code"),
    [
        ("Presiden Joko Widodo menceritakan pengalamannya bertemu Vladimir Putin di Moskow.", "04"),
        ("Dia mencontohkan, ada seorang bupati yang ditangkap polisi karena korupsi.", "17"),
        ("Budi Santoso divonis empat tahun penjara oleh Pengadilan Negeri Jakarta pada 2014.", "11"),
    ],
)
def test_an_experience_an_example_or_a_clause_dated_long_ago_is_background(body, code):
    evs = [e for e in _events(body) if e.code.startswith(code)]
    assert evs and all(e.mode == "background" for e in evs)


def test_a_year_in_a_relative_clause_dates_the_case_not_the_act():
    body = "KPK menetapkan Bupati Budi Santoso sebagai tersangka kasus suap yang terjadi pada 2017."
    assert _factual(body, "173")


@pytest.mark.parametrize(
    "body",
    [
        "Pengunduran diri Menteri Budi Santoso itu mengundang perhatian publik.",
        "Rencana Presiden Joko Widodo mengundang kritik dari oposisi.",
        "Pemerintah Indonesia terus menjatuhkan bom air di lokasi kebakaran hutan di Riau.",
    ],
)
def test_idioms_that_look_like_events_are_none(body):
    assert not [e for e in _events(body) if e.code.startswith(("036", "19", "15"))]


def test_an_invitation_and_a_bombing_stay_events():
    assert _factual("Presiden Joko Widodo mengundang Presiden Rusia Vladimir Putin ke Jakarta.", "036")
    assert _factual("Pesawat tempur Israel menjatuhkan bom di Jalur Gaza pada Senin.", "19")


@pytest.mark.parametrize(
    "body",
    [
        "Oleh karena itu, tidak selayaknya aspirasi dan kebutuhan hukum masyarakat dibatasi oleh DPR.",
        "Sebaiknya para pimpinan partai politik di Jakarta bertemu dengan Presiden Joko Widodo.",
        "Tidak seharusnya polisi menangkap Budi Santoso di Bekasi.",
    ],
)
def test_a_normative_word_opening_the_clause_scopes_over_a_long_subject(body):
    assert not [e for e in _events(body) if e.factual]


def test_a_when_clause_of_a_planned_verb_is_planned():
    body = "Presiden Joko Widodo memastikan akan menyampaikannya kepada publik saat mengirimkan surat ke DPR."
    assert not [e for e in _events(body) if e.factual]


def test_a_when_clause_of_a_done_verb_stays_news():
    body = "Presiden Joko Widodo tersenyum saat bertemu Presiden Rusia Vladimir Putin di Jakarta."
    assert _factual(body, "04")


@pytest.mark.parametrize(
    "body",
    [
        "Pemerintah Amerika Serikat meyakini Iran menyerang kilang minyak Arab Saudi.",
        "Pejabat Arab Saudi yakin Iran menyerang kilang minyak Arab Saudi.",
    ],
)
def test_an_act_a_side_believes_another_did_is_no_reported_act(body):
    assert not _factual(body, "19")


@pytest.mark.parametrize(
    ("body", "code"),
    [
        # a warning that tells the warned side what to do is advice (020), not a threat
        ("Presiden Joko Widodo memperingatkan para pengunjuk rasa untuk menyampaikan aspirasi.", "020"),
        ("China memperingatkan Belanda untuk segera menghentikan tindakan provokatif mereka.", "020"),
        # what follows 'bahwa' is what the warner says it will do: a threat
        ("Iran memperingatkan Amerika Serikat bahwa Teheran siap untuk berperang.", "138"),
        # the threat's own words name the act threatened
        ("Iran mengancam akan menyerang Israel untuk membalas kematian komandannya.", "138"),
    ],
)
def test_a_warning_to_do_something_is_advice(body, code):
    evs = [e for e in _events(body) if e.factual and e.code[:2] in ("02", "13")]
    assert [e.code for e in evs] == [code]


def test_a_reduplicated_verb_is_no_appeal():
    body = "Sebuah video memperlihatkan seorang demonstran yang didorong-dorong oleh aparat kepolisian."
    assert not [e for e in _events(body) if e.code.startswith("02")]
    assert _factual("Presiden Joko Widodo meminta Menteri Budi Santoso mundur dari jabatannya.", "020")
