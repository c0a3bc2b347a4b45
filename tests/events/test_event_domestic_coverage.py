"""Issue 11: events of national news that gave none (a passive legal act without its agent, ...),
each on invented sentences, with the sense that must give nothing."""

from __future__ import annotations

import pytest
from eventdocs import PUBLISHED, make_doc, run  # noqa: F401 - the shared fixtures

import kabar
from kabar.events import EventExtractor
from kabar.lang import load_pack
from kabar.segment import Segmenter

@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "Polda Jawa Timur menggelar jumpa pers di Surabaya. Ahmad Rahman ditetapkan sebagai "
            "tersangka kasus suap.",
            ("173", "IDNCOP", "MYSGOV"),
        ),
        (
            "KPK menggelar jumpa pers di Jakarta. Ahmad Rahman ditetapkan sebagai tersangka kasus suap.",
            ("173", "IDNGOV", "MYSGOV"),
        ),
        ("Ahmad Rahman ditahan di Polda Jawa Timur sejak Senin.", ("173", "IDNCOP", "MYSGOV")),
    ],
)
def test_a_passive_legal_act_takes_the_agency_named_around_it(run, body, expected):
    """'X ditetapkan sebagai tersangka', 'X ditahan': the police, the prosecutors or the KPK named
    shortly before (or after, in the sentence) acted (implicit_agent, agent_roles in events.yaml)."""
    assert expected in run(body)


@pytest.mark.parametrize(
    "body",
    [
        "Polda Jawa Timur menggelar jumpa pers. Ahmad Rahman ditahan oleh petugas bandara.",  # own agent
        "KPK menggelar jumpa pers di Jakarta. Ahmad Rahman divonis lima tahun penjara.",  # KPK judges no one
        "Budi Santoso menggelar jumpa pers. Ahmad Rahman ditetapkan sebagai tersangka.",  # no agency named
    ],
)
def test_no_agency_no_implicit_agent(run, body):
    assert not {code for code, _, _ in run(body)} & {"173", "116"}


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Polda Jawa Timur menangkap Agus Salim di Surabaya, Senin.", ("173", "IDNCOP", "IDN")),
        ("Budi Santoso menjenguk Agus Salim di rumah sakit di Jakarta, Senin.", ("042", "IDNGOV", "IDN")),
        ("Budi Santoso menyampaikan ucapan bela sungkawa kepada Malaysia.", ("018", "IDNGOV", "MYS")),
    ],
)
def test_domestic_acts_on_private_persons(run, body, expected):
    """A person of the home country coded with the country alone is a side of a domestic act, not
    the source's own state; visiting a sick person is a visit; condolences in two words."""
    assert expected in run(body)


def test_suddenly_is_no_arrival(run):
    """'tiba-tiba' (suddenly) is an idiom, not 'tiba' (to arrive)."""
    found = run("Budi Santoso tiba-tiba datang menemui wartawan di Malaysia.")
    assert not any(code == "042" for code, _, _ in found)


def test_an_actor_naming_a_law_is_no_subject(run):
    """'revisi UU KPK yang ...', 'RUU KPK': the actor after a document word names the law."""
    found = run("Massa pendukung revisi UU KPK memberi apresiasi kepada Polda Jawa Timur.")
    assert ("051", "IDNGOV", "IDNCOP") not in found


def test_the_public_is_the_side_appealed_to(run):
    """'masyarakat' alone (no quantity word before it) is the public: generic_actors.tsv."""
    assert ("020", "IDNGOV", "IDNCVL") in run("Budi Santoso mengimbau masyarakat agar tetap tenang.")


def test_a_headline_light_verb_without_its_prefix(run):
    """Headlines drop meN-: 'Gelar', 'Lancarkan' before an event noun are light verbs there."""
    pack = load_pack("id")
    stage, segmenter = EventExtractor(pack), Segmenter(pack)
    doc = make_doc(
        segmenter,
        "Menurut Malaysia, hal itu terjadi pada Senin, kata Filipina.",
        PUBLISHED,
        title="Malaysia Lancarkan Operasi Militer di Filipina",
    )
    stage(doc)
    events = [e for e in doc.article.events if e.source and e.target]
    found = [(e.code, e.source.actor_code, e.target.actor_code) for e in events]
    assert ("190", "MYS", "PHL") in found


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Malaysia mendesak diakhirinya kekerasan di perbatasan.", ("020", "MYS", None)),
        ("Budi Santoso menyerukan seluruh dunia untuk menahan diri.", ("020", "IDNGOV", None)),
    ],
)
def test_an_urging_is_an_appeal_to_no_side_named(run, body, expected):
    """'mendesak', 'menyerukan', 'mengimbau', 'mengajak' appeal even when no side is named."""
    assert expected in run(body)


