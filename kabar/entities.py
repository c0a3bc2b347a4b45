"""Stage `entities`: people, organisations, countries and places, unified and CAMEO-coded.

Recognition combines three sources, in order of trust:

1. **Gazetteers and the knowledge base** (language pack data): country names, abbreviations and
   capitals (`countries.tsv`), regions, seas, provinces and exonyms (`places.tsv`), large GeoNames
   cities, and well-known actors with their aliases (`actors.yaml`).
2. **Rules**: organisation names that start with a head word (`roles.tsv`: "Angkatan Bersenjata",
   "Kementerian", "Institut" ...); person names after a rank or office (`titles.tsv`, typos
   tolerated), in apposition with a role phrase ("Menteri Pertahanan Rusia, Sergei Shoigu";
   "Vladimir Evseev, Direktur Eksekutif ..."), or after a speech verb ("kata Vladimir Evseev").
3. **The statistical NER model** (`kabar/lang/<code>/models/ner`, labels PER/ORG/LOC) when the
   pack ships one: it adds names the rules cannot see. Its spans are cleaned (titles stripped,
   function words trimmed) and filtered for junk; where it disagrees with 1 or 2, they win.

Mentions are then grouped into one entity per referent (surnames join full names, acronyms join
their expansion, capitals used as actors join their country) and each entity gets a country
(ISO3) and a CAMEO actor code from the article's own role phrases, falling back to the KB.

Capitals have two senses. After a locative word ("di Moskow", "ke Tehran") or in a dateline the
capital is the place: a GPE entity for the city (actor code null, with coordinates). Elsewhere
("kerja sama Tehran dan Moskow", "kebijakan Washington") it stands for the state and is a mention
of the country. Seats of government (Kremlin, Gedung Putih) are organisations coded XXXGOV.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
from rapidfuzz import fuzz
from spacy.attrs import IDX, ORTH, SPACY
from spacy.tokens import Doc

from kabar import geo
from kabar.document import Document, MentionRef
from kabar.lang import LanguagePack
from kabar.model import Entity, Mention
from kabar.registry import register_stage

_TOKEN = re.compile(r"\w+(?:['’]\w+)*(?:\.\w+)*|[^\w\s]", re.UNICODE)
_ROLE_CODES = {
    "GOV",
    "MIL",
    "LEG",
    "JUD",
    "COP",
    "SPY",
    "OPP",
    "REB",
    "SEP",
    "INS",
    "UAF",
    "PTY",
    "NGO",
    "EDU",
    "BUS",
    "MED",
    "HLH",
    "REL",
    "CVL",
    "REF",
    "LAB",
    "AGR",
    "ENV",
    "HRI",
    "DEV",
    "ELI",
    "CRM",
    "IGO",
}
_MAX_NAME_TOKENS = 6
_YEAR = re.compile(r"(1[89]|20)\d\d")
_FUZZY_TITLE_CUTOFF = 88.0
_MODEL_MARGIN = 3  # words of context around what the NER model must read
_NER_BATCH = 64  # pieces of text per spaCy batch
# words read either side of each word the NER model is needed for: with 8 its output matched the
# whole-text run on 1,797 of 1,798 corpus articles (bench/results/entities.md), at 55-80% of the cost
_MODEL_CONTEXT = 8


def tokenize(text: str) -> list[tuple[int, int, str]]:
    """Word and punctuation tokens as (start, end, text); hyphens and full stops are tokens."""
    return [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text)]


def _fold(s: str) -> str:
    return s.casefold().replace("’", "'")


def _key(text: str) -> tuple[str, ...]:
    return tuple(_fold(t[2]) for t in tokenize(text))


# ----------------------------------------------------------------------------- knowledge


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
    proper: bool  # naming == proper
    country: str | None
    descriptor: bool = False  # a common noun: names an organisation only with a proper word after it


@dataclass
class Actor:
    name: str
    type: str
    country: str | None
    code: str | None
    title: str | None
    periods: list[dict[str, Any]] = field(default_factory=list)

    def at(self, date: str | None) -> tuple[str | None, str | None]:
        """(code, title) valid on `date` (ISO date), by the periods list."""
        if not self.periods:
            return self.code, self.title
        chosen = self.periods[-1]
        if date:
            for period in self.periods:
                until = str(period.get("until") or "")
                if not until or until >= date:
                    chosen = period
                    break
        return chosen.get("code", self.code), chosen.get("title", self.title)


@dataclass(frozen=True)
class GazEntry:
    kind: str  # country, capital, demonym, place, city, actor
    value: Any
    exact: str | None  # surface that must match exactly (abbreviations), else None


class Knowledge:
    """All the language pack's entity knowledge, indexed for token-sequence lookups."""

    def __init__(self, pack: LanguagePack):
        self.pack = pack
        cues = pack.yaml("entities.yaml") if pack.has("entities.yaml") else {}
        self.locative = {_fold(w) for w in cues.get("locative_before", [])}
        self.motion = {_fold(w) for w in cues.get("motion_before_dari", [])}
        self.speech_before = {_fold(w) for w in cues.get("speech_before", [])}
        self.speech_after = {_fold(w) for w in cues.get("speech_after", [])}
        self.particles = {_fold(w) for w in cues.get("name_particles", [])}
        self.connectors = {_fold(w) for w in cues.get("org_connectors", [])}
        self.language_before = {_fold(w) for w in cues.get("language_before", [])}
        self.function_words = {_fold(str(w)) for w in cues.get("function_words", [])}
        self.outlets = {_fold(str(w)) for w in cues.get("outlets", [])}
        self.company_forms = {_fold(str(w)) for w in cues.get("company_forms", [])}
        self.name_words = {_fold(str(w)) for w in cues.get("name_words", [])}
        self.place_heads = {_key(str(w)) for w in cues.get("place_heads", [])}
        self.org_words = {_fold(str(w)) for w in cues.get("org_words", [])}
        self.not_acronyms = {str(w) for w in cues.get("not_acronyms", [])}
        self.office_units = {_fold(str(w)) for w in cues.get("office_units", [])}
        self.alias_cues = {_fold(str(w)) for w in cues.get("alias_cues", [])}
        self.brands = {_fold(str(w)) for w in cues.get("brands", [])}
        self.seat_actors = {_key(str(k)): str(v) for k, v in (cues.get("seat_actors") or {}).items()}
        self.not_place_compounds = {_key(str(w)) for w in cues.get("not_place_compounds", [])}
        self.time_words = {_fold(str(w)) for w in (pack.get("months") or {})}
        self.time_words |= {_fold(str(w)) for w in (pack.get("weekdays") or {})}

        # titles: key -> Title; fuzzy: first word -> [(n, tail, Title)]
        self.titles: dict[tuple[str, ...], Title] = {}
        self.title_fuzzy: dict[str, list[tuple[int, str, Title]]] = {}
        for row in pack.tsv("titles.tsv") if pack.has("titles.tsv") else []:
            t = Title(
                row["title"],
                row.get("role") or None,
                row.get("canonical") or row["title"],
                row.get("country") or None,
                row.get("kind") or "office",
            )
            key = _key(t.surface)
            self.titles[key] = t
            if len(key) >= 2 and all(k.isalpha() for k in key):
                self.title_fuzzy.setdefault(key[0], []).append((len(key), " ".join(key[1:]), t))
        self.title_max = max((len(k) for k in self.titles), default=1)

        self.roles: dict[tuple[str, ...], RoleWord] = {}
        # keywords that are also common lower-case nouns ("pemerintah"): not a name at a sentence start
        self.lowercase_role_words: set[tuple[str, ...]] = set()
        for row in pack.tsv("roles.tsv") if pack.has("roles.tsv") else []:
            surface = row["keyword"]
            entry = RoleWord(
                surface,
                row.get("role") or None,
                row.get("head") == "yes",
                row.get("naming") == "proper",
                row.get("country") or None,
                row.get("naming") == "descriptor",
            )
            key = _key(surface)
            # a capitalised head and a lower-case keyword share the folded key: keep both facts
            old = self.roles.get(key)
            if old is not None and old.head and not entry.head:
                self.roles[key] = RoleWord(
                    old.surface, old.role, True, old.proper, old.country, old.descriptor
                )
                self.lowercase_role_words.add(key)
                continue
            if not entry.head and surface[:1].islower():
                self.lowercase_role_words.add(key)
            if old is not None and not old.head and entry.head:
                self.lowercase_role_words.add(key)
            self.roles[key] = entry
        self.role_max = max((len(k) for k in self.roles), default=1)

        self.actors: list[Actor] = []
        self.gaz: dict[tuple[str, ...], list[GazEntry]] = {}
        for item in pack.yaml("actors.yaml") if pack.has("actors.yaml") else []:
            actor = Actor(
                item["name"],
                item.get("type", "ORG"),
                item.get("country"),
                item.get("code"),
                item.get("title"),
                list(item.get("periods") or []),
            )
            self.actors.append(actor)
            for alias in {actor.name, *(item.get("aliases") or [])}:
                self._add(alias, GazEntry("actor", actor, alias if _is_acronym(alias) else None))
        for name, cn in geo.country_names(pack.code).items():
            kind = {"name": "country", "abbr": "country"}.get(cn.kind, cn.kind)
            self._add(name, GazEntry(kind, cn, name if cn.kind == "abbr" or _is_acronym(name) else None))
        for row in pack.tsv("places.tsv") if pack.has("places.tsv") else []:
            name = row["name"]
            self._add(name, GazEntry("place", name, name if _is_acronym(name) else None))
        # large cities (GeoNames): places, never actors
        city_not = {_fold(str(w)) for w in cues.get("city_not", [])}
        self.city_min = int(cues.get("city_min_population", 1_000_000))
        home = cues.get("home_country")
        home_min = int(cues.get("home_city_min_population", self.city_min))
        for place in geo.big_cities(min(self.city_min, home_min)):
            if _fold(place.name) in city_not or _fold(place.name) in self.function_words:
                continue
            pop_ok = place.population >= self.city_min or (
                home and place.country == home and place.population >= home_min
            )
            if pop_ok and not place.name.isupper():
                self._add(place.name, GazEntry("city", place, None))
        for state in geo.us_states():
            if _key(state) not in self.gaz:
                self._add(state, GazEntry("region", geo.Place(state, "USA", None, None, "GPE"), None))
        self.admin_before = {_key(str(w)) for w in cues.get("admin_before", [])}
        self.gaz_max = max((len(k) for k in self.gaz), default=1)
        self.title_words = {w for k in self.titles for w in k}
        # words of a full name that never stand for the person alone
        self.not_name_parts = self.particles | self.function_words | self.title_words
        self.lexicon = _lexicon()
        self.gaz_first = {k[0] for k in self.gaz}
        self.title_first = {k[0] for k in self.titles}
        self.role_first = {k[0] for k in self.roles}
        # the first words of longer office titles: "Menteri Pendayagunaan Aparatur" is the office
        # "Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi" cut short, not a name
        # (only where the words after the first start no organisation, place or other title)
        self.title_prefixes: dict[tuple[str, ...], Title] = {}
        for key, title in sorted(self.titles.items(), key=lambda kv: len(kv[0])):
            if title.kind != "office" or len(key) < 3:
                continue
            for n in range(2, len(key)):
                words = key[1:n]
                if key[:n] in self.titles or not all(w.isalpha() for w in words):
                    continue
                if any(w in self.role_first or w in self.gaz_first or w in self.title_first for w in words):
                    break
                self.title_prefixes.setdefault(key[:n], title)
        self.title_prefix_max = max((len(k) for k in self.title_prefixes), default=0)

    def _add(self, surface: str, entry: GazEntry) -> None:
        key = _key(surface)
        if not key:
            return
        entries = self.gaz.setdefault(key, [])
        # the knowledge base outranks country and place lists for the same words
        if entry.kind == "actor":
            entries.insert(0, entry)
        else:
            entries.append(entry)


