"""A person described by the body they belong to and a demonstrative ("politikus PKS itu", "kader
partai tersebut"): the person named shortly before, not the body."""

from __future__ import annotations

import bisect
import re
from collections.abc import Mapping

from kabar.events.lexicon import Lexicon
from kabar.events.phrases import phrase_ending
from kabar.events.state import Actor, Tokens
from kabar.model import Entity


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


def _holds(ent: Entity, office: str, body: set[str]) -> bool:
    """Does the entity stage give the person an office that starts with `office` and names the
    body by one of `body` ("Ketua Dewan Perwakilan Rakyat (DPR)", "Ketua DPR X")?"""
    texts = [" ".join(s.lower().split()) for s in (ent.role, ent.title, *(m.text for m in ent.mentions)) if s]
    names = [re.compile(r"\b" + re.escape(b) + r"\b") for b in body]
    return any(s.startswith(office + " ") and any(n.search(s) for n in names) for s in texts)


def office_described(
    lex: Lexicon, t: Tokens, nps: list[Actor], entities: Mapping[str, Entity]
) -> list[Actor]:
    """A body between an office (`anaphora.office_nouns`) and a demonstrative ("Ketua DPR ini
    meminta ...", "Ketua Umum PAN itu"): the person named shortly before who holds that office
    of that body, as the entity stage read his role; the body when no such person is named."""
    out: list[Actor] = []
    offices = lex.data.anaphora.office_nouns
    for a in nps:
        start = phrase_ending(lex, t, a.start - 1, offices) if a.start > 0 and a.label != "PER" else None
        if start is None or a.end >= len(t.low) or t.low[a.end] not in lex.demonstratives:
            out.append(a)
            continue
        office, body = " ".join(t.low[start : a.start]), {a.name.lower(), " ".join(t.low[a.start : a.end])}
        person = next(
            (
                p
                for p in reversed(out)
                if p.label == "PER"
                and p.entity is not None
                and p.entity in entities
                and a.start - p.end <= lex.settings.member_anaphor_tokens
                and _holds(entities[p.entity], office, body)
            ),
            None,
        )
        if person is None:
            out.append(a)
            continue
        held = person.as_anaphor()
        held.start, held.end = start, a.end
        out.append(held)
    return out
