"""Positions in the body the steps ask about, all read from the text view `segment` built:
words (whitespace-separated runs of its tokens), sentences (cut again where the view marks
paragraphs glued with a comma), paragraphs (lines) and where an attribution must end."""

from __future__ import annotations

import bisect
import re

from kabar.model import Sentence
from kabar.textview import TextView

_SENTENCE_END_PUNCT = ".!?…"
_STOPS = frozenset(".!?")
_STOP_CHAR = re.compile("[.!?]")


def _unglued(view: TextView) -> list[Sentence]:
    """The view's sentences, cut at each glued paragraph (`…Riau.,Penangkapan`): the first part
    ends before the comma (and a closing mark before it), the next starts after the comma."""
    body, glued = view.text, view.glued_paragraphs
    out: list[Sentence] = []
    for sent in view.sentences:
        start = sent.start
        for comma in glued[bisect.bisect_left(glued, sent.start) : bisect.bisect_left(glued, sent.end)]:
            cut = comma if body[comma - 1] in _STOPS else comma - 1
            if cut > start:
                out.append(Sentence(start, cut))
            start = comma + 1
        if sent.end > start:
            out.append(Sentence(start, sent.end))
    return out


def trim(body: str, start: int, end: int) -> tuple[int, int]:
    """[start, end) without white space around it and without commas at its end."""
    while start < end and body[start].isspace():
        start += 1
    while end > start and (body[end - 1].isspace() or body[end - 1] == ","):
        end -= 1
    return start, end


