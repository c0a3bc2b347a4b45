"""The candidate events of one trigger: its sides from the frame, the pairs they make, the
mode, the code (untargeted, state or intent variants) and a confidence."""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Collection
from dataclasses import dataclass

from kabar import cameo
from kabar.events.arguments import (
    Clause,
    act_agent,
    after_appeal,
    implicit_agent,
    is_threat_or_answer,
    left_place,
    mission_target,
    referred_actor,
    sentence_place,
    slot,
)
from kabar.events.described import resolve_described
from kabar.events.lexicon import Entry, Lexicon
from kabar.events.modality import Mode, accused, claim_cue, mode_of
from kabar.events.parsed import source_of, target_of, worth_parsing
from kabar.events.phrases import verb_before
from kabar.events.state import Actor, Candidate, Context, Scope, Trigger
from kabar.events.subjects import joined_clitic_object
from kabar.events.syntax import LazyParse

Pair = tuple[Actor, Actor | None]


@dataclass
class Sides:
    sources: list[Actor]
    src_via: str | None
    targets: list[Actor]
    tgt_via: str | None
    provisional: bool = False  # a threat or denial whose target may be told later in the sentence


def _slots(lex: Lexicon, trig: Trigger, verb: str) -> tuple[list[str], list[str]]:
    """Where to look for the source and the target."""
    form, entry = trig.form, trig.form.entry
    agent, giver = lex.grammar.agent_preposition, lex.grammar.source_preposition
    if form.noun:
        # "X tewas dalam serangan Y": the one killed by the act is its target
        # (not of a reciprocal act: "X tewas dalam baku tembak antara Y dan Z" is no side of it)
        src, tgt = list(entry.noun_source), ["victim"] * (not entry.reciprocal) + list(entry.noun_target)
        if trig.light == "receive":  # "X received aid from Y": X is the target
            tgt = ["subj"] + [s for s in tgt if s != "subj"]
            src = [giver, agent] + [s for s in src if s not in ("subj", giver, agent)]
        elif trig.light == "after":
            src = src + [agent, "after_agent"]
            tgt = ["after_obj"] + tgt
        return src, tgt
    if form.passive and entry.reciprocal:
        return [agent], []  # the subject of a passive reciprocal verb is the topic
    if form.passive and verb.endswith(lex.grammar.possessive_clitic):
        # a passive made a noun ("setelah ditetapkannya X sebagai tersangka"): the noun phrase
        # after it is the one the act is done to, the doer only the agent after "oleh"
        return [agent], ["agent"]
    if form.passive:
        return [agent, "agent"], ["subj"] + [s for s in entry.target if s not in ("obj", "subj")]
    return list(entry.source), list(entry.target)


def _sides(lex: Lexicon, c: Clause, trig: Trigger, ctx: Context) -> Sides:
    entry = trig.form.entry
    src_slots, tgt_slots = _slots(lex, trig, c.t.low[trig.start])
    sources: list[Actor] = []
    src_via = None
    for name in src_slots:
        sources, src_via = slot(lex, name, c, trig, ctx, entry)
        if sources:
            break
    if entry.implicit_agent and sources and all(_name_tail(c, a) for a in sources):
        sources = []  # "majelis hakim pengadilan Tipikor Jakarta memvonis": the city judges no one
    targets: list[Actor] = []
    tgt_via = None
    for name in tgt_slots:
        if name in lex.grammar.locative_prepositions and not entry.places:
            continue
        targets, tgt_via = slot(lex, name, c, trig, ctx, entry)
        targets = _usable(lex, entry, targets, sources)
        if targets and trig.form.passive and tgt_via == "matrix" and _state_side(lex, targets):
            targets = []  # "sumber pejabat X menyatakan mereka ditahan": the officials tell, others are held
        if targets:
            break
    if not sources and targets and entry.implicit_agent and trig.form.passive:
        sources = implicit_agent(lex, c, trig, targets)
        src_via = "implicit" if sources else None
    sides = Sides(sources, src_via, targets, tgt_via)
    if not targets and trig.form.passive and entry.places and not entry.reciprocal:
        sides.targets = left_place(lex, c, trig.anchor)
        sides.tgt_via = "place" if sides.targets else None
    if not sides.targets and sources and not entry.reciprocal and not trig.form.noun:
        sides.targets = [a for a in act_agent(lex, c, trig, ctx) if not among(a, sources)]
        sides.tgt_via = "obj" if sides.targets else None
    if not sides.targets and sources and not entry.reciprocal:
        sides.targets = referred_actor(lex, c, trig, sources, ctx)
        sides.tgt_via = "anaphora" if sides.targets else None
    if not sides.targets and sources and not entry.reciprocal and not trig.form.noun:
        sides.targets = _means_object(lex, c, trig, sources)
        sides.tgt_via = "obj" if sides.targets else None
    if not sides.targets and sources and not entry.reciprocal and not trig.form.noun:
        joined = joined_clitic_object(lex, c.t, trig.start, trig.end, c.lo)
        sides.targets = [a for a in joined if not among(a, sources)]
        sides.tgt_via = "anaphora" if sides.targets else None
    _from_parse(lex, c, trig, sides, tgt_slots)
    if not sides.targets and sources and entry.places and not entry.reciprocal and not trig.form.passive:
        sides.targets = sentence_place(lex, c, sources)
        sides.tgt_via = "place" if sides.targets else None
    if not sides.targets and sources and entry.code[:2] in lex.mission_roots:
        sides.targets = mission_target(lex, c, sources)
        sides.tgt_via = "prep" if sides.targets else None
    sides.sources = resolve_described(lex, c.t, sides.sources, [])
    sides.targets = resolve_described(lex, c.t, sides.targets, sides.sources)
    sides.provisional = (
        not sides.targets and bool(sources) and not entry.reciprocal and is_threat_or_answer(lex, entry.code)
    )
    return sides


