"""The pack's entity knowledge (gazetteers, titles, role words, known actors), indexed for
lookups by sequences of folded words."""

from __future__ import annotations

import functools
import re
from collections.abc import Collection, Hashable, Sequence
from dataclasses import dataclass, field

from kabar import geo
from kabar.entities.grammar import EntityGrammar
from kabar.entities.sections import (
    ActorPeriod,
    EntityCues,
    load_actors,
    load_cues,
    place_rows,
    role_rows,
    title_rows,
)
from kabar.lang import LanguagePack
from kabar.textview import DEFAULT_FOLD

WordKey = tuple[str, ...]


_FOLD = str.maketrans(DEFAULT_FOLD)


def fold(word: str) -> str:
    """The form words are compared in: lower case, typographic quotes and dashes plain (as
    `Token.norm` in the text view)."""
    return word.lower().translate(_FOLD)


@functools.lru_cache(maxsize=1 << 14)
def is_acronym(s: str) -> bool:
    if len(s) > 8:
        return False
    letters = [c for c in s if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def abbreviates(short: str, words: list[str], skippable: Collection[str] = ()) -> bool:
    """Is `short` a short form of the (folded) words, each giving letters from its start in
    order ("ditjen": "direktorat jenderal", "komnas": "komisi nasional", "kemendagri":
    "kementerian dalam negeri")? Words in `skippable` ("dan") may give none."""
    if not words:
        return not short
    w, rest = words[0], words[1:]
    if w in skippable and abbreviates(short, rest, skippable):
        return True
    if not short or short[0] != w[0]:
        return False
    for n in range(1, len(short) + 1):
        if subsequence(short[1:n], w[1:]) and abbreviates(short[n:], rest, skippable):
            return True
    return False


def subsequence(short: Sequence[Hashable], long: Sequence[Hashable]) -> bool:
    """Do the items of `short` stand in `long` in the same order (letters of a word, words of a name)?"""
    it = iter(long)
    return all(any(s == x for x in it) for s in short)


@dataclass(frozen=True)
class Title:
    surface: str
    role: str | None
    canonical: str
    country: str | None
    kind: str  # rank, office, honorific


@dataclass(frozen=True)
class RoleWord:
    surface: str
    role: str | None
    head: bool
    proper: bool  # an organisation it starts has a proper name of its own
    country: str | None
    descriptor: bool = False  # a common noun: names an organisation only with a proper word after it


@dataclass
class Actor:
    name: str
    type: str
    country: str | None
    code: str | None
    title: str | None
    periods: list[ActorPeriod] = field(default_factory=list)

    def at(self, date: str | None) -> tuple[str | None, str | None]:
        """(code, title) valid on `date` (ISO date), by the periods list."""
        if not self.periods:
            return self.code, self.title
        chosen = self.periods[-1]
        if date:
            chosen = next((p for p in self.periods if not p.until or p.until >= date), chosen)
        given = chosen.model_fields_set
        return (
            chosen.code if "code" in given else self.code,
            chosen.title if "title" in given else self.title,
        )


@dataclass(frozen=True)
class GazEntry:
    kind: str  # country, capital, demonym, place, city, region, actor
    value: Actor | geo.CountryName | geo.City | geo.Place | str  # str: a places.tsv name
    exact: str | None  # surface that must match exactly (abbreviations), else None


class Words:
    """Folded word sets of the cues file, for membership tests."""

    def __init__(self, cues: EntityCues, key: KeyFunction):
        self.locative = {fold(w) for w in cues.locative_before}
        self.motion = {fold(w) for w in cues.motion_before_from}
        self.speech_before = {fold(w) for w in cues.speech_before}
        # a form of a speech verb with more to it ("ujarnya" beside "ujar") is never a name word
        self.speech_forms = {
            w for w in self.speech_before if any(w != v and w.startswith(v) for v in self.speech_before)
        }
        self.speech_after = {fold(w) for w in cues.speech_after}
        self.particles = {fold(w) for w in cues.name_particles}
        self.connectors = {fold(w) for w in cues.org_connectors}
        self.language_before = {fold(w) for w in cues.language_before}
        self.function_words = {fold(w) for w in cues.function_words}
        self.outlets = {fold(w) for w in cues.outlets}
        self.company_forms = {fold(w) for w in cues.company_forms}
        self.name_words = {fold(w) for w in cues.name_words}
        self.place_heads = {key(w) for w in cues.place_heads}
        self.org_words = {fold(w) for w in cues.org_words}
        self.not_acronyms = set(cues.not_acronyms)
        self.office_units = {fold(w) for w in cues.office_units}
        self.offices_of_any_body = {key(w) for w in cues.offices_of_any_body}
        self.bodies_of_any_institution = {key(w) for w in cues.bodies_of_any_institution}
        self.missions_abroad = {key(w) for w in cues.missions_abroad}
        self.alias_cues = {fold(w) for w in cues.alias_cues}
        self.relation_titles = {key(w) for w in cues.relation_titles}
        self.posting = {fold(w) for w in cues.posting_before}
        self.member_of = {fold(w) for w in cues.member_of_before}
        self.document_nouns = {fold(w) for w in cues.document_nouns}
        self.audience_nouns = {key(w) for w in cues.audience_nouns}
        self.audience_before = {fold(w) for w in cues.audience_before}
        self.brands = {fold(w) for w in cues.brands}
        self.seat_actors = {key(k): v for k, v in cues.seat_actors.items()}
        self.not_place_compounds = {key(w) for w in cues.not_place_compounds}
        self.admin_before = {key(w) for w in cues.admin_before}
        self.city_not = {fold(w) for w in cues.city_not}
        self.former_office = {fold(w) for w in cues.former_office}
        self.retired_rank = {fold(w) for w in cues.retired_rank}
        self.member_verbs = {fold(w) for w in cues.member_verbs}
        self.late_office = {fold(w) for w in cues.late_office}
        self.candidate_office = {fold(w) for w in cues.candidate_office}
        self.ordinal_office = {fold(w) for w in cues.ordinal_office}
        self.ordinal_prefixes = {fold(w) for w in cues.ordinal_prefixes}
        self.law_words = {fold(w) for w in cues.law_words}
        self.initial_cues = {fold(w) for w in cues.initial_cues}


class KeyFunction:
    """The word key of a pack string: its tokens (the pack's own token pattern), folded."""

    def __init__(self, pattern: re.Pattern[str]):
        self.pattern = pattern

    def __call__(self, text: str) -> WordKey:
        return tuple(fold(m.group()) for m in self.pattern.finditer(text))

    def words(self, text: str) -> list[str]:
        return [m.group() for m in self.pattern.finditer(text)]


class Knowledge:
    """All the language pack's entity knowledge, indexed for token-sequence lookups."""

    def __init__(self, pack: LanguagePack):
        self.pack = pack
        self.grammar: EntityGrammar = pack.grammar("entities")
        self.key = KeyFunction(pack.grammar("text").token_pattern)
        self.cues = load_cues(pack)
        self.words = Words(self.cues, self.key)
        self.time_words = {fold(w) for w in [*pack.info.months, *pack.info.weekdays]}
        self.titles: dict[WordKey, Title] = {}
        # fuzzy title matching: first word -> [(length, the other words, Title)]
        self.title_fuzzy: dict[str, list[tuple[int, str, Title]]] = {}
        self._read_titles()
        self.roles: dict[WordKey, RoleWord] = {}
        # keywords that are also common lower-case nouns ("pemerintah"): not a name at a sentence start
        self.lowercase_role_words: set[WordKey] = set()
        self._read_roles()
        self.actors: list[Actor] = []
        self.gaz: dict[WordKey, list[GazEntry]] = {}
        self._read_gazetteers()
        self.title_max = max((len(k) for k in self.titles), default=1)
        self.role_max = max((len(k) for k in self.roles), default=1)
        self.gaz_max = max((len(k) for k in self.gaz), default=1)
        self.title_words = {w for k in self.titles for w in k}
        # words of a full name that never stand for the person alone
        self.not_name_parts = self.words.particles | self.words.function_words | self.title_words
        self.gaz_first = {k[0] for k in self.gaz}
        self.title_first = {k[0] for k in self.titles}
        self.role_first = {k[0] for k in self.roles}
        self.title_prefixes = self._title_prefixes()
        self.title_prefix_max = max((len(k) for k in self.title_prefixes), default=0)

    def is_common(self, folded: str) -> bool:
        """A dictionary word (or a derived form of one), hence unlikely to be a name; the
        pack's given names ("Budi") are not."""
        return folded not in self.words.name_words and self.grammar.is_common(folded)

    def is_office_word(self, folded: str) -> bool:
        """A common word or the short name of an office's unit ("Reskrim", "Lapas"): words that
        complete a title ("Kasat Reskrim") and never make a person's name."""
        return folded in self.words.office_units or self.is_common(folded)

    def is_dictionary_word(self, folded: str) -> bool:
        return self.grammar.is_dictionary_word(folded)

    def actor_named(self, name: str) -> Actor | None:
        return next((e.value for e in self.gaz.get(self.key(name), []) if isinstance(e.value, Actor)), None)

    def _read_titles(self) -> None:
        for row in title_rows(self.pack):
            title = Title(row.title, row.role, row.canonical or row.title, row.country, row.kind)
            key = self.key(title.surface)
            self.titles[key] = title
            if len(key) >= 2 and all(k.isalpha() for k in key):
                self.title_fuzzy.setdefault(key[0], []).append((len(key), " ".join(key[1:]), title))

    def _read_roles(self) -> None:
        for row in role_rows(self.pack):
            surface = row.keyword
            head = row.head == "yes"
            entry = RoleWord(
                surface, row.role, head, row.naming == "proper", row.country, row.naming == "descriptor"
            )
            key = self.key(surface)
            # a capitalised head and a lower-case keyword share the folded key: keep both facts
            old = self.roles.get(key)
            if old is not None and old.head and not head:
                self.roles[key] = RoleWord(
                    old.surface, old.role, True, old.proper, old.country, old.descriptor
                )
                self.lowercase_role_words.add(key)
                continue
            if (not head and surface[:1].islower()) or (old is not None and not old.head and head):
                self.lowercase_role_words.add(key)
            self.roles[key] = entry

    def _read_gazetteers(self) -> None:
        for item in load_actors(self.pack).actors:
            actor = Actor(item.name, item.type, item.country, item.code, item.title, list(item.periods))
            self.actors.append(actor)
            for alias in {actor.name, *item.aliases}:
                self._add(alias, GazEntry("actor", actor, alias if is_acronym(alias) else None))
        for name, country in geo.country_names(self.pack).items():
            kind = {"name": "country", "abbr": "country"}.get(country.kind, country.kind)
            exact = name if country.kind == "abbr" or is_acronym(name) else None
            self._add(name, GazEntry(kind, country, exact))
        for row in place_rows(self.pack):
            self._add(row.name, GazEntry("place", row.name, row.name if is_acronym(row.name) else None))
        self._read_cities()
        for state in geo.us_states():
            if self.key(state) not in self.gaz:
                self._add(state, GazEntry("region", geo.Place(state, "USA", None, None, "GPE"), None))

    def _read_cities(self) -> None:
        """Large GeoNames cities (smaller ones in the pack's home country): places, never actors."""
        cues = self.cues
        home = self.pack.info.home_country
        home_min = cues.home_city_min_population or cues.city_min_population
        for place in geo.big_cities(min(cues.city_min_population, home_min)):
            name = fold(place.name)
            if name in self.words.city_not or name in self.words.function_words:
                continue
            big_enough = place.population >= cues.city_min_population or (
                home and place.country == home and place.population >= home_min
            )
            if big_enough and not place.name.isupper():
                self._add(place.name, GazEntry("city", place, None))

    def _title_prefixes(self) -> dict[WordKey, Title]:
        """The first words of longer office titles: "Menteri Pendayagunaan Aparatur" is the office
        "Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi" cut short, not a name
        (only where the words after the first start no organisation, place or other title)."""
        prefixes: dict[WordKey, Title] = {}
        starts = self.role_first | self.gaz_first | self.title_first
        for key, title in sorted(self.titles.items(), key=lambda kv: len(kv[0])):
            if title.kind != "office" or len(key) < 3:
                continue
            for n in range(2, len(key)):
                words = key[1:n]
                if key[:n] in self.titles or not all(w.isalpha() for w in words):
                    continue
                if any(w in starts for w in words):
                    break
                prefixes.setdefault(key[:n], title)
        return prefixes

    def _add(self, surface: str, entry: GazEntry) -> None:
        key = self.key(surface)
        if not key:
            return
        entries = self.gaz.setdefault(key, [])
        # the knowledge base outranks country and place lists for the same words
        if entry.kind == "actor":
            entries.insert(0, entry)
        else:
            entries.append(entry)
