"""Sources from the hand check of issue 11, on invented sentences: a place inside a prepositional
phrase across words of extent is no actor; a country name right after an organisation's name is
part of it."""

from __future__ import annotations

import pytest
from eventdocs import factual_events, make_doc, segmenter, stage  # noqa: F401 - the shared fixtures

PUBLISHED = "2024-03-20T09:00:00+07:00"


def _sources(stage, segmenter, body: str) -> list[tuple[str, str, str | None]]:
    doc = make_doc(segmenter, body, PUBLISHED)
    stage(doc)
    return [(e.code[:2], e.source.name, e.source.actor_code) for e in doc.article.events if e.source]


@pytest.mark.parametrize("extent", ["seluruh", "berbagai daerah di", "seluruh penjuru"])
def test_a_place_after_a_preposition_and_extent_is_no_actor(stage, segmenter, extent):
    body = f"Ribuan mahasiswa dari {extent} Indonesia berunjuk rasa di Jakarta, Senin (18/3/2024)."
    found = _sources(stage, segmenter, body)
    assert found and all(code != "IDN" for _, _, code in found)


def test_a_city_and_its_country_after_a_preposition_are_no_source():
    import kabar

    article = kabar.extract(
        "Kedutaan Besar RI di Berlin Jerman dalam keterangannya menyampaikan duka cita kepada keluarga korban.",
        published=PUBLISHED,
    )
    assert [(e.source.name, e.source.actor_code) for e in article.events if e.source] == [
        ("Kedutaan Besar RI", "IDNGOV")
    ]


def test_a_country_after_an_organisation_without_code_names_it(stage, segmenter):
    body = "Lembaga Kajian Hukum (LKH) Indonesia meminta Malaysia membebaskan nelayan."
    assert _sources(stage, segmenter, body)[0][1:] == ("LKH Indonesia", "IDN")


def test_a_country_after_a_rebel_group_keeps_the_group(stage, segmenter):
    body = "Kelompok Front Pembebasan Filipina mengklaim telah menyerang pangkalan militer Vietnam."
    assert _sources(stage, segmenter, body)[0][2] == "PHLREB"


def test_a_country_of_another_side_after_an_organisation_stays_apart(stage, segmenter):
    body = "Pasukan Front Pembebasan, Vietnam menyerang Filipina."
    assert ("19", "Vietnam", "VNM") in _sources(stage, segmenter, body)


@pytest.mark.parametrize(
    "body",
    [
        "Budi Santoso didakwa bersama dengan seorang hakim telah menerima uang suap.",
        "Budi Santoso didakwa bersama seorang hakim telah menerima uang suap.",
        "Budi Santoso beserta seorang hakim ditahan pada Senin.",
    ],
)
def test_a_person_charged_together_is_no_agent(stage, segmenter, body):
    # "bersama (dengan) X" by a passive legal act: X shares the act, X does not do it
    assert all(code != "IDNJUD" for _, _, code in _sources(stage, segmenter, body))


def test_the_unnamed_agent_outside_the_comitative_phrase_stays(stage, segmenter):
    body = "Budi Santoso ditahan polisi bersama dengan Agus Salim."
    assert _sources(stage, segmenter, body) == [("17", "polisi", "IDNCOP")]


def test_a_body_in_front_of_which_people_gather_is_no_subject(stage, segmenter):
    # "di depan gedung X": a spatial noun keeps X inside the locative phrase
    body = (
        "Ribuan warga Filipina berunjuk rasa di depan gedung Kedutaan Besar China, mendesak agar "
        "Kamboja membebaskan nelayan."
    )
    appeals = [code for root, _, code in _sources(stage, segmenter, body) if root == "02"]
    assert appeals == ["PHLCVL"]


def test_security_forces_after_the_army_are_the_armys(stage, segmenter):
    # "aparat" may be the police or the army: the forces named just before decide
    body = "Militer Indonesia menjaga desa itu sejak pagi. Aparat menangkap Agus Salim di desa itu."
    assert _sources(stage, segmenter, body) == [("17", "Aparat", "IDNMIL")]


