"""Issue 11, law enforcement in national news: naming suspects, arrests and their targets, on
invented sentences in the style of crime and court news, with the readings that must give nothing."""

from __future__ import annotations

import pytest
from eventdocs import PUBLISHED, run  # noqa: F401 - the shared fixtures

from kabar.document import Document
from kabar.entities import Entities
from kabar.lang import load_pack
from kabar.segment import Segmenter

@pytest.mark.parametrize(
    "body",
    [
        # the suspect's title makes the object long: 'tersangka' stands 8-11 words after the verb
        "KPK pada Senin menetapkan mantan Direktur Utama PT Sinar Jaya Budi Santoso sebagai tersangka.",
        "KPK menetapkan Budi Santoso beserta asisten pribadinya, Agus Salim, sebagai tersangka.",
        "KPK menetapkan Budi Santoso dan ajudan pribadinya, Agus Salim, sebagai tersangka kasus suap.",
    ],
)
def test_naming_a_suspect_with_a_long_object(run, body):
    """'menetapkan X sebagai tersangka' (173, the agency to the suspect), however long X's phrase
    (a former director is coded as a former official, ELI)."""
    named = {("173", "IDNGOV", "IDNGOV"), ("173", "IDNGOV", "IDNELI")}
    assert named & set(run(body))


def test_the_one_named_a_suspect_is_the_actor_before_sebagai(run):
    # "menetapkan mantan Managing Director PES Pte Ltd dan mantan Direktur Utama Petral Bambang
    # Irianto sebagai tersangka": the suspect, past an organisation inside his titles
    body = (
        "KPK menetapkan mantan Direktur Pelaksana Lembaga Kajian Hukum (LKH) Cabang Surabaya dan "
        "mantan Direktur Utama PT Sinar Jaya Budi Santoso sebagai tersangka."
    )
    assert [target for code, _, target in run(body) if code == "173"] == ["IDNELI"]


def test_the_suspect_set_off_by_commas_before_sebagai(run):
    # "menetapkan bekas Presiden Direktur Pertamina Energy Services Pte Ltd, Bambang Irianto, sebagai"
    import kabar

    body = "KPK menetapkan bekas Presiden Direktur PT Sinar Jaya Energi Pte Ltd, Budi Santoso, sebagai tersangka."
    article = kabar.extract(body, published=PUBLISHED)
    assert [e.target.name for e in article.events if e.code == "173" and e.target] == ["Budi Santoso"]
    # after another person the first one is read: both were named suspects
    body = "KPK menetapkan Budi Santoso beserta asisten pribadinya, Agus Salim, sebagai tersangka."
    assert [target for code, _, target in run(body) if code == "173"] == ["IDNGOV"]


@pytest.mark.parametrize(
    "body",
    [
        # the suspect is no known actor: the role after 'sebagai' is no target
        "Polda Jawa Timur menetapkan Joko sebagai tersangka pada Senin.",
        "Polda Jawa Timur menetapkan tiga saksi sebagai tersangka pada Senin.",
        # 'tersangka' far away, in another clause: no naming of a suspect
        "DPR menetapkan Budi Santoso sebagai ketua komisi meski pernah diperiksa, bukan sebagai tersangka.",
    ],
)
def test_no_suspect_no_target(run, body):
    assert not [e for e in run(body) if e[0] == "173"]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # unnamed suspects counted are the target (CRM, as 'menangkap tiga tersangka' already was)
        ("Polda Jawa Timur menetapkan 47 tersangka pembakaran lahan.", ("173", "IDNCOP", "IDNCRM")),
        ("Polda Jawa Timur menetapkan dua orang tersangka dalam kasus itu.", ("173", "IDNCOP", "IDNCRM")),
        # the bare frame word is no object: the one named after 'kepada' / 'pada' is
        ("Polda Jawa Timur menetapkan tersangka kepada Budi Santoso.", ("173", "IDNCOP", "IDNGOV")),
        # the passive after a subordinator: the main clause's subject when it has no object
        ("Budi Santoso mengundurkan diri usai ditetapkan tersangka oleh KPK.", ("173", "IDNGOV", "IDNGOV")),
    ],
)
def test_suspects_named_in_other_frames(run, body, expected):
    assert expected in run(body)


@pytest.mark.parametrize(
    "body",
    [
        # 'tersangka' right after the passive is what the subject was made, not its agent
        "Budi Santoso ditetapkan tersangka dan kini ditahan di rumah tahanan.",
        "Dari 40 laporan di Jawa Timur ditetapkan 13 tersangka.",
        # the main clause has an object: who was named a suspect is left open
        "Agus Salim bertemu dengan Budi Santoso usai ditetapkan tersangka oleh KPK.",
    ],
)
def test_no_suspect_as_agent_and_no_guess(run, body):
    assert not [e for e in run(body) if e[0] == "173" and (e[1] == "IDNCRM" or e[2] == "IDN")]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # an unnamed man or woman arrested, known by initials: a civilian of the home country
        ("Polisi mengamankan seorang pria berinisial AIS (34) di Sumedang.", ("173", "IDNCOP", "IDNCVL")),
        (
            "Pria berinisial RM (27) ditangkap polisi karena melakukan pembunuhan.",
            ("173", "IDNCOP", "IDNCVL"),
        ),
        ("Polda Jawa Timur menangkap dua pemuda yang membawa bom molotov.", ("173", "IDNCOP", "IDNCVL")),
    ],
)
def test_unnamed_people_arrested(run, body, expected):
    assert expected in run(body)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # a person known by initials only (events.yaml initials): next to a verb of arrest or charge
        ("Polisi menangkap BR dan RM di atas kapal di perairan Selat Malaka.", ("173", "IDNCOP", "IDNCVL")),
        (
            "Polda Jawa Timur menggelar jumpa pers. FBK sebelumnya ditangkap di Jayapura.",
            ("173", "IDNCOP", "IDNCVL"),
        ),
        ("Polda Jawa Timur menetapkan AB sebagai tersangka.", ("173", "IDNCOP", "IDNCVL")),
    ],
)
def test_people_known_by_initials(run, body, expected):
    assert expected in run(body)


