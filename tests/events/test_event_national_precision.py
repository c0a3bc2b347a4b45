"""Issue 11, national news precision (helper G): sides taken from the wrong phrase; each rule on
invented sentences, with the sense that must still give the event."""

from __future__ import annotations

import pytest
from eventdocs import PUBLISHED, factual_events, run, segmenter, stage  # noqa: F401 - the shared fixtures


def test_adverbial_clause_after_a_relative_clause_is_its_heads_act(run):
    """'pihak yang bertindak anarkis saat melakukan aksi demonstrasi': the demonstrators are the
    relative's head (no actor), not the actor of the main clause."""
    body = (
        "Peringatan Budi Santoso diarahkan kepada pihak yang bertindak anarkis"
        " saat melakukan aksi demonstrasi."
    )
    assert not any(e[0].startswith("14") for e in run(body))


def test_adverbial_clause_without_a_relative_keeps_the_main_subject(run):
    body = "Budi Santoso menemui Agus Salim setelah menggelar aksi demonstrasi di Jakarta."
    assert ("141", "IDNGOV", None) in run(body)


def test_on_behalf_of_names_no_subject(stage, segmenter):  # noqa: F811 - the shared fixtures
    """'saya atas nama pemerintah menyampaikan belasungkawa': the speaker, not the government."""
    body = (
        '"Saya atas nama pemerintah menyampaikan belasungkawa atas wafatnya Agus Salim," kata Budi Santoso.'
    )
    sources = {e[1] for e in factual_events(stage, segmenter, body, PUBLISHED, side="name") if e[0] == "018"}
    assert sources == {"Budi Santoso"}


@pytest.mark.parametrize(
    "body",
    [
        "Budi Santoso meminta kasus Agus Salim dihentikan.",
        "Budi Santoso meminta Agus Salim dipecat dari jabatannya.",
    ],
)
def test_what_an_appeal_asks_done_to_is_no_addressee(run, body):
    assert not any(e[0].startswith("02") and e[2] is not None for e in run(body))


def test_appeal_to_an_actor_to_act_keeps_the_addressee(run):
    body = "Budi Santoso meminta Agus Salim menunda pengesahan undang-undang itu."
    assert ("020", "IDNGOV", "IDN") in run(body)


def test_a_scene_opener_after_an_old_date_goes_on_with_that_story(run):
    """'Saat itu, X diajak oleh Y ...' right after a sentence dated years ago: the time it points
    back to is that one, so the act is background; dated near publication, it stays reported."""
    old = "Kasus ini bermula ketika Agus Salim mengajukan rancangan peraturan pada April 2017. "
    assert run(old + "Saat itu, Agus Salim diajak oleh Budi Santoso untuk bertemu pimpinan.") == []
    recent = "Budi Santoso menggelar rapat di Jakarta, Senin (18/3). "
    assert ("020", "IDNGOV", "IDN") in run(recent + "Saat itu, Budi Santoso meminta Agus Salim bekerja.")


def test_an_actor_past_the_asked_act_is_no_addressee(run):
    """'mengajak generasi muda meneladani X': the youth are asked (no actor), X is what they are
    asked to follow; asked right after the verb, the actor is the addressee."""
    assert ("020", "IDNGOV", None) in run("Budi Santoso mengajak generasi muda meneladani Agus Salim.")
    assert ("020", "IDNGOV", "IDN") in run("Budi Santoso mengajak Agus Salim meneladani para pahlawan.")
