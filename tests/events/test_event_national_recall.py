"""Issue 11, national news (helper B): government, parliament, parties and public groups; each rule
on invented sentences, with the sense that must give nothing."""

from __future__ import annotations

import pytest
from eventdocs import PUBLISHED, run  # noqa: F401 - the shared fixtures


@pytest.mark.parametrize(
    "body",
    [
        "Budi Santoso mengatakan bahwa dirinya telah bertemu dengan Agus Salim di Jakarta.",
        "Budi Santoso tiba di Surabaya pada Senin. Dirinya lalu bertemu dengan Agus Salim.",
        "Budi Santoso hadir di Jakarta. Ia mengatakan, minggu lalu dirinya bertemu dengan Agus Salim.",
    ],
)
def test_dirinya_heading_its_clause_is_the_person_told_of(run, body):
    """'dirinya' as a subject (after 'bahwa', a comma, an adverb, or opening the sentence) is the
    speaker, else the person heading the sentence before, as 'ia' and 'dia' are."""
    assert ("040", "IDNGOV", "IDN") in run(body)


def test_dirinya_after_a_noun_is_its_possessor(run):
    """'pengunduran dirinya' is his resignation: the pronoun is no subject of the verb after it."""
    body = "Agus Salim mundur dari Partai Maju. Pengunduran dirinya telah disampaikan kepada Budi Santoso."
    assert not any(e[1] == "IDNGOV" or e[2] == "IDN" for e in run(body) if e[0].startswith("01"))


@pytest.mark.parametrize("verb", ["mencibir", "menyentil"])
def test_scoffing_at_a_side_is_criticism(run, verb):
    """'mencibir', 'menyentil' (scoff at, needle): criticism (111)."""
    assert ("111", "IDNPTY", "IDNGOV") in run(f"Partai Maju {verb} Budi Santoso soal kebakaran hutan, Senin.")


def test_a_passive_verb_of_saying_before_the_speaker_is_no_appeal(run):
    """'Hal itu disampaikan X saat bertemu Y': 'disampaikan' is no 'menyampaikan agar' (an appeal
    whose object's act is only asked for); the meeting the speaker told of took place."""
    body = "Hal itu disampaikan Budi Santoso saat bertemu dengan Ahmad Rahman di Jakarta, Senin."
    assert ("040", "IDNGOV", "MYSGOV") in run(body)


def test_what_an_appeal_asks_for_stays_intended(run):
    """'menyampaikan agar X ...': X's act is asked for, not done."""
    body = "Budi Santoso menyampaikan agar Ahmad Rahman menarik pasukannya dari perbatasan."
    assert not any(e[1] == "MYSGOV" for e in run(body))


def test_the_subject_of_menjalani_undergoes_the_act(run):
    """'X menjalani pemeriksaan': X is examined (the target), not the examiner."""
    examined = "Agus Salim menjalani pemeriksaan sebagai terdakwa di Jakarta."
    assert not any(e[1] == "IDN" for e in run(examined))
    body = "Agus Salim menjalani pemeriksaan oleh Komisi Pemberantasan Korupsi di Jakarta."
    assert ("090", "IDNGOV", "IDN") in run(body)


@pytest.mark.parametrize(
    "body",
    [
        "Budi Santoso mengecam serangan yang dilakukan oleh Ahmad Rahman di perbatasan.",
        "Budi Santoso mengecam serangan yang kembali dilakukan Ahmad Rahman di perbatasan.",
    ],
)
def test_the_agent_of_a_passive_relative_after_an_act_is_the_target(run, body):
    """'mengecam serangan yang (kembali) dilakukan (oleh) X': X, with the agent preposition and
    auxiliaries between 'yang' and the verb too."""
    assert ("111", "IDNGOV", "MYSGOV") in run(body)


def test_the_broker_of_a_violated_agreement_is_not_wronged(run):
    """'melanggar kesepakatan yang dicapai oleh PBB': the UN made the deal; it is no target."""
    body = "Ahmad Rahman melanggar kesepakatan yang dicapai oleh PBB di Jenewa."
    assert not any(e[2] == "IGOUNO" for e in run(body))


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Budi Santoso meminta masyarakat maklum dan bersabar.", ("020", "IDNGOV", "IDNCVL")),
        ("Budi Santoso mengimbau seluruh warga tetap tenang di Jakarta.", ("020", "IDNGOV", "IDNCVL")),
    ],
)
def test_the_public_an_appeal_is_made_to_is_its_target(run, body, expected):
    """'meminta masyarakat maklum': the public asked, its predicate after it (not 'warga desa')."""
    assert expected in run(body)


def test_a_public_noun_with_a_noun_after_it_is_still_no_actor(run):
    """'warga desa' outside an appeal stays no actor: no meeting with the public."""
    assert not any(e[2] == "IDNCVL" for e in run("Budi Santoso bertemu warga desa di Jakarta."))


def test_advice_opening_the_clause_before_a_bodys_name_is_no_event(run):
    """'Seharusnya Panja Partai Maju meminta ...': the cue stands before the capitalised words the
    actor's name leaves out ('Panja'); what should be done is not coded."""
    body = "Seharusnya Panja Partai Maju terlebih dahulu meminta Budi Santoso mempresentasikan naskah itu."
    assert not run(body)
    told = "Panja Partai Maju meminta Budi Santoso mempresentasikan naskah itu."
    assert ("020", "IDNPTY", "IDNGOV") in run(told)
