"""One event, several tellings.

Within a sentence, an event without target gives way to one of the same source and root with
a target, and events of the same root and sides merge. Across the article, events with the same
root, sides and mode within a day are one event with every sentence telling it in `mentions` (a
country and its agency count as one side when the code is the same, and the agency is kept); a
host's welcome of a visit already found is a telling of that visit. Caption and title events
only add mentions to body events."""

from __future__ import annotations

import datetime as dt

from kabar import cameo
from kabar.events.lexicon import Lexicon
from kabar.events.state import FACTUAL_MODES, Actor, Candidate
from kabar.model import Event


def more_specific(a: str, b: str) -> str:
    """Of two codes with the same root, the more specific: 4 digits over 3, 3 over 2, x1-x9 over x0."""

    def rank(code: str) -> tuple[int, int]:
        return (len(code), 0 if code.endswith("0") else 1)

    return b if rank(b) > rank(a) else a


def _key(a: Actor | None) -> str | None:
    return a.code if a is not None else None


def _same_side(a: Actor | None, b: Actor | None) -> bool:
    """The same actor code, or a bare country and an actor of that country with a role ("Iran"
    and its foreign ministry's spokesman tell the same act)."""
    if _key(a) == _key(b):
        return True
    if a is None or b is None or not a.country or a.country != b.country:
        return False
    return a.code == a.country or b.code == b.country


def same_sides(a: Candidate, b: Candidate, loose: bool = False) -> bool:
    """The same sides; `loose`: a one-way act told once of a country and once of its agency."""
    sa, ta, sb, tb = (_key(x) for x in (a.source, a.target, b.source, b.target))
    if sa == sb and ta == tb:
        return True
    if loose and not (a.reciprocal or b.reciprocal):
        return _same_side(a.source, b.source) and _same_side(a.target, b.target)
    # reversed sides are one act only when both tellings are mutual ("X and Y clashed"): "Y
    # assaulted X" is Y's own act, not the clash told the other way round
    return a.reciprocal and b.reciprocal and sa == tb and ta == sb


def _finer(into: Actor, other: Actor | None) -> Actor:
    """Of two tellings' actors, the one with a role over the bare country."""
    if other is not None and into.code == into.country and other.code != other.country:
        return other
    return into


def absorb(found: list[Candidate]) -> list[Candidate]:
    """Merge the candidates of one sentence."""
    out: list[Candidate] = []
    for c in found:
        if c.target is None and any(
            o is not c and o.target is not None and o.root == c.root and o.source.code == c.source.code
            for o in found
        ):
            continue
        same = next((o for o in out if o.root == c.root and same_sides(o, c)), None)
        if same is None:
            out.append(c)
            continue
        same.code = more_specific(same.code, c.code)
        if c.mode in FACTUAL_MODES and (same.mode not in FACTUAL_MODES or c.mode == "reported"):
            if same.mode == "negated":  # "did not blame X, but accused it": the word that tells it
                same.action, same.trig_char = c.action, c.trig_char
            same.mode = c.mode  # told as fact beats told as claimed beats the rest
        elif same.mode == "intended" and c.mode not in (*FACTUAL_MODES, "intended"):
            same.mode = c.mode
        same.confidence = max(same.confidence, c.confidence)
    return out


def _dates_close(a: str | None, b: str | None) -> bool:
    if a is None or b is None:
        return True
    return abs((dt.date.fromisoformat(a) - dt.date.fromisoformat(b)).days) <= 1


