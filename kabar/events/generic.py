"""Actors named by a common noun ("polisi", "ribuan mahasiswa", "pemerintah", "junta"), and
organisations known by a role alone, given the country the article gives them (see
generic_actors.tsv for the order in which the country is looked for)."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from kabar import cameo
from kabar.events.actors import title_case
from kabar.events.lexicon import Lexicon
from kabar.events.phrases import (
    compiled,
    in_pp,
    inside_noun_form,
    is_quantity,
    noun_form_ends,
    plain_word,
    ranked_noun_start,
    verb_phrase_ends,
)
from kabar.events.state import Actor, Tokens


def _generic_ok(lex: Lexicon, t: Tokens, i: int, end: int, flags: str) -> bool:
    for n, phrases in lex.generic_not_before.items():
        if tuple(t.low[end : end + n]) in phrases:
            return False  # "foreign troops", "unknown people"
    if (i > 0 and t.low[i - 1] == "-") or (end < len(t.low) and t.low[end] == "-"):
        return False  # part of a compound
    if _inside_name(lex, t, i):
        return False  # a word of a name: "aktivis Corong Rakyat"
    if inside_noun_form(lex, t, i):
        return False
    if i > 0 and t.low[i - 1] in compiled(lex.data.role_predicates, lex.word_set):
        return False  # "menjadi oposisi": what someone becomes
    # a modifier: "operasi militer", "kerja sama militer"; not after a preposition's word of extent
    # or direction ("ke arah massa" names the crowd) nor after a time ("Senin malam massa ...")
    # ("memukul mundur massa": the word before ends a verb)
    modifier = (
        "m" in flags
        and i > 0
        and ((plain_word(lex, t, i - 1) and not verb_phrase_ends(lex, t, i)) or noun_form_ends(lex, t, i))
    )
    if modifier and not ((t.low[i - 1] in lex.pp_fillers and in_pp(lex, t, i, 0)) or i - 1 in t.time_tokens):
        return False
    # "e": only at the end of its phrase ("aparat desa" is no actor), or as the one an appeal is
    # made to, its predicate after it ("meminta masyarakat maklum", "mengimbau warga tetap tenang")
    return not ("e" in flags and end < len(t.low) and plain_word(lex, t, end) and not _appealed_to(lex, t, i))


def _inside_name(lex: Lexicon, t: Tokens, i: int) -> bool:
    """Is the capitalised word at i the second word or more of a name in running text: after a
    capitalised word that opens no sentence or clause and is no word of offices or groups
    ("Corong Rakyat"; not "Kini Jaksa ...", "Mantan Menteri", "Para Menteri")?"""
    if i < 2 or not t.tokens[i][:1].isupper() or not t.tokens[i - 1][:1].isupper():
        return False
    prev = t.low[i - 1]
    if prev in lex.former_office or prev in lex.role_words or prev in lex.np_openers:
        return False
    if is_quantity(lex, prev):
        return False
    return t.tokens[i - 2][:1].isalnum() and not title_case(t)


def _appealed_to(lex: Lexicon, t: Tokens, i: int) -> bool:
    """Does an appeal verb stand right before the noun at i (group and quantity words between)?"""
    k = i - 1
    while k >= 0 and (t.low[k] in lex.np_openers or is_quantity(lex, t.low[k])):
        k -= 1
    forms = lex.triggers.get(t.low[k], ()) if k >= 0 else ()
    return any(not f.noun and f.entry.code[:2] in lex.appeal_roots for f in forms)


def _hits(lex: Lexicon, t: Tokens) -> list[tuple[int, int, str]]:
    """(start, end, role) of each generic actor noun phrase, group words before it included."""
    low = t.low
    n_tok = len(low)
    hits: list[tuple[int, int, str]] = []
    first = lex.generic_first
    heads = [k for k, w in enumerate(low) if w in first]  # where a phrase may start
    h, i = 0, 0
    while h < len(heads):
        if heads[h] < i:
            h += 1
            continue
        i = heads[h]
        if i in t.np_tokens or i in t.mention_tokens:
            i += 1
            continue
        match = None
        for n in range(min(lex.generic_max, n_tok - i), 0, -1):
            spec = lex.generic.get(tuple(low[i : i + n]))
            if spec and not any(k in t.np_tokens or k in t.mention_tokens for k in range(i, i + n)):
                match = (n, spec)
                break
        if match is None:
            i += 1
            continue
        n, (role, flags) = match
        end = i + n
        if _generic_ok(lex, t, i, end, flags):
            start = i
            while (
                start > 0
                and i - start < 3
                and (start - 1) not in t.np_tokens
                and (is_quantity(lex, low[start - 1]) or low[start - 1] in lex.np_openers)
            ):
                start -= 1
            start = ranked_noun_start(lex, t, start)
            if "s" in flags:
                role = _security_role(lex, t, start, [h for h in hits if h[2] in lex.security_roles]) or role
            if any(low[k] in lex.former_office for k in range(start, i)):
                role = lex.former_role  # "mantan menteri": an office held no more
            if "c" in flags:
                named = _classified(lex, t, end)
                if named is None:
                    i = end
                    continue
                end = named
            if "q" not in flags or start < i:
                hits.append((start, end, role))
        i = end
    return hits


_ROMAN = frozenset("IVXL")


def _initials(lex: Lexicon, t: Tokens, taken: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """(k, k + 1, role) of each person known by initials only (events.yaml `initials`): "pria
    berinisial AIS", "FBK sebelumnya ditangkap", "polisi menangkap BR dan RM"."""
    spec = lex.data.initials
    if not spec.cues and not spec.verbs_after and not spec.verbs_before:
        return []
    low, toks, n = t.low, t.tokens, len(t.low)
    most = spec.max_letters
    caps = [k for k, tok in enumerate(toks) if tok.isupper() and len(tok) <= most and tok.isalpha()]
    if not caps:
        return []
    busy = t.np_tokens | t.mention_tokens | {k for s, e, _ in taken for k in range(s, e)}
    skip = lex.auxiliaries | set(spec.between)
    hits: list[tuple[int, int, str]] = []
    for k in caps:
        tok = toks[k]
        if k in busy:
            continue
        if set(tok) <= _ROMAN or low[k] in lex.triggers or (k + 1 < n and toks[k + 1][:1] in "$0123456789"):
            continue  # "Terdakwa II", "US$ 60 juta"
        prev = low[k - 1] if k > 0 else ""
        if prev in spec.cues:
            if not any(0 <= k - e <= 6 for _, e, _ in taken):  # "dua pelaku ... berinisial FS": theirs
                hits.append((k, k + 1, spec.role))
            continue
        if len(tok) < 2:
            continue
        j = k + 1
        while j < n and low[j] in skip:
            j += 1
        joined = prev in lex.conjunctions and bool(hits) and hits[-1][1] == k - 1
        if prev in lex.conjunctions and k > 1 and toks[k - 2].isupper() and not joined:
            continue  # "berinisial FS dan MN" after a group noun: the group's names
        if (j < n and low[j] in spec.verbs_after) or prev in spec.verbs_before or joined:
            hits.append((k, k + 1, spec.role))
    return hits


