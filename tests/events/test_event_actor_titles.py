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


def _pairs(stage, segmenter, body: str) -> list[tuple[str | None, str | None]]:
    doc = make_doc(segmenter, body, PUBLISHED)
    stage(doc)
    return [
        (e.source.actor_code if e.source else None, e.target.actor_code if e.target else None)
        for e in doc.article.events
    ]


@pytest.mark.parametrize(
    "body, target",
    [
        # a former or late holder of an office is one of the elites (CAMEO ELI), comma or none
        ("Presiden Malaysia Ahmad Rahman mengkritik mantan Presiden Jepang, Kenji Tanaka.", "JPNELI"),
        ("Presiden Malaysia Ahmad Rahman mengkritik mantan Presiden Jepang Kenji Tanaka.", "JPNELI"),
        ("Presiden Malaysia Ahmad Rahman mengunjungi makam mendiang Presiden Jepang Kenji Tanaka.", "JPNELI"),
        ("Presiden Malaysia Ahmad Rahman mengkritik almarhum Presiden Jepang Kenji Tanaka.", "JPNELI"),
        # the grave of a person: the office is held no more
        ("Presiden Malaysia Ahmad Rahman mengunjungi makam Presiden Jepang Kenji Tanaka.", "JPNELI"),
        ("Presiden Malaysia Ahmad Rahman mengunjungi makam Budi Santoso.", "IDNELI"),
        ("Presiden Malaysia Ahmad Rahman tiba di rumah duka Presiden ketiga RI, Budi Santoso.", "IDNELI"),
        ("Presiden Malaysia Ahmad Rahman mengunjungi rumah Budi Santoso.", "IDNGOV"),
        # a person whose code has its role already (IDNGOV) loses it to the former title
        ("Presiden Malaysia Ahmad Rahman mengkritik Eks Menteri Pertanian Budi Santoso.", "IDNELI"),
        # near misses: the office held now; a former word in another actor's phrase
        ("Presiden Malaysia Ahmad Rahman mengkritik Presiden Jepang Kenji Tanaka.", "JPNGOV"),
        (
            "Presiden Malaysia Ahmad Rahman, mantan diplomat, mengkritik Presiden Jepang Kenji Tanaka.",
            "JPNGOV",
        ),
        ("Presiden Malaysia Ahmad Rahman mengkritik Budi Santoso.", "IDNGOV"),
    ],
)
def test_an_office_held_no_more_gives_the_elite_role(stage, segmenter, body, target):
    assert _pairs(stage, segmenter, body) == [("MYSGOV", target)]


def test_a_role_noun_modifying_the_descriptors_head_is_no_title(stage, segmenter):
    # the students are the dormitory's; the descriptor's head is the suspect
    body = (
        "Presiden Malaysia Ahmad Rahman mengkritik tersangka pembakaran asrama mahasiswa Jepang, "
        "Kenji Tanaka."
    )
    assert _pairs(stage, segmenter, body) == [("MYSGOV", "JPN")]


def test_a_role_noun_heading_the_descriptor_is_a_title(stage, segmenter):
    body = "Presiden Malaysia Ahmad Rahman mengkritik mahasiswa Jepang, Kenji Tanaka."
    assert _pairs(stage, segmenter, body) == [("MYSGOV", "JPNEDU")]


@pytest.mark.parametrize(
    "body",
    [
        "Sekretaris Jenderal (Sekjen) Kementerian Luar Negeri Jepang Kenji Tanaka mengunjungi Malaysia.",
        "Direktur Jenderal Imigrasi Jepang Kenji Tanaka mengunjungi Malaysia.",
    ],
)
def test_a_secretary_general_is_no_general(stage, segmenter, body):
    # "Jenderal" inside "Sekretaris Jenderal" is no military rank (hand check seed 19: IDNMIL)
    sources = _sources(stage, segmenter, body)
    assert sources and not any(code and code.endswith("MIL") for code in sources)


def test_a_general_keeps_the_military_role(stage, segmenter):
    assert _sources(stage, segmenter, "Mayor Jenderal (Mayjen) Kenji Tanaka mengunjungi Malaysia.") == ["JPNMIL"]


def test_a_party_secretary_general_is_no_general_in_the_whole_pipeline():
    """... and the person after the party his title names is of the party (PTY, hand check seed 19)."""
    import kabar

    article = kabar.extract(
        "Wakil Sekretaris Jenderal (Wasekjen) Partai Gerindra, Andre Rosiade meminta pemerintah pusat "
        "tidak memberikan porsi lebih kepada pengusaha asing.",
        published=PUBLISHED,
    )
    sources = [(e.source.name, e.source.actor_code) for e in article.events if e.source]
    assert sources == [("Andre Rosiade", "IDNPTY")]
