"""Actors in a text: entity mentions with an actor code or a country, role phrases before a
country ("militer Iran" -> IRNMIL), actor words, and titles merged with the person they name."""

from __future__ import annotations

import bisect
import re
from collections.abc import Collection, Iterator, Mapping, Sequence
from dataclasses import dataclass

from kabar import cameo
from kabar.document import Document, MentionRef
from kabar.entities.sections import ActorList, load_actors
from kabar.events.described import office_described
from kabar.events.lexicon import Lexicon
from kabar.events.offices import sole_offices
from kabar.events.phrases import (
    compiled,
    is_quantity,
    phrase_ending,
    plain_word,
    ranked_noun_start,
    role_starting,
)
from kabar.events.state import Actor, Tokens
from kabar.events.ties import aides, candidacies, envoys, led_by, members, tie_start, tied_appositions
from kabar.model import Entity


@dataclass(frozen=True)
class Span:
    """An entity mention over tokens a..b of a text."""

    a: int
    b: int
    entity: str | None
    text: str
    label: str | None


@dataclass(frozen=True)
class ActorCode:
    code: str
    country: str | None
    own_role: bool  # the code carries a role of its own


def actor_of(ent: Entity | None, label: str | None) -> ActorCode | None:
    """The actor code of an entity, or None when it is no actor."""
    if ent is None:
        return None
    code = ent.actor_code or None
    country = ent.country or (cameo.actor_country(code) if code else None)
    if not code and country and (label or ent.type) in ("GPE", "LOC", "PER", "ORG"):
        code = country
    if not code:
        return None
    return ActorCode(code, country, bool(cameo.split_actor_code(code)[1]))


def attach_mentions(
    lex: Lexicon, t: Tokens, mentions: Sequence[MentionRef], entities: Mapping[str, Entity]
) -> None:
    spans = []
    for m in mentions:
        a = bisect.bisect_left(t.starts, m.start)
        b = bisect.bisect_right(t.ends, m.end)
        if a < b:
            spans.append(Span(a, b, m.entity_id, m.text, m.label))
    build_nps(lex, t, spans, entities)


def surfaces(
    doc: Document, entities: Mapping[str, Entity], prefixes: Collection[str] = ()
) -> list[tuple[str, str, str]]:
    """Every name an entity goes by in the article, longest first: (surface, entity id, label).
    A person's mention with an office before the name ("Presiden Jokowi") also gives the name
    alone, as headlines write it ("Jokowi Minta ..."): its leading words in `prefixes` dropped."""
    seen: dict[str, tuple[str, str]] = {}
    for m in doc.mentions:
        if len(m.text) >= 2:
            seen.setdefault(m.text, (m.entity_id, m.label))
    for m in doc.mentions:
        if m.label != "PER" or m.entity_id not in entities:
            continue
        for bare in _bare_names(m.text, entities[m.entity_id].name, prefixes):
            seen.setdefault(bare, (m.entity_id, m.label))
    known = _known_aliases(doc)
    for e in entities.values():
        if e.name and len(e.name) >= 2:
            seen.setdefault(e.name, (e.id, e.type))
        for mm in e.mentions:
            if len(mm.text) >= 2:
                seen.setdefault(mm.text, (e.id, e.type))
        for alias in known.get((e.name, e.type), ()):
            seen.setdefault(alias, (e.id, e.type))  # "Jokowi" in the title, "Joko Widodo" in the body
    return sorted(((s, i, lab) for s, (i, lab) in seen.items()), key=lambda x: -len(x[0]))


def _known_aliases(doc: Document) -> dict[tuple[str, str], tuple[str, ...]]:
    """The other names the pack's well-known actors go by, by (name, type): a headline often
    writes one the body does not ("Jokowi Kecam ..." over "Presiden Joko Widodo ...")."""

    def build(actors: ActorList) -> dict[tuple[str, str], tuple[str, ...]]:
        return {(a.name, a.type): tuple(x for x in a.aliases if len(x) >= 3) for a in actors.actors}

    return compiled(load_actors(doc.pack), build) if doc.pack is not None else {}


