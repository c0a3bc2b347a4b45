"""The event dictionary and word lists of a language pack, compiled into lookup tables.

Every phrase is split into tokens with the pack's own token pattern (the one `segment` uses
for the text view), so that a phrase of the pack matches the tokens of the text.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from kabar import cameo
from kabar.entities.sections import title_rows
from kabar.events.config import (
    EntrySpec,
    EventsSection,
    ModalitySection,
    WindowCues,
    events_section,
    generic_actors,
    modality_section,
)
from kabar.events.given import GivenWords, TemporalWords
from kabar.events.grammar import EventGrammar
from kabar.lang import LanguagePack
from kabar.lang.grammar import TextGrammar

Phrase = tuple[str, ...]
PhraseSet = dict[int, set[Phrase]]  # phrases grouped by their length in tokens


@dataclass(frozen=True)
class Entry:
    code: str
    source: tuple[str, ...]
    target: tuple[str, ...]
    noun_source: tuple[str, ...]
    noun_target: tuple[str, ...]
    reciprocal: bool
    needs_target: bool
    untargeted_code: str | None
    state_code: str | None
    with_words: frozenset[Phrase]
    places: bool
    confidence: float | None
    without_words: frozenset[str] = frozenset()
    not_after_words: frozenset[str] = frozenset()  # words that, just before the trigger, cancel it
    not_before_words: frozenset[str] = frozenset()  # words that, right after the trigger, cancel it
    object_skip: int | None = None
    only_intended: bool = False  # an event only as a stated intention ("will retaliate": a threat)
    foreign_target: bool = False  # a target of the source's own country is none
    stative_passive: bool = False  # a passive in a relative clause describes its head: no event
    with_first: frozenset[str] = frozenset()  # first words of with_words, for a quick test
    not_target_roles: frozenset[str] = frozenset()  # actors of these roles are no target (MED)
    implicit_agent: frozenset[str] = frozenset()  # roles of the unnamed agent of a passive
    with_window: int = 6  # tokens either side of the trigger where a `with` word may stand


@dataclass(frozen=True)
class Form:
    entry: Entry
    rest: Phrase  # the words after the first, lower case
    noun: bool
    passive: bool
    text: str

    @property
    def length(self) -> int:
        return 1 + len(self.rest)


@dataclass(frozen=True)
class CueGroup:
    """Modality cues that count within `window` tokens before the event's first word."""

    mode: str
    window: int
    phrases: PhraseSet
    recode: bool
    before_subject: PhraseSet = field(default_factory=dict)  # cues that hold before the clause's subject


@functools.lru_cache(maxsize=8192)  # rules split the same phrases of the pack for every article
def _words(pattern: re.Pattern[str], text: str) -> Phrase:
    return tuple(m.group().lower() for m in pattern.finditer(text))


def _alternatives(patterns: list[str]) -> re.Pattern[str] | None:
    """The pack's regular expressions as one (case-insensitive), or None when there are none."""
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.I) if patterns else None


