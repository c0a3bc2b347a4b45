"""Quotation marks: each mark read as opening or closing from the characters around it, then
paired within a family and a paragraph; a quote left open goes on into the next paragraph when
that paragraph opens with a mark again, else ends at its attribution or its paragraph."""

from __future__ import annotations

import bisect

from kabar.quotes.context import ArticleContext, Rules
from kabar.quotes.model import Closure, MarkSpan, Role

# Characters before an opening mark that act like a space (`(“…`, `:“…`).
_OPEN_CONTEXT = "([{<—–-/:"
# Characters after a closing mark that act like a space (`…”,`).
_CLOSE_CONTEXT = ",.;:!?)]}>…—–-"
# Before `,` glued to a mark, these show paragraphs joined by a comma (`….,"Kami …`, also
# `….,"kami …`, which the text view does not count as a glued paragraph).
_JOINED = ".!?\"“”'’"
# Punctuation that only ends a quoted sentence: a mark after one of these closes.
_END_PUNCT = ",.!?…"
_DOUBLE = '"“”„‟″«»'


def _inside(spans: list[tuple[int, int]], pos: int) -> bool:
    i = bisect.bisect_right(spans, (pos, 1 << 62)) - 1
    return i >= 0 and spans[i][0] <= pos < spans[i][1]


class MarkReader:
    def __init__(self, rules: Rules):
        self.rules = rules
        self.marks = rules.marks

    def spans(self, ctx: ArticleContext) -> list[MarkSpan]:
        """Every quotation between marks, in body order. Families pair in the pack's order; a
        mark inside a quotation of an earlier family is part of it."""
        spans: list[MarkSpan] = []
        taken: list[tuple[int, int]] = []
        for nominal, family_re in zip(self.marks.families, self.marks.family_res):
            marks = [m.start() for m in family_re.finditer(ctx.body) if not _inside(taken, m.start())]
            found = self._pair(ctx, marks, nominal)
            spans += found
            taken = sorted(taken + [(s.open_at, s.close_at + 1) for s in found if s.open_at >= 0])
        spans.sort(key=lambda s: (s.open_at, s.close_at))
        return spans

    def _role(self, body: str, i: int, nominal: Role, single: bool) -> Role:
        all_marks = self.marks.all_marks
        j = i - 1
        while j >= 0 and body[j] in all_marks:
            j -= 1
        k = i + 1
        while k < len(body) and body[k] in all_marks:
            k += 1
        prev = body[j] if j >= 0 else " "
        nxt = body[k] if k < len(body) else " "
        space_before = prev.isspace() or prev in _OPEN_CONTEXT
        if prev == "," and nxt.isalnum() and (j == 0 or body[j - 1].isspace() or body[j - 1] in _JOINED):
            space_before = True  # paragraphs joined by a comma in scraped text: `….,"Kami …`
        space_after = nxt.isspace() or nxt in _CLOSE_CONTEXT
        if space_before and not space_after:
            return Role.OPEN
        if space_after and not space_before:
            return Role.CLOSE
        if space_before and space_after:
            return nominal
        # letters or punctuation on both sides
        if prev in _END_PUNCT:
            return Role.CLOSE
        if prev.isalnum() and nxt.isalnum():
            return Role.NONE if single else Role.EITHER  # an apostrophe (Jum'at) or a glued quote
        return nominal

    def _pair(self, ctx: ArticleContext, marks: list[int], nominal: dict[str, int]) -> list[MarkSpan]:
        body, text = ctx.body, ctx.text
        single = all(ch not in _DOUBLE for ch in nominal)
        out: list[MarkSpan] = []
        open_at: int | None = None
        open_last_par = -1
        for pos in marks:
            role = self._role(body, pos, Role(nominal[body[pos]]), single)
            if role == Role.NONE:
                continue
            par = text.paragraph_of(pos)
            if open_at is not None and par > open_last_par:
                # A paragraph opening with a mark continues a quote left open (multi-paragraph quote).
                if (
                    par == text.next_paragraph(open_last_par)
                    and pos == text.par_text_start[par]
                    and role in (Role.OPEN, Role.EITHER)
                ):
                    open_last_par = par
                    continue
                out.append(self._unclosed(ctx, open_at, open_last_par))
                open_at = None
            if open_at is None:
                if role in (Role.OPEN, Role.EITHER):
                    open_at, open_last_par = pos, par
                else:
                    out.append(MarkSpan(-1, pos, Closure.CLOSED))  # a closing mark without an opening one
            elif role in (Role.CLOSE, Role.EITHER):
                out.append(MarkSpan(open_at, pos, Closure.CLOSED))
                open_at = None
            else:  # a second opening mark while one is open: the first was never closed
                out.append(MarkSpan(open_at, pos, Closure.UNCLOSED))
                open_at, open_last_par = pos, par
        if open_at is not None:
            out.append(self._unclosed(ctx, open_at, open_last_par))
        return [s for s in out if s.close_at > s.open_at]

    def _unclosed(self, ctx: ArticleContext, open_at: int, last_par: int) -> MarkSpan:
        """A quote never closed ends where its attribution begins, else at its paragraph's end
        (or its sentence's, when the paragraph runs on too far)."""
        text = ctx.text
        end = text.par_end[last_par]
        if last_par == text.paragraph_of(open_at):
            cut = self.rules.cues.cut.search(ctx.body, open_at + 1, end)
            if cut:
                return MarkSpan(open_at, cut.start(), Closure.CUT)
            if end - open_at > self.rules.config.max_unclosed_chars:
                end = text.sentence_end(open_at + 1)
        return MarkSpan(open_at, end, Closure.UNCLOSED)
