"""Indonesian domestic actors as pack data (issue 12): institutions and their short names, people
coded by the office the article gives them, a country word inside a proper name, and news agencies
as MED organisations. Every sentence here is invented for the test."""

from __future__ import annotations

import pytest

from kabar.document import Document
from kabar.entities import Entities
from kabar.lang import load_pack
from kabar.model import Entity
from kabar.segment import Segmenter


@pytest.fixture(scope="module")
def run():
    pack = load_pack("id")
    segment = Segmenter(pack)
    stage = Entities(pack)

    def _run(text: str) -> list[Entity]:
        doc = Document(source="<test>", raw=text, pack=pack)
        doc.article.body = text
        segment(doc)
        stage(doc)
        return doc.article.entities

    return _run


def codes(entities: list[Entity]) -> dict[str, str | None]:
    return {e.name: e.actor_code for e in entities}


@pytest.mark.parametrize(
    ("sentence", "name", "code"),
    [
        ("Kemenkumham memberi remisi.", "Kementerian Hukum dan Hak Asasi Manusia", "IDNGOV"),
        ("Komdigi memblokir ribuan situs judi pekan lalu.", "Kementerian Komunikasi dan Digital", "IDNGOV"),
        (
            "Kementerian Komunikasi dan Digital (Komdigi) memanggil operator.",
            "Kementerian Komunikasi dan Digital",
            "IDNGOV",
        ),
        ("Petugas Basarnas menyisir pantai.", "Badan Nasional Pencarian dan Pertolongan", "IDNGOV"),
        ("Bea Cukai menyita dua kontainer tekstil.", "Direktorat Jenderal Bea dan Cukai", "IDNGOV"),
        ("Densus 88 menangkap seorang terduga di Bekasi.", "Detasemen Khusus 88", "IDNCOP"),
        # the national police's criminal investigation body, named without "Polri" (issue 11)
        ("Penyidik Bareskrim memeriksa seorang saksi di Jakarta.", "Badan Reserse Kriminal Polri", "IDNCOP"),
        # a directorate general by its short head word (issue 11): a body, not a person
        ("Kepala UPT Ditjen Perkeretaapian meninjau perlintasan itu.", "Ditjen Perkeretaapian", "IDNGOV"),
        # a former president, Indonesian in an article about a foreign visitor (issue 11)
        ("Mantan Perdana Menteri Timor Leste Xanana Gusmao berziarah ke makam Habibie.", "Bacharuddin Jusuf Habibie", "IDNELI"),
        ("Pasukan Kopassus ikut dalam latihan gabungan.", "Komando Pasukan Khusus", "IDNMIL"),
        ("Badan Legislasi DPR menunda pembahasan rancangan itu.", "Badan Legislasi DPR", "IDNLEG"),
        ("Perwakilan PBNU hadir dalam rapat itu.", "Nahdlatul Ulama", "IDNREL"),
        ("Fatwa itu dikeluarkan MUI pekan lalu.", "Majelis Ulama Indonesia", "IDNREL"),
        ("Perindo dan Hanura belum menentukan sikap.", "Partai Persatuan Indonesia", "IDNPTY"),
        ("Para aktivis KontraS berunjuk rasa di depan gedung itu.", "KontraS", "IDNNGO"),
        # a company's regional unit, its name ending in the region: no person after the head
        (
            "Menanggapi kabar itu, PT Sinar Nusa Cabang Maluku mengimbau warga agar tenang.",
            "PT Sinar Nusa Cabang Maluku",
            "IDNBUS",
        ),
    ],
)
def test_institutions_and_their_short_names(run, sentence, name, code):
    assert codes(run(sentence)).get(name) == code


def test_a_numbered_commission_and_a_named_one_are_the_legislature(run):
    found = codes(run("Komisi III DPR menggelar rapat. Sehari kemudian Komisi Hukum DPR memanggil jaksa."))
    assert found["Komisi III DPR"] == "IDNLEG"
    assert found["Komisi Hukum DPR"] == "IDNLEG"  # a body of the DPR, not a government commission


@pytest.mark.parametrize(
    ("sentence", "person", "code"),
    [
        ("Wakil Ketua KPK Saut Situmorang mengatakan saksi sudah diperiksa.", "Saut Situmorang", "IDNGOV"),
        ("Ketua Umum PBNU Ahmad Fauzan meminta warga tenang.", "Ahmad Fauzan", "IDNREL"),
        ("Koordinator KontraS Dewi Lestari mengatakan laporan sudah dikirim.", "Dewi Lestari", "IDNNGO"),
        (
            "Rektor Universitas Indonesia Budi Hartanto mengatakan kampus tetap buka.",
            "Budi Hartanto",
            "IDNEDU",
        ),
        ("Gubernur Bank Indonesia Rudi Santoso mengatakan inflasi terkendali.", "Rudi Santoso", "IDNGOV"),
    ],
)
def test_a_person_takes_the_code_of_the_office_the_article_gives(run, sentence, person, code):
    assert codes(run(sentence)).get(person) == code


