"""Issue 11, actor errors of the hand checks: the actor is the person or group the noun phrase
names, not a person, body or party named inside it only to describe them. Invented sentences,
through the whole pipeline (the entity stage reads the titles)."""

from __future__ import annotations

import pytest

from kabar.pipeline import get_pipeline

LEAD = "Warga Jakarta berunjuk rasa di depan kantor gubernur. "


def _events(text: str) -> list[tuple[str, str | None, str | None, str | None, str | None]]:
    return _with_lead(LEAD, text)


@pytest.mark.parametrize(
    "text",
    [
        "Namun tuduhan itu dibantah oleh kuasa hukum Bambang Sutrisno, Rina Kartika.",
        "Kuasa hukum Bambang Sutrisno, Rina Kartika, membantah tuduhan tersebut.",
    ],
)
def test_the_person_whose_title_names_another_is_the_actor(text):
    """'kuasa hukum X, Y': X only completes Y's title; Y denies, not X."""
    sources = [e[1] for e in _events(text) if e[0] == "016"]
    assert sources == ["Rina Kartika"]


def test_a_spokesman_of_an_office_holder_speaks_for_himself():
    events = _events(
        "Juru bicara Gubernur Jawa Tengah Slamet Riyadi, Dewi Anggraini, mengkritik keputusan DPR."
    )
    assert [(e[0], e[1]) for e in events] == [("111", "Dewi Anggraini")]


def test_a_body_spelt_out_in_brackets_after_a_preposition_is_no_subject():
    """'X dari KWI (Konferensi Waligereja Indonesia) mengecam': the expansion stands for KWI,
    which is in the phrase 'dari KWI'; the subject is X."""
    events = _events(
        "Agus Santosa dari KWI (Konferensi Waligereja Indonesia) mengecam keputusan Bupati Sidoarjo."
    )
    assert [(e[0], e[1]) for e in events] == [("111", "Agus Santosa")]


def test_a_body_spelt_out_in_brackets_is_still_the_subject():
    events = _events("Komisi Nasional Hak Asasi Manusia (Komnas HAM) mengecam keputusan Bupati Sidoarjo.")
    assert [(e[0], e[2]) for e in events] == [("111", "IDNGOV")]


@pytest.mark.parametrize(
    "text",
    [
        "Ia menyampaikan hal itu seusai bertemu Presiden Rusia Ivan Petrov dan Presiden Turki Mehmet Yilmaz "
        "di Ankara.",
        "Usai bertemu Presiden Rusia Ivan Petrov dan Presiden Turki Mehmet Yilmaz di Ankara, ia menggelar "
        "konferensi pers.",
    ],
)
def test_those_met_by_a_verb_without_subject_do_not_meet_each_other(text):
    assert not any(e[1] == "Ivan Petrov" and e[3] == "Mehmet Yilmaz" for e in _events(text))


def test_the_staff_of_a_body_keep_their_noun():
    """'pegawai KPK' are the commission's staff: the actor's name says so, its code is the body's."""
    events = _events("Sejumlah pegawai KPK menolak keras Rudi Hartanto sebagai pimpinan lembaga itu.")
    assert [(e[0], e[2]) for e in events] == [("120", "IDNGOV")]
    assert "pegawai" in events[0][1]


@pytest.mark.parametrize(
    "text, name",
    [
        (
            "DPD Partai Demokrat Jawa Timur mengecam keputusan Bupati Sidoarjo.",
            "DPD Partai Demokrat Jawa Timur",
        ),
        ("DPP PDI Perjuangan mengecam keputusan Bupati Sidoarjo.", None),
    ],
)
def test_a_board_named_before_a_party_is_the_partys(text, name):
    """'DPD Golkar' is the party's regional board, not the regional senate (DPD) of the state."""
    events = _events(text)
    assert [(e[0], e[2]) for e in events] == [("111", "IDNPTY")]
    if name:
        assert events[0][1] == name


def test_the_regional_senate_alone_stays_a_legislature():
    events = _events("Dewan Perwakilan Daerah (DPD) mengecam keputusan Bupati Sidoarjo.")
    assert [(e[0], e[2]) for e in events] == [("111", "IDNLEG")]


def test_a_person_after_the_party_body_of_his_title_takes_its_role():
    events = _events(
        "Ketua DPD Golkar Jawa Tengah Anton Saputra mendukung Budi Santoso sebagai ketua umum partai."
    )
    assert [(e[0], e[1], e[2]) for e in events] == [("051", "Anton Saputra", "IDNPTY")]


def _with_lead(lead: str, text: str) -> list[tuple[str, str | None, str | None, str | None, str | None]]:
    pipe = get_pipeline("id")
    article = pipe.run(pipe.make_document(lead + text, published="2024-03-20T09:00:00+07:00"))
    return [
        (
            e.code,
            e.source.name if e.source else None,
            e.source.actor_code if e.source else None,
            e.target.name if e.target else None,
            e.target.actor_code if e.target else None,
        )
        for e in article.events
        if e.evidence.text in text
    ]


ARRESTS = "Polisi Malaysia menahan ratusan orang di Kuala Lumpur. "


def test_officials_telling_of_detentions_are_not_the_detained():
    """'sumber pejabat X menyatakan mereka ditahan': 'they' are the detained, not the officials
    who tell (hand check seed 28: the officials were the target)."""
    events = _with_lead(
        ARRESTS, "Namun sumber pejabat Malaysia menyatakan mereka ditahan atas dasar undang-undang keamanan."
    )
    assert not any(e[4] and e[4].endswith("GOV") for e in events)


def test_activists_telling_of_their_arrest_are_the_arrested():
    events = _with_lead(ARRESTS, "Para aktivis mengatakan mereka ditangkap tanpa alasan yang jelas.")
    assert [(e[0], e[2], e[3]) for e in events] == [("173", "MYSCOP", "Para aktivis")]


def test_netizens_are_an_actor():
    events = _events("Lewat akun media sosialnya, PKS mengajak warganet mengibarkan bendera setengah tiang.")
    assert [(e[0], e[3], e[4]) for e in events] == [("020", "warganet", "IDNCVL")]


@pytest.mark.parametrize(
    "text",
    [
        "Massa pro Bambang Wijaya mengecam keputusan Bupati Sidoarjo.",
        "Massa anti Bambang Wijaya mengecam keputusan Bupati Sidoarjo.",
        "Massa pro-Bambang Wijaya mengecam keputusan Bupati Sidoarjo.",
    ],
)
def test_the_side_a_group_stands_for_is_no_actor(text):
    """'massa pro-Beijing' is a crowd for Beijing, not Beijing (seed 75: a headline clash of
    'Massa Pro Beijing' coded as China)."""
    events = _events(text)
    assert [(e[0], e[1]) for e in events] == [("111", "Massa")]
