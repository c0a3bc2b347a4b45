"""Ties between the people and bodies of a title: a person named in the title of his kin or his
agent ("Putra Presiden X, Y", "Kuasa hukum mantan Ketua X, Y") is no actor, the one after the
comma is; a member named after his body and faction ("Anggota Komisi III DPR dari Fraksi X, Y")
is one actor with them."""

from __future__ import annotations

import bisect
from collections.abc import Mapping

from kabar import cameo
from kabar.events.lexicon import Lexicon
from kabar.events.phrases import is_quantity, phrase_ending
from kabar.events.state import Actor, Tokens
from kabar.model import Entity

_TITLE_REACH = 8  # tokens of a title run before a name


def tie_start(lex: Lexicon, t: Tokens, a: int, b: int) -> int | None:
    """Where the noun of a tie heading the title of the person at tokens a..b starts, else None:
    a kin noun before the office ("Putra Presiden ketiga RI X": his son), or an agent noun before
    it with another name set off by a comma after the person ("Juru Bicara Presiden X, Y": Y
    speaks for X). The person named is then no actor."""
    k, office = b - 1, False  # the mention may hold the title ("Juru Bicara Presiden X")
    while k >= 0 and a - k <= _TITLE_REACH:
        w, tok = t.low[k], t.tokens[k]
        if w in lex.relative_words and k not in t.mention_tokens and office:
            return k if k + 1 >= len(t.low) or t.low[k + 1] not in lex.kin_titles else None
        agent = phrase_ending(lex, t, k, lex.data.not_actors.agents) if office else None
        if agent is not None:
            return agent if t.tokens[b : b + 1] == [","] and (b + 1) in t.person_starts else None
        ordinal = w in lex.ordinal_markers or w in lex.relative_modifiers or is_quantity(lex, w) or tok == "-"
        lower_ok = ordinal or w in lex.former_office or w in lex.role_words  # "kuasa hukum mantan Ketua X"
        if not (tok[:1].isupper() or lower_ok or tok in ("(", ")") or (k >= a and k in t.mention_tokens)):
            return None  # (the name's own words may be lower case: "Park Min-ho")
        office = office or w in lex.role_words
        k -= 1
    return None


def tied_appositions(lex: Lexicon, t: Tokens, nps: list[Actor]) -> list[Actor]:
    """A person set off by a comma after a name that a kin or agent title ties to another ("Putra
    Presiden X, Y, membantah"): the person's phrase starts at that title, so that it heads the
    clause; a country or body inside the title ("utusan Presiden Korea Selatan X, Y") is no actor."""
    inside: set[int] = set()
    for actor in nps:
        if actor.label != "PER":
            continue
        c = next((k for k in range(actor.end - 1, max(actor.start - 2, -1), -1) if t.tokens[k] == ","), None)
        if c is None or c + 1 not in t.person_starts:
            continue
        i = bisect.bisect_left(t.person_starts, c) - 1
        m = t.person_starts[i] if i >= 0 else None
        if m is None or c - m > _TITLE_REACH or not t.mention_tokens.issuperset(range(m, c)):
            continue  # the comma must close the tied person's name
        start = tie_start(lex, t, m, c)
        if start is None:
            continue
        between = [o for o in nps if o is not actor and o.end > start and o.start < c]
        if all(o.label != "PER" and o.start >= start and o.end <= c for o in between):
            actor.start = min(actor.start, start)
            inside.update(id(o) for o in between)
    return [o for o in nps if id(o) not in inside]


def members(lex: Lexicon, t: Tokens, nps: list[Actor]) -> list[Actor]:
    """A member's title, his body and the faction he sits for before his name ("Anggota Komisi III
    DPR dari Fraksi X, Y"; the faction and the name already one actor): one actor, the member, from
    the title's body on, in the body's role; the body is no actor of its own."""
    out: list[Actor] = []
    for actor in nps:
        body = out[-1] if out else None
        k = actor.start - 1
        if (
            body is not None
            and actor.label == "PER"
            and body.label == "ORG"
            and body.end == k
            and t.low[k] in lex.data.member_prepositions
            and "," in t.tokens[actor.start : actor.end]
            and body.start > 0
            and t.tokens[body.start - 1][:1].isupper()
            and t.low[body.start - 1] in lex.name_prefixes
        ):
            actor.start = body.start
            if body.own_role and body.country == actor.country:
                actor.code, actor.own_role = body.code, True  # a member of the DPRD sits in it
            out[-1] = actor
            continue
        out.append(actor)
    return out


def _envoy_start(lex: Lexicon, t: Tokens, name: int) -> int | None:
    """Where an envoy noun (`not_actors.envoys`) heading the title before the name at token
    `name` starts, with an office between them ("utusan khusus Presiden China X"), else None."""
    k, office = name - 1, False
    phrases = lex.data.not_actors.envoys
    own = {w for p in phrases for w in lex.words(p)}  # "khusus" is no office
    while k >= 0 and name - k <= _TITLE_REACH:
        w, tok = t.low[k], t.tokens[k]
        envoy = phrase_ending(lex, t, k, phrases) if office else None
        if envoy is not None:
            return envoy
        if not (tok[:1].isupper() or w in lex.role_words or tok in (",", "(", ")")) or k in t.person_starts:
            return None
        office = office or (w in lex.role_words and w not in own and k not in t.mention_tokens)  # not "PBB"
        k -= 1
    return None