class BodyText:
    def __init__(self, view: TextView, any_mark: re.Pattern[str], abbreviations: frozenset[str]):
        self.body = body = view.text
        self.any_mark = any_mark
        self.abbreviations = abbreviations
        self.glued = list(view.glued_paragraphs)
        self.sentences = _unglued(view)
        self.sent_starts = [s.start for s in self.sentences]
        self.par_start: list[int] = []
        self.par_end: list[int] = []
        self.par_text_start: list[int] = []
        pos = 0
        for line in body.split("\n"):
            self.par_start.append(pos)
            self.par_end.append(pos + len(line.rstrip()))
            self.par_text_start.append(pos + len(line) - len(line.lstrip()))
            pos += len(line) + 1
        # a word is a run of tokens with no space between them
        tokens = view.tokens
        starts, ends = view.starts, view.ends
        self.word_starts = [s for s, e in zip(starts, [-1, *ends]) if s != e]
        self.word_ends = [e for e, s in zip(ends, [*starts[1:], -1]) if s != e]
        # `.`, `!`, `?` tokens followed by white space
        self.stops: list[int] = []
        for match in _STOP_CHAR.finditer(body):
            i = bisect.bisect_right(starts, match.start()) - 1
            if i >= 0 and starts[i] == match.start() and ends[i] == match.end() and tokens[i].space_after:
                self.stops.append(match.start())

    # words: what `body[a:b].split()` gives, from the view's tokens
    def word_spans(self, a: int, b: int, limit: int | None = None) -> list[tuple[int, int]]:
        if b <= a:
            return []
        first = bisect.bisect_right(self.word_ends, a)
        last = bisect.bisect_left(self.word_starts, b)
        if limit is not None:
            last = min(last, first + limit)
        spans = list(zip(self.word_starts[first:last], self.word_ends[first:last]))
        if spans:  # only the first and the last word can stick out of [a, b)
            spans[0] = (max(a, spans[0][0]), spans[0][1])
            spans[-1] = (spans[-1][0], min(b, spans[-1][1]))
        return spans

    def last_words(self, a: int, b: int, n: int) -> list[str]:
        """The last `n` words of [a, b) (fewer if it has fewer)."""
        if b <= a:
            return []
        first = bisect.bisect_right(self.word_ends, a)
        last = bisect.bisect_left(self.word_starts, b)
        spans = zip(
            self.word_starts[max(first, last - n) : last], self.word_ends[max(first, last - n) : last]
        )
        return [self.body[max(a, s) : min(b, e)] for s, e in spans]

    def words(self, a: int, b: int, limit: int | None = None) -> list[str]:
        if b <= a:
            return []
        starts, ends, body = self.word_starts, self.word_ends, self.body
        first = bisect.bisect_right(ends, a)
        last = bisect.bisect_left(starts, b)
        if limit is not None:
            last = min(last, first + limit)
        if last <= first:
            return []
        out = [body[s:e] for s, e in zip(starts[first:last], ends[first:last])]
        # only the first and the last word can stick out of [a, b)
        if starts[first] < a:
            out[0] = body[a : min(b, ends[first])]
        if ends[last - 1] > b:
            out[-1] = body[max(a, starts[last - 1]) : b]
        return out

    def count_words(self, a: int, b: int) -> int:
        if b <= a:
            return 0
        first = bisect.bisect_right(self.word_ends, a)
        return max(0, bisect.bisect_left(self.word_starts, b) - first)

    def last_word(self, a: int, b: int) -> tuple[int, str] | None:
        """The last word of [a, b) and where it starts, trailing full stops dropped."""
        i = bisect.bisect_left(self.word_starts, b) - 1
        if b <= a or i < 0 or self.word_ends[i] <= a:
            return None
        start = max(a, self.word_starts[i])
        text = self.body[start : min(b, self.word_ends[i])]
        return start, text.rstrip(".") or text[:1]

    def has_full_stop(self, a: int, b: int) -> bool:
        """A `.`, `!` or `?` in [a, b) followed by white space inside it."""
        i = bisect.bisect_left(self.stops, a)
        return i < len(self.stops) and self.stops[i] + 1 < b

    # paragraphs
    def paragraph_of(self, pos: int) -> int:
        return max(0, bisect.bisect_right(self.par_start, pos) - 1)

    def next_paragraph(self, par: int) -> int:
        for p in range(par + 1, len(self.par_start)):
            if self.par_end[p] > self.par_text_start[p]:
                return p
        return -1

    # sentences
    def _sentence_index(self, pos: int) -> int:
        return bisect.bisect_right(self.sent_starts, pos) - 1

    def sentence_start(self, pos: int) -> int:
        i = self._sentence_index(pos)
        start = self.sentences[i].start if i >= 0 else 0
        return max(start, self.par_text_start[self.paragraph_of(pos)])

    def sentence_end(self, pos: int) -> int:
        i = self._sentence_index(pos)
        if i >= 0 and self.sentences[i].end > pos:
            return self.sentences[i].end
        if i + 1 < len(self.sentences):
            return self.sentences[i + 1].end
        return self.par_end[self.paragraph_of(pos)]

    def starts_sentence(self, pos: int) -> bool:
        before = self.body[self.sentence_start(pos) : pos].rstrip()
        return not before or before[-1] in _SENTENCE_END_PUNCT

    def cue_limit(self, pos: int, max_chars: int) -> int:
        """Where an attribution starting at `pos` ends: at its sentence's end, the next quotation
        mark, a full stop after anything but an abbreviation or an initial, or `max_chars`."""
        body = self.body
        end = min(self.sentence_end(pos), pos + max_chars, self.par_end[self.paragraph_of(pos)])
        m = self.any_mark.search(body, pos, end)
        if m:
            end = m.start()
        for stop in self.stops[bisect.bisect_left(self.stops, pos) :]:
            if stop + 1 >= end:
                break
            before = self.last_word(pos, stop) if not body[stop - 1].isspace() else None
            word = before[1] if before else ""
            if word not in self.abbreviations and not (len(word) == 1 and word.isalpha()):
                end = stop
                break
        while end > pos and body[end - 1] in " \t.!?…,;:":
            end -= 1
        return max(end, pos)

    def segments(self, a: int, b: int) -> list[tuple[int, int]]:
        """Comma-, semicolon- and colon-separated pieces of [a, b), brackets kept whole."""
        out = []
        start = a
        depth = 0
        for i in range(a, b):
            ch = self.body[i]
            if ch == "(":
                depth += 1
            elif ch == ")":
                depth = max(0, depth - 1)
            elif ch in ",;:" and depth == 0:
                out.append(trim(self.body, start, i))
                start = i + 1
        out.append(trim(self.body, start, b))
        return out