def _bare_names(text: str, name: str, prefixes: Collection[str]) -> set[str]:
    """A person's mention without the office before the name: after its leading words in
    `prefixes` ("Presiden Jokowi" -> "Jokowi"), and from the first word of the person's name on
    ("Ketua Umum Partai X Prabowo" -> "Prabowo")."""
    words = text.split()
    k = 0
    while k < len(words) - 1 and words[k].lower() in prefixes:
        k += 1
    first = name.split()[0] if name.split() else ""
    starts = {k, next((i for i, w in enumerate(words) if w == first), 0)}
    bare = {" ".join(words[i:]) for i in starts if i and words[i][:1].isupper()}
    return {b for b in bare if len(b) >= 3}


def attach_surfaces(
    lex: Lexicon, t: Tokens, names: list[tuple[str, str, str]], entities: Mapping[str, Entity]
) -> None:
    """Actors in a caption or title, found by the names the body gave them."""
    spans = []
    taken: set[int] = set()
    for surface, eid, label in names:
        for m_start, m_end in _whole_word(t.text, surface):
            a = bisect.bisect_left(t.starts, m_start)
            b = bisect.bisect_right(t.ends, m_end)
            if a < b and not taken.intersection(range(a, b)):
                taken.update(range(a, b))
                spans.append(Span(a, b, eid, surface, label))
    spans.sort(key=lambda s: (s.a, s.b, s.entity or "", s.text, s.label or ""))
    build_nps(lex, t, spans, entities)


def _word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"  # what \w matches


def _whole_word(text: str, surface: str) -> Iterator[tuple[int, int]]:
    """Where `surface` stands in `text` with no word character on either side, left to right and
    not overlapping (re.finditer's answer for the escaped surface between word-boundary
    lookarounds) without compiling a pattern for each name. `surfaces` gives no empty name."""
    n, k = len(surface), text.find(surface)
    while k >= 0:
        if (k == 0 or not _word_char(text[k - 1])) and (k + n == len(text) or not _word_char(text[k + n])):
            yield k, k + n
            k = text.find(surface, k + n)
        else:
            k = text.find(surface, k + 1)


def role_before(lex: Lexicon, t: Tokens, a: int) -> tuple[str | None, int]:
    """A role phrase ending right before token a, or one word before it, with group words before
    it ("Para petinggi militer Iran"): (role, NP start)."""
    best_role, start = None, a
    for end in (a, a - 1):
        if end < a:
            w = t.low[end] if end >= 0 else ""
            if (
                not w.isalpha()
                or not t.tokens[end].islower()
                or w in lex.prepositions
                or w in lex.conjunctions
                or w == lex.grammar.relative_pronoun
                or end in t.np_tokens
                or not plain_word(lex, t, end)
            ):
                break  # no role across a clause word
        for n in range(min(lex.max_role_len, end), 0, -1):
            role = lex.roles.get(tuple(t.low[end - n : end]))
            if role:
                best_role, start = role, end - n
            if role is not None:
                break
        if best_role:
            break
    if best_role is None:
        return None, a
    while start > 0 and t.low[start - 1] in lex.np_openers and (start - 1) not in t.np_tokens:
        start -= 1
    return best_role, ranked_noun_start(lex, t, start)


def _with_role(actor: Actor, role: str | None) -> None:
    code = cameo.compose_actor_code(actor.country, role) if role and actor.country else None
    if code:
        actor.code, actor.own_role = code, True


def _title_role(lex: Lexicon, t: Tokens, a: int) -> str | None:
    """The office of a title written before the name starting at token a, over a long title and
    its abbreviation ("Menteri Riset dan Pendidikan Tinggi (Menristekdikti) X"): a person coded
    by country alone takes its role."""
    k = a - 1
    if k >= 0 and t.tokens[k] == ")":
        while k >= 0 and t.tokens[k] != "(" and a - k <= 4:
            k -= 1
        k -= 1
    role = None
    steps = 0
    while k >= 0 and steps < 10 and k not in t.np_tokens:
        tok = t.tokens[k]
        if not (tok[:1].isupper() or t.low[k] in lex.conjunctions):
            break
        found = role_starting(lex, t, k)[1]
        if found is not None and t.tokens[k][:1].isupper():
            role = found or None  # the leftmost office word heads the title
        k -= 1
        steps += 1
    return role


