"""Tests of kabar.cameo: the CAMEO codebook as data and its helpers."""

from __future__ import annotations

import pytest

from kabar import cameo


def test_every_code_has_name_score_and_quad_class():
    codes = cameo.event_codes()
    assert len(codes) == 312
    roots = {c.root for c in codes}
    assert roots == {f"{i:02d}" for i in range(1, 21)}
    for c in codes:
        assert c.code.isdigit() and 2 <= len(c.code) <= 4 and c.code.startswith(c.root)
        assert c.name and -10.0 <= c.goldstein <= 10.0
        expected_quad = 1 if c.root <= "05" else 2 if c.root <= "08" else 3 if c.root <= "13" else 4
        assert c.quad_class == expected_quad
    # every 3- and 4-digit code has its parent in the table
    table = {c.code for c in codes}
    assert all(c.code[:-1] in table for c in codes if len(c.code) > 2)


def test_known_values():
    assert cameo.event("042") == cameo.EventCode("042", "04", "Make a visit", 1.9, 1)
    assert cameo.goldstein("195") == -10.0 and cameo.quad_class("195") == 4
    assert cameo.goldstein("016") == -5.0  # the source's value (GDELT's table says -2.0)
    assert cameo.event(4).code == "04" and cameo.name("0874") == "Retreat or surrender militarily"


def test_unknown_code():
    with pytest.raises(KeyError, match="not a CAMEO event code"):
        cameo.event("999")
    assert cameo.get("0999") is None and not cameo.is_event_code("21")


def test_root_base_parent_children():
    assert cameo.root("0874") == "08" and cameo.root_code("195") == "19"
    assert cameo.base_code("0874") == "087" and cameo.base_code("042") == "042" and cameo.base_code("04") == "040"
    assert cameo.parent("0874") == "087" and cameo.parent("087") == "08" and cameo.parent("08") is None
    assert cameo.children("087") == ["0871", "0872", "0873", "0874"]
    assert "040" in cameo.children("04") and "0411" not in cameo.children("04")


def test_intent_codes():
    assert cameo.intent_code("042") == "036"  # visit -> express intent to meet
    assert cameo.intent_code("163") == "1312"  # sanctions -> threaten with sanctions
    assert cameo.intent_code("195") == "1384"  # air strike -> threaten conventional attack
    assert cameo.intent_code("071") == "0331" and cameo.intent_code("0841") == "0353"
    assert cameo.intent_code("0871") == "0356"  # falls back to the parent 087
    assert cameo.intent_code("036") == "036" and cameo.intent_code("138") == "138"
    for verbal in ("010", "020", "090", "111", "120", "150"):
        assert cameo.intent_code(verbal) is None
    for code, intent in ((c.code, cameo.intent_code(c.code)) for c in cameo.event_codes()):
        if intent is not None:
            assert cameo.is_intent(intent), (code, intent)
    assert cameo.is_verbal("111") and not cameo.is_verbal("190")


def test_actor_roles_and_codes():
    assert cameo.actor_role("MIL").name == "Military"
    for code in ("GOV", "MIL", "REB", "OPP", "PTY", "COP", "JUD", "LEG", "BUS", "MED", "NGO", "IGO", "EDU",
                 "CVL", "REF", "SPY"):
        assert cameo.is_role_code(code)
    with pytest.raises(KeyError):
        cameo.actor_role("XYZ")
    assert cameo.split_actor_code("IRNMIL") == ("IRN", ("MIL",))
    assert cameo.split_actor_code("USA") == ("USA", ())
    assert cameo.split_actor_code("IGOUNO") == (None, ("IGO", "UNO"))
    assert cameo.split_actor_code(None) == (None, ())
    assert cameo.actor_country("RUSGOV") == "RUS"
    assert cameo.compose_actor_code("IRN", "MIL") == "IRNMIL"
    assert cameo.compose_actor_code("IRNMIL", "MIL") == "IRNMIL"
    assert cameo.compose_actor_code(None, None) is None


def test_codes_as_stored_are_read_even_outside_the_codebook():
    assert (cameo.root_of("0874"), cameo.base_of("0874"), cameo.quad_class_of("0874")) == ("08", "087", 2)
    # Two- and three-digit codes are their own base where the store files them.
    assert cameo.base_of("04") == "04" and cameo.base_of("042") == "042"
    # A code the codebook lacks still has digits to file it by.
    assert not cameo.is_event_code("1999")
    assert (cameo.root_of("1999"), cameo.base_of("1999"), cameo.quad_class_of("1999")) == ("19", "199", 4)
    assert cameo.quad_class_of("21") is None and cameo.quad_class_of("xx") is None
    assert cameo.root_of(None) is None and cameo.base_of("") == "" and cameo.quad_class_of(None) is None


def test_role_codes_by_kind_and_known_groups():
    domestic = cameo.role_codes("role", "secondary")
    assert {"GOV", "MIL", "LEG", "BUS", "CVL"} <= domestic and not {"IGO", "UNO", "MOS"} & domestic
    assert cameo.known_group_codes() == {"UNO", "PKO", "AMN", "IRC", "GRP"}
    assert cameo.role_codes() == {r.code for r in cameo.actor_roles()}
    assert {r.kind for r in cameo.actor_roles()} == set(cameo.ROLE_KINDS)
    assert cameo.is_role_code("REL")  # "Pope Francis" is VATREL
    with pytest.raises(KeyError):
        cameo.role_codes("domestic")
