"""Quotes as the events stage reads them: each quote's span and its speaker as an actor (from
the `quotes` stage, else "“...,” kata X" found here), and pejorative words inside a quote next
to an actor, which are the speaker criticising that actor (111)."""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Mapping

from kabar.events.actors import actor_of
from kabar.events.arguments import Clause, np_after
from kabar.events.lexicon import Entry, Form, Lexicon
from kabar.events.modality import mode_of
from kabar.events.state import FACTUAL_MODES, Actor, Candidate, Context, Quoted, Scope, Tokens, Trigger
from kabar.events.subjects import subject
from kabar.events.threats import speaker_at
from kabar.model import Entity, Quote

_QUOTE_SPAN = re.compile(r"[“\"]([^“”\"]{3,}?)[”\"]")


def quoted(lex: Lexicon, quotes: list[Quote], t: Tokens, entities: Mapping[str, Entity]) -> list[Quoted]:
    out: list[Quoted] = []
    for q in quotes:
        speaker = None
        ent = entities.get(q.speaker) if q.speaker else None
        found = actor_of(ent, ent.type if ent else None)
        if ent is not None and found is not None:
            speaker = Actor(
                found.code,
                found.country,
                ent.name,
                ent.id,
                -1,
                -1,
                ent.type,
                via="speaker",
                own_role=found.own_role,
            )
        out.append(Quoted(q.start, q.end, speaker, q.kind == "direct"))
    return out or _fallback_quotes(lex, t)


def _fallback_quotes(lex: Lexicon, t: Tokens) -> list[Quoted]:
    """Direct quotes and their speakers when the quotes stage gave none: “...,” kata X."""
    out: list[Quoted] = []
    last: Actor | None = None
    for m in _QUOTE_SPAN.finditer(t.text):
        j = bisect.bisect_left(t.starts, m.end())
        speaker = None
        k = j
        while k < len(t.low) and k < j + 2 and t.low[k] in (",", "."):
            k += 1
        if k < len(t.low) and t.low[k] in lex.speech_verbs:
            if t.low[k].endswith(lex.grammar.possessive_clitic):
                speaker = last  # "ujarnya": the speaker named before
            else:
                np = t.np_start.get(k + 1)
                if np is not None and np.label in ("PER", "ORG"):
                    speaker = Actor(np.code, np.country, np.name, np.entity, -1, -1, np.label, via="speaker")
        if speaker is not None:
            last = speaker
        out.append(Quoted(m.start(1), m.end(1), speaker, True))
    return out


def has_evaluative(lex: Lexicon, words: list[str]) -> bool:
    """Does one of the words (lower case) start a pejorative phrase of one word?"""
    return not lex.evaluative_words.isdisjoint(words)


def _evaluative_form(lex: Lexicon, word: str) -> Form:
    entry = Entry(
        lex.evaluative_code,
        ("subj",),
        ("obj",),
        ("subj",),
        ("obj",),
        False,
        True,
        None,
        None,
        frozenset(),
        False,
        None,
    )
    return Form(entry, (), False, False, word)


def _targets(lex: Lexicon, s: Scope, i: int, n: int) -> list[Actor]:
    """The actor right after the word, or the one it describes ("X yang <word>", "X itu sangat
    <word>": only the pack's predicate words between)."""
    t = s.t
    targets = np_after(lex, Clause(t, s.lo, s.hi), i + n, 1, Context())
    if not targets and i - 1 >= s.lo and t.low[i - 1] == lex.grammar.relative_pronoun:
        np = t.np_end.get(i - 1)
        targets = [np] if np is not None else []
    if not targets:
        fillers = lex.data.evaluative.predicate_words
        k = i
        while k - 1 >= s.lo and i - k < 3 and t.low[k - 1] in fillers and k not in t.np_end:
            k -= 1
        np = t.np_end.get(k) if k < i else None
        # not the object of a preposition: "fitnah terhadap X sangat keji" wrongs X
        after_prep = np is not None and np.start > s.lo and t.low[np.start - 1] in lex.prepositions
        targets = [np] if np is not None and not after_prep else []
    return targets


def evaluative(lex: Lexicon, s: Scope, pub: dt.datetime | None) -> list[Candidate]:
    out = []
    t = s.t
    first = lex.evaluative_first
    for i in range(s.lo, s.hi):
        if t.low[i] not in first:
            continue
        for n, phrases in lex.evaluative.items():
            if i + n > s.hi or tuple(t.low[i : i + n]) not in phrases:
                continue
            speaker, _ = speaker_at(t.starts[i], s.quotes)
            if speaker is None:
                continue
            for target in _targets(lex, s, i, n):
                if target.entity is not None and target.entity == speaker.entity:
                    continue
                if target.country and target.country == speaker.country and target.code == speaker.code:
                    continue
                trig = Trigger(_evaluative_form(lex, t.low[i]), i, i + n, i, None)
                # a pejorative adjective is not negated or planned by the verbs around it
                mode = mode_of(lex, s, trig, pub, window=False)
                target_actor = target
                if target.place and target.country:
                    target_actor = Actor(
                        target.country,
                        target.country,
                        target.name,
                        target.entity,
                        target.start,
                        target.end,
                        target.label,
                        True,
                        "place",
                    )
                out.append(
                    Candidate(
                        lex.evaluative_code,
                        speaker,
                        target_actor,
                        mode.mode,
                        lex.evaluative_confidence,
                        s.si,
                        i,
                        False,
                        s.evidence,
                        s.times,
                        trig_char=t.char(i),
                        action=t.word_at(i),
                    )
                )
    return out


