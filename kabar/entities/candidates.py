"""The candidate mentions of one text, from the three sources in order of trust: gazetteers and
the knowledge base, rules (organisation heads, titles and role phrases, speech verbs), and the
statistical model's spans."""

from __future__ import annotations

from kabar import geo
from kabar.entities.aliases import AliasRules
from kabar.entities.gazetteer import Gazetteer
from kabar.entities.knowledge import Knowledge, fold
from kabar.entities.linking import NameLinker
from kabar.entities.model_names import ModelNames
from kabar.entities.organisations import OrganisationRules
from kabar.entities.people import PersonContext, PersonRules, model_person_spans
from kabar.entities.text import Candidate, EntityText, ModelSpan, TextJob, resolve, taken_tokens
from kabar.entities.titles import TitleRules


class Recognizer:
    def __init__(self, kb: Knowledge):
        self.kb = kb
        self.titles = TitleRules(kb)
        self.gazetteer = Gazetteer(kb, self.titles)
        self.organisations = OrganisationRules(kb)
        self.people = PersonRules(kb, self.titles)
        self.aliases = AliasRules(kb, self.people)
        self.model_names = ModelNames(kb)
        self.linker = NameLinker(kb)

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
        ctx = PersonContext(
            gaz_end=gaz_end,
            orgs_at={c.i: c for c in cands if c.label == "ORG" and c.source == "rule"},
            kb_people={c.i: c for c in cands if c.label == "PER" and c.actor is not None},
            taken=taken_tokens(cands),
            model_per=model_person_spans(spans),
        )
        cands.extend(self.people.candidates(t, ctx))
        cands.extend(self._places_after_locatives(t, taken_tokens(cands)))
        cands.extend(self.model_names.candidates(t, spans, taken_tokens(cands)))
        out = resolve(cands)
        if aliases:
            out = self.aliases.link(t, out, held, spans)
        return out

    def _places_after_locatives(self, t: EntityText, taken: set[int]) -> list[Candidate]:
        """ "di kota Galati", "di Dahiyeh": a name no other step took, right after a locative or an
        administrative word, is a place when the gazetteers know it, however small."""
        words, out = self.kb.words, []
        k = 1
        while k < t.n:
            prev = t.prev_word(k)
            if (
                k in taken
                or not t.capitalised_word(k)
                or prev is None
                or (prev not in words.locative and (prev,) not in words.admin_before)
            ):
                k += 1
                continue
            j = self.people.name_run(t, k, taken, t.cap_titles)
            name = t.span(k, j)
            known = j > k and fold(name) not in words.city_not  # "di Bursa Efek": the word
            place = geo.geocode(name, lang=self.kb.pack) if known else None
            if place is not None:
                out.append(
                    Candidate(k, j, place.type, "rule", name=t.span(k, j), place=place, country=place.country)
                )
            k = max(j, k + 1)
        return out

    def _gazetteer_candidates(
        self, t: EntityText, alias_tokens: set[int], date: str | None
    ) -> tuple[list[Candidate], list[Candidate]]:
        """The gazetteer and knowledge-base mentions, and apart from them (`held`) the hits
        inside a nickname, back if no person precedes it."""
        cands: list[Candidate] = []
        held: list[Candidate] = []
        i = 0
        while i < t.n:
            hit = t.gaz.get(i)
            cand = self.gazetteer.candidate(t, i, hit, date) if hit is not None else None
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