class Lexicon:
    """The compiled dictionary (`triggers`: surface form -> forms, longest first) and word sets."""

    def __init__(self, pack: LanguagePack):
        self.grammar: EventGrammar = pack.grammar("events")
        text: TextGrammar = pack.grammar("text")
        self._pattern = text.token_pattern
        data = events_section(pack)
        self.data = data
        self.settings = data.settings
        # generic actors in an article naming no other country are the home country's
        self.home_country = pack.info.home_country
        self.triggers: dict[str, list[Form]] = {}
        self.headline: dict[str, list[Form]] = {}  # bare verb stems, matched in titles only
        for spec in data.entries:
            self._add_entry(spec, data)
        for forms in [*self.triggers.values(), *self.headline.values()]:
            # longest first; a form with a `with` condition first
            forms.sort(key=lambda f: (-f.length, not f.entry.with_words))
        self._load_word_sets(data)
        excluded = self.word_set(data.headline_excluded)
        for word in excluded:
            self.headline.pop(word, None)
        # light verbs as headlines write them, without meN- ("Kuwait Gelar Latihan Perang")
        self.headline_light = {
            bare for v in self.light_before for bare in self.grammar.headline_forms(v, set())
        } - set(excluded)
        self.idioms: dict[str, set[Phrase]] = {}  # first word -> idioms, whose words trigger nothing
        for item in data.idioms:
            words = self.words(item)
            if words:
                self.idioms.setdefault(words[0], set()).add(words)
        self._load_roles(data, pack)
        self._load_modality(modality_section(pack))
        self.function_words = (
            self.prepositions
            | self.conjunctions
            | self.auxiliaries
            | self.cue_words
            | self.np_openers
            | self.quantity
            | self.determiners
            | self.light_before
            | self.light_receive
            | self.reporting_verbs
            | self.clause_stops
            | self.demonstratives
            | self.speech_verbs
            | {self.grammar.relative_pronoun}
        )

    # -- phrases

    def words(self, text: str) -> Phrase:
        return _words(self._pattern, str(text))

    def word_set(self, items: Iterable[str]) -> set[str]:
        return {w for item in items for w in self.words(item)}

    def phrase_set(self, items: Iterable[str]) -> PhraseSet:
        out: PhraseSet = {}
        for item in items:
            words = self.words(item)
            if words:
                out.setdefault(len(words), set()).add(words)
        return out

    def _load_word_sets(self, data: EventsSection) -> None:
        ws = self.word_set
        self.light_before, self.light_receive = ws(data.light_verbs_before), ws(data.light_verbs_receive)
        self.light_after, self.determiners = ws(data.light_verbs_after), ws(data.noun_determiners)
        self.units, self.place_words = ws(data.quantity_units), ws(data.place_words)
        self.pp_fillers = ws(data.pp_fillers) | self.place_words
        self.ordinal_markers = ws(data.ordinal_markers)
        self.imperatives, self.request_code = ws(data.imperatives), data.request_code
        self.prep_stops, self.not_verbs = ws(data.prep_stops), ws(data.verb_like_nouns)
        self.document_words, self.subordinators = ws(data.document_words), ws(data.subordinators)
        self.np_prepositions, self.contrast_joins = ws(data.np_prepositions), ws(data.contrast_joins)
        self.law_words, self.envoy_prepositions = ws(data.law_words), ws(data.envoy_prepositions)
        self.so_called, self.report_asides = self.phrase_set(data.so_called), ws(data.report_asides)
        self.victim_verbs, self.victim_links = ws(data.victim_verbs), ws(data.victim_links)
        self.visit_alongside = self.phrase_set(data.visit_alongside)
        self.topic_markers, self.prepositions = ws(data.topic_markers), ws(data.prepositions)
        self.clause_stops = {w.lower() for w in data.clause_stops} | {".", "!", "?", ";"}
        self.conjunctions = {w.lower() for w in data.conjunctions}
        self.auxiliaries, self.reporting_verbs = ws(data.auxiliaries), ws(data.reporting_verbs)
        self.np_openers, self.quantity = ws(data.np_openers), ws(data.quantity_words)
        self.former_office, self.former_role = ws(data.former_office), data.former_role.upper()
        self.deceased_nouns, self.classifier_stops = ws(data.deceased_nouns), ws(data.classifier_stops)
        self.predicate_markers, self.patient_nouns = ws(data.predicate_markers), ws(data.patient_nouns)
        self.comitatives = ws(data.comitatives) | {self.grammar.comitative}
        self.mission_words, self.mission_roots = ws(data.mission_words), frozenset(data.mission_roots)
        self.member_clauses, self.member_bodies = self.phrase_set(data.member_clauses), ws(data.member_bodies)
        self.apposition_links = ws(data.apposition_links)
        self.security_roles = frozenset(r.upper() for r in data.security_roles)
        self.plan_nouns, self.speech_verbs = ws(data.plan_nouns), ws(data.speech_verbs)
        self.future_words, self.visit_frames = ws(data.future_words), ws(data.visit_frames)
        ana = data.anaphora
        self.pair_anaphora, self.state_pair = self.phrase_set(ana.pair), self.phrase_set(ana.states)
        self.speaker_pronouns, self.person_pronouns = ws(ana.speaker), ws(ana.person)
        self.matrix_pronouns, self.demonstratives = ws(ana.matrix), ws(ana.demonstratives)
        self.referring_nouns = ws(ana.referring_nouns)
        self.author_prepositions, self.member_nouns = ws(ana.author_prepositions), ws(ana.member_nouns)
        thr = data.threats
        self.threat_assert, self.threat_scope_stops = ws(thr.assert_cues), ws(thr.scope_stops)
        self.condition_words, self.threat_roots = ws(thr.condition_words), frozenset(thr.roots)
        self.threat_alternatives, self.threat_advice = self.phrase_set(thr.alternatives), ws(thr.advice)
        self.threat_about_code, self.threat_about_keeps = thr.about_code, ws(thr.about_keeps)
        self.appeal_roots = frozenset(data.appeal_roots)
        self.counterpart_roots = {k: frozenset(v) for k, v in data.counterpart.items()}
        self.evaluative_code, self.evaluative_confidence = data.evaluative.code, data.evaluative.confidence
        self.evaluative = self.phrase_set(data.evaluative.words)
        ch = data.charges
        self.charge_codes, self.charge_code = frozenset(ch.codes), ch.code
        self.contested_roots, self.denial_codes = frozenset(ch.contested_roots), frozenset(ch.denials)
        self.charge_tellers, self.alleged = self.word_set(ch.tellers), self.phrase_set(ch.alleged)
        self.teller_nouns, self.teller_that = self.word_set(ch.teller_nouns), self.word_set(ch.teller_that)
        self.evaluative_words = {p[0] for p in self.evaluative.get(1, ())}
        # first words of every pejorative phrase: most tokens start none
        self.evaluative_first = frozenset(p[0] for phrases in self.evaluative.values() for p in phrases)
        self.generic_not_before = self.phrase_set(data.generic_not_before)
        self.visit_codes, self.travel_roots = frozenset(data.visit_codes), frozenset(data.travel_roots)

    def _load_roles(self, data: EventsSection, pack: LanguagePack) -> None:
        # "" marks a title that holds a role word yet says no role itself (`roleless_titles`)
        self.roles: dict[Phrase, str] = {self.words(p): "" for p in data.roleless_titles}
        for role, phrases in data.actor_roles.items():
            for p in phrases:
                self.roles.setdefault(self.words(p), role)
        # generic actor nouns: "polisi", "ribuan mahasiswa", "junta"
        self.generic: dict[Phrase, tuple[str, str]] = {}
        for row in generic_actors(pack).rows:
            words, role = self.words(row.phrase), row.role.upper()
            if not words or not role:
                continue
            cameo.actor_role(role)  # fail early on a role CAMEO lacks
            self.generic[words] = (role, row.flags)
            self.roles.setdefault(words, role)  # "junta Myanmar", "demonstran Hong Kong"
        self.generic_first = {p[0] for p in self.generic}
        self.generic_max = max((len(p) for p in self.generic), default=1)
        self.countryless_roles = {r.upper() for r in data.countryless_roles}
        self.agent_roles = {n.lower(): r.upper() for r, names in data.agent_roles.items() for n in names}
        self.state_roles = {r.upper() for r in data.state_roles}
        self.state_code_roles = frozenset(r.upper() for r in data.state_code_roles)
        self.civil_roles = frozenset(r.upper() for r in data.civil_roles)
        self.civil_force_code, self.repression = data.civil_force_code, data.repression
        self.role_words = {w for phrase in self.roles for w in phrase}
        self.max_role_len = max((len(p) for p in self.roles), default=1)
        self.actor_words = dict(data.actor_words)
        na = data.not_actors
        self.facility_words, self.relative_words = self.word_set(na.facilities), self.word_set(na.relatives)
        self.relative_modifiers = self.word_set(na.relative_modifiers)
        self.kin_titles, self.stances = self.word_set(na.kin_titles), self.word_set(na.stances)
        titles = [row.title for row in title_rows(pack)]
        self.name_prefixes = self.word_set(list(na.name_prefixes) + titles)

    def _load_modality(self, mod: ModalitySection) -> None:
        self.precedence = list(mod.precedence)
        groups: list[tuple[str, str | None, bool, WindowCues]] = [
            ("negated", "negated", False, mod.negated),
            ("intended", "intended", True, mod.intended),
            ("purpose", None, False, mod.purpose),
            ("deontic", None, False, mod.deontic),
            ("possible", None, False, mod.possible),
            ("example", None, False, mod.example),
            ("alternative", None, False, mod.alternative),
            ("background", "background", False, mod.background),
        ]
        self.window_cues = [
            CueGroup(
                spec.mode or mode or group,
                spec.window,
                self.phrase_set(spec.cues),
                spec.recode if spec.recode is not None else recode_default,
                self.phrase_set(spec.before_subject) if group != "negated" else {},  # negated: a cleft
            )
            for group, mode, recode_default, spec in groups
            if spec.cues
        ]
        cond = [c for c in mod.conditional.sentence if len(self.words(c)) == 1]
        self.conditional = self.word_set(cond)
        # phrases such as 'hanya ketika' (only when): a condition though 'ketika' alone is not
        multi = [c for c in mod.conditional.sentence if len(self.words(c)) > 1]
        self.conditional_phrases = self.phrase_set(multi)
        self.cleft_negation = self.word_set(mod.negated.before_subject)
        self.question_before = self.word_set(mod.question.before)
        patterns = mod.background.patterns
        self.background_re, self.prospect_re = _alternatives(patterns), _alternatives(mod.conditional.frames)
        self.background_days = mod.background.older_than_days
        self.year_gap = mod.background.year_max_gap
        self.hedges = self.phrase_set(mod.hedged.cues)
        self.hedge_window, self.hedge_penalty = mod.hedged.window, mod.hedged.penalty
        self.claim_cues, self.claim_window = self.word_set(mod.claimed.cues), mod.claimed.window
        self.claim_through = self.word_set(mod.claimed.through)
        self.accusation_cues = self.word_set(mod.claimed.accusations + mod.claimed.opinions)
        self.denial_cues = self.word_set(mod.claimed.denials)
        self.background_continues = self.word_set(mod.background.continues)
        self.continue_sentences = mod.background.continue_sentences
        bg = mod.background
        self.state_opens, self.state_marks = self.word_set(bg.state_opens), self.word_set(bg.state_marks)
        self.state_window = bg.state_window
        arts = bg.article_patterns
        self.article_background_re = re.compile("|".join(f"(?:{p})" for p in arts), re.I) if arts else None
        self.article_chars = bg.article_chars
        self.scene_openers = [tuple(self.words(p)) for p in bg.scene_openers]
        self.scene_reach, self.scene_present = bg.scene_reach, [tuple(self.words(p)) for p in bg.present]
        inst = bg.instrument_years
        self.instrument_re = re.compile("|".join(f"(?:{p})" for p in inst), re.I) if inst else None
        self.urged_cues, self.urged_window = self.word_set(mod.urged.cues), mod.urged.window
        self.urged_nouns = self.word_set(mod.urged.nouns)
        self.urged_purpose = self.word_set(mod.urged.purpose)
        self.urged_through = self.word_set(mod.urged.through)
        self.wish_cues = self.word_set(mod.urged.wishes)
        self.means_words, self.means_reach = self.word_set(mod.means.words), mod.means.reach
        self.means_attempts = self.word_set(mod.means.attempts)
        self.temporal = TemporalWords.of(mod.temporal, self.word_set)
        self.given = GivenWords.of(mod.given, self.words)
        self.cue_words = {w for g in self.window_cues for ps in g.phrases.values() for p in ps for w in p}

    # -- the surface table

    def _entry(self, spec: EntrySpec, data: EventsSection) -> Entry:
        code = spec.code
        cameo.event(code)  # fail early on a code CAMEO lacks
        for other in (spec.untargeted_code, spec.state_code):
            if other:
                cameo.event(other)
        target = tuple(spec.target)
        with_words = frozenset(w for w in (self.words(item) for item in spec.with_) if w)
        noun_source = spec.noun_source or ["subj", "next", self.grammar.agent_preposition]
        noun_target = spec.noun_target or [t for t in target if t not in ("obj", "subj")]
        needs_target = spec.needs_target
        if needs_target is None:
            needs_target = code[:2] not in data.untargeted_roots
        return Entry(
            code=code,
            source=tuple(spec.source),
            target=target,
            noun_source=tuple(noun_source),
            noun_target=tuple(noun_target),
            reciprocal=spec.reciprocal,
            needs_target=needs_target,
            untargeted_code=spec.untargeted_code or None,
            state_code=spec.state_code or None,
            with_words=with_words,
            places=spec.places,
            confidence=spec.confidence,
            without_words=frozenset(self.word_set(spec.without)),
            not_after_words=frozenset(self.word_set(spec.not_after)),
            not_before_words=frozenset(self.word_set(spec.not_before)),
            object_skip=spec.object_skip,
            only_intended=spec.only_intended,
            foreign_target=spec.foreign_target,
            stative_passive=spec.stative_passive,
            not_target_roles=frozenset(r.upper() for r in spec.not_target_roles),
            with_first=frozenset(w[0] for w in with_words),
            implicit_agent=frozenset(r.upper() for r in spec.implicit_agent),
            with_window=spec.with_window,
        )

    def _add_entry(self, spec: EntrySpec, data: EventsSection) -> None:
        entry = self._entry(spec, data)
        siblings = {w for f in spec.verbs + spec.nouns for w in self.words(f)}
        for text in spec.verbs:
            words = self.words(text)
            if not words:
                continue
            first, rest = words[0], words[1:]
            self._add(first, Form(entry, rest, False, False, text))
            for passive in self.grammar.passive_forms(first, siblings - {first}):
                self._add(passive, Form(entry, rest, False, True, text))
            for bare in self.grammar.headline_forms(first, siblings - {first}):
                self.headline.setdefault(bare, []).append(Form(entry, rest, False, False, text))
        for text in spec.nouns:
            words = self.words(text)
            if words:
                self._add(words[0], Form(entry, words[1:], True, False, text))

    def _add(self, first: str, form: Form) -> None:
        variants = {first}
        if not form.rest:
            variants.update(first + c for c in self.grammar.clitics)
        for v in variants:
            bucket = self.triggers.setdefault(v, [])
            key = (form.entry, form.rest, form.noun, form.passive)
            if all((f.entry, f.rest, f.noun, f.passive) != key for f in bucket):
                bucket.append(form)

    def surface_forms(self) -> set[str]:
        return set(self.triggers)

    def is_verb_like(self, w: str) -> bool:
        """Does the word look like a verb, nouns that only look so aside?"""
        return self.grammar.looks_like_verb(w) and w not in self.not_verbs

    def counterparts(self, code: str) -> frozenset[str]:
        for key in (code, code[:3], code[:2]):
            if key in self.counterpart_roots:
                return self.counterpart_roots[key]
        return frozenset()