@pytest.mark.parametrize(
    "before",
    [
        "",  # nothing named: the police
        "Polisi dan militer Indonesia menjaga desa itu sejak pagi. ",  # both named: the police
    ],
)
def test_security_forces_stay_the_police_otherwise(stage, segmenter, before):
    body = before + "Aparat menangkap Agus Salim di desa itu."
    assert _sources(stage, segmenter, body) == [("17", "Aparat", "IDNCOP")]


def _events(stage, segmenter, body: str) -> list[tuple[str, str | None, str | None]]:
    return factual_events(stage, segmenter, body, PUBLISHED, side="name")


@pytest.mark.parametrize(
    "title",
    [
        "Direktur Advokasi di kelompok Hak Asasi Manusia Suara Rakyat",  # a title joined by link words
        "Direktur Advokasi Suara Rakyat yang berbasis di Surabaya",  # a relative clause without comma
        "Direktur Advokasi di kelompok Suara Rakyat yang berbasis di Surabaya",
    ],
)
def test_a_long_title_apposition_keeps_the_name_as_subject(stage, segmenter, title):
    body = f"Budi Santoso, {title}, mengecam Malaysia."
    found = _events(stage, segmenter, body)
    assert ("111", "Budi Santoso", "Malaysia") in found


def test_an_aside_that_is_no_title_gives_no_subject_across_it(stage, segmenter):
    # near miss: lower-case words that are no link words end the apposition
    body = (
        "Kenji Tanaka bertemu Budi Santoso, pejabat yang kemarin dirawat di rumah sakit, "
        "lalu mengecam Malaysia."
    )
    found = _events(stage, segmenter, body)
    assert ("111", "Budi Santoso", "Malaysia") not in found


def test_likening_to_a_villain_is_denouncing(stage, segmenter):
    body = "Kenji Tanaka menyamakan kebijakan Israel dengan kebijakan seorang diktator."
    found = _events(stage, segmenter, body)
    assert [(c, t) for c, _, t in found] == [("111", "Israel")]


def test_a_likeness_without_a_villain_is_no_event(stage, segmenter):
    body = "Kenji Tanaka menyamakan kebijakan Israel dengan kebijakan Malaysia."
    assert [c for c, _, _ in _events(stage, segmenter, body) if c.startswith("11")] == []


def test_a_criticism_one_side_alleges_of_another_is_only_the_allegation(stage, segmenter):
    body = "Kenji Tanaka menuding Malaysia mengecam Israel."
    assert [c for c, _, _ in _events(stage, segmenter, body)] == ["112"]


def test_the_accusers_own_criticism_after_and_stays(stage, segmenter):
    body = "Kenji Tanaka menuding Malaysia mencuri pasir dan mengecam Israel."
    assert ("111", "Kenji Tanaka", "Israel") in _events(stage, segmenter, body)


def test_a_denial_in_a_relative_clause_after_an_accusation_stays(stage, segmenter):
    body = "Malaysia menyalahkan insiden itu kepada Singapura yang dengan tegas dibantah oleh Lim Wei."
    assert ("016", "Lim Wei", "Malaysia") in _events(stage, segmenter, body)


def test_a_relative_named_with_the_bracketed_alias_is_not_the_source(stage, segmenter):
    body = "Putra Sulung Presiden Bambang Wijaya (Bambang) bertemu dengan Ahmad Rahman di Jakarta."
    assert all(name != "Bambang Wijaya" for _, name, _ in _sources(stage, segmenter, body))


def test_a_bracketed_alias_after_an_actor_stays_the_source(stage, segmenter):
    body = "Presiden Bambang Wijaya (Bambang) bertemu dengan Ahmad Rahman di Jakarta."
    assert ("04", "Bambang Wijaya", "IDNGOV") in _sources(stage, segmenter, body)