def test_a_role_less_title_before_an_institute_still_gives_no_role(run):
    found = codes(run("Direktur Eksekutif Institut Kajian Rusia, Ivan Petrov, mengatakan hal itu."))
    assert found.get("Ivan Petrov") == "RUS"


@pytest.mark.parametrize(
    ("sentence", "name", "code"),
    [
        (
            "Wahana Lingkungan Hidup Indonesia (Walhi) menggugat.",
            "Wahana Lingkungan Hidup Indonesia",
            "IDNNGO",
        ),
        ("Indonesia Police Watch meminta kasus itu dibuka kembali.", "Indonesia Police Watch", "IDNNGO"),
        ("Indonesia Corruption Watch mencatat ratusan kasus.", "Indonesia Corruption Watch", "IDNNGO"),
        ("Bank Indonesia menahan suku bunga acuan.", "Bank Indonesia", "IDNGOV"),
        ("Universitas Indonesia membuka jalur masuk baru.", "Universitas Indonesia", "IDNEDU"),
    ],
)
def test_a_country_word_inside_a_name_is_not_the_country(run, sentence, name, code):
    entities = run(sentence)
    assert codes(entities).get(name) == code
    assert not any(e.type == "GPE" for e in entities), [e.name for e in entities]


def test_walhi_and_its_full_name_are_one_entity(run):
    entities = run("Wahana Lingkungan Hidup Indonesia (Walhi) menggugat izin itu. Walhi juga melapor.")
    walhi = [e for e in entities if e.actor_code == "IDNNGO"]
    assert len(walhi) == 1 and len(walhi[0].mentions) == 3


@pytest.mark.parametrize(
    ("sentence", "name", "code"),
    [
        ("Kabar itu dilaporkan kantor berita AFP pada Senin.", "Agence France-Presse", "FRAMED"),
        ("Menurut Reuters, kapal itu berlayar tanpa izin.", "Reuters", "GBRMED"),
        ("KCNA melaporkan uji coba rudal baru.", "Korean Central News Agency", "PRKMED"),
        ("Kantor berita Fars menyebut dua orang tewas.", "Fars News Agency", "IRNMED"),
        ("Xinhua mengutip seorang pejabat setempat.", "Xinhua", "CHNMED"),
        ("Menurut laporan Aljazeera, bantuan belum tiba.", "Al Jazeera", "QATMED"),
        ("Kabar itu dikutip dari kantor berita ANTARA.", "Lembaga Kantor Berita Nasional Antara", "IDNMED"),
    ],
)
def test_news_agencies_are_organisations_with_a_country_and_the_media_role(run, sentence, name, code):
    entities = run(sentence)
    assert codes(entities).get(name) == code
    assert next(e for e in entities if e.name == name).type == "ORG"


def test_the_publishers_own_credit_is_no_entity(run):
    entities = run("Hal itu disampaikan Ahmad Yani kepada Kompas.com di Jakarta, Senin.")
    assert not any(e.actor_code == "IDNMED" for e in entities)


def test_an_indonesian_ministry_named_with_a_territory_abroad_is_that_territorys(run):
    entities = run("Kementerian Kesehatan Gaza mengatakan korban bertambah.")
    found = {e.name: (e.country, e.actor_code) for e in entities}
    assert found["Kementerian Kesehatan Gaza"] == ("PSE", "PSEGOV")


def test_antara_the_common_word_is_no_agency(run):
    entities = run("Antara lain, warga meminta jalan itu diperbaiki.")
    assert not any(e.actor_code == "IDNMED" for e in entities)


@pytest.mark.parametrize(
    ("sentence", "mention", "code"),
    [
        ("Kemendagri Saudi mengatakan api sudah padam.", "Kemendagri Saudi", "SAUGOV"),
        ("Juru bicara Kementerian Dalam Negeri (Kemendagri) India belum menjawab.", "Kemendagri", "INDGOV"),
        ("Kemendagri menerbitkan surat edaran baru.", "Kemendagri", "IDNGOV"),
    ],
)
def test_an_indonesian_short_name_with_a_foreign_country_after_it_is_the_counterpart(
    run, sentence, mention, code
):
    entities = run(sentence)
    assert next(e.actor_code for e in entities if any(m.text == mention for m in e.mentions)) == code


