"""Stage `segment`: the one text view every later stage reads (`kabar.textview`): tokens
by the pack's token pattern and sentences (character offsets), for the body, the title and
each caption. No later stage tokenises again.

Sentence boundaries come from the text, not a model: a line break always ends a
sentence; `.`, `!`, `?` (and closing quotes or brackets after them) end one unless
the word before the full stop is a known abbreviation (`Mayjen.`, `dll.`) or an
initial (`B.`), or the next word starts in lower case. Paragraphs that a scraper glued
together with a comma (`…di Riau.,Penangkapan …`) are split there too.
"""

from __future__ import annotations

import re

from kabar.document import Document
from kabar.lang import LanguagePack
from kabar.lang.grammar import TextGrammar
from kabar.model import Sentence
from kabar.registry import PerDocumentStage, register_stage
from kabar.textview import TextView, build_view

# A sentence end before white space, or before a comma glued to the next paragraph
# (scrapers that join paragraphs with "," leave "…Riau.,Penangkapan").
_END = re.compile(r"(?:[.!?]+|…)[\"”’'»)\]]*(?=\s)|[.!?][\"”’]?,+(?=[ \t\u00a0]*[\"“‘]?[A-Z])")
# (the end mark is matched, not looked behind for: re then seeks it instead of trying every place)
_GLUED = re.compile(r"[.!?][\"”’]?(,+)(?=[ \t\u00a0]*[\"“‘]?[A-Z])")


def split_sentences(text: str, abbreviations: frozenset[str]) -> list[Sentence]:
    sentences: list[Sentence] = []
    pos = 0
    for line in text.split("\n"):
        line_start = pos
        pos += len(line) + 1
        start = line_start
        for match in _END.finditer(line):
            end = line_start + match.end()
            if match.group().startswith(".") and not match.group().startswith(".."):
                # only the last few characters: rescanning the whole line is quadratic on
                # scraped articles that arrive as one long line
                word = _word_before(line[max(0, match.start() - 40) : match.start()]).lstrip("“\"'‘(«[")
                if word in abbreviations or (len(word) == 1 and word.isalpha()):
                    continue
            next_text = line[match.end() :].lstrip()
            if next_text[:1].islower():
                continue
            _append(sentences, text, start, end)
            start = end
        _append(sentences, text, start, line_start + len(line))
    return sentences


def _word_before(chunk: str) -> str:
    r"""The last run of non-space characters of `chunk` without its trailing full stops (one kept
    when it has nothing else), or "" when `chunk` ends in white space: what `(\S+?)\.*$` captures,
    without that pattern's quadratic search."""
    if not chunk or chunk[-1].isspace():
        return ""
    run = chunk.rsplit(None, 1)[-1]
    return run.rstrip(".") or run[:1]


def _append(sentences: list[Sentence], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        sentences.append(Sentence(start=start, end=end))


@register_stage("segment", requires=("body", "title", "captions"), assigns=("view", "sentences"))
class Segmenter(PerDocumentStage):
    name = "segment"

    def __init__(self, pack: LanguagePack):
        self.abbreviations = frozenset(pack.info.abbreviations)
        self.grammar: TextGrammar = pack.grammar("text")

    def view(self, text: str) -> TextView:
        """The text view of any piece of an article: tokens, sentences, glued paragraphs."""
        sentences = split_sentences(text, self.abbreviations)
        spans = [m.span() for m in self.grammar.token_pattern.finditer(text)]
        glued = [m.start(1) for m in _GLUED.finditer(text)]
        return build_view(text, spans, sentences, glued, self.grammar.fold)

    def __call__(self, doc: Document) -> None:
        art = doc.article
        doc.view = self.view(art.body)
        art.sentences = doc.view.sentences
        if art.title:
            doc.part_views["title"] = self.view(art.title)
        for i, caption in enumerate(art.captions):
            doc.part_views[f"captions[{i}]"] = self.view(caption)
