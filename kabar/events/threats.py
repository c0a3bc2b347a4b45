"""Threats and answers: a threat verb takes in the act it threatens ("threatened to take
military action if ..." is one threat, its target the actor of the condition); an actor's own
stated intention to act against another is a threat made; a threat or denial without a target
answers the act against its source told just before."""

from __future__ import annotations

from kabar import cameo
from kabar.events.arguments import Clause, antecedent, np_after
from kabar.events.candidates import among, is_state
from kabar.events.lexicon import Lexicon
from kabar.events.merging import more_specific
from kabar.events.phrases import compiled, plain_word
from kabar.events.state import Actor, Candidate, Context, Quoted, Scope, Trigger
from kabar.events.subjects import subject


def speaker_at(t_start: int, quotes: list[Quoted]) -> tuple[Actor | None, bool]:
    """The speaker of the quote covering body offset `t_start`, and whether it is direct."""
    for q in quotes:
        if q.start <= t_start < q.end:
            return q.speaker, q.direct
    return None, False


def quote_start_at(t_start: int, quotes: list[Quoted]) -> int:
    """Where the quote covering body offset `t_start` starts, or -1."""
    return next((q.start for q in quotes if q.start <= t_start < q.end), -1)


def _threat_scope(lex: Lexicon, s: Scope, th: Candidate) -> tuple[int, int]:
    """(end of the threat's clause, first condition word or that end)."""
    t = s.t
    end = s.hi
    for k in range(th.trig_end, s.hi):
        if t.low[k] in lex.threat_scope_stops:
            end = k
            break
    cond = next((k for k in range(th.trig_end, end) if t.low[k] in lex.condition_words), end)
    return end, cond


def _recode_threat(lex: Lexicon, th: Candidate, act: str) -> None:
    intent = cameo.intent_code(act)
    if intent and intent[:2] in lex.threat_roots:
        th.recode(more_specific(th.code, intent))


def _advised(lex: Lexicon, s: Scope, th: Candidate, cond: int) -> bool:
    """Does the warning tell its object what to do ("memperingatkan X agar tidak memutus
    hubungan", "memperingatkan X untuk tetap waspada")? The act after it is the object's, advised
    against, not one threatened. Not after "bahwa": what follows is what the warner says
    ("memperingatkan Washington bahwa Teheran siap untuk berperang"); nor when the threat's own
    words name the act threatened ("mengancam akan menyerang Israel untuk membalas ...")."""
    t = s.t
    if th.target is None or any(lex.is_verb_like(t.low[k]) for k in range(th.trigger + 1, th.trig_end)):
        return False
    for k in range(th.trig_end, cond):
        if t.low[k] in lex.threat_advice:
            return True
        if t.low[k] in lex.claim_through:
            return False
    return False


def _warns_of(lex: Lexicon, s: Scope, th: Candidate, end: int) -> Actor | None:
    """The other side a warning says does something ("memperingatkan bahwa AS membahayakan
    keamanan global"): the subject right after "bahwa", with no word of what it will or may do."""
    t = s.t
    k = th.trig_end
    if lex.threat_about_code is None or k + 1 >= end or t.low[k] not in lex.claim_through:
        return None
    a = t.np_start.get(k + 1)
    if a is None or not a.country or a.side == th.source.side:
        return None
    if any(t.low[j] in lex.threat_about_keeps for j in range(a.end, min(end, a.end + 5))):
        return None
    return a


def _warns_of_act(lex: Lexicon, s: Scope, th: Candidate, end: int) -> Actor | None:
    """The other side whose act, told as a noun right after "bahwa", a warning names as done
    ("memperingatkan bahwa invasi yang dipimpin X ke Y telah menewaskan ..."): the first actor
    within four words of the noun; a charge against it, not a threat. Not when a word of what it
    will or may do follows ("... akan memicu perang")."""
    t = s.t
    k = th.trig_end
    if lex.threat_about_code is None or k + 1 >= end or t.low[k] not in lex.claim_through:
        return None
    if not any(f.noun for f in lex.triggers.get(t.low[k + 1], ())):
        return None  # an event noun of the dictionary, told or not
    if any(t.low[j] in lex.threat_about_keeps for j in range(k + 1, end)):
        return None
    for j in range(k + 2, min(end, k + 6)):
        a = t.np_start.get(j)
        if a is not None:
            return a if a.country and a.side != th.source.side else None
    return None