def _names_organisation(
    t: Tokens, prev: tuple[Span, Actor | None], s: Span, lab: str | None, found: ActorCode | None,
    nps: list[Actor],
) -> bool:
    """A country name right after an organisation's name is part of it ("kelompok Houthi Yaman",
    "Pusat Studi Hukum (PSHK) Indonesia"): the organisation is the actor, coded by that country when
    it has no code of its own. True when the country was taken in."""
    span, org = prev
    if found is None or span.label != "ORG":
        return False
    gap = t.tokens[span.b : s.a]
    if lab == "ORG" and org is None and (gap == [] or (len(gap) == 3 and gap[0] == "(" and gap[2] == ")")):
        # a body with no code of its own before the one it belongs to: "Dewan Keamanan (DK) PBB"
        nps.append(Actor(found.code, found.country, f"{span.text} {s.text}", s.entity, span.a, s.b, "ORG"))
        return True
    if lab != "GPE" or gap not in ([], [")"]):
        return False
    if org is not None:
        if org.country not in (None, found.country):
            return False
        org.end = s.b
        return True
    code = found.country or found.code
    nps.append(Actor(code, found.country, f"{span.text} {s.text}", span.entity, span.a, s.b, "ORG"))
    return True


_PARTY_ROLES = frozenset({"PTY"})


def _party_body(
    t: Tokens, prev: tuple[Span, Actor | None], s: Span, lab: str | None, found: ActorCode | None,
    nps: list[Actor],
) -> tuple[Span, Actor | None] | None:
    """A body named right before a party's name is the party's own ("DPD Golkar": its regional
    board, not the regional senate the abbreviation names alone): one actor, the party's; the new
    (span, actor) when taken in, else None."""
    span, org = prev
    if lab != "ORG" or org is None or found is None or span.b != s.a or found.code == org.code:
        return None
    if not _PARTY_ROLES.intersection(cameo.split_actor_code(found.code)[1]):
        return None
    name = " ".join(t.tokens[span.a : s.b])
    nps[-1] = Actor(found.code, found.country, name, s.entity, span.a, s.b, "ORG", own_role=True)
    return Span(span.a, s.b, s.entity, name, "ORG"), nps[-1]


_ROMAN = re.compile(r"[IVXLC]+")


def _seat(
    t: Tokens, prev: tuple[Span, Actor | None] | None, s: Span, lab: str | None, found: ActorCode,
    seat: str | None, city: bool = False,
) -> str | None:
    """The country of a place set off by a comma after an organisation of that country, or after
    such a place ("Universitas Diponegoro, Semarang, Jawa Tengah, menolak ..."), or of a city (a
    place that is no country) after any organisation ("Kedutaan Besar Malaysia, Jakarta
    menyampaikan ..."): it says where the body sits, no actor. None when the place is none such."""
    if prev is None or lab not in ("GPE", "LOC") or found.own_role or not found.country:
        return None
    span, actor = prev
    if t.tokens[span.b : s.a] != [","]:
        return None
    if actor is None:
        owner = seat
    else:
        owner = actor.country if span.label == "ORG" else None
        if city and span.label == "ORG":
            return found.country
    return found.country if owner == found.country else None


def _no_actor(lex: Lexicon, t: Tokens, s: Span, lab: str | None, found: ActorCode) -> bool:
    """Does the mention name no actor: a building or site, a place ending another body's name
    ("AJI Yogyakarta"), a person's relative ("putra pertama X")?"""
    k = s.a - 1 - (s.a >= 2 and t.tokens[s.a - 1] == "-")
    if k >= 0 and t.low[k] in lex.stances:
        return True  # "massa pro-Beijing": the crowd stands for Beijing, Beijing does nothing
    if lab in ("GPE", "LOC", "FAC") and not found.own_role:
        if k >= 0 and t.low[k] in compiled(lex.data.not_actors.extents, lex.word_set):
            return True  # "Aliansi BEM Seluruh Indonesia menolak": the alliance's reach, not the state
        if t.low[s.a] in lex.facility_words:
            return True
        k = s.a - 1
        if k >= 0 and k not in t.mention_tokens:
            w = t.tokens[k]
            acronym = len(w) >= 2 and w.isalpha() and w.isupper() and not _ROMAN.fullmatch(w)
            if acronym and t.low[k] not in lex.name_prefixes:
                return True
    if lab == "PER":
        if t.low[s.a] in lex.relative_words and s.b - s.a > 1 and t.low[s.a + 1] not in lex.kin_titles:
            return True  # the mention opens with the kin noun: "Suami Selvi Ananda" is her husband
        k = s.a - 1
        while k >= 0 and s.a - k <= 3 and t.low[k] in lex.relative_modifiers:
            k -= 1
        if k >= 0 and t.low[k] in lex.relative_words and k not in t.mention_tokens:
            return True
        if led_by(lex, t, s.a):
            return True  # "Partai pimpinan X": the party acts
        return tie_start(lex, t, s.a, s.b) is not None  # "Putra Presiden X": his son
    return False


