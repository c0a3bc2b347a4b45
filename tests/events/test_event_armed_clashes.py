"""Issue 11, national violence: armed clashes, riots and security operations whose sides are
unnamed groups (an armed group, a joint team, rioters, a crowd), on invented sentences in the
style of conflict and crime news, with the readings that must give nothing."""

from __future__ import annotations

import pytest
from eventdocs import PUBLISHED, run, segmenter, stage  # noqa: F401 - the shared fixtures


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # an armed group opening fire, the joint team firing back 'ke arah' it
        ("Kelompok bersenjata menembaki pos polisi di Surabaya pada Senin.", ("193", "IDNREB", "IDNCOP")),
        (
            "Tim gabungan pun melancarkan tembakan balasan ke arah kelompok bersenjata pada Senin.",
            ("193", "IDNCOP", "IDNREB"),
        ),
        ("Polisi melepaskan tembakan ke arah kelompok bersenjata pada Senin.", ("193", "IDNCOP", "IDNREB")),
        # rioters and suspected terrorists are the ones arrested
        ("Polda Jawa Timur menangkap 20 perusuh pada Senin.", ("173", "IDNCOP", "IDNCVL")),
        ("Polda Jawa Timur menangkap dua terduga teroris di Surabaya.", ("173", "IDNCOP", "IDNINS")),
        # a crowd after 'ke arah' is the target, not a modifier of 'arah'
        ("Polisi menembakkan gas air mata ke arah massa pada Senin.", ("175", "IDNCOP", "IDNCVL")),
        ("Polisi pun memberikan tembakan gas air mata ke arah massa.", ("175", "IDNCOP", "IDNCVL")),
        ("Polisi melepaskan tembakan gas air mata ke arah massa pada Senin.", ("175", "IDNCOP", "IDNCVL")),
    ],
)
def test_unnamed_armed_groups_and_crowds_are_sides(run, body, expected):
    assert expected in run(body)


@pytest.mark.parametrize(
    "body",
    [
        "Baku tembak antara polisi dengan kelompok bersenjata terjadi di Surabaya pada Senin.",
        "Kontak tembak antara polisi dengan kelompok bersenjata berlangsung pada Senin.",
        # 'terjadi' before the noun presents it; the sides come after it
        "Kemudian terjadi kontak senjata antara polisi dengan kelompok bersenjata di Surabaya.",
        "Tiga warga tewas dalam baku tembak antara polisi dengan kelompok bersenjata.",
        "Tiga warga tewas dalam insiden baku tembak yang terjadi antara polisi dengan kelompok bersenjata.",
    ],
)
def test_an_exchange_of_fire_between_two_sides(run, body):
    """'baku tembak / kontak tembak antara X dengan Y': X and Y fight (one event), and the dead
    named before it are no side of it."""
    events = run(body)
    assert ("190", "IDNCOP", "IDNREB") in events
    assert not [e for e in events if "IDNCVL" in e[1:]]


@pytest.mark.parametrize(
    "body",
    [
        # victims of the exchange of fire did not fight
        "Empat korban baku tembak dengan kelompok bersenjata dirawat di Surabaya.",
        # a fact-finding team is no security force
        "Tim gabungan pencari fakta menyerahkan laporan kepada Budi Santoso.",
        # a clash feared is no clash
        "Dikhawatirkan terjadi bentrokan antara polisi dengan mahasiswa di Surabaya.",
        # warning shots into the air are fired at no one
        "Polisi melepaskan tembakan peringatan ke udara pada Senin.",
    ],
)
def test_no_fight_coded(run, body):
    assert not [e for e in run(body) if e[0][:2] in ("18", "19")], run(body)
    assert not [e for e in run(body) if e[1] == "IDNCOP" and e[0][:2] == "01"]


def test_a_sentence_opening_fight_word_is_still_a_verb_after_its_subject(run):
    """'X baku tembak dengan Y' keeps the verb reading: X is the subject."""
    assert ("190", "IDNCOP", "IDNREB") in run("Polisi baku tembak dengan kelompok bersenjata pada Senin.")


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # the police driving a crowd back repress it; a crowd driving the police back uses violence
        ("Aparat kepolisian memukul mundur pengunjuk rasa dari gedung DPRD.", ("175", "IDNCOP", "IDNCVL")),
        ("Di depan gerbang gedung, polisi berbaris menghalau massa.", ("175", "IDNCOP", "IDNCVL")),
        ("Massa menghalau polisi di depan gedung DPRD pada Senin.", ("180", "IDNCVL", "IDNCOP")),
        # a crowd after a time is the crowd, no modifier of the time
        ("Pada Senin malam massa menyerang polisi di Surabaya.", ("180", "IDNCVL", "IDNCOP")),
    ],
)
def test_riot_police_and_crowds(run, body, expected):
    assert expected in run(body)


