"""Indirect speech, in sentences outside direct quotes and their attributions: `Menurut X, …`,
`Menurutnya, …`, `…, kata X.` (also interrupting the statement: `Jika …, kata X, …`),
`Dikatakan X bahwa …` (or only naming who spoke: `Hal itu disampaikan X`), and `X mengatakan
(bahwa) …`, two quotes for `X menyebut … dan mengatakan …`."""

from __future__ import annotations

import bisect
import re

from kabar.quotes.attribution import Attribution
from kabar.quotes.clauses import Clauses
from kabar.quotes.context import ArticleContext, Rules
from kabar.quotes.lexicon import is_cap
from kabar.quotes.model import Candidate, Kind, Speaker
from kabar.quotes.patterns import CueWords
from kabar.quotes.text import trim


class IndirectQuotes:
    def __init__(self, rules: Rules, attribution: Attribution, clauses: Clauses):
        self.rules = rules
        self.lex = rules.lexicon
        self.cues = rules.cues
        self.min_words = rules.config.min_words_indirect
        self.attribution = attribution
        self.clauses = clauses
        self._shapes = (
            self._according_pronoun,
            self._according,
            self._trailing,
            self._passive,
            self._speech_verb,
        )
        config = rules.config
        heads = {
            "according": CueWords.of(config.according_to),
            "passive": CueWords.of(config.passive_speech_verbs),
            "speech": CueWords.of(config.speech_verbs),
        }
        self._heads = {cue: words for cue, words in heads.items() if words is not None}

    def find(self, ctx: ArticleContext, direct: list[Candidate]) -> list[Candidate]:
        blocked = sorted((c.open_at, max(c.region_end, c.cue_end)) for c in direct)
        starts = [b[0] for b in blocked]
        reach: list[int] = []  # furthest end among blocked[: i + 1]
        for _, b in blocked:
            reach.append(max(b, reach[-1]) if reach else b)
        low = ctx.body.lower()
        if len(low) == len(ctx.body):  # offsets in `low` are those of the body
            ctx.low = low
            ctx.cue_words = {cue: (words, words.starts(low)) for cue, words in self._heads.items()}
        out: list[Candidate] = []
        for sent in ctx.text.sentences:
            s, e = sent.start, sent.end
            i = bisect.bisect_left(starts, e)
            if i and reach[i - 1] > s:
                continue  # overlaps a direct quote or its attribution
            out += self._in_sentence(ctx, s, e)
        return out

    def _in_sentence(self, ctx: ArticleContext, s: int, e: int) -> list[Candidate]:
        content_end = e
        while content_end > s and ctx.body[content_end - 1] in ".!?…":
            content_end -= 1
        for shape in self._shapes:
            found = shape(ctx, s, e, content_end)
            if found is not None:
                return found
        return []

    @staticmethod
    def _scan_from(ctx: ArticleContext, cue: str, s: int, e: int) -> int | None:
        """Where a scan of s..e for the cue pattern may start: the first place one of its words
        stands (no match starts before it); None when none does. Exact unless one of those words
        could run on from before s, where the scan starts at s."""
        words, at = ctx.cue_words.get(cue, (None, []))
        if words is None or (s > 0 and ctx.low[s - 1] in words.chars):
            return s
        i = bisect.bisect_left(at, s)
        return at[i] if i < len(at) and at[i] < e else None

    def _quote(
        self, ctx: ArticleContext, cs: int, ce: int, s: int, e: int, speaker: Speaker
    ) -> list[Candidate] | None:
        if ctx.text.count_words(cs, ce) < self.min_words:
            return None
        return [Candidate(cs, ce, Kind.INDIRECT, s, e, e, speaker)]

    def _according_pronoun(
        self, ctx: ArticleContext, s: int, e: int, content_end: int
    ) -> list[Candidate] | None:
        """`Menurutnya, …`"""
        pattern = self.cues.according_pronoun
        a = pattern.match(ctx.body, s) if pattern else None
        if not a:
            return None
        cs, ce = trim(ctx.body, a.end(), content_end)
        return self._quote(ctx, cs, ce, s, e, Speaker(pronoun=True, subject=True))

    def _according(self, ctx: ArticleContext, s: int, e: int, content_end: int) -> list[Candidate] | None:
        """`Menurut X, …`, after at most a connective and a few words."""
        body, start = ctx.body, self._scan_from(ctx, "according", s, e)
        if start is None:
            return None
        for a in self.cues.according.finditer(body, start, e):
            ps, pe = s, a.start()
            while ps < pe and body[ps] in " ,":
                ps += 1
            while pe > ps and body[pe - 1] in " ,":
                pe -= 1
            prefix = ctx.text.words(ps, pe)
            if len(prefix) > 3 or (prefix and prefix[0].lower() not in self.lex.connectives):
                continue
            comma = self.attribution.phrase_end(ctx, a.end(), content_end)
            if comma is None:
                return None
            speaker = self.attribution.speaker_after(ctx, a.end(), comma)
            cs, ce = trim(body, comma + 1, content_end)
            phrase = body[a.end() : comma].strip()
            if not speaker.found and 0 < ctx.text.count_words(a.end(), comma) <= 8:
                speaker = Speaker(None, phrase)  # "Menurut misi Israel di PBB, …" names a source
            return self._quote(ctx, cs, ce, s, e, speaker) if speaker.found else None
        return None

    def _trailing(self, ctx: ArticleContext, s: int, e: int, content_end: int) -> list[Candidate] | None:
        """`…, kata X.`, `…, ujarnya.`, `…, menurut X.`, `Jika …, kata X, … .`"""
        body, lex = ctx.body, self.lex
        for t in self.cues.trailing.finditer(body, s, e):
            before_word = ctx.text.last_words(s, t.start() + 1, 1)
            if before_word and before_word[0].strip(",").lower() in lex.relative_pronouns:
                continue  # "kepala yang, menurut Israel, telah dibunuh": an aside in a relative clause
            speaker = self._trailing_speaker(ctx, t, e)
            if speaker is None:
                continue
            cs, ce = trim(body, s, t.start())
            before = ctx.text.words(cs, ce)
            after = self._after_attribution(ctx, t.end(), content_end)
            if after is not None:
                if self._lead_in(before):
                    # "Selain itu, lanjut X, pendekatan …"
                    cs, ce = after, trim(body, after, content_end)[1]
                elif not self._attribution_tail(ctx, after) and (
                    not self.clauses.predicate(self.clauses.words(ctx, cs, ce), 0)
                    or self.clauses.predicate(self.clauses.words(ctx, after, content_end), 0)
                ):
                    # "Jika …, kata X, militer akan …", "Masjid Al Azhar, kata dia, bekerja sama …":
                    # one statement interrupted by its attribution
                    ce = trim(body, after, content_end)[1]
            found = self._quote(ctx, cs, ce, s, e, speaker)
            if found:
                return found
        return None

    def _trailing_speaker(self, ctx: ArticleContext, t: re.Match[str], e: int) -> Speaker | None:
        lex = self.lex
        following = ctx.text.words(t.end(), e)
        if t.group("cont"):
            rest = ctx.body[t.end() : e].strip()
            first = following[0].lower().strip(",.") if following else ""
            if rest and rest[0] not in ".!?," and first not in lex.stop_words:
                return None
            return Speaker(pronoun=True, additive=t.group("cont").lower() in lex.additive)
        if not following:
            return None
        w = following[0].strip(",.")
        low = w.lower()
        if not (is_cap(w) or low in lex.pronouns or low in lex.determiners or low in lex.unnamed_first):
            return None
        speaker = self.attribution.speaker_after(ctx, t.end(), e)
        return speaker if speaker.found else None

    def _passive(self, ctx: ArticleContext, s: int, e: int, content_end: int) -> list[Candidate] | None:
        """`Dikatakan X bahwa …`; `Hal itu disampaikan X saat …` names who spoke, with no quote."""
        pattern, start = self.cues.passive, self._scan_from(ctx, "passive", s, e)
        if pattern is None or start is None:
            return None
        body, lex = ctx.body, self.lex
        for pv in pattern.finditer(body, start, e):
            before = ctx.text.last_words(s, pv.start(), 1)
            if before and before[0].lower() in lex.relativizers:
                continue
            following = ctx.text.words(pv.end(), e, limit=1)
            if not following or not (is_cap(following[0]) or following[0].lower() in lex.pronouns):
                continue
            speaker = self.attribution.speaker_after(ctx, pv.end(), e)
            if not speaker.found:
                continue
            limit = min(e, pv.end() + self.rules.config.max_speaker_chars)
            comp = self.cues.complementizer_after.search(body, pv.end(), limit)
            if comp:
                cs, ce = trim(body, comp.end(), content_end)
                found = self._quote(ctx, cs, ce, s, e, speaker)
                if found:
                    return found
            # no quote, but it names who spoke: later pronouns and continuations point to it
            return [Candidate(pv.start(), pv.end(), Kind.INTRO, s, e, e, speaker)]
        return None

    def _speech_verb(self, ctx: ArticleContext, s: int, e: int, content_end: int) -> list[Candidate] | None:
        """`X mengatakan (bahwa) …`, `X menyebut … dan mengatakan …`."""
        start = self._scan_from(ctx, "speech", s, e)
        if start is None:
            return None
        for v in self.cues.speech.finditer(ctx.body, start, e):
            if not self.attribution.main_verb(ctx, v.start(), s):
                continue
            if self._embedded(ctx, s, v.start()):
                return []  # "ada spekulasi bahwa X mungkin salah ucap dan mengatakan …": not a report
            spans = self.clauses.reported(ctx, v, e, content_end)
            if not spans:
                continue
            speaker = self.attribution.speaker_before(ctx, s, v.start())
            if speaker.found:
                return [Candidate(cs, ce, Kind.INDIRECT, s, e, e, speaker) for cs, ce in spans]
            return []
        return None

    def _embedded(self, ctx: ArticleContext, s: int, verb_start: int) -> bool:
        """Whether the first speech verb of a sentence stands in a clause opened by a
        complementiser in its comma piece (`spekulasi bahwa X … mengatakan`, `agar X mengatakan`):
        what a clause supposes or wants, not what was said."""
        comma = ctx.body.rfind(",", s, verb_start)
        start = comma + 1 if comma >= 0 else s
        return self.cues.complementizer_after.search(ctx.body, start, verb_start) is not None

    def _after_attribution(self, ctx: ArticleContext, pos: int, end: int) -> int | None:
        """Where the words after an attribution inside a sentence begin (`…, kata Burhan,
        militer akan …`), or None when fewer than a statement's worth, or a date, follow."""
        comma = self.attribution.phrase_end(ctx, pos, end)
        if comma is None:
            return None
        cs, ce = trim(ctx.body, comma + 1, end)
        words = ctx.text.words(cs, ce)
        if len(words) < self.min_words:
            return None
        first = words[0].lower().strip(",.")
        if first in self.lex.calendar or first.startswith("("):
            return None
        return cs

    def _lead_in(self, before: list[str]) -> bool:
        """Whether the words before a mid-sentence attribution only lead into the statement
        (`Selain itu`, `Karena itu`, `Dikutip dari laman X`) rather than begin it (`Jika hujan`)."""
        lex = self.lex
        lows = [w.lower().strip(",") for w in before[:2]]
        if not lows or lows[0] in lex.source_leads:
            return True
        if len(before) >= self.min_words:
            return False
        return not (lows[0] in lex.subordinators and (len(lows) < 2 or lows[1] not in lex.anaphors))

    def _attribution_tail(self, ctx: ArticleContext, pos: int) -> bool:
        """Whether the words at `pos`, after an attribution, still describe it (`…, kata X,
        saat dihubungi, Senin`) rather than go on with what was said (`…, kata X, saat ini …`)."""
        words = ctx.text.words(pos, pos + 60, limit=2)
        if not words:
            return True
        first = words[0].lower().strip(",.")
        second = words[1].lower().strip(",.") if len(words) > 1 else ""
        return first in self.lex.attribution_tails and second not in self.lex.anaphors
