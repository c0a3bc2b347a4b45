"""Rules of issue 11's second round, each on invented sentences: acts told as a side's claim
(mode `claimed`, still factual), a state role with the possessive after a verb of saying, a role
noun heading an object with its possessor after "untuk", a short relative clause between subject
and verb, a title whose country a scraper cut out."""

from __future__ import annotations

import pytest
from eventdocs import make_doc

from kabar.evaluate.events import is_factual
from kabar.events import EventExtractor
from kabar.lang import load_pack
from kabar.segment import Segmenter

PUBLISHED = "2024-03-20T09:00:00+07:00"


@pytest.fixture(scope="module")
def pack():
    return load_pack("id")


@pytest.fixture(scope="module")
def stage(pack):
    return EventExtractor(pack)


@pytest.fixture(scope="module")
def segmenter(pack):
    return Segmenter(pack)


def _events(stage, segmenter, body: str):
    doc = make_doc(segmenter, body, PUBLISHED)
    stage(doc)
    return doc.article.events


def _sides(events):
    return [
        (
            e.code[:2],
            e.source.actor_code if e.source else None,
            e.target.actor_code if e.target else None,
            e.mode,
        )
        for e in events
    ]


def test_an_act_claimed_by_its_author_is_claimed_and_factual(stage, segmenter):
    events = _events(stage, segmenter, "Israel mengklaim telah menyerang pangkalan militer Lebanon.")
    assert _sides(events) == [("19", "ISR", "LBNMIL", "claimed")]
    assert events[0].factual and is_factual(events[0].__dict__)


def test_an_act_an_accuser_tells_is_not_coded(stage, segmenter):
    # the accused side's alleged act is neither reported nor claimed: only the accusation is an event
    events = _events(stage, segmenter, "Vietnam menuduh China menyerang kapal nelayan Filipina.")
    assert _sides(events) == [("11", "VNM", "CHN", "reported")]


def test_an_act_told_plainly_stays_reported(stage, segmenter):
    assert _sides(_events(stage, segmenter, "Israel menyerang pangkalan militer Lebanon.")) == [
        ("19", "ISR", "LBNMIL", "reported")
    ]


def test_told_as_fact_elsewhere_the_event_is_reported(stage, segmenter):
    body = (
        "Israel mengklaim telah menyerang pangkalan militer Lebanon pada Senin (18/3/2024). "
        "Israel menyerang pangkalan militer Lebanon pada Senin (18/3/2024), kata para saksi."
    )
    assert [s[3] for s in _sides(_events(stage, segmenter, body))] == ["reported"]


def test_the_speakers_forces_with_the_possessive(stage, segmenter):
    body = "Israel mengumumkan pasukannya telah menewaskan komandan baru untuk kelompok Hizbullah Lebanon."
    assert _sides(_events(stage, segmenter, body)) == [("19", "ISRMIL", "LBN", "claimed")]


def test_a_possessive_role_without_a_verb_of_saying_is_no_actor(stage, segmenter):
    assert _events(stage, segmenter, "Kemarin pasukannya menewaskan komandan Lebanon.") == []


def test_a_short_relative_clause_between_subject_and_verb(stage, segmenter):
    body = "Polisi di Jakarta bersiaga. Lalu polisi yang berjaga di sana mengamankan dua orang."
    assert ("17", "IDNCOP", "IDNCVL", "reported") in _sides(_events(stage, segmenter, body))


def test_a_verb_inside_the_relative_clause_keeps_no_subject(stage, segmenter):
    body = "Vietnam yang dituduh menyerang kapal Filipina membantah tuduhan itu."
    assert [s[0] for s in _sides(_events(stage, segmenter, body))] == ["01"]


def test_a_title_whose_country_was_cut_out_before_the_name(stage, segmenter):
    body = "Presiden Budi Santoso menerima utusan Presiden , Ahmad Rahman di Jakarta."
    assert ("04", "IDNGOV", "MYSGOV", "reported") in _sides(_events(stage, segmenter, body))


def test_a_crowd_clashing_with_police_is_no_battle(stage, segmenter):
    body = "Polisi di Jakarta berjaga. Ratusan demonstran bentrok dengan polisi di Jakarta."
    assert [s[0] for s in _sides(_events(stage, segmenter, body))] == ["18"]


