"""What every step shares: the stage's rules (built once per pack) and the per-article context."""

from __future__ import annotations

from dataclasses import dataclass, field

from kabar.quotes.config import QuotesConfig
from kabar.quotes.lexicon import Lexicon
from kabar.quotes.mentions import MentionIndex
from kabar.quotes.model import Subject
from kabar.quotes.patterns import CuePatterns, CueWords, MarkPatterns
from kabar.quotes.text import BodyText


@dataclass(frozen=True)
class Rules:
    config: QuotesConfig
    lexicon: Lexicon
    marks: MarkPatterns
    cues: CuePatterns


@dataclass
class ArticleContext:
    text: BodyText
    mentions: MentionIndex
    # the subject found for a clause span, of persons only or of any kind
    # (see `resolve.SpeakerResolver.subject`)
    subjects: dict[tuple[int, int, bool], Subject | None] = field(default_factory=dict)
    body: str = field(init=False)
    # the body lower-cased, and where the first words of a cue pattern stand in it, for a quick
    # test before a scan for it (`IndirectQuotes.find`); a cue not here is scanned everywhere
    low: str = ""
    cue_words: dict[str, tuple[CueWords, list[int]]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.body = self.text.body


@dataclass(frozen=True)
class Phrase:
    """Words of a speaker phrase: their spans, their text without edge punctuation, lower-cased."""

    spans: list[tuple[int, int]]
    words: list[str]
    lows: list[str]

    @classmethod
    def read(cls, ctx: ArticleContext, s: int, e: int) -> Phrase:
        spans = ctx.text.word_spans(s, e)
        words = [ctx.body[a:b].strip(",.;:") for a, b in spans]
        return cls(spans, words, [w.lower() for w in words])

    def __len__(self) -> int:
        return len(self.spans)

    def cut(self, start: int, end: int | None = None) -> Phrase:
        return Phrase(self.spans[start:end], self.words[start:end], self.lows[start:end])

    @property
    def start(self) -> int:
        return self.spans[0][0]

    @property
    def end(self) -> int:
        return self.spans[-1][1]
