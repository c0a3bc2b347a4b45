"""Direct quotes: a quotation between marks and its attribution, after the closing mark
(`“…,” kata X`, `“…,” tambahnya`, `“…,” X menambahkan`), before the opening one in the same
sentence (`X mengatakan, “…”`, `Menurut X, “…”`, a sentence ending in a colon), or that of the
quote just before it (`“…,” kata X. “…”`)."""

from __future__ import annotations

import itertools
from dataclasses import dataclass, replace

from kabar.quotes.attribution import Attribution
from kabar.quotes.context import ArticleContext, Rules
from kabar.quotes.lexicon import is_cap
from kabar.quotes.marks import MarkReader
from kabar.quotes.model import Candidate, Closure, Cue, Kind, MarkSpan, Speaker

_STOPS = ".!?"


@dataclass(frozen=True)
class Pre:
    """An attribution before an opening mark: where it starts, who it names, the words between
    it and the mark, and whether its verb takes a bare complement."""

    at: int
    speaker: Speaker
    gap_words: int = 0
    bare: bool = False


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
            if pre is not None and not (
                (pre.gap_words and (words < 4 or not pre.bare or self._title(ctx, start, end))) or words < 2
            ):
                speaker, cue = pre.speaker, Cue.PRE
        if speaker is None and prev is not None and prev.kind is Kind.DIRECT:
            gap = body[prev.cue_end : mark_start]
            boundary = prev.cue_end == prev.region_end or any(ch in gap for ch in ".,;:\n")
            if not gap.strip(" \t\n.,;:") and (boundary or self._attribution_goes_on(ctx, prev, mark_start)):
                cue = Cue.ADJACENT
        if cue is Cue.NONE:
            if not self._quotation_unattributed(ctx, start, end, mark_start, words):
                return None
            speaker = self._sentence_speaker(ctx, mark_start, prev)
        return Candidate(start, end, Kind.DIRECT, mark_start, region_end, cue_end, speaker, cue)

    def _attribution_goes_on(self, ctx: ArticleContext, prev: Candidate, mark_start: int) -> bool:
        """Whether the attribution of the quote before runs on to this one with a second speech
        verb of the same speaker (`"…," demikian pernyataan itu, menambahkan bahwa ia "…"`)."""
        body, lex = ctx.body, self.lex
        for v in self.rules.cues.speech.finditer(body, prev.region_end, mark_start):
            before = ctx.text.last_words(prev.region_end, v.start(), 1)
            if before and (before[0].endswith(",") or before[0].lower() in lex.verb_conjunctions):
                return True
        return False

    def _sentence_speaker(self, ctx: ArticleContext, mark_start: int, prev: Candidate | None) -> Speaker:
        """Who says the sentence a quote with no attribution of its own stands in: the subject of
        its speech verb, however far before the quote (`X menyebut langkah itu diambil saat … apa
        yang disebutnya sebagai "…"`); nobody if it has none."""
        ws = self._clause_start(ctx, mark_start, prev)
        pre = self._pre_verb(ctx, ws, mark_start, gap_limit=False)
        return pre.speaker if pre is not None else Speaker()

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
        return words >= needed and not self._title(ctx, start, end)

    def _title(self, ctx: ArticleContext, start: int, end: int) -> bool:
        """Words in Title Case: the name of a work or a slogan, not what someone said."""
        tokens = ctx.text.words(start, end)
        return sum(1 for w in tokens if is_cap(w)) >= self.config.title_case_share * len(tokens)

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
            speaker = self.attribution.speaker_after(ctx, v.end(), limit)
            if speaker.described and v.group().lower() in lex.additive_verbs:
                speaker = replace(speaker, additive=True)
            return speaker, limit, Cue.POST
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

    def _pre_cue(self, ctx: ArticleContext, mark_start: int, prev: Candidate | None) -> Pre | None:
        """An attribution before an opening mark, in the same sentence: the latest of its shapes."""
        body = ctx.body
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
        found = [
            pre
            for shape in (self._pre_according, self._pre_inverted, self._pre_passive, self._pre_verb)
            if (pre := shape(ctx, ws, mark_start)) is not None
        ]
        return max(found, key=lambda pre: pre.at) if found else None

    def _pre_according(self, ctx: ArticleContext, ws: int, mark_start: int) -> Pre | None:
        """`Menurut X, "…"`"""
        body, best = ctx.body, None
        for a in self.rules.cues.according.finditer(body, ws, mark_start):
            seg_end = body.rfind(",", a.end(), mark_start)
            speaker = self.attribution.speaker_after(ctx, a.end(), seg_end if seg_end >= 0 else mark_start)
            if speaker.found:
                best = Pre(a.start(), speaker)
        return best

    def _pre_inverted(self, ctx: ArticleContext, ws: int, mark_start: int) -> Pre | None:
        """`Kematian mereka, sebut X, "…"`, `…, tambahnya, "…"`: an attribution set between
        commas right before the quote, its verb first."""
        body, lex, best = ctx.body, self.lex, None
        for t in self.rules.cues.trailing.finditer(body, ws, mark_start):
            end = max(body.rfind(",", t.end(), mark_start), body.rfind(":", t.end(), mark_start))
            if end < 0 or body[end + 1 : mark_start].strip():
                continue
            if t.group("cont"):
                if not body[t.end() : end].strip():
                    additive = t.group("cont").lower() in lex.additive
                    best = Pre(t.start(), Speaker(pronoun=True, additive=additive))
                continue
            speaker = self.attribution.speaker_after(ctx, t.end(), end)
            if speaker.found:
                best = Pre(t.start(), speaker)
        return best

    def _pre_passive(self, ctx: ArticleContext, ws: int, mark_start: int) -> Pre | None:
        """`Dikatakan X bahwa … "…"`: a passive speech verb naming the speaker, a complementiser."""
        pattern, body, best = self.rules.cues.passive, ctx.body, None
        for pv in pattern.finditer(body, ws, mark_start) if pattern is not None else ():
            following = ctx.text.words(pv.end(), mark_start, limit=1)
            if not following or not (is_cap(following[0]) or following[0].lower() in self.lex.pronouns):
                continue
            comp = self.rules.cues.complementizer_after.search(body, pv.end(), mark_start)
            if comp is None:
                continue
            speaker = self.attribution.speaker_after(ctx, pv.end(), comp.start())
            gap_words = self._partial_gap(ctx, comp.end(), mark_start, bare=True)
            if speaker.found and gap_words is not None:
                best = Pre(pv.start(), speaker, gap_words, bare=True)
        return best

    def _pre_verb(self, ctx: ArticleContext, ws: int, mark_start: int, gap_limit: bool = True) -> Pre | None:
        """`X mengatakan, "…"`, `X mengatakan bahwa … "…"` (any words between without `gap_limit`)"""
        body = ctx.body
        verbs = [
            v
            for v in self.rules.cues.speech.finditer(body, ws, mark_start)
            if self.attribution.main_verb(ctx, v.start(), ws)
        ]
        if not verbs:
            return None
        v = verbs[-1]
        verb = v.group().lower()
        bare = verb in self.lex.bare_verbs
        gap = self.rules.cues.complement_gap.match(body, v.end(), mark_start)
        gap_words = self._partial_gap(ctx, gap.end() if gap else v.end(), mark_start, bare)
        if gap_words is None:
            if gap_limit:
                return None
            gap_words = ctx.text.count_words(v.end(), mark_start)
        speaker = self.attribution.speaker_before(ctx, ws, v.start())
        return Pre(v.start(), speaker, gap_words, bare) if speaker.found else None

    def _partial_gap(self, ctx: ArticleContext, gap_start: int, mark_start: int, bare: bool) -> int | None:
        """The words between what introduces a quote and its opening mark, if few enough for the
        quote to be part of what was said; None if too many or a sentence ends between."""
        gap_text = ctx.body[gap_start:mark_start]
        gap_words = ctx.text.count_words(gap_start, mark_start)
        if gap_text.rstrip().endswith(":") and gap_words <= 8:
            gap_words = 0  # "… menyampaikan pesan kepada warga: “…”"
        limit = 8 if bare else 4
        if gap_words > limit and bare and self._ends_sentence(ctx, mark_start):
            gap_words = limit  # "X mengatakan bahwa … adalah "…"": a partial quote ending X's statement
        if gap_words > limit or any(ch in gap_text for ch in _STOPS):
            return None
        return gap_words

    def _clause_start(self, ctx: ArticleContext, pos: int, prev: Candidate | None) -> int:
        """Where the words before a quote at `pos` begin: its sentence, after the quote before."""
        ws = ctx.text.sentence_start(pos)
        if prev is not None and prev.region_end > ws:
            ws = max(prev.cue_end, prev.region_end)
        return ws
