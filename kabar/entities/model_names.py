"""The model's ORG and LOC spans, cleaned (titles stripped, function and common words trimmed) and
kept only where they look like names: the model adds names the rules cannot see, and where it
disagrees with the gazetteers and rules, they win."""

from __future__ import annotations

from collections.abc import Collection

from kabar import geo
from kabar.entities.knowledge import Knowledge, fold, is_acronym
from kabar.entities.organisations import YEAR
from kabar.entities.text import Candidate, EntityText, ModelSpan

MAX_MODEL_WORDS = 7
MIN_LONE_ACRONYM = 3
SCORE_MARKS = frozenset({"-", "–", ":"})


def model_number(word: str) -> bool:
    """A number that goes with a model's name or a number plate (not a year)."""
    return word.isdigit() and len(word) >= 2 and not YEAR.fullmatch(word)


class ModelNames:
    def __init__(self, kb: Knowledge):
        self.kb = kb

    def candidates(self, t: EntityText, spans: list[ModelSpan], taken: Collection[int]) -> list[Candidate]:
        """Persons are taken through name runs (see people); here the other labels."""
        out: list[Candidate] = []
        for span in spans:
            if span.label == "PER":
                continue
            a, b = self._trim(t, span.i, span.j)
            if b <= a or any(x in taken for x in range(a, b)) or not self._name_like(t, a, b):
                continue
            if span.label == "ORG":
                org = self._organisation(t, a, b)
                if org is not None:
                    out.append(org)
                continue
            text = t.span(a, b)
            place = geo.geocode(text, lang=self.kb.pack)
            if place is not None:
                out.append(
                    Candidate(a, b, place.type, "model", name=text, place=place, country=place.country)
                )
            elif any(t.key(a, a + n) in self.kb.words.place_heads for n in (1, 2)):
                # "Distrik Marjayoun": an administrative unit is a political one
                admin = any(t.key(a, a + n) in self.kb.words.admin_before for n in (1, 2))
                out.append(Candidate(a, b, "GPE" if admin else "LOC", "model", name=text))
        return out

    def _trim(self, t: EntityText, a: int, b: int) -> tuple[int, int]:
        """Punctuation, function words, lower-case words and (at the start) common words off."""
        kb = self.kb
        while a < b and (
            not t.is_word[a]
            or not t.cap[a]
            or t.folded[a] in kb.words.function_words
            or (kb.is_common(t.folded[a]) and not self._starts_name(t, a) and not t.words[a].isupper())
        ):
            a += 1
        while b > a and (
            not t.is_word[b - 1]
            or t.folded[b - 1] in kb.words.function_words
            or not (t.cap[b - 1] or t.words[b - 1][:1].isdigit())
        ):
            b -= 1
        return a, b

    def _starts_name(self, t: EntityText, a: int) -> bool:
        """A role head, a place head or a title starts here: part of the name, not a stray word."""
        kb = self.kb
        if t.lookup(kb.roles, kb.role_max, a) is not None:
            return True
        return any(t.key(a, a + n) in kb.words.place_heads for n in (1, 2))

    def _name_like(self, t: EntityText, a: int, b: int) -> bool:
        kb = self.kb
        text = t.span(a, b)
        words = [x for x in range(a, b) if t.is_word[x]]
        if "\n" in text or len(words) > MAX_MODEL_WORDS or fold(text) in kb.words.outlets:
            return False
        if any(x in t.title_tokens for x in range(a, b)):
            return False
        if any(any(ch.isdigit() for ch in t.words[x]) for x in words):
            return False  # product names, dates, scores
        if len(words) > 1 and all(t.words[x].isupper() for x in words):
            return False  # a headline or a shouted phrase
        if all(kb.is_common(t.folded[x]) or t.folded[x] in kb.words.function_words for x in words):
            return False
        if len(words) == 1:
            w = t.words[a]
            if (
                not (is_acronym(w) and len(w) >= MIN_LONE_ACRONYM)
                or kb.is_common(t.folded[a])
                or w in kb.words.not_acronyms
                or t.prev_word(a) in kb.words.law_words  # "RUU PKS": the bill's short name
            ):
                return False  # a lone word: only an acronym ("KGB") is trusted
            if t.initial[a] and not is_acronym(w):
                return False
        return True

    def _organisation(self, t: EntityText, a: int, b: int) -> Candidate | None:
        kb = self.kb
        words = [x for x in range(a, b) if t.is_word[x]]
        marked = any(
            t.folded[x] in kb.words.org_words or t.folded[x] in kb.words.company_forms for x in words
        )
        if self._product(t, a, b, words) and not marked:
            return None  # "Vespa GTS", "Honda SENSING Experience Zone": products, not organisations
        acronyms = [x for x in words if is_acronym(t.words[x]) and t.words[x] not in kb.words.not_acronyms]
        if len(words) > 1:
            marked = marked or any(t.lookup(kb.roles, kb.role_max, x) is not None for x in words)
            if not marked and not acronyms:
                return None  # "Honda Jazz", "Dream High": products and titles, not organisations
            if acronyms and not marked and acronyms[0] == words[0] and len(words) >= 3:
                b = acronyms[0] + 1  # "KONI Lina Nurhasanah": the organisation is the acronym
            elif acronyms and not marked and acronyms[-1] == words[-1] and words[0] not in acronyms:
                a = acronyms[-1]  # "Jimin BTS": the organisation is the acronym
        return Candidate(a, b, "ORG", "model", name=t.span(a, b))

    def _product(self, t: EntityText, a: int, b: int, words: list[int]) -> bool:
        """A product's name: a brand and more words, the words after a brand, or (one word) an
        acronym next to a number ("812 GTS", "GTS 300", "BK 1875 ZC"; not a year, a score
        "0-0 PSM" or "SMKN 1")."""
        if (t.folded[a] in self.kb.words.brands and len(words) > 1) or any(
            x in t.product_tokens for x in words
        ):
            return True
        if len(words) != 1:
            return False
        before = a > 0 and model_number(t.words[a - 1]) and not (a > 1 and t.words[a - 2] in SCORE_MARKS)
        return before or (b < t.n and model_number(t.words[b]))
