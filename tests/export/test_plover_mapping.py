"""CAMEO -> PLOVER: the shipped table is the Open Event Data Alliance's crosswalk, converted."""

from __future__ import annotations

from pathlib import Path

import pytest

from kabar import cameo, plover
from kabar.plover import PloverType

# Paths of their own: a conftest.py in another test folder shadows the top one on sys.path.
REPO = Path(__file__).resolve().parents[2]
SHARED = REPO.parent / "shared"
CROSSWALK = SHARED / "data" / "plover" / "CAMEO2PLOVER-2021.txt"


def test_the_shipped_table_is_the_crosswalk_converted():
    if not CROSSWALK.exists():
        pytest.skip("../shared/data/plover is not here")
    converted = plover.to_tsv(plover.parse_crosswalk(CROSSWALK.read_text(encoding="utf-8")))
    assert plover.TABLE.read_text(encoding="utf-8") == converted
    assert "CC BY-SA 4.0" in converted and "Open Event Data Alliance" in converted


def test_event_mode_and_context_of_cameo_codes():
    assert plover.plover_of("042") == PloverType("CONSULT", "visit", ())
    assert plover.plover_of("0841") == PloverType("RETREAT", "release", ("legal",))
    assert plover.plover_of("1124") == PloverType("ACCUSE", "allege", ("military", "legal"))
    assert plover.plover_of("173") == PloverType("COERCE", "arrest", ("legal",))
    assert plover.plover_of("081").event == "CONCEDE" and plover.plover_of("084").event == "RETREAT"
    # A 4-digit code the crosswalk does not list takes its 3-digit parent's row.
    assert plover.plover_of("0419") == plover.plover_of("041")
    # PLOVER drops CAMEO 01 (statements) and 02 (appeals).
    assert [plover.plover_of(c) for c in ("010", "0231", None)] == [None, None, None]
    assert [plover.quad_code(e) for e in ("CONSULT", "ASSAULT", "X")] == [1, 4, None]


def test_every_cameo_code_kabar_knows_has_a_plover_type_unless_plover_drops_it():
    unmapped = [
        e.code for e in cameo.event_codes()
        if len(e.code) > 2 and e.code[:2] not in ("01", "02") and plover.plover_of(e.code) is None
    ]  # fmt: skip
    assert unmapped == []


def test_parsing_keeps_one_row_per_code_and_drops_an_ambiguous_cue_category():
    text = """# a header line
08: CONCEDE
08: RETREAT
175: ASSAULT, pro_autocracy , military # Use violent repression
175: ASSAULT, pro_autocracy , military # said twice
091: ACCUSE, investigate, crime; corruption # Investigate crime
035: AGREE,  ,      # Express intent to yield
"""
    rows = plover.parse_crosswalk(text)
    assert "08" not in rows
    assert rows["175"] == PloverType("ASSAULT", "pro_autocracy", ("military",))
    assert rows["091"].context == ("crime", "corruption") and rows["035"] == PloverType("AGREE", None, ())