def _lexicon() -> frozenset[str]:
    """Indonesian root words (the Sastrawi stemmer's dictionary), to tell common nouns from names."""
    try:
        import Sastrawi

        path = Path(Sastrawi.__file__).parent / "Stemmer" / "data" / "kata-dasar.txt"
        return frozenset(path.read_text(encoding="utf-8").split())
    except (ImportError, OSError):  # pragma: no cover - PySastrawi is a dependency
        return frozenset()


_SUFFIXES = ("nya", "kan", "an", "i", "lah", "kah")
_PREFIXES = (
    "memper",
    "meng",
    "meny",
    "mem",
    "men",
    "me",
    "peng",
    "peny",
    "pem",
    "pen",
    "per",
    "pe",
    "ber",
    "be",
    "ter",
    "te",
    "di",
    "ke",
    "se",
)


def _roots(word: str) -> list[str]:
    """Candidate root words of an Indonesian word by stripping common affixes (cheap, over-generating)."""
    out = []
    stems = [word] + [word[: -len(s)] for s in _SUFFIXES if word.endswith(s) and len(word) - len(s) >= 3]
    for stem in stems:
        out.append(stem)
        for p in _PREFIXES:
            if stem.startswith(p) and len(stem) - len(p) >= 3:
                rest = stem[len(p) :]
                out.append(rest)
                if p in {"meny", "peny"}:
                    out.append("s" + rest)  # menyerang -> serang
                elif p in {"mem", "pem"}:
                    out.append("p" + rest)  # memukul -> pukul
                elif p in {"men", "pen"}:
                    out.append("t" + rest)  # menulis -> tulis
                elif p in {"meng", "peng"}:
                    out.append("k" + rest)  # mengirim -> kirim
    return out


@functools.lru_cache(maxsize=50000)
def _is_common_cached(folded: str, lexicon_id: int) -> bool:
    lex = _LEXICONS[lexicon_id]
    return any(r in lex for r in _roots(folded) if len(r) >= 4 or r == folded) or _confixed(folded, lex)


_LEXICONS: dict[int, frozenset[str]] = {}

# confixes that make abstract nouns (pe-...-an, ke-...-an): "pendayagunaan", "ketenagalistrikan"
_CONFIX_PREFIXES = ("pember", "penge", "peng", "peny", "pem", "pen", "per", "pe", "keber", "ke")


def _confixed(word: str, lex: frozenset[str]) -> bool:
    """An abstract noun built with a confix on a dictionary word, a derived word or a compound of
    two dictionary words ("pemberdayaan", "pengetahuan", "pendayagunaan", "ketenagakerjaan").
    Personal names are not formed this way."""
    if not word.endswith("an") or len(word) < 9:
        return False
    for p in _CONFIX_PREFIXES:
        if not word.startswith(p):
            continue
        stem = word[len(p) : -2]
        stems = [stem]
        if p in {"peny"}:
            stems.append("s" + stem)
        elif p in {"pem"}:
            stems.append("p" + stem)
        elif p in {"pen"}:
            stems.append("t" + stem)
        elif p in {"peng"}:
            stems.append("k" + stem)
        for st in stems:
            if len(st) < 4:
                continue
            if any(r in lex for r in _roots(st) if len(r) >= 4):
                return True
            if any(st[:k] in lex and st[k:] in lex for k in range(4, len(st) - 3)):
                return True  # a compound: "dayaguna", "tenagalistrik"
    return False


def _is_common(folded: str, lexicon: frozenset[str], name_words: set[str]) -> bool:
    if folded in name_words:
        return False
    _LEXICONS.setdefault(id(lexicon), lexicon)
    return _is_common_cached(folded, id(lexicon))


def _is_acronym(s: str) -> bool:
    letters = [c for c in s if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters) and len(s) <= 8


# ----------------------------------------------------------------------------- per text


@dataclass
class Cand:
    i: int  # first token
    j: int  # token after the last
    label: str  # PER ORG GPE LOC
    source: str  # kb, gaz, rule, model
    name: str = ""  # entity name as written (title stripped)
    title: Title | None = None
    title_surface: str | None = None
    role_phrase: str | None = None
    role: str | None = None  # CAMEO role from the article
    country: str | None = None  # ISO3 from the article
    actor: Actor | None = None
    place: geo.Place | None = None
    iso3: str | None = None  # for country mentions
    name_i: int = -1  # first token of the bare name (PER)
    proper: bool = False  # ORG with a proper name of its own
    org_code: str | None = None  # code of an international body named in the role phrase
    weak: bool = False  # a one-word person only the statistical model vouches for
    alias_cue: int = -1  # PER named after "alias": the cue's token
    alias_of: Cand | None = None  # ... and the person named before the cue

    @property
    def rank(self) -> int:
        return 0 if self.source == "model" else 1


class _Text:
    """One text (the body or a caption) under analysis."""

    def __init__(self, kb: Knowledge, text: str, sentence_starts: Iterable[int]):
        self.kb = kb
        self.text = text
        self.cache: dict[int, Any] = {}
        self.scanned = False
        self.gaz: dict[int, tuple[int, list[GazEntry]]] = {}
        self.titles: dict[int, tuple[int, Title, str]] = {}
        self.heads: dict[int, tuple[int, RoleWord]] = {}
        self.title_tokens: set[int] = set()
        self.product_tokens: set[int] = set()
        toks = tokenize(text)
        self.starts = [t[0] for t in toks]
        self.ends = [t[1] for t in toks]
        self.words = [t[2] for t in toks]
        self.folded = [_fold(w) for w in self.words]
        self.n = len(toks)
        self.is_word = [w[:1].isalnum() for w in self.words]
        self.cap = [w[:1].isupper() for w in self.words]
        # sentence-initial word tokens
        starts = set(sentence_starts) | {0}
        starts |= {m.end() for m in re.finditer(r"\n\s*", text)}
        self.initial = [False] * self.n
        pending = False
        for k in range(self.n):
            if self.starts[k] in starts or (k > 0 and self.words[k - 1] in {".", "!", "?"}):
                pending = True
            if pending and self.is_word[k]:
                self.initial[k] = True
                pending = False
        self._sentence_starts: list[int] | None = None

    def sentence_of(self, k: int) -> int:
        """Index of the sentence holding token k."""
        if self._sentence_starts is None:
            self._sentence_starts = [x for x in range(self.n) if self.initial[x]]
        return bisect.bisect_right(self._sentence_starts, k)

    def span(self, i: int, j: int) -> str:
        return self.text[self.starts[i] : self.ends[j - 1]]

    def prev_word(self, i: int, skip: int = 0) -> str | None:
        k = i - 1
        while k >= 0:
            if self.is_word[k]:
                if skip == 0:
                    return self.folded[k]
                skip -= 1
            elif self.words[k] not in {"-", "'"}:
                return None
            k -= 1
        return None


def _lookup(table: dict, maxlen: int, t: _Text, i: int) -> tuple[int, Any] | None:
    for n in range(min(maxlen, t.n - i), 0, -1):
        hit = table.get(tuple(t.folded[i : i + n]))
        if hit is not None:
            return i + n, hit
    return None


