"""Tests of the compiled event dictionary (kabar/events/lexicon.py) and the Indonesian pack
files it reads."""

from __future__ import annotations

import pytest

from kabar.events import Lexicon
from kabar.lang import load_pack


@pytest.fixture(scope="module")
def pack():
    return load_pack("id")


def test_inflected_forms_share_one_entry(pack):
    lex = Lexicon(pack)
    for surface, code in [
        ("menyerang", "190"),
        ("diserang", "190"),
        ("serangannya", "190"),
        ("mengunjungi", "042"),
        ("dikunjungi", "042"),
        ("kunjungannya", "042"),
        ("menandatangani", "057"),
        ("ditandatangani", "057"),
        ("ditangkap", "173"),
        ("dikecam", "111"),
        ("diperingatkan", "130"),
        ("disepakati", "030"),
        ("dibom", "183"),
        ("penangkapan", "173"),
    ]:
        codes = {f.entry.code for f in lex.triggers.get(surface, [])}
        assert code in codes, (surface, codes)
    # the passive is marked as such; agent nouns and other senses are not triggers
    assert all(f.passive for f in lex.triggers["diserang"])
    for not_event in ("pengunjung", "penyerang", "menemukan", "ditemukan", "pembantu"):
        assert not_event not in lex.triggers


def test_dictionary_covers_all_twenty_roots(pack):
    lex = Lexicon(pack)
    roots = {f.entry.code[:2] for forms in lex.triggers.values() for f in forms}
    assert roots == {f"{i:02d}" for i in range(1, 21)}


def test_generic_actor_nouns_agree_with_role_phrases(pack):
    """A noun listed both as a generic actor and as a role before a country has one role."""
    lex = Lexicon(pack)
    assert lex.generic, "generic_actors.tsv is empty"
    data = pack.yaml("events.yaml")
    for role, phrases in (data.get("actor_roles") or {}).items():
        for phrase in phrases:
            words = tuple(phrase.lower().split())
            if words in lex.generic:
                assert lex.generic[words][0] == role, (phrase, role, lex.generic[words])
    assert lex.generic[("polisi",)][0] == "COP" and lex.generic[("mahasiswa",)][0] == "EDU"
    assert lex.home_country == "IDN"
