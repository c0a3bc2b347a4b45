"""CAMEO to PLOVER: the event type, mode and context of a CAMEO event code.

PLOVER (Political Language Ontology for Verifiable Event Records, Open Event Data Alliance) is
the ontology of POLECAT, the successor of ICEWS. It keeps CAMEO's cue categories as event
types (AGREE, CONSULT, ... ASSAULT), moves the detail of the 3- and 4-digit codes into a `mode`
(how) and a `context` (what about), and drops CAMEO 01 (statements) and 02 (appeals).

The mapping is the Alliance's own crosswalk, CAMEO2PLOVER-2021.txt (CC BY-SA 4.0), converted to
`kabar/data/plover/cameo_plover.tsv`; its README says where it comes from and what changed.

    >>> from kabar import plover
    >>> plover.plover_of("042")
    PloverType(event='CONSULT', mode='visit', context=())
    >>> plover.plover_of("0124") is None      # CAMEO 01: no PLOVER category
    True

Rebuild the table from the crosswalk:
`python -m kabar.plover ../shared/data/plover/CAMEO2PLOVER-2021.txt > kabar/data/plover/cameo_plover.tsv`
"""

from __future__ import annotations

import functools
import sys
from dataclasses import dataclass
from pathlib import Path

TABLE = Path(__file__).parent / "data" / "plover" / "cameo_plover.tsv"

# PLOVER's quad categories (PLOVER manual, "PLOVER quad categories"). The 2021 crosswalk names
# CAMEO 10 DEMAND "REQUEST"; it stands where the manual's table still says DEMAND.
QUAD_CODES = {
    **dict.fromkeys(("AGREE", "CONSULT", "SUPPORT", "CONCEDE"), 1),
    **dict.fromkeys(("COOPERATE", "AID", "RETREAT", "INVESTIGATE"), 2),
    **dict.fromkeys(("REQUEST", "DEMAND", "ACCUSE", "REJECT", "SANCTION", "THREATEN"), 3),
    **dict.fromkeys(("PROTEST", "MOBILIZE", "COERCE", "ASSAULT"), 4),
}

_HEADER = """\
# CAMEO event code -> PLOVER event type, mode and context.
# Converted from CAMEO2PLOVER-2021.txt ("CAMEO to PLOVER conversion table", PLOVER manual draft 0.8,
# 17 September 2021, edited by Philip Schrodt), openeventdata/PLOVER, commit
# 5e0c24fba623f2d8df5ae3c7de7a94dba90d5b6f. Copyright Open Event Data Alliance. Licensed under
# Creative Commons Attribution-ShareAlike 4.0 International (CC BY-SA 4.0); this table is shared
# under the same licence. Changes: tab-separated, spaces trimmed, comments dropped, contexts
# separated by ';' kept in that form, repeated identical rows kept once, and a 2-digit cue
# category kept only where the crosswalk gives it one event type (08 has two: CONCEDE, RETREAT).
# Columns: cameo (2-, 3- or 4-digit code), event, mode (may be empty), context (';'-separated, may be empty)
"""


@dataclass(frozen=True)
class PloverType:
    event: str
    mode: str | None
    context: tuple[str, ...]


def parse_crosswalk(text: str) -> dict[str, PloverType]:
    """The rows of CAMEO2PLOVER-2021.txt (`code: EVENT, mode, context # note`) by CAMEO code."""
    rows: dict[str, PloverType] = {}
    conflicting: set[str] = set()
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        code, sep, rest = line.partition(":")
        if not sep or not code.strip().isdigit():
            continue
        code = code.strip()
        fields = [f.strip() for f in rest.split(",")] + ["", ""]
        if not fields[0]:
            continue
        kind = PloverType(
            event=fields[0].upper(),
            mode=fields[1] or None,
            context=tuple(c.strip() for c in fields[2].split(";") if c.strip()),
        )
        if code in rows and rows[code] != kind:
            conflicting.add(code)
        rows.setdefault(code, kind)
    for code in conflicting:
        del rows[code]
    return rows


def to_tsv(rows: dict[str, PloverType]) -> str:
    lines = [_HEADER.rstrip("\n"), "cameo\tevent\tmode\tcontext"]
    for code in sorted(rows):
        kind = rows[code]
        lines.append("\t".join((code, kind.event, kind.mode or "", ";".join(kind.context))))
    return "\n".join(lines) + "\n"


@functools.lru_cache(maxsize=1)
def mapping() -> dict[str, PloverType]:
    """The shipped CAMEO -> PLOVER table, by CAMEO code."""
    rows: dict[str, PloverType] = {}
    for line in TABLE.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#") or line.startswith("cameo\t"):
            continue
        code, event, mode, context = (line.split("\t") + ["", "", ""])[:4]
        rows[code] = PloverType(event, mode or None, tuple(c for c in context.split(";") if c))
    return rows


def plover_of(code: str | None) -> PloverType | None:
    """The PLOVER type of a CAMEO code: its own row, else its 3-digit parent's, else its cue
    category's (the crosswalk lists every 3-digit code, so the fallbacks serve 4-digit codes it
    leaves out). None for CAMEO 01 and 02, which PLOVER drops."""
    if not code:
        return None
    table = mapping()
    for key in (code, code[:3], code[:2]):
        if key in table:
            return table[key]
    return None


def quad_code(event: str | None) -> int | None:
    """PLOVER's quad category (1 verbal cooperation ... 4 material conflict) of an event type."""
    return QUAD_CODES.get(event or "")


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: python -m kabar.plover CAMEO2PLOVER-2021.txt > cameo_plover.tsv", file=sys.stderr)
        return 2
    sys.stdout.write(to_tsv(parse_crosswalk(Path(argv[0]).read_text(encoding="utf-8"))))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