def test_a_ministry_name_every_country_has_is_not_taken_for_indonesias(run):
    entities = run("Presiden itu memerintahkan Kementerian Keuangan menaikkan tarif.")
    assert not any(e.country == "IDN" for e in entities)


def test_the_parties_named_like_foreign_ones_are_not_indonesian(run):
    entities = run("Senator Partai Demokrat itu berselisih dengan pemimpin Partai Buruh.")
    assert not any(e.country == "IDN" for e in entities)


def test_a_title_that_exists_in_one_country_yields_to_the_country_written_after_it(run):
    entities = run("Menurut KSAD Kanada, Jenderal Wayne Eyre, latihan itu berhasil.")
    assert not any(e.country == "IDN" for e in entities)


@pytest.mark.parametrize(
    "sentence",
    [
        "Mantan menteri itu dirawat di Rumah Sakit Pusat Angkatan Darat (RSPAD) Gatot Soebroto, Jakarta, sejak Senin.",
        "Wakil Presiden menjenguk mantan menteri itu di RSPAD Gatot Soebroto pada Selasa.",
    ],
)
def test_a_hospital_named_after_a_general_is_no_person(run, sentence):
    entities = run(sentence)
    assert [e.type for e in entities if e.name == "RSPAD Gatot Soebroto"] == ["LOC"]
    assert not [e for e in entities if e.type == "PER" and "Gatot" in e.name]


def test_the_national_youth_committee_is_no_state_body(run):
    entities = run("Komite Nasional Pemuda Indonesia (KNPI) mendesak pemerintah membentuk badan khusus.")
    assert codes(entities).get("Komite Nasional Pemuda Indonesia") == "IDNNGO"


def test_an_honorific_yields_to_the_role_the_knowledge_base_knows(run):
    """'Prof' says the known former president is an academic; the knowledge base knows him as one
    of the elites. A professor the knowledge base does not know stays an academic."""
    found = codes(run("Warga berduka atas berpulangnya Prof DR BJ Habibie. Prof Budi Hartanto hadir di sana."))
    assert found.get("Bacharuddin Jusuf Habibie") == "IDNELI"
    assert found.get("Budi Hartanto") == "IDNEDU"


@pytest.mark.parametrize(
    ("sentence", "name", "code"),
    [
        ("Aliansi Mahasiswa Papua menggelar aksi di Jakarta.", "Aliansi Mahasiswa Papua", "IDNEDU"),
        (
            "Ketua Himpunan Pengusaha Muda Indonesia (Hipmi) Mardani menggelar rapat kerja di Jakarta.",
            "Himpunan Pengusaha Muda",
            "IDNBUS",
        ),
        # a state organ a body watches is not what the body is
        (
            "Forum Masyarakat Peduli Parlemen Indonesia menggelar diskusi.",
            "Forum Masyarakat Peduli Parlemen",
            "IDN",
        ),
    ],
)
def test_a_body_named_with_its_country_takes_the_role_of_a_word_of_its_name(run, sentence, name, code):
    """The country in the name gave the country; a role word inside the name gives the role."""
    assert codes(run(sentence)).get(name) == code


# Seed 44 #37 (issue 11): "KBRI Australia" is Indonesia's embassy in Australia, and a body named
# after another with "dan" is a second body, not part of the first's name.
@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("KBRI Kuala Lumpur memprotes penangkapan nelayan.", "KBRI Kuala Lumpur"),
        ("Petugas KJRI Jeddah menjemput para jemaah.", "KJRI Jeddah"),
        ("Polri berkoordinasi dengan Kementerian Luar Negeri dan KBRI Australia.", "KBRI Australia"),
    ],
)
def test_an_indonesian_mission_abroad_is_indonesian(run, sentence, name):
    assert codes(run(sentence)).get(name) == "IDNGOV"


def test_a_court_named_after_a_foreign_city_stays_that_countrys(run):
    found = codes(run("Pengadilan Tinggi Kuala Lumpur menolak banding Najib Razak."))
    assert found.get("Pengadilan Tinggi Kuala Lumpur") == "MYSJUD"


def test_two_bodies_joined_by_dan_are_two_entities(run):
    found = codes(run("Polri berkoordinasi dengan Kementerian Luar Negeri dan KBRI Australia."))
    assert "Kementerian Luar Negeri dan KBRI Australia" not in found
    assert found.get("Kementerian Luar Negeri") == "IDNGOV"
    found = codes(run("Warga mengadu ke Kementerian Hukum dan Hak Asasi Manusia di Jakarta."))
    assert "Kementerian Hukum dan Hak Asasi Manusia" in found
