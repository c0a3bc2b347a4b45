"""Gazetteer and knowledge-base lookups: countries, capitals, places, cities and known actors.

Capitals have two senses. After a locative word ("di Moskow") or in a dateline the capital is
the place; elsewhere ("kebijakan Washington") it stands for the state and is a mention of the
country, or (pack setting `capital_metonym_is_city`) the city still, carrying its country.
"""

from __future__ import annotations

from dataclasses import replace

from kabar import geo
from kabar.entities.codes import split_code
from kabar.entities.knowledge import Actor, GazEntry, Knowledge, abbreviates, fold, is_acronym
from kabar.entities.text import Candidate, EntityText, GazHit, HeadHit, TitleHit, positions, short_form_at
from kabar.entities.titles import TitleRules

DATELINE_MARKS = frozenset({",", "-", "–", "("})
MAX_SHORT_FORM_WORDS = 5  # words a short form in brackets may stand for


class Gazetteer:
    def __init__(self, kb: Knowledge, titles: TitleRules):
        self.kb = kb
        self.titles = titles
        self.compass = {w for phrase in kb.cues.compass_words for w in kb.key(phrase)}
        self._apposition = [kb.key(w) for w in kb.cues.capital_apposition]
        self._firsts = kb.gaz_first | kb.title_first | kb.role_first  # words a scan hit starts with

    def scan(self, t: EntityText) -> None:
        """The model-free lookups over a text: gazetteer hits, titles and organisation heads
        (kept on `t`; they also tell which sentences the statistical model need not read)."""
        if t.scanned:
            return
        kb, firsts = self.kb, self._firsts
        for i in [i for i, f in enumerate(t.folded) if f in firsts]:
            if not t.is_word[i]:
                continue
            f = t.folded[i]
            if (t.cap[i] or t.words[i][:1].isdigit()) and f in kb.gaz_first:
                hit = t.lookup(kb.gaz, kb.gaz_max, i)
                if hit is not None:
                    surface = t.span(i, hit[0])
                    entries = [e for e in hit[1] if e.exact is None or e.exact == surface]
                    if entries and (entries[0].exact is not None or self._case_ok(t, i, hit[0])):
                        t.gaz[i] = GazHit(hit[0], entries)
            if f in kb.title_first:
                title = self.titles.title_at(t, i)
                if title is not None:
                    t.titles[i] = title
            if t.cap[i] and f in kb.role_first:
                role = t.lookup(kb.roles, kb.role_max, i)
                if role is not None and role[1].head:
                    t.heads[i] = HeadHit(*role)
        self._names_with_short_form(t)
        self._titles_before_known_names(t)
        self._given_names_after_titles(t)
        # titles do not overlap: "Mayor Jenderal" hides the "Jenderal" inside it
        last_end = -1
        for i in sorted(t.titles):
            if i < last_end:
                del t.titles[i]
            else:
                last_end = t.titles[i].end
        t.title_tokens = {x for i, v in t.titles.items() for x in range(i, v.end)}
        t.scanned = True

    def _given_names_after_titles(self, t: EntityText) -> None:
        """A place's name right after a person's title and before a lower-case name particle is the
        person's given name ("Kolonel Turki al-Maliki", "Pangeran Turki bin Faisal"): no place
        there. A capitalised particle starts the next name ("negosiator Taliban Abdul Rahim")."""
        ends = {hit.end for hit in t.titles.values()}
        for i in [i for i in t.gaz if i in ends]:
            j = t.gaz[i].end
            if j < t.n and not t.cap[j] and t.folded[j] in self.kb.words.particles:
                del t.gaz[i]

    def _names_with_short_form(self, t: EntityText) -> None:
        """ "Direktorat Jenderal (Ditjen) Imigrasi", "Komisi Nasional (Komnas) Perempuan": a known
        name written with the short form of its first words in brackets inside it is the name,
        read without the brackets (or with the short form for the words: "Komnas Perempuan")."""
        kb = self.kb
        for k in [k for k in positions(t.words, "(") if 0 < k < t.n - 3]:
            short = short_form_at(t, k)
            if short is None:
                continue
            after = t.folded[k + 3 : k + 3 + kb.gaz_max]
            for i in range(max(0, k - MAX_SHORT_FORM_WORDS), k):
                before = [t.folded[x] for x in range(i, k) if t.is_word[x]]
                if not t.cap[i] or not abbreviates(short, before, kb.words.connectors):
                    continue
                hit = self._longest(before, after) or self._longest([short], after)
                old = t.gaz.get(i)
                if hit is not None and (old is None or old.end < k + 3 + hit[0]):
                    t.gaz[i] = GazHit(k + 3 + hit[0], hit[1])
                break

    def _titles_before_known_names(self, t: EntityText) -> None:
        """ "Ketua Komisi Nasional (Komnas) Perempuan": a title whose last words begin a known
        organisation's name is the shorter title before it ("Ketua"), when the pack has one."""
        kb = self.kb
        for i, hit in list(t.titles.items()):
            for x in range(i + 1, hit.end):
                g = t.gaz.get(x)
                if g is None or g.end <= hit.end or not isinstance(g.entries[0].value, Actor):
                    continue
                if g.entries[0].value.type != "ORG":
                    continue
                shorter = kb.titles.get(t.key(i, x))
                if shorter is not None:
                    t.titles[i] = TitleHit(x, shorter, t.span(i, x))
                break

    def _longest(self, head: list[str], after: list[str]) -> tuple[int, list[GazEntry]] | None:
        """The longest known name made of `head` and the first words of `after`: (how many of
        those words, its entries)."""
        for n in range(len(after), 0, -1):
            entries = self.kb.gaz.get((*head, *after[:n]))
            if entries:
                return n, entries
        return None

    def _case_ok(self, t: EntityText, i: int, j: int) -> bool:
        """Every capitalisable word of a name is capitalised, as in the gazetteer; the part after
        a hyphen inside the name may be lower case ("Tsai Ing-wen", "Al-Qassam"/"al-Qassam")."""
        return not any(
            t.is_word[k]
            and not t.cap[k]
            and not (k > i and t.words[k - 1] == "-")
            and t.folded[k] not in self.kb.words.particles
            and t.folded[k] not in self.kb.words.connectors  # "Kementerian Komunikasi dan Digital"
            and not t.words[k][:1].isdigit()
            for k in range(i, j)
        )

    def candidate(self, t: EntityText, i: int, hit: GazHit, date: str | None) -> Candidate | None:
        """What the gazetteer entry at token i names here, or None when it names nothing."""
        kb = self.kb
        j, entries = hit
        e = entries[0]
        text = t.span(i, j)
        if fold(text) in kb.words.outlets or self._in_compound(t, i, j):
            return None
        if is_acronym(text) and (t.prev_word(i) in kb.words.initial_cues or _age_after(t, j)):
            return None  # "pria berinisial AS", "MA (21)": a person's initials, not the United States
        if isinstance(e.value, Actor):
            actor = e.value
            if actor.type == "ORG" and is_acronym(text) and t.prev_word(i) in kb.words.law_words:
                return None  # "RUU PKS": the acronym names the bill, not the party
            if actor.type == "ORG" and actor.country:
                other = self._other_country_org(t, i, j, actor)
                if other is not None:
                    return other
            return Candidate(i, j, actor.type, "kb", name=text, actor=actor, name_i=i)
        if e.kind == "region" and isinstance(e.value, geo.Place):
            return Candidate(i, j, "GPE", "gaz", name=text, place=e.value, country=e.value.country)
        if isinstance(e.value, geo.City):
            if t.initial[i] and j - i == 1 and kb.is_common(t.folded[i]):
                return None  # "Malang nasibnya ..." at a sentence start
            p = e.value
            place = geo.Place(p.name, p.country, p.lat, p.lon, "GPE")
            return Candidate(i, j, "GPE", "gaz", name=text, place=place, country=p.country)
        if isinstance(e.value, str):
            return self._place(t, i, j, e.value)
        if isinstance(e.value, geo.CountryName):
            return self._country(t, i, j, e, e.value)
        return None

    def _in_compound(self, t: EntityText, i: int, j: int) -> bool:
        """ "Baku tembak": a compound whose first word is a place name, not the city."""
        for comp in self.kb.words.not_place_compounds:
            n = len(comp)
            if n > j - i and t.key(i, i + n) == comp and not any(t.cap[x] for x in range(j, i + n)):
                return True
        return False

    def _place(self, t: EntityText, i: int, j: int, name: str) -> Candidate | None:
        kb = self.kb
        text = t.span(i, j)
        seat = kb.words.seat_actors.get(t.key(i, j))
        if seat and not self.place_sense(t, i, j):  # "langkah Brussel": the organisation
            actor = kb.actor_named(seat)
            if actor is not None:
                return Candidate(i, j, actor.type, "kb", name=text, actor=actor, name_i=i)
        place = geo.geocode(name, lang=kb.pack)
        if place is None:
            return None
        return Candidate(i, j, place.type, "gaz", name=text, place=place, country=place.country)

    def _country(self, t: EntityText, i: int, j: int, e: GazEntry, cn: geo.CountryName) -> Candidate | None:
        text = t.span(i, j)
        if t.prev_word(i) in self.kb.words.language_before:
            return None  # "bahasa Inggris"
        if e.kind == "capital" and (self.kb.cues.capital_metonym_is_city or self.place_sense(t, i, j)):
            # the city as its own entity; as a metonym ("kebijakan Washington") too when the pack says
            # so: its country (and no actor code of its own) lets events code it as that state
            place = geo.city(cn.english or text, cn.iso3) or geo.geocode(text, lang=self.kb.pack)
            if place is None:
                return None
            return Candidate(i, j, "GPE", "gaz", name=text, place=place, country=cn.iso3)
        return Candidate(i, j, "GPE", "gaz", name=text, iso3=cn.iso3, country=cn.iso3)

    def _other_country_org(self, t: EntityText, i: int, j: int, actor: Actor) -> Candidate | None:
        """The counterpart abroad: "Kemlu Iran" is a known organisation of one country named with
        another country right after it: that country's counterpart, coded for that country."""
        kb = self.kb
        if j + 1 < t.n and t.words[j] == ")" and t.gaz.get(j + 1) is not None:
            # "Kementerian Dalam Negeri (Kemendagri) India": the country after the bracketed acronym
            other = self._other_country_org(t, i, j + 1, actor)
            return None if other is None else replace(other, j=j, name=t.span(i, j), name_i=i)
        hit = t.gaz.get(j)
        if hit is None:
            return None
        end, entries = hit
        cn = entries[0].value
        if isinstance(cn, str) and entries[0].kind == "place":
            # a territory abroad: "Kementerian Kesehatan Gaza" is Gaza's health ministry
            place = geo.geocode(cn, lang=kb.pack)
            if place is None or place.country in {None, actor.country}:
                return None
            role = split_code(actor.code)[1] if actor.code else None
            return Candidate(i, end, "ORG", "rule", name=t.span(i, end), role=role, country=place.country)
        if entries[0].kind not in {"country", "demonym"} or not isinstance(cn, geo.CountryName):
            return None
        if cn.iso3 == actor.country:
            return None
        words = actor.name.split()
        name = t.span(i, end)
        if len(words) >= 2 and geo.country_code(words[-1], kb.pack) == actor.country:
            # "Kementerian Luar Negeri Indonesia" -> "Kementerian Luar Negeri Iran"
            name = " ".join(words[:-1]) + " " + t.span(j, end)
            known = kb.actor_named(name)
            if known is not None:  # "Kementerian Luar Negeri AS" is the US State Department
                return Candidate(i, end, known.type, "kb", name=t.span(i, end), actor=known, name_i=i)
        role = split_code(actor.code)[1] if actor.code else None
        return Candidate(i, end, "ORG", "rule", name=name, role=role, country=cn.iso3)

    def admin_prefix(self, t: EntityText, cand: Candidate, before: list[Candidate]) -> None:
        """Take "Provinsi", "Kabupaten", "Negara Bagian" ... into the place name after them."""
        floor = before[-1].j if before else 0
        for n in (2, 1):
            s = cand.i - n
            if (
                s >= floor
                and all(t.cap[x] and t.is_word[x] for x in range(s, cand.i))
                and t.key(s, cand.i) in self.kb.words.admin_before
            ):
                cand.i = s
                return

    def place_sense(self, t: EntityText, i: int, j: int) -> bool:
        """A place name read as the place (not the state or body seated there)."""
        words = self.kb.words
        k = i
        while k > 0 and t.folded[k - 1] in self.compass:
            k -= 1  # "di pinggiran selatan Beirut"
        country = next(
            (s for s, hit in t.gaz.items() if hit.end == k and hit.entries[0].kind == "country"), None
        )
        if country is not None and t.prev_word(country) in words.locative:
            k = country  # "di ibu kota Afghanistan Kabul"
        if k != i and t.prev_word(k) in words.locative:
            return True
        if (
            j + 2 < t.n
            and t.words[j] == ","
            and any(t.key(j + 1, j + 1 + len(a)) == a for a in self._apposition)
        ):
            return True  # "Beirut, ibu kota Lebanon": the city, named as such
        prev = t.prev_word(i)
        if prev in words.locative:
            return True
        prev2 = t.prev_word(i, 1)
        if prev2 is not None and prev is not None and f"{prev2} {prev}" in words.locative:
            return True
        if prev == self.kb.grammar.from_preposition and prev2 in words.motion:
            return True
        # a dateline: "MOSKOW, KOMPAS.com -" at the start of a line
        return bool(t.initial[i] and t.words[i].isupper() and j < t.n and t.words[j] in DATELINE_MARKS)


def _age_after(t: EntityText, j: int) -> bool:
    """Is token j an age in brackets ("AR (21)"), which news writes after a person's initials?"""
    return j + 2 < t.n and t.words[j] == "(" and t.words[j + 1].isdigit() and t.words[j + 2] == ")"