def _take_in(
    lex: Lexicon, s: Scope, th: Candidate, out: list[Candidate], triggers: list[Trigger], ctx: Context
) -> tuple[set[int], list[Candidate]]:
    """The acts a threat threatens: recode the threat, take their target; the ids of those dropped,
    and extra threats for further actors of a condition."""
    end, cond = _threat_scope(lex, s, th)
    drop: set[int] = set()
    if _advised(lex, s, th, cond):
        th.recode(lex.request_code)  # a warning to a side to do or not to do something
        # the act advised is the warned side's, not the warner's: no event of the warner
        drop = {id(c) for c in out if th.trigger < c.trigger < end and c.source.side == th.source.side}
        return drop - {id(th)}, []
    about = _warns_of(lex, s, th, end) or _warns_of_act(lex, s, th, end)
    if about is not None and lex.threat_about_code is not None:
        th.recode(lex.threat_about_code)  # a charge against that side, not a threat
        th.target, th.tgt_via, th.provisional = about, "prep", False
        drop = {id(c) for c in out if th.trigger < c.trigger < end and c.source.side == about.side}
        return drop - {id(th)}, []
    extra: list[Candidate] = []
    for trig in triggers:  # the act threatened, before any condition: its intent code
        entry = trig.form.entry
        if th.trigger < trig.start < cond and entry.code[:2] not in lex.threat_roots:
            _recode_threat(
                lex, th, entry.state_code if entry.state_code and is_state(lex, th.source) else entry.code
            )
    for c in out:
        if c is th or id(c) in drop or not (th.trigger < c.trigger < end):
            continue
        if c.mode == "reported" and c.act_code[:2] not in lex.threat_roots and c.trigger != th.trig_end:
            continue  # an act right after the threat verb is what it threatens ("Ancam Serang")
        if c.source.side != th.source.side:
            continue  # the actor of the condition
        _recode_threat(lex, th, c.act_code)
        if th.target is None and c.target is not None and c.target.side != th.source.side:
            th.target, th.provisional = c.target, False
        drop.add(id(c))
    if th.target is None:
        for k in range(th.trig_end, end):
            if s.t.low[k] in lex.condition_words:
                group = [
                    a
                    for a in np_after(lex, Clause(s.t, s.lo, end), k + 1, 2, ctx, subject_group=True)
                    if a.side != th.source.side
                ]
                for n, a in enumerate(group[: lex.settings.max_events_per_trigger]):
                    if n == 0:
                        th.target, th.provisional = a, False
                    else:
                        extra.append(th.copy(target=a))
                break
    return drop, extra


def asserted_by_source(lex: Lexicon, s: Scope, c: Candidate, ctx: Context) -> bool:
    """Is an intention stated by the actor itself: in its own quote, as "we", or after a verb of
    saying whose subject is of the actor's country?"""
    if c.src_via in ("speaker", "matrix"):
        return True
    t = s.t
    country = c.source.side
    speaker, _ = speaker_at(t.starts[c.trigger], s.quotes)
    if speaker is not None and speaker.side == country:
        return c.target is None or not among(speaker, [c.target])
    for k in range(c.trigger - 1, s.lo - 1, -1):
        w = t.low[k]
        if w in lex.reporting_verbs or any(
            f.entry.code[:2] in lex.threat_roots for f in lex.triggers.get(w, ())
        ):
            subj, _ = subject(lex, t, k, s.lo, ctx)
            if any(a.side == country for a in subj):
                # the side the act is aimed at tells what it is ready for ("X siap menerima aksi
                # yang dipimpin Y"): that is X's word, no threat by Y
                return c.target is None or not any(among(a, [c.target]) for a in subj)
    return False


def _warned(lex: Lexicon, s: Scope, c: Candidate) -> None:
    """A warning whose complement names another side ("Trump memperingatkan bahwa kesepakatan
    ... tidak boleh dilanggar oleh Iran"; or the complement without "bahwa", opening with an
    auxiliary: "X memperingatkan telah siap berperang dan aset militer Y dalam jangkauan"): that
    side is the one warned."""
    t = s.t
    if c.root not in lex.threat_roots or c.trig_end >= s.hi:
        return
    if t.low[c.trig_end] not in lex.claim_through and t.low[c.trig_end] not in lex.auxiliaries:
        return
    for k in range(c.trig_end + 1, s.hi):
        if t.low[k] in lex.threat_scope_stops or t.low[k] in ("“", "”", '"'):
            return
        a = t.np_start.get(k)
        located = a is not None and a.place and t.low[k - 1] in lex.grammar.locative_prepositions
        if a is not None and not located and a.side != c.source.side and a.country:
            c.target, c.tgt_via, c.provisional = a, "prep", False
            return