class Merger:
    def __init__(self, lex: Lexicon):
        self.visit = lex.data.visit_code
        self.hosting = lex.data.hosting_code
        self.title_untargeted = frozenset(lex.settings.title_untargeted_roots)

    def _find(self, merged: list[Candidate], c: Candidate, dated: bool = True) -> Candidate | None:
        factual = c.mode in FACTUAL_MODES
        for m in merged:
            if (m.mode in FACTUAL_MODES) != factual or (not factual and m.mode != c.mode):
                continue
            if dated and not _dates_close(m.date, c.date):
                continue
            # a country and its agency telling one act: only the same act (code), not the same root
            # two sentences telling different statements of one root ("said to X" and "denied X's
            # worry") are two events; an act told vaguer ("attack", "air strike") is the same act,
            # and a title or caption retells the body's act in other words
            distinct = dated and cameo.is_verbal(c.code) and m.code[:3] != c.code[:3]
            same_act = m.root == c.root and not distinct
            if same_act and same_sides(m, c, loose=m.code == c.code):
                if {m.code[:3], c.code[:3]} == {self.visit, self.hosting}:
                    continue  # visit and hosting in the same direction are told apart below
                return m
            if self._welcomes(c, m):
                return m
        return None

    def _welcomes(self, c: Candidate, m: Candidate) -> bool:
        """Is `c` a host welcoming a visitor (hosting Y -> X), a telling of the visit `m` (X -> Y)?"""
        if c.code != self.hosting or m.code != self.visit or c.target is None or m.target is None:
            return False
        return (
            c.target.code == m.source.code and bool(c.source.country) and c.source.country == m.target.country
        )

    def _fold(self, into: Candidate, c: Candidate) -> None:
        if not (into.code[:3] == self.visit and c.code == self.hosting):  # the visit keeps its code
            into.code = more_specific(into.code, c.code)
            if not (into.reciprocal or c.reciprocal) and into.target is not None:
                source, target = _finer(into.source, c.source), _finer(into.target, c.target)
                finer = source is not into.source or target is not into.target
                if finer and c.evidence.where == into.evidence.where:
                    # the telling that names the finer side is the evidence of the event it gives
                    into.evidence, into.action = c.evidence, c.action
                into.source, into.target = source, target
        into.mentions.extend(c.mentions or [c.evidence])
        into.confidence = max(into.confidence, c.confidence)
        if into.place is None and c.place is not None:
            into.place = c.place
        if into.date is None and c.date is not None:
            into.date = c.date
        if into.mode == "claimed" and c.mode == "reported":
            into.mode = "reported"  # told as fact elsewhere in the article

    def merge(self, cands: list[Candidate], extra: list[Candidate]) -> list[Event]:
        merged: list[Candidate] = []
        for c in cands:
            c.mentions = [c.evidence]
            target = self._find(merged, c)
            if target is None:
                merged.append(c)
            else:
                self._fold(target, c)
        for c in extra:
            # a title or caption is dated by the body: its telling of a body event is that event
            target = self._find(merged, c, dated=False)
            c.mentions = [c.evidence]
            if target is not None:
                self._fold(target, c)
            elif (
                c.evidence.where == "title"
                and (c.target is not None or c.root in self.title_untargeted)
                and c.mode in FACTUAL_MODES
                and not any(m.root == c.root and m.source.side == c.source.side for m in merged)
                and not any(_planned(m, c) for m in merged)
            ):
                merged.append(c)  # the headline's own event, between two sides it names
        events = [e for e in (_event(c) for c in merged) if e is not None]
        events.sort(key=lambda e: (e.evidence.start, e.code))
        return events


def _planned(m: Candidate, c: Candidate) -> bool:
    """Does the body tell the headline's act `c` as a plan of the same side (a headline written
    before a meeting: "Siang Ini, X Bertemu dengan Y", the body "X akan bertemu dengan Y")?"""
    return (
        m.mode not in FACTUAL_MODES
        and m.source.side == c.source.side
        and m.target is not None
        and c.target is not None
        and m.target.side == c.target.side
        and m.code in (c.code, cameo.intent_code(c.code))
    )


def _event(c: Candidate) -> Event | None:
    info = cameo.get(c.code)
    if info is None:
        return None
    mentions = sorted(
        {(m.where, m.start, m.end, m.text): m for m in c.mentions}.values(),
        key=lambda m: (m.where != "body", m.where, m.start),
    )
    conf = min(0.95, c.confidence + 0.05 * (len(mentions) - 1))
    return Event(
        code=info.code,
        root=info.root,
        quad_class=info.quad_class,
        goldstein=info.goldstein,
        source=c.source.event_actor(),
        target=c.target.event_actor() if c.target is not None else None,
        date=c.date,
        location=c.place,
        evidence=c.evidence,
        confidence=round(max(0.05, min(0.95, conf)), 2),
        factual=c.mode in FACTUAL_MODES,
        mode=c.mode,
        mentions=mentions,
        symmetric=c.reciprocal and c.target is not None,
        action=c.action,
    )