def _state_side(lex: Lexicon, actors: list[Actor]) -> bool:
    """Are all these actors of a state's role (a government, its police, army, courts)?"""
    return all(set(cameo.split_actor_code(a.code)[1]) & lex.state_roles for a in actors)


def _means_object(lex: Lexicon, c: Clause, trig: Trigger, sources: list[Actor]) -> list[Actor]:
    """A means clause with no target of its own ("membubarkan massa dengan menembakkan gas air
    mata"): the head verb's object right before the means word is the one the means is used on."""
    t, k = c.t, trig.start - 1
    if k <= c.lo or t.low[k] not in lex.means_words or not lex.is_verb_like(t.low[trig.start]):
        return []
    np = t.np_end.get(k)
    if np is None or among(np, sources):
        return []
    verb = verb_before(lex, t, np.start, c.lo)
    if verb is None or lex.grammar.is_passive_verb(t.low[verb]):
        return []  # after a passive the actor is its agent, the means' doer
    return [np]


def _name_tail(c: Clause, a: Actor) -> bool:
    """Is the place `a` the last word of a longer name the entities missed ("pengadilan Tindak
    Pidana Korupsi Jakarta", "(PN) Bandung", "Polda Sumatera Selatan")?"""
    k = a.start - 1
    if k > c.lo and c.t.tokens[k] == "(":
        k -= 1  # "Polda Sumatera Selatan (Sumsel)": the short form in brackets
    return a.place and k > c.lo and (c.t.tokens[k] == ")" or c.t.tokens[k][:1].isupper())


def among(a: Actor, actors: list[Actor]) -> bool:
    """Is the actor one of `actors` (the same object or the same entity)?"""
    return any(a is s or (a.entity is not None and a.entity == s.entity) for s in actors)


def _usable(lex: Lexicon, entry: Entry, targets: list[Actor], sources: list[Actor]) -> list[Actor]:
    targets = [a for a in targets if all(a is not s for s in sources)]
    # the source's own state is no target; a person or a body of the home country coded with the
    # country alone is that person or body, not the state (national news: "Polda menangkap Budi
    # [IDN]", "KPK memeriksa pejabat KONI [IDN]")
    home = lex.home_country
    targets = [
        a
        for a in targets
        if (a.label in ("PER", "ORG") and a.code == home)
        or not any(a.code == s.country and a.code != s.code for s in sources)
    ]
    if entry.foreign_target:
        targets = [a for a in targets if all(a.side != s.side for s in sources)]
    return targets


def _from_parse(lex: Lexicon, c: Clause, trig: Trigger, sides: Sides, tgt_slots: list[str]) -> None:
    """The source the token patterns missed, and then the target if still missing, from the
    sentence's dependency parse: parsed only here, when a spare actor stands where the source
    could be. A source from the parse counts only with a target (an untargeted act, such as
    a clause of a protest, is too often part of another event)."""
    if c.parse is None or sides.sources:
        return
    if not worth_parsing(lex, c, trig, {a.start for a in sides.targets}):
        return
    parse = c.parse.get(trig.start)
    sides.sources = source_of(lex, parse, trig) if parse is not None else []
    if parse is None or not sides.sources:
        return
    entry = trig.form.entry
    sides.src_via = "subj"
    sides.targets = _usable(lex, entry, sides.targets, sides.sources)
    if not sides.targets:
        slots = [n for n in tgt_slots if n not in lex.grammar.locative_prepositions or entry.places]
        targets, via = target_of(lex, parse, trig, slots)
        sides.targets = _usable(lex, entry, targets, sides.sources)
        sides.tgt_via = via if sides.targets else None
    if not sides.targets:
        sides.sources, sides.src_via = [], None