def envoys(lex: Lexicon, t: Tokens, nps: list[Actor]) -> None:
    """A person named in the title of the envoy he sent, with no envoy named after it ("menerima
    utusan Presiden China, X", "utusan khusus Presiden Rusia X tiba di ..."): the actor is the envoy,
    of the person's country and role, named by the title, not the person."""
    for actor in nps:
        if actor.label != "PER" or actor.entity is None:
            continue
        i = bisect.bisect_right(t.person_starts, actor.end - 1) - 1
        name = t.person_starts[i] if i >= 0 else None
        if name is None or not actor.start - _TITLE_REACH <= name < actor.end:
            continue
        start = _envoy_start(lex, t, name)
        named_after = t.tokens[actor.end : actor.end + 1] == [","] and actor.end + 1 in t.person_starts
        if start is None or named_after:
            continue  # "utusan Presiden X, Y": Y is the envoy (tie_start)
        title = t.tokens[start:name]
        while title and title[-1] == ",":
            title = title[:-1]
        actor.name, actor.entity = " ".join(title), None


def _offices(t: Tokens, actor: Actor, ent: Entity) -> set[str]:
    """The offices the entity stage read as the person's own, with no spaces and in lower case:
    his role, with the short form in brackets in it, and the words before his name in his
    mentions elsewhere ("Menpora X hadir"; the mention here may hold the aide's title)."""
    role = ent.role or ""
    out = {role, role[role.rindex("(") + 1 : -1] if "(" in role and role.endswith(")") else ""}
    lo = t.offset + t.starts[actor.start] if t.offset is not None else -1
    hi = t.offset + t.ends[actor.end - 1] if t.offset is not None else -1
    for m in ent.mentions:
        elsewhere = m.where != "body" or not lo <= m.start < hi
        if ent.name and m.text.endswith(ent.name) and elsewhere:
            out.add(m.text[: -len(ent.name)])
    return {"".join(o.lower().split()) for o in out} - {""}


def _aide_start(lex: Lexicon, t: Tokens, first: int, offices: set[str]) -> int | None:
    """Where an aide noun (`not_actors.aides`) starts that heads a title whose rest is the
    person's office (`offices`), the person named from token `first` on ("Aspri Menpora X", X the
    minister), else None; None too when an aide noun is part of the person's own office ("Staf
    Khusus Presiden X" names the staffer)."""
    aides = lex.data.not_actors.aides
    if any("".join(lex.words(a)) in o for a in aides for o in offices):
        return None
    read = ""
    for j in range(first - 1, max(first - 1 - 2 * _TITLE_REACH, -1), -1):
        read = t.low[j] + read
        if read in offices and j > 0:
            return phrase_ending(lex, t, j - 1, aides)
    return None


def aides(lex: Lexicon, t: Tokens, nps: list[Actor], entities: Mapping[str, Entity]) -> None:
    """A person named only to complete the title of his aide, with no aide named after it ("KPK
    menahan Aspri Menpora X"): the actor is the aide, of the person's country and role, named by
    the title, not the person."""
    for actor in nps:
        ent = entities.get(actor.entity) if actor.label == "PER" and actor.entity else None
        words = (ent.name or "").split() if ent is not None else []
        if ent is None or not words:
            continue
        first = next((k for k in range(actor.start, actor.end) if t.tokens[k] == words[0]), None)
        start = _aide_start(lex, t, first, _offices(t, actor, ent)) if first is not None else None
        if first is None or start is None:
            continue
        named_after = t.tokens[actor.end : actor.end + 1] == [","] and actor.end + 1 in t.person_starts
        if named_after or any(o.start < first and o.end > start for o in nps if o is not actor):
            continue  # "Aspri Menpora X, Y" names the aide (tie_start); another actor inside the title
        actor.name, actor.entity = t.text[t.starts[start] : t.ends[first - 1]], None
        actor.start = min(actor.start, start)


def candidacies(lex: Lexicon, t: Tokens, nps: list[Actor]) -> None:
    """A body named after a noun of candidates for it ("Capim KPK", "calon anggota BPK", "Calon
    Pimpinan (Capim) KPK"): the actor is the candidates, of the body's country alone (they hold no
    office in it yet), named by the whole phrase, not the body. A party's candidates are its own
    ("caleg PDIP"): they stay the party."""
    phrases = lex.data.not_actors.candidates
    for actor in nps:
        if actor.label != "ORG" or not actor.country or "PTY" in cameo.split_actor_code(actor.code)[1]:
            continue
        k = actor.start - 1
        if k >= 3 and t.tokens[k] == ")" and t.tokens[k - 2] == "(":
            k -= 3  # the candidates' short form in brackets: "Calon Pimpinan (Capim) KPK"
        start = phrase_ending(lex, t, k, phrases) if k >= 0 else None
        if start is None:
            continue
        # the phrase keeps its start: the candidates' noun brings no object into a verb's reach
        actor.name = t.text[t.starts[start] : t.ends[actor.end - 1]]
        actor.code, actor.entity, actor.own_role = actor.country, None, False


def led_by(lex: Lexicon, t: Tokens, a: int) -> bool:
    """Does a lower-case noun of leading or making (`not_actors.led_by`) stand right before the
    person at token a, after a word of the group it leads ("Partai pimpinan X", "KKB pimpinan X")?"""
    k = a - 1
    if k < 1 or t.tokens[k] != t.low[k] or t.low[k] not in lex.data.not_actors.led_by:
        return False
    w = t.low[k - 1]
    return w.isalpha() and w not in lex.prepositions and not lex.is_verb_like(w)