@pytest.mark.parametrize(
    "body",
    [
        "Budi Santoso meminta izin untuk meninggalkan ruangan.",  # asking for something
        "Malaysia mendorong inovasi teknologi di kawasan.",  # promoting, not appealing
    ],
)
def test_asking_for_a_thing_is_no_appeal(run, body):
    assert not any(code == "020" for code, _, _ in run(body))


def test_a_generic_side_of_a_sentence_of_the_home_country(run):
    """'masyarakat' in a sentence naming only Indonesians is the Indonesian public, even in an
    article that names a foreign country elsewhere."""
    body = "Malaysia membantah laporan itu. Polda Jawa Timur mengimbau masyarakat agar tetap tenang."
    assert ("020", "IDNCOP", "IDNCVL") in run(body)


def test_he_after_menurut_is_its_speaker(run):
    """'Menurut X, ... . Ia ...': the person named after a verb of saying heads the sentence for
    the pronoun of the next one."""
    body = "Menurut Budi Santoso, laporan itu keliru. Ia mengecam Malaysia."
    assert ("111", "IDNGOV", "MYS") in run(body)


def test_tear_gas_released_is_force_against_the_crowd(run):
    """'melepaskan gas air mata untuk membubarkan massa': the police used force, the crowd its target."""
    found = run("Polda Jawa Timur terpaksa melepaskan gas air mata untuk membubarkan massa di Surabaya.")
    assert ("175", "IDNCOP", "IDNCVL") in found


def test_stones_thrown_at_the_police_are_a_violent_protest(run):
    assert ("145", "IDNEDU", "IDNCOP") in run("Ratusan mahasiswa melempari Polda Jawa Timur dengan batu.")
    # thrown at no side named: part of the protest told beside it, no event of its own
    assert not any(code == "145" for code, _, _ in run("Para mahasiswa sempat melempar batu di Surabaya."))


def test_a_title_whose_office_was_cut_out_before_the_named_subject(run):
    """'Kabid Humas , , Budi Santoso, mengecam ...': the scraper cut the office's name out."""
    assert ("111", "IDNGOV", "MYS") in run("Kabid Humas , , Budi Santoso, mengecam Malaysia.")


def test_talks_called_off_halt_negotiations(run):
    found = run("Malaysia membatalkan pembicaraan rahasia dengan Filipina di Manila, Senin.")
    assert ("164", "MYS", "PHL") in found


def test_received_at_the_palace_is_hosting(run):
    assert ("043", "IDNGOV", "MYSGOV") in run("Budi Santoso menerima Ahmad Rahman di Istana Negara, Senin.")
    # receiving a report names no visitor
    found = run("Budi Santoso menerima laporan Malaysia di kantornya.")
    assert not any(code == "043" for code, _, _ in found)


def test_claiming_an_attack(run):
    assert ("015", "PHLREB", None) in run("Front Pembebasan mengklaim serangan tersebut, Senin.")
    assert ("015", "PHLREB", None) in run("Front Pembebasan mengklaim bertanggungjawab atas ledakan itu.")
    # a side's claim of where the attack came from is no claim of responsibility
    assert not any(c == "015" for c, _, _ in run("Malaysia mengklaim serangan itu berasal dari Filipina."))


def _title_events(title: str, body: str = "Pejabat itu berbicara kepada wartawan pada Senin."):
    import kabar

    article = kabar.extract(body, lang="id", published=PUBLISHED, title=title)
    return [
        (e.code[:2], e.source.actor_code if e.source else None, e.target)
        for e in article.events
        if e.factual and e.evidence.where == "title"
    ]


def test_a_headline_show_of_force_stands_without_a_target():
    """A military exercise or alert in a headline is an event of its own (root 15), no target needed."""
    body = "Militer Kuwait menyiapkan pasukan di perbatasan pada Senin."
    assert ("15", "KWT", None) in _title_events("Iran-Arab Saudi Tegang, Kuwait Gelar Latihan Perang", body)


