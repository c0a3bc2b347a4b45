"""One text under analysis (the body or a caption), read from its text view, and the typed
state the steps leave on it: gazetteer, title and head-word hits, and candidate mentions."""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from itertools import compress
from operator import itemgetter
from typing import NamedTuple, TypeVar

from kabar import geo
from kabar.entities.knowledge import Actor, GazEntry, RoleWord, Title
from kabar.textview import TextView

SENTENCE_END_MARKS = frozenset({".", "!", "?"})
# marks that may stand inside a word ("Jean-Yves", "O'Brien") and so do not end a run of words
INNER_MARKS = frozenset({"-", "'"})


class GazHit(NamedTuple):
    end: int
    entries: list[GazEntry]


class TitleHit(NamedTuple):
    end: int
    title: Title
    surface: str  # the title as the pack writes it (typos in the text corrected)


class HeadHit(NamedTuple):
    end: int
    role_word: RoleWord


ValueT = TypeVar("ValueT")
_FIRST = itemgetter(slice(0, 1))


def positions(items: list[str], item: str) -> list[int]:
    """Where `item` stands in `items` (list.index, at C speed, for a rare item)."""
    out: list[int] = []
    k = -1
    try:
        while True:
            k = items.index(item, k + 1)
            out.append(k)
    except ValueError:
        return out


_LENGTHS: dict[int, tuple[Mapping, int, dict[str, tuple[int, ...]]]] = {}


def _key_lengths(table: Mapping[tuple[str, ...], object]) -> dict[str, tuple[int, ...]]:
    """First word -> the lengths of the table's keys that start with it, longest first.

    Kept per table while the table keeps its size (the tables are the language pack's, built
    once; one that grows or shrinks is indexed again)."""
    cached = _LENGTHS.get(id(table))
    if cached is not None and cached[0] is table and cached[1] == len(table):
        return cached[2]
    lengths: dict[str, set[int]] = {}
    for key in table:
        if key:
            lengths.setdefault(key[0], set()).add(len(key))
    index = {word: tuple(sorted(ns, reverse=True)) for word, ns in lengths.items()}
    _LENGTHS[id(table)] = (table, len(table), index)
    return index