def _bracketed_again(t: Tokens, prev: tuple[Span, Actor | None] | None, s: Span) -> bool:
    """The same person named again in brackets right after a mention that names no actor: "Putra
    Sulung Presiden Joko Widodo (Jokowi)" is the son, Jokowi neither time."""
    if prev is None or prev[1] is not None or not s.entity or prev[0].entity != s.entity:
        return False
    return t.tokens[prev[0].b : s.a] == ["("]


def _mention_actors(
    lex: Lexicon, t: Tokens, spans: list[Span], entities: Mapping[str, Entity]
) -> list[Actor]:
    nps: list[Actor] = []
    for s in spans:
        t.mention_tokens.update(range(s.a, s.b))
        if s.label == "PER":
            t.person_starts.append(s.a)
    t.person_starts.sort()
    prev: tuple[Span, Actor | None] | None = None
    seat: str | None = None
    for s in spans:
        ent = entities.get(s.entity) if s.entity else None
        found = actor_of(ent, s.label)
        lab = s.label or (ent.type if ent else None)
        board = _party_body(t, prev, s, lab, found, nps) if prev is not None else None
        if board is not None:
            prev = board
            continue
        if prev is not None and _names_organisation(t, prev, s, lab, found, nps):
            prev = None
            continue
        if found is None or _no_actor(lex, t, s, lab, found) or _bracketed_again(t, prev, s):
            prev, seat = (s, None), None
            continue
        seat = _seat(t, prev, s, lab, found, seat, city=ent is not None and not ent.actor_code)
        if seat is not None:
            prev = (s, None)  # "Universitas Diponegoro, Semarang, Jawa Tengah": where it sits
            continue
        name = ent.name if ent is not None and ent.name else s.text
        nps.append(
            Actor(
                found.code,
                found.country,
                name,
                s.entity,
                s.a,
                s.b,
                lab,
                place=lab in ("GPE", "LOC"),
                own_role=found.own_role,
            )
        )
        prev = (s, nps[-1])
    actor_words = () if lex.actor_words.keys().isdisjoint(t.tokens) else t.tokens
    for i, tok in enumerate(actor_words):  # actor words
        code = lex.actor_words.get(tok)
        if code:
            nps.append(
                Actor(
                    code, cameo.actor_country(code), tok, None, i, i + 1, "GPE", via="mention", own_role=True
                )
            )
    nps.sort(key=lambda x: x.start)
    return nps


def _title_gap(lex: Lexicon, gap: list[str], i: int) -> bool:
    """May this token stand between an office's place or body and the person holding it: a comma, a
    capitalised word, a bracketed abbreviation ("Badan X (BPIP) Y"), an ordinal ("Presiden RI ke-3 Y")?"""
    g = gap[i]
    if g in (",", "(", ")") or g[:1].isupper():
        return True
    nxt, prev = gap[i + 1] if i + 1 < len(gap) else "", gap[i - 1] if i > 0 else ""
    if g.lower() in lex.ordinal_markers:
        return nxt == "-"
    return (g == "-" and prev.lower() in lex.ordinal_markers) or (g.isdigit() and prev == "-")


def title_case(t: Tokens) -> bool:
    """Is the text a headline in title case (a title, not the body), where a capitalised word
    says nothing of a name?"""
    if t.offset is not None:
        return False  # the body
    words = [w for w in t.tokens if w[:1].isalpha()]
    return len(words) >= 3 and sum(w[:1].isupper() for w in words) >= 0.8 * len(words)


