"""A person described by the body they belong to and a demonstrative ("politikus PKS itu", "kader
partai tersebut"): the person named shortly before, not the body."""

from __future__ import annotations

import bisect

from kabar.events.lexicon import Lexicon
from kabar.events.state import Actor, Tokens


def _described(lex: Lexicon, t: Tokens, a: Actor) -> bool:
    """Does the body `a` stand between a member noun (before it or opening its role phrase,
    "kader PDIP") and a demonstrative?"""
    if a.label == "PER" or a.start == 0 or a.end >= len(t.low):
        return False
    opens = a.end - a.start > 1 and t.low[a.start] in lex.member_nouns
    member = opens or t.low[a.start - 1] in lex.member_nouns
    return member and t.low[a.end] in lex.demonstratives


def _person_before(lex: Lexicon, t: Tokens, a: Actor, others: list[Actor]) -> Actor | None:
    """The last person named before `a`, within `member_anaphor_tokens`, not one of `others`."""
    if not t.np_starts and t.nps:
        t.np_starts = [n.start for n in t.nps]
    k = bisect.bisect_left(t.np_starts, a.start) - 1
    while k >= 0 and a.start - t.nps[k].end <= lex.settings.member_anaphor_tokens:
        np = t.nps[k]
        if np.label == "PER" and not any(np.entity is not None and np.entity == o.entity for o in others):
            return np.as_anaphor()
        k -= 1
    return None


def resolve_described(lex: Lexicon, t: Tokens, actors: list[Actor], others: list[Actor]) -> list[Actor]:
    """`actors` with each body described as one of its members replaced by that person; a body
    whose member is not named before is left out."""
    out: list[Actor] = []
    for a in actors:
        if not _described(lex, t, a):
            out.append(a)
            continue
        person = _person_before(lex, t, a, others)
        if person is not None:
            out.append(person)
    return out
