"""Sides read from the dependency parse, for a trigger whose source or target the token patterns
did not find: the subject (inherited through a claim or control verb: "X mengklaim telah
menyerang Y"), the agent of a passive, the object, an oblique with the entry's preposition, and
the actor a noun phrase's modifiers name ("serangan udara Israel", "pasukan Rusia").

Only a side the parse ties to the trigger counts; an actor merely standing near it does not."""

from __future__ import annotations

from kabar.events.arguments import Clause
from kabar.events.lexicon import Lexicon
from kabar.events.phrases import coord_right, in_pp, is_verb
from kabar.events.state import Actor, Tokens, Trigger
from kabar.events.syntax import COMPLEMENTS, SentenceParse

# a verb whose subject is left out takes the subject of the verb it complements or is joined to
_INHERITS = COMPLEMENTS | {"conj", "advcl"}
_AGENTS = frozenset({"obj", "obl", "obl:agent"})
_MAX_HOPS = 2
_SUBJECT_REACH = 15  # tokens before a verb where a subject the patterns missed may stand
_NOT_PREPOSITIONS = frozenset({"subj", "obj", "next", "agent", "after_agent", "after_obj"})


def _group(lex: Lexicon, parse: SentenceParse, actor: Actor | None, subject: bool = False) -> list[Actor]:
    if actor is None:
        return []
    return coord_right(lex, parse.t, actor, parse.hi, subject=subject)


def clause_subject(lex: Lexicon, parse: SentenceParse, i: int) -> int | None:
    """The subject of verb i, else that of the verb it depends on. A complement takes that verb's
    object when it has one ("meminta Y menyerang": Y), else its subject ("X mengklaim telah
    menyerang": X); an adverbial clause takes its subject, or the agent of a passive ("kata X saat
    berkunjung", "disampaikan X usai bertemu")."""
    for _ in range(_MAX_HOPS + 1):
        k = parse.subject(i)
        if k is not None:
            return k
        dep, inner = parse.dep(i), i
        if dep not in _INHERITS or parse.head(i) == i:
            return None
        i = parse.head(i)
        if dep in COMPLEMENTS and not is_verb(lex, parse.t.low[i]):
            return None  # "kliennya mempertanyakan" misparsed as a noun's complement: that noun's
        if dep == "advcl":
            return _subject_or_agent(lex, parse, i)
        objs = [o for o in parse.objects(i) if o < inner] if dep != "conj" else []
        if objs:
            return objs[0]
    return None


def _subject_or_agent(lex: Lexicon, parse: SentenceParse, i: int) -> int | None:
    k = parse.subject(i)
    if k is not None and parse.dep(k) != "nsubj:pass" and not lex.grammar.is_passive_verb(parse.t.low[i]):
        return k
    for a in parse.children(i, _AGENTS):  # "disampaikan (oleh) X"
        if a > i and parse.case_word(a) in (None, lex.grammar.agent_preposition):
            return a
    return None


def source_of(lex: Lexicon, parse: SentenceParse, trig: Trigger) -> list[Actor]:
    i = trig.start
    if not parse.holds(i) or not parse.holds(trig.anchor):
        return []
    form = trig.form
    if form.noun:
        if trig.light == "before":  # "X melakukan serangan": the light verb's subject
            k = clause_subject(lex, parse, trig.anchor)
            return _group(lex, parse, parse.cover.get(k), subject=True) if k is not None else []
        if "next" in form.entry.noun_source:  # "serangan udara Israel"
            return _group(lex, parse, parse.np_actor(i))
        return []
    if form.passive:
        for prep, k in parse.obliques(i):
            if prep == lex.grammar.agent_preposition:
                return _group(lex, parse, parse.cover.get(k))
        return []
    k = clause_subject(lex, parse, i)
    return _group(lex, parse, parse.cover.get(k), subject=True) if k is not None else []


