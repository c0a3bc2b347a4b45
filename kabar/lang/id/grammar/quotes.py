"""Indonesian morphology the quotes stage asks about (`kabar.quotes.grammar.QuoteGrammar`):
verb prefixes (meN-, ber-, ter-, di-…-kan/-i), derived nouns (ke-…-an, pe(N)-…-an, per-…-an and
the borrowed -itas/-isme/-asi), the emphatic particle -lah, the possessives -nya/-ku/-mu,
reduplicated plurals and `oleh`, the agent of a passive. The shapes are those of the affix system
described in Sneddon et al., *Indonesian: A Comprehensive Grammar* (2nd ed., 2010), kept to what
news attribution needs; exceptions (`media`, `kehilangan` …) are word lists in quotes.yaml.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kabar.lang import LanguagePack

_VERB = re.compile(r"^(?:me|ber|ter)\w{3,}$|^di\w{2,}(?:kan|i)$")
_ACTIVE = re.compile(r"^(?:me|ber)\w{3,}$")
_PASSIVE = re.compile(r"^di[a-z]{3,}$")
_NOMINAL = re.compile(r"^(?:ke|pe|per)\w{3,}an$|^\w{3,}(?:itas|isme|asi)$")
_MODIFIER_PREFIXES = ("me", "ter")
_EMPHATIC = "lah"
_POSSESSIVE = ("nya", "ku", "mu")  # enclitic possessives: dukungannya, pendapatku


@dataclass(frozen=True)
class IndonesianQuoteGrammar:
    passive_agent: str = "oleh"

    def looks_like_verb(self, low: str) -> bool:
        return _VERB.match(low) is not None

    def is_active_verb(self, low: str) -> bool:
        return _ACTIVE.match(low) is not None

    def is_passive_verb(self, low: str) -> bool:
        return _PASSIVE.match(low) is not None

    def looks_nominal(self, low: str) -> bool:
        return _NOMINAL.match(low) is not None

    def modifies_noun(self, low: str) -> bool:
        return low.startswith(_MODIFIER_PREFIXES)

    def without_emphasis(self, low: str) -> str | None:
        return low[: -len(_EMPHATIC)] if low.endswith(_EMPHATIC) else None

    def without_possessive(self, low: str) -> str | None:
        for suffix in _POSSESSIVE:
            if low.endswith(suffix) and len(low) > len(suffix) + 3:
                return low[: -len(suffix)]
        return None

    def plural_base(self, low: str) -> str | None:
        # menteri-menteri: a doubled word is its plural
        halves = low.split("-")
        return halves[0] if len(halves) == 2 and halves[0] == halves[1] else None


def build(pack: LanguagePack) -> IndonesianQuoteGrammar:
    return IndonesianQuoteGrammar()