def test_a_state_clashing_is_a_battle(stage, segmenter):
    assert [s[0] for s in _sides(_events(stage, segmenter, "Militer Israel bentrok dengan Lebanon."))] == [
        "19"
    ]


def test_tear_gas_targets_the_crowd_named_in_its_purpose(stage, segmenter):
    body = (
        "Ratusan mahasiswa berunjuk rasa di Jakarta. Polisi menembakkan gas air mata untuk membubarkan massa."
    )
    assert ("17", "IDNCOP", "IDNCVL", "reported") in _sides(_events(stage, segmenter, body))


def test_a_promise_to_no_one_named_is_no_event(stage, segmenter):
    assert _events(stage, segmenter, "Presiden Budi Santoso berjanji akan membangun jalan di Jakarta.") == []


def test_a_demand_with_a_threat_as_its_alternative_is_one_threat(stage, segmenter):
    body = (
        "Budi Santoso tiba di Jakarta. "
        "Ia meminta Malaysia menarik kapalnya atau dia mengancam akan menyerang."
    )
    assert [(s[0], s[2]) for s in _sides(_events(stage, segmenter, body)) if s[0] in ("02", "13")] == [
        ("13", "MYS")
    ]


def test_a_demand_alone_stays_a_demand(stage, segmenter):
    body = "Budi Santoso meminta Malaysia menarik kapalnya."
    assert [(s[0], s[2]) for s in _sides(_events(stage, segmenter, body))] == [("02", "MYS")]


def test_telling_a_side_is_a_statement_to_it(stage, segmenter):
    body = "Malaysia mengatakan kepada China bahwa kapalnya harus keluar."
    assert _sides(_events(stage, segmenter, body)) == [("01", "MYS", "CHN", "reported")]


def test_telling_no_side_is_no_event(stage, segmenter):
    assert _events(stage, segmenter, "Ahmad Rahman mengatakan kepada wartawan bahwa Malaysia siap.") == []


def test_an_attack_on_a_building_in_a_foreign_place_named_before(stage, segmenter):
    body = "Dua orang terluka di Lebanon setelah sebuah drone Israel menghantam gedung apartemen."
    assert [(s[0], s[2]) for s in _sides(_events(stage, segmenter, body))] == [("19", "LBN")]


def test_a_warning_whose_complement_names_the_other_side(stage, segmenter):
    body = "Budi Santoso memperingatkan bahwa kesabaran Indonesia terhadap Malaysia ada batasnya."
    assert [(s[0], s[1], s[2]) for s in _sides(_events(stage, segmenter, body))] == [("13", "IDNGOV", "MYS")]


def test_a_warning_about_a_place_names_no_side(stage, segmenter):
    body = "Budi Santoso memperingatkan bahwa harga beras di Malaysia akan naik."
    assert _events(stage, segmenter, body) == []


def test_a_so_called_act_targets_its_agent_named_after_a_place(stage, segmenter):
    body = "Lebanon mengkritik apa yang disebutnya sebagai rencana damai untuk Jakarta yang diumumkan Lim Wei"
    assert [(s[0], s[1], s[2]) for s in _sides(_events(stage, segmenter, body))] == [("11", "LBN", "SGPGOV")]


def test_what_a_speaker_says_later_keeps_the_date_of_its_statement(stage, segmenter):
    body = (
        "Dalam pernyataan yang dirilis Senin (18/3/2024), Lebanon mengecam Israel. "
        "Sebelumnya Israel menyerang desa di Lebanon pada 10 Maret. "
        "Lebanon juga mengkritik Malaysia."
    )
    dates = {(e.code[:2], e.target.actor_code): e.date for e in _events(stage, segmenter, body)}
    assert dates[("11", "MYS")] == "2024-03-18"


def _titled(stage, segmenter, title: str, body: str):
    doc = make_doc(segmenter, body, PUBLISHED, title=title)
    stage(doc)
    return doc.article.events


def test_a_headline_with_a_bare_stem_tells_its_own_event(stage, segmenter):
    events = _titled(
        stage,
        segmenter,
        "Indonesia Kecam Malaysia",
        "Hubungan Indonesia dan Malaysia memburuk pada Senin (18/3/2024).",
    )
    assert [(e.code[:2], e.source.actor_code, e.target.actor_code, e.evidence.where) for e in events] == [
        ("11", "IDN", "MYS", "title")
    ]