class Recognizer:
    def __init__(self, kb: Knowledge):
        self.kb = kb

    def common_word(self, folded: str) -> bool:
        """An Indonesian dictionary word (or a derived form of one), hence unlikely to be a name."""
        return _is_common(folded, self.kb.lexicon, self.kb.name_words)

    def office_word(self, folded: str) -> bool:
        """A dictionary word or the short name of an office's unit ("Reskrim", "Lapas"): words
        that complete a title ("Kasat Reskrim") and never make a person's name."""
        return folded in self.kb.office_units or self.common_word(folded)

    # -- titles ---------------------------------------------------------------------------

    def title_at(self, t: _Text, i: int) -> tuple[int, Title, str] | None:
        """(end, Title, surface-as-known) of a title starting at token i, typos tolerated."""
        kb = self.kb
        if not t.is_word[i]:
            return None
        hit = _lookup(kb.titles, kb.title_max, t, i)
        best: tuple[int, Title, str] | None = None
        if hit is not None:
            best = (hit[0], hit[1], t.span(i, hit[0]))
        if best is None or best[0] - i == 1:
            fuzzy = kb.title_fuzzy.get(t.folded[i])
            if fuzzy:
                top = None
                for n, tail, title in fuzzy:
                    if i + n > t.n or not all(t.is_word[i + 1 : i + n]):
                        continue
                    if t.cap[i] and not all(t.cap[i + 1 : i + n]):
                        continue
                    window = " ".join(t.folded[i + 1 : i + n])
                    score = fuzz.ratio(window, tail)
                    if score >= _FUZZY_TITLE_CUTOFF and (top is None or (score, n) > (top[0], top[1])):
                        top = (score, n, title)
                if top is not None and top[1] > 1:
                    best = (i + top[1], top[2], top[2].surface)
        if kb.title_prefix_max and (best is None or best[1].kind == "office"):
            # a longer office title cut short: "Menteri Pendayagunaan Aparatur"
            low = best[0] - i + 1 if best is not None else 2
            for n in range(min(kb.title_prefix_max, t.n - i), low - 1, -1):
                prefix = kb.title_prefixes.get(tuple(t.folded[i : i + n]))
                if prefix is not None and all(t.cap[i + 1 : i + n]):
                    best = (i + n, prefix, t.span(i, i + n))
                    break
        if best is None:
            return None
        end, title, surface = best
        # "Mayjen." : the abbreviation's full stop belongs to the title
        if end < t.n and t.words[end] == "." and end - i == 1 and title.canonical != title.surface:
            end += 1
        return end, title, surface

    # -- the pass over one text -----------------------------------------------------------

    def scan(self, t: _Text) -> None:
        """The model-free lookups over a text: gazetteer hits, titles and organisation heads
        (kept on `t`; they also tell which sentences the statistical model need not read)."""
        if t.scanned:
            return
        kb = self.kb
        n = t.n
        gaz: dict[int, tuple[int, list[GazEntry]]] = {}
        titles: dict[int, tuple[int, Title, str]] = {}
        heads: dict[int, tuple[int, RoleWord]] = {}
        for i in range(n):
            if not t.is_word[i]:
                continue
            f = t.folded[i]
            if (t.cap[i] or t.words[i][:1].isdigit()) and f in kb.gaz_first:
                hit = _lookup(kb.gaz, kb.gaz_max, t, i)
                if hit is not None:
                    surface = t.span(i, hit[0])
                    entries = [e for e in hit[1] if e.exact is None or e.exact == surface]
                    if entries and (entries[0].exact is not None or self._case_ok(t, i, hit[0])):
                        gaz[i] = (hit[0], entries)
            if f in kb.title_first:
                title = self.title_at(t, i)
                if title is not None:
                    titles[i] = title
            if t.cap[i] and f in kb.role_first:
                role = _lookup(kb.roles, kb.role_max, t, i)
                if role is not None and role[1].head:
                    heads[i] = role

        # titles do not overlap: "Mayor Jenderal" hides the "Jenderal" inside it
        last_end = -1
        for i in sorted(titles):
            if i < last_end:
                del titles[i]
            else:
                last_end = titles[i][0]
        t.gaz, t.titles, t.heads = gaz, titles, heads
        t.title_tokens = {x for i, v in titles.items() for x in range(i, v[0])}
        t.scanned = True

    def candidates(self, t: _Text, model_spans: list[tuple[int, int, str]], date: str | None) -> list[Cand]:
        kb = self.kb
        n = t.n
        self.scan(t)
        gaz, titles, heads = t.gaz, t.titles, t.heads
        # only a capitalised title sticks to the name after it ("juru bicara Guterres" is
        # Guterres's spokesman, "Juru Bicara Kremlin Dmitry Peskov" is Peskov's office)
        cap_titles = {i: v for i, v in titles.items() if self._capitalised(t, i, v[0])}

        # nicknames after "alias" and product names after a brand are no countries or places
        aliases, alias_tokens = self._alias_runs(t)
        t.product_tokens = self._product_tokens(t)

        cands: list[Cand] = []
        held: list[Cand] = []  # gazetteer hits inside a nickname, back if no person precedes it
        # 1. gazetteer and knowledge base
        i = 0
        while i < n:
            if i in gaz:
                end, entries = gaz[i]
                cand = self._gaz_cand(t, i, end, entries, date)
                product = i in t.product_tokens
                if cand is not None and cand.place is not None and cand.iso3 is None and product:
                    cand = None  # "Esemka Bima": a car, not the city
                if cand is not None and i in alias_tokens:
                    held.append(cand)
                    i = cand.j
                    continue
                if cand is not None:
                    if cand.place is not None:
                        self._admin_prefix(t, cand, cands)
                    cands.append(cand)
                    i = cand.j
                    continue
            i += 1
        gaz_end = {c.i: c for c in cands}
        cands.extend(aliases)

        # 2. organisations named by a head word
        for i, (end, rw) in heads.items():
            if (
                t.initial[i]
                and tuple(t.folded[i:end]) in kb.lowercase_role_words
                and (rw.descriptor or not (end < n and t.is_word[end] and t.cap[end]))
            ):
                continue  # "Pemerintah ..." at a sentence start is the common noun
            org = self._org_cand(t, i, end, rw, gaz_end, cap_titles)
            if org is not None:
                cands.append(org)

        # 3. people: capitalised name runs with evidence
        taken = _taken(cands)
        cands.extend(self._person_cands(t, titles, cap_titles, gaz_end, taken, model_spans, cands))

        # 4. the model's other spans
        cands.extend(self._model_cands(t, model_spans, titles, _taken(cands)))
        out = _resolve(cands)
        if aliases:
            out = self._link_aliases(t, out, held, model_spans)
        return out

    def link_names(self, jobs: list[_Job]) -> None:
        """Later mentions of a person named in full elsewhere in the article: the full name again,
        even where a gazetteer split it ("Indra Jepang"), or one of its words alone ("Purbaya",
        "Maman" after "Menteri Keuangan Purbaya Yudhi Sadewa", "Menteri UMKM Maman Abdurrahman")."""
        kb = self.kb
        full: dict[str, set[tuple[str, ...]]] = {}  # first word -> full names
        owners: dict[str, set[tuple[str, ...]]] = {}  # a word -> the full names holding it
        times: dict[tuple[str, ...], int] = {}  # how often each full name is written
        for job in jobs:
            t = job.t
            for c in job.cands:
                if c.label != "PER" or c.weak or c.name_i < 0:
                    continue
                words = tuple(t.folded[x] for x in range(c.name_i, c.j) if t.is_word[x])
                if len(words) < 2:
                    continue
                full.setdefault(words[0], set()).add(words)
                times[words] = times.get(words, 0) + 1
                for w in words:
                    if len(w) >= 3 and w not in kb.not_name_parts:
                        owners.setdefault(w, set()).add(words)
        if not full:
            return
        wanted = set(full) | set(owners)
        for job in jobs:
            t = job.t
            hits = [k for k, f in enumerate(t.folded) if f in wanted]
            if not hits:
                continue
            at = {x: c for c in job.cands for x in range(c.i, c.j)}
            new: list[Cand] = []
            gone: set[int] = set()  # ids of gazetteer candidates a full name replaces
            done = 0  # tokens before this are settled
            for k in hits:
                # (a capitalised word before it makes it part of a longer name, unless that word is
                # a title or a sentence-initial function word: "Menurut Ilham")
                inside_run = (
                    k > 0
                    and t.is_word[k - 1]
                    and t.cap[k - 1]
                    and (k - 1) not in t.title_tokens
                    and not (t.initial[k - 1] and t.folded[k - 1] in kb.function_words)
                )
                if k < done or not t.cap[k] or inside_run:
                    continue
                f = t.folded[k]
                end = self._full_name_at(t, k, full.get(f, ()))
                if end > k:
                    inside = {id(at[x]): at[x] for x in range(k, end) if x in at}
                    split = all(c.source == "gaz" and c.label == "GPE" for c in inside.values())
                    if split and all(k <= c.i and c.j <= end for c in inside.values()):
                        gone.update(inside)
                        new.append(Cand(k, end, "PER", "rule", name=t.span(k, end), name_i=k))
                        done = end
                        continue
                if k in at or f not in owners or k + 1 < t.n and t.is_word[k + 1] and t.cap[k + 1]:
                    continue
                if not self._one_owner(owners[f], times):
                    continue  # two people share the word: no telling which one
                speech = k + 1 < t.n and t.folded[k + 1] in kb.speech_after
                if t.initial[k] and (f in kb.lexicon or f in kb.function_words) and not speech:
                    continue  # "Bagus, ..." at a sentence start is the word
                new.append(Cand(k, k + 1, "PER", "rule", name=t.words[k], name_i=k))
            if new:
                job.cands = sorted([c for c in job.cands if id(c) not in gone] + new, key=lambda c: c.i)

    def _one_owner(self, names: set[tuple[str, ...]], times: dict[tuple[str, ...], int]) -> bool:
        """Whether a word several full names hold points to one person: the names are one
        person's (one holds the others), or one of them is written more often than the others."""
        longest = list(max(names, key=len))
        if all(_subsequence(list(x), longest) or _initials_of(list(x), longest) for x in names):
            return True
        counts = sorted((times.get(x, 0) for x in names), reverse=True)
        return counts[0] > counts[1]

    def _full_name_at(self, t: _Text, k: int, names) -> int:
        """End of the longest of `names` (word tuples) written at token k, with nothing
        capitalised right after it; k if none."""
        best = k
        for name in names:
            x, w = k, 0
            while x < t.n and w < len(name):
                if t.is_word[x]:
                    if t.folded[x] != name[w] or not (t.cap[x] or t.folded[x] in self.kb.particles):
                        break
                    w += 1
                elif t.words[x] not in {"-", "'", "’", "."}:
                    break
                x += 1
            if w == len(name) and x > best and not (x < t.n and t.is_word[x] and t.cap[x]):
                best = x
        return best

    def _alias_runs(self, t: _Text) -> tuple[list[Cand], set[int]]:
        """Nicknames: the capitalised run after "alias" is a person's other name, whatever
        words it holds ("M Hendra alias Indra Jepang" names no country)."""
        kb = self.kb
        out: list[Cand] = []
        tokens: set[int] = set()
        if kb.alias_cues.isdisjoint(t.folded):
            return out, tokens
        for i in range(t.n - 1):
            if not (t.is_word[i] and t.folded[i] in kb.alias_cues and not t.cap[i]):
                continue
            k = i + 1
            if t.words[k] == ":" and k + 1 < t.n:
                k += 1
            j = self._name_run(t, k, set(), {})
            if j <= k or any(x in t.gaz and t.gaz[x][1][0].kind == "actor" for x in range(k, j)):
                continue  # "alias Jokowi": the knowledge base knows the person
            tokens.update(range(k, j))
            if self._name_kind(t, k, j, "alias") is not None:
                out.append(Cand(k, j, "PER", "rule", name=t.span(k, j), name_i=k, alias_cue=i))
        return out, tokens

    def _link_aliases(self, t: _Text, cands: list[Cand], held: list[Cand], model_spans) -> list[Cand]:
        """Tie each nickname to the person named right before "alias"; without one the words
        after "alias" are no nickname ("BUMN alias Himbara") and the gazetteer hits come back,
        unless the statistical model takes them for a person."""
        model_per = [(a, b) for a, b, label in model_spans if label == "PER"]
        out = []
        for c in cands:
            if c.alias_cue < 0:
                out.append(c)
                continue
            cue = c.alias_cue
            end = cue - 1 if cue > 0 and t.words[cue - 1] in {",", "("} else cue
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

    def _product_tokens(self, t: _Text) -> set[int]:
        """The model words after a brand ("Esemka Bima", "Vespa GTS 300", "Honda SENSING")."""
        kb = self.kb
        out: set[int] = set()
        if kb.brands.isdisjoint(t.folded):
            return out
        for b in range(t.n - 1):
            if t.is_word[b] and t.cap[b] and t.folded[b] in kb.brands:
                k = b + 1
                # up to three words, and never a country or region ("Vivo Indonesia Edy Kusuma",
                # "Samsung Electronics Southeast Asia"); a city's name may be the model's ("Esemka Bima")
                while (
                    k < t.n
                    and k - b <= 3
                    and t.is_word[k]
                    and (t.cap[k] or t.words[k][:1].isdigit())
                    and (k not in t.gaz or t.gaz[k][1][0].kind == "city")
                    and k not in t.title_tokens
                ):
                    out.add(k)
                    k += 1
        return out

    def _capitalised(self, t: _Text, i: int, j: int) -> bool:
        """A title written as one: its words after the first capitalised ("menteri Luar Negeri" is)."""
        if j - i == 1 or not t.is_word[i + 1]:
            return t.cap[i]
        return all(
            t.cap[k] or not t.is_word[k] or t.folded[k] in self.kb.connectors or t.words[k].isdigit()
            for k in range(i + 1, j)
        )

    def _case_ok(self, t: _Text, i: int, j: int) -> bool:
        # every capitalisable word of a name must be capitalised as in the gazetteer
        for k in range(i, j):
            if (
                t.is_word[k]
                and not t.cap[k]
                and t.folded[k] not in self.kb.particles
                and not t.words[k][:1].isdigit()
            ):
                return False
        return True

    def _gaz_cand(self, t: _Text, i: int, j: int, entries: list[GazEntry], date: str | None) -> Cand | None:
        kb = self.kb
        e = entries[0]
        text = t.span(i, j)
        if _fold(text) in kb.outlets:
            return None
        for comp in kb.not_place_compounds:  # "Baku tembak": a compound, not the city
            n = len(comp)
            if n > j - i and tuple(t.folded[i : i + n]) == comp and not any(t.cap[x] for x in range(j, i + n)):
                return None
        if e.kind == "actor":
            actor: Actor = e.value
            if actor.type == "ORG" and actor.country:
                other = self._other_country_org(t, i, j, actor)
                if other is not None:
                    return other
            return Cand(i, j, actor.type, "kb", name=text, actor=actor, name_i=i)
        if e.kind == "region":
            return Cand(i, j, "GPE", "gaz", name=text, place=e.value, country=e.value.country)
        if e.kind == "city":
            if t.initial[i] and j - i == 1 and self.common_word(t.folded[i]):
                return None  # "Malang nasibnya ..." at a sentence start
            p = e.value
            return Cand(
                i,
                j,
                "GPE",
                "gaz",
                name=text,
                place=geo.Place(p.name, p.country, p.lat, p.lon, "GPE"),
                country=p.country,
            )
        if e.kind == "place":
            seat = kb.seat_actors.get(tuple(t.folded[i:j]))
            if seat and not self._place_sense(t, i, j):  # "langkah Brussel": the organisation
                actor = next((x.value for x in kb.gaz.get(_key(seat), []) if x.kind == "actor"), None)
                if actor is not None:
                    return Cand(i, j, actor.type, "kb", name=text, actor=actor, name_i=i)
            place = geo.geocode(e.value, lang=kb.pack.code)
            if place is None:
                return None
            return Cand(i, j, place.type, "gaz", name=text, place=place, country=place.country)
        cn: geo.CountryName = e.value
        prev = t.prev_word(i)
        if prev in kb.language_before:
            return None  # "bahasa Inggris"
        if e.kind == "capital":
            if self._place_sense(t, i, j):
                place = geo.city(cn.english or text, cn.iso3) or geo.geocode(text, lang=kb.pack.code)
                if place is None:
                    return None
                return Cand(i, j, "GPE", "gaz", name=text, place=place, country=cn.iso3)
            return Cand(i, j, "GPE", "gaz", name=text, iso3=cn.iso3, country=cn.iso3)
        return Cand(i, j, "GPE", "gaz", name=text, iso3=cn.iso3, country=cn.iso3)

    def _other_country_org(self, t: _Text, i: int, j: int, actor: Actor) -> Cand | None:
        """The counterpart abroad: "Kemlu Iran" is a known organisation of one country named with another country right
        after it: that country's counterpart (Iran's foreign ministry), coded for that country."""
        kb = self.kb
        hit = t.gaz.get(j)
        if hit is None:
            return None
        end, entries = hit
        cn = entries[0].value
        if entries[0].kind != "country" or cn.iso3 == actor.country:
            return None
        words = actor.name.split()
        name = t.span(i, end)
        if len(words) >= 2 and geo.country_code(words[-1], kb.pack.code) == actor.country:
            # "Kementerian Luar Negeri Indonesia" -> "Kementerian Luar Negeri Iran"
            name = " ".join(words[:-1]) + " " + t.span(j, end)
            known = next((e.value for e in kb.gaz.get(_key(name), []) if e.kind == "actor"), None)
            if known is not None:  # "Kementerian Luar Negeri AS" is the US State Department
                return Cand(i, end, known.type, "kb", name=t.span(i, end), actor=known, name_i=i)
        role = _split_code(actor.code)[1] if actor.code else None
        return Cand(i, end, "ORG", "rule", name=name, role=role, country=cn.iso3)

    def _admin_prefix(self, t: _Text, cand: Cand, before: list[Cand]) -> None:
        """Take "Provinsi", "Kabupaten", "Negara Bagian" ... into the place name after them."""
        floor = before[-1].j if before else 0
        for n in (2, 1):
            s = cand.i - n
            if (
                s >= floor
                and all(t.cap[x] and t.is_word[x] for x in range(s, cand.i))
                and tuple(t.folded[s : cand.i]) in self.kb.admin_before
            ):
                cand.i = s
                return

    def _place_sense(self, t: _Text, i: int, j: int) -> bool:
        kb = self.kb
        prev = t.prev_word(i)
        if prev in kb.locative:
            return True
        prev2 = t.prev_word(i, 1)
        if prev2 is not None and prev is not None and f"{prev2} {prev}" in kb.locative:
            return True
        if prev == "dari" and prev2 in kb.motion:
            return True
        # a dateline: "MOSKOW, KOMPAS.com -" at the start of a line
        return bool(t.initial[i] and t.words[i].isupper() and j < t.n and t.words[j] in {",", "-", "–", "("})

    def _org_cand(self, t, i, end, rw: RoleWord, gaz_end, titles) -> Cand | None:
        kb = self.kb
        j = end
        country = rw.country
        last_good = end
        count = 0
        anchors: list[int] = []  # ends of acronyms and places inside the name
        if _is_acronym(t.span(i, end)):
            anchors.append(end)  # "MPR Zulkifli Hasan": the person is not part of the MPR
        while j < t.n and count < 8:
            if j in titles and j not in gaz_end and rw.role != "BUS":
                break  # (a company name may hold a title word: "PT Gunung Raja Paksi")
            if _YEAR.fullmatch(t.words[j]):
                break  # "MPR 2014", "Liga Europa 2019"
            if (
                rw.descriptor
                and t.is_word[j]
                and not t.words[j].isupper()
                and j not in gaz_end
                and self.common_word(t.folded[j])
            ):
                break  # "Polisi Nomor ...": a common noun after a descriptor ends it
            g = gaz_end.get(j)
            if g is not None:
                if g.label == "PER":
                    break
                if g.iso3 or (g.place is not None and g.label == "GPE"):
                    country = g.country or country
                    j = g.j
                    last_good = j
                    break
                j = g.j
                last_good = j
                anchors.append(j)
                count += 1
                continue
            w = t.words[j]
            if t.is_word[j] and (t.cap[j] or w[:1].isdigit()) and t.folded[j] not in kb.function_words:
                j += 1
                last_good = j
                if _is_acronym(w):
                    anchors.append(j)
            elif (t.folded[j] in kb.connectors and j + 1 < t.n and t.cap[j + 1] and t.is_word[j + 1]) or (
                w == "-" and j + 1 < t.n and t.cap[j + 1]
            ):
                j += 1
            else:
                break
            count += 1
        j = last_good
        # "Direktur Utama Bank DKI Herry Djufraini": a person's name after the organisation's
        # acronym or place is not part of it
        if anchors and anchors[-1] < j:
            rest = [x for x in range(anchors[-1], j) if t.is_word[x]]
            if len(rest) >= 2 and all(
                t.cap[x]
                and _lookup(kb.roles, kb.role_max, t, x) is None
                and not self.common_word(t.folded[x])
                for x in rest
            ):
                j = anchors[-1]
        prev_title = any(v[0] == i for v in titles.values())
        if prev_title and j - end >= 3:
            # "Anggota Fraksi Demokrat Erma Suryanik", "Presiden Komisi Eropa Jean-Claude Juncker":
            # the last two name words (a hyphenated pair is one) are the person after the organisation
            x, units = j, 0
            while x > end + 1 and units < 2:
                if t.words[x - 1] == "-" or t.words[x - 2] == "-":
                    x -= 1
                    continue
                if not (t.is_word[x - 1] and t.cap[x - 1] and not self.common_word(t.folded[x - 1])):
                    break
                x -= 1
                units += 1
            if units == 2 and x > end:
                j = x
        if j == end and not (
            rw.proper and _is_acronym(t.span(i, end)) and end - i == 1 and len(t.words[i]) > 2
        ):
            return None  # a lone head word is no name ("RS" alone is any hospital)
        return Cand(i, j, "ORG", "rule", name=t.span(i, j), role=rw.role, country=country, proper=rw.proper)

    # -- people -----------------------------------------------------------------------------

    def _name_run(self, t: _Text, k: int, taken: set[int], titles) -> int:
        """End of the capitalised name run starting at token k (k itself if none)."""
        kb = self.kb
        j = k
        words = 0
        while j < t.n and words < _MAX_NAME_TOKENS and j not in taken:
            w = t.words[j]
            if t.is_word[j] and t.cap[j]:
                if j == k and t.folded[j] in kb.function_words:
                    break
                if j > k and (j in titles or j in t.title_tokens):
                    break
                j += 1
                words += 1
                # an initial: "A. Muhaimin"
                if j < t.n and t.words[j] == "." and len(w) == 1:
                    j += 1
            elif j > k and t.is_word[j] and t.folded[j] in kb.particles and j + 1 < t.n and t.cap[j + 1]:
                j += 1
            elif (
                j > k
                and t.is_word[j]
                and t.folded[j] in kb.particles
                and j + 2 < t.n
                and t.words[j + 1] in {"-", "‑"}
                and t.ends[j] == t.starts[j + 1]
                and t.ends[j + 1] == t.starts[j + 2]
                and t.is_word[j + 2]
                and t.cap[j + 2]
            ):
                j += 3  # "al-Burhan", "el-Sisi": a particle joined by a hyphen
                words += 1
            elif (
                j > k
                and w in {"-", "'", "’"}
                and j + 1 < t.n
                and t.is_word[j + 1]
                and t.starts[j] == t.ends[j - 1]
                and t.ends[j] == t.starts[j + 1]
            ):
                j += 2  # "Jean-Yves", "Jong-un", "Chang-joon", "O'Brien"
                words += 1
            else:
                break
        # trailing function words or particles never end a name
        while j > k and (
            t.folded[j - 1] in kb.function_words or t.folded[j - 1] in kb.particles or not t.is_word[j - 1]
        ):
            j -= 1
        return j

    def _person_cands(self, t: _Text, titles, cap_titles, gaz_end, taken, model_spans, cands) -> list[Cand]:
        kb = self.kb
        out: list[Cand] = []
        model_per = [(a, b) for a, b, lab in model_spans if lab == "PER"]
        orgs_at = {c.i: c for c in cands if c.label == "ORG" and c.source == "rule"}
        kb_people = {c.i: c for c in cands if c.label == "PER" and c.actor is not None}
        used: set[int] = set()
        k = 0
        while k < t.n:
            known = kb_people.get(k)
            if known is not None:
                j = known.j
                cand = known
                evidence = "kb"
            else:
                if k in taken or k in used or not (t.is_word[k] and t.cap[k]) or k in t.title_tokens:
                    k += 1
                    continue
                j = self._name_run(t, k, taken, cap_titles)
                if j <= k:
                    k += 1
                    continue
                evidence = None
                if j - k >= 3 and _is_acronym(t.words[k]) and t.is_word[k + 1] and t.cap[k + 1]:
                    k += 1  # "BBC Michael Cole", "PDIP Hasto Kristiyanto": the person after the acronym
                cand = Cand(k, j, "PER", "rule", name=t.span(k, j), name_i=k)
                after = kb_people.get(j)
                if after is not None and after.j - after.i == 1 and not t.initial[k]:
                    # "Michael Richard Pompeo": given names before a known surname
                    after.i = after.name_i = k
                    kb_people[k] = after
                    continue
            # title chain (and a country or organisation) right before the name
            chain_start, title, title_surface, role_i = self._title_chain_before(
                t, k, cap_titles, gaz_end, orgs_at
            )
            if title is not None:
                evidence = "title"
                cand.title, cand.title_surface = title, title_surface
                if role_i is None:
                    cand.i = chain_start  # the mention keeps its rank: "Mayjen Bagheri"
                else:
                    self._role_phrase(t, chain_start, cand.name_i, cand, titles, gaz_end, orgs_at)
            # a role phrase and a comma before: "Menteri Pertahanan Rusia, Sergei Shoigu"
            comma = cand.i - 1
            if comma >= 0 and t.words[comma] == ",":
                start = self._role_phrase_start(t, comma, titles, gaz_end, orgs_at)
                if start is not None:
                    evidence = evidence or "apposition"
                    self._role_phrase(t, start, comma, cand, titles, gaz_end, orgs_at)
            # a role phrase after: "Vladimir Evseev, Direktur Eksekutif Institut CIS Rusia"
            if (
                j + 1 < t.n
                and t.words[j] == ","
                and (j + 1) in titles
                and titles[j + 1][1].kind != "honorific"
            ):
                end = self._role_phrase_end(t, j + 1, titles, gaz_end, orgs_at)
                evidence = evidence or "apposition"
                if cand.role_phrase is None:
                    self._role_phrase(t, j + 1, end, cand, titles, gaz_end, orgs_at)
            prev = t.prev_word(k)
            if evidence is None and prev in kb.speech_before and not t.initial[k]:
                evidence = "speech"
            if (
                evidence is None
                and j < t.n
                and t.folded[j] in kb.speech_after
                and (j - k >= 2 or not t.initial[k])
            ):
                evidence = "speech"
            if evidence is None and any(a <= k and j <= b or k <= a < j for a, b in model_per):
                evidence = "model"
            if known is None and evidence == "model":
                # "Kembalinya Anang Hermansyah": a common word opening the span is not the name
                while (
                    k < j - 1
                    and t.is_word[k]
                    and self.common_word(t.folded[k])
                    and (t.initial[k] or t.folded[k] not in kb.lexicon)
                ):
                    k += 1  # (a bare dictionary word inside a sentence may be a given name: "Rudi")
                cand.i = cand.name_i = k
                cand.name = t.span(k, j)
                cand.weak = len([x for x in range(k, j) if t.is_word[x]]) == 1
            if known is None and evidence is not None and evidence != "model" and j - k >= 3:
                # "(Urusan) Luar Negeri Anwar Gargash": leading common words are not the name
                k0 = k
                while k0 < j - 2 and t.is_word[k0] and self.office_word(t.folded[k0]):
                    k0 += 1
                if k0 > k:
                    if cand.i == k:
                        cand.i = k0
                    k = cand.name_i = k0
                    cand.name = t.span(k, j)
            if known is None and evidence is not None:
                kind = self._name_kind(t, k, j, evidence)
                if kind == "PER":
                    out.append(cand)
                    used.update(range(k, j))
                elif kind == "PLACE":
                    place = geo.geocode(t.span(k, j), lang=kb.pack.code)
                    out.append(
                        Cand(k, j, place.type, "rule", name=t.span(k, j), place=place, country=place.country)
                    )
                    used.update(range(k, j))
                elif kind == "ORG" and (evidence in {"title", "apposition"} or not _is_acronym(t.span(k, j))):
                    # "ketua LDP": an acronym after an office is the organisation, not a person
                    while j > k + 1 and t.folded[j - 1] in kb.time_words:
                        j -= 1  # "AFP Rabu"
                    if _fold(t.words[k]) in kb.outlets:
                        k = j
                        continue
                    s0 = k
                    while (
                        s0 < j - 1
                        and t.is_word[s0]
                        and not _is_acronym(t.words[s0])
                        and self.common_word(t.folded[s0])
                    ):
                        s0 += 1  # "Bisnis PSIS" -> "PSIS"
                    out.append(Cand(s0, j, "ORG", "rule", name=t.span(s0, j)))
                    used.update(range(k, j))
            k = j
        return out

    def _name_kind(self, t: _Text, k: int, j: int, evidence: str) -> str | None:
        """PER if t[k:j] can be a person's name, ORG if it is an acronym, None if junk."""
        kb = self.kb
        words = [t.folded[x] for x in range(k, j) if t.is_word[x]]
        if not words or all(w in kb.function_words or w in kb.time_words or w.isdigit() for w in words):
            return None
        if _fold(t.span(k, j)) in kb.outlets:
            return None
        if j - k == 1 and t.folded[k] in kb.brands:
            return "ORG"  # "Samsung mengklaim": the maker
        if (
            (t.folded[k] in kb.brands and j - k > 1) or any(x in t.product_tokens for x in range(k, j))
        ) and not any(t.folded[x] in kb.org_words or t.folded[x] in kb.company_forms for x in range(k, j)):
            return None  # "Esemka Bima", "Vivo V17 Pro", "Honda SENSING Experience Zone": products
        if all(t.words[x].isupper() and len(t.words[x]) > 1 for x in range(k, j) if t.is_word[x]):
            return "ORG"
        if any(t.folded[x] in kb.company_forms for x in range(k, j)):
            return "ORG"
        # an acronym of 3+ letters (or 2 at the end) names an organisation; "BJ Habibie" is initials
        if any(
            t.is_word[x] and _is_acronym(t.words[x]) and (len(t.words[x]) > 2 or x == j - 1 and j - k > 1)
            for x in range(k, j)
        ):
            return "ORG"  # "Ketua Pengprov PBSI", "Rektor Bidang Akademik UNY": an organisation
        if _lookup(kb.roles, kb.role_max, t, k) is not None:
            return None  # "Garda Revolusi", "Kementerian Pertahanan": an organisation word
        if any(t.folded[x] in kb.org_words for x in range(k, j) if t.is_word[x]):
            return "ORG"  # "Club Brugge", "Central Intelligence Agency"
        for x in range(k + 1, j):
            hit = _lookup(kb.roles, kb.role_max, t, x) if t.cap[x] else None
            if hit is not None and hit[1].head and hit[0] <= j:
                return "ORG"  # "Brookings Institute", "Harvard University"
        if evidence not in {"title", "apposition"} and t.prev_word(k) in kb.locative:
            return None  # "di Los Angeles"
        if evidence == "model" and j - k > 1 and geo.geocode(t.span(k, j), lang=kb.pack.code) is not None:
            return "PLACE"  # "Deli Serdang": a place the model took for a person
        # common Indonesian words are not names: "Marsekal Lapangan", "Putra Mahkota", "Hak Asasi Manusia"
        if all(self.office_word(w) for w in words if w not in kb.particles):
            return None  # ... nor are a title's unit or domain: "Kasat Reskrim", "Kepala Lapas"
        return "PER"

    def _title_chain_before(self, t: _Text, k: int, titles, gaz_end, orgs_at):
        """Titles directly before token k, possibly with a country or organisation in between.

        Returns (chain start, main Title, its surface, index where a country/org starts or None).
        """
        ends = t.cache.get(id(titles))
        if ends is None:
            ends = t.cache[id(titles)] = {
                end: (i, title, surface) for i, (end, title, surface) in titles.items()
            }
        x = k
        between = None
        # "Presiden Rusia Vladimir Putin", "Juru Bicara Kementerian Luar Negeri China Wang Wenbin"
        if x not in ends:
            for start, c in list(gaz_end.items()) + list(orgs_at.items()):
                if c.j != x or c.label not in {"GPE", "ORG"}:
                    continue
                if start in ends:
                    between = x = start
                    break
                # the organisation overlaps the title: "Wakil Ketua MPR" + "MPR RI" + name
                inside = [e for e, (i, _, _) in ends.items() if i < start < e <= c.j]
                if inside:
                    between, x = start, inside[0]
                    break
        if x not in ends:
            return k, None, None, None
        chain: list[tuple[int, Title, str]] = []
        while x in ends:
            i, title, surface = ends[x]
            chain.append((i, title, surface))
            x = i
        chain.reverse()
        main = next((c for c in chain if c[1].kind != "honorific"), chain[0])
        return chain[0][0], main[1], main[2], between

    def _role_phrase_start(self, t: _Text, comma: int, titles, gaz_end, orgs_at) -> int | None:
        """Start of a role phrase that ends at a comma before a name, or None."""
        kb = self.kb
        x = comma - 1
        lo = comma
        while x >= 0:
            if t.is_word[x] and (
                t.cap[x]
                or t.folded[x] in kb.connectors
                or t.words[x][:1].isdigit()
                or t.folded[x] in kb.title_words
            ):
                if t.cap[x] and t.folded[x] in kb.function_words and x not in titles:
                    break
                lo = x
                if t.initial[x]:
                    break
                x -= 1
            else:
                break
        for s in range(lo, comma):
            if s in titles and titles[s][1].kind != "honorific":
                return s
        return None

    def _role_phrase_end(self, t: _Text, s: int, titles, gaz_end, orgs_at) -> int:
        kb = self.kb
        x = s
        last = s
        while x < t.n:
            if t.is_word[x] and (t.cap[x] or t.words[x][:1].isdigit()):
                x += 1
                last = x
            elif (t.is_word[x] and t.folded[x] in kb.connectors and x + 1 < t.n and t.cap[x + 1]) or (
                t.words[x] == "-" and x + 1 < t.n and t.cap[x + 1]
            ):
                x += 1
            else:
                break
        return last

    def _role_phrase(self, t: _Text, s: int, e: int, cand: Cand, titles, gaz_end, orgs_at) -> None:
        """Read a role phrase t[s:e]: its text (title typos corrected), role and country."""
        if e <= s:
            return
        parts: list[str] = []
        pos = t.starts[s]
        x = s
        role = None
        country = None
        first_title = None
        while x < e:
            if x in titles:
                end, title, surface = titles[x]
                end = min(end, e)
                parts.append(t.text[pos : t.starts[x]])
                parts.append(surface if _fold(surface) != _fold(t.span(x, end)) else t.span(x, end))
                pos = t.ends[end - 1]
                if first_title is None and title.kind != "honorific":
                    first_title = title
                    if title.role:
                        role = role or title.role
                if title.country:
                    country = country or title.country
                x = end
                continue
            g = gaz_end.get(x) or orgs_at.get(x)
            if g is not None and g.j <= e:
                if g.iso3 or g.label == "GPE":
                    country = country or g.country
                elif g.label in {"ORG", "PER"}:
                    if g.actor is not None:
                        country = country or g.actor.country
                        if g.actor.country is None and g.actor.code:
                            cand.org_code = cand.org_code or g.actor.code  # "Presiden Komisi Eropa"
                    country = country or g.country
                    if g.label == "ORG":
                        role = role or g.role
                x = g.j
                continue
            rw = _lookup(self.kb.roles, self.kb.role_max, t, x)
            if rw is not None and rw[0] <= e:
                role = role or rw[1].role
                country = country or rw[1].country
                x = rw[0]
                continue
            x += 1
        parts.append(t.text[pos : t.ends[e - 1]])
        phrase = "".join(parts).strip(" ,")
        if cand.role_phrase is None:
            cand.role_phrase = phrase
        if first_title is not None and cand.title is None:
            cand.title, cand.title_surface = first_title, first_title.surface
        cand.role = role if role is not None else (first_title.role if first_title else cand.role)
        # a head-of-phrase title with no role (Direktur) means the phrase gives no role
        if first_title is not None and first_title.role is None:
            cand.role = None
        cand.country = country or cand.country

    # -- model ------------------------------------------------------------------------------

    def _model_cands(self, t: _Text, spans, titles, taken) -> list[Cand]:
        """The model's ORG and LOC spans, cleaned; kept only where they look like names."""
        kb = self.kb
        out: list[Cand] = []
        for a, b, label in spans:
            if label == "PER":
                continue  # persons are taken through name runs above
            # trim punctuation, function words, lower-case words and (at the start) common words
            while a < b and (
                not t.is_word[a]
                or not t.cap[a]
                or t.folded[a] in kb.function_words
                or (
                    self.common_word(t.folded[a]) and not self._starts_name(t, a) and not t.words[a].isupper()
                )
            ):
                a += 1
            while b > a and (
                not t.is_word[b - 1]
                or t.folded[b - 1] in kb.function_words
                or not (t.cap[b - 1] or t.words[b - 1][:1].isdigit())
            ):
                b -= 1
            if b <= a or any(x in taken for x in range(a, b)):
                continue
            text = t.span(a, b)
            words = [x for x in range(a, b) if t.is_word[x]]
            if (
                "\n" in text
                or len(words) > 7
                or _fold(text) in kb.outlets
                or any(a <= x < b for x in t.title_tokens)
            ):
                continue
            if any(any(ch.isdigit() for ch in t.words[x]) for x in words):
                continue  # product names, dates, scores
            if len(words) > 1 and all(t.words[x].isupper() for x in words):
                continue  # a headline or a shouted phrase
            if all(self.common_word(t.folded[x]) or t.folded[x] in kb.function_words for x in words):
                continue
            if len(words) == 1:
                w = t.words[a]
                if (
                    not (_is_acronym(w) and len(w) >= 3)
                    or self.common_word(t.folded[a])
                    or w in kb.not_acronyms
                ):
                    continue  # a lone word: only an acronym ("KGB") is trusted
                if t.initial[a] and not _is_acronym(w):
                    continue
            if label == "ORG":
                product = t.folded[a] in kb.brands and len(words) > 1
                product = product or any(x in t.product_tokens for x in words)
                if not product and len(words) == 1:
                    # "812 GTS", "GTS 300", "BK 1875 ZC": an acronym next to a number is a model's
                    # name or a number plate (not a year, a score "0-0 PSM" or "SMKN 1")
                    product = (
                        a > 0
                        and _model_number(t.words[a - 1])
                        and not (a > 1 and t.words[a - 2] in {"-", "–", ":"})
                    ) or (b < t.n and _model_number(t.words[b]))
                if product and not any(
                    t.folded[x] in kb.org_words or t.folded[x] in kb.company_forms for x in words
                ):
                    continue  # "Vespa GTS", "Honda SENSING Experience Zone": products, not organisations
                acronyms = [x for x in words if _is_acronym(t.words[x]) and t.words[x] not in kb.not_acronyms]
                if len(words) > 1:
                    marked = any(
                        t.folded[x] in kb.org_words or t.folded[x] in kb.company_forms for x in words
                    )
                    marked = marked or any(_lookup(kb.roles, kb.role_max, t, x) is not None for x in words)
                    if not marked and not acronyms:
                        continue  # "Honda Jazz", "Dream High": products and titles, not organisations
                    if acronyms and not marked and acronyms[0] == words[0] and len(words) >= 3:
                        b = acronyms[0] + 1  # "KONI Lina Nurhasanah": the organisation is the acronym
                        text = t.span(a, b)
                    elif acronyms and not marked and acronyms[-1] == words[-1] and words[0] not in acronyms:
                        a = acronyms[-1]  # "Jimin BTS": the organisation is the acronym
                        text = t.span(a, b)
                out.append(Cand(a, b, "ORG", "model", name=text))
                continue
            place = geo.geocode(text, lang=kb.pack.code)
            if place is not None:
                out.append(Cand(a, b, place.type, "model", name=text, place=place, country=place.country))
            elif any(tuple(t.folded[a : a + n]) in kb.place_heads for n in (1, 2)):
                out.append(Cand(a, b, "LOC", "model", name=text))
        return out

    def _starts_name(self, t: _Text, a: int) -> bool:
        """A role head, a place head or a title starts here: part of the name, not a stray word."""
        kb = self.kb
        if _lookup(kb.roles, kb.role_max, t, a) is not None:
            return True
        return any(tuple(t.folded[a : a + n]) in kb.place_heads for n in (1, 2))


