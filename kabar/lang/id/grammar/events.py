"""Indonesian grammar for the `events` stage (protocol: kabar/events/grammar.py).

Verbs: a meN- verb (menyerang, mengunjungi, memperingatkan) has a di- passive built on its
stem (diserang, dikunjungi, diperingatkan). The stem is found by undoing the meN- prefix
(meny- -> s, men- -> t or n, meng- -> k or a vowel ...); where several stems are possible,
the one the entry's other forms share (kunjungan, berkunjung -> kunjung) wins, else the one
Sastrawi's stemmer agrees with. Clitics: -nya (possessive), -lah, -pun.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from kabar.lang import LanguagePack

_ME = re.compile(r"^(memper|meny|meng|mem|men|me)(.*)$")
_VERB_AFFIX = re.compile(r"^(me|di|ber|ter|mem|men|meng|meny|memper|diper)[a-z]{3,}$")
_NOUN_SUFFIX = re.compile(r"(an|nya)$")
_VERB_SUFFIX = re.compile(r"(kan|i)$")
_VOWELS = "aiueo"
_SIBLING_PREFIXES = ("ber", "ter", "per", "ke", "se")


def stem_candidates(word: str) -> list[str]:
    """Stems (suffix kept) a meN- verb may come from: menyerang -> serang, mengunjungi -> unjungi/kunjungi."""
    m = _ME.match(word)
    if not m or not m.group(2):
        return []
    prefix, rest = m.groups()
    if prefix == "memper":
        return ["per" + rest]
    if prefix == "meny":
        return ["s" + rest] if rest[0] in _VOWELS else []
    if prefix == "meng":
        return _meng_stems(rest)
    if prefix == "mem":
        if rest[0] in "bfvp":
            return [rest]
        return ["p" + rest, "m" + rest] if rest[0] in _VOWELS else []
    if prefix == "men":
        if rest[0] in "cdjzst":
            return [rest]
        return ["t" + rest, "n" + rest] if rest[0] in _VOWELS else []
    return [rest] if rest[0] in "lmnrwy" or rest.startswith(("ng", "ny")) else []


def _meng_stems(rest: str) -> list[str]:
    out = []
    if rest.startswith("e") and len(rest) <= 5:  # mengebom -> bom
        out.append(rest[1:])
    if rest[0] in _VOWELS:
        out += [rest, "k" + rest]
    elif rest[0] in "ghk":
        out.append(rest)
    return out


@dataclass
class IndonesianEvents:
    clitics: tuple[str, ...] = ("nya", "lah", "pun")
    possessive_clitic: str = "nya"
    relative_pronoun: str = "yang"
    agent_preposition: str = "oleh"
    source_preposition: str = "dari"
    comitative: str = "bersama"
    locative_prepositions: frozenset[str] = frozenset({"di"})
    directional_prepositions: frozenset[str] = frozenset({"ke"})
    _stemmer: Any = field(default=None, repr=False)

    def passive_forms(self, verb: str, siblings: set[str]) -> list[str]:
        if not verb.startswith("me"):
            return []
        stem = self._stem_of(verb, siblings)
        if not stem:
            return []
        return ["diper" + stem[3:] if verb.startswith("memper") else "di" + stem]

    def headline_forms(self, verb: str, siblings: set[str]) -> list[str]:
        # headlines drop the meN- prefix: the passive's stem ("mengecam" -> "kecam", "memperingatkan"
        # -> "peringatkan"); a verb without a passive keeps no bare form
        return [p[2:] for p in self.passive_forms(verb, siblings)]

    def looks_like_verb(self, word: str) -> bool:
        return bool(_VERB_AFFIX.match(word))

    def is_passive_verb(self, word: str) -> bool:
        return word.startswith("di")

    def is_active_verb(self, word: str) -> bool:
        return word.startswith("me")

    def _stem_of(self, word: str, siblings: set[str]) -> str | None:
        cands = stem_candidates(word)
        if len(cands) <= 1:
            return cands[0] if cands else None
        if self._stemmer is None:
            from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

            self._stemmer = StemmerFactory().create_stemmer()
        sastrawi = self._stemmer.stem(word)
        bare = set()
        for sib in siblings:  # kunjungan, berkunjung -> kunjung (only affixes that keep the stem whole)
            w = _NOUN_SUFFIX.sub("", sib)
            bare.update({sib, w})
            bare.update(w[len(p) :] for p in _SIBLING_PREFIXES if w.startswith(p))

        def score(c: str) -> tuple[int, int]:
            core = _VERB_SUFFIX.sub("", c)
            s = 2 if core in bare or c in bare else 0
            if sastrawi and (c.startswith(sastrawi) or core == sastrawi):
                s += 1
            return (s, -cands.index(c))

        return max(cands, key=score)


def build(pack: LanguagePack) -> IndonesianEvents:
    return IndonesianEvents()