def test_a_headline_retelling_the_body_event_is_one_of_its_mentions(stage, segmenter):
    events = _titled(
        stage, segmenter, "Indonesia Kecam Malaysia", "Indonesia mengecam Malaysia pada Senin (18/3/2024)."
    )
    assert len(events) == 1 and len(events[0].mentions) == 2 and events[0].evidence.where == "body"


def test_bare_stems_are_no_verbs_in_the_body(stage, segmenter):
    assert _events(stage, segmenter, "Indonesia kecam Malaysia.") == []


def test_an_act_right_after_a_threat_verb_is_what_it_threatens(stage, segmenter):
    events = _titled(stage, segmenter, "Lebanon Ancam Serang Israel", "Warga Lebanon dan Israel cemas.")
    assert [(e.code[:2], e.target.actor_code) for e in events] == [("13", "ISR")]


def test_two_statements_to_one_side_in_two_sentences_are_two_events(stage, segmenter):
    body = "Malaysia mengatakan kepada China bahwa pintu dialog terbuka. Malaysia menepis kekhawatiran China."
    assert sorted(e.code for e in _events(stage, segmenter, body)) == ["010", "016"]


def test_the_one_killed_in_an_attack_is_its_target(stage, segmenter):
    body = "Lebanon mengatakan ia tewas dalam serangan Israel pada Senin (18/3/2024)."
    assert [
        (e.code[:2], e.source.actor_code, e.target.actor_code) for e in _events(stage, segmenter, body)
    ] == [("19", "ISR", "LBN")]


def test_a_visit_told_whole_with_visitor_and_destination(stage, segmenter):
    body = "Pertemuan itu digelar bersamaan dengan kunjungan resmi Presiden Maria Santos ke Jakarta."
    assert [(s[0], s[1], s[2], s[3]) for s in _sides(_events(stage, segmenter, body))] == [
        ("04", "PHLGOV", "IDN", "reported")
    ]


def test_a_planned_visit_told_whole_is_no_visit_made(stage, segmenter):
    body = "Pertemuan itu membahas rencana kunjungan Presiden Maria Santos ke Jakarta."
    assert [s for s in _sides(_events(stage, segmenter, body)) if s[3] == "reported"] == []


@pytest.mark.parametrize(
    "body, expected",
    [
        # who is behind an attack, said by another side: that side accuses the one behind it
        (
            "Budi Santoso menyebut Rusia berada di balik serangan terhadap kapal nelayan.",
            [("11", "IDNGOV", "RUS")],
        ),
        (
            "Maria Santos mengatakan Front Pembebasan merupakan dalang kerusuhan di Manila.",
            [("11", "PHLGOV", "PHLREB")],
        ),
        # told by no one, or claimed by the actor itself: no event
        ("Rusia berada di balik serangan terhadap kapal nelayan itu.", []),
        ("Front Pembebasan mengatakan mereka berada di balik serangan terhadap pos polisi.", []),
        # a noun of saying with "bahwa": the actor after it, else the clause's subject, tells it
        (
            "Langkah itu menyusul penegasan Vietnam bahwa China berada di balik serangan tersebut.",
            [("11", "VNM", "CHN")],
        ),
        ("Vietnam berkukuh dengan tuduhan bahwa China berada di balik serangan itu.", [("11", "VNM", "CHN")]),
        # the side before the verb of saying tells it; the one said to be behind is no actor here
        (
            "Rusia membantah tuduhan Vietnam yang menyatakan Moskwa berada di balik serangan itu.",
            [("01", "RUS", "VNM")],
        ),
    ],
)
def test_who_is_behind_an_attack_is_the_tellers_accusation(stage, segmenter, body, expected):
    assert [s[:3] for s in _sides(_events(stage, segmenter, body))] == expected


def test_an_attack_the_accused_denies_is_the_tellers_accusation(stage, segmenter):
    body = (
        "Budi Santoso mengatakan bahwa Rusia menyerang kapal nelayan Vietnam pada Senin. "
        "Rusia membantah pada Selasa."
    )
    sides = [s[:3] for s in _sides(_events(stage, segmenter, body))]
    assert ("11", "IDNGOV", "RUS") in sides
    assert not any(s[0] == "19" for s in sides)
