"""Direct quotes: a quotation between marks and its attribution, after the closing mark
(`“…,” kata X`, `“…,” tambahnya`, `“…,” X menambahkan`), before the opening one in the same
sentence (`X mengatakan, “…”`, `Menurut X, “…”`, a sentence ending in a colon), or that of the
quote just before it (`“…,” kata X. “…”`)."""

from __future__ import annotations

import itertools

from kabar.quotes.attribution import Attribution
from kabar.quotes.context import ArticleContext, Rules
from kabar.quotes.lexicon import is_cap
from kabar.quotes.marks import MarkReader
from kabar.quotes.model import Candidate, Closure, Cue, Kind, MarkSpan, Speaker

_STOPS = ".!?"


class DirectQuotes:
    def __init__(self, rules: Rules, attribution: Attribution):
        self.rules = rules
        self.lex = rules.lexicon
        self.config = rules.config
        self.marks = MarkReader(rules)
        self.attribution = attribution

    def find(self, ctx: ArticleContext) -> list[Candidate]:
        found: list[Candidate] = []
        prev: Candidate | None = None
        for span in self.marks.spans(ctx):
            candidate = self._candidate(ctx, span, prev)
            if candidate is not None:
                found.append(candidate)
                prev = candidate
        # `"…" tetapi pihak militer "…," kata X`: a quote with no attribution of its own takes
        # that of the next quote in the same sentence
        for c, nxt in itertools.pairwise(found):
            if (
                c.cue is Cue.NONE
                and nxt.cue is Cue.POST
                and not ctx.text.has_full_stop(c.region_end, nxt.open_at)
            ):
                c.speaker = nxt.speaker
        return found

    def _start(self, ctx: ArticleContext, span: MarkSpan, prev: Candidate | None) -> int:
        """Where the quoted words begin; for a closing mark alone, its paragraph (or sentence)."""
        if span.open_at >= 0:
            return span.open_at + 1
        text = ctx.text
        start = text.par_text_start[text.paragraph_of(span.close_at)]
        if span.close_at - start > self.config.max_unclosed_chars:
            start = text.sentence_start(span.close_at)
        if prev is not None and prev.region_end > start:
            start = prev.cue_end
        return start

    def _candidate(self, ctx: ArticleContext, span: MarkSpan, prev: Candidate | None) -> Candidate | None:
        body, text = ctx.body, ctx.text
        orphan = span.open_at < 0
        start, end = text_span = self._words_between(ctx, self._start(ctx, span, prev), span.close_at)
        if end <= start:
            return None
        mark_start = start - 1 if orphan else span.open_at
        region_end = span.close_at + 1 if span.closure is Closure.CLOSED else span.close_at
        cue_end = region_end
        speaker: Speaker | None = None
        cue = Cue.NONE
        words = text.count_words(*text_span)
        if span.closure is not Closure.UNCLOSED:
            post = self._post_cue(ctx, region_end)
            if post is not None:
                speaker, cue_end, cue = post
        if orphan and speaker is None:
            return None
        if speaker is None:
            pre = self._pre_cue(ctx, mark_start, prev)
            if pre is not None:
                speaker, gap_words, verb = pre
                cue = Cue.PRE
                if (gap_words and (words < 4 or verb not in self.lex.bare_verbs)) or words < 2:
                    speaker, cue = None, Cue.NONE
        if speaker is None and prev is not None and prev.kind is Kind.DIRECT:
            gap = body[prev.cue_end : mark_start]
            boundary = prev.cue_end == prev.region_end or any(ch in gap for ch in ".,;:\n")
            if not gap.strip(" \t\n.,;:") and boundary:
                cue = Cue.ADJACENT
        if cue is Cue.NONE:
            if not self._quotation_unattributed(ctx, start, end, mark_start, words):
                return None
            speaker = Speaker()
        return Candidate(start, end, Kind.DIRECT, mark_start, region_end, cue_end, speaker, cue)

    def _words_between(self, ctx: ArticleContext, start: int, end: int) -> tuple[int, int]:
        body, marks = ctx.body, self.rules.marks.all_marks
        while start < end and body[start].isspace():
            start += 1
        while end > start and (body[end - 1].isspace() or body[end - 1] == ","):
            end -= 1
        while start < end and (body[start] in ",;" or body[start] in marks or body[start].isspace()):
            start += 1
        return start, end

    def _quotation_unattributed(
        self, ctx: ArticleContext, start: int, end: int, mark_start: int, words: int
    ) -> bool:
        """Whether marks with no attribution hold a quotation: enough words, and no title in
        Title Case (`"Spirit Kurban Merawat Alam dan Kemanusiaan"`)."""
        at_start = ctx.text.starts_sentence(mark_start)
        needed = (
            self.config.min_words_uncued_sentence_start if at_start else self.config.min_words_uncued_inline
        )
        if words < needed:
            return False
        tokens = ctx.text.words(start, end)
        return sum(1 for w in tokens if is_cap(w)) < self.config.title_case_share * len(tokens)

    def _ends_sentence(self, ctx: ArticleContext, mark_start: int) -> bool:
        """Whether the quotation opening at `mark_start` closes its sentence."""
        body = ctx.body
        end = ctx.text.sentence_end(mark_start + 1)
        close = -1
        for m in self.rules.marks.any_mark.finditer(body, mark_start + 1, min(end + 2, len(body))):
            close = m.start()
        # the mark may close after the sentence's full stop (`… itu."`), but what follows a mark
        # before the stop is only read up to the stop (not into the next sentence)
        return close > mark_start and not body[close + 1 : max(end, close + 1)].strip(' .,!?"”’\n')

    def _post_cue(self, ctx: ArticleContext, pos: int) -> tuple[Speaker, int, Cue] | None:
        """An attribution right after a closing mark at `pos`: (speaker, end of attribution, cue)."""
        body, cues, lex = ctx.body, self.rules.cues, self.lex
        m = cues.after_close.match(body, pos)
        p = m.end() if m else pos
        punct = body[pos:p].strip()
        j = pos - 1
        while j >= 0 and (body[j] in self.rules.marks.all_marks or body[j].isspace()):
            j -= 1
        before_close = body[j] if j >= 0 else ""
        ended = punct in (".", "!", "?") or (not punct and before_close in _STOPS)
        limit = ctx.text.cue_limit(p, self.config.max_speaker_chars)
        c = cues.continuation.match(body, p)
        if c and (not ended or body[p].islower()):
            return Speaker(pronoun=True, additive=c.group().lower() in lex.additive), limit, Cue.CONTINUATION
        v = cues.post.match(body, p)
        if v and (not ended or body[p].islower() or v.group().lower() in lex.demonstratives):
            return self.attribution.speaker_after(ctx, v.end(), limit), limit, Cue.POST
        sv = cues.subject_verb.match(body, p)
        if sv and is_cap((ctx.text.words(sv.start(1), sv.end(1)) or [""])[0]):
            rest = body[sv.end() : limit].strip()
            rest_words = ctx.text.words(sv.end(), limit)
            first = rest_words[0].lower() if rest_words else ""
            tail = ctx.text.words(body.index(",", sv.end()) + 1, limit) if rest[:1] == "," else []
            short_tail = len(tail) <= 3 or tail[0].lower() in lex.calendar | lex.stop_words
            if (
                not rest
                or rest[0] in _STOPS
                or (rest[0] == "," and short_tail)
                or (first in lex.stop_words and first not in lex.complementizers)
            ):
                speaker = self.attribution.speaker_before(ctx, p, sv.end(1))
                if speaker.found:
                    return speaker, limit, Cue.POST
        return None

    def _pre_cue(
        self, ctx: ArticleContext, mark_start: int, prev: Candidate | None
    ) -> tuple[Speaker, int, str] | None:
        """An attribution before an opening mark, in the same sentence: (speaker, words between, verb)."""
        body, text = ctx.body, ctx.text
        ws = self._clause_start(ctx, mark_start, prev)
        if not body[ws:mark_start].strip():
            # "Ia mengatakan:" closing the paragraph before
            j = ws
            while j > 0 and body[j - 1].isspace():
                j -= 1
            if not (j > 0 and body[j - 1] == ":" and (prev is None or prev.region_end <= j - 1)):
                return None
            mark_start = j
            ws = self._clause_start(ctx, j - 1, prev)
        best: tuple[int, Speaker, int, str] | None = None  # (cue position, speaker, words between, verb)
        # Menurut X, "…"
        for a in self.rules.cues.according.finditer(body, ws, mark_start):
            seg_end = body.rfind(",", a.end(), mark_start)
            speaker = self.attribution.speaker_after(ctx, a.end(), seg_end if seg_end >= 0 else mark_start)
            if speaker.found:
                best = (a.start(), speaker, 0, "")
        # X mengatakan, "…"
        verbs = [
            v
            for v in self.rules.cues.speech.finditer(body, ws, mark_start)
            if self.attribution.main_verb(ctx, v.start(), ws)
        ]
        if verbs:
            v = verbs[-1]
            verb = v.group().lower()
            gap = self.rules.cues.complement_gap.match(body, v.end(), mark_start)
            gap_start = gap.end() if gap else v.end()
            gap_text = body[gap_start:mark_start]
            gap_words = text.count_words(gap_start, mark_start)
            if gap_text.rstrip().endswith(":") and gap_words <= 8:
                gap_words = 0  # "… menyampaikan pesan kepada warga: “…”"
            bare = verb in self.lex.bare_verbs
            limit = 8 if bare else 4
            if gap_words > limit and bare and self._ends_sentence(ctx, mark_start):
                gap_words = limit  # "X mengatakan bahwa … adalah "…"": a partial quote ending X's statement
            if gap_words <= limit and not any(ch in gap_text for ch in _STOPS):
                speaker = self.attribution.speaker_before(ctx, ws, v.start())
                if speaker.found and (best is None or v.start() > best[0]):
                    best = (v.start(), speaker, gap_words, verb)
        return best[1:] if best else None

    def _clause_start(self, ctx: ArticleContext, pos: int, prev: Candidate | None) -> int:
        """Where the words before a quote at `pos` begin: its sentence, after the quote before."""
        ws = ctx.text.sentence_start(pos)
        if prev is not None and prev.region_end > ws:
            ws = max(prev.cue_end, prev.region_end)
        return ws