def _merge_titles(lex: Lexicon, t: Tokens, nps: list[Actor], bodies: dict[int, str]) -> list[Actor]:
    """ "Presiden Rusia Vladimir Putin", "Angkatan Bersenjata Iran, Mayor Jenderal Bagheri": one actor.
    A person coded by country alone keeps the role of the body his title names (into `bodies`)."""
    merged: list[Actor] = []
    headline = title_case(t)
    for actor in nps:
        if (
            merged
            and actor.label == "PER"
            and merged[-1].label in ("GPE", "ORG")
            and not (
                merged[-1].start > 0
                and t.low[merged[-1].start - 1] in lex.prepositions
                and (merged[-1].label == "GPE" or t.low[merged[-1].start - 1] in lex.envoy_prepositions)
            )
        ):  # a place after a preposition, or a body an envoy is sent to, then a person: two actors
            prev = merged[-1]
            gap_tokens = [t.tokens[k] for k in range(prev.end, actor.start)]
            commas = sum(1 for g in gap_tokens if g == ",")
            fits = all(_title_gap(lex, gap_tokens, i) for i in range(len(gap_tokens)))
            if headline and any(g[:1].isalpha() for g in gap_tokens):
                fits = False  # "Saudi Kutuk Rencana Netanyahu": every headline word is capitalised
            if len(gap_tokens) <= 5 and commas <= 1 and fits:
                if prev.own_role and not actor.own_role and prev.country == actor.country:
                    bodies[id(actor)] = cameo.split_actor_code(prev.code)[1][0]  # "Ketua DPD Golkar X"
                actor.start = prev.start
                merged[-1] = actor
                before = merged[-2] if len(merged) > 1 else None
                if before is not None and before.entity == prev.entity and before.end + 1 == prev.start:
                    actor.start = before.start  # "Badan X (BPIP) Y": the name and its abbreviation
                    del merged[-2]
                continue
        merged.append(actor)
    return merged


def _office_not_held(lex: Lexicon, t: Tokens, actor: Actor) -> bool:
    """Does a word of the person's title run say the office is held no more ("mantan Presiden
    Kolombia, X", "Eks Ketua Umum PPP X", "almarhum Presiden X"), or a noun of burial stand right
    before it ("makam X", "rumah duka Presiden ketiga RI, X")? The run is the actor's own phrase
    and the capitalised title, ordinal, conjunctions and brackets right before it."""
    if any(t.low[k] in lex.former_office for k in range(actor.start, actor.end)):
        return True
    k = actor.start - 1
    while k >= 0 and actor.start - k <= 8 and k not in t.np_tokens:
        w, tok = t.low[k], t.tokens[k]
        if w in lex.former_office:
            return True
        ordinal = w in lex.ordinal_markers or is_quantity(lex, w) or tok == "-"  # "Presiden ke-3 RI"
        title = tok[:1].isupper() or tok in ("(", ")") or w in lex.conjunctions or w in lex.role_words
        if not (title or ordinal):
            return w in lex.deceased_nouns  # "makam (Presiden) X": the grave of a late office holder
        k -= 1
    return False


def _modifier_role(lex: Lexicon, t: Tokens, start: int) -> bool:
    """Does the role phrase starting at `start` modify a noun before it, so that it is no title of
    the person after it ("tersangka provokasi asrama mahasiswa Papua, X": the dormitory's students,
    not X)? A role phrase heads the descriptor only after a verb, a preposition, an opener or the
    sentence start."""
    k = start - 1
    if k < 0 or not plain_word(lex, t, k):
        return False
    return not (t.low[k] in lex.role_words or t.low[k] in lex.former_office or t.low[k] in lex.deceased_nouns)


def _person_role(lex: Lexicon, t: Tokens, actor: Actor) -> None:
    """A person's role from the role phrase or title before the name; a former or late holder of
    an office is one of the elites."""
    role, start = role_before(lex, t, actor.start)
    if role is not None and _modifier_role(lex, t, start):
        role = None  # the phrase stays the person's descriptor, its role word no title
    if start < actor.start and not any(k in t.np_tokens for k in range(start, actor.start)):
        if actor.label == "PER" and not actor.own_role and actor.country:
            _with_role(actor, role)  # "Wakil Presiden X"
        elif actor.label == "ORG" and role is not None:
            actor.name = " ".join([*t.tokens[start : actor.start], actor.name])  # "pegawai KPK": its staff
        actor.start = start
    if actor.label != "PER" or not actor.country:
        return
    if not actor.own_role:
        _with_role(actor, _title_role(lex, t, actor.start))
    if cameo.split_actor_code(actor.code)[1] and _office_not_held(lex, t, actor):
        actor.code = cameo.compose_actor_code(actor.country, lex.former_role) or actor.code


