"""Regular expressions over the body built from the pack's lists: quotation marks and the
fixed shapes of attribution (`, kata X`, `Menurut X,`, `X mengatakan`). Words are matched whole;
a list word also matches with a capital first letter unless noted."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from kabar.quotes.config import QuotesConfig
from kabar.quotes.grammar import QuoteGrammar

_SP = r"[^\S\n]"  # a space that is not a line break


def alternation(words: Iterable[str], capitalised: bool = True) -> str:
    forms: set[str] = set()
    for word in words:
        word = str(word).strip()
        if not word:
            continue
        forms.add(word)
        if capitalised:
            forms.add(word[0].upper() + word[1:])
    ordered = sorted(forms, key=len, reverse=True)
    return "|".join(re.escape(f).replace(r"\ ", r"\s+") for f in ordered)


@dataclass(frozen=True)
class CueWords:
    """The first words (lower case, up to a space) of the forms of a cue pattern: a match of the
    pattern starts where one of them stands in the lower-cased body, a quick test before a scan."""

    patterns: tuple[re.Pattern[str], ...]  # one per first two letters: re then seeks that prefix fast
    chars: frozenset[str]  # the characters of those words

    @classmethod
    def of(cls, words: Iterable[str], capitalised: bool = True) -> CueWords | None:
        """None when the test cannot be made: no words (the empty alternation matches anywhere),
        or a form that is not ASCII (its lower case may not keep its offsets)."""
        heads: set[str] = set()
        for word in words:
            word = str(word).strip()
            for form in (word, word[:1].upper() + word[1:] if capitalised else word) if word else ():
                if not form.isascii():
                    return None
                heads.add(form.split(" ", 1)[0].lower())
        if not heads:
            return None
        groups: dict[str, list[str]] = {}
        for head in sorted(heads, key=len, reverse=True):
            groups.setdefault(head[:2], []).append(head)
        patterns = tuple(re.compile("|".join(map(re.escape, group))) for group in groups.values())
        return cls(patterns, frozenset("".join(heads)))

    def starts(self, low: str) -> list[int]:
        """Where the words stand in `low` (the body lower-cased), in order; each pattern's matches
        do not overlap, so of the places where its words start this misses only some inside
        another match of it."""
        return sorted(m.start() for pattern in self.patterns for m in pattern.finditer(low))


def _optional(pattern: str, compiled: str) -> re.Pattern[str] | None:
    return re.compile(compiled) if pattern else None


@dataclass(frozen=True)
class MarkPatterns:
    """Quotation-mark families: each mark's nominal direction, per family, in pairing order."""

    families: tuple[dict[str, int], ...]
    family_res: tuple[re.Pattern[str], ...]
    all_marks: frozenset[str]
    any_mark: re.Pattern[str]


def mark_patterns(config: QuotesConfig, opening: int, closing: int, either: int) -> MarkPatterns:
    families: list[dict[str, int]] = []
    for family in config.quote_marks:
        nominal: dict[str, int] = {}
        for ch in family.open:
            nominal[ch] = opening
        for ch in family.close:
            nominal[ch] = either if nominal.get(ch) == opening else closing
        families.append(nominal)
    all_marks = frozenset(ch for nominal in families for ch in nominal)
    return MarkPatterns(
        families=tuple(families),
        family_res=tuple(re.compile("[" + re.escape("".join(sorted(n))) + "]") for n in families),
        all_marks=all_marks,
        any_mark=re.compile("[" + re.escape("".join(sorted(all_marks))) + "]"),
    )


@dataclass(frozen=True)
class CuePatterns:
    """Attribution shapes: after a closing mark, before an opening one, and in plain text."""

    after_close: re.Pattern[str]  # punctuation right after a closing mark
    continuation: re.Pattern[str]  # `tambahnya`
    post: re.Pattern[str]  # `kata`, `Menurut`, `demikian` before a speaker
    subject_verb: re.Pattern[str]  # `X menambahkan` after a quote
    speech: re.Pattern[str]
    according: re.Pattern[str]
    according_pronoun: re.Pattern[str] | None  # `Menurutnya,`
    passive: re.Pattern[str] | None  # `Dikatakan (oleh) X`
    complementizer_after: re.Pattern[str]
    complement_gap: re.Pattern[str]  # `, bahwa` between a verb and what was said
    trailing: re.Pattern[str]  # `…, kata X.` / `…, ujarnya.` without marks
    chain: re.Pattern[str] | None  # `… dan mengatakan`: a second speech verb
    cut: re.Pattern[str]  # where an unclosed quote's attribution begins
    inclusion: re.Pattern[str] | None  # `termasuk`
    degrees: re.Pattern[str] | None  # academic degrees after a name


def cue_patterns(config: QuotesConfig, grammar: QuoteGrammar) -> CuePatterns:
    c, sp = config, _SP
    post = alternation(c.post_verbs)
    cont = alternation(c.continuations)
    speech = alternation(c.speech_verbs)
    according = alternation(c.according_to)
    comp = alternation(c.complementizers, capitalised=False)
    passive = alternation(c.passive_speech_verbs)
    agent = rf"(?:{grammar.passive_agent}{sp}+)?" if grammar.passive_agent else ""
    according_pron = alternation(c.according_to_pronouns)
    post_low = alternation(c.post_verbs, capitalised=False)
    according_low = alternation(c.according_to, capitalised=False)
    cont_low = alternation(c.continuations, capitalised=False)
    conj = alternation(c.verb_conjunctions, capitalised=False)
    adverbs = alternation(c.adverbs, capitalised=False)
    speech_low = alternation(c.speech_verbs, capitalised=False)
    inclusion = alternation(c.inclusion_words)
    degree = c.degree_regex
    return CuePatterns(
        after_close=re.compile(rf"{sp}*[,.:;]?{sp}*"),
        continuation=re.compile(rf"(?:{cont})\b"),
        post=re.compile(rf"(?:{post}|{according}|{alternation(c.demonstratives)})(?={sp})"),
        subject_verb=re.compile(rf"([^\n.!?;“”\"«»]{{1,90}}?){sp}+(?:{speech})\b"),
        speech=re.compile(rf"(?<![\w-])(?:{speech})\b"),
        according=re.compile(rf"(?<![\w-])(?:{according}){sp}+"),
        according_pronoun=_optional(according_pron, rf"(?:{according_pron}){sp}*,{sp}*"),
        passive=_optional(passive, rf"(?<![\w-])(?:{passive}){sp}+{agent}"),
        complementizer_after=re.compile(rf"(?<![\w-])(?:{comp})\b{sp}*"),
        complement_gap=re.compile(rf"{sp}*[,:]?{sp}*(?:(?:{comp})\b)?[,:]?{sp}*"),
        trailing=re.compile(rf",{sp}*(?:(?P<cont>{cont_low})\b|(?P<verb>{post_low}|{according_low}){sp}+)"),
        chain=_optional(
            conj,
            rf"(?:,{sp}*)?(?<![\w-])(?:{conj}){sp}+(?:(?:{adverbs}){sp}+)*(?P<verb>{speech_low})\b",
        ),
        cut=re.compile(rf"[,.]?[\"”’»]?{sp}+(?:(?:{post}){sp}+\S|(?:{cont})\b)"),
        inclusion=_optional(inclusion, rf"(?:{inclusion})\b"),
        degrees=_optional(degree, rf"(?:{degree})(?:[\s,]+(?:{degree}))*"),
    )