def _after_prep(lex: Lexicon, parse: SentenceParse, heads: list[int], name: str) -> list[Actor]:
    prep = lex.words(name)[:1]
    for h in heads:
        for word, k in parse.obliques(h):
            if (word,) == prep:
                actor = parse.cover.get(k)
                if actor is not None and (name not in lex.grammar.locative_prepositions or actor.place):
                    return _group(lex, parse, actor)
    return []


def target_of(
    lex: Lexicon, parse: SentenceParse, trig: Trigger, slots: list[str]
) -> tuple[list[Actor], str | None]:
    """The target by the first of `slots` the parse fills, and how it was found."""
    i = trig.start
    if not parse.holds(i):
        return [], None
    form = trig.form
    # the obliques of the trigger's own words ("menjatuhkan sanksi kepada X"), and of the light
    # verb before an event noun; not of the object ("mengutuk serangan terhadap X": the attack's)
    heads = [k for k in range(i, trig.end) if parse.holds(k)]
    if form.noun and trig.light == "before" and parse.holds(trig.anchor):
        heads.append(trig.anchor)
    for name in slots:
        if name == "subj" and form.passive:
            k = parse.subject(i)
            group = _group(lex, parse, parse.cover.get(k)) if k is not None else []
            via = "subj"
        elif name == "obj" and not form.noun and not form.passive:
            objs = parse.objects(i)
            group = _group(lex, parse, parse.cover.get(objs[0])) if objs else []
            via = "obj"
        elif name not in _NOT_PREPOSITIONS:
            group = _after_prep(lex, parse, heads, name)
            via = "place" if group and all(a.place for a in group) else "prep"
        else:
            continue
        if group:
            return group, via
    return [], None


def _actor_in(t: Tokens, lo: int, hi: int, taken: set[int]) -> bool:
    return any(k in t.np_start and k not in taken for k in range(lo, hi))


def _subject_actor_before(lex: Lexicon, c: Clause, anchor: int, taken: set[int]) -> bool:
    """An actor before the verb that no preposition governs: one that could be its subject. Not
    after a relative pronoun: the patterns read the head of a relative clause, the parse has no
    more to say of it."""
    t = c.t
    k = anchor - 1
    while k >= c.lo and (t.low[k] in lex.auxiliaries or t.low[k] in lex.cue_words):
        k -= 1
    if k >= c.lo and t.low[k] == lex.grammar.relative_pronoun:
        return False
    return any(
        k in t.np_start and k not in taken and not in_pp(lex, t, k, c.lo)
        for k in range(max(c.lo, anchor - _SUBJECT_REACH), anchor)
    )


def worth_parsing(lex: Lexicon, c: Clause, trig: Trigger, taken: set[int]) -> bool:
    """Could the parse give the missing source? Only if a spare actor stands where the subject
    could be: before a verb and outside a prepositional phrase, after the agent preposition of a
    passive, right after an event noun; and only if a target could stand where the patterns
    found none. The tokens tell this without parsing, so most sentences
    are never parsed. (A missing target alone is not worth a parse: on 400 corpus articles the
    parse found none of the 50 the patterns had missed.)"""
    t, hi, form = c.t, c.hi, trig.form
    # a side from the parse makes an event only with a target: one must be able to stand after an
    # active verb, before a passive
    target_room = (c.lo, trig.start) if form.passive else (trig.end, hi)
    if not taken and not _actor_in(t, *target_room, taken):
        return False
    if form.passive:  # the patterns read an agent phrase up to prep_window tokens after the verb
        far = trig.end + lex.settings.prep_window
        return _prep_then_actor(t, far, hi, lex.grammar.agent_preposition, taken)
    if form.noun and trig.light != "before":
        return "next" in form.entry.noun_source and _actor_in(t, trig.end, min(hi, trig.end + 4), taken)
    return _subject_actor_before(lex, c, trig.anchor, taken)


def _prep_then_actor(t: Tokens, lo: int, hi: int, prep: str, taken: set[int]) -> bool:
    for k in range(lo, hi):
        if t.low[k] == prep:
            return _actor_in(t, k + 1, hi, taken)
    return False
