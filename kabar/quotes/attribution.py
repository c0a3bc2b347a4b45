"""Attribution: the phrase that names who spoke, after a speech verb (`kata X, jubir Y,`) or
before one (`X, kuasa hukum Y, mengatakan`), cut into comma pieces of which one names the speaker;
and whether a speech verb is the main verb of its clause."""

from __future__ import annotations

from kabar.quotes.context import ArticleContext, Rules
from kabar.quotes.lexicon import is_cap
from kabar.quotes.model import NOBODY, Speaker
from kabar.quotes.speakers import SpeakerReader
from kabar.quotes.text import trim


class Attribution:
    def __init__(self, rules: Rules, speakers: SpeakerReader):
        self.rules = rules
        self.lex = rules.lexicon
        self.speakers = speakers

    def pieces(self, ctx: ArticleContext, a: int, b: int) -> list[tuple[int, int]]:
        """Comma-separated pieces of a phrase; a piece made of degrees joins the one before."""
        degrees = self.rules.cues.degrees
        out: list[tuple[int, int]] = []
        for piece in ctx.text.segments(a, b):
            text = ctx.body[piece[0] : piece[1]]
            if out and text and degrees and degrees.fullmatch(text):
                out[-1] = (out[-1][0], piece[1])
            else:
                out.append(piece)
        return out

    def speaker_after(self, ctx: ArticleContext, a: int, b: int) -> Speaker:
        """The speaker named by the phrase that starts at `a` (after a speech verb)."""
        pieces = [x for x in self.pieces(ctx, a, b) if x[1] > x[0]]
        if not pieces:
            return NOBODY
        first = self.speakers.read(ctx, *pieces[0], after=True)
        if first.pronoun:
            return first
        if len(pieces) > 1 and not first.collective and not self.inclusion(ctx, *pieces[1]):
            s0, e0 = pieces[0]
            words0 = ctx.text.words(s0, e0)
            role_headed = bool(words0) and (
                words0[0].lower() in self.lex.role_heads | self.lex.determiners or not is_cap(words0[0])
            )
            if role_headed and not self._hits_stop_word(ctx, s0, e0):
                # "kata juru bicara Kemlu, Teuku Faizasyah": the name apposed to the role
                second = self.speakers.read(ctx, *pieces[1], after=True, names_only=True)
                person_first = first.entity is not None and ctx.mentions.label_of(first.entity) == "PER"
                if second.entity and ctx.mentions.label_of(second.entity) == "PER":
                    return second
                if not person_first and second.name and not second.entity:
                    return second
        return first

    def speaker_before(self, ctx: ArticleContext, a: int, b: int) -> Speaker:
        """The subject of a speech verb at `b`, in the clause starting at `a`."""
        lex, mentions = self.lex, ctx.mentions
        pieces = self.pieces(ctx, a, b)
        last = max((i for i, (s, e) in enumerate(pieces) if e > s), default=-1)
        for i in range(len(pieces) - 1, -1, -1):
            s, e = pieces[i]
            words = ctx.text.words(s, e)
            if not words:
                continue
            low = words[0].lower()
            if low in lex.relativizers or self.inclusion(ctx, s, e):
                continue  # ", yang …,"  /  ", termasuk Menlu Mesir X,"
            if low in lex.stop_words or low in lex.connectives or words[0].startswith("("):
                if mentions.mentions_in(s, e) and low in lex.stop_words and i == last:
                    return NOBODY  # "…, dengan militer Israel dan Hamas saling menuduh": no plain subject
                if not mentions.mentions_in(s, e, "PER") and not (low in lex.connectives and len(words) > 1):
                    continue  # an adverbial: "dalam keterangannya", "Senin (1/1)"
            if low in lex.calendar:
                continue
            if i > 0 and low not in lex.pronouns and self._describes_before(ctx, words, low, pieces[i - 1]):
                continue
            return self.speakers.read(ctx, s, e, after=False)
        return NOBODY

    def _describes_before(
        self, ctx: ArticleContext, words: list[str], low: str, before: tuple[int, int]
    ) -> bool:
        """Whether a piece only describes the name in the piece before it (`Arman Hanis, kuasa
        hukum Ferdy Sambo, mengatakan`, `Bassem Abu Odeh, sepupunya, menyebut`)."""
        if low in self.lex.role_heads and self.names_someone(ctx, *before):
            return True
        first_before = (ctx.text.words(*before, limit=1) or [""])[0].lower()
        if first_before in self.lex.stop_words:
            # "Dalam pernyataan yang …  Odeh …, sayap bersenjata Hamas mengatakan": an adverbial
            # before the subject, which describes nobody in it
            return False
        if not is_cap(words[0]) and ctx.mentions.mentions_in(*before, "PER"):
            return True
        described = not is_cap(words[0]) and self.speakers.unnamed([w.lower() for w in words]) is None
        return described and self.names_someone(ctx, *before)

    def names_someone(self, ctx: ArticleContext, s: int, e: int) -> bool:
        if ctx.mentions.mentions_in(s, e, "PER"):
            return True
        lex = self.lex
        words = ctx.text.words(s, e)
        first = words[0].lower() if words else ""
        return (
            lex.name_like(words)
            and first not in lex.role_heads
            # "Sebelumnya, Menteri X menjelaskan": a capitalised adverb opening the sentence
            and first not in lex.connectives | lex.adverbs | lex.stop_words | lex.calendar
        )

    def inclusion(self, ctx: ArticleContext, s: int, e: int) -> bool:
        """A comma piece listing examples of the phrase before it: `termasuk Menlu Mesir X`."""
        pattern = self.rules.cues.inclusion
        return pattern is not None and pattern.match(ctx.body, s, e) is not None

    def _hits_stop_word(self, ctx: ArticleContext, s: int, e: int) -> bool:
        return any(w.strip(",.") in self.lex.stop_words for w in ctx.text.words(s, e)[1:])

    def phrase_end(self, ctx: ArticleContext, a: int, limit: int) -> int | None:
        """The comma ending the speaker phrase that starts at `a` (after `Menurut`, or after a
        speech verb inside a sentence), past a role or name appositive and academic degrees
        (`Menurut Indah, peneliti senior …,`, `Menurut juru bicara Kemlu, Maria Zakharova,`,
        `Menurut ahli gizi X, MPH, MS,`)."""
        body, lex, degrees = ctx.body, self.lex, self.rules.cues.degrees
        comma = body.find(",", a, limit)
        if comma < 0:
            return None
        apposed = False
        while True:
            nxt = body.find(",", comma + 1, limit)
            if nxt < 0:
                return comma
            words = ctx.text.words(comma + 1, nxt)
            if degrees and degrees.fullmatch(body[comma + 1 : nxt].strip()):
                comma = nxt
                continue
            if apposed or not words:
                return comma
            if words[0].lower() in lex.role_heads and len(words) <= 8:
                comma, apposed = nxt, True
                continue
            if len(words) <= 5 and self._role_then_name(ctx, a, comma, nxt):
                comma, apposed = nxt, True
                continue
            return comma

    def _role_then_name(self, ctx: ArticleContext, a: int, comma: int, nxt: int) -> bool:
        """`Menurut juru bicara Kemlu Rusia, Maria Zakharova, …`, `Menurut seorang saksi, Budi, …`:
        a name apposed to a role (but `Menurut polisi, Budi, …` is what was said)."""
        head = [w.lower() for w in ctx.text.words(a, comma)]
        determined = False
        while head and head[0] in self.lex.determiners:
            head, determined = head[1:], True
        return (
            bool(head)
            and (head[0] in self.lex.role_heads or (determined and head[0] in self.lex.unnamed_first))
            and not ctx.mentions.mentions_in(a, comma, "PER")
            and self._name_piece(ctx, comma + 1, nxt)
        )

    def _name_piece(self, ctx: ArticleContext, s: int, e: int) -> bool:
        """Whether [s, e) is just a person's name (a person mention, or capitalised words that are
        no place or organisation)."""
        s, e = trim(ctx.body, s, e)
        mentions = ctx.mentions.mentions_in(s, e)
        if any(m.label == "PER" and m.start <= s and m.end >= e for m in mentions):
            return True
        if any(m.label != "PER" for m in mentions):
            return False
        words = ctx.text.words(s, e)
        return (
            self.lex.name_like(words)
            and any(ch.islower() for ch in words[-1])  # a name, not an acronym or a degree
            and words[0].lower() not in self.lex.calendar | self.lex.role_heads
        )

    def main_verb(self, ctx: ArticleContext, verb_start: int, s: int) -> bool:
        """Whether the speech verb at `verb_start` is its clause's main verb: it has a subject and
        is neither negated nor in a relative or non-finite phrase."""
        before = ctx.text.last_words(s, verb_start, 1)
        if not before:
            return False
        last = before[0].lower().strip(",")
        if last in self.lex.negations or last in self.lex.relativizers:
            return False
        return not self.in_relative(ctx, verb_start, s)

    def in_relative(self, ctx: ArticleContext, verb_start: int, s: int) -> bool:
        """`Pelaku usaha yang terbukti menambahkan …`: a verb just after `yang` is in a relative clause."""
        comma = ctx.body.rfind(",", s, verb_start)
        clause = ctx.text.last_words(comma + 1 if comma >= 0 else s, verb_start, 3)
        for k in range(len(clause) - 1, -1, -1):
            if clause[k].lower() in self.lex.relative_pronouns:
                return all(w[:1].islower() for w in clause[k + 1 :])
        return False
