"""The candidate mentions of one text, from the three sources in order of trust: gazetteers and
the knowledge base, rules (organisation heads, titles and role phrases, speech verbs), and the
statistical model's spans."""

from __future__ import annotations

import bisect

from kabar import geo
from kabar.entities.aliases import AliasRules
from kabar.entities.gazetteer import Gazetteer
from kabar.entities.knowledge import Actor, Knowledge, fold, is_acronym
from kabar.entities.linking import NameLinker
from kabar.entities.model_names import ModelNames
from kabar.entities.organisations import OrganisationRules
from kabar.entities.people import ListedPeople, PersonContext, PersonRules, model_person_spans
from kabar.entities.text import INNER_MARKS, Candidate, EntityText, ModelSpan, TextJob, resolve, taken_tokens
from kabar.entities.titles import TitleRules

MAX_VENUE_WORDS = 8


class Recognizer:
    def __init__(self, kb: Knowledge):
        self.kb = kb
        self.titles = TitleRules(kb)
        self.gazetteer = Gazetteer(kb, self.titles)
        self.organisations = OrganisationRules(kb)
        self.people = PersonRules(kb, self.titles)
        self.listed = ListedPeople(kb)
        self.aliases = AliasRules(kb, self.people)
        self.model_names = ModelNames(kb)
        self.linker = NameLinker(kb)
        # venue words: key -> whether the word also starts a venue written in lower case
        self._venue_heads: dict[tuple[str, ...], bool] = {}
        for w in kb.cues.venue_heads:
            self._venue_heads[kb.key(w)] = self._venue_heads.get(kb.key(w), False) or w[:1].islower()
        self._venue_first = {k[0] for k in self._venue_heads}
        self._body_venues = {kb.key(w) for w in kb.cues.body_venues}
        self._venue_max = max((len(k) for k in self._venue_heads), default=0)

    def scan(self, t: EntityText) -> None:
        self.gazetteer.scan(t)

    def candidates(self, t: EntityText, spans: list[ModelSpan], date: str | None) -> list[Candidate]:
        self.scan(t)
        # only a capitalised title sticks to the name after it ("juru bicara Guterres" is
        # Guterres's spokesman, "Juru Bicara Kremlin Dmitry Peskov" is Peskov's office)
        t.cap_titles = {i: v for i, v in t.titles.items() if self.titles.capitalised(t, i, v.end)}
        # nicknames after "alias" and product names after a brand are no countries or places
        aliases, alias_tokens = self.aliases.nickname_runs(t)
        t.product_tokens = self.aliases.product_tokens(t)
        cands, held = self._gazetteer_candidates(t, alias_tokens, date)
        gaz_end = {c.i: c for c in cands}
        cands.extend(aliases)
        cands.extend(self.organisations.candidates(t, gaz_end))
        cands.extend(self._venues(t))
        ctx = PersonContext(
            gaz_end=gaz_end,
            orgs_at={c.i: c for c in cands if c.label == "ORG" and c.source == "rule"},
            kb_people={c.i: c for c in cands if c.label == "PER" and c.actor is not None},
            taken=taken_tokens(cands),
            model_per=model_person_spans(spans),
        )
        people = self.people.candidates(t, ctx)
        cands.extend(people)
        cands.extend(self.listed(t, [c for c in people if c.label == "PER"], taken_tokens(cands)))
        cands.extend(self._places_after_locatives(t, taken_tokens(cands)))
        cands.extend(self.model_names.candidates(t, spans, taken_tokens(cands)))
        # a name cannot start inside a hyphenated word ("HAM-I Asep" is no person "-I Asep")
        cands = [c for c in cands if not _inside_word(t, c.i) and _name_after_word(t, c)]
        out = resolve(cands)
        if aliases:
            out = self.aliases.link(t, out, held, spans)
        return out

    def _venues(self, t: EntityText) -> list[Candidate]:
        """ "Kompleks Parlemen Senayan", "Jalan Kuningan Persada", "bandara John F. Kennedy": a
        venue word and the name after it are a place, whatever organisation, person or city the
        name holds; not a known actor's own name ("Gedung Putih") nor a venue word before one
        alone ("Gedung DPR" is the DPR)."""
        kb, out = self.kb, []
        firsts = [k for k, f in enumerate(t.folded) if f in self._venue_first]
        k = 0
        while (h := bisect.bisect_left(firsts, k)) < len(firsts):
            k = firsts[h]  # (the venue words' first words alone)
            hit = t.lookup(self._venue_heads, self._venue_max, k)
            if (
                hit is None
                or (not t.cap[k] and not hit[1])
                or self._known_actor(t, k, t.n)
                or self._in_title_phrase(t, k)
            ):
                k += 1
                continue
            end, j = hit[0], self._venue_name_end(t, hit[0])
            if t.key(k, end) in self._body_venues and (end in t.heads or self._known_actor(t, end, j)):
                k = end  # "Gedung Kedutaan Besar Rusia", "Gedung DPR": the body housed there
                continue
            if j > end and not self._known_actor(t, end, j, whole=True):
                # "bandara Internasional": a lower-case venue word needs a name, not a common word
                named = t.cap[k] or any(not kb.is_common(t.folded[x]) for x in range(end, j) if t.is_word[x])
                if named:
                    out.append(Candidate(k, j, "LOC", "rule", name=t.span(k, j)))
            k = max(j, k + 1)
        return out

    def _venue_name_end(self, t: EntityText, j: int) -> int:
        """End of the name after a venue word: capitalised words, numbers, connectors, initials
        ("John F. Kennedy") and a bracketed acronym ("Gedung Merah Putih Komisi ... (KPK)")."""
        end = j
        while j < t.n and j - end < MAX_VENUE_WORDS:
            w = t.words[j]
            if t.capitalised_word(j) or (t.is_word[j] and w[:1].isdigit()):
                j += 1
                if j < t.n and t.words[j] == "." and len(w) == 1 and t.capitalised_word(j + 1):
                    j += 1  # an initial
            elif (t.folded[j] in self.kb.words.connectors or w in INNER_MARKS) and t.capitalised_word(j + 1):
                j += 1
            else:
                break
        while j > end and not t.is_word[j - 1]:
            j -= 1
        if (
            j > end
            and j + 2 < t.n
            and t.words[j] == "("
            and is_acronym(t.words[j + 1])
            and t.words[j + 2] == ")"
        ):
            j += 3
        return j

    @staticmethod
    def _in_title_phrase(t: EntityText, k: int) -> bool:
        """ "Direktur Jenderal Pengawasan Ruang Digital": the venue word inside an office's name."""
        x = k - 1
        while x >= 0 and t.capitalised_word(x):
            if x in t.title_tokens:
                return True
            x -= 1
        return False

    @staticmethod
    def _known_actor(t: EntityText, i: int, j: int, whole: bool = False) -> bool:
        """A knowledge-base actor starts at token i (and, with `whole`, is all of i..j)."""
        hit = t.gaz.get(i)
        if hit is None or not isinstance(hit.entries[0].value, Actor):
            return False
        return not whole or hit.end == j

    def _places_after_locatives(self, t: EntityText, taken: set[int]) -> list[Candidate]:
        """ "di kota Galati", "di Dahiyeh": a name no other step took, right after a locative or an
        administrative word, is a place when the gazetteers know it, however small."""
        out = []
        k = 1
        while (h := bisect.bisect_left(t.cap_words, k)) < len(t.cap_words):
            k = t.cap_words[h]  # (the capitalised words alone)
            if k in taken or not self._after_locative(t, k):
                k += 1
                continue
            j = self.people.name_run(t, k, taken, t.cap_titles)
            name = t.span(k, j)
            known = j > k and fold(name) not in self.kb.words.city_not  # "di Bursa Efek": the word
            place = geo.geocode(name, lang=self.kb.pack) if known else None
            if place is not None:
                out.append(Candidate(k, j, place.type, "rule", name=name, place=place, country=place.country))
            elif known and j + 1 < t.n and t.words[j] == "," and self._place_at(t, j + 1):
                # "di Camp David, Maryland": a place within the known place after the comma
                out.append(Candidate(k, j, "LOC", "rule", name=name, country=self._place_at(t, j + 1)))
            k = max(j, k + 1)
        return out

    def _after_locative(self, t: EntityText, k: int) -> bool:
        """A locative or administrative word before token k, past words of direction ("60 km
        sebelah barat daya Dhahran")."""
        x = k
        while x > 0 and t.folded[x - 1] in self.gazetteer.compass:
            x -= 1
        prev = t.prev_word(x)
        return prev is not None and (prev in self.kb.words.locative or (prev,) in self.kb.words.admin_before)

    @staticmethod
    def _place_at(t: EntityText, i: int) -> str | None:
        """The country of the country, region or city the gazetteer finds at token i."""
        hit = t.gaz.get(i)
        if hit is None or isinstance(hit.entries[0].value, Actor):
            return None
        value = hit.entries[0].value
        return getattr(value, "iso3", None) or getattr(value, "country", None) or None

    def _gazetteer_candidates(
        self, t: EntityText, alias_tokens: set[int], date: str | None
    ) -> tuple[list[Candidate], list[Candidate]]:
        """The gazetteer and knowledge-base mentions, and apart from them (`held`) the hits
        inside a nickname, back if no person precedes it."""
        cands: list[Candidate] = []
        held: list[Candidate] = []
        i, starts = 0, sorted(t.gaz)
        while (h := bisect.bisect_left(starts, i)) < len(starts):
            i = starts[h]  # (the gazetteer hits alone)
            cand = self.gazetteer.candidate(t, i, t.gaz[i], date)
            if cand is not None and cand.place is not None and cand.iso3 is None and i in t.product_tokens:
                cand = None  # "Esemka Bima": a car, not the city
            if cand is None:
                i += 1
                continue
            if i in alias_tokens:
                held.append(cand)
            else:
                if cand.place is not None:
                    self.gazetteer.admin_prefix(t, cand, cands)
                cands.append(cand)
            i = cand.j
        return cands, held

    def link_names(self, jobs: list[TextJob]) -> None:
        self.linker.link(jobs)


def _inside_word(t: EntityText, i: int) -> bool:
    """Does token i go on a hyphenated word begun before it ("HAM-I": "-I")?"""
    if i <= 0 or t.ends[i - 1] != t.starts[i]:
        return False
    return t.words[i].startswith("-") or t.words[i - 1].endswith("-")


def _name_after_word(t: EntityText, c: Candidate) -> bool:
    """Move a person's bare name past the end of a hyphenated word it starts inside ("Koordinator
    HAM-I Dodi": "Dodi"); False when no name is left."""
    k = c.name_i
    while k < c.j and _inside_word(t, k):
        k += 1
    c.name_i = k
    return k < c.j
