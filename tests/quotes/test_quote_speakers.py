"""Who said it, across sentences and in the shapes real news writes: the full name of a person
NER cut short, a title's abbreviation inside the speaker phrase, the outlet after `dilansir`, an
unnamed source with its demonstrative, a statement pointing back to whoever issued it, an
organisation as the subject of a speech verb. Every sentence here is invented."""

from __future__ import annotations

import pytest
from quote_fixtures import document, finder

PER, ORG = "PER", "ORG"


def ent(eid: str, name: str, typ: str, *mentions: str) -> dict:
    return {"id": eid, "name": name, "type": typ, "mentions": list(mentions) or [name]}


def quotes(body: str, entities: list[dict]) -> list[tuple[str, str | None, str | None]]:
    doc = document(body, entities)
    finder()(doc)
    return [(q.text, q.speaker, q.speaker_name) for q in doc.article.quotes]


def speaker_of(body: str, entities: list[dict], start: str) -> tuple[str | None, str | None]:
    found = [(s, n) for text, s, n in quotes(body, entities) if text.startswith(start)]
    assert found, quotes(body, entities)
    return found[0]


def test_a_partial_quote_closing_the_sentence_after_a_long_complement():
    body = (
        "Gubernur Jawa Barat, Andi Saputra, dalam keterangan terpisah mengatakan bahwa keputusan "
        'untuk menutup jalan tol selama dua hari itu diambil "karena keselamatan pengendara lebih '
        'penting dari apa pun". Rapat darurat digelar pada Jumat malam.'
    )
    entities = [ent("e1", "Andi Saputra", PER)]
    assert speaker_of(body, entities, "karena keselamatan")[0] == "e1"


def test_the_whole_name_when_the_mention_covers_only_part_of_it():
    body = (
        "Pengamat hukum UGM, Hadi Wirawan Putra, menyebutkan, proses itu terlalu cepat. "
        '"Kami tidak dilibatkan sama sekali dalam pembahasan," ucapnya.'
    )
    entities = [ent("e1", "Wirawan Putra", PER)]
    assert speaker_of(body, entities, "Kami tidak") == ("e1", "Hadi Wirawan Putra")


def test_a_title_with_its_abbreviation_before_the_name():
    body = (
        '"Kami tidak bisa menunggu lebih lama lagi untuk membahasnya," ujar Ketua Badan Anggaran '
        "(Banggar) Said Hidayat di Kompleks Parlemen, Selasa."
    )
    entities = [ent("e1", "Said Hidayat", PER)]
    assert speaker_of(body, entities, "Kami tidak")[0] == "e1"


@pytest.mark.parametrize("lead", ["begitu dilansir", "demikian dilaporkan", "demikian dikutip"])
def test_the_outlet_a_wire_sentence_is_read_from(lead):
    body = f'"Pertemuan kedua pemimpin itu akan digelar pekan depan di Jenewa," {lead} Reuters pada Jumat.'
    entities = [ent("e1", "Reuters", ORG)]
    assert speaker_of(body, entities, "Pertemuan kedua")[0] == "e1"


def test_an_unnamed_source_keeps_its_demonstrative():
    body = (
        "Seorang wartawan kemudian bertanya soal harga bahan bakar kepada sang menteri. "
        '"Apakah harga solar akan naik bulan depan?" tanya wartawan itu.'
    )
    assert speaker_of(body, [], "Apakah harga") == (None, "wartawan itu")


def test_a_statement_pointing_back_goes_to_the_organisation_that_issued_it():
    body = (
        '"Kami menunggu hasil audit," kata Budi Hartono kepada wartawan.\n\n'
        "Dalam keterbukaan informasi di bursa, PT Sinar Abadi menyampaikan tanggapan atas laporan itu. "
        '"Kami sedang bekerja sama dengan otoritas terkait," tulis keterangan tersebut.'
    )
    entities = [ent("e1", "Budi Hartono", PER), ent("e2", "PT Sinar Abadi", ORG)]
    assert speaker_of(body, entities, "Kami sedang")[0] == "e2"


def test_an_organisation_named_as_the_one_who_spoke_then_a_continuation():
    body = (
        '"Situasi di perbatasan sudah tenang," kata Budi Hartono di Jakarta.\n\n'
        "Militer Thailand kemudian mengumumkan penarikan seluruh pasukan dari perbatasan. "
        '"Tidak ada lagi tentara kami di wilayah sengketa itu," tambahnya.'
    )
    entities = [ent("e1", "Budi Hartono", PER), ent("e2", "Militer Thailand", ORG)]
    assert speaker_of(body, entities, "Tidak ada lagi")[0] == "e2"


def test_a_person_named_since_still_wins_over_an_organisation_before_him():
    body = (
        "Militer Thailand mengumumkan penarikan seluruh pasukan dari perbatasan. "
        "Juru bicara militer Somchai Wong menegaskan penarikan itu bersifat sementara. "
        '"Kami bisa kembali kapan saja," tambahnya.'
    )
    entities = [ent("e1", "Somchai Wong", PER), ent("e2", "Militer Thailand", ORG)]
    assert speaker_of(body, entities, "Kami bisa")[0] == "e1"


def test_a_wing_of_an_organisation_after_an_adverbial_naming_a_person():
    body = (
        "Dalam pernyataan yang menyebut Budi sebagai komandannya, sayap bersenjata Front Rakyat "
        "mengatakan ia tewas dalam serangan pada Selasa malam."
    )
    entities = [ent("e1", "Budi", PER), ent("e2", "Front Rakyat", ORG)]
    assert quotes(body, entities) == [
        ("ia tewas dalam serangan pada Selasa malam", None, "sayap bersenjata Front Rakyat")
    ]