def _held_before(lex: Lexicon, t: Tokens, actor: Actor) -> None:
    """An ordinal or "sebelumnya" right after an office and its body or country ("Presiden RI
    ketiga itu", "Ketua KPK sebelumnya"): one holder in a line, not the one in office now, so one
    of the elites; the word joins the phrase."""
    end = actor.end
    former = compiled(lex.data.former_after, lex.word_set)
    if end < len(t.tokens) and t.low[end] in former and end not in t.np_tokens:
        actor.code = cameo.compose_actor_code(actor.country, lex.former_role) or actor.code
        actor.name = f"{actor.name} {t.tokens[end]}"
        actor.end = end + 1


def _office_of_body(lex: Lexicon, t: Tokens, actor: Actor) -> None:
    """A body after an office noun, with no name after it ("mengecam Ketua MPR yang ...", "Juru
    bicara KPK mengatakan"): the office holder, named by the office, in the body's code."""
    if actor.label != "ORG" or actor.start == 0:
        return
    start = phrase_ending(lex, t, actor.start - 1, lex.data.anaphora.office_nouns)
    if start is None or any(k in t.np_tokens for k in range(start, actor.start)):
        return
    if " ".join(t.low[start : actor.start]) in actor.name.lower():
        return  # the name tells the office already ("Calon pimpinan BPK")
    if start > 0 and t.low[start - 1] in lex.former_office:
        # "mendakwa mantan Ketua Umum PPP": a former holder, one of the elites, not the body's
        start -= 1
        actor.code = cameo.compose_actor_code(actor.country, lex.former_role) or actor.code
    actor.name = " ".join([*t.tokens[start : actor.start], actor.name])
    actor.start = start
    _held_before(lex, t, actor)


def _title_possessors(t: Tokens, nps: list[Actor], entities: Mapping[str, Entity]) -> list[Actor]:
    """A person named only to complete the title of the person after the comma ("Juru bicara
    Presiden X, Y", "dibantah oleh kuasa hukum X, Y"; the entity stage read the title with X as
    Y's role): X is no actor of the sentence, and Y's phrase starts where the title does."""
    out: list[Actor] = []
    for k, a in enumerate(nps):
        b = nps[k + 1] if k + 1 < len(nps) else None
        ent = entities.get(b.entity) if b is not None and b.entity else None
        if b is None or ent is None or not a.label == b.label == "PER" or t.tokens[a.end : b.start] != [","]:
            out.append(a)
            continue
        own, role = "".join(t.low[a.start : a.end]), "".join((ent.role or "").lower().split())
        if len(role) <= len(own) or not role.endswith(own):
            out.append(a)
            continue
        title, j, read = role[: -len(own)], a.start, ""
        while j > 0 and len(read) < len(title):
            j -= 1
            read = t.low[j] + read
        b.start = j if read == title else a.start
    return out


def build_nps(lex: Lexicon, t: Tokens, spans: list[Span], entities: Mapping[str, Entity]) -> None:
    bodies: dict[int, str] = {}
    merged = _merge_titles(lex, t, _mention_actors(lex, t, spans, entities), bodies)
    # a name that starts with a law word names the law ("RUU PKS", "UU KPK"), never the body X
    merged = [a for a in merged if t.low[a.start] not in lex.law_words]
    merged = _title_possessors(t, merged, entities)
    merged = tied_appositions(lex, t, merged)
    merged = members(lex, t, merged)
    envoys(lex, t, merged)
    aides(lex, t, merged, entities)
    candidacies(lex, t, merged)
    merged = office_described(lex, t, merged, entities)
    merged = sole_offices(lex, t, merged, entities)
    for actor in merged:
        t.np_tokens.update(range(actor.start, actor.end))
    for actor in merged:
        if actor.label in ("GPE", "LOC") and not actor.own_role and actor.country:
            role, start = role_before(lex, t, actor.start)
            if role and not any(k in t.np_tokens for k in range(start, actor.start)):
                actor.code = cameo.compose_actor_code(actor.country, role) or actor.code
                actor.role_from_phrase = role
                actor.own_role = True
                actor.place = False
                actor.name = " ".join(t.tokens[start : actor.end])
                actor.start = start
                actor.via = "role"
                _held_before(lex, t, actor)
        else:
            _person_role(lex, t, actor)
            if id(actor) in bodies and not actor.own_role:
                _with_role(actor, bodies[id(actor)])
            _office_of_body(lex, t, actor)
        t.np_start[actor.start] = actor
        t.np_end[actor.end] = actor
        t.np_tokens.update(range(actor.start, actor.end))
    t.nps = merged
    t.np_starts = []