def _classified(lex: Lexicon, t: Tokens, end: int) -> int | None:
    """The end of the phrase a classifier noun ("10 orang Capim KPK", "dua orang anggota geng")
    counts: the words after it that say who, and a body named right after them; None when an
    actor noun of its own follows ("dua orang polisi"), the actor then."""
    low, n = t.low, len(t.low)
    if end < n and (end in t.np_start or (low[end],) in lex.generic):
        return None
    k = end
    while (
        k < n
        and k - end < 4
        and k not in t.np_tokens
        and low[k] not in lex.classifier_stops
        and (plain_word(lex, t, k) or _who_word(lex, t, k))
    ):
        k += 1
    np = t.np_start.get(k)
    if k > end and np is not None and not np.place:
        k = np.end
    return k


def _who_word(lex: Lexicon, t: Tokens, k: int) -> bool:
    """A capitalised word that says who a classifier counts ("10 orang Capim KPK"), not a
    headline's verb written with a capital ("Dua Orang Ditahan Polisi")."""
    return t.tokens[k][:1].isupper() and t.tokens[k].isalpha() and t.low[k] not in lex.triggers


def _security_role(lex: Lexicon, t: Tokens, start: int, generic: list[tuple[int, int, str]]) -> str | None:
    """The role of the security forces named shortly before `start`, when they are all police or
    all army, for a noun that may be either ("TNI tidak membantah ... aparat memukul": the army);
    None when none or both are named. `generic`: the generic security nouns before it."""
    if not t.np_starts and t.nps:
        t.np_starts = [n.start for n in t.nps]
    window = lex.settings.security_tokens
    seen = {r for a, b, r in generic if b <= start and start - b <= window}
    k = bisect.bisect_left(t.np_starts, start) - 1
    while k >= 0 and start - t.nps[k].end <= window:
        np = t.nps[k]
        roles = cameo.split_actor_code(np.code)[1]
        if np.label != "PER" and roles and roles[0] in lex.security_roles:
            seen.add(roles[0])
        k -= 1
    return seen.pop() if len(seen) == 1 else None