@pytest.mark.parametrize(
    "body",
    [
        "Pemerintah Bambang Wijaya menahan US$ 60 juta bantuan untuk Indonesia.",  # a currency
        "Terdakwa II Agus Salim ditahan di rumah tahanan.",  # a roman numeral
        "Polda Jawa Timur menggelar jumpa pers. BNPB sebelumnya menyampaikan data.",  # no legal verb
    ],
)
def test_capitals_that_are_no_initials(run, body):
    assert not [e for e in run(body) if e[2] == "IDNCVL"]


def test_the_victim_of_a_crime_is_no_side_of_the_investigation(run):
    """'menyelidiki kasus pembunuhan X': X is the victim (events.yaml patient_nouns)."""
    events = run("Polisi menyelidiki kasus pembunuhan pria asal Jepang yang ditemukan tewas di rumahnya.")
    assert not [e for e in events if e[0] == "090"]


def test_an_agent_named_right_after_a_lead_passive(run):
    """A lead 'X telah ditetapkan sebagai tersangka.' followed by 'Polisi ...': with no agency named
    before it, the police named in the words right after it acted (settings.implicit_agent_ahead)."""
    body = "Budi Santoso telah ditetapkan sebagai tersangka. Polisi lantas mengungkap motifnya."
    assert ("173", "IDNCOP", "IDNGOV") in run(body)


def test_reporting_someone_to_the_police_verb(run):
    assert ("115", "IDN", "IDNGOV") in run("Agus Salim mempolisikan Budi Santoso atas pencemaran nama baik.")


@pytest.mark.parametrize(
    "body",
    [
        "Ratusan polisi mengamankan aksi mahasiswa di depan gedung DPR.",
        "Polda Jawa Timur mengamankan kantor DPP Partai Maju di Surabaya.",
    ],
)
def test_securing_a_protest_or_an_office_is_no_arrest(run, body):
    """'mengamankan' is also to guard: not before a protest, an office, a place or goods."""
    assert not [e for e in run(body) if e[0] == "173"]


def test_securing_people_is_an_arrest(run):
    assert ("173", "IDNCOP", "IDNCVL") in run(
        "Polda Jawa Timur mengamankan dua pemuda yang membawa senjata tajam."
    )


def test_a_place_is_no_court_or_police(run):
    """The place ending an unrecognised court's name is no source of a legal act."""
    body = (
        "Majelis hakim pengadilan Tindak Pidana Korupsi Surabaya memvonis Budi Santoso empat tahun penjara."
    )
    assert not [e for e in run(body) if e[0] == "116" and e[1] == "IDN"]


@pytest.fixture(scope="module")
def entities():
    pack = load_pack("id")
    segment, stage = Segmenter(pack), Entities(pack)

    def _run(text: str):
        doc = Document(source="<test>", raw=text, pack=pack)
        doc.article.body = text
        segment(doc)
        stage(doc)
        return doc.article.entities

    return _run


@pytest.mark.parametrize(
    "text",
    [
        "Polisi menangkap seorang pria berinisial AS di Bandung pada Senin.",
        "Polres Bogor menetapkan pemuda berinisial RIA (31) sebagai tersangka.",
    ],
)
def test_initials_after_berinisial_are_no_known_actor(entities, text):
    """'berinisial AS': a person's initials (entities.yaml initial_cues), not the United States or
    a news agency whose acronym they spell."""
    found = entities(text)
    assert not [e for e in found if e.country not in (None, "IDN") or e.actor_code in ("USA", "RUSMED")]


@pytest.mark.parametrize(
    "text",
    [
        "Di antara tersangka ada pasangan suami istri MA (21) dan AS (19) yang baru menikah.",
        "Polisi menangkap MA (35) di Medan pada Senin.",
    ],
)
def test_initials_with_an_age_are_no_known_actor(entities, text):
    """'MA (21)': news gives a person's age in brackets after the initials; they are not the
    Supreme Court (MA) or the United States (AS) whose acronyms they spell."""
    found = entities(text)
    assert not [e for e in found if e.actor_code in ("IDNJUD", "USA")]


def test_an_acronym_explained_in_brackets_is_still_the_body(entities):
    found = entities("Hakim MA (Mahkamah Agung) menolak kasasi jaksa pada Senin.")
    assert [e.actor_code for e in found if e.actor_code == "IDNJUD"]


def test_a_letter_banning_travel_is_the_ban(run):
    # "KPK telah mengirimkan surat pelarangan ke luar negeri terhadap X": a travel ban (172), not a
    # statement
    body = "KPK telah mengirimkan surat pencegahan ke luar negeri terhadap Budi Santoso, Senin (18/3/2024)."
    assert [(code, target) for code, _, target in run(body)] == [("172", "IDNGOV")]