def _accused_by(lex: Lexicon, s: Scope, c: Candidate) -> None:
    """A denial whose sentence names the accuser after it ("membantah menerima suap seperti yang
    disangkakan oleh KPK", "menolak tuduhan dari pejabat Saudi"): that side is the target."""
    if not any(c.code.startswith(code) for code in lex.denial_codes) or c.trig_end >= s.hi:
        return
    t = s.t
    cues = compiled(lex.data.charges.accuser_cues, lex.phrase_set)  # length -> phrases
    for k in range(c.trig_end, s.hi):
        if t.low[k] in ("“", "”", '"'):
            return
        n = next((n for n in sorted(cues, reverse=True) if tuple(t.low[k : k + n]) in cues[n]), 0)
        if not n:
            continue
        j = k + n + (1 if k + n < s.hi and t.low[k + n] == lex.grammar.agent_preposition else 0)
        for skip in range(j, min(s.hi, j + 2)):  # a title before the name: "pengacara X"
            if t.low[skip] in lex.prepositions:
                return  # "dituduhkan kepada X": X is the one accused
            a = t.np_start.get(skip)
            if a is not None:
                if not among(a, [c.source]) and a.name != c.source.name:
                    c.target, c.tgt_via, c.provisional = a, "prep", False
                return
        return


def _answer(lex: Lexicon, s: Scope, c: Candidate, out: list[Candidate], ctx: Context) -> None:
    """A threat or denial still without target answers the act against its source told before."""
    if c.root in lex.threat_roots and 0 <= c.trig_end < s.hi and plain_word(lex, s.t, c.trig_end):
        return  # a warning to someone unnamed, not a threat answering
    roots = lex.counterparts(c.act_code) or lex.counterparts(c.code)
    if not roots:
        return
    # the acts told before: in the sentences before, then earlier in this sentence
    before = [o for o in out if o is not c and o.trigger < c.trigger]
    ante = antecedent(lex, ctx.but(history=list(ctx.history) + before), roots, [c.source], against=True)
    if ante is not None:
        c.target, c.provisional = ante, False
        c.confidence -= 0.1


def _ultimatums(lex: Lexicon, s: Scope, out: list[Candidate]) -> set[int]:
    """A demand whose alternative is a threat of the same side ("asked X to ... or he threatened
    to ..."): one threat, against the one the demand was made to. The ids of the demands taken in."""
    t = s.t
    drop: set[int] = set()
    for th in out:
        if th.root not in lex.threat_roots or th.mode != "reported":
            continue
        for d in out:
            if d.target is None or d.trigger >= th.trigger or d.root not in lex.appeal_roots:
                continue
            if d.source.side != th.source.side:
                continue
            between = t.low[d.trig_end : th.trigger]
            if not any(
                tuple(between[k : k + n]) in ps
                for n, ps in lex.threat_alternatives.items()
                for k in range(len(between))
            ):
                continue
            if th.target is None or th.tgt_via not in ("obj", "prep", "next"):
                th.target, th.tgt_via, th.provisional = d.target, d.tgt_via, False
            drop.add(id(d))
    return drop


def resolve_threats(
    lex: Lexicon, s: Scope, out: list[Candidate], ctx: Context, triggers: list[Trigger]
) -> list[Candidate]:
    if not any(c.root in lex.threat_roots or c.provisional or c.cue for c in out):
        return [c for c in out if c.target is not None or not c.needs_target]
    drop = _ultimatums(lex, s, out)
    extra: list[Candidate] = []
    for th in [
        c
        for c in out
        if c.root in lex.threat_roots and c.act_code[:2] in lex.threat_roots and c.mode == "reported"
    ]:
        dropped, more = _take_in(lex, s, th, [c for c in out if id(c) not in drop], triggers, ctx)
        drop |= dropped
        extra += more
    out = [c for c in out if id(c) not in drop] + extra
    for c in out:
        if c.mode not in ("intended", "conditional") or c.cue not in lex.threat_assert:
            continue
        intent = cameo.intent_code(c.act_code)
        if not intent or intent[:2] not in lex.threat_roots:
            continue
        if asserted_by_source(lex, s, c, ctx):
            c.recode(intent)
            c.mode = "reported"
            if c.target is None:
                c.provisional, c.needs_target = True, True
    for c in out:
        if c.provisional and c.target is None:
            _warned(lex, s, c)
        if c.provisional and c.target is None:
            _accused_by(lex, s, c)
        if c.provisional and c.target is None:
            _answer(lex, s, c, out, ctx)
    return [c for c in out if c.target is not None or not c.needs_target]