@dataclass
class Countries:
    """What the article tells of the countries around each sentence."""

    lex: Lexicon
    sent_starts: list[int]
    named: set[str]
    dateline: str | None
    loc: dict[int, str] = field(default_factory=dict)  # sentence -> country of its di/ke place
    antecedents: list[tuple[int, str, str]] = field(default_factory=list)  # (token, role, country)
    sent_countries: dict[int, set[str]] = field(default_factory=dict)

    def sentence(self, k: int) -> int:
        return max(0, bisect.bisect_right(self.sent_starts, k) - 1)

    def read(self, t: Tokens) -> None:
        lex = self.lex
        places = lex.grammar.locative_prepositions | lex.grammar.directional_prepositions
        for np in t.nps:
            if not np.country:
                continue
            si = self.sentence(np.start)
            if np.place and np.label in ("GPE", "LOC"):
                k = np.start - 1
                while k >= 0 and np.start - k <= 3 and t.low[k] in lex.place_words:
                    k -= 1
                if k >= 0 and t.low[k] in places:
                    self.loc.setdefault(si, np.country)
                continue
            roles = cameo.split_actor_code(np.code)[1]
            if roles and (np.via == "role" or np.label == "ORG"):
                self.antecedents.append((np.start, roles[0], np.country))
            self.sent_countries.setdefault(si, set()).add(np.country)

    def country_of(self, start: int, role: str) -> str | None:
        lex = self.lex
        si = self.sentence(start)
        ante = None
        for pos, r, c in reversed(self.antecedents):  # the last actor of the same role, not too far back
            if pos < start and r == role:
                ante = c if si - self.sentence(pos) <= lex.settings.generic_antecedent_sentences else None
                break
        sole = self.sent_countries.get(si, set())
        if role in lex.state_roles:
            # an institution: the one named shortly before; else the one state of the people and
            # bodies the sentence names ("Netanyahu membahas ... dengan para komandan militer")
            people = next(iter(sole)) if len(sole) == 1 else None
            order: tuple[str | None, ...] = (ante, people, self.loc.get(si))
        else:
            order = (ante, self.loc.get(si))
        for country in order:
            if country:
                return country
        if lex.home_country and sole == {lex.home_country}:
            return lex.home_country  # a sentence naming none but the home country's actors
        for back in range(1, 4):
            if si - back in self.loc:
                return self.loc[si - back]
        if self.dateline and self.named <= {self.dateline}:
            return self.dateline
        if lex.home_country and self.named <= {lex.home_country}:
            return lex.home_country
        return None


def _own_country(t: Tokens, np: Actor, end: int) -> str | None:
    """A role-only organisation whose name goes on past the mention with its country."""
    k = end
    while k < len(t.low) and k - end < 4 and k not in t.np_start and t.tokens[k][:1].isupper():
        k += 1
    nxt = t.np_start.get(k)
    if k > end and nxt is not None and nxt.place and nxt.country:
        return nxt.country
    return None


_UNNAMED = Actor("", None, "", None, 0, 0, "GEN")  # a body left unnamed: no actor


