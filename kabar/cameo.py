"""The CAMEO ontology as data: event codes (with name, Goldstein score and quad class), actor
role codes, and the map from an action to the code for expressing the intent to do it.

    >>> from kabar import cameo
    >>> cameo.event("042")
    EventCode(code='042', root='04', name='Make a visit', goldstein=1.9, quad_class=1)
    >>> cameo.intent_code("042"), cameo.base_code("0874"), cameo.split_actor_code("IRNMIL")
    ('036', '087', ('IRN', ('MIL',)))

The tables live in `kabar/data/cameo/` (TSV with a header comment naming their source) and are
read once per process. Codes are strings: "04" is a root, "042" a base code, "0874" a leaf.
"""

from __future__ import annotations

import csv
import functools
from dataclasses import dataclass
from pathlib import Path

DATA_DIR = Path(__file__).parent / "data" / "cameo"

QUAD_CLASS_NAMES = {
    1: "Verbal cooperation",
    2: "Material cooperation",
    3: "Verbal conflict",
    4: "Material conflict",
}


@dataclass(frozen=True)
class EventCode:
    code: str
    root: str
    name: str
    goldstein: float
    quad_class: int


@dataclass(frozen=True)
class ActorRole:
    code: str
    kind: str  # one of ROLE_KINDS
    name: str


# The kinds of actor role codes (the `kind` column of actor_roles.tsv).
ROLE_KINDS = ("role", "secondary", "international", "group", "religion")
# the roles of the state's own organs (CAMEO actor codebook, government sector)
STATE_ROLES = frozenset({"GOV", "MIL", "COP", "SPY", "JUD", "LEG"})


def _rows(name: str) -> list[dict[str, str]]:
    with (DATA_DIR / name).open(encoding="utf-8") as fh:
        lines = [line for line in fh if line.strip() and not line.startswith("#")]
    return [{k: (v or "").strip() for k, v in row.items()} for row in csv.DictReader(lines, delimiter="\t")]


@functools.cache
def _events() -> dict[str, EventCode]:
    table: dict[str, EventCode] = {}
    for row in _rows("event_codes.tsv"):
        table[row["code"]] = EventCode(
            code=row["code"],
            root=row["root"],
            name=row["name"],
            goldstein=float(row["goldstein"]),
            quad_class=int(row["quad_class"]),
        )
    return table


@functools.cache
def _roles() -> dict[str, ActorRole]:
    return {r["code"]: ActorRole(r["code"], r["kind"], r["name"]) for r in _rows("actor_roles.tsv")}


@functools.cache
def _intents() -> dict[str, str]:
    return {r["code"]: r["intent"] for r in _rows("intent_codes.tsv")}


def _normalise(code: str | int) -> str:
    text = str(code).strip()
    if len(text) == 1 and text.isdigit():  # 4 -> "04" (a root given as a number)
        text = "0" + text
    return text


# -- event codes ---------------------------------------------------------------------------------


def event(code: str | int) -> EventCode:
    """The CAMEO event code `code` ("042", "0874", "19"); KeyError if CAMEO has no such code."""
    text = _normalise(code)
    try:
        return _events()[text]
    except KeyError:
        raise KeyError(
            f"'{code}' is not a CAMEO event code (two to four digits, e.g. 04, 042, 0874)"
        ) from None


def get(code: str | int | None) -> EventCode | None:
    """Like `event`, but None for an unknown code."""
    if code is None:
        return None
    return _events().get(_normalise(code))


def is_event_code(code: str | int | None) -> bool:
    return get(code) is not None


def event_codes() -> list[EventCode]:
    """Every event code, in codebook order (roots before their children)."""
    return list(_events().values())


def root(code: str | int) -> str:
    """Root (first two digits): "0874" -> "08"."""
    return event(code).root


def base_code(code: str | int) -> str:
    """Three-digit base code, as GDELT's EventBaseCode: "0874" -> "087", "042" -> "042",
    a root "04" -> "040" (the root's generic code)."""
    c = event(code).code
    return c + "0" if len(c) == 2 else c[:3]


def root_code(code: str | int) -> str:
    """Alias of `root` under GDELT's column name (EventRootCode)."""
    return root(code)


def name(code: str | int) -> str:
    return event(code).name


def goldstein(code: str | int) -> float:
    return event(code).goldstein


def quad_class(code: str | int) -> int:
    """1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict."""
    return event(code).quad_class


def parent(code: str | int) -> str | None:
    """The code one level up ("0874" -> "087", "087" -> "08"), None for a root."""
    c = event(code).code
    return None if len(c) == 2 else c[:-1]


def children(code: str | int) -> list[str]:
    """Codes one level below `code` ("08" -> "080".."087"; "087" -> "0871".."0874")."""
    c = event(code).code
    return [k for k in _events() if len(k) == len(c) + 1 and k.startswith(c)]


def is_verbal(code: str | int) -> bool:
    """True for quad classes 1 and 3: statements, appeals, praise, criticism, demands, threats..."""
    return event(code).quad_class in (1, 3)