class EntityText:
    """Tokens of one text as parallel lists (the steps index them heavily), from its view."""

    def __init__(self, view: TextView, sentence_starts: Iterable[int] = ()):
        self.text = view.text
        tokens = view.tokens
        self.n = len(tokens)
        self.starts = [token.start for token in tokens]
        self.ends = [token.end for token in tokens]
        self.words = [token.text for token in tokens]
        self.folded = [token.norm for token in tokens]  # the same folding as knowledge.fold
        firsts = list(map(_FIRST, self.words))  # word[:1]
        self.is_word = list(map(str.isalnum, firsts))
        self.cap = list(map(str.isupper, firsts))
        # the capitalised words, in order: most steps look only at these
        self.cap_words = [k for k in compress(range(self.n), self.cap) if self.is_word[k]]
        self.initial = self._sentence_initial(set(sentence_starts) | {0})
        self._initial_tokens: list[int] | None = None
        # what the model-free scan finds (see gazetteer.scan)
        self.scanned = False
        self.gaz: dict[int, GazHit] = {}
        self.titles: dict[int, TitleHit] = {}
        # the titles written as one ("Menteri Luar Negeri"): only these stick to the name after them
        self.cap_titles: dict[int, TitleHit] = {}
        self.heads: dict[int, HeadHit] = {}
        self.title_tokens: set[int] = set()
        self.product_tokens: set[int] = set()
        self._title_ends: dict[int, tuple[int, Title, str]] | None = None

    def _sentence_initial(self, starts: set[int]) -> list[bool]:
        """Per token: the first word of a sentence (after a sentence start, a line start or an
        end mark, whether or not the sentence splitter cut there).

        Only the tokens where a sentence may open are visited: each one's next word is initial."""
        n, tokens = self.n, self.starts
        opens = [bisect.bisect_left(tokens, s) for s in starts]
        opens = [k for k in opens if k < n and tokens[k] in starts]
        # a line start: a line break between two tokens (not inside one)
        at = self.text.find("\n")
        while at >= 0:
            k = bisect.bisect_right(tokens, at)
            if 0 < k < n and self.ends[k - 1] <= at:
                opens.append(k)
            at = self.text.find("\n", at + 1)
        for mark in SENTENCE_END_MARKS:
            opens.extend(k + 1 for k in positions(self.words, mark))
        initial = [False] * n
        is_word = self.is_word
        for k in opens:
            while k < n and not is_word[k]:
                k += 1
            if k < n:
                initial[k] = True
        return initial

    def sentence_of(self, k: int) -> int:
        """Index of the sentence holding token k."""
        if self._initial_tokens is None:
            self._initial_tokens = [x for x in range(self.n) if self.initial[x]]
        return bisect.bisect_right(self._initial_tokens, k)

    def span(self, i: int, j: int) -> str:
        return self.text[self.starts[i] : self.ends[j - 1]]

    def key(self, i: int, j: int) -> tuple[str, ...]:
        return tuple(self.folded[i:j])

    def word_keys(self, i: int, j: int) -> list[str]:
        """The folded words (not marks) of tokens i..j."""
        return [self.folded[x] for x in range(i, j) if self.is_word[x]]

    def capitalised_word(self, k: int) -> bool:
        return 0 <= k < self.n and self.is_word[k] and self.cap[k]

    def prev_word(self, i: int, skip: int = 0) -> str | None:
        k = i - 1
        while k >= 0:
            if self.is_word[k]:
                if skip == 0:
                    return self.folded[k]
                skip -= 1
            elif self.words[k] not in INNER_MARKS:
                return None
            k -= 1
        return None

    def lookup(
        self, table: Mapping[tuple[str, ...], ValueT], maxlen: int, i: int
    ) -> tuple[int, ValueT] | None:
        """The longest key of `table` written at token i: (its end, its value)."""
        if i >= self.n:
            return None
        # only the lengths of the keys that start with this word are tried (most words start none)
        for n in _key_lengths(table).get(self.folded[i], ()):
            if n <= maxlen and i + n <= self.n:
                hit = table.get(tuple(self.folded[i : i + n]))
                if hit is not None:
                    return i + n, hit
        return None

    def title_ends(self) -> dict[int, tuple[int, Title, str]]:
        """The capitalised titles by where they end: end -> (start, Title, surface)."""
        if self._title_ends is None:
            self._title_ends = {hit.end: (i, hit.title, hit.surface) for i, hit in self.cap_titles.items()}
        return self._title_ends


@dataclass
class Candidate:
    """A mention the steps propose: tokens i..j of a text, with what the article says of it."""

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
    alias_of: Candidate | None = None  # ... and the person named before the cue

    @property
    def rank(self) -> int:
        return 0 if self.source == "model" else 1


@dataclass
class ModelSpan:
    i: int
    j: int
    label: str


@dataclass
class TextJob:
    """One text of a document (the body or a caption) on its way through the stage."""

    text: EntityText
    where: str  # "body" or "captions[N]"
    view: TextView
    sentences: list[tuple[int, int]]  # token ranges the model may read apart
    pieces: list[tuple[int, int]] = field(default_factory=list)  # token ranges the NER reads
    spans: list[ModelSpan] = field(default_factory=list)  # the model's spans
    candidates: list[Candidate] = field(default_factory=list)

    @property
    def in_body(self) -> bool:
        return self.where == "body"


def short_form_at(t: EntityText, k: int) -> str | None:
    """The short form in brackets at tokens k..k+2, folded ("(Ditjen)": "ditjen"), when it is a
    capitalised word of three letters or more and a capitalised word follows the brackets."""
    if k + 3 >= t.n or t.words[k] != "(" or t.words[k + 2] != ")" or not t.capitalised_word(k + 3):
        return None
    short = t.words[k + 1]
    return t.folded[k + 1] if len(short) >= 3 and short[:1].isupper() else None


def taken_tokens(cands: Iterable[Candidate]) -> set[int]:
    out: set[int] = set()
    for c in cands:
        out.update(range(c.i, c.j))
    return out


def resolve(cands: list[Candidate]) -> list[Candidate]:
    """Non-overlapping candidates: rules and gazetteers before the model, then longer first."""
    order = sorted(cands, key=lambda c: (-c.rank, -(c.j - c.i), c.i))
    taken: set[int] = set()
    out: list[Candidate] = []
    for c in order:
        span = range(c.i, c.j)
        if any(x in taken for x in span):
            continue
        taken.update(span)
        out.append(c)
    out.sort(key=lambda c: c.i)
    return out
