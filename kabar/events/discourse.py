"""What a sentence leaves for the next ones to point back to: the last pair of sides (for "both
sides") and the person heading it (for "he"/"she")."""

from __future__ import annotations

import bisect

from kabar.events.lexicon import Lexicon
from kabar.events.phrases import coord_left, in_pp, plain_word
from kabar.events.state import Actor, Candidate, Quoted, Tokens


def nps_in(t: Tokens, a: int, b: int) -> list[Actor]:
    """The actor noun phrases starting in tokens a..b."""
    if not t.np_starts and t.nps:
        t.np_starts = [n.start for n in t.nps]
    return t.nps[bisect.bisect_left(t.np_starts, a) : bisect.bisect_left(t.np_starts, b)]


def last_groups(
    lex: Lexicon, t: Tokens, span: tuple[int, int], found: list[Candidate]
) -> tuple[list[Actor] | None, list[Actor] | None]:
    """The last pairs of actors of a sentence: a reciprocal event's sides, and a pair of
    coordinated actors outside a prepositional phrase (a mediator's pair names no sides)."""
    a, b = span
    recip = None
    for c in reversed(found):
        if c.reciprocal and c.target is not None and c.mode != "skip":
            recip = [c.source, c.target]
            break
    coord = None
    for np in reversed(nps_in(t, a, b)):
        group = coord_left(lex, t, np, a)
        k = group[0].start - 1
        oblique = k >= a and (t.low[k] in lex.prepositions or t.low[k] in lex.prep_stops)
        if len(group) == 2 and not oblique and group[0].code != group[1].code:
            coord = group
            break
    return recip, coord


def sentence_person(lex: Lexicon, t: Tokens, span: tuple[int, int], quotes: list[Quoted]) -> Actor | None:
    """The person a pronoun in the next sentence points back to: the first person named in this
    sentence outside a prepositional phrase, a possessive and a quote; None when that person is
    no actor."""
    a, b = span
    lo_i = bisect.bisect_left(t.person_starts, a)
    for m in t.person_starts[lo_i:]:
        if m >= b:
            break
        pos = t.starts[m]
        if any(q.start <= pos < q.end for q in quotes):
            continue
        np = next((n for n in nps_in(t, a, m + 1) if n.start <= m < n.end), None)
        start = np.start if np is not None else m
        if in_pp(lex, t, start, a) or (start - 1 >= a and plain_word(lex, t, start - 1)):
            continue
        return np if np is not None and np.label == "PER" else None
    return None
