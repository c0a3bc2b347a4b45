"""A person the entities stage coded by country alone takes the role of the office written before
the name, over a long title and its abbreviation (hand check of issue 11: ministers coded IDN)."""

from __future__ import annotations

import pytest
from eventdocs import make_doc, segmenter, stage  # noqa: F401 - the shared fixtures

PUBLISHED = "2024-03-20T09:00:00+07:00"



def _sources(stage, segmenter, body: str) -> list[str | None]:
    doc = make_doc(segmenter, body, PUBLISHED)
    stage(doc)
    return [e.source.actor_code if e.source else None for e in doc.article.events]


@pytest.mark.parametrize(
    "body",
    [
        "Menteri Riset dan Pendidikan Tinggi (Menristekdikti) Kenji Tanaka mengunjungi Malaysia.",
        "Menteri Pertanian Kenji Tanaka mengunjungi Malaysia.",
        "Sebelumnya, Wakil Presiden Kenji Tanaka mengunjungi Malaysia.",
    ],
)
def test_the_office_before_the_name_gives_the_role(stage, segmenter, body):
    assert _sources(stage, segmenter, body) == ["JPNGOV"]


def test_a_name_alone_keeps_its_country(stage, segmenter):
    assert _sources(stage, segmenter, "Kenji Tanaka mengunjungi Malaysia.") == ["JPN"]


def test_an_office_in_lower_case_is_no_title(stage, segmenter):
    # "kata menteri, Kenji Tanaka ..." : the comma ends the title run
    assert _sources(stage, segmenter, "Setelah rapat menteri, Kenji Tanaka mengunjungi Malaysia.") == ["JPN"]