def is_intent(code: str | int) -> bool:
    """True for codes that are themselves expressions of intent (roots 03 and 13)."""
    return event(code).root in ("03", "13")


def intent_code(code: str | int) -> str | None:
    """CAMEO's code for expressing the intent to do `code`, or None where the codebook has none.

    "042" (make a visit) -> "036" (express intent to meet); "163" (impose sanctions) -> "1312"
    (threaten with sanctions); "195" (aerial weapons) -> "1384" (threaten conventional attack).
    Intent codes (roots 03 and 13) map to themselves; statements, appeals, investigations,
    demands, criticism and rejections (roots 01, 02, 09-12) and force posture (15) have none.
    """
    c = event(code).code
    if is_intent(c):
        return c
    table = _intents()
    probe: str | None = c
    while probe:
        if probe in table:
            return table[probe]
        probe = None if len(probe) == 2 else probe[:-1]
    return None


# -- codes as stored: tolerant of codes outside the codebook ----------------------------------------
# Events may carry a code the codebook lacks (a coder's extension, a typo in a pack); the store
# still files them by the digits they have.


def root_of(code: str | None) -> str | None:
    """Root of any code: the codebook's root when known, else its first two digits."""
    if not code:
        return code
    known = get(code)
    return known.root if known is not None else code[:2]


def base_of(code: str | None) -> str | None:
    """Three-digit base of any code as the store files it: "0251" -> "025"; codes of two or
    three digits are their own base (unlike `base_code`, which maps a root "04" to "040")."""
    if not code or len(code) <= 3:
        return code
    known = get(code)
    return known.code[:3] if known is not None else code[:3]


def quad_class_of(code: str | None) -> int | None:
    """Quad class of any code, by the codebook when it knows the code, else by its root's range:
    1 verbal cooperation (01-05), 2 material cooperation (06-08), 3 verbal conflict (09-13),
    4 material conflict (14-20); None when the code says nothing."""
    if not code:
        return None
    known = get(code)
    if known is not None:
        return known.quad_class
    try:
        root_number = int(code[:2])
    except ValueError:
        return None
    for quad, last_root in ((1, 5), (2, 8), (3, 13), (4, 20)):
        if 1 <= root_number <= last_root:
            return quad
    return None


# -- actor codes ---------------------------------------------------------------------------------


def actor_role(code: str) -> ActorRole:
    """A CAMEO actor role/type code ("MIL", "GOV", "IGO"); KeyError if unknown."""
    try:
        return _roles()[code.upper()]
    except KeyError:
        raise KeyError(f"'{code}' is not a CAMEO actor role code (e.g. GOV, MIL, COP, REB, IGO)") from None


def actor_roles() -> list[ActorRole]:
    return list(_roles().values())


def role_codes(*kinds: str) -> frozenset[str]:
    """The role codes of these kinds (all codes when none is given): `role_codes("role",
    "secondary")` are those that say what an actor is within its state."""
    unknown = set(kinds) - set(ROLE_KINDS)
    if unknown:
        raise KeyError(f"{sorted(unknown)} not among the kinds of actor role codes {ROLE_KINDS}")
    return frozenset(r.code for r in _roles().values() if not kinds or r.kind in kinds)


def known_group_codes() -> frozenset[str]:
    """Codes naming one international organisation (UNO, AMN), GDELT's KnownGroupCode."""
    return role_codes("group")


def is_role_code(code: str | None) -> bool:
    return bool(code) and code.upper() in _roles()  # type: ignore[union-attr]


@functools.lru_cache(maxsize=4096)  # the same few hundred codes, asked for per mention and event
def split_actor_code(actor_code: str | None) -> tuple[str | None, tuple[str, ...]]:
    """Split an actor code into its country part and role parts, three letters each.

    "IRNMIL" -> ("IRN", ("MIL",)); "USA" -> ("USA", ()); "IGOUNO" -> (None, ("IGO", "UNO"));
    "IDNGOVLEG" -> ("IDN", ("GOV", "LEG")). A first part that is a role code is not a country.
    """
    if not actor_code:
        return None, ()
    code = actor_code.strip().upper()
    parts = [code[i : i + 3] for i in range(0, len(code), 3)]
    if not parts:
        return None, ()
    if is_role_code(parts[0]):
        return None, tuple(parts)
    return parts[0], tuple(parts[1:])


def actor_country(actor_code: str | None) -> str | None:
    return split_actor_code(actor_code)[0]


def compose_actor_code(country: str | None, *roles: str | None) -> str | None:
    """Country code followed by role codes, skipping roles the code already has.

    compose_actor_code("IRN", "MIL") -> "IRNMIL"; compose_actor_code("IRNMIL", "MIL") -> "IRNMIL".
    """
    code = (country or "").upper()
    have = set(split_actor_code(code)[1]) if code else set()
    for role in roles:
        if role and role.upper() not in have:
            code += role.upper()
            have.add(role.upper())
    return code or None