def _taken(cands: list[Cand]) -> set[int]:
    out: set[int] = set()
    for c in cands:
        out.update(range(c.i, c.j))
    return out


def _resolve(cands: list[Cand]) -> list[Cand]:
    """Non-overlapping candidates: rules and gazetteers before the model, then longer first."""
    order = sorted(cands, key=lambda c: (-c.rank, -(c.j - c.i), c.i))
    taken: set[int] = set()
    out: list[Cand] = []
    for c in order:
        span = range(c.i, c.j)
        if any(x in taken for x in span):
            continue
        taken.update(span)
        out.append(c)
    out.sort(key=lambda c: c.i)
    return out


# ----------------------------------------------------------------------------- grouping


@dataclass
class _Group:
    label: str
    key: Any
    cands: list[tuple[Cand, _Text, bool]] = field(default_factory=list)  # (cand, text, in body)
    names: list[str] = field(default_factory=list)


def _person_tokens(name: str) -> list[str]:
    return [_fold(w) for w in re.findall(r"\w+(?:['’]\w+)*", name)]


@dataclass
class _Job:
    """One text of a document (the body or a caption) on its way through the stage."""

    t: _Text
    where: str  # "body" or "captions[N]"
    sentences: list[tuple[int, int]]  # character ranges the model may read apart
    sdocs: list[tuple[int, Any]] = field(default_factory=list)  # (char offset, spaCy Doc) for the NER
    spans: list[tuple[int, int, str]] = field(default_factory=list)  # the model's spans (token ranges)
    cands: list[Cand] = field(default_factory=list)


