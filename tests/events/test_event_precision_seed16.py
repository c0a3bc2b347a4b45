"""Seed-16 hand-check classes (issue #11), on invented sentences: a bill named after a party is no
actor; disappointment is disapproval (110); a deliberation in the preamble of another act is no
event; a deontic sentence adverb that opens the clause before its subject ("Sebaiknya Pak X bertemu ...") is advice, not a reported act."""

from __future__ import annotations

import pytest

import kabar
from eventdocs import make_doc, segmenter, stage  # noqa: F401 - the shared fixtures

PUBLISHED = "2024-03-20T09:00:00+07:00"


def _events(body: str, **kw):
    return kabar.extract(body, lang="id", published=PUBLISHED, **kw).events


@pytest.mark.parametrize(
    "body",
    [
        "Makanya sebaiknya Pak Jokowi bertemu dengan mahasiswa.",
        "Seharusnya Presiden Jokowi bertemu dengan para buruh.",
        "Lebih baik Presiden Jokowi bertemu dengan mahasiswa.",
    ],
)
def test_advice_before_the_subject_is_no_act(body):
    assert not [e for e in _events(body) if e.code == "040" and e.factual]


def test_a_clause_after_the_advice_keeps_its_act():
    body = "Sebaiknya kita tahu, Presiden Jokowi bertemu dengan mahasiswa kemarin."
    assert [e for e in _events(body) if e.code == "040" and e.factual]


@pytest.mark.parametrize(
    "body",
    [
        "Aktivis Budi Santoso kecewa dengan kunjungan Presiden Joko Widodo ke Cina.",
        "Budi Santoso mengaku kecewa terhadap keputusan Presiden Joko Widodo.",
        "Budi Santoso mengatakan kepada wartawan, dia kecewa dengan kunjungan Presiden Joko Widodo ke Cina.",
    ],
)
def test_disappointment_with_an_act_is_disapproval(body):
    evs = [e for e in _events(body) if e.code == "110" and e.factual]
    assert evs and evs[0].source.name == "Budi Santoso" and evs[0].target.name == "Joko Widodo"


def test_disappointment_denied_is_no_disapproval():
    body = "Budi Santoso tidak kecewa dengan keputusan Presiden Joko Widodo."
    assert not [e for e in _events(body) if e.code == "110" and e.factual]


def test_a_pronoun_deep_in_an_indirect_quote_is_not_its_speaker():
    body = "Budi Santoso membantah pernyataan Andi Wijaya yang mengaku belum tahu bahwa dia telah diperiksa polisi."
    assert not [e for e in _events(body) if e.target and e.target.name == "Budi Santoso"]


def test_deliberation_in_the_preamble_of_another_act_is_no_event():
    body = '"Setelah kami mempertimbangkan sebaik-baiknya, kami menyerahkan mandat kepada Presiden," tutur Ketua KPK Budi Santoso.'
    assert not [e for e in _events(body) if e.code == "014"]


def test_deliberation_told_as_news_stays():
    body = '"Kami sedang mempertimbangkan sanksi terhadap Rusia," tutur Menteri Luar Negeri Budi Santoso di Jakarta.'
    assert [e for e in _events(body) if e.code == "014" and e.factual]



@pytest.mark.parametrize(
    "body", ["Budi Santoso mengkritik RUU Partai Maju.", "Budi Santoso menolak RUU Partai Maju disahkan."]
)
def test_a_bill_named_after_a_party_is_no_target(stage, segmenter, body):
    doc = make_doc(segmenter, body, PUBLISHED)
    stage(doc)
    assert not [e for e in doc.article.events if e.target and e.target.name.startswith("RUU")]


def test_the_party_itself_stays_a_target(stage, segmenter):
    doc = make_doc(segmenter, "Budi Santoso mengkritik Partai Maju.", PUBLISHED)
    stage(doc)
    assert [e for e in doc.article.events if e.target and e.target.name == "Partai Maju"]


def test_they_told_by_a_country_s_media_are_that_country():
    body = "Media Iran melaporkan bahwa mereka membantah serangan itu."
    evs = [e for e in _events(body) if e.code == "016"]
    assert evs and evs[0].source.actor_code == "IRN"


def test_media_that_deny_themselves_stay_the_media():
    evs = [e for e in _events("Media Iran membantah laporan itu.") if e.code == "016"]
    assert evs and evs[0].source.actor_code == "IRNMED"


@pytest.mark.parametrize(
    "body",
    [
        '"Militer AS terus membela pasukan kami," imbuh juru bicara militer AS, Bill Hawkins.',
        '"Lalu Wakil Presiden Budi Santoso masuk menjenguk ayah saya," kata Andi Wijaya.',
    ],
)
def test_a_speaker_named_as_possessor_is_no_target(body):
    assert not [e for e in _events(body) if e.target and e.target.name in ("Bill Hawkins", "Andi Wijaya")]


def test_a_speaker_named_as_object_is_the_target():
    evs = [e for e in _events('"Rusia terus membela kami," kata Menteri Luar Negeri Suriah Ali Reza.') if e.code == "052"]
    assert evs and evs[0].target.name == "Ali Reza"


def test_a_headline_the_body_tells_as_a_plan_is_no_act():
    evs = _events(
        "Presiden Joko Widodo akan bertemu dengan sejumlah tokoh Papua di Istana Merdeka, Jakarta, Selasa siang.",
        title="Siang Ini, Presiden Joko Widodo Bertemu dengan Tokoh Papua di Istana",
    )
    assert not [e for e in evs if e.code[:2] == "04" and e.factual]


def test_a_headline_beside_another_plan_stays():
    evs = _events(
        "Presiden Joko Widodo akan mengunjungi Papua bulan depan.",
        title="Presiden Joko Widodo Bertemu dengan Tokoh Papua di Istana",
    )
    assert [e for e in evs if e.code == "040" and e.factual]


def test_an_apology_at_someone_s_feet_is_to_that_person():
    evs = [e for e in _events("Terdakwa Andi bersimpuh meminta maaf di kaki Wakil Presiden Budi Santoso.") if e.code == "055"]
    assert evs and evs[0].target and evs[0].target.name == "Budi Santoso"


def test_an_apology_in_a_place_has_no_target():
    body = "Terdakwa Andi meminta maaf di ruang sidang Pengadilan Negeri Jakarta."
    evs = [e for e in _events(body) if e.code == "055"]
    assert evs and evs[0].target is None
