"""What a speech verb introduces that is no statement by the gold files' conventions: a feeling
expressed, a thing asserted as a noun object, a label given with `sebagai`, an aside inside a
relative clause, a speech verb inside a supposed clause; and where what was said begins after a
long or damaged phrase naming the listener. Every sentence here is invented."""

from __future__ import annotations

import pytest
from quote_fixtures import document, finder


def quotes(body: str, entities: list[dict] | None = None) -> list[str]:
    doc = document(body, entities)
    finder()(doc)
    return [q.text for q in doc.article.quotes]


PER, ORG = "PER", "ORG"


def ent(eid: str, name: str, typ: str) -> dict:
    return {"id": eid, "name": name, "type": typ, "mentions": [name]}


@pytest.mark.parametrize(
    ("body", "entity"),
    [
        (
            "Song Wei juga mengungkapkan kegembiraannya dapat kembali bertemu Gubernur di Makassar.",
            ent("e1", "Song Wei", PER),
        ),
        (
            "Malaysia menyatakan solidaritasnya terhadap Brunei setelah banjir besar itu.",
            ent("e1", "Malaysia", "GPE"),
        ),
        (
            "Kementerian Luar Negeri menyatakan kekecewaan atas keputusan pengadilan tersebut.",
            ent("e1", "Kementerian Luar Negeri", ORG),
        ),
        (
            "Pemerintah Vietnam menegaskan kedaulatannya atas pulau kecil itu.",
            ent("e1", "Pemerintah Vietnam", ORG),
        ),
        (
            "Menteri Budi Santoso menyebut laporan itu sebagai rekayasa belaka.",
            ent("e1", "Budi Santoso", PER),
        ),
        (
            "Ia adalah kepala ketiga yang, menurut Israel, telah dibunuh dalam perang tahun ini.",
            ent("e1", "Israel", "GPE"),
        ),
        (
            'Ada spekulasi bahwa Budi Santoso mungkin salah ucap dan mengatakan "Jawa" alih-alih "Bali".',
            ent("e1", "Budi Santoso", PER),
        ),
    ],
)
def test_no_statement(body, entity):
    assert quotes(body, [entity]) == []


@pytest.mark.parametrize(
    ("body", "said"),
    [
        (
            "Warganet menilai kemarahan artis itu hanya sandiwara belaka.",
            "kemarahan artis itu hanya sandiwara belaka",
        ),
        (
            "Seorang analis menyebut Budi dikenal sebagai ahli strategi yang keras.",
            "Budi dikenal sebagai ahli strategi yang keras",
        ),
        (
            "Pemuda itu mengatakan rasanya seperti terserang stroke ringan.",
            "rasanya seperti terserang stroke ringan",
        ),
    ],
)
def test_still_a_statement(body, said):
    assert quotes(body) == [said]


def test_what_was_said_begins_after_a_long_listener_phrase():
    body = (
        "Budi mengatakan kepada Menteri Luar Negeri (Menlu) Malaysia Anwar Salleh bahwa "
        "kesepakatan itu hampir tercapai."
    )
    assert quotes(body) == ["kesepakatan itu hampir tercapai"]


def test_what_was_said_begins_after_a_listener_lost_in_scraping():
    assert quotes("Budi menepis kekhawatiran itu, mengatakan kepada,bahwa warga tidak bersalah.") == [
        "warga tidak bersalah"
    ]


def test_last_before_a_chained_verb_is_a_date_not_a_connective():
    body = (
        "Polisi dan tentara mengatakan Budi meninggal pada Selasa lalu, dan mengatakan bahwa ia "
        "sempat dirawat di rumah sakit."
    )
    assert quotes(body) == ["Budi meninggal pada Selasa lalu", "ia sempat dirawat di rumah sakit"]