def test_a_means_clause_takes_the_head_verbs_subject(stage, segmenter):
    # "X berusaha membubarkan massa dengan menembakkan gas air mata": the crowd is the object of
    # the head verb, the police fire the tear gas
    body = "Polisi berusaha membubarkan massa dengan menembakkan gas air mata di depan Gedung DPR."
    assert ("17", "Polisi", "IDNCOP") in _sources(stage, segmenter, body)
    assert all(name != "massa" for _, name, _ in _sources(stage, segmenter, body))
    # with no target of its own, the means is used on the head verb's object
    doc = make_doc(segmenter, body, PUBLISHED)
    stage(doc)
    assert [e.target.name for e in doc.article.events if e.code.startswith("17") and e.target] == ["massa"]


def test_a_crowd_surrounding_a_building_blocks_it(stage, segmenter):
    # seed-42 dev #38: 'mengepung gedung DPR' by a crowd was 191 recoded for civilians as 180
    # (unconventional violence); it is a protest that blocks the building (144)
    body = "Ribuan buruh mengepung gedung DPR di Jakarta, Rabu (20/3/2024)."
    doc = make_doc(segmenter, body, PUBLISHED)
    stage(doc)
    assert [e.code for e in doc.article.events] == ["144"]



def _extracted(body: str) -> list[tuple[str, str | None, str | None]]:
    """Factual events of the whole pipeline: the titles below hold offices, parties and countries
    that the entities stage must find."""
    import kabar

    article = kabar.extract(body, published=PUBLISHED)
    return [
        (e.code, e.source.name if e.source else None, e.target.name if e.target else None)
        for e in article.events
        if e.factual
    ]


@pytest.mark.parametrize(
    "title",
    [
        "Juru bicara Kementerian Luar Negeri Jepang",  # lower-case words in the title, an office in it
        "Kepala perunding dagang Korea Selatan",
        "Anggota Komisi I DPR dari Fraksi Partai Golkar",
    ],
)
def test_a_title_opening_the_sentence_gives_the_name_after_it_as_subject(title):
    body = f"{title}, Kenji Tanaka, mengecam Malaysia."
    assert ("111", "Kenji Tanaka", "Malaysia") in _extracted(body)


def test_the_name_after_a_title_that_holds_another_office_is_that_office_holder():
    # near miss: an official of the prime minister's office, then the prime minister's name
    body = "Pejabat di kantor Perdana Menteri Jepang, Kenji Tanaka, mengecam Malaysia."
    assert all(source != "Kenji Tanaka" for _, source, _ in _extracted(body))


def test_a_title_with_a_verb_in_it_is_no_title():
    # near miss: a clause, not a title, stands before the comma
    body = "Kepala desa menolak usulan itu, Kenji Tanaka, mengecam Malaysia."
    assert all(source != "Kenji Tanaka" for _, source, _ in _extracted(body))


@pytest.mark.parametrize("follower", ["Relawan", "Pendukung", "Simpatisan"])
def test_a_persons_followers_are_not_that_person(stage, segmenter, follower):
    # "Relawan Jokowi Minta DPR Bekukan KPK": the volunteers ask, not the president
    body = f"{follower} Bambang Wijaya mendesak Malaysia menghentikan pembakaran hutan."
    assert ("02", "Bambang Wijaya", "IDNGOV") not in _sources(stage, segmenter, body)


@pytest.mark.parametrize("acting_for", ["mewakili", "atas nama"])
def test_the_one_acting_for_others_is_the_subject(stage, segmenter, acting_for):
    # "PP Muhammadiyah mewakili 10 ormas menyurati DPR": Muhammadiyah writes
    body = f"Ahmad Rahman {acting_for} Uni Eropa mengkritik Kamboja."
    assert _sources(stage, segmenter, body) == [("11", "Ahmad Rahman", "MYSGOV")]