@register_stage("entities", requires=("view", "tokens"), assigns=("entities", "mentions"))
class Entities:
    name = "entities"

    def __init__(self, pack: LanguagePack):
        self.pack = pack
        self.kb = Knowledge(pack)
        self.recognizer = Recognizer(self.kb)
        self.nlp = None
        self.ner = None
        # leave out of the model the sentences it cannot add anything to (see _plan_model)
        self.skip_plain = True
        # words either side of a word the model is needed for; None = the word's whole sentence
        self.model_context: int | None = _MODEL_CONTEXT
        from kabar.nlp import has_ner_model, load_nlp

        geo.warm(pack.code)
        if has_ner_model(pack):
            self.nlp = load_nlp(pack)
            if "ner" in self.nlp.pipe_names:
                self.ner = self.nlp.get_pipe("ner")

    # -- model --------------------------------------------------------------------------------

    def _plan_model(self, job: _Job, tokens) -> None:
        """The pieces of `job`'s text the NER model reads, as spaCy Docs (`job.sdocs`).

        With `skip_plain`, text that cannot give the model anything the gazetteers and rules have
        not already found is left out: the model reads only the stretches around capitalised words
        that no gazetteer or title accounts for (and that are not a sentence-initial function or
        dictionary word): `model_context` words either side, within the sentence (or the whole
        sentence when `model_context` is None). Each stretch is cut from the body's own tokens.
        """
        if self.ner is None:
            return
        t = job.t
        if tokens is None:
            tokens = self.nlp.make_doc(t.text)
        if not self.skip_plain:
            job.sdocs.append((0, tokens))
            return
        self.recognizer.scan(t)
        need = self._needs_model(t)
        ranges: list[list[int]] = []  # character ranges, in text order, merged
        w = self.model_context
        for s, e in job.sentences:
            a = bisect.bisect_left(t.starts, s)
            b = bisect.bisect_left(t.starts, e)
            if w is None:
                pieces = [(a, b)] if any(need[a:b]) else []
                margin = _MODEL_MARGIN
            else:
                pieces = [(k, k + 1) for k in range(a, b) if need[k]]
                margin = w
            for lo, hi in pieces:
                # a margin either side, across sentence ends too: the model reads a word with the
                # words around it, and so it sees them as it would in the whole text
                lo, hi = max(0, lo - margin), min(t.n, hi + margin)
                if ranges and ranges[-1][1] >= lo:
                    ranges[-1][1] = max(ranges[-1][1], hi)
                else:
                    ranges.append([lo, hi])
        ranges = [[t.starts[lo], t.ends[hi - 1]] for lo, hi in ranges]
        if not ranges:
            return
        starts = tokens.to_array(IDX)
        if len(ranges) == 1 and ranges[0][0] <= starts[0] and ranges[0][1] >= len(t.text.rstrip()):
            job.sdocs.append((0, tokens))
            return
        arr = tokens.to_array([ORTH, SPACY])
        strings = tokens.vocab.strings
        for lo, hi in ranges:
            i = int(np.searchsorted(starts, lo, side="left"))
            j = int(np.searchsorted(starts, hi, side="left"))
            if j <= i:
                continue
            words = [strings[int(o)] for o in arr[i:j, 0]]
            spaces = [bool(x) for x in arr[i:j, 1]]
            spaces[-1] = False
            job.sdocs.append((int(starts[i]), Doc(tokens.vocab, words=words, spaces=spaces)))

    def _needs_model(self, t: _Text) -> list[bool]:
        """Per token: a capitalised word that neither a gazetteer nor a title accounts for, and
        that is not a sentence-initial function or dictionary word."""
        kb = self.kb
        covered = bytearray(t.n)
        for i, (end, _) in t.gaz.items():
            covered[i:end] = b"\x01" * (end - i)
        for x in t.title_tokens:
            covered[x] = 1
        out = [False] * t.n
        for k in range(t.n):
            if not (t.cap[k] and t.is_word[k]) or covered[k]:
                continue
            f = t.folded[k]
            if t.initial[k] and (f in kb.function_words or self.recognizer.common_word(f)):
                continue
            out[k] = True
        return out

    def _read_model(self, jobs: list[_Job]) -> None:
        """Run the NER over every piece of text of `jobs` (spaCy batches) and keep its spans as
        token ranges of each job's text."""
        if self.ner is None:
            return
        pieces = [(job, offset, sdoc) for job in jobs for offset, sdoc in job.sdocs]
        pipe = getattr(self.ner, "pipe", None)
        if pipe is not None:
            parsed = list(pipe([p[2] for p in pieces], batch_size=_NER_BATCH))
        else:  # a plain callable standing in for the model (tests)
            parsed = [self.ner(p[2]) for p in pieces]
        for (job, offset, _), sdoc in zip(pieces, parsed, strict=True):
            t = job.t
            for ent in sdoc.ents:
                start, end = ent.start_char + offset, ent.end_char + offset
                a = bisect.bisect_left(t.starts, start)
                b = min(bisect.bisect_right(t.ends, end), t.n)
                while b > a and t.ends[b - 1] > end:
                    b -= 1
                if b > a:
                    job.spans.append((a, b, ent.label_))
            job.sdocs = []

    # -- stage ---------------------------------------------------------------------------------

    def _prepare(self, doc: Document) -> list[_Job]:
        art = doc.article
        body = _Text(self.kb, art.body, (s.start for s in art.sentences))
        jobs = [_Job(body, "body", [(s.start, s.end) for s in art.sentences])]
        tokens = doc.tokens if self.ner is not None and _tokens_of(doc.tokens, art.body) else None
        self._plan_model(jobs[0], tokens)
        for idx, caption in enumerate(art.captions):
            if caption and caption.strip():
                ct = _Text(self.kb, caption, ())
                job = _Job(ct, f"captions[{idx}]", [(0, len(caption))])
                self._plan_model(job, None)
                jobs.append(job)
        return jobs

    def _finish(self, doc: Document, jobs: list[_Job]) -> None:
        art = doc.article
        date = (art.published or "")[:10] or None
        for job in jobs:
            job.cands = self.recognizer.candidates(job.t, job.spans, date)
        self.recognizer.link_names(jobs)
        entities, mentions = self._group(jobs, date)
        art.entities = entities
        doc.mentions = mentions

    def __call__(self, doc: Document) -> None:
        jobs = self._prepare(doc)
        self._read_model(jobs)
        self._finish(doc, jobs)

    def pipe(self, docs: list[Document]) -> None:
        """The stage over a batch: the NER reads every text of the batch in one spaCy batch
        (faster than one document at a time); the output is the same as calling the stage
        on each document."""
        prepared = [(doc, self._prepare(doc)) for doc in docs]
        self._read_model([job for _, jobs in prepared for job in jobs])
        for doc, jobs in prepared:
            self._finish(doc, jobs)

    def _group(self, jobs: list[_Job], date) -> tuple[list[Entity], list[MentionRef]]:
        groups: list[_Group] = []
        by_key: dict[Any, _Group] = {}
        where_of = {id(job.t): job.where for job in jobs}
        order = {job.where: k for k, job in enumerate(jobs)}

        def add(key, label, cand, t, in_body):
            g = by_key.get(key)
            if g is None:
                g = _Group(label, key)
                by_key[key] = g
                groups.append(g)
            g.cands.append((cand, t, in_body))
            return g

        pending_people: list[tuple[Cand, _Text, bool]] = []
        pending_orgs: list[tuple[Cand, _Text, bool]] = []
        aliases: list[tuple[Cand, _Text, bool]] = []
        for job in jobs:
            t, in_body = job.t, job.where == "body"
            for c in job.cands:
                if c.actor is not None:
                    add(("kb", c.actor.name), c.actor.type, c, t, in_body)
                elif c.iso3 is not None:
                    add(("country", c.iso3), "GPE", c, t, in_body)
                elif c.place is not None:
                    add(("place", c.place.name, c.place.country), c.label, c, t, in_body)
                elif c.label == "PER" and c.alias_of is not None:
                    aliases.append((c, t, in_body))
                elif c.label == "PER":
                    pending_people.append((c, t, in_body))
                elif c.label == "ORG":
                    pending_orgs.append((c, t, in_body))
                else:
                    add(("loc", _fold(c.name)), c.label, c, t, in_body)

        # people: longest names first, then shorter ones join a longer name that contains them
        people = sorted(pending_people, key=lambda x: -len(_person_tokens(self._bare_name(*x[:2]))))
        kb_people = [g for g in groups if g.label == "PER"]
        for c, t, in_body in people:
            toks = _person_tokens(self._bare_name(c, t))
            matches = []
            for g in kb_people + [g for g in groups if g.label == "PER" and g.key[0] == "per"]:
                for name in self._group_names(g):
                    gt = _person_tokens(name)
                    if toks == gt or (
                        len(toks) < len(gt) and (_subsequence(toks, gt) or _initials_of(toks, gt))
                    ):
                        matches.append(g)
                        break
            target = matches[0] if matches else None
            if len(matches) > 1 and _person_tokens(self._group_names(matches[0])[0]) != toks:
                # a name two people share ("Habibie", "Budi")
                target = self._most_named(toks, matches)
                if target is None:
                    add(("per?", " ".join(toks)), "PER", c, t, in_body)
                    continue
            if target is None:
                target = add(("per", " ".join(toks)), "PER", c, t, in_body)
            else:
                target.cands.append((c, t, in_body))

        # "M Hendra alias Indra Jepang": an alias joins the person named before it
        for c, t, in_body in aliases:
            target = next(
                (g for g in groups if g.label == "PER" and any(x is c.alias_of for x, _, _ in g.cands)), None
            )
            if target is None:
                toks = _person_tokens(self._bare_name(c, t))
                target = by_key.get(("per", " ".join(toks)))
            if target is None:
                add(("per", " ".join(_person_tokens(self._bare_name(c, t)))), "PER", c, t, in_body)
                continue
            target.cands.append((c, t, in_body))
            # the nickname written again on its own is the same person
            again = by_key.get(("per", " ".join(_person_tokens(self._bare_name(c, t)))))
            if again is not None and again is not target:
                target.cands.extend(again.cands)
                groups.remove(again)
                by_key[again.key] = target

        # organisations: same name, or an acronym of a known one
        for c, t, in_body in pending_orgs:
            name = self._org_name(c, t)
            key = ("org", _fold(name))
            if key not in by_key and _is_acronym(name):
                for g in groups:
                    if g.label == "ORG" and _initials(self._group_names(g)[0]) == name.upper():
                        key = g.key
                        break
            add(key, "ORG", c, t, in_body)

        # order: first mention in the body, caption-only entities last
        def first(g: _Group):
            body = [c.i for c, t, b in g.cands if b]
            return (0, min(body)) if body else (1, 0)

        # a one-word name that only the model proposed, and that joins no fuller name, is dropped
        groups = [g for g in groups if not (g.label == "PER" and all(c.weak for c, _, _ in g.cands))]
        groups.sort(key=first)
        entities: list[Entity] = []
        mentions: list[MentionRef] = []
        for g in groups:
            ent = self._entity(g, f"E{len(entities) + 1}", date)
            if ent is None:
                continue
            entities.append(ent)
            for c, t, in_body in g.cands:
                m = Mention(
                    text=t.span(c.i, c.j), start=t.starts[c.i], end=t.ends[c.j - 1], where=where_of[id(t)]
                )
                ent.mentions.append(m)
                if in_body:
                    mentions.append(MentionRef(ent.id, m.start, m.end, m.text, ent.type))
            # body mentions first, then each caption's, each in text order
            ent.mentions.sort(key=lambda m: (order[m.where], m.start))
        mentions.sort(key=lambda m: (m.start, m.end))
        return entities, mentions

    def _most_named(self, toks: list[str], matches: list[_Group]) -> _Group | None:
        """Of several people a short name could be, the one the article names in full most often
        (BJ Habibie beside his nephew Rusli Habibie); on a tie the one named first, unless the
        others were named in the same sentence ("Budi Santoso dan Budi Arie": no telling)."""
        scored = []
        for g in matches:
            full = [
                (x, tx)
                for x, tx, in_body in g.cands
                if in_body and len(_person_tokens(self._bare_name(x, tx))) > len(toks)
            ]
            first = min(full, key=lambda p: p[0].i, default=None)
            scored.append((-len(full), first[0].i if first else 1 << 30, g, first))
        scored.sort(key=lambda p: (p[0], p[1]))
        best, rest = scored[0], [p for p in scored[1:] if p[0] == scored[0][0]]
        if best[3] is None:
            return None
        x, t = best[3]
        for other in rest:
            if other[3] is None or other[3][1] is not t or t.sentence_of(other[3][0].i) == t.sentence_of(x.i):
                return None
        return best[2]

    def _bare_name(self, c: Cand, t: _Text) -> str:
        if c.label == "PER" and c.name_i >= 0:
            return t.span(c.name_i, c.j)
        return c.name

    def _group_names(self, g: _Group) -> list[str]:
        if g.key[0] == "kb":
            return [g.cands[0][0].actor.name] + [self._bare_name(c, t) for c, t, _ in g.cands]
        return [self._bare_name(c, t) for c, t, _ in g.cands]

    def _org_name(self, c: Cand, t: _Text) -> str:
        if c.proper and c.country and c.j - c.i >= 3:
            # "Institut CIS Rusia" -> "Institut CIS": drop a trailing country from a proper name
            last = c.j - 1
            if geo.country_code(t.words[last], self.pack.code) == c.country:
                return t.span(c.i, last)
        return c.name

    def _entity(self, g: _Group, eid: str, date: str | None) -> Entity | None:
        cands = [c for c, _, _ in g.cands]
        c0, t0, _ = g.cands[0]
        if g.key[0] == "country":
            info = geo.country_info(c0.iso3)
            return Entity(
                id=eid,
                name=info.name if info else c0.name,
                type="GPE",
                country=c0.iso3,
                actor_code=c0.iso3,
                lat=info.lat if info else None,
                lon=info.lon if info else None,
            )
        if g.key[0] == "place":
            p = c0.place
            return Entity(id=eid, name=p.name, type=p.type, country=p.country, lat=p.lat, lon=p.lon)
        if g.key[0] == "loc":
            return Entity(id=eid, name=c0.name, type=c0.label)
        actor = next((c.actor for c in cands if c.actor is not None), None)
        kb_code, kb_title = actor.at(date) if actor else (None, None)
        role_phrase = next((c.role_phrase for c in cands if c.role_phrase), None)
        title = next((c.title for c in cands if c.title is not None), None)
        # country: the article's own words first, then the knowledge base, then the title
        country = next((c.country for c in cands if c.country), None)
        if country is None and actor is not None:
            country = actor.country
        if country is None and title is not None:
            country = title.country
        # role: the role phrase, else the title, else the knowledge base
        explicit = [c for c in cands if c.role_phrase]
        if explicit:
            role = explicit[0].role
        elif title is not None and title.role:
            role = title.role
        else:
            role = next((c.role for c in cands if c.role), None)
        if role is None and kb_code and _split_code(kb_code)[1]:
            role = _split_code(kb_code)[1]  # the article says no role: the knowledge base does
        if actor is not None and kb_code and not _is_country_code(kb_code[:3]) and country is None:
            code = kb_code  # an international body: IGOUNO, IGOWSTNAT ...
        elif country:
            code = country + (role or "")
        elif next((c.org_code for c in cands if c.org_code), None):
            code = next(c.org_code for c in cands if c.org_code)
        elif actor is not None:
            code = kb_code
        else:
            code = role
        if g.label == "PER":
            nicknames = {self._bare_name(c, t) for c, t, _ in g.cands if c.alias_of is not None}
            named = [(c, t) for c, t, _ in g.cands if self._bare_name(c, t) not in nicknames]
            named = named or [(c, t) for c, t, _ in g.cands]
            name = actor.name if actor else max((self._bare_name(c, t) for c, t in named), key=len)
        else:
            name = actor.name if actor else self._org_name(c0, t0)
        title_text = title.canonical if title is not None else (kb_title if g.label == "PER" else None)
        return Entity(
            id=eid,
            name=name,
            type=g.label,
            country=country,
            actor_code=code,
            title=title_text if g.label == "PER" else None,
            role=role_phrase,
        )


