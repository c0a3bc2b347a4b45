"""Nicknames after "alias" and products after a brand: words that look like countries, places
or organisations but name neither ("M Hendra alias Indra Jepang", "Esemka Bima")."""

from __future__ import annotations

from kabar.entities.knowledge import Actor, Knowledge
from kabar.entities.people import PersonRules
from kabar.entities.text import Candidate, EntityText, ModelSpan

MAX_PRODUCT_WORDS = 3
CUE_SEPARATORS = frozenset({",", "("})


class AliasRules:
    def __init__(self, kb: Knowledge, people: PersonRules):
        self.kb = kb
        self.people = people

    def nickname_runs(self, t: EntityText) -> tuple[list[Candidate], set[int]]:
        """Nicknames: the capitalised run after "alias" is a person's other name, whatever words
        it holds. Returns the candidates and every token of the runs."""
        out: list[Candidate] = []
        tokens: set[int] = set()
        cues = self.kb.words.alias_cues
        if cues.isdisjoint(t.folded):
            return out, tokens
        for i in range(t.n - 1):
            if not (t.is_word[i] and t.folded[i] in cues and not t.cap[i]):
                continue
            k = i + 1
            if t.words[k] == ":" and k + 1 < t.n:
                k += 1
            j = self.people.name_run(t, k, set(), {})
            if j <= k or any(
                x in t.gaz and isinstance(t.gaz[x].entries[0].value, Actor) for x in range(k, j)
            ):
                continue  # "alias Jokowi": the knowledge base knows the person
            tokens.update(range(k, j))
            if self.people.name_kind(t, k, j, "alias") is not None:
                out.append(Candidate(k, j, "PER", "rule", name=t.span(k, j), name_i=k, alias_cue=i))
        return out, tokens

    def link(
        self, t: EntityText, cands: list[Candidate], held: list[Candidate], spans: list[ModelSpan]
    ) -> list[Candidate]:
        """Tie each nickname to the person named right before "alias"; without one the words
        after "alias" are no nickname ("BUMN alias Himbara") and the gazetteer hits come back,
        unless the statistical model takes them for a person."""
        model_per = [(s.i, s.j) for s in spans if s.label == "PER"]
        out = []
        for c in cands:
            if c.alias_cue < 0:
                out.append(c)
                continue
            cue = c.alias_cue
            end = cue - 1 if cue > 0 and t.words[cue - 1] in CUE_SEPARATORS else cue
            c.alias_of = next((p for p in cands if p.label == "PER" and p.j == end and p.alias_cue < 0), None)
            if c.alias_of is not None:
                out.append(c)
            elif any(a <= c.i and c.j <= b for a, b in model_per):
                c.alias_cue = -1
                out.append(c)
            else:
                out.extend(h for h in held if c.i <= h.i and h.j <= c.j)
        out.sort(key=lambda c: c.i)
        return out

    def product_tokens(self, t: EntityText) -> set[int]:
        """The model words after a brand ("Esemka Bima", "Vespa GTS 300", "Honda SENSING"): up
        to three words, and never a country or region ("Vivo Indonesia Edy Kusuma"); a city's
        name may be the model's ("Esemka Bima")."""
        out: set[int] = set()
        brands = self.kb.words.brands
        if brands.isdisjoint(t.folded):
            return out
        for b in range(t.n - 1):
            if not (t.is_word[b] and t.cap[b] and t.folded[b] in brands):
                continue
            k = b + 1
            while (
                k < t.n
                and k - b <= MAX_PRODUCT_WORDS
                and t.is_word[k]
                and (t.cap[k] or t.words[k][:1].isdigit())
                and (k not in t.gaz or t.gaz[k].entries[0].kind == "city")
                and k not in t.title_tokens
            ):
                out.add(k)
                k += 1
        return out