def _pairs(entry: Entry, sides: Sides, noun: bool) -> list[Pair]:
    sources, targets = sides.sources, sides.targets
    if entry.reciprocal:
        # "pertemuan X dan Y": the pair meets; a verb's objects with no subject found ("(dia) usai
        # bertemu X dan Y") are those met, not each other's
        if not sources and targets and len(targets) >= 2 and noun:
            sources, targets = targets, []
            sides.sources, sides.targets = sources, targets
        if sources and targets:
            return [(s, x) for s in sources for x in targets]
        if len(sources) >= 2:
            return list(itertools.combinations(sources, 2))
        return []
    if not sources:
        return []
    if targets:
        return [(s, x) for s in sources for x in targets]
    if not entry.needs_target or entry.untargeted_code or sides.provisional:
        return [(s, None) for s in sources]
    return []


def _adjusted_mode(
    lex: Lexicon, s: Scope, trig: Trigger, sides: Sides, pub: dt.datetime | None
) -> Mode | None:
    """The mode, with a cleft negation and an appeal before the subject; None: not coded."""
    entry = trig.form.entry
    mode = mode_of(lex, s, trig, pub)
    if mode.mode == "skip":
        return None
    t, lo = s.t, s.lo
    first = sides.sources[0] if sides.sources else None
    if mode.mode == "reported" and sides.src_via == "subj" and first is not None:
        if first.start - 1 >= lo and t.low[first.start - 1] in lex.cleft_negation:
            mode.mode = "negated"  # "it was not X who came"
        # the subject nearest the verb counts too: "Saudi Kutuk Rencana Netanyahu Caplok ..."
        near = max((a for a in sides.sources if a.start < trig.start), key=lambda a: a.start, default=first)
        for a in (first, near) if mode.mode == "reported" else ():
            if after_appeal(lex, t, a.start, lo):
                mode.mode = "intended"  # "asked X to withdraw": asked for, not done
                mode.recode = t.low[a.start - 1] in lex.plan_nouns  # "X's plan to annex": a plan
                break
    if entry.only_intended and "intended" not in mode.cues:
        return None  # an event only as a stated intention
    if entry.only_intended and mode.mode in ("intended", "conditional"):
        mode.mode = "intended"
    if mode.mode == "reported" and cameo.is_verbal(entry.code) and accused(lex, t, lo, trig.anchor):
        return None  # a statement or criticism one side alleges of another is the allegation's
    if mode.mode == "reported" and not cameo.is_verbal(entry.code):
        cue = claim_cue(lex, t, lo, trig.anchor)
        if cue is not None and cue in lex.accusation_cues:
            return None  # what one side accuses another of: only the accusation is an event
        if cue is not None:
            mode.mode, mode.cues["claimed"] = "claimed", cue  # told as a side's claim
    return mode


def is_state(lex: Lexicon, actor: Actor) -> bool:
    country, roles = cameo.split_actor_code(actor.code)
    return country is not None and (not roles or bool(set(roles) & lex.state_code_roles))


FIGHT_ROOT = "19"  # CAMEO's conventional military force: a state's or an armed group's


def _is_civil(lex: Lexicon, actor: Actor) -> bool:
    return _only_roles(actor, lex.civil_roles)


def _only_roles(actor: Actor, roles: Collection[str]) -> bool:
    own = cameo.split_actor_code(actor.code)[1]
    return bool(own) and set(own) <= set(roles)


def _represses(lex: Lexicon, code: str, source: Actor, target: Actor | None) -> bool:
    """A clash of the police (repression roles) with civilians only (the caller asks it of
    reciprocal acts: a clash, not a one-sided shooting)."""
    rule = lex.repression
    if not rule.code or code[:2] != FIGHT_ROOT or target is None or not _is_civil(lex, target):
        return False
    return not set(rule.roles).isdisjoint(cameo.split_actor_code(source.code)[1])


def _same_actor(source: Actor, target: Actor | None) -> bool:
    if target is None:
        return False
    if source.entity is not None and source.entity == target.entity and source.code == target.code:
        return True
    return source.code == target.code and source.entity is None and target.entity is None


