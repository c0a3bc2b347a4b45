"""Codes from the hand check of issue 11, on invented sentences: telling a side an imperative is a
request; sending a resignation letter is no statement."""

from __future__ import annotations

import pytest
from eventdocs import make_doc, segmenter, stage  # noqa: F401 - the shared fixtures

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