def _teller(lex: Lexicon, s: Scope, c: Candidate, ctx: Context) -> Actor | None:
    """Who tells the act: the speaker of the quote around it, else the subject of a verb of saying
    before it in its sentence."""
    t = s.t
    speaker, _ = speaker_at(t.starts[c.trigger], s.quotes)
    if speaker is not None:
        return speaker
    quote = next((q for q in s.quotes if q.start <= t.starts[c.trigger] < q.end), None)
    if quote is not None and quote.direct:
        # (an indirect quote's teller stands before it: "Sumber dari internal Washington
        # mengatakan, mereka ...", never the actor of the sentence after it)
        return _named_after(lex, t, bisect.bisect_left(t.starts, quote.end))
    for k in range(c.trigger - 1, s.lo - 1, -1):
        noun = t.low[k] in lex.teller_nouns and _before_that(lex, t, k, c.trigger)
        if t.low[k] in lex.reporting_verbs or noun:
            after = t.np_start.get(k + 1) if noun else None
            if after is not None:
                return after
            subj, _ = subject(lex, t, k, s.lo, ctx)
            return subj[0] if subj else t.np_end.get(k)
    return None


def _before_that(lex: Lexicon, t: Tokens, k: int, end: int) -> bool:
    """Does the complementiser follow the noun at k, at once or after its actor, before `end`?"""
    np = t.np_start.get(k + 1)
    j = np.end if np is not None else k + 1
    return j < end and t.low[j] in lex.teller_that


def _named_after(lex: Lexicon, t: Tokens, j: int) -> Actor | None:
    """The actor a quote with no speaker is told by, right after it: '"...," demikian bunyi
    pernyataan militer China' (words of `teller_words` or verbs of saying between)."""
    k = j
    while k < len(t.low) and k - j < 6:
        np = t.np_start.get(k)
        if np is not None:
            return np
        w = t.low[k]
        if not (w in ("”", '"', ",", ".") or w in lex.speech_verbs or w in lex.charge_tellers):
            return None
        k += 1
    return None


def _alleged(lex: Lexicon, t: Tokens, c: Candidate) -> bool:
    """Does the act's trigger only say who is behind an act ("berada di balik serangan")?"""
    clitic = lex.grammar.possessive_clitic
    for n, forms in lex.alleged.items():
        words = t.low[c.trigger : c.trigger + n]
        if words and words[-1].endswith(clitic):  # "adalah dalangnya"
            words = [*words[:-1], words[-1][: -len(clitic)]]
        if tuple(words) in forms:
            return True
    return False


def _said_between(lex: Lexicon, t: Tokens, c: Candidate) -> bool:
    """Does a verb of saying stand between the act's subject and its trigger? Then the subject
    found is the teller's, and the one said to be behind was no actor."""
    said = lex.reporting_verbs
    return c.source.start >= 0 and any(t.low[k] in said for k in range(c.source.end, c.trigger))


def charged(lex: Lexicon, s: Scope, out: list[Candidate], ctx: Context) -> list[Candidate]:
    """An act that is itself a charge ("melanggar hukum internasional"), told by another side,
    is that side's accusation against the actor; an act only alleged ("X berada di balik
    serangan") is an event only so."""
    kept = []
    for c in out:
        alleged = _alleged(lex, s.t, c)
        if not alleged and (c.code[:3] not in lex.charge_codes or c.mode not in FACTUAL_MODES):
            kept.append(c)
            continue
        if alleged and _said_between(lex, s.t, c):
            continue  # "tuduhan AS yang menyatakan Teheran berada di balik": AS tells, is not behind
        teller = _teller(lex, s, c, ctx)
        # an act only alleged may be told by a side of the actor's own country (the police of
        # a separatist group), never by the actor itself
        own = (teller.entity == c.source.entity or teller.code == c.source.code) if teller else True
        if teller is None or (own if alleged else teller.side == c.source.side):
            if not alleged:
                kept.append(c)
            continue
        kept.append(_accusation(lex, c, teller))
    return kept


def mark_tellers(lex: Lexicon, s: Scope, out: list[Candidate], ctx: Context) -> None:
    """Note who tells each act of a contested root, when another side than its actor."""
    for c in out:
        if c.root in lex.contested_roots and c.mode in FACTUAL_MODES:
            teller = _teller(lex, s, c, ctx)
            if teller is not None and teller.side != c.source.side:
                c.teller = teller


def drop_contested(lex: Lexicon, cands: list[Candidate], also: list[Candidate]) -> list[Candidate]:
    """The acts another side tells of an actor who denies in the article are allegations: not
    the actor's act but the teller's accusation against the actor (`charge_code`)."""
    deniers = {c.source.side for c in cands + also if c.code in lex.denial_codes}
    out = []
    for c in cands:
        if c.teller is not None and c.source.side in deniers:
            c = _accusation(lex, c.copy(teller=None), c.teller)
        out.append(c)
    return out


def _accusation(lex: Lexicon, c: Candidate, teller: Actor) -> Candidate:
    """`c` as the teller's accusation (`charge_code`) against its actor."""
    c.source, c.target, c.src_via, c.tgt_via = teller, c.source, "speaker", "subj"
    c.recode(lex.charge_code)
    c.act_code = lex.charge_code
    return c