def test_a_headline_protest_without_its_protesters_gives_no_event():
    """'Demo Ricuh Jakarta' names where, not who: a headline protest needs the sides it names."""
    found = _title_events("Ketua DPR Jenguk Mahasiswa Usai Demo Ricuh Jakarta")
    assert not any(root == "14" for root, _, _ in found)


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Polisi Periksa Bupati Banjarsari Ahmad Rahman", ("09", "IDNCOP")),
        ("Polisi Tetapkan 15 Tersangka Pembakaran Lahan", ("17", "IDNCOP")),
        # a classifier's count is no name with the capitalised verb after it
        ("Dua Orang Ditangkap Polisi di Jakarta", ("17", "IDNCOP")),
    ],
)
def test_a_headline_common_noun_is_the_actor_it_is_in_the_body(title, expected):
    """Issue 11: 'Polisi' in a headline is the police, as 'polisi' in the body (generic_actors.tsv),
    of the country the article names."""
    found = _title_events(title, "Pemeriksaan berlangsung di Jakarta pada Senin.")
    assert expected in [(root, source) for root, source, _ in found]


def test_a_headline_common_noun_in_foreign_news_takes_no_home_country():
    body = "Penembakan terjadi di Chicago, Amerika Serikat, pada Senin. Presiden Amerika Serikat mengecam."
    assert not any(source == "IDNCOP" for _, source, _ in _title_events("Polisi Tangkap Dua Pelaku", body))


def test_a_one_way_act_is_not_a_clash_told_the_other_way_round():
    """'Mahasiswa Dianiaya Polisi' is the police's act: it does not turn the body's clash of students
    with the police into an assault by the students."""
    import kabar

    body = "Demo di depan Gedung DPR berakhir ricuh setelah mahasiswa terlibat bentrok dengan aparat keamanan."
    article = kabar.extract(body, lang="id", published=PUBLISHED, title="Mahasiswa Dianiaya Polisi di Jakarta")
    found = [(e.code, e.source.actor_code) for e in article.events if e.evidence.where == "body"]
    assert ("180", "IDNEDU") in found


def test_a_platform_places_no_story_abroad(run):
    """A crowd in an article that names a platform owned abroad ("akun Twitter") is still of the
    home country: the platform is no actor of that country."""
    body = (
        "Perkumpulan ormas Islam itu menggelar aksi di Jakarta, Selasa (19/3/2024). "
        "Warganet mengkritik spanduk aksi itu di akun Twitter."
    )
    assert ("141", "IDNCVL", None) in run(body)


def test_officials_after_a_group_word_are_the_government(run):
    body = "Menteri Budi Santoso meminta para pejabat baru fokus mengatasi kebakaran hutan, Selasa (19/3/2024)."
    assert ("020", "IDNGOV", "IDNGOV") in run(body)


def test_the_people_are_the_side_appealed_to(run):
    body = "Presiden Budi Santoso mengajak seluruh rakyat untuk mendoakan para korban, Selasa (19/3/2024)."
    assert ("020", "IDNGOV", "IDNCVL") in run(body)


def test_a_generic_word_inside_a_name_is_no_actor(run):
    # "Corong Rakyat" is a group's name: the crowd is the actor, not "Rakyat"
    body = "Ratusan massa aktivis Corong Rakyat menggelar aksi unjuk rasa di depan Gedung KPK, Selasa (19/3/2024)."
    article = kabar.extract(body, lang="id", published=PUBLISHED)
    assert [e for e in article.events if e.code == "141" and e.source.name == "Ratusan massa"]


def test_a_protest_against_a_bill_named_in_full_is_held_at_the_parliament(run):
    """The bill's abbreviation in brackets is no organisation and does not use up the window in which
    the protest's place ("di depan Gedung DPR") is looked for; the crowd joined in an alliance acts."""
    body = (
        "Massa yang tergabung dalam Aliansi Masyarakat untuk Keadilan Demokrasi berunjuk rasa menolak "
        "Rancangan Kitab Undang-Undang Hukum Pidana (RKUHP) di depan Gedung DPR RI, Rabu (20/3/2024)."
    )
    article = kabar.extract(body, lang="id", published=PUBLISHED)
    assert "RKUHP" not in {e.name for e in article.entities}
    assert [(e.code, e.source.name, e.target.actor_code) for e in article.events if e.target] == [
        ("141", "Massa", "IDNLEG")
    ]


