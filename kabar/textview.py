"""The one text view of an article body that `segment` builds and every later stage reads.

Stages never tokenise again: they look tokens up here by character offset or by sentence.
The view is language-neutral; what counts as a token comes from the language pack's
grammar (`Grammar.token_pattern`), so a new language changes data, not stages.
"""

from __future__ import annotations

import bisect
import operator
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from kabar.model import Sentence


# Not frozen: a frozen dataclass sets each field through object.__setattr__, which made
# building the view 4x slower (an article has hundreds of tokens). Stages only read tokens.
@dataclass(slots=True)
class Token:
    """One token of the body: its text, character offsets (end exclusive) and forms."""

    text: str
    start: int
    end: int
    lower: str  # text.lower()
    norm: str  # lower case with typographic variants folded (’ → ', “ → ")
    sentence: int  # index into TextView.sentences, -1 when outside every sentence
    space_after: bool  # whitespace follows in the body

    @property
    def is_word(self) -> bool:
        return self.text[:1].isalnum()

    @property
    def is_capitalised(self) -> bool:
        return self.text[:1].isupper()


@dataclass
class TextView:
    """Tokens and sentences over one text (the body, or a title or caption)."""

    text: str
    tokens: list[Token] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    # offsets where a scraper glued two paragraphs with a comma ("…Riau.,Penangkapan"):
    # the position of that comma. Sentence splitting already cut there.
    glued_paragraphs: list[int] = field(default_factory=list)
    _starts: list[int] = field(default_factory=list, repr=False)
    _sentence_first: list[int] = field(default_factory=list, repr=False)
    _columns: dict[str, list[Any]] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        self._index()

    # One field of every token as a list, in token order, built once per view and shared by the
    # stages that read it (the tokens do not change once `segment` built them): read, never change.
    @property
    def starts(self) -> list[int]:
        return self._starts

    @property
    def ends(self) -> list[int]:
        return self._column("end")

    @property
    def texts(self) -> list[str]:
        return self._column("text")

    @property
    def lowers(self) -> list[str]:
        return self._column("lower")

    def _column(self, name: str) -> list[Any]:
        column = self._columns.get(name)
        if column is None:
            column = self._columns[name] = list(map(operator.attrgetter(name), self.tokens))
        return column

    def _index(self) -> None:
        self._starts = [token.start for token in self.tokens]
        firsts: list[int] = []
        for sentence in self.sentences:
            firsts.append(bisect.bisect_left(self._starts, sentence.start))
        self._sentence_first = firsts

    def token_range(self, start: int, end: int) -> range:
        """Indices of the tokens that lie wholly inside [start, end)."""
        first = bisect.bisect_left(self._starts, start)
        last = first
        while last < len(self.tokens) and self.tokens[last].end <= end:
            last += 1
        return range(first, last)

    def tokens_in(self, start: int, end: int) -> list[Token]:
        """The tokens wholly inside [start, end) of the text."""
        return [self.tokens[i] for i in self.token_range(start, end)]

    def sentence_tokens(self, index: int) -> list[Token]:
        sentence = self.sentences[index]
        return self.tokens_in(sentence.start, sentence.end)

    def token_at(self, offset: int) -> int | None:
        """Index of the token that covers `offset`, or None between tokens."""
        i = bisect.bisect_right(self._starts, offset) - 1
        if i >= 0 and self.tokens[i].start <= offset < self.tokens[i].end:
            return i
        return None

    def sentence_of(self, offset: int) -> int | None:
        """Index of the sentence that covers `offset`, or None."""
        starts = [s.start for s in self.sentences]
        i = bisect.bisect_right(starts, offset) - 1
        if i >= 0 and self.sentences[i].start <= offset < self.sentences[i].end:
            return i
        return None


def build_view(
    text: str,
    spans: Sequence[tuple[int, int]],
    sentences: Sequence[Sentence],
    glued_paragraphs: Sequence[int] = (),
    fold: dict[str, str] | None = None,
) -> TextView:
    """Make a TextView from token character spans (in order) and sentences."""
    mapping = fold or DEFAULT_FOLD
    table = str.maketrans(mapping)
    # Lower-case and fold the whole text once and slice it per token (an article has hundreds of
    # tokens), unless a character changes length on the way ("İ".lower() is two characters).
    lowered = text.lower()
    whole = len(lowered) == len(text) and all(len(k) == 1 and len(v) == 1 for k, v in mapping.items())
    normed = _fold(lowered, mapping, table) if whole else ""
    bounds = [(s.start, s.end) for s in sentences]
    n_text, n_sentences = len(text), len(bounds)
    k = -1  # the last sentence that starts at or before the token (spans come in order)
    tokens: list[Token] = []
    append = tokens.append
    for start, end in spans:
        while k + 1 < n_sentences and bounds[k + 1][0] <= start:
            k += 1
        sentence = k if k >= 0 and start < bounds[k][1] else -1
        piece = text[start:end]
        if whole:
            lower, norm = lowered[start:end], normed[start:end]
        else:
            lower = piece.lower()
            norm = lower.translate(table)
        append(Token(piece, start, end, lower, norm, sentence, end < n_text and text[end].isspace()))
    return TextView(
        text=text, tokens=tokens, sentences=list(sentences), glued_paragraphs=list(glued_paragraphs)
    )


def _fold(text: str, mapping: dict[str, str], table: dict[int, str]) -> str:
    """`text.translate(table)`: by `str.replace` for each character the text has, which is much
    faster, when the folded characters are no keys themselves (one replacement cannot feed another)."""
    if not set(mapping.values()).isdisjoint(mapping):
        return text.translate(table)
    for key, value in mapping.items():
        if key in text:
            text = text.replace(key, value)
    return text


DEFAULT_FOLD = {"’": "'", "‘": "'", "“": '"', "”": '"', "«": '"', "»": '"', "–": "-", "—": "-"}
