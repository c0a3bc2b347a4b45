import pytest

from kabar.document import Document
from kabar.language import LanguageIdentifier


def detect(pack, text):
    doc = Document(source="t", raw=text, pack=pack)
    doc.article.body = text
    LanguageIdentifier(pack)(doc)
    return doc


def test_indonesian_with_confidence(pack):
    doc = detect(pack, "Pemerintah akan menaikkan harga bahan bakar minyak mulai bulan depan, kata menteri keuangan.")
    assert doc.article.language == "id"
    assert doc.article.language_confidence > 0.5
    assert doc.article.warnings == []


def test_malay_is_told_apart_and_warned(pack):
    doc = detect(
        pack,
        "Kerajaan Malaysia akan menaikkan harga petrol mulai bulan hadapan, kata menteri kewangan kepada "
        "pemberita di Putrajaya semalam. Beliau berkata keputusan itu dibuat selepas mesyuarat kabinet.",
    )
    assert doc.article.language == "ms"
    assert any("Malay" in w for w in doc.article.warnings)


def test_english(pack):
    doc = detect(pack, "The government will raise fuel prices next month, the finance minister told reporters.")
    assert doc.article.language == "en"


def test_one_malay_looking_sentence_does_not_flip_an_indonesian_article(pack):
    doc = detect(
        pack,
        "Pemerintah Indonesia mengecam serangan udara terhadap sebuah desa di wilayah Sagaing. "
        "Menurut saksi mata dan kelompok perlawanan setempat, dua jet tempur menjatuhkan bom di desa itu. "
        "Kementerian Luar Negeri RI dalam pernyataan tertulis, Kamis, menyatakan keprihatinan yang mendalam. "
        "Serangan terhadap warga yang sedang beribadah tidak dapat dibenarkan dalam keadaan apa pun.",
    )
    assert doc.article.language == "id"
    assert 0.5 < doc.article.language_confidence < 1.0


@pytest.fixture
def counted():
    """A structure-segment-language pipeline whose detector records the texts it is given."""
    from kabar.pipeline import Pipeline

    pipeline = Pipeline(stages=("structure", "segment", "language"))
    stage = pipeline.stages[2]
    calls: list[str] = []
    real = stage.detector

    class Counting:
        def compute_language_confidence_values(self, text):
            calls.append(text)
            return real.compute_language_confidence_values(text)

    stage.detector = Counting()
    yield pipeline, calls
    stage.detector = real


def test_a_clearly_indonesian_article_costs_one_detector_call(counted):
    pipeline, calls = counted
    article = pipeline(
        "Presiden Joko Widodo bertemu dengan Menteri Luar Negeri Jepang di Istana Merdeka, Jakarta, "
        "pada Senin. Keduanya membahas kerja sama perdagangan dan investasi kedua negara. Pertemuan "
        "itu berlangsung sekitar satu jam dan dihadiri sejumlah menteri kabinet."
    )
    assert article.language == "id" and article.language_confidence >= 0.99
    assert len(calls) == 1


def test_a_long_clear_article_is_settled_by_a_first_look_at_its_opening(counted):
    from kabar.language import FIRST_LOOK_CHARS

    pipeline, calls = counted
    body = (
        "Presiden Joko Widodo bertemu dengan Menteri Luar Negeri Jepang di Istana Merdeka, Jakarta, "
        "pada Senin. Keduanya membahas kerja sama perdagangan dan investasi kedua negara. "
    ) * 8
    article = pipeline(body)
    first = list(calls)
    mixed = pipeline(
        "Kerajaan Malaysia akan menaikkan harga petrol mulai bulan hadapan, kata menteri kewangan kepada "
        "pemberita di Putrajaya semalam. Beliau berkata keputusan itu dibuat selepas mesyuarat kabinet. "
        "Kerajaan juga akan memberi bantuan tunai kepada isi rumah berpendapatan rendah tahun hadapan. "
        "Menurut beliau, langkah itu perlu bagi mengurangkan beban subsidi kerajaan yang semakin tinggi."
    )
    assert article.language == "id"
    assert [len(text) for text in first] == [FIRST_LOOK_CHARS]
    assert len(calls) - len(first) >= 3  # the Malay text: a first look, the whole sample, its sentences
    assert mixed.language == "ms"