def test_a_shot_driven_back_in_sport_is_no_repression(run):
    events = run("Tendangan bebas Budi Santoso berhasil dihalau oleh Ahmad Rahman.")
    assert not [e for e in events if e[0] in ("175", "180")]


def test_a_crowd_driven_back_leaves_the_building_no_target(run):
    """'menghalau mundur massa dari depan gedung KPK': the crowd, never the body whose building it is."""
    assert not [e for e in run("Polisi menghalau mundur massa dari depan gedung KPK.") if e[2] == "IDNGOV"]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Polda Jawa Timur menurunkan 300 personel untuk mengamankan unjuk rasa di Surabaya.", "reported"),
        ("Polda Jawa Timur telah mengerahkan sekitar 2.000 personel gabungan ke Surabaya.", "reported"),
        ("Polda Jawa Timur menyatakan akan menerjunkan sekitar 18 ribu personel pada Selasa.", "intended"),
    ],
)
def test_police_personnel_sent_to_a_protest(stage, segmenter, body, expected):
    """Police deploying personnel is a show of police power (153), without a target."""
    from eventdocs import make_doc

    doc = make_doc(segmenter, body, PUBLISHED)
    stage(doc)
    events = [(e.code, e.source.actor_code, e.mode) for e in doc.article.events]
    assert events == [("153", "IDNCOP", expected)]


@pytest.mark.parametrize(
    "body",
    [
        "Polda Jawa Timur mengerahkan 500 personel untuk memadamkan kebakaran hutan di Surabaya.",
        "Polda Jawa Timur menurunkan jumlah personel di perbatasan.",
    ],
)
def test_personnel_for_a_fire_or_fewer_personnel_are_no_deployment(run, body):
    assert not [e for e in run(body) if e[0] == "153"]


@pytest.mark.parametrize(
    ("body", "expected", "battle"),
    [
        # the police clashing with protesters or students repress them (175), it is no battle (190)
        ("Bentrokan antara polisi dengan pengunjuk rasa terjadi di Surabaya pada Senin malam.",
         ("175", "IDNCOP", "IDNCVL"), ("190", "IDNCOP", "IDNCVL")),
        ("Polisi bentrok dengan mahasiswa di depan gedung DPRD Surabaya pada Senin.",
         ("175", "IDNCOP", "IDNEDU"), ("190", "IDNCOP", "IDNEDU")),
    ],
)
def test_the_police_fighting_civilians_is_repression(run, body, expected, battle):
    events = run(body)
    assert expected in events and battle not in events


def test_soldiers_fighting_an_armed_group_stay_a_battle(run):
    assert ("190", "IDNMIL", "IDNREB") in run("Tentara bentrok dengan kelompok bersenjata di Puncak pada Senin.")


def test_a_body_without_arms_attacks_with_words(run):
    # "KPK under attack (diserang) oleh DPR": a parliament's attack is a denunciation, not force
    assert ("111", "IDNPTY", "IDNGOV") in run("Partai Maju menyerang Komisi Pemberantasan Korupsi, Senin (18/3/2024).")
    assert ("190", "IDNMIL", "MYS") in run("Militer Indonesia menyerang Malaysia, Senin (18/3/2024).")


def test_a_police_chief_named_by_his_region_is_the_police(run):
    # "Kapolda Papua ... mengirimkan pasukannya": the chief, not the place
    assert ("173", "IDNCOP", "IDNINS") in run("Kapolres Surabaya menangkap dua terduga teroris, Senin (18/3/2024).")


@pytest.mark.parametrize("thrown", ["batu bata", "bom bensin"])
def test_bricks_and_petrol_bombs_thrown_at_the_police(run, thrown):
    assert ("145", "IDNCVL", "IDNCOP") in run(f"Massa melempar {thrown} ke arah polisi di Surabaya, Senin (18/3/2024).")
