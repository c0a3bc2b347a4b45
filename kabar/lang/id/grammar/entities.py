"""Indonesian for the `entities` stage: the common-word test behind `EntityGrammar`.

A capitalised word is unlikely to be a name when it is an Indonesian root word (the Sastrawi
stemmer's dictionary, `kata-dasar.txt`) or a word derived from one by the usual affixes
(meN-, peN-, ber-, di-, ke-, se- ...), suffixes and clitics (-kan, -an, -i, -nya, -lah, -kah)
or an abstract-noun confix (pe-...-an, ke-...-an). Stripping affixes here over-generates
candidate roots on purpose: a false "common" only costs a name that other evidence must carry.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

from kabar.lang import LanguagePack

SUFFIXES = ("nya", "kan", "an", "i", "lah", "kah")
PREFIXES = (
    "memper", "meng", "meny", "mem", "men", "me", "peng", "peny", "pem", "pen", "per", "pe",
    "ber", "be", "ter", "te", "di", "ke", "se",
)  # fmt: skip
# the nasal prefixes replace a root's first consonant: menyerang <- serang, memukul <- pukul,
# menulis <- tulis, mengirim <- kirim
NASAL_INITIAL = {
    "meny": "s",
    "peny": "s",
    "mem": "p",
    "pem": "p",
    "men": "t",
    "pen": "t",
    "meng": "k",
    "peng": "k",
}
# confixes that make abstract nouns with -an: "pendayagunaan", "ketenagalistrikan"
CONFIX_PREFIXES = ("pember", "penge", "peng", "peny", "pem", "pen", "per", "pe", "keber", "ke")
CONFIX_INITIAL = {"peny": "s", "pem": "p", "pen": "t", "peng": "k"}
_TRANSITIVE_VERB = re.compile(r"^(me|di)[a-z]{4,}$")
MIN_ROOT = 4  # shorter candidate roots match too many unrelated words
MIN_CONFIXED = 9


def dictionary() -> frozenset[str]:
    """Indonesian root words: the Sastrawi stemmer's dictionary."""
    try:
        import Sastrawi

        path = Path(Sastrawi.__file__).parent / "Stemmer" / "data" / "kata-dasar.txt"
        return frozenset(path.read_text(encoding="utf-8").split())
    except (ImportError, OSError):  # pragma: no cover - PySastrawi is a dependency
        return frozenset()


def roots(word: str) -> list[str]:
    """Candidate root words of `word` by stripping common affixes (cheap, over-generating)."""
    out = []
    stems = [word] + [word[: -len(s)] for s in SUFFIXES if word.endswith(s) and len(word) - len(s) >= 3]
    for stem in stems:
        out.append(stem)
        for prefix in PREFIXES:
            if stem.startswith(prefix) and len(stem) - len(prefix) >= 3:
                rest = stem[len(prefix) :]
                out.append(rest)
                if prefix in NASAL_INITIAL:
                    out.append(NASAL_INITIAL[prefix] + rest)
    return out


class IndonesianEntityGrammar:
    from_preposition = "dari"

    def __init__(self, lexicon: frozenset[str]):
        self.lexicon = lexicon
        # the same capitalised words come back in every article
        self.is_common = functools.lru_cache(maxsize=50_000)(self._is_common)  # type: ignore[method-assign]

    def is_dictionary_word(self, folded: str) -> bool:
        return folded in self.lexicon

    def is_common(self, folded: str) -> bool:
        return self._is_common(folded)

    def is_verb_form(self, folded: str) -> bool:
        # meN- and di- verbs ("mengecam", "membantah", "diserang"); root words that only look so
        # ("menteri", "media", "diplomat") are in the dictionary; ber- verbs also tell origin
        # ("berasal dari Israel")
        return _TRANSITIVE_VERB.match(folded) is not None and folded not in self.lexicon

    def _is_common(self, folded: str) -> bool:
        lex = self.lexicon
        return any(r in lex for r in roots(folded) if len(r) >= MIN_ROOT or r == folded) or self._confixed(
            folded
        )

    def _confixed(self, word: str) -> bool:
        """An abstract noun built with a confix on a dictionary word, a derived word or a compound
        of two dictionary words ("pemberdayaan", "pendayagunaan", "ketenagakerjaan"). Personal
        names are not formed this way."""
        if not word.endswith("an") or len(word) < MIN_CONFIXED:
            return False
        lex = self.lexicon
        for prefix in CONFIX_PREFIXES:
            if not word.startswith(prefix):
                continue
            stem = word[len(prefix) : -2]
            stems = [stem] + ([CONFIX_INITIAL[prefix] + stem] if prefix in CONFIX_INITIAL else [])
            for st in stems:
                if len(st) < MIN_ROOT:
                    continue
                if any(r in lex for r in roots(st) if len(r) >= MIN_ROOT):
                    return True
                if any(st[:k] in lex and st[k:] in lex for k in range(4, len(st) - 3)):
                    return True  # a compound: "dayaguna", "tenagalistrik"
        return False


@functools.cache
def _shared_dictionary() -> frozenset[str]:
    return dictionary()


def build(pack: LanguagePack) -> IndonesianEntityGrammar:
    return IndonesianEntityGrammar(_shared_dictionary())
