"""Offices written before a name (issue 11, seed-14 hand check): a minister's short title
('Menpora') codes him GOV; the head of an anti-graft commission is no legislator (the longest
title wins over 'Ketua Komisi'). Every sentence here is invented for the test."""

from __future__ import annotations

import pytest

import kabar


@pytest.mark.parametrize(
    ("sentence", "name", "code"),
    [
        ("Menpora Budi Hartono menghadiri pembukaan pekan olahraga di Palembang.", "Budi Hartono", "IDNGOV"),
        ("Menteri Pemuda dan Olahraga (Menpora) Budi Hartono tiba di Senayan.", "Budi Hartono", "IDNGOV"),
        ("Ketua Komisi Pemberantasan Korupsi (KPK) Budi Hartono mengirim surat ke DPR.", "Budi Hartono", "IDNGOV"),
        ("Ketua Komisi I DPR Budi Hartono mengirim surat ke Kementerian Luar Negeri.", "Budi Hartono", "IDNLEG"),
        ("Menteri Riset, Teknologi, dan Pendidikan Tinggi (Menristekdikti) Budi Hartono membuka pameran itu.",
         "Budi Hartono", "IDNGOV"),
    ],
)
def test_office_title_codes_the_person(sentence, name, code):
    ents = {e.name: e.actor_code for e in kabar.extract(sentence, published="2024-03-20").entities}
    assert ents.get(name) == code



def test_no_name_starts_inside_a_hyphenated_word():
    text = "Koordinator HAM-I Dodi Saputra meminta polisi membebaskan rekannya."
    names = [e.name for e in kabar.extract(text, published="2024-03-20").entities]
    assert names == ["Dodi Saputra"]
