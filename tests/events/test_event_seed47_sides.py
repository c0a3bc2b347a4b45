"""Issue 11, hand check of seed 47: an act demanded is not done ("menuntut agar X segera ditangkap"),
and a university's alumni association is not the university ("Iluni FH UI tetap mendorong KPK")."""

from __future__ import annotations

from eventdocs import PUBLISHED

from kabar.model import Article
from kabar.pipeline import get_pipeline


def _article(body: str) -> Article:
    pipe = get_pipeline("id")
    return pipe.run(pipe.make_document(body, published=PUBLISHED))


def _factual(body: str) -> list[tuple[str, str | None, str | None]]:
    return [
        (e.code, e.source.name if e.source else None, e.target.name if e.target else None)
        for e in _article(body).events
        if e.factual
    ]


def test_an_arrest_demanded_is_not_done():
    body = (
        "Massa berunjuk rasa di depan Mabes Polri, Selasa (19/3/2024). Mereka menuntut agar Budi Santoso "
        "segera ditangkap."
    )
    assert not [e for e in _factual(body) if e[0].startswith("17")], _factual(body)


def test_an_arrest_told_as_done_is_an_event():
    body = "Polisi menangkap Budi Santoso di Jakarta, Selasa (19/3/2024)."
    assert [e for e in _factual(body) if e[0].startswith("17")], _factual(body)


def test_an_alumni_association_is_not_its_university():
    body = "Iluni FH UI tetap mendorong KPK melaksanakan tugasnya dengan jujur, Selasa (19/3/2024)."
    sources = [e[1] for e in _factual(body) if e[0] == "020"]
    assert sources == ["Ikatan Alumni Fakultas Hukum Universitas Indonesia"], _factual(body)


def test_the_university_itself_is_still_the_university():
    body = "Universitas Indonesia mendorong KPK melaksanakan tugasnya dengan jujur, Selasa (19/3/2024)."
    sources = [e[1] for e in _factual(body) if e[0] == "020"]
    assert sources == ["Universitas Indonesia"], _factual(body)
