"""An office written alone ("Presiden kemudian bertemu ...", "Kepala Negara bahkan ...") is the
person holding it whom the article named before (hand check of issue 11, seed 33: 'Kepala Negara'
went without its holder and the event took the place after it as its source)."""

from __future__ import annotations

import pytest
from eventdocs import make_doc, segmenter, stage  # noqa: F401 - the shared fixtures

PUBLISHED = "2024-03-20T09:00:00+07:00"
LEAD = "Presiden Malaysia Ahmad Rahman tiba di Jakarta, Selasa."


def _sides(stage, segmenter, body: str, title: str = "Presiden") -> list[tuple[str | None, str | None]]:
    """The sides of the factual events the body's last sentence tells, Ahmad Rahman bearing
    `title` (as the entities stage writes the office before his name)."""
    doc = make_doc(segmenter, body, PUBLISHED)
    for ent in doc.article.entities:
        ent.title = title if ent.name == "Ahmad Rahman" else "Perdana Menteri"
    stage(doc)
    last = body.rsplit(". ", 1)[-1]
    return [
        (e.source.name if e.source else None, e.target.name if e.target else None)
        for e in doc.article.events
        if e.factual and e.evidence.text.strip() == last
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "Presiden kemudian bertemu dengan Perdana Menteri Jepang Kenji Tanaka.",
        "Kepala Negara kemudian bertemu dengan Perdana Menteri Jepang Kenji Tanaka.",
        "Setelah itu, Presiden bertemu dengan Perdana Menteri Jepang Kenji Tanaka.",
    ],
)
def test_an_office_alone_is_its_holder_named_before(stage, segmenter, sentence):
    assert _sides(stage, segmenter, f"{LEAD} {sentence}") == [("Ahmad Rahman", "Kenji Tanaka")]


def test_the_holder_is_also_a_target(stage, segmenter):
    body = f"{LEAD} Perdana Menteri Jepang Kenji Tanaka kemudian mengkritik Presiden."
    assert _sides(stage, segmenter, body) == [("Kenji Tanaka", "Ahmad Rahman")]


@pytest.mark.parametrize(
    "sentence",
    [
        # a noun the office qualifies: the staff, not the president
        "Staf Khusus Presiden kemudian bertemu dengan Perdana Menteri Jepang Kenji Tanaka.",
        # another president: a country after the office, a number, a former holder
        "Presiden Filipina kemudian bertemu dengan Perdana Menteri Jepang Kenji Tanaka.",
        "Presiden kedua kemudian bertemu dengan Perdana Menteri Jepang Kenji Tanaka.",
        "Mantan Presiden kemudian bertemu dengan Perdana Menteri Jepang Kenji Tanaka.",
        # in lower case the office is any holder ("seorang presiden")
        "Seorang presiden kemudian bertemu dengan Perdana Menteri Jepang Kenji Tanaka.",
    ],
)
def test_an_office_that_is_not_alone_is_not_the_holder(stage, segmenter, sentence):
    assert ("Ahmad Rahman", "Kenji Tanaka") not in _sides(stage, segmenter, f"{LEAD} {sentence}")


def test_no_holder_named_before_gives_no_actor(stage, segmenter):
    body = "Presiden kemudian bertemu dengan Perdana Menteri Jepang Kenji Tanaka."
    assert ("Ahmad Rahman", "Kenji Tanaka") not in _sides(stage, segmenter, body)
    assert all(source != "Presiden" for source, _ in _sides(stage, segmenter, body))


def test_a_former_holder_is_not_the_office_holder(stage, segmenter):
    body = (
        "Mantan Presiden Malaysia Ahmad Rahman wafat di Kuala Lumpur. "
        "Presiden kemudian bertemu dengan Perdana Menteri Jepang Kenji Tanaka."
    )
    assert ("Ahmad Rahman", "Kenji Tanaka") not in _sides(stage, segmenter, body)


def test_the_name_after_a_bracketed_abbreviation_is_the_holder(stage, segmenter):
    # "Perdana Menteri (PM) Jepang Kenji Tanaka": a title before its own name, not an anaphor
    body = (
        "Perdana Menteri Malaysia Ahmad Rahman tiba di Jakarta. "
        "Perdana Menteri (PM) Jepang Kenji Tanaka kemudian mengkritik Indonesia."
    )
    sources = [s for s, _ in _sides(stage, segmenter, body, title="Perdana Menteri")]
    assert "Ahmad Rahman" not in sources


def test_a_body_after_an_office_is_the_office_holder(stage, segmenter):
    # "Fraksi Gerindra mengecam Ketua MPR yang ...": the chairman, in the body's code
    doc = make_doc(segmenter, "Partai Maju mengecam Ketua Komisi Pemberantasan Korupsi yang menolak revisi.", PUBLISHED)
    stage(doc)
    targets = [(e.target.name, e.target.actor_code) for e in doc.article.events if e.target]
    assert targets == [("Ketua Komisi Pemberantasan Korupsi", "IDNGOV")]


def test_a_former_holder_of_a_body_s_office_is_one_of_the_elites(stage, segmenter):
    # "KPK mendakwa mantan Ketua Umum PPP (Rommy)": not the party's chairman of today
    doc = make_doc(segmenter, "Partai Maju mengecam mantan Ketua Komisi Pemberantasan Korupsi.", PUBLISHED)
    stage(doc)
    targets = [(e.target.name, e.target.actor_code) for e in doc.article.events if e.target]
    assert targets == [("mantan Ketua Komisi Pemberantasan Korupsi", "IDNELI")]
