"""Acts told as background from the hand check of 50 random factual events (issue 11, seed 17),
on invented sentences: a standing act told in the perfect far from the lead (a warning, an
appeal, help), and an act in a relative clause that only describes who speaks."""

from __future__ import annotations

import pytest
from eventdocs import root_modes, segmenter, stage  # noqa: F401 - the shared fixtures

PUBLISHED = "2024-03-20T09:00:00+07:00"
LEAD = (
    "Malaysia dan Vietnam menggelar pertemuan di Hanoi pada Senin. "
    "Kedua negara membahas perdagangan beras. "
    "Pembahasan berlangsung tiga jam. "
)


def _modes(stage, segmenter, body: str) -> list[tuple[str, str]]:
    return root_modes(stage, segmenter, body, PUBLISHED)


@pytest.mark.parametrize(
    ("sentence", "root"),
    [
        (
            "Jepang sebelumnya telah memperingatkan bahwa Vietnam akan menghadapi sanksi atas pembelian kapal perang.",
            "13",
        ),
        ("Jepang juga sudah mendesak seluruh sekutunya untuk tidak membeli senjata Rusia.", "02"),
        ("Singapura telah membantu Vietnam dalam perang saudara.", "07"),
    ],
)
def test_a_standing_act_far_from_the_lead_is_background(stage, segmenter, sentence, root):
    modes = _modes(stage, segmenter, LEAD + sentence)
    assert (root, "background") in modes and (root, "reported") not in modes


@pytest.mark.parametrize(
    "body",
    [
        # near the lead
        "Malaysia dan Vietnam menggelar pertemuan di Hanoi pada Senin. "
        "Jepang juga sudah mendesak seluruh sekutunya untuk tidak membeli senjata Rusia.",
        # dated
        LEAD + "Jepang telah mendesak seluruh sekutunya pada Selasa untuk tidak membeli senjata Rusia.",
        # pointing back to the story
        LEAD + "Jepang telah mengecam pertemuan tersebut.",
        # in the present
        LEAD + "Jepang juga mendesak seluruh sekutunya untuk tidak membeli senjata Rusia.",
    ],
)
def test_a_perfect_act_tied_to_the_story_stays_news(stage, segmenter, body):
    modes = _modes(stage, segmenter, body)
    assert any(m == "reported" and r in ("02", "11") for r, m in modes)


def test_an_act_describing_the_speaker_is_background(stage, segmenter):
    body = "Koalisi pimpinan Jepang yang memerangi Vietnam mengatakan senjata itu buatan Rusia."
    assert ("19", "reported") not in _modes(stage, segmenter, body)


@pytest.mark.parametrize(
    "body",
    [
        # set off by commas: told as news of its own
        "Militer Jepang, yang menyerang pasukan Vietnam, mengatakan senjata itu buatan Rusia.",
        # dated inside the clause
        "Militer Jepang yang menyerang pasukan Vietnam pada Sabtu mengatakan senjata itu buatan Rusia.",
    ],
)
def test_an_act_in_a_relative_clause_of_its_own_stays_news(stage, segmenter, body):
    assert ("19", "reported") in _modes(stage, segmenter, body)


def test_a_recap_of_recent_news_stays_news(stage, segmenter):
    body = LEAD + "Sebelumnya, Jepang telah mendesak seluruh sekutunya untuk tidak membeli senjata Rusia."
    assert ("02", "reported") in _modes(stage, segmenter, body)
