"""Seed-16 hand-check classes (issue #11), on invented sentences: a deontic sentence adverb that
opens the clause before its subject ("Sebaiknya Pak X bertemu ...") is advice, not a reported act."""

from __future__ import annotations

import pytest

import kabar

PUBLISHED = "2024-03-20T09:00:00+07:00"


def _events(body: str, **kw):
    return kabar.extract(body, lang="id", published=PUBLISHED, **kw).events


@pytest.mark.parametrize(
    "body",
    [
        "Makanya sebaiknya Pak Jokowi bertemu dengan mahasiswa.",
        "Seharusnya Presiden Jokowi bertemu dengan para buruh.",
        "Lebih baik Presiden Jokowi bertemu dengan mahasiswa.",
    ],
)
def test_advice_before_the_subject_is_no_act(body):
    assert not [e for e in _events(body) if e.code == "040" and e.factual]


def test_a_clause_after_the_advice_keeps_its_act():
    body = "Sebaiknya kita tahu, Presiden Jokowi bertemu dengan mahasiswa kemarin."
    assert [e for e in _events(body) if e.code == "040" and e.factual]
