"""Codes from the hand check of issue 11, on invented sentences: telling a side an imperative is a
request; sending a resignation letter is no statement."""

from __future__ import annotations

import pytest
from eventdocs import make_doc, segmenter, stage  # noqa: F401 - the shared fixtures

import kabar

PUBLISHED = "2024-03-20T09:00:00+07:00"



def _codes(stage, segmenter, body: str) -> list[str]:
    doc = make_doc(segmenter, body, PUBLISHED)
    stage(doc)
    return [e.code for e in doc.article.events]


@pytest.mark.parametrize("imperative", ["jangan kirim kapal itu", "tolong kirim bantuan"])
def test_telling_a_side_an_imperative_is_a_request(stage, segmenter, imperative):
    body = f"Pejabat Malaysia mengatakan kepada Vietnam, '{imperative}'."
    assert [c[:2] for c in _codes(stage, segmenter, body)] == ["02"]


def test_telling_a_side_a_fact_stays_a_statement(stage, segmenter):
    body = "Pejabat Malaysia mengatakan kepada Vietnam bahwa kapal itu sudah pergi."
    assert [c[:2] for c in _codes(stage, segmenter, body)] == ["01"]


def test_a_resignation_letter_is_no_statement(stage, segmenter):
    body = "Budi Santoso mengirimkan surat pengunduran diri kepada Ahmad Rahman."
    assert _codes(stage, segmenter, body) == []


def test_a_letter_is_still_a_statement(stage, segmenter):
    assert _codes(stage, segmenter, "Budi Santoso mengirimkan surat kepada Ahmad Rahman.") == ["010"]


@pytest.mark.parametrize(
    "withheld", ["tidak kunjung mengeluarkan visa untuk", "menolak memberikan visa kepada"]
)
def test_withholding_a_visa_reduces_relations(stage, segmenter, withheld):
    body = f"Budi Santoso batal hadir karena Malaysia {withheld} Budi Santoso."
    assert "160" in _codes(stage, segmenter, body)


def test_issuing_a_visa_is_no_sanction(stage, segmenter):
    body = "Malaysia mengeluarkan visa untuk Budi Santoso."
    assert [c for c in _codes(stage, segmenter, body) if c.startswith("16")] == []



# Seed-19/29 hand checks: a verb of burning after an attack noun reports the attack; the one whose
# attack it is burns nothing himself ("Serangan drone Houthi membakar kilang ..." was 1712, coerce).
def _extracted(body: str) -> list[str]:
    return [e.code for e in kabar.extract(body, lang="id", published=PUBLISHED).events if e.factual]


@pytest.mark.parametrize("attack", ["Serangan drone", "Serangan drone pemberontak", "Serangan udara"])
def test_a_burning_attack_is_the_attack(attack):
    body = f"{attack} Houthi Yaman membakar dua kilang minyak Arab Saudi, Sabtu (16/3/2024)."
    assert [c[:2] for c in _extracted(body)] == ["19"]


def test_a_burning_attack_is_the_attack_where_a_cut_link_leaves_a_comma():
    """News sites' text often loses a linked name, leaving ' , ': the verb then has a subject of
    its own, but it still reports the attack before it."""
    body = "Serangan drone pemberontak , Yaman membakar dua kilang minyak Arab Saudi, Sabtu (16/3/2024)."
    assert [c[:2] for c in _extracted(body)] == ["19"]


def test_a_crowd_burning_an_office_destroys_property():
    body = "Massa membakar kantor DPRD Papua Barat di Manokwari, Senin (18/3/2024)."
    assert [c[:3] for c in _extracted(body)] == ["171"]


def test_a_body_welcomed_at_its_grave_is_no_visit():
    """Seed 31 #47: 'jenazah X disambut ... oleh masyarakat' was 043, hosting a visit."""
    body = "Tiba di pemakaman, jenazah Bacharuddin Jusuf Habibie disambut kalimat tauhid oleh masyarakat yang hadir."
    assert [c for c in _extracted(body) if c.startswith("04")] == []
    body = "Presiden Joko Widodo menyambut Perdana Menteri Malaysia Mahathir Mohamad di Istana Bogor."
    assert [c for c in _extracted(body) if c.startswith("04")] == ["043"]
