"""Names in a speaker phrase: a person mention read as the whole name around it (`Nicusor Dan`
for a mention `Nicusor`), a capitalised name NER missed, and a title with no name kept whole."""

from __future__ import annotations

from kabar.document import MentionRef
from kabar.quotes.context import ArticleContext, Phrase, Rules
from kabar.quotes.lexicon import is_cap
from kabar.quotes.model import NOBODY, Speaker

_EDGE = ",.;: "
_MAX_DESCRIPTION = 8  # words of a title with no name kept as the speaker


class NameReader:
    def __init__(self, rules: Rules):
        self.rules = rules
        self.lex = lex = rules.lexicon
        # words next to a person mention that are never part of the name
        self._not_in_names = (
            lex.role_heads
            | lex.honorifics
            | lex.calendar
            | lex.connectives
            | lex.conjunctions
            | lex.subordinators
            | lex.adverbs
            | lex.stop_words
            | lex.pronouns
        )

    def person(self, ctx: ArticleContext, p: Phrase, m: MentionRef, alone: bool) -> Speaker:
        """A person mention, named by the whole phrase when the phrase is only a name the mention
        covers part of: words after it (`Nicusor Dan` for a mention `Nicusor`), and words before
        it in a name apposed to a title (`ahli hukum UI, Gandjar Laksamana Bonaprapta,` for a
        mention `Laksamana Bonaprapta`; elsewhere a capitalised word before a name is as often
        a title or a connective opening the sentence)."""
        speaker = ctx.mentions.speaker(m)
        lex = self.lex
        before = [w for (_, b), w in zip(p.spans, p.words) if b <= m.start]
        after = [w for (a, _), w in zip(p.spans, p.words) if a >= m.end]
        added = before + after
        if (
            not alone
            or not added
            or not lex.name_like(p.words)
            or any(self._not_in_name(w) for w in added)
            or (before and not self._apposed(ctx, p))
        ):
            return speaker
        return Speaker(speaker.entity, ctx.body[p.start : p.end].strip(_EDGE))

    def _not_in_name(self, word: str) -> bool:
        degrees = self.rules.cues.degrees
        return (
            word.startswith("(")
            or word.endswith(")")
            or word.lower() in self._not_in_names
            or bool(degrees and degrees.fullmatch(word))
        )

    def _apposed(self, ctx: ArticleContext, p: Phrase) -> bool:
        """Whether the phrase stands between commas after a piece opening with a title
        (`Presiden Rumania, Nicusor Dan, …`)."""
        body = ctx.body
        i = p.start - 1
        while i >= 0 and body[i] == " ":
            i -= 1
        j = p.end
        while j < len(body) and body[j] == " ":
            j += 1
        if i < 0 or body[i] != "," or j >= len(body) or body[j] != ",":
            return False
        start = ctx.text.sentence_start(i)
        comma = body.rfind(",", start, i)
        first = ctx.text.words(comma + 1 if comma >= 0 else start, i, limit=1)
        return bool(first) and first[0].lower() in self.lex.role_heads

    def missed(self, ctx: ArticleContext, p: Phrase, head: int, after: bool) -> Speaker:
        """A capitalised name NER missed: the run after the head (after a verb), or the run
        ending the subject (before one)."""
        lex, words, lows = self.lex, p.words, p.lows
        if after:
            n = head
            while n < len(words) and self.namey(words[n], lows[n], n == head):
                n += 1
            if n > head and lows[head] in lex.role_heads and len(p) - head <= _MAX_DESCRIPTION:
                # "tambah Menteri Keuangan sayap kanan Israel": a title with no name, kept whole;
                # whoever holds it may have been named before (see resolve)
                name = ctx.body[p.spans[head][0] : p.end].strip(_EDGE)
                return Speaker(None, name, described=True)
            if n > head and lows[head] not in lex.calendar:
                return self._name(ctx, p.spans[head:n])
            return NOBODY
        n = len(words)
        while n > 0:
            if words[n - 1].endswith(")") and not words[n - 1].startswith("("):
                j = n - 2  # a bracketed abbreviation or expansion: "CDC (Centers … Prevention)"
                while j >= 0 and not words[j].startswith("("):
                    j -= 1
                if j >= 0:
                    n = j
                    continue
            if not self.namey(words[n - 1], lows[n - 1], n == len(words)):
                break
            n -= 1
        while n < len(words) and (lows[n] in lex.particles or words[n][:1].isdigit()):
            n += 1
        if n < len(words) and lows[n] not in lex.calendar and lows[n] not in lex.connectives:
            return self._name(ctx, p.spans[n:])
        return NOBODY

    def namey(self, word: str, low: str, edge: bool) -> bool:
        """Whether a word can be part of a personal or organisation name."""
        lex = self.lex
        if is_cap(word) or low in lex.honorifics or word.startswith("(") or word.endswith(")"):
            return True
        if edge:
            return False
        if low in lex.particles or word[:1].isdigit():
            return True
        degrees = self.rules.cues.degrees
        return bool(degrees and degrees.fullmatch(word))

    def _name(self, ctx: ArticleContext, spans: list[tuple[int, int]]) -> Speaker:
        """A name from its words, without degrees or a bracketed abbreviation at its end."""
        body, degrees = ctx.body, self.rules.cues.degrees
        words = [body[a:b] for a, b in spans]
        k = len(words)
        while k > 1 and (
            (degrees and degrees.fullmatch(words[k - 1].strip(",.;:"))) or words[k - 1].startswith("(")
        ):
            k -= 1
        name = body[spans[0][0] : spans[k - 1][1]].strip(_EDGE)
        if name.endswith(")") and "(" in name:
            head = name[: name.rfind("(")].strip()
            name = head or name[1:-1]
        return Speaker(None, name.strip("() ,") or None)