@pytest.mark.parametrize("subject", ["kelompok bersenjata", "pihak berwenang", "tersangka"])
def test_adjectives_and_legal_roles_of_verb_shape_stay_in_the_subject(subject):
    body = f"Dalam pemeriksaan, {subject} mengatakan bahwa gudang itu sudah kosong sejak Mei."
    (quote,) = quotes(body, [])
    assert quote[0] == "gudang itu sudah kosong sejak Mei"
    assert quote[2] is not None and quote[2].split()[0] == subject.split()[0]


def test_an_attribution_between_commas_right_before_the_quote():
    body = (
        'Serangan itu, sebut Front Rakyat, "sekali lagi menunjukkan watak asli lawan kami" '
        "sebelum perundingan dimulai."
    )
    entities = [ent("e1", "Front Rakyat", ORG)]
    assert speaker_of(body, entities, "sekali lagi")[0] == "e1"


def test_a_passive_speech_verb_naming_the_speaker_before_a_partial_quote():
    body = (
        "Dikatakan Front Rakyat bahwa catatan panjang tindakan lawan mereka "
        '"telah membuka mata seluruh dunia tentang apa yang terjadi".'
    )
    entities = [ent("e1", "Front Rakyat", ORG)]
    assert speaker_of(body, entities, "telah membuka")[0] == "e1"


def test_an_attribution_that_runs_on_to_the_next_quote():
    body = (
        '"Kami mengumumkan gugurnya komandan kami," demikian pernyataan Front Rakyat, '
        'menambahkan bahwa ia tewas "dalam serangan pengecut di rumahnya".'
    )
    entities = [ent("e1", "Front Rakyat", ORG)]
    assert [s for _, s, _ in quotes(body, entities)] == ["e1", "e1"]


def test_a_quote_far_into_a_sentence_said_by_its_subject():
    body = (
        "Menteri Budi Hartono menyebut larangan itu diambil saat kementerian melanjutkan apa yang "
        'disebutnya sebagai "kampanye tekanan ekonomi terhadap para penyelundup".'
    )
    entities = [ent("e1", "Budi Hartono", PER)]
    assert speaker_of(body, entities, "kampanye tekanan")[0] == "e1"


def test_a_title_quoted_far_into_a_sentence_is_no_quote():
    body = (
        "Budi Hartono mengaku tidak akan memenuhi panggilan polisi atas laporan ujaran kebencian "
        "terkait pidato berjudul 'Seruan Gagalkan Pemilihan Ketua'."
    )
    entities = [ent("e1", "Budi Hartono", PER)]
    assert not [t for t, _, _ in quotes(body, entities) if t.startswith("Seruan")]


def test_a_title_with_no_name_after_tambah_is_the_person_just_quoted():
    body = (
        '"Kita harus membalas setiap serangan," tulis Amir Salem di media sosial. '
        '"Tidak ada jalan lain bagi kita," tambah Menteri Keuangan sayap kanan Negeri Barat.'
    )
    entities = [ent("e1", "Amir Salem", PER)]
    assert speaker_of(body, entities, "Tidak ada jalan") == ("e1", "Amir Salem")


def test_a_title_with_no_name_after_kata_stays_a_description():
    body = (
        '"Kita harus membalas setiap serangan," tulis Amir Salem di media sosial. '
        '"Kami tidak setuju," kata Menteri Keuangan sayap kanan Negeri Barat.'
    )
    entities = [ent("e1", "Amir Salem", PER)]
    assert speaker_of(body, entities, "Kami tidak") == (None, "Menteri Keuangan sayap kanan Negeri Barat")


def test_a_document_with_a_demonstrative_is_no_speaker_pointing_back():
    body = (
        '"Kami menunggu hasil audit," kata Budi Hartono.\n\n'
        "Menurut data tersebut, angka pengangguran naik dua persen pada tahun lalu."
    )
    entities = [ent("e1", "Budi Hartono", PER)]
    assert speaker_of(body, entities, "angka pengangguran") == (None, "data tersebut")


def test_a_subject_pronoun_points_to_the_person_opening_its_sentence():
    body = (
        "Andi Saputra tinggal di pulau kecil di timur Flores sejak 2014, "
        "tetapi ia mengatakan tanah itu tidak pernah dijual kepada siapa pun."
    )
    entities = [ent("e1", "Andi Saputra", PER)]
    assert speaker_of(body, entities, "tanah itu")[0] == "e1"


def test_a_place_in_a_title_is_not_the_organisation_speaking():
    body = (
        '"Anjing itu sudah diamankan," kata Budi Hartono.\n\n'
        "Kepala Kepolisian Sektor Cipayung, Jakarta Timur, Komisaris Rasyid mengungkap alasan penahanan itu. "
        "Dia mengatakan warga di sekitar rumah korban merasa terancam."
    )
    entities = [ent("e1", "Budi Hartono", PER), ent("e2", "East Jakarta", "GPE", "Jakarta Timur")]
    assert speaker_of(body, entities, "warga di sekitar")[0] != "e2"


@pytest.mark.parametrize(
    "body",
    [
        '"Kami tidak akan mundur dari perbatasan itu," kata seorang pejabat senior di kementerian '
        "pertahanan kepada wartawan.",
        "Menurut seorang pejabat senior di kementerian pertahanan, pasukan itu sudah ditarik sejak Senin.",
    ],
)
def test_an_unnamed_source_keeps_its_institution_in_lower_case(body):
    ((_, speaker, name),) = quotes(body, [])
    assert (speaker, name) == (None, "seorang pejabat senior di kementerian pertahanan")