def _member_of(lex: Lexicon, t: Tokens, end: int) -> Actor | None:
    """The body a generic group is placed inside by a relative clause after it ("elemen
    masyarakat yang ada di dalam lembaga antirasuah", "pegawai yang bekerja di KPK"): the named
    body, `_UNNAMED` when a body noun names none, None when the clause is none such (or places the
    group in a place: "warga yang berada di Jakarta" stay the country's civilians)."""
    if end >= len(t.low) or t.low[end] != lex.grammar.relative_pronoun:
        return None
    for n in sorted(lex.member_clauses, reverse=True):
        if tuple(t.low[end + 1 : end + 1 + n]) not in lex.member_clauses[n]:
            continue
        k = end + 1 + n
        np = t.np_start.get(k)
        if np is not None:
            return None if np.place or not np.country else np
        return _UNNAMED if k < len(t.low) and t.low[k] in lex.member_bodies else None
    return None


def _as_member(t: Tokens, start: int, end: int, body: Actor) -> Actor:
    name = " ".join(t.tokens[start:end])
    return Actor(body.code, body.country, name, None, start, end, "GEN", via="generic", own_role=True)


def attach_generic(
    lex: Lexicon, t: Tokens, sent_starts: list[int], dateline: str | None, named: set[str] | None = None
) -> None:
    """Add generic actors to `t` and give role-only organisations their country (or drop them).
    `sent_starts`: the first token of each sentence; `dateline`: the dateline's country; `named`:
    the countries the rest of the article names (a headline read apart from its body)."""
    if not lex.generic:
        return
    hits = _hits(lex, t)
    hits += _initials(lex, t, hits)
    bare = [
        np for np in t.nps if np.country is None and np.code in lex.countryless_roles and np.label == "ORG"
    ]
    if not hits and not bare:
        return
    named = named_countries(t) | (named or set())
    countries = Countries(lex, sent_starts, named, dateline)
    countries.read(t)
    items: list[tuple[int, int, str, Actor | None]] = [(s, e, r, None) for s, e, r in hits]
    items += [(np.start, np.end, np.code, np) for np in bare]
    items.sort(key=lambda x: x[0])
    added: list[Actor] = []
    dropped: list[Actor] = []
    for start, end, role, np in items:
        member = _member_of(lex, t, end) if np is None else None
        if member is not None:
            if member is not _UNNAMED:  # the people inside a body named after them are its own
                added.append(_as_member(t, start, end, member))
            continue
        country = _own_country(t, np, end) if np is not None else None
        if np is None and end < len(t.low) and t.low[end] in lex.speaker_pronouns and lex.home_country:
            country = lex.home_country  # "mahasiswa kita": our own, wherever the sentence is set
        country = country or countries.country_of(start, role)
        if np is not None:
            if country is None:
                dropped.append(np)  # a role without a country is no actor
            else:
                np.code, np.country = cameo.compose_actor_code(country, role) or np.code, country
                countries.antecedents.append((start, role, country))
            continue
        if country is None:
            continue
        code = cameo.compose_actor_code(country, role) or country
        added.append(
            Actor(
                code,
                country,
                " ".join(t.tokens[start:end]),
                None,
                start,
                end,
                "GEN",
                via="generic",
                own_role=True,
            )
        )
        countries.antecedents.append((start, role, country))
    _update(t, added, dropped)


def named_countries(t: Tokens) -> set[str]:
    """The countries of the article's actors; an organisation known only by its owner's country
    (a platform: "akun Twitter") places no story there."""
    return {np.country for np in t.nps if np.country and (np.label != "ORG" or np.own_role)}


def _update(t: Tokens, added: list[Actor], dropped: list[Actor]) -> None:
    for np in dropped:
        t.np_start.pop(np.start, None)
        t.np_end.pop(np.end, None)
        t.np_tokens.difference_update(range(np.start, np.end))
    for actor in added:
        t.np_start[actor.start] = actor
        t.np_end[actor.end] = actor
        t.np_tokens.update(range(actor.start, actor.end))
    if added or dropped:
        gone = {id(np) for np in dropped}
        t.nps = sorted([np for np in t.nps if id(np) not in gone] + added, key=lambda a: a.start)
        t.np_starts = []
