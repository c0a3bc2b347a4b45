"""The dependency parse of a sentence that holds an event trigger, read from the text view's own
tokens (no second tokenisation) with the language pack's parser (`kabar.nlp.load_parser`).

Parsing costs about a millisecond per sentence, an order of magnitude more than the rest of the
events stage, so nothing is parsed up front: a sentence is parsed the first time an argument
rule asks for it (`LazyParse.get`), at most once, and only sentences with a trigger get a
`LazyParse`. The parser itself is loaded on first use, once per process.

Relations are Universal Dependencies labels (the same in every language); the words that mark
an oblique (`kepada`, `terhadap`) are the case dependents of its head.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc

from kabar.events.state import Actor, Tokens
from kabar.lang import LanguagePack
from kabar.nlp import load_parser

_PARSING_PIPES = ("tok2vec", "parser")
MAX_PARSE_TOKENS = 120  # a longer "sentence" (glued paragraphs, lists) is parsed around the trigger
SUBJECTS = frozenset({"nsubj", "nsubj:pass"})
OBJECTS = frozenset({"obj"})
OBLIQUES = frozenset({"obl", "nmod", "obl:tmod", "obl:agent"})
COMPLEMENTS = frozenset({"ccomp", "xcomp"})
# the modifiers of a noun that belong to its noun phrase: "pasukan Rusia", "serangan udara Israel",
# "pernyataan PM Israel"
NOMINAL_MODIFIERS = frozenset({"nmod", "nmod:poss", "flat", "flat:name", "compound", "appos"})


@dataclass
class SentenceParse:
    """Tokens lo..hi of `t` with their heads (token indices of `t`, a root is its own head) and
    relations, and the actor covering each token."""

    t: Tokens
    lo: int
    hi: int
    heads: list[int]
    deps: list[str]
    cover: dict[int, Actor] = field(default_factory=dict)
    _children: dict[int, list[int]] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        for k in range(self.lo, self.hi):
            head = self.heads[k - self.lo]
            if head != k:
                self._children.setdefault(head, []).append(k)
        for k in range(self.lo, self.hi):
            np = self.t.np_start.get(k)
            if np is not None:
                for m in range(np.start, min(np.end, self.hi)):
                    self.cover[m] = np

    def holds(self, i: int) -> bool:
        return self.lo <= i < self.hi

    def dep(self, i: int) -> str:
        return self.deps[i - self.lo]

    def head(self, i: int) -> int:
        return self.heads[i - self.lo]

    def children(self, i: int, labels: frozenset[str] | None = None) -> list[int]:
        kids = self._children.get(i, [])
        return kids if labels is None else [k for k in kids if self.dep(k) in labels]

    def case_word(self, i: int) -> str | None:
        """The preposition marking token i ("kepada" in "kepada Turki"), lower case."""
        for k in self.children(i, frozenset({"case"})):
            return self.t.low[k]
        return None

    def subject(self, i: int) -> int | None:
        kids = self.children(i, SUBJECTS)
        return kids[0] if kids else None

    def objects(self, i: int) -> list[int]:
        return self.children(i, OBJECTS)

    def obliques(self, i: int) -> list[tuple[str, int]]:
        """(preposition, head) of each oblique or noun modifier of i marked by a preposition."""
        out = []
        for k in self.children(i, OBLIQUES):
            prep = self.case_word(k)
            if prep is not None:
                out.append((prep, k))
        return out

    def complements(self, i: int) -> list[int]:
        return self.children(i, COMPLEMENTS)

    def np_actor(self, i: int, depth: int = 2) -> Actor | None:
        """The actor that token i is part of, else the first actor its noun phrase's modifiers
        name without a preposition, `depth` levels down: "pasukan Rusia", "serangan udara Israel"."""
        actor = self.cover.get(i)
        if actor is not None:
            return actor
        frontier = [i]
        for _ in range(depth):
            below = []
            for h in frontier:
                for k in self.children(h, NOMINAL_MODIFIERS):
                    if self.case_word(k) is not None:
                        continue  # "kunjungan ke Jakarta": a place or a side, not the noun's own
                    actor = self.cover.get(k)
                    if actor is not None:
                        return actor
                    below.append(k)
            frontier = below
        return None


class Parser:
    """The pack's parser, loaded on first use, and the parses of the current text's sentences."""

    def __init__(self, pack: LanguagePack):
        self.pack = pack
        self._nlp: Language | None = None
        self._loaded = False
        self._text: Tokens | None = None
        self._cache: dict[tuple[int, int], SentenceParse | None] = {}
        # over the life of this object, for tests and benchmarks (bench/pipeline_throughput.py)
        self.sentences_parsed = 0
        self.seconds = 0.0  # CPU time spent parsing

    @property
    def nlp(self) -> Language | None:
        if not self._loaded:
            self._nlp = load_parser(self.pack)
            self._loaded = True
        return self._nlp

    def parse(self, t: Tokens, lo: int, hi: int, around: int) -> SentenceParse | None:
        """The parse of tokens lo..hi of `t` (a window of MAX_PARSE_TOKENS around token `around`
        when longer), or None when the pack has no parser."""
        if hi - lo > MAX_PARSE_TOKENS:
            lo = max(lo, min(around - MAX_PARSE_TOKENS // 2, hi - MAX_PARSE_TOKENS))
            hi = lo + MAX_PARSE_TOKENS
        if t is not self._text:
            self._text, self._cache = t, {}
        key = (lo, hi)
        if key not in self._cache:
            self._cache[key] = self._run(t, lo, hi)
        return self._cache[key]

    def _run(self, t: Tokens, lo: int, hi: int) -> SentenceParse | None:
        nlp = self.nlp
        if nlp is None or hi <= lo:
            return None
        began = time.process_time()
        spaces = [t.ends[k] < t.starts[k + 1] for k in range(lo, hi - 1)] + [False]
        doc = Doc(nlp.vocab, words=t.tokens[lo:hi], spaces=spaces)
        for name in _PARSING_PIPES:  # not the tagger: the rules read relations only
            doc = nlp.get_pipe(name)(doc)
        self.sentences_parsed += 1
        self.seconds += time.process_time() - began
        heads = [tok.head.i + lo for tok in doc]
        return SentenceParse(t, lo, hi, heads, [tok.dep_ for tok in doc])


@dataclass
class LazyParse:
    """One sentence's parse, made the first time `get` is called."""

    parser: Parser
    t: Tokens
    lo: int
    hi: int

    def get(self, around: int) -> SentenceParse | None:
        return self.parser.parse(self.t, self.lo, self.hi, around)
