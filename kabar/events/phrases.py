"""The shape of a clause around a token: quantities, plain nouns, verbs, prepositional phrases,
coordinated actors, relative clauses and appositions. Read by triggers and arguments alike."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

from kabar import cameo
from kabar.events.lexicon import Lexicon
from kabar.events.state import Actor, Tokens

_NUMBER = re.compile(r"^\d[\d.,]*$")


def is_quantity(lex: Lexicon, w: str) -> bool:
    return w in lex.quantity or w in lex.determiners or w in lex.units or bool(_NUMBER.match(w))


def skip_quantity(lex: Lexicon, t: Tokens, j: int, hi: int, limit: int = 3) -> int:
    k = j
    while k < hi and k - j < limit and is_quantity(lex, t.low[k]):
        k += 1
    return k


def is_verb(lex: Lexicon, w: str) -> bool:
    """A verb: verbal in form, or a verb of the dictionary."""
    return lex.is_verb_like(w) or any(not f.noun for f in lex.triggers.get(w, ()))


def plain_word(lex: Lexicon, t: Tokens, k: int) -> bool:
    """A lower-case content word that is no verb: a noun or adjective."""
    w = t.low[k]
    return w.isalpha() and t.tokens[k].islower() and w not in lex.function_words and not lex.is_verb_like(w)


def _form_ends(lex: Lexicon, t: Tokens, i: int, noun: bool, min_words: int = 1) -> bool:
    """Does a dictionary form (an event noun, or a verb), of `min_words` words or more, end right
    before token i?"""
    for k in range(max(0, i - 3), i - min_words + 1):
        for f in lex.triggers.get(t.low[k], ()):
            if f.noun == noun and k + f.length == i and tuple(t.low[k + 1 : i]) == f.rest:
                return True
    return False


def noun_form_ends(lex: Lexicon, t: Tokens, i: int) -> bool:
    """Does an event noun of the dictionary end right before token i?"""
    return _form_ends(lex, t, i, noun=True)


def verb_phrase_ends(lex: Lexicon, t: Tokens, i: int) -> bool:
    """Does a verb of several words of the dictionary end right before token i ("memukul mundur")?"""
    return _form_ends(lex, t, i, noun=False, min_words=2)


def inside_noun_form(lex: Lexicon, t: Tokens, i: int) -> bool:
    """Is token i inside an event noun of several words that starts before it?"""
    for k in range(max(0, i - 3), i):
        for f in lex.triggers.get(t.low[k], ()):
            if f.noun and k + f.length > i and tuple(t.low[k + 1 : k + f.length]) == f.rest:
                return True
    return False


def in_pp(lex: Lexicon, t: Tokens, start: int, lo: int) -> bool:
    """Does a preposition stand before the phrase at start, perhaps across words of extent and
    place ("mahasiswa dari seluruh Indonesia", "di berbagai daerah Jawa")?"""
    k = start - 1
    while k >= lo and start - k <= 4:
        if t.low[k] in lex.pp_fillers or t.low[k] in lex.place_words or t.low[k] == "-":
            k -= 1  # "di kota-kota Indonesia": place nouns, reduplicated, stay inside the phrase
            continue
        city = t.np_end.get(k + 1)
        if city is None or not city.place or city.label != "GPE":
            break
        k = city.start - 1  # a city before its country: "Kedutaan Besar RI di Berlin Jerman"
    if k > lo and t.low[k] in compiled(lex.data.name_links, lex.word_set):
        first = t.np_end.get(k)
        if first is not None and first.start < k:
            return in_pp(lex, t, first.start, lo)  # "mengenai X alias Y"
    k = _before_office(lex, t, _before_address(lex, t, start, k, lo), lo)
    return k >= lo and t.low[k] in lex.prepositions


def _before_address(lex: Lexicon, t: Tokens, start: int, k: int, lo: int) -> int:
    """The index before the address that the place at `start` ends, when the comma at k closes an
    earlier unit of it ("di kebun tebu Desa X, Kecamatan Y, Kabupaten Malang, ditetapkan ...": the
    district is where, not who), or k."""
    np = t.np_start.get(start)
    if np is None or not np.place:
        return k
    while k > lo and t.low[k] == ",":
        unit = k - 1  # back over the unit's capitalised name to its place word ("Kecamatan Y")
        while unit > lo and k - unit <= 4 and t.tokens[unit][:1].isupper():
            if t.low[unit] in lex.place_words:
                break
            unit -= 1
        if t.low[unit] not in lex.place_words:
            return k
        k = unit - 1  # and over plain nouns before it ("di kebun tebu Desa X")
        while k > lo and unit - k <= 3 and plain_word(lex, t, k) and t.low[k] not in lex.prepositions:
            k -= 1
    return k


def _before_office(lex: Lexicon, t: Tokens, k: int, lo: int) -> int:
    """The index before an office with its ordinal and country ending at k ("hoaks mengenai
    Presiden ke-3 RI BJ Habibie"), or k: the person's phrase starts after the office."""
    country = t.np_end.get(k + 1)
    j = country.start - 1 if country is not None and country.country else k
    marker = j - 2  # "ke" of "ke-3"
    if marker - 1 > lo and office_ordinal(lex, t, marker, j + 1):
        return marker - 2
    return k


def office_ordinal(lex: Lexicon, t: Tokens, j: int, hi: int) -> bool:
    """Do tokens j.. write an office's ordinal with a hyphen right after a role word ("Presiden
    ke-3 RI"), so that "ke" is no preposition?"""
    return (
        j > 0
        and j + 2 < hi
        and t.low[j] in lex.ordinal_markers
        and t.low[j + 1] == "-"
        and t.low[j + 2].isdigit()
        and t.low[j - 1] in lex.role_words
    )


def skip_paren(t: Tokens, i: int, hi: int) -> int:
    """Index after a short parenthetical starting at i ("(kiri)"), or i."""
    if i < hi and t.tokens[i] == "(":
        for k in range(i + 1, min(hi, i + 6)):
            if t.tokens[k] == ")":
                return k + 1
    return i


def tokens_reach(t: Tokens, start: int, hi: int, n: int) -> int:
    """The token index `n` tokens after `start`, not counting a short parenthetical: a name's
    abbreviation ("Rancangan KUHP (RKUHP) di depan ...") does not use up the window."""
    k, counted = start, 0
    while k < hi and counted < n:
        after = skip_paren(t, k, hi)
        if after > k:
            k = after
            continue
        counted += 1
        k += 1
    return k


def skip_titles(t: Tokens, j: int, hi: int) -> int:
    """Past up to three capitalised words that are no actor (ranks) to an actor."""
    k = j
    while k < hi and k - j < 3 and k not in t.np_tokens and t.tokens[k][:1].isupper():
        k += 1
    return k if k in t.np_start else j


def starts_clause(lex: Lexicon, t: Tokens, k: int, hi: int) -> bool:
    """Does a verb follow at k (the actor before it starts a clause)? Not after a word of purpose:
    "mendesak X dan Y untuk bekerja sama" asks both, the verb is what they are asked to do."""
    while k < hi and t.low[k] in lex.auxiliaries | lex.cue_words:
        if t.low[k] in lex.threat_advice:
            return False
        k += 1
    return k < hi and (t.low[k] in lex.triggers or lex.is_verb_like(t.low[k]))


def inherit_roles(group: list[Actor]) -> list[Actor]:
    """A role phrase before the first of coordinated countries covers the bare ones after it
    ("militer Iran dan Rusia" -> IRNMIL, RUSMIL), but not a country with a role of its own."""
    role = group[0].role_from_phrase
    if not role:
        return group
    out = [group[0]]
    for a in group[1:]:
        if a.place and not a.own_role and a.label in ("GPE", "LOC") and a.country:
            a = Actor(
                cameo.compose_actor_code(a.country, role) or a.code,
                a.country,
                a.name,
                a.entity,
                a.start,
                a.end,
                a.label,
                False,
                "role",
                True,
                role,
            )
        out.append(a)
    return out


def coord_right(lex: Lexicon, t: Tokens, first: Actor, hi: int, subject: bool = False) -> list[Actor]:
    """Actors coordinated with `first`, to the right. As a `subject`, a verb after the last one
    does not end the group."""
    group = [first]
    links: list[str] = []
    joiners = lex.conjunctions | {","}
    i = first.end
    while True:
        i = skip_paren(t, i, hi)
        j = i
        link = None
        while j < hi and j < i + 2 and t.low[j] in joiners:
            link = t.low[j] if link in (None, ",") else link
            j += 1
        if link is None or j >= hi:
            break
        j = skip_titles(t, j, hi)
        nxt = t.np_start.get(j)
        if nxt is None or (not subject and starts_clause(lex, t, nxt.end, hi)):
            break
        group.append(nxt)
        links.append(link)
        i = nxt.end
    # a list joined by commas alone is an apposition, not a coordination
    while links and links[-1] == ",":
        links.pop()
        group.pop()
    return inherit_roles(group)


def coord_left(lex: Lexicon, t: Tokens, last: Actor, lo: int) -> list[Actor]:
    group = [last]
    links: list[str] = []
    joiners = lex.conjunctions | {","}
    i = last.start - 1
    k = i
    while k >= lo and i - k < 3 and k not in t.np_tokens and t.tokens[k][:1].isupper():
        k -= 1
    if k < i and k >= lo and t.low[k] in lex.conjunctions:
        i = k
    while i >= lo:
        j = i
        link = None
        while j >= lo and j > i - 2 and t.low[j] in joiners:
            link = t.low[j] if link in (None, ",") else link
            j -= 1
        if link is None or j < lo:
            break
        if t.tokens[j] == ")":  # "(kiri) dan"
            k = j
            while k > lo and t.tokens[k] != "(" and j - k < 6:
                k -= 1
            j = k - 1
        prev = t.np_end.get(j + 1)
        if prev is None:
            break
        if link == "," and prev.place and in_pp(lex, t, prev.start, lo):
            break  # a place phrase opening the clause
        group.insert(0, prev)
        links.insert(0, link)
        i = prev.start - 1
    # the link nearest the verb decides: a comma alone is an apposition
    if links and links[-1] == ",":
        return inherit_roles([last])
    return inherit_roles(group)


def relative_head(lex: Lexicon, t: Tokens, start: int, lo: int) -> list[Actor] | None:
    """When the actor at `start` stands inside a relative clause ("X that <actor> backs"), the
    actors X the clause hangs on; None when it does not."""
    rel = lex.grammar.relative_pronoun
    k = start - 1
    while k >= lo and start - k <= 3 and t.low[k] != rel:
        if t.low[k] in lex.clause_stops or t.low[k] == "," or (k + 1) in t.np_end:
            return None
        k -= 1
    if k < lo or t.low[k] != rel:
        return None
    j = k - 1
    if j >= lo and t.low[j] == ",":
        j -= 1
    np = t.np_end.get(j + 1)
    return coord_left(lex, t, np, lo) if np is not None else []


def relative_clause_start(lex: Lexicon, t: Tokens, comma: int, lo: int, preps: bool = False) -> int | None:
    """For a comma closing a relative clause put after the subject ("<actor>, who ...,"), the
    index of the comma opening it, when an actor (or a name) stands right before that. With
    `preps`, a prepositional phrase put there instead, after an actor only."""
    k = comma - 1
    while k > lo and comma - k <= 16:
        w = t.low[k]
        if w in lex.clause_stops or w in lex.reporting_verbs or w == ",":
            return None
        if preps and w in lex.prepositions and t.low[k - 1] == ",":
            np = t.np_end.get(k - 1)
            if np is not None and not in_pp(lex, t, np.start, lo) and k - 1 - np.start <= 8:
                return k - 1
            return None
        if w == lex.grammar.relative_pronoun and not preps:
            if t.low[k - 1] == "," and (t.np_end.get(k - 1) is not None or t.tokens[k - 2][:1].isupper()):
                return k - 1
            app = apposition_end(lex, t, k, lo) if t.tokens[k - 1][:1].isupper() else None
            # closing a title apposition ("X, Direktur di kelompok Y yang berbasis di AS,"): its comma
            return app + 1 if app is not None and t.low[app + 1] == "," else None
        k -= 1
    return None


def verb_phrase_before(lex: Lexicon, t: Tokens, comma: int, lo: int) -> bool:
    """Whether the clause before `comma` holds a verb (so that the comma lists verb phrases)."""
    k = comma - 1
    while k >= lo and comma - k <= 12:
        w = t.low[k]
        if w in lex.clause_stops or w == "," or w == lex.grammar.relative_pronoun or w in lex.reporting_verbs:
            return False
        if is_verb(lex, w):
            return True
        k -= 1
    return False


def verb_before(lex: Lexicon, t: Tokens, start: int, lo: int, across_pp: bool = False) -> int | None:
    """The verb an object noun phrase starting at `start` hangs on (a few nouns may come between);
    `across_pp`: also the verb a prepositional phrase holding it hangs on ("menutup telinga atas
    pembelaan X")."""
    k = start - 1
    while k >= lo and start - k <= 4:
        w = t.low[k]
        if is_verb(lex, w):
            return k
        if across_pp and w in lex.prepositions and w != lex.grammar.agent_preposition:
            return verb_before(lex, t, k, lo)  # an agent ("dipukul oleh X dan ...") is the subject
        if not (plain_word(lex, t, k) or w in lex.np_openers or is_quantity(lex, w)):
            return None
        k -= 1
    return None


def apposition_end(lex: Lexicon, t: Tokens, comma: int, lo: int) -> int | None:
    """A subject with an apposition before its verb ("<actor>, <Name>, arrived" or "<actor>,
    arrived" at the start of the clause): the index of the actor's last token, else None."""
    kin = _kin_apposition(lex, t, comma, lo)
    if kin is not None:
        return kin
    k = comma - 1
    np = t.np_end.get(k + 1)
    if np is None:
        # a name the entities stage gave no actor: up to six capitalised words, then a comma; or a
        # title of up to twelve words joined by link words ("Direktur Advokasi di kelompok HAM X")
        j, links = k, False
        while j >= lo and comma - j <= 12:
            if t.low[j] in lex.apposition_links:
                links = True
            elif not (t.tokens[j][:1].isupper() or t.tokens[j] in ("-", ".", "'")):
                break
            j -= 1
        if j == k or j < lo or t.tokens[j] != "," or (not links and comma - j > 7):
            return None
        if links and not t.tokens[j + 1][:1].isupper():
            return None
        return j - 1 if t.np_end.get(j) is not None else None
    # the actor itself before the comma: only at the start of its clause, after another actor
    before = np.start - 1
    if before < lo or t.low[before] in lex.clause_stops:
        return k
    if t.low[before] == "," and t.np_end.get(before) is not None:
        return before - 1
    while before - 1 >= lo and t.low[before] == "," and t.low[before - 1] == ",":
        before -= 1  # "Kabid Humas , , <Name>,": the name of the title's office cut out by a scraper
    if _title_before(lex, t, np.start, lo) or (t.low[before] == "," and _title_before(lex, t, before, lo)):
        return k  # "<Title>, <Name>, arrived" or "<Title> <Name>, arrived": the named actor
    return None


def _kin_apposition(lex: Lexicon, t: Tokens, comma: int, lo: int) -> int | None:
    """A named actor described by a kin apposition before its verb ("<Name>, putra <...>, tewas"):
    the index of the actor's last token, else None. No verb may stand in the apposition."""
    j, names = comma - 1, 0
    while j >= lo and comma - j <= 14 and t.low[j] not in (";", ":", ".") and not is_verb(lex, t.low[j]):
        if t.low[j] == ",":  # the kin's own name set off by commas ("putra X, <Name>,"): once
            name = t.np_end.get(comma)  # with its title, the name's phrase may span the comma
            if names or name is None or name.start > j + 1:
                break
            names += 1
        j -= 1
    if j <= lo or t.low[j] != "," or j + 1 >= comma or t.low[j + 1] not in lex.relative_words:
        return None
    return j - 1 if t.np_end.get(j) is not None else None


def _title_before(lex: Lexicon, t: Tokens, comma: int, lo: int) -> bool:
    """Whether only a title stands between the clause start and `comma` (a comma or the start of
    a name): capitalised words, or a phrase opened by a role word ("Juru bicara Kementerian Luar
    Negeri China", "Kepala perundingan nuklir Korea Utara") with no verb in it."""
    j = comma - 1
    while j >= lo and comma - j <= 6 and t.tokens[j][:1].isupper():
        j -= 1
    if j < comma - 1 and (j < lo or t.low[j] in lex.clause_stops or t.low[j] == ","):
        return True
    return _role_phrase_opening(lex, t, comma, lo)


TITLE_PHRASE_WORDS = 10  # the longest role phrase read as a title before a name


def _role_phrase_opening(lex: Lexicon, t: Tokens, end: int, lo: int) -> bool:
    """Whether tokens lo..end are a title opening the clause: a role first, then no verb,
    relative pronoun, punctuation or clause stop, and no second role, whose name the one after
    the comma would be ("Pejabat di kantor Perdana Menteri Australia, <Name>": the PM's)."""
    if t.low[lo] not in lex.role_words or end - lo < 2 or end - lo > TITLE_PHRASE_WORDS:
        return False
    if t.low[end] in lex.name_prefixes:
        return False  # the name's phrase opens with its own title ("kantor Perdana Menteri X, <Name>")
    opening = max(1, role_starting(lex, t, lo, end)[0])
    for k in range(lo, end):
        w = t.low[k]
        if not w[:1].isalnum() or w in lex.clause_stops or w == lex.grammar.relative_pronoun:
            return False
        if lex.is_verb_like(w) and w not in lex.role_words:
            return False
        if k >= lo + opening and role_starting(lex, t, k, end)[0]:
            return False
    return True


def role_starting(lex: Lexicon, t: Tokens, k: int, end: int | None = None) -> tuple[int, str | None]:
    """The longest role phrase of the pack starting at token k (and ending by `end`): its length and
    its role ("" for a title that says no role); (0, None) when none starts there."""
    stop = len(t.low) if end is None else end
    for n in range(min(lex.max_role_len, stop - k), 0, -1):
        role = lex.roles.get(tuple(t.low[k : k + n]))
        if role is not None:
            return n, role
    return 0, None


def event_noun_possessor(lex: Lexicon, t: Tokens, start: int, lo: int) -> bool:
    """Whether the actor at `start` is the possessor of an event noun opening the clause (of one
    word, or of several: "serangan drone Houthi")."""
    k = start - 1
    if k < lo:
        return False
    if not any(f.noun for f in lex.triggers.get(t.low[k], ())):
        k = next(
            (
                j
                for j in range(start - 2, max(lo, start - 3) - 1, -1)
                for f in lex.triggers.get(t.low[j], ())
                if f.noun and f.rest == tuple(t.low[j + 1 : start])
            ),
            -1,
        )
        if k < 0:
            return False
    return k == lo or t.low[k - 1] in lex.clause_stops or t.low[k - 1] == ","


def future_in_frame(lex: Lexicon, t: Tokens, j: int, hi: int) -> bool:
    """Whether the phrase from `j` up to the next comma speaks of the future."""
    while j < hi and t.low[j] not in (",", ".", ";"):
        if t.low[j] in lex.future_words:
            return True
        j += 1
    return False


def phrase_ending(lex: Lexicon, t: Tokens, k: int, phrases: Iterable[str], lo: int = 0) -> int | None:
    """Where the first of `phrases` (the pack's words, as written) that ends at token k starts, not
    before token lo; else None."""
    for words in _by_last_word(lex, phrases).get(t.low[k], ()):
        n = len(words)
        if k - n + 1 >= lo and tuple(t.low[k - n + 1 : k + 1]) == words:
            return k - n + 1
    return None


_T = TypeVar("_T")
_COMPILED: dict[tuple[int, object], tuple[object, Any]] = {}


def compiled(data: object, build: Callable[[Any], _T]) -> _T:
    """`build(data)` for a list or table the pack holds for the process's life, built once: the
    pack's word lists are read for every article, their compiled forms need making only once.
    `build` may be a function defined in the caller: its code, not the function object, keys it."""
    key = (id(data), build.__code__)
    kept = _COMPILED.get(key)
    if kept is not None and kept[0] is data:
        return kept[1]  # type: ignore[no-any-return]
    made = build(data)
    _COMPILED[key] = (data, made)
    return made


def _by_last_word(lex: Lexicon, phrases: Iterable[str]) -> dict[str, list[tuple[str, ...]]]:
    """The phrases split into words and filed by their last word; a list the pack holds is split
    once (the lists are read for most noun phrases of every article: splitting them each time was
    0.1 ms an article)."""

    def file(items: Iterable[str]) -> dict[str, list[tuple[str, ...]]]:
        table: dict[str, list[tuple[str, ...]]] = {}
        for phrase in items:
            words = lex.words(phrase)
            if words:
                table.setdefault(words[-1], []).append(words)
        return table

    return compiled(phrases, file) if isinstance(phrases, (list, tuple)) else file(phrases)


def pair_anaphor_ending(lex: Lexicon, t: Tokens, i: int, lo: int) -> int | None:
    """Start index of a pair anaphor ("both sides") ending at token i, or None."""
    for n, phrases in lex.pair_anaphora.items():
        if i - n + 1 >= lo and tuple(t.low[i - n + 1 : i + 1]) in phrases:
            return i - n + 1
    return None


def pair_anaphor_starting(lex: Lexicon, t: Tokens, j: int, hi: int) -> int | None:
    for n, phrases in lex.pair_anaphora.items():
        if j + n <= hi and tuple(t.low[j : j + n]) in phrases:
            return j + n
    return None


def victim_verb_before(lex: Lexicon, t: Tokens, i: int, lo: int) -> int | None:
    """The verb of dying or being hurt before the act noun at i and its link word, one article
    between them allowed ("X tewas dalam serangan Y", "X tewas dalam sebuah operasi Y"): its index."""
    k = i - 1
    if k - 2 >= lo and t.low[k] in lex.determiners and t.low[k - 1] in lex.victim_links:
        k -= 1
    if k - 1 >= lo and t.low[k] in lex.victim_links and t.low[k - 1] in lex.victim_verbs:
        return k - 1
    return None


def relative_agent_start(lex: Lexicon, t: Tokens, j: int, hi: int) -> int | None:
    """Where the agent of a relative clause right after an act noun starts: "operasi yang
    dilakukan AS", "serangan yang dilancarkan oleh Israel" (a passive verb reporting the act)."""
    if j + 2 >= hi or t.low[j] != lex.grammar.relative_pronoun or t.low[j + 1] not in lex.light_after:
        return None
    if not lex.grammar.is_passive_verb(t.low[j + 1]):
        return None
    return j + 3 if t.low[j + 2] == lex.grammar.agent_preposition else j + 2


def ranked_noun_start(lex: Lexicon, t: Tokens, start: int) -> int:
    """Where the phrase starts when its first word ranks the noun before it ("komandan tinggi
    militer"): that noun, with a group word before it ("para komandan tinggi militer")."""
    k = start - 1
    if k < 0 or t.low[start] not in compiled(lex.data.rank_after_noun, lex.word_set):
        return start
    if k in t.np_tokens or k in t.mention_tokens or not plain_word(lex, t, k):
        return start
    if k > 0 and (k - 1) not in t.np_tokens and t.low[k - 1] in lex.np_openers:
        k -= 1
    return k