def _tokens_of(tokens, text: str) -> bool:
    """Whether the spaCy Doc `tokens` is over `text` (as the segment stage leaves it); checked at
    both ends, since `Doc.text` rebuilds the whole text token by token."""
    if tokens is None or len(tokens) == 0:
        return False
    first, last = tokens[0], tokens[-1]
    return (
        last.idx + len(last.text_with_ws) == len(text)
        and text.startswith(first.text)
        and text.startswith(last.text, last.idx)
    )


def _model_number(word: str) -> bool:
    return word.isdigit() and len(word) >= 2 and not _YEAR.fullmatch(word)


def _split_code(code: str) -> tuple[str | None, str | None]:
    if len(code) >= 6 and _is_country_code(code[:3]) and code[3:6] in _ROLE_CODES:
        return code[:3], code[3:6]
    if len(code) == 3 and code in _ROLE_CODES:
        return None, code
    return (code[:3], None) if _is_country_code(code[:3]) else (None, None)


def _is_country_code(code: str) -> bool:
    return geo.country_info(code) is not None


def _subsequence(short: list[str], long: list[str]) -> bool:
    it = iter(long)
    return all(any(s == x for x in it) for s in short)


def _initials_of(short: list[str], long: list[str]) -> bool:
    """ "BJ Habibie" for "Bacharuddin Jusuf Habibie": the same last name, and initials for the
    names before it."""
    if len(short) < 2 or short[-1] != long[-1] or any(len(w) > 3 for w in short[:-1]):
        return False
    return "".join(short[:-1]) == "".join(w[0] for w in long[:-1])


def _initials(name: str) -> str:
    return "".join(w[0] for w in re.findall(r"\w+", name) if w[:1].isupper())