def _code(lex: Lexicon, trig: Trigger, pair: Pair, sides: Sides) -> str | None:
    """The pair's code before any intent recoding, or None when the pair is no event."""
    entry, form = trig.form.entry, trig.form
    source, target = pair
    code = entry.code
    if target is None and entry.untargeted_code:
        code = entry.untargeted_code
    elif target is None and entry.needs_target and not entry.reciprocal and not sides.provisional:
        return None
    if target is None and form.noun and code == entry.untargeted_code:
        return None  # an attack noun names no show of force
    if target is not None and entry.not_target_roles.intersection(cameo.split_actor_code(target.code)[1]):
        return None  # "told Reuters": the news agency is no side
    if entry.state_code and is_state(lex, source):
        code = entry.state_code
    if lex.civil_force_code and code[:2] == FIGHT_ROOT and _is_civil(lex, source):
        code = lex.civil_force_code  # students who riot and attack soldiers fight with no army
    unarmed = lex.data.unarmed_code
    if unarmed and code[:2] == FIGHT_ROOT and _only_roles(source, lex.data.unarmed_roles):
        code = unarmed  # a parliament attacks with words
    if entry.reciprocal and _represses(lex, code, source, target):
        code = lex.repression.code or code  # the police clashing with protesters repress them
    located = target is not None and target.place and (entry.places or code[:3] in lex.visit_codes)
    if located and target is not None and target.country and source.country == target.country:
        return None  # a visit, attack or curfew at home is not between two sides
    return code


_CUE_PUNCT = frozenset({",", ":", "'", '"', "“", "‘"})


def _told_request(lex: Lexicon, s: Scope, trig: Trigger) -> bool:
    """Does what the verb of telling reports open with an imperative ("mengatakan kepada kami,
    'jangan aktifkan ...'")?"""
    t = s.t
    for k in range(trig.end, min(s.hi, trig.end + 8)):
        if t.low[k] in lex.imperatives:
            return k > 0 and t.low[k - 1] in _CUE_PUNCT
        if t.low[k] in (".", "!", "?", ";"):
            return False
    return False


def _confidence(lex: Lexicon, trig: Trigger, pair: Pair, sides: Sides, hedged: bool) -> float:
    entry = trig.form.entry
    source, target = pair
    conf = entry.confidence if entry.confidence is not None else (0.6 if trig.form.noun else 0.7)
    if target is not None and sides.tgt_via in ("obj", "prep", "next", "subj"):
        conf += 0.1
    if sides.src_via in ("anaphora", "implicit") or sides.tgt_via == "anaphora":
        conf -= 0.1
    if sides.src_via == "speaker":
        conf -= 0.05
    if sides.src_via in ("person", "matrix"):
        conf -= 0.1
    if source.via == "generic" or (target is not None and target.via == "generic"):
        conf -= 0.05
    if sides.tgt_via == "place":
        conf -= 0.05
    if hedged:
        conf -= lex.hedge_penalty
    return conf


def candidates_of(
    lex: Lexicon,
    s: Scope,
    trig: Trigger,
    ctx: Context,
    pub: dt.datetime | None,
    parse: LazyParse | None = None,
) -> list[Candidate]:
    form, entry = trig.form, trig.form.entry
    t, lo = s.t, s.lo
    if form.passive and entry.stative_passive:
        k = trig.start - 1
        while k >= lo and t.low[k] in lex.auxiliaries:
            k -= 1
        if k >= lo and t.low[k] == lex.grammar.relative_pronoun:
            return []  # "X that is backed by Y": a description, not news
    sides = _sides(lex, Clause(t, lo, s.hi, parse), trig, ctx)
    pairs = _pairs(entry, sides, form.noun)
    if not pairs:
        return []
    mode = _adjusted_mode(lex, s, trig, sides, pub)
    if mode is None:
        return []
    out = []
    request = _told_request(lex, s, trig)
    for pair in pairs[: lex.settings.max_events_per_trigger]:
        source, target = pair
        if _same_actor(source, target):
            continue
        act_code = _code(lex, trig, pair, sides)
        if act_code is None:
            continue
        if request and act_code[:2] == "01":
            act_code = lex.request_code  # what was told is a request: "told us: 'do not ...'"
        code = (
            (cameo.intent_code(act_code) or act_code) if mode.mode == "intended" and mode.recode else act_code
        )
        out.append(
            Candidate(
                code=code,
                source=source,
                target=target,
                mode=mode.mode,
                confidence=_confidence(lex, trig, pair, sides, mode.hedged),
                sent=s.si,
                trigger=trig.start,
                reciprocal=entry.reciprocal,
                evidence=s.evidence,
                times=s.times,
                trig_char=t.char(trig.start),
                act_code=act_code,
                cue=mode.cues.get("intended"),
                src_via=sides.src_via,
                tgt_via=sides.tgt_via if target is not None else None,
                provisional=sides.provisional and target is None,
                needs_target=entry.needs_target and not entry.untargeted_code,
                trig_end=trig.end,
                action=t.word_at(trig.start),
            )
        )
    return out
