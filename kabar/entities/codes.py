"""Normalisation and actor codes: each group becomes one `Entity` with its canonical name,
country (ISO3) and CAMEO actor code, from the article's own role phrases first, then the
knowledge base. Which three letters are role codes is `kabar.cameo`'s to say."""

from __future__ import annotations

from dataclasses import dataclass

from kabar import cameo, geo
from kabar.entities.grouping import Group, bare_name, org_name
from kabar.entities.knowledge import Actor, Title
from kabar.lang import LanguagePack
from kabar.model import Entity


def is_country_code(code: str) -> bool:
    return geo.country_info(code) is not None


def split_code(code: str) -> tuple[str | None, str | None]:
    """(country, first role) of an actor code: "IRNMIL" -> ("IRN", "MIL"), "GOV" -> (None, "GOV"),
    "USA" -> ("USA", None), "IGOUNO" -> (None, None)."""
    if len(code) >= 6 and is_country_code(code[:3]) and cameo.is_role_code(code[3:6]):
        return code[:3], code[3:6]
    if len(code) == 3 and cameo.is_role_code(code):
        return None, code
    return (code[:3], None) if is_country_code(code[:3]) else (None, None)


@dataclass
class ActorFacts:
    """What the mentions of one actor say of it, and what the knowledge base adds."""

    actor: Actor | None
    kb_code: str | None
    kb_title: str | None
    title: Title | None
    role_phrase: str | None
    country: str | None
    role: str | None
    org_code: str | None


def entity(g: Group, eid: str, date: str | None, pack: LanguagePack) -> Entity:
    c0 = g.members[0].cand
    if g.kind == "country" and c0.iso3 is not None:
        info = geo.country_info(c0.iso3)
        return Entity(
            id=eid,
            name=info.name if info else c0.name,
            type="GPE",
            country=c0.iso3,
            actor_code=c0.iso3,
            lat=info.lat if info else None,
            lon=info.lon if info else None,
        )
    if g.kind == "place" and c0.place is not None:
        p = c0.place
        return Entity(id=eid, name=p.name, type=p.type, country=p.country, lat=p.lat, lon=p.lon)
    if g.kind == "loc":
        return Entity(id=eid, name=c0.name, type=c0.label)
    facts = actor_facts(g, date)
    title_text = facts.title.canonical if facts.title is not None else facts.kb_title
    return Entity(
        id=eid,
        name=canonical_name(g, facts.actor, pack),
        type=g.label,
        country=facts.country,
        actor_code=actor_code(facts),
        title=title_text if g.label == "PER" else None,
        role=facts.role_phrase,
    )


def actor_facts(g: Group, date: str | None) -> ActorFacts:
    cands = g.cands
    actor = next((c.actor for c in cands if c.actor is not None), None)
    kb_code, kb_title = actor.at(date) if actor else (None, None)
    title = next((c.title for c in cands if c.title is not None), None)
    # country: the article's own words first, then the knowledge base, then the title
    country = next((c.country for c in cands if c.country), None)
    if country is None and actor is not None:
        country = actor.country
    if country is None and title is not None:
        country = title.country
    # role: the role phrase, else the title, else the knowledge base
    explicit = [c for c in cands if c.role_phrase]
    known_role = split_code(kb_code)[1] if kb_code else None
    if explicit:
        role = explicit[0].role
    elif title is not None and title.kind == "honorific" and known_role:
        role = known_role  # "Prof DR BJ Habibie": an honorific says less than the knowledge base
    elif title is not None and title.role:
        role = title.role
    else:
        role = next((c.role for c in cands if c.role), None)
    if role is None and kb_code and split_code(kb_code)[1]:
        role = split_code(kb_code)[1]  # the article says no role: the knowledge base does
    return ActorFacts(
        actor=actor,
        kb_code=kb_code,
        kb_title=kb_title,
        title=title,
        role_phrase=explicit[0].role_phrase if explicit else None,
        country=country,
        role=role,
        org_code=next((c.org_code for c in cands if c.org_code), None),
    )


def actor_code(f: ActorFacts) -> str | None:
    if f.actor is not None and f.kb_code and not is_country_code(f.kb_code[:3]) and f.country is None:
        return f.kb_code  # an international body: IGOUNO, IGOWSTNAT ...
    if f.actor is not None and not f.kb_code and f.role is None:
        return None  # known to be no actor of its own: a platform where something was posted
    if f.country:
        return f.country + (f.role or "")
    if f.org_code:
        return f.org_code
    if f.actor is not None:
        return f.kb_code
    return f.role


def canonical_name(g: Group, actor: Actor | None, pack: LanguagePack) -> str:
    if actor is not None:
        return actor.name
    if g.label != "PER":
        first = g.members[0]
        return org_name(first.cand, first.text, pack)
    names = [(m, bare_name(m.cand, m.text)) for m in g.members]
    nicknames = {name for m, name in names if m.cand.alias_of is not None}
    # the longest of the person's names, nicknames only when nothing else names them
    named = [name for _, name in names if name not in nicknames] or [name for _, name in names]
    return max(named, key=len)
