"""The pack's word lists as sets, and the word tests every step shares (verb-like, name-like)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from kabar.lang import LanguagePack
from kabar.quotes.config import QuotesConfig
from kabar.quotes.grammar import QuoteGrammar


def wordset(words: Iterable[str]) -> frozenset[str]:
    return frozenset(str(w).lower() for w in words)


def is_cap(word: str) -> bool:
    """Whether the first letter of `word` (before any digit) is upper case."""
    for ch in word:
        if ch.isalpha():
            return ch.isupper()
        if ch.isdigit():
            return False
    return False


@dataclass(frozen=True)
class Lexicon:
    """Lower-cased word sets from quotes.yaml, and the calendar and abbreviations of pack.yaml."""

    grammar: QuoteGrammar
    pronouns: frozenset[str]
    plural_pronouns: frozenset[str]
    demonstratives: frozenset[str]
    stop_words: frozenset[str]
    channel_words: frozenset[str]
    statements: frozenset[str]
    determiners: frozenset[str]
    role_heads: frozenset[str]
    connectives: frozenset[str]
    conjunctions: frozenset[str]
    anaphors: frozenset[str]
    negations: frozenset[str]
    relativizers: frozenset[str]
    relative_pronouns: frozenset[str]
    adverbs: frozenset[str]
    particles: frozenset[str]
    honorifics: frozenset[str]
    not_verbs: frozenset[str]
    source_links: frozenset[str]
    complementizers: frozenset[str]
    bare_verbs: frozenset[str]
    additive: frozenset[str]
    additive_verbs: frozenset[str]
    predicate_markers: frozenset[str]
    np_enders: frozenset[str]
    noun_objects: frozenset[str]
    feelings: frozenset[str]
    labelling_verbs: frozenset[str]
    labelling_markers: frozenset[str]
    not_predicates: frozenset[str]
    not_nominals: frozenset[str]
    subordinators: frozenset[str]
    attribution_tails: frozenset[str]
    role_links: frozenset[str]
    name_links: frozenset[str]
    verb_conjunctions: frozenset[str]
    source_leads: frozenset[str]
    statement_verbs: frozenset[str]
    collective: frozenset[str]
    unnamed_heads: frozenset[tuple[str, ...]]
    unnamed_first: frozenset[str]
    calendar: frozenset[str]
    abbreviations: frozenset[str]

    @classmethod
    def build(cls, config: QuotesConfig, grammar: QuoteGrammar, pack: LanguagePack) -> Lexicon:
        c = config
        heads = [str(h).lower().split() for h in c.unnamed_heads]
        info = pack.info
        calendar = {k.lower() for k in info.weekdays} | {k.lower() for k in info.months}
        return cls(
            grammar=grammar,
            pronouns=wordset(c.pronouns),
            plural_pronouns=wordset(c.plural_pronouns),
            demonstratives=wordset(c.demonstratives),
            stop_words=wordset(c.speaker_stop_words),
            channel_words=wordset(c.channel_words),
            statements=wordset(c.statement_channels),
            determiners=wordset(c.unnamed_determiners),
            role_heads=wordset(c.role_heads),
            connectives=wordset(c.connectives),
            conjunctions=wordset(c.conjunctions),
            anaphors=wordset(c.anaphors),
            negations=wordset(c.negations),
            relativizers=wordset(c.relativizers),
            relative_pronouns=wordset(c.relative_pronouns),
            adverbs=wordset(c.adverbs),
            particles=wordset(c.name_particles),
            honorifics=wordset(c.honorifics),
            not_verbs=wordset(c.not_verbs),
            source_links=frozenset(c.source_links),
            complementizers=wordset(c.complementizers),
            bare_verbs=wordset(c.bare_indirect_verbs),
            additive=wordset(c.additive_continuations),
            additive_verbs=wordset(c.additive_post_verbs),
            predicate_markers=wordset(c.predicate_markers),
            np_enders=wordset(c.np_enders),
            noun_objects=wordset(c.noun_objects),
            feelings=wordset(c.feelings),
            labelling_verbs=wordset(c.labelling_verbs),
            labelling_markers=wordset(c.labelling_markers),
            not_predicates=wordset(c.not_predicates),
            not_nominals=wordset(c.not_nominals),
            subordinators=wordset(c.subordinators),
            attribution_tails=wordset(c.attribution_tails),
            role_links=wordset(c.role_links),
            name_links=wordset(c.name_links),
            verb_conjunctions=wordset(c.verb_conjunctions),
            source_leads=wordset(c.source_leads),
            statement_verbs=wordset(c.statement_verbs) | wordset(c.speech_verbs),
            collective=wordset(c.collective_determiners),
            unnamed_heads=frozenset(tuple(h) for h in heads),
            unnamed_first=frozenset(h[0] for h in heads if h),
            calendar=frozenset(calendar),
            abbreviations=frozenset(info.abbreviations),
        )

    def verbish(self, word: str, low: str) -> bool:
        """A lower-case word that looks like a verb, not a role, pronoun or adverb."""
        return (
            word[:1].islower()
            and self.grammar.looks_like_verb(low)
            and low not in self.not_verbs
            and low not in self.unnamed_first
            and low not in self.role_heads
            and low not in self.pronouns
            and low not in self.adverbs
        )

    def name_like(self, words: list[str]) -> bool:
        """Capitalised words, or name particles (`bin`, `van`) between them."""
        return bool(words) and all(is_cap(w) or w.lower() in self.particles for w in words)