def test_a_second_verb_phrase_after_an_objects_relative_clause_is_the_subjects(run):
    """ "X mempercepat pelantikan pimpinan KPK yang baru dan meminta DPR ...": X asks, not the KPK
    whose new leaders the relative clause describes."""
    body = (
        "Wakil Ketua DPR Fahri Hamzah mempercepat pelantikan pimpinan KPK yang baru dan meminta DPR "
        "memberhentikan pimpinan KPK saat ini, Rabu (20/3/2024)."
    )
    article = kabar.extract(body, lang="id", published=PUBLISHED)
    assert [(e.code, e.source.name) for e in article.events if e.code == "020"] == [("020", "Fahri Hamzah")]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "Wagub Bali juga mendesak DPR untuk mengkaji ulang Pasal RKUHP, Rabu (20/3/2024).",
            ("020", "IDNGOV", "IDNLEG"),
        ),
        (
            "Presiden Joko Widodo meminta maaf ke Presiden Timor Leste Xanana Gusmao karena tak bisa hadir, "
            "Rabu (20/3/2024).",
            ("055", "IDNGOV", "TLSGOV"),
        ),
    ],
)
def test_a_deputy_governor_and_an_apology_to_someone(body, expected):
    """A region's deputy head without his name is its government, not the region; an apology 'ke' X
    is addressed to X."""
    events = kabar.extract(body, lang="id", published=PUBLISHED).events
    assert expected in [(e.code, e.source.actor_code, e.target.actor_code if e.target else None) for e in events]


def test_a_place_closing_an_address_is_no_side_of_a_passive_act():
    """ "... di kebun tebu Desa X, Kecamatan Y, Kabupaten Malang, ditetapkan sebagai tersangka": the
    district ends the address of where the stabbing happened; it was not named a suspect."""
    body = (
        "Nasib ZA (17) pelajar yang menusuk seorang begal hingga tewas di kebun tebu Desa Gondanglegi "
        "Kulon, Kecamatan Gondanglegi, Kabupaten Malang, ditetapkan sebagai tersangka. Polres Malang "
        "menggelar jumpa pers, Rabu (20/3/2024)."
    )
    events = kabar.extract(body, lang="id", published=PUBLISHED).events
    assert not [e for e in events if e.target is not None and e.target.name == "Malang"]


def test_asking_a_witness_for_a_statement_is_questioning():
    """ "Polisi meminta keterangan X": the police question X (090), they make no appeal to X (020)."""
    body = "Polisi Polda Metro Jaya meminta keterangan keluarga korban di Jakarta, Rabu (20/3/2024)."
    events = kabar.extract(body, lang="id", published=PUBLISHED).events
    assert [(e.code, e.source.actor_code, e.target.name) for e in events] == [("090", "IDNCOP", "keluarga korban")]


@pytest.mark.parametrize(
    "body",
    [
        "Aliansi Badan Eksekutif Mahasiswa (BEM) Seluruh Indonesia (SI) menolak untuk menemui Presiden "
        "Joko Widodo di Istana Kepresidenan Jakarta, Rabu (20/3/2024).",
        "Aliansi BEM Seluruh Indonesia menolak menemui Presiden Joko Widodo di Istana, Rabu (20/3/2024).",
    ],
)
def test_a_student_alliance_of_all_indonesia_refuses_to_meet_the_president(body):
    """ "Seluruh Indonesia" says how far the alliance reaches: the state of Indonesia does not act.
    Refusing to meet is 125, also with 'untuk' between the verbs."""
    events = kabar.extract(body, lang="id", published=PUBLISHED).events
    sides = [(e.code, e.source.actor_code, e.target.actor_code if e.target else None) for e in events]
    assert sides == [("125", "IDNEDU", "IDNGOV")]


def test_a_joined_verb_phrase_after_a_prepositional_phrase_keeps_the_first_subject():
    """ "Masyarakat menutup telinga atas pembelaan pemerintah dan terus mendesak ...": the public
    demands; the government, inside the phrase after 'atas', does not."""
    body = (
        "Masyarakat menutup telinga atas semua pembelaan pemerintah dan terus mendesak agar revisi UU "
        "KPK tidak dilanjutkan, Rabu (20/3/2024)."
    )
    events = kabar.extract(body, lang="id", published=PUBLISHED).events
    assert [(e.code, e.source.actor_code) for e in events] == [("020", "IDNCVL")]
