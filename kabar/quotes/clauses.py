"""Indirect speech needs to know where what was said begins after a speech verb, and whether a
bare complement reads as a clause (`menyatakan Indonesia sangat prihatin`) or as a noun object
(`menyatakan dukungan kepada …`)."""

from __future__ import annotations

import re

from kabar.quotes.context import ArticleContext, Rules
from kabar.quotes.lexicon import is_cap
from kabar.quotes.text import trim

_EDGE = ',.;:!?"“”()'
_MAX_LABELLED = 6  # words of the object a labelling verb names before `sebagai`


class Clauses:
    def __init__(self, rules: Rules):
        self.rules = rules
        self.lex = rules.lexicon

    def words(self, ctx: ArticleContext, cs: int, ce: int, n: int = 30) -> list[str]:
        """Up to `n` words of [cs, ce), without punctuation at their edges."""
        words = [w.strip(_EDGE) for w in ctx.text.words(cs, min(ce, cs + 8 * n), limit=n)]
        return [w for w in words if w]

    def complement(self, ctx: ArticleContext, pos: int, end: int) -> int:
        """Where what was said begins after a speech verb ending at `pos`: past a comma or colon,
        a complementiser, or a short phrase closed by one (`kepada wartawan bahwa`)."""
        body = ctx.body
        gap_end = self._gap_end(ctx, pos, end)
        if gap_end > pos and body[pos:gap_end].strip():
            return gap_end
        spans = ctx.text.word_spans(pos, min(end, pos + 120), limit=12)
        first = body[spans[0][0] : spans[0][1]].lower().split(",")[0] if spans else ""
        if first in self.lex.stop_words:
            # "kepada Menlu China Wang Yi bahwa …", "kepada,bahwa …" (a name lost in scraping)
            comp = self.rules.cues.complementizer_after.search(body, spans[0][0], spans[-1][1])
            if comp:
                return self._gap_end(ctx, comp.start(), end)
            for _, e in spans[1:6]:
                if body[e - 1] == ",":
                    return self._gap_end(ctx, e - 1, end)
        return gap_end

    def _gap_end(self, ctx: ArticleContext, pos: int, end: int) -> int:
        """Past white space, a comma or colon and a complementiser at `pos`."""
        gap = self.rules.cues.complement_gap.match(ctx.body, pos, end)
        return gap.end() if gap else pos

    def clause_like(self, ctx: ArticleContext, cs: int, ce: int) -> bool:
        """Whether a bare complement reads as a clause (what was said), not as a noun object."""
        lex = self.lex
        words = self.words(ctx, cs, ce)
        if not words:
            return False
        low0 = words[0].lower()
        # "menyatakan solidaritasnya", "mengungkapkan kegembiraannya …": the noun, with its owner
        base = lex.grammar.without_possessive(low0)
        if self._feeling(words, base or low0, owned=base is not None):
            return False  # a feeling expressed, never a statement
        # "mengatakan kepada wartawan di Jakarta" (no clause) / "mengatakan saat ini X masih …"
        preposition = low0 in lex.np_enders
        nominal = (
            low0 in lex.noun_objects
            or base in lex.noun_objects
            or (
                lex.grammar.looks_nominal(low0)
                and not lex.verbish(words[0], low0)
                and low0 not in lex.not_nominals
            )
        )
        if not (nominal or preposition):
            return True
        return self.predicate(words, 1, modifier_first=nominal)

    def _feeling(self, words: list[str], noun: str, owned: bool) -> bool:
        """A feeling the speaker expresses: their own (`kekecewaannya`) or about something
        (`kekecewaan atas …`); not someone's named after it (`kemarahan Raffi itu settingan`)."""
        if noun not in self.lex.feelings:
            return False
        return owned or len(words) == 1 or words[1].lower() in self.lex.np_enders

    def predicate(self, words: list[str], start: int, modifier_first: bool = False) -> bool:
        """Whether a predicate comes in `words[start:]`: a predicate marker, a verb-like word
        outside a relative clause, or a demonstrative closing a subject (`kawasan itu aman`).
        With `modifier_first`, a verb-like word at `start` modifies the noun before it."""
        lex, grammar = self.lex, self.lex.grammar
        relative = 0  # words left in a relative clause: "capaian yang menunjukkan …"
        for k in range(start, len(words)):
            w, low = words[k], words[k].lower().split("-")[0]
            if low in lex.relative_pronouns:
                relative = 3
                continue
            base = grammar.without_emphasis(low)
            if base is not None and base in lex.predicate_markers:
                return True  # "bukanlah"
            verb = w[:1].islower() and (lex.verbish(w, low) or grammar.is_passive_verb(low))
            if relative:
                relative = 0 if verb else relative - 1  # it ends after its verb
                continue
            if low in lex.predicate_markers:
                return True
            if low in lex.verb_conjunctions and k + 1 < len(words):
                nxt = words[k + 1]
                if lex.verbish(nxt, nxt.lower()):
                    return False  # "… atas kecelakaan itu dan menyatakan …": the subject's next verb
            if low in lex.anaphors:
                nxt_low = words[k + 1].lower() if k + 1 < len(words) else ""
                if nxt_low and nxt_low not in lex.np_enders | lex.conjunctions | lex.verb_conjunctions:
                    return True  # "kawasan itu aman"
                continue
            modifier = modifier_first and k == start and grammar.modifies_noun(low)
            if verb and low not in lex.not_predicates and not modifier:
                return True
        return False

    def reported(
        self, ctx: ArticleContext, v: re.Match[str], e: int, content_end: int, chained: bool = False
    ) -> list[tuple[int, int]]:
        """What was said after the speech verb `v`, as (start, end) spans: one per speech verb
        of the same subject joined by a conjunction (`menyebut … dan mengatakan …`)."""
        body, lex, min_words = ctx.body, self.lex, self.rules.config.min_words_indirect
        gap = self.complement(ctx, v.end(), e)
        joined = body[v.end() : gap].strip()
        if not joined and v.group().lower() not in lex.bare_verbs:
            return []
        cs, ce = trim(body, gap, content_end)
        if not joined and not self.clause_like(ctx, cs, ce):
            return []  # "menyatakan dukungan kepada …": a noun object, not a statement
        if not joined and self._labels(ctx, v.group().lower(), cs, ce):
            return []  # "menyebut laporan itu sebagai rekayasa": a name given, not a statement
        if chained and not joined:
            # a second verb's bare complement must show its clause: "… dan mengatakan Moskow akan …",
            # not "… kemudian menambahkan komentar lanjutan"
            words = self.words(ctx, cs, ce)
            shows = words and (
                is_cap(words[0]) or words[0].lower() in lex.pronouns or self.predicate(words, 0)
            )
            if not shows:
                return []
        if ctx.text.count_words(cs, ce) < min_words:
            return []
        chain = self.rules.cues.chain
        for nxt in chain.finditer(body, cs, ce) if chain is not None else ():
            first = self._without_connectives(ctx, trim(body, cs, nxt.start()))
            v2 = self.rules.cues.speech.match(body, nxt.start("verb"))
            if v2 is None or ctx.text.count_words(*first) < min_words:
                continue
            rest = self.reported(ctx, v2, e, content_end, chained=True)
            if rest:  # "X menyebut … dan mengatakan …": two statements
                return [first, *rest]
        return [(cs, ce)]

    def _labels(self, ctx: ArticleContext, verb: str, cs: int, ce: int) -> bool:
        """Whether a labelling verb's bare complement is `X sebagai Y`, a short object first."""
        lex = self.lex
        if verb not in lex.labelling_verbs:
            return False
        words = self.words(ctx, cs, ce, n=_MAX_LABELLED + 1)
        lows = [w.lower() for w in words]
        marker = next((i for i in range(1, len(lows)) if lows[i] in lex.labelling_markers), None)
        # the object names something and says nothing of it: "menyebut Bolton sebagai …", not
        # "menyebut Bolton dikenal sebagai …"
        return marker is not None and not self.predicate(words[:marker], 1)

    def _without_connectives(self, ctx: ArticleContext, span: tuple[int, int]) -> tuple[int, int]:
        """`…, sebelum kemudian mengatakan`, `…, namun kemudian mengatakan`: the span without
        the connectives and subordinators ending it, when a comma comes before them (not
        `… pada Selasa lalu, dan mengatakan`, where `lalu` means "last")."""
        cut, run_start = span, span[1]
        while True:
            last = ctx.text.last_word(*cut)
            word = last[1].lower() if last else ""
            if last is None or (word not in self.lex.connectives and word not in self.lex.subordinators):
                break
            cut, run_start = trim(ctx.body, cut[0], last[0]), last[0]
        return cut if "," in ctx.body[cut[1] : run_start] else span
