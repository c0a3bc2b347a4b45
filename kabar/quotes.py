"""Stage `quotes`: every quotation in the body, direct or indirect, with its speaker.

How it works (all word lists come from the language pack's `quotes.yaml`):

1. **Quotation marks.** Each mark is read as opening or closing from the characters around
   it, so straight quotes, curly quotes used the wrong way round (`”Kami siap,”`) and
   guillemets all pair up. Marks of one family pair within a paragraph; a quote still open at
   a paragraph's end goes on into the next paragraph when that paragraph opens with a mark
   again (the convention for multi-paragraph quotes), otherwise it ends at its paragraph
   (sloppy scraping). A closing mark with no opening one still makes a quote when an
   attribution follows it.
2. **Attribution** of a direct quote, in this order: a speech verb after the closing mark
   (`“…,” kata X`, `“…,” X menambahkan`, `“…,” tambahnya`); a speech verb or `Menurut X`
   before the opening mark in the same sentence (`X mengatakan, “…”`, or a sentence ending
   in a colon); else the speaker of the quote just before it when only its attribution
   separates them (`“…,” kata X. “…”`). A quote with none of these keeps `speaker: null`;
   a short quoted term with no attribution (`disebut "rumah aman"`) is not a quotation.
3. **Indirect quotes**, in sentences outside direct quotes: `Menurut X, …`, `…, menurut X`,
   `Menurutnya, …`, `X mengatakan (bahwa) …`, `Dikatakan X bahwa …`, `…, kata X` without
   quotation marks (`Jika …, kata X, …` interrupted by its attribution is one quote).
   A complement with no complementiser must read as a clause, not a noun object
   (`menyatakan dukungan kepada …` is no quote); `X menyebut … dan mengatakan …` gives two.
   `Hal itu disampaikan X …` makes no quote but names the speaker that later continuations
   point to.
4. **Speakers.** The phrase naming the speaker is cut into comma-separated pieces; role
   appositives (`Arman Hanis, kuasa hukum Ferdy Sambo,`, `Menurut juru bicara X, Nama,`),
   examples (`, termasuk Menlu X,`) and relative clauses are skipped.
   In the piece that names the speaker: a collective body (`para menteri luar negeri Liga
   Arab`) is the organisation or country it names; a person mention wins (the entity's id, and
   its text as `speaker_name`); else an organisation or country standing at the head of the
   phrase (`Kemlu RI menyatakan`); a description with a demonstrative (`kementerian itu`) is the
   entity last named with that word; else an unnamed source (`para analis`, `sumber
   diplomatik`: `speaker_name` only); else a title one entity of the article holds (`kata
   Presiden`); else a capitalised name NER missed (`speaker_name`, linked to an entity when its
   words match exactly one entity of the article).
5. **Pronouns and continuations** (`kata dia`, `ujarnya`, `tambahnya`, `Ia mengatakan`,
   `Menurutnya`) point to the most recent plausible speaker: a person named since the last quote
   as the subject of a speech or statement verb (`X mengecam …`), or, for `ujarnya`/`katanya`,
   heading the sentence just before with an active verb (`X memuji …`), or, for a subject pronoun,
   heading any sentence since; else the last quote's speaker.

`Quote.text` is `body[start:end]`: the words inside the quotation marks (a comma closing the
quote dropped); a multi-paragraph quote keeps the opening marks of its later paragraphs.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from kabar.document import Document, MentionRef
from kabar.lang import LanguagePack
from kabar.model import Quote, Sentence
from kabar.registry import PerDocumentStage, register_stage
from kabar.segment import split_sentences

OPEN, CLOSE, EITHER, NONE = 1, 2, 3, 0
CUT = "cut"  # an unclosed quote ended where its attribution begins

# Characters before an opening mark that act like a space (`(“…`, `:“…`).
_OPEN_CONTEXT = "([{<—–-/:"
# Characters after a closing mark that act like a space (`…”,`).
_CLOSE_CONTEXT = ",.;:!?)]}>…—–-"
# Punctuation that only ends a quoted sentence: a mark after one of these closes.
_END_PUNCT = ",.!?…"
_WORD = re.compile(r"\S+")
_SENTENCE_END_PUNCT = re.compile(r"[.!?…]+$")
_JOINED = ".!?\"“”'’"
# Scraped text that joined paragraphs with a comma: `….,"Kami …` or `….,Penangkapan …`.
_JOINED_PARAGRAPH = re.compile(r"(?<=[.!?])[\"”]?,(?=[\"“”]?[A-Z])")
_FULL_STOP = re.compile(r"[.!?](?=\s)")
_WORD_BEFORE = re.compile(r"(\S+?)\.*$")


def _alternation(words: Iterable[str], capitalised: bool = True) -> str:
    forms: set[str] = set()
    for w in words:
        w = str(w).strip()
        if not w:
            continue
        forms.add(w)
        if capitalised:
            forms.add(w[0].upper() + w[1:])
    ordered = sorted(forms, key=len, reverse=True)
    return "|".join(re.escape(f).replace(r"\ ", r"\s+") for f in ordered)


def _wordset(words: Iterable[str]) -> frozenset[str]:
    return frozenset(str(w).lower() for w in words or [])


def _is_cap(word: str) -> bool:
    for ch in word:
        if ch.isalpha():
            return ch.isupper()
        if ch.isdigit():
            return False
    return False


@dataclass
class _Speaker:
    entity: str | None = None
    name: str | None = None
    pronoun: bool = False  # resolve to the nearest preceding speaker
    subject: bool = False  # a pronoun as subject ("Ia mengatakan", "Menurutnya"): may be a newer subject
    collective: bool = False  # a body speaking as one ("para menteri luar negeri Liga Arab")
    additive: bool = False  # a continuation that adds to what was said before ("tambahnya")
    plural: bool = False  # a plural pronoun ("mereka")

    @property
    def known(self) -> bool:
        return bool(self.entity or self.name)


@dataclass
class _Cand:
    start: int
    end: int
    kind: str
    open_at: int  # where the quotation (marks included) or the attributed clause begins
    region_end: int  # end of the quotation marks / the clause
    cue_end: int  # end of the attribution that goes with it
    speaker: _Speaker | None = None  # None: to be taken from the previous quote (adjacent)
    adjacent: bool = False
    extra: dict = field(default_factory=dict)


@register_stage("quotes", requires=("view", "entities", "mentions"), assigns=("quotes",))
class QuoteFinder(PerDocumentStage):
    name = "quotes"

    def __init__(self, pack: LanguagePack):
        cfg = pack.yaml("quotes.yaml") or {}
        self.families: list[tuple[dict[str, int], str]] = []
        all_marks: set[str] = set()
        for fam in cfg.get("quote_marks", []):
            nominal: dict[str, int] = {}
            for ch in fam.get("open", []):
                nominal[ch] = OPEN
            for ch in fam.get("close", []):
                nominal[ch] = EITHER if nominal.get(ch) == OPEN else CLOSE
            self.families.append((nominal, fam.get("name", "")))
            all_marks.update(nominal)
        self.all_marks = frozenset(all_marks)
        self.mark_re = [re.compile("[" + re.escape("".join(sorted(nom))) + "]") for nom, _ in self.families]
        self.any_mark_re = re.compile("[" + re.escape("".join(sorted(all_marks))) + "]")

        self.pronouns = _wordset(cfg.get("pronouns"))
        self.demonstratives = _wordset(cfg.get("demonstratives"))
        self.stop_words = _wordset(cfg.get("speaker_stop_words"))
        self.channel_words = _wordset(cfg.get("channel_words"))
        self.determiners = _wordset(cfg.get("unnamed_determiners"))
        self.role_heads = _wordset(cfg.get("role_heads"))
        self.connectives = _wordset(cfg.get("connectives"))
        self.conjunctions = _wordset(cfg.get("conjunctions"))
        self.anaphors = _wordset(cfg.get("anaphors"))
        self.negations = _wordset(cfg.get("negations"))
        self.relativizers = _wordset(cfg.get("relativizers"))
        self.relative_pronouns = _wordset(cfg.get("relative_pronouns"))
        self.adverbs = _wordset(cfg.get("adverbs"))
        self.particles = _wordset(cfg.get("name_particles"))
        self.honorifics = _wordset(cfg.get("honorifics"))
        degree = cfg.get("degree_regex")
        self.degree_re = re.compile(rf"(?:{degree})(?:[\s,]+(?:{degree}))*") if degree else None
        self.verb_re = re.compile(cfg["verb_regex"]) if cfg.get("verb_regex") else None
        self.not_verbs = _wordset(cfg.get("not_verbs"))
        self.source_links = frozenset(cfg.get("source_links") or [])
        self.complementizers = _wordset(cfg.get("complementizers"))
        self.bare_verbs = _wordset(cfg.get("bare_indirect_verbs"))
        self.continuations = _wordset(cfg.get("continuations"))
        self.predicate_markers = _wordset(cfg.get("predicate_markers"))
        self.np_enders = _wordset(cfg.get("np_enders"))
        self.nominal_re = re.compile(cfg["nominal_regex"]) if cfg.get("nominal_regex") else None
        self.predicate_re = re.compile(cfg["predicate_regex"]) if cfg.get("predicate_regex") else None
        self.noun_objects = _wordset(cfg.get("noun_objects"))
        self.not_predicates = _wordset(cfg.get("not_predicates"))
        self.subordinators = _wordset(cfg.get("subordinators"))
        self.attribution_tails = _wordset(cfg.get("attribution_tails"))
        self.additive = _wordset(cfg.get("additive_continuations"))
        self.not_nominals = _wordset(cfg.get("not_nominals"))
        self.role_links = _wordset(cfg.get("role_links"))
        self.name_links = _wordset(cfg.get("name_links"))
        self.verb_conjunctions = _wordset(cfg.get("verb_conjunctions"))
        self.plural_pronouns = _wordset(cfg.get("plural_pronouns"))
        self.active_re = re.compile(cfg["active_verb_regex"]) if cfg.get("active_verb_regex") else None
        self.emphatic = str(cfg.get("emphatic_suffix") or "\0")
        self.modifier_prefixes = tuple(str(p) for p in cfg.get("modifier_prefixes") or []) or ("\0",)
        self.source_leads = _wordset(cfg.get("source_leads"))
        self.statement_verbs = _wordset(cfg.get("statement_verbs")) | _wordset(cfg.get("speech_verbs"))
        self.collective = _wordset(cfg.get("collective_determiners"))
        inclusion = _alternation(cfg.get("inclusion_words") or [])
        self.inclusion_re = re.compile(rf"(?:{inclusion})\b") if inclusion else None
        heads = [str(h).lower().split() for h in cfg.get("unnamed_heads", [])]
        self.unnamed_heads = {tuple(h) for h in heads}
        self.unnamed_first = {h[0] for h in heads}
        calendar = {str(k).lower() for k in (pack.get("weekdays") or {})}
        calendar |= {str(k).lower() for k in (pack.get("months") or {})}
        self.calendar = frozenset(calendar)
        self.abbreviations = frozenset(pack.get("abbreviations", []))

        self.min_uncued_start = int(cfg.get("min_words_uncued_sentence_start", 3))
        self.min_uncued_inline = int(cfg.get("min_words_uncued_inline", 6))
        self.min_indirect = int(cfg.get("min_words_indirect", 3))
        self.max_unclosed = int(cfg.get("max_unclosed_chars", 600))
        self.max_speaker = int(cfg.get("max_speaker_chars", 160))
        self.title_case_share = float(cfg.get("title_case_share", 0.6))

        post = _alternation(cfg.get("post_verbs", []))
        cont = _alternation(cfg.get("continuations", []))
        speech = _alternation(cfg.get("speech_verbs", []))
        according = _alternation(cfg.get("according_to", []))
        demonstr = _alternation(cfg.get("demonstratives", []))
        comp = _alternation(cfg.get("complementizers", []), capitalised=False)
        sp = r"[^\S\n]"
        # Right after a closing mark.
        self.after_close = re.compile(rf"{sp}*[,.:;]?{sp}*")
        self.cont_re = re.compile(rf"(?:{cont})\b")
        self.post_re = re.compile(rf"(?:{post}|{according}|{demonstr})(?={sp})")
        self.subj_verb_re = re.compile(rf"([^\n.!?;“”\"«»]{{1,90}}?){sp}+(?:{speech})\b")
        self.speech_re = re.compile(rf"(?<![\w-])(?:{speech})\b")
        self.according_re = re.compile(rf"(?<![\w-])(?:{according}){sp}+")
        according_pron = _alternation(cfg.get("according_to_pronouns", []))
        self.according_pron_re = re.compile(rf"(?:{according_pron}){sp}*,{sp}*") if according_pron else None
        passive = _alternation(cfg.get("passive_speech_verbs", []))
        self.passive_re = re.compile(rf"(?<![\w-])(?:{passive}){sp}+(?:oleh{sp}+)?") if passive else None
        self.comp_after_re = re.compile(rf"(?<![\w-])(?:{comp})\b{sp}*")
        self.comp_re = re.compile(rf"{sp}*[,:]?{sp}*(?:(?:{comp})\b)?[,:]?{sp}*")
        # An attribution without quotation marks closing a sentence: "…, kata X." / "…, ujarnya."
        post_low = _alternation(cfg.get("post_verbs", []), capitalised=False)
        according_low = _alternation(cfg.get("according_to", []), capitalised=False)
        cont_low = _alternation(cfg.get("continuations", []), capitalised=False)
        self.trailing_re = re.compile(
            rf",{sp}*(?:(?P<cont>{cont_low})\b|(?P<verb>{post_low}|{according_low}){sp}+)"
        )
        conj = _alternation(cfg.get("verb_conjunctions", []), capitalised=False)
        adverbs = _alternation(cfg.get("adverbs", []), capitalised=False)
        speech_low = _alternation(cfg.get("speech_verbs", []), capitalised=False)
        self.chain_re = (
            re.compile(
                rf"(?:,{sp}*)?(?<![\w-])(?:{conj}){sp}+(?:(?:{adverbs}){sp}+)*(?P<verb>{speech_low})\b"
            )
            if conj
            else None
        )
        self.cut_re = re.compile(rf"[,.]?[\"”’»]?{sp}+(?:(?:{post}){sp}+\S|(?:{cont})\b)")

    # ------------------------------------------------------------------ entry point

    def __call__(self, doc: Document) -> None:
        body = doc.article.body
        if not body:
            doc.article.quotes = []
            return
        sentences = doc.article.sentences or split_sentences(body, self.abbreviations)
        ctx = _Context(self, doc, body, sentences)
        cands = self._direct(ctx)
        cands += self._indirect(ctx, cands)
        cands.sort(key=lambda c: (c.start, c.end))
        doc.article.quotes = self._resolve(body, cands, ctx)

    # ------------------------------------------------------------------ direct quotes

    def _direct(self, ctx: _Context) -> list[_Cand]:
        body = ctx.body
        spans: list[tuple[int, int, bool]] = []  # (open mark, close mark or end, closed?)
        taken: list[tuple[int, int]] = []
        for fam_index, (nominal, _) in enumerate(self.families):
            marks = [
                m.start() for m in self.mark_re[fam_index].finditer(body) if not _inside(taken, m.start())
            ]
            found = self._pair(ctx, marks, nominal)
            spans += found
            taken = sorted(taken + [(a, b + 1) for a, b, _ in found if a >= 0])
        spans.sort()
        cands: list[_Cand] = []
        prev: _Cand | None = None
        for open_at, close_at, closed in spans:
            cand = self._direct_candidate(ctx, open_at, close_at, closed, prev)
            if cand is not None:
                cands.append(cand)
                prev = cand
        # `"…" tetapi pihak militer "…," kata X`: a quote with no attribution of its own takes
        # that of the next quote in the same sentence
        for c, nxt in itertools.pairwise(cands):
            uncued = c.extra.get("how") == "" and not c.adjacent
            if (
                uncued
                and nxt.extra.get("how") == "post"
                and not _FULL_STOP.search(body, c.region_end, nxt.open_at)
            ):
                c.speaker = nxt.speaker
        return cands

    def _role(self, body: str, i: int, nominal: int, single: bool) -> int:
        j = i - 1
        while j >= 0 and body[j] in self.all_marks:
            j -= 1
        k = i + 1
        while k < len(body) and body[k] in self.all_marks:
            k += 1
        prev = body[j] if j >= 0 else " "
        nxt = body[k] if k < len(body) else " "
        space_before = prev.isspace() or prev in _OPEN_CONTEXT
        if prev == "," and nxt.isalnum() and (j == 0 or body[j - 1].isspace() or body[j - 1] in _JOINED):
            space_before = True  # paragraphs joined by a comma in scraped text: `….,"Kami …`
        space_after = nxt.isspace() or nxt in _CLOSE_CONTEXT
        if space_before and not space_after:
            return OPEN
        if space_after and not space_before:
            return CLOSE
        if space_before and space_after:
            return nominal if nominal != EITHER else EITHER
        # letters or punctuation on both sides
        if prev in _END_PUNCT:
            return CLOSE
        if prev.isalnum() and nxt.isalnum():
            return NONE if single else EITHER  # an apostrophe (Jum'at) or a glued quote
        return nominal if nominal != EITHER else EITHER

    def _pair(self, ctx: _Context, marks: list[int], nominal: dict[str, int]) -> list[tuple[int, int, bool]]:
        body = ctx.body
        single = all(not _is_double(ch) for ch in nominal)
        out: list[tuple[int, int, bool]] = []
        open_at: int | None = None
        open_last_par = -1
        for pos in marks:
            role = self._role(body, pos, nominal[body[pos]], single)
            if role == NONE:
                continue
            par = ctx.paragraph_of(pos)
            if open_at is not None and par > open_last_par:
                # A paragraph opening with a mark continues a quote left open (multi-paragraph quote).
                if (
                    par == ctx.next_paragraph(open_last_par)
                    and pos == ctx.par_text_start[par]
                    and role in (OPEN, EITHER)
                ):
                    open_last_par = par
                    continue
                out.append(self._unclosed(ctx, open_at, open_last_par))
                open_at = None
            if open_at is None:
                if role in (OPEN, EITHER):
                    open_at, open_last_par = pos, par
                else:
                    out.append((-1, pos, True))  # closing mark without an opening one
            elif role in (CLOSE, EITHER):
                out.append((open_at, pos, True))
                open_at = None
            else:  # a second opening mark while one is open: the first was never closed
                out.append((open_at, pos, False))
                open_at, open_last_par = pos, par
        if open_at is not None:
            out.append(self._unclosed(ctx, open_at, open_last_par))
        return [s for s in out if s[1] > s[0]]

    def _unclosed(self, ctx: _Context, open_at: int, last_par: int) -> tuple[int, int, bool]:
        end = ctx.par_end[last_par]
        if last_par == ctx.paragraph_of(open_at):
            cut = self.cut_re.search(ctx.body, open_at + 1, end)
            if cut:
                return (open_at, cut.start(), CUT)
            if end - open_at > self.max_unclosed:
                end = ctx.sentence_end(open_at + 1)
        return (open_at, end, False)

    def _direct_candidate(
        self, ctx: _Context, open_at: int, close_at: int, closed: bool, prev: _Cand | None
    ) -> _Cand | None:
        body = ctx.body
        orphan = open_at < 0
        if orphan:
            # closing mark alone: the quote starts at its paragraph (or sentence) start
            par = ctx.paragraph_of(close_at)
            start = ctx.par_text_start[par]
            if close_at - start > self.max_unclosed:
                start = ctx.sentence_start(close_at)
            if prev is not None and prev.region_end > start:
                start = prev.cue_end
        else:
            start = open_at + 1
        end = close_at
        start, end = _trim(body, start, end)
        while start < end and (body[start] in ",;" or body[start] in self.all_marks or body[start].isspace()):
            start += 1
        if end <= start:
            return None
        mark_start = start - 1 if orphan else open_at
        region_end = close_at + 1 if closed is True else close_at
        cue_end = region_end
        speaker: _Speaker | None = None
        how = ""
        words = len(_WORD.findall(body, start, end))

        if closed:
            post = self._post_cue(ctx, close_at + 1 if closed is True else close_at)
            if post is not None:
                speaker, cue_end, how = post
        if orphan and speaker is None:
            return None
        if speaker is None:
            pre = self._pre_cue(ctx, mark_start, prev)
            if pre is not None:
                speaker, gap_words, verb = pre
                how = "pre"
                if (gap_words and (words < 4 or verb not in self.bare_verbs)) or words < 2:
                    speaker, how = None, ""
        if speaker is None and prev is not None and prev.kind == "direct":
            gap = body[prev.cue_end : mark_start]
            boundary = prev.cue_end == prev.region_end or any(ch in gap for ch in ".,;:\n")
            if not gap.strip(" \t\n.,;:") and boundary:
                how = "adjacent"
        if not how:
            at_start = ctx.starts_sentence(mark_start)
            needed = self.min_uncued_start if at_start else self.min_uncued_inline
            if words < needed:
                return None
            tokens = _WORD.findall(body, start, end)
            if sum(1 for w in tokens if _is_cap(w)) >= self.title_case_share * len(tokens):
                return None  # a title in quotation marks: "Spirit Kurban Merawat Alam dan Kemanusiaan"
            speaker = _Speaker()
        cand = _Cand(
            start, end, "direct", mark_start, region_end, cue_end, speaker, adjacent=how == "adjacent"
        )
        cand.extra["how"] = how
        return cand

    def _ends_sentence(self, ctx: _Context, mark_start: int) -> bool:
        """Whether the quotation opening at `mark_start` closes its sentence."""
        body = ctx.body
        end = ctx.sentence_end(mark_start + 1)
        close = -1
        for m in self.any_mark_re.finditer(body, mark_start + 1, min(end + 2, len(body))):
            close = m.start()
        return close > mark_start and not body[close + 1 : end + 2].strip(' .,!?"”’\n')

    def _post_cue(self, ctx: _Context, pos: int) -> tuple[_Speaker, int, str] | None:
        """An attribution right after a closing mark at `pos`: (speaker, end of attribution, how)."""
        body = ctx.body
        m = self.after_close.match(body, pos)
        p = m.end()
        punct = body[pos:p].strip()
        j = pos - 1
        while j >= 0 and (body[j] in self.all_marks or body[j].isspace()):
            j -= 1
        before_close = body[j] if j >= 0 else ""
        ended = punct in (".", "!", "?") or (not punct and before_close in ".!?")
        limit = ctx.cue_limit(p, self.max_speaker)
        c = self.cont_re.match(body, p)
        if c and (not ended or body[p].islower()):
            return _Speaker(pronoun=True, additive=c.group().lower() in self.additive), limit, "continuation"
        v = self.post_re.match(body, p)
        if v and (not ended or body[p].islower() or v.group().lower() in self.demonstratives):
            speaker = self._speaker_after(ctx, v.end(), limit)
            return speaker, limit, "post"
        sv = self.subj_verb_re.match(body, p)
        if sv and _is_cap(sv.group(1).split()[0] if sv.group(1).split() else ""):
            after = body[sv.end() : limit].strip()
            first = after.split()[0].lower() if after.split() else ""
            tail = after[1:].split() if after[:1] == "," else []
            short_tail = len(tail) <= 3 or tail[0].lower() in self.calendar | self.stop_words
            if (
                not after
                or after[0] in ".!?"
                or (after[0] == "," and short_tail)
                or (first in self.stop_words and first not in self.complementizers)
            ):
                speaker = self._speaker_before(ctx, p, sv.start(1) + len(sv.group(1)))
                if speaker.known or speaker.pronoun:
                    return speaker, limit, "post"
        return None

    def _pre_cue(
        self, ctx: _Context, mark_start: int, prev: _Cand | None
    ) -> tuple[_Speaker, int, str] | None:
        """An attribution before an opening mark, in the same sentence: (speaker, words between, verb)."""
        body = ctx.body
        ws = ctx.sentence_start(mark_start)
        if prev is not None and prev.region_end > ws:
            ws = max(prev.cue_end, prev.region_end)
        if not body[ws:mark_start].strip():
            # "Ia mengatakan:" closing the paragraph before
            j = ws
            while j > 0 and body[j - 1].isspace():
                j -= 1
            if j > 0 and body[j - 1] == ":" and (prev is None or prev.region_end <= j - 1):
                mark_start = j
                ws = ctx.sentence_start(j - 1)
                if prev is not None and prev.region_end > ws:
                    ws = max(prev.cue_end, prev.region_end)
            else:
                return None
        best: tuple[int, _Speaker, int, str] | None = None  # (cue position, speaker, words between, verb)
        # Menurut X, "…"
        for a in self.according_re.finditer(body, ws, mark_start):
            seg_end = body.rfind(",", a.end(), mark_start)
            if seg_end < 0:
                seg_end = mark_start
            speaker = self._speaker_after(ctx, a.end(), seg_end)
            if speaker.known or speaker.pronoun:
                best = (a.start(), speaker, 0, "")
        # X mengatakan, "…"
        verbs = [
            v for v in self.speech_re.finditer(body, ws, mark_start) if self._main_verb(ctx, v.start(), ws)
        ]
        if verbs:
            v = verbs[-1]
            gap = self.comp_re.match(body, v.end(), mark_start)
            gap_text = body[gap.end() : mark_start]
            gap_words = len(gap_text.split())
            if gap_text.rstrip().endswith(":") and gap_words <= 8:
                gap_words = 0  # "… menyampaikan pesan kepada warga: “…”"
            limit = 8 if v.group().lower() in self.bare_verbs else 4
            bare = v.group().lower() in self.bare_verbs
            if gap_words > limit and bare and self._ends_sentence(ctx, mark_start):
                gap_words = limit  # "X mengatakan bahwa … adalah "…"": a partial quote ending X's statement
            if gap_words <= limit and not any(ch in gap_text for ch in ".!?"):
                speaker = self._speaker_before(ctx, ws, v.start())
                if (speaker.known or speaker.pronoun) and (best is None or v.start() > best[0]):
                    best = (v.start(), speaker, gap_words, v.group().lower())
        return best[1:] if best else None

    # ------------------------------------------------------------------ indirect quotes

    def _indirect(self, ctx: _Context, direct: list[_Cand]) -> list[_Cand]:
        blocked = sorted((c.open_at, max(c.region_end, c.cue_end)) for c in direct)
        starts = [b[0] for b in blocked]
        reach: list[int] = []  # furthest end among blocked[: i + 1]
        for _, b in blocked:
            reach.append(max(b, reach[-1]) if reach else b)
        out: list[_Cand] = []
        for sent in ctx.sentences:
            s, e = sent.start, sent.end
            i = bisect.bisect_left(starts, e)
            if i and reach[i - 1] > s:
                continue  # overlaps a direct quote or its attribution
            out += self._indirect_in(ctx, s, e)
        return out

    def _indirect_in(self, ctx: _Context, s: int, e: int) -> list[_Cand]:
        body = ctx.body
        content_end = e
        while content_end > s and body[content_end - 1] in ".!?…":
            content_end -= 1
        # Menurutnya, …
        a = self.according_pron_re.match(body, s) if self.according_pron_re else None
        if a:
            cs, ce = _trim(body, a.end(), content_end)
            if len(_WORD.findall(body, cs, ce)) >= self.min_indirect:
                return [_Cand(cs, ce, "indirect", s, e, e, _Speaker(pronoun=True, subject=True))]
        # Menurut X, …
        for a in self.according_re.finditer(body, s, e):
            prefix = body[s : a.start()].strip(" ,")
            if len(prefix.split()) <= 3 and (not prefix or prefix.split()[0].lower() in self.connectives):
                comma = self._speaker_phrase_end(ctx, a.end(), content_end)
                if comma is None:
                    break
                speaker = self._speaker_after(ctx, a.end(), comma)
                cs, ce = _trim(body, comma + 1, content_end)
                phrase = body[a.end() : comma].strip()
                if not (speaker.known or speaker.pronoun) and 0 < len(phrase.split()) <= 8:
                    speaker = _Speaker(None, phrase)  # "Menurut misi Israel di PBB, …" names a source
                if (speaker.known or speaker.pronoun) and len(
                    _WORD.findall(body, cs, ce)
                ) >= self.min_indirect:
                    return [_Cand(cs, ce, "indirect", s, e, e, speaker)]
                break
        # …, kata X.  /  …, ujarnya.  /  …, menurut X.  /  Jika …, kata X, … .
        for t in self.trailing_re.finditer(body, s, e):
            if t.group("cont"):
                rest = body[t.end() : e].strip()
                first = rest.split()[0].lower().strip(",.") if rest.split() else ""
                if rest and rest[0] not in ".!?," and first not in self.stop_words:
                    continue
                speaker = _Speaker(pronoun=True, additive=t.group("cont").lower() in self.additive)
            else:
                nxt = body[t.end() : e].split()
                if not nxt:
                    continue
                w = nxt[0].strip(",.")
                if not (
                    _is_cap(w)
                    or w.lower() in self.pronouns
                    or w.lower() in self.determiners
                    or w.lower() in self.unnamed_first
                ):
                    continue
                speaker = self._speaker_after(ctx, t.end(), e)
                if not (speaker.known or speaker.pronoun):
                    continue
            cs, ce = _trim(body, s, t.start())
            before = body[cs:ce].split()
            after = self._after_attribution(ctx, t.end(), content_end)
            if after is not None:
                if self._lead_in(before):
                    # "Selain itu, lanjut X, pendekatan …"
                    cs, ce = after, _trim(body, after, content_end)[1]
                elif not self._attribution_tail(ctx, after) and (
                    not self._predicate(self._words(ctx, cs, ce), 0)
                    or self._predicate(self._words(ctx, after, content_end), 0)
                ):
                    # "Jika …, kata X, militer akan …", "Masjid Al Azhar, kata dia, bekerja sama …":
                    # one statement interrupted by its attribution
                    ce = _trim(body, after, content_end)[1]
            if len(_WORD.findall(body, cs, ce)) >= self.min_indirect:
                return [_Cand(cs, ce, "indirect", s, e, e, speaker)]
        # Dikatakan X bahwa …  /  Hal itu disampaikan X saat …
        if self.passive_re:
            for pv in self.passive_re.finditer(body, s, e):
                before = body[s : pv.start()].split()
                if before and before[-1].lower() in self.relativizers:
                    continue
                nxt = body[pv.end() : e].split()
                if not nxt or not (_is_cap(nxt[0]) or nxt[0].lower() in self.pronouns):
                    continue
                speaker = self._speaker_after(ctx, pv.end(), e)
                if not (speaker.known or speaker.pronoun):
                    continue
                comp = self.comp_after_re.search(body, pv.end(), min(e, pv.end() + self.max_speaker))
                if comp:
                    cs, ce = _trim(body, comp.end(), content_end)
                    if len(_WORD.findall(body, cs, ce)) >= self.min_indirect:
                        return [_Cand(cs, ce, "indirect", s, e, e, speaker)]
                # no quote, but it names who spoke: later pronouns and continuations point to it
                return [_Cand(pv.start(), pv.end(), "intro", s, e, e, speaker)]
        # X mengatakan (bahwa) …  /  X menyebut … dan mengatakan …
        for v in self.speech_re.finditer(body, s, e):
            if not self._main_verb(ctx, v.start(), s):
                continue
            spans = self._reported(ctx, v, e, content_end)
            if not spans:
                continue
            speaker = self._speaker_before(ctx, s, v.start())
            if speaker.known or speaker.pronoun:
                return [_Cand(cs, ce, "indirect", s, e, e, speaker) for cs, ce in spans]
            return []
        return []

    def _reported(
        self, ctx: _Context, v: re.Match, e: int, content_end: int, chained: bool = False
    ) -> list[tuple[int, int]]:
        """What was said after the speech verb `v`, as (start, end) spans: one per speech verb
        of the same subject joined by a conjunction (`menyebut … dan mengatakan …`)."""
        body = ctx.body
        verb = v.group().lower()
        gap = self._complement(ctx, v.end(), e)
        joined = body[v.end() : gap].strip()
        if not joined and verb not in self.bare_verbs:
            return []
        cs, ce = _trim(body, gap, content_end)
        if not joined and not self._clause_like(ctx, cs, ce):
            return []  # "menyatakan dukungan kepada …": a noun object, not a statement
        if chained and not joined:
            # a second verb's bare complement must show its clause: "… dan mengatakan Moskow akan …",
            # not "… kemudian menambahkan komentar lanjutan"
            words = self._words(ctx, cs, ce)
            shows = words and (
                _is_cap(words[0]) or words[0].lower() in self.pronouns or self._predicate(words, 0)
            )
            if not shows:
                return []
        if len(_WORD.findall(body, cs, ce)) < self.min_indirect:
            return []
        if self.chain_re is not None:
            for nxt in self.chain_re.finditer(body, cs, ce):
                first = _trim(body, cs, nxt.start())
                while True:  # "…, sebelum kemudian mengatakan", "…, namun kemudian mengatakan"
                    m = _WORD_BEFORE.search(body, first[0], first[1])
                    w = m.group(1).lower() if m else ""
                    if w not in self.connectives and w not in self.subordinators:
                        break
                    first = _trim(body, first[0], m.start())
                v2 = self.speech_re.match(body, nxt.start("verb"))
                if v2 is None or len(_WORD.findall(body, *first)) < self.min_indirect:
                    continue
                rest = self._reported(ctx, v2, e, content_end, chained=True)
                if rest:  # "X menyebut … dan mengatakan …": two statements
                    return [first, *rest]
        return [(cs, ce)]

    def _words(self, ctx: _Context, cs: int, ce: int, n: int = 30) -> list[str]:
        words = [w.strip(',.;:!?"“”()') for w in ctx.body[cs : min(ce, cs + 8 * n)].split()[:n]]
        return [w for w in words if w]

    def _clause_like(self, ctx: _Context, cs: int, ce: int) -> bool:
        """Whether a bare complement reads as a clause (what was said), not as a noun object."""
        words = self._words(ctx, cs, ce)
        if not words:
            return False
        low0 = words[0].lower()
        # "mengatakan kepada wartawan di Jakarta" (no clause) / "mengatakan saat ini X masih …"
        preposition = low0 in self.np_enders
        nominal = low0 in self.noun_objects or bool(
            self.nominal_re
            and self.nominal_re.match(low0)
            and not self._verbish(words[0], low0)
            and low0 not in self.not_nominals
        )
        if not (nominal or preposition):
            return True
        return self._predicate(words, 1, modifier_first=nominal)

    def _predicate(self, words: list[str], start: int, modifier_first: bool = False) -> bool:
        """Whether a predicate comes in `words[start:]`: a predicate marker, a verb-like word
        outside a relative clause, or a demonstrative closing a subject (`kawasan itu aman`).
        With `modifier_first`, a me-/ter- word at `start` modifies the noun before it."""
        relative = 0  # words left in a relative clause: "capaian yang menunjukkan …"
        for k in range(start, len(words)):
            w, low = words[k], words[k].lower().split("-")[0]
            if low in self.relative_pronouns:
                relative = 3
                continue
            if low.endswith(self.emphatic) and low[: -len(self.emphatic)] in self.predicate_markers:
                return True  # "bukanlah"
            verb = w[:1].islower() and (
                self._verbish(w, low) or bool(self.predicate_re and self.predicate_re.match(low))
            )
            if relative:
                relative = 0 if verb else relative - 1  # it ends after its verb
                continue
            if low in self.predicate_markers:
                return True
            if low in self.verb_conjunctions and k + 1 < len(words):
                nxt = words[k + 1]
                if self._verbish(nxt, nxt.lower()):
                    return False  # "… atas kecelakaan itu dan menyatakan …": the subject's next verb
            if low in self.anaphors:
                nxt_low = words[k + 1].lower() if k + 1 < len(words) else ""
                if nxt_low and nxt_low not in self.np_enders | self.conjunctions | self.verb_conjunctions:
                    return True  # "kawasan itu aman"
                continue
            modifier = modifier_first and k == start and low.startswith(self.modifier_prefixes)
            if verb and low not in self.not_predicates and not modifier:
                return True
        return False

    def _after_attribution(self, ctx: _Context, pos: int, end: int) -> int | None:
        """Where the words after an attribution inside a sentence begin (`…, kata Burhan,
        militer akan …`), or None when fewer than a statement's worth, or a date, follow."""
        body = ctx.body
        comma = self._speaker_phrase_end(ctx, pos, end)
        if comma is None:
            return None
        cs, ce = _trim(body, comma + 1, end)
        words = body[cs:ce].split()
        if len(words) < self.min_indirect:
            return None
        first = words[0].lower().strip(",.")
        if first in self.calendar or first.startswith("("):
            return None
        return cs

    def _lead_in(self, before: list[str]) -> bool:
        """Whether the words before a mid-sentence attribution only lead into the statement
        (`Selain itu`, `Karena itu`, `Dikutip dari laman X`) rather than begin it (`Jika hujan`)."""
        lows = [w.lower().strip(",") for w in before[:2]]
        if not lows or lows[0] in self.source_leads:
            return True
        if len(before) >= self.min_indirect:
            return False
        return not (lows[0] in self.subordinators and (len(lows) < 2 or lows[1] not in self.anaphors))

    def _attribution_tail(self, ctx: _Context, pos: int) -> bool:
        """Whether the words at `pos`, after an attribution, still describe it (`…, kata X,
        saat dihubungi, Senin`) rather than go on with what was said (`…, kata X, saat ini …`)."""
        words = ctx.body[pos : pos + 60].split()[:2]
        if not words:
            return True
        first = words[0].lower().strip(",.")
        second = words[1].lower().strip(",.") if len(words) > 1 else ""
        return first in self.attribution_tails and second not in self.anaphors

    def _complement(self, ctx: _Context, pos: int, end: int) -> int:
        """Where what was said begins after a speech verb ending at `pos`: past a comma or colon,
        a complementiser, or a short phrase closed by one (`kepada wartawan bahwa`)."""
        body = ctx.body
        gap = self.comp_re.match(body, pos, end)
        if gap.end() > pos and body[pos : gap.end()].strip():
            return gap.end()
        tokens = list(_WORD.finditer(body, pos, min(end, pos + 80)))[:8]
        if tokens and tokens[0].group().lower() in self.stop_words:
            for t in tokens[1:]:
                if t.group().lower().strip(",") in self.complementizers:
                    return self.comp_re.match(body, t.start(), end).end()
            for t in tokens[1:6]:
                if t.group().endswith(","):
                    return self.comp_re.match(body, t.end() - 1, end).end()
        return gap.end()

    def _speaker_phrase_end(self, ctx: _Context, a: int, limit: int) -> int | None:
        """The comma ending the speaker phrase that starts at `a` (after `Menurut`, or after a
        speech verb inside a sentence), past a role or name appositive and academic degrees
        (`Menurut Indah, peneliti senior …,`, `Menurut juru bicara Kemlu, Maria Zakharova,`,
        `Menurut ahli gizi X, MPH, MS,`)."""
        body = ctx.body
        comma = body.find(",", a, limit)
        if comma < 0:
            return None
        apposed = False
        while True:
            nxt = body.find(",", comma + 1, limit)
            if nxt < 0:
                return comma
            piece = body[comma + 1 : nxt].strip()
            words = piece.split()
            if self.degree_re and self.degree_re.fullmatch(piece):
                comma = nxt
                continue
            if apposed or not words:
                return comma
            if words[0].lower() in self.role_heads and len(words) <= 8:
                comma, apposed = nxt, True
                continue
            # "Menurut juru bicara Kemlu Rusia, Maria Zakharova, …": the name apposed to a role
            head = [w.lower() for w in body[a:comma].split()]
            # "Menurut seorang saksi, Budi, …" (but "Menurut polisi, Budi, …" is content)
            determined = False
            while head and head[0] in self.determiners:
                head, determined = head[1:], True
            if (
                head
                and (head[0] in self.role_heads or (determined and head[0] in self.unnamed_first))
                and not self._mentions(ctx, a, comma, "PER")
                and len(words) <= 5
                and self._name_piece(ctx, comma + 1, nxt)
            ):
                comma, apposed = nxt, True
                continue
            return comma

    def _name_piece(self, ctx: _Context, s: int, e: int) -> bool:
        """Whether the text [s, e) is just a person's name (a person mention, or capitalised
        words that are no place or organisation)."""
        s, e = _trim(ctx.body, s, e)
        mentions = ctx.mentions_in(s, e)
        if any(m.label == "PER" and m.start <= s and m.end >= e for m in mentions):
            return True
        if any(m.label != "PER" for m in mentions):
            return False
        words = ctx.body[s:e].split()
        return (
            bool(words)
            and all(_is_cap(w) or w.lower() in self.particles for w in words)
            and any(ch.islower() for ch in words[-1])  # a name, not an acronym or a degree
            and words[0].lower() not in self.calendar | self.role_heads
        )

    def _main_verb(self, ctx: _Context, vstart: int, s: int) -> bool:
        before = ctx.body[s:vstart].split()
        if not before:
            return False  # a speech verb opening the sentence has no subject
        last = before[-1].lower().strip(",")
        if last in self.negations or last in self.relativizers:
            return False
        return not self._in_relative(ctx, vstart, s)

    def _in_relative(self, ctx: _Context, vstart: int, s: int) -> bool:
        """`Pelaku usaha yang terbukti menambahkan …`: a verb just after `yang` is in a relative clause."""
        clause = ctx.body[s:vstart].split(",")[-1].split()
        for k in range(len(clause) - 1, max(-1, len(clause) - 4), -1):
            if clause[k].lower() in self.relative_pronouns:
                return all(w[:1].islower() for w in clause[k + 1 :])
        return False

    # ------------------------------------------------------------------ speakers

    def _segments(self, ctx: _Context, a: int, b: int) -> list[tuple[int, int]]:
        """Comma-separated pieces of a phrase; a piece made of degrees joins the one before."""
        out: list[tuple[int, int]] = []
        for seg in ctx.segments(a, b):
            text = ctx.body[seg[0] : seg[1]]
            if out and text and self.degree_re and self.degree_re.fullmatch(text):
                out[-1] = (out[-1][0], seg[1])
            else:
                out.append(seg)
        return out

    def _speaker_after(self, ctx: _Context, a: int, b: int) -> _Speaker:
        """The speaker named by the phrase that starts at `a` (after a speech verb)."""
        segs = [x for x in self._segments(ctx, a, b) if x[1] > x[0]]
        if not segs:
            return _Speaker()
        first = self._segment(ctx, *segs[0], after=True)
        if first.pronoun:
            return first
        if len(segs) > 1 and not first.collective and not self._inclusion(ctx, *segs[1]):
            s0, e0 = segs[0]
            words0 = ctx.body[s0:e0].split()
            role_headed = bool(words0) and (
                words0[0].lower() in self.role_heads | self.determiners or not _is_cap(words0[0])
            )
            if role_headed and not self._hit_stop(ctx, s0, e0):
                second = self._segment(ctx, *segs[1], after=True, names_only=True)
                has_per0 = first.entity is not None and ctx.label_of(first.entity) == "PER"
                if second.entity and ctx.label_of(second.entity) == "PER":
                    return second
                if not has_per0 and second.name and not second.entity:
                    return second
        return first

    def _speaker_before(self, ctx: _Context, a: int, b: int) -> _Speaker:
        """The subject of a speech verb at `b`, in the clause starting at `a`."""
        segs = self._segments(ctx, a, b)
        last = max((i for i, (s, e) in enumerate(segs) if e > s), default=-1)
        for i in range(len(segs) - 1, -1, -1):
            s, e = segs[i]
            words = ctx.body[s:e].split()
            if not words:
                continue
            low = words[0].lower()
            if low in self.relativizers or self._inclusion(ctx, s, e):
                continue  # ", yang …,"  /  ", termasuk Menlu Mesir X,"
            if low in self.stop_words or low in self.connectives or words[0].startswith("("):
                if self._mentions(ctx, s, e) and low in self.stop_words and i == last:
                    return _Speaker()  # "…, dengan militer Israel dan Hamas saling menuduh": no plain subject
                if not self._mentions(ctx, s, e, "PER") and not (low in self.connectives and len(words) > 1):
                    continue  # an adverbial: "dalam keterangannya", "Senin (1/1)"
            if low in self.calendar:
                continue
            if i > 0 and low not in self.pronouns:
                # "Arman Hanis, kuasa hukum Ferdy Sambo, mengatakan": the piece describes the name before it
                if low in self.role_heads and self._names_someone(ctx, *segs[i - 1]):
                    continue
                if not _is_cap(words[0]) and self._mentions(ctx, *segs[i - 1], "PER"):
                    continue
                described = not _is_cap(words[0]) and self._unnamed([w.lower() for w in words]) is None
                if described and self._names_someone(ctx, *segs[i - 1]):
                    continue  # "Bassem Abu Odeh, sepupunya, menyebut"
            sp = self._segment(ctx, s, e, after=False)
            return sp
        return _Speaker()

    def _names_someone(self, ctx: _Context, s: int, e: int) -> bool:
        if self._mentions(ctx, s, e, "PER"):
            return True
        words = ctx.body[s:e].split()
        first = words[0].lower() if words else ""
        return (
            bool(words)
            and all(_is_cap(w) or w.lower() in self.particles for w in words)
            and first not in self.role_heads
            # "Sebelumnya, Menteri X menjelaskan": a capitalised adverb opening the sentence
            and first not in self.connectives | self.adverbs | self.stop_words | self.calendar
        )

    def _inclusion(self, ctx: _Context, s: int, e: int) -> bool:
        """A comma piece listing examples of the phrase before it: `termasuk Menlu Mesir X`."""
        return self.inclusion_re is not None and self.inclusion_re.match(ctx.body, s, e) is not None

    def _hit_stop(self, ctx: _Context, s: int, e: int) -> bool:
        return any(w.strip(",.") in self.stop_words for w in ctx.body[s:e].split()[1:])

    def _mentions(self, ctx: _Context, s: int, e: int, label: str | None = None) -> list[MentionRef]:
        return [m for m in ctx.mentions_in(s, e) if label is None or m.label == label]

    def _segment(self, ctx: _Context, s: int, e: int, after: bool, names_only: bool = False) -> _Speaker:
        body = ctx.body
        tokens = [(m.start(), m.end()) for m in _WORD.finditer(body, s, e)]
        if not tokens:
            return _Speaker()
        # Cut the phrase at a stop word (after a verb) / keep its tail before the verb.
        words = [body[a:b].strip(",.;:") for a, b in tokens]
        lows = [w.lower() for w in words]
        if after:
            if lows[0] in self.pronouns and (len(lows) == 1 or words[1] in self.stop_words or len(lows) <= 2):
                return _Speaker(pronoun=True)
            cut = len(tokens)
            for i in range(1, len(tokens)):
                w = words[i]
                if w in self.stop_words or w.startswith("(") or self._verbish(w, lows[i]):
                    cut = i
                    break
            linked = cut < len(tokens) - 1 and words[cut] in self.source_links and _is_cap(words[cut + 1])
            if linked and self._unnamed(lows[:cut]) is not None:
                # "sumber diplomatik di Jenewa", "pengamat politik dari Universitas Indonesia"
                n = cut + 1
                while (
                    n < len(words)
                    and words[n] not in self.stop_words
                    and (self._namey(words[n], lows[n], n == cut + 1))
                ):
                    n += 1
                first = tokens[self._unnamed(lows[:cut]) or 0][0]
                return _Speaker(None, body[first : tokens[n - 1][1]].strip(",.;: "))
            # "ujar peraih medali emas Olimpiade itu", "tambah Ketua IKAL (…) Angkatan LXII itu"
            ends_anaphor = lows[cut] in self.anaphors if cut < len(tokens) else False
            if not ends_anaphor:
                ends_anaphor = lows[-1] in self.anaphors and len(tokens) <= 12
                last = len(tokens) - 1
            else:
                last = cut
            if ends_anaphor and last > 0:
                # "Menurut kementerian itu", "kata menteri tersebut": the one named before
                ant = self._antecedent(ctx, tokens[:last], words[:last], lows[:last])
                if ant is not None:
                    return ant
            if ends_anaphor and lows[0] in self.role_heads and last > 0:
                named = any(m.label == "PER" for m in ctx.mentions_in(tokens[0][0], tokens[last - 1][1]))
                if not named:
                    return _Speaker(pronoun=True)
            tokens, words, lows = tokens[:cut], words[:cut], lows[:cut]
        else:
            # "X menjalani … dan kemudian Ducati mengumumkan": a new subject after a conjunction
            first_verb = next((i for i in range(1, len(words)) if self._verbish(words[i], lows[i])), None)
            if first_verb is not None:
                for i in range(len(words) - 2, first_verb, -1):
                    if lows[i] in self.conjunctions and any(
                        _is_cap(w) or lw in self.pronouns for w, lw in zip(words[i + 1 :], lows[i + 1 :])
                    ):
                        tokens, words, lows = tokens[i + 1 :], words[i + 1 :], lows[i + 1 :]
                        break
            for i in range(1, len(tokens)):
                w = words[i]
                if lows[i] in self.relative_pronouns and w[:1].islower() or self._verbish(w, lows[i]):
                    tokens, words, lows = tokens[:i], words[:i], lows[:i]
                    break
            while tokens and lows[-1] in self.adverbs:
                tokens, words, lows = tokens[:-1], words[:-1], lows[:-1]
            if not tokens:
                return _Speaker()
            if len(lows) > 1 and lows[-1] in self.anaphors:
                ant = self._antecedent(ctx, tokens[:-1], words[:-1], lows[:-1])
                if ant is not None:
                    return ant  # "Kementerian itu menegaskan …"
            if lows[-1] in self.pronouns or (lows[0] in self.pronouns and len(lows) == 1):
                return _Speaker(pronoun=True, subject=True, plural=lows[-1] in self.plural_pronouns)
        ps, pe = tokens[0][0], tokens[-1][1]
        collective = self._collective(ctx, tokens, lows)
        if collective is not None:
            return collective
        mentions = ctx.mentions_in(ps, pe)
        pers = [m for m in mentions if m.label == "PER"]
        if pers:
            m = pers[-1]  # "kata Kapolres Contoh Kota AKBP Budi Santoso": the name ends the run
            return _Speaker(m.entity_id, ctx.mention_name(m))
        # An organisation or country heading the phrase: "Kemlu RI", "pihak Kepolisian".
        i = 0
        while i < len(lows) - 1 and (lows[i] in self.channel_words or lows[i] in self.determiners):
            i += 1
        if not after:
            while i < len(lows) - 1 and lows[i] in self.connectives:
                i += 1
        head = tokens[i][0]
        for m in mentions:
            if m.start <= head < m.end and m.label in ("ORG", "GPE"):
                rest = [(a, w) for (a, _), w in zip(tokens, words) if a >= m.end]
                if (
                    rest
                    and _is_cap(rest[0][1])
                    and rest[0][1].lower() not in self.calendar
                    and not any(n.label != "PER" for n in ctx.mentions_in(rest[0][0], rest[0][0] + 1))
                ):
                    break  # "Kepala Lapas Tangerang Beni Hidayat": a name follows the organisation
                return _Speaker(m.entity_id, ctx.mention_name(m))
        if names_only:
            name_like = bool(words) and all(_is_cap(w) or w.lower() in self.particles for w in words)
            place = any(m.label in ("GPE", "LOC") for m in mentions)
            if name_like and lows[0] not in self.calendar | self.role_heads and not place:
                return _Speaker(None, body[ps:pe].strip(",.;: "))
            return _Speaker()
        # An unnamed source: "para analis dan pengamat politik", "sumber diplomatik".
        unnamed = self._unnamed(lows)
        if unnamed is not None:
            a = tokens[unnamed][0]
            return _Speaker(None, body[a:pe].strip(",.;: "))
        # A title one entity holds: "kata Presiden".
        phrase = " ".join(lows[i:]) if after else " ".join(lows)
        entity = ctx.title_entity(phrase)
        if entity is not None:
            return _Speaker(entity.id, body[ps:pe].strip(",.;: "))
        # A capitalised name NER missed.
        if after:
            n = i
            while n < len(words) and self._namey(words[n], lows[n], n == i):
                n += 1
            if n > i and lows[i] not in self.calendar:
                return self._name(body, tokens[i:n])
        else:
            n = len(words)
            while n > 0:
                if words[n - 1].endswith(")") and not words[n - 1].startswith("("):
                    j = n - 2  # a bracketed abbreviation or expansion: "CDC (Centers … Prevention)"
                    while j >= 0 and not words[j].startswith("("):
                        j -= 1
                    if j >= 0:
                        n = j
                        continue
                if not self._namey(words[n - 1], lows[n - 1], n == len(words)):
                    break
                n -= 1
            while n < len(words) and (lows[n] in self.particles or words[n][:1].isdigit()):
                n += 1
            if n < len(words) and lows[n] not in self.calendar and lows[n] not in self.connectives:
                return self._name(body, tokens[n:])
        return _Speaker()

    def _collective(self, ctx: _Context, tokens: list[tuple[int, int]], lows: list[str]) -> _Speaker | None:
        """A body speaking as one: `para menteri luar negeri Liga Arab` -> Liga Arab (the
        organisation or country it names, never one of its members); with none named, the phrase
        as an unnamed source (`para menteri`)."""
        j = 0
        while j < len(lows) - 1 and lows[j] in self.connectives:
            j += 1
        if j >= len(lows):
            return None
        k = j + 1 if lows[j] in self.collective else j
        if k >= len(lows):
            return None
        word = lows[k]
        half = word.split("-")
        plural_role = len(half) == 2 and half[0] == half[1] and half[0] in self.role_heads
        if not (plural_role or (k > j and word in self.role_heads)):
            return None
        for m in ctx.mentions_in(tokens[k][0], tokens[-1][1]):
            if m.label in ("ORG", "GPE") and m.start >= tokens[k][0]:
                words = ctx.body[tokens[k][0] : m.start].split()
                w = words[-1] if words else ""
                if w.lower() in self.name_links:
                    break  # "para ahli Commonwealth Bank of Australia": a longer name NER missed
                return _Speaker(m.entity_id, ctx.mention_name(m), collective=True)
        return _Speaker(None, ctx.body[tokens[j][0] : tokens[-1][1]].strip(",.;: "), collective=True)

    def _antecedent(
        self, ctx: _Context, tokens: list[tuple[int, int]], words: list[str], lows: list[str]
    ) -> _Speaker | None:
        """The entity a description with a demonstrative points back to (`kementerian itu` ->
        the last mention before it with the word `Kementerian`), when the description names nobody."""
        if not tokens or any(_is_cap(w) for w in words) or ctx.mentions_in(tokens[0][0], tokens[-1][1]):
            return None
        heads = [w for w in lows if w not in self.determiners and w not in self.collective]
        if not heads:
            return None
        return ctx.antecedent(heads[0], tokens[0][0])

    def _verbish(self, word: str, low: str) -> bool:
        """A lower-case word that looks like a verb (me-, ber-, di-, ter-), not a role or pronoun."""
        return (
            word[:1].islower()
            and self.verb_re is not None
            and self.verb_re.match(low) is not None
            and low not in self.not_verbs
            and low not in self.unnamed_first
            and low not in self.role_heads
            and low not in self.pronouns
            and low not in self.adverbs
        )

    def _namey(self, word: str, low: str, edge: bool) -> bool:
        """Whether a word can be part of a personal or organisation name."""
        if _is_cap(word) or low in self.honorifics or word.startswith("(") or word.endswith(")"):
            return True
        if edge:
            return False
        if low in self.particles or word[:1].isdigit():
            return True
        return bool(self.degree_re and self.degree_re.fullmatch(word))

    def _name(self, body: str, tokens: list[tuple[int, int]]) -> _Speaker:
        """A name from its words, without degrees or a bracketed abbreviation at its end."""
        words = [body[a:b] for a, b in tokens]
        k = len(words)
        while k > 1 and (
            (self.degree_re and self.degree_re.fullmatch(words[k - 1].strip(",.;:")))
            or words[k - 1].startswith("(")
        ):
            k -= 1
        name = body[tokens[0][0] : tokens[k - 1][1]].strip(",.;: ")
        if name.endswith(")") and "(" in name:
            head = name[: name.rfind("(")].strip()
            name = head or name[1:-1]
        return _Speaker(None, name.strip("() ,") or None)

    def _unnamed(self, lows: list[str]) -> int | None:
        """Index where an unnamed-source phrase starts in `lows`, if it is one."""
        for i, w in enumerate(lows):
            if w in self.determiners or w in self.unnamed_first:
                j = i
                while j < len(lows) and lows[j] in self.determiners and lows[j] not in self.unnamed_first:
                    j += 1
                for size in (3, 2, 1):
                    if tuple(lows[j : j + size]) in self.unnamed_heads:
                        return i
                # a determiner that is a head itself: "pihak kepolisian", "kalangan DPR"
                if any((w2,) in self.unnamed_heads for w2 in lows[i:j]):
                    return i
                return None
            if w in self.connectives or w in self.channel_words:
                continue
            return None
        return None

    # ------------------------------------------------------------------ subjects

    def _subject(self, ctx: _Context, s: int, e: int) -> tuple[_Speaker, str, bool] | None:
        key = (s, e)
        if key not in ctx.subjects:
            ctx.subjects[key] = self._find_subject(ctx, s, e)
        return ctx.subjects[key]

    def _find_subject(self, ctx: _Context, s: int, e: int) -> tuple[_Speaker, str, bool] | None:
        """The subject of the clause that opens the text [s, e), its verb, and whether that verb
        is active and follows the subject with at most adverbs between (`Hasan Basri membela …`,
        not `Yeka diduga membocorkan …` nor `Ajeng disebut sebagai …`); None if none is found
        among the first words. An adverbial before the subject is skipped (`Saat ditemui, X …`).
        Only a person is looked for: a clause with no person mention before its verb has none."""
        body = ctx.body
        person = next(
            (m.start for m in ctx.mentions_in(s, min(e, s + 240)) if m.label == "PER" and m.start >= s), None
        )
        if person is None:
            return None
        for n, w in enumerate(_WORD.finditer(body, s, e)):
            if n >= 24:
                break
            if n == 0 or w.start() <= person:
                continue
            tok = w.group().strip(',.;:!?"“”')
            low = tok.lower()
            if not tok or not (low in self.statement_verbs or self._verbish(tok, low)):
                continue
            if self._in_relative(ctx, w.start(), s):
                continue
            sp = self._speaker_before(ctx, s, w.start())
            if not (sp.known or sp.pronoun):
                continue
            own = [m for m in ctx.mentions_in(s, w.start()) if m.entity_id == sp.entity] if sp.entity else []
            if own and not self._heads_clause(ctx, s, own[-1].start):
                # "Visi … ini sejalan dengan langkah Telkom dalam mengadopsi …": not the subject
                return None
            active = False
            if own and self.active_re is not None and self.active_re.match(low):
                between = [x.strip(",").lower() for x in body[own[-1].end : w.start()].split()]
                active = all(
                    not x or x in self.adverbs or x in self.predicate_markers or x in self.negations
                    for x in between
                )
            return sp, low, active
        return None

    def _heads_clause(self, ctx: _Context, s: int, pos: int) -> bool:
        """Whether a name at `pos` heads its clause (`Menteri Koordinator bidang Perekonomian X`,
        `Ketua federasi, X,`): the words before it in its comma piece only give a title."""
        piece = ctx.body[s:pos].split(",")[-1].split()
        if not piece:
            return True
        first = piece[0].lower()
        if not (_is_cap(piece[0]) or first in self.role_heads or first in self.determiners):
            return False
        return not any(
            w.lower() in self.anaphors
            or (w.lower() in self.stop_words and w.lower() not in self.role_links)
            or self._verbish(w, w.lower())
            for w in piece
        )

    def _recent_person(self, ctx: _Context, a: int, b: int, mode: str) -> _Speaker | None:
        """Who a pronoun or a continuation at `b` most plausibly points to, if it is a person
        named, in a sentence starting in [a, b) (since the last quote), as a subject:
        `subject` (a subject pronoun: `Ia mengatakan`, `Menurutnya`): of any sentence;
        `neutral` (`ujarnya`, `katanya`, `kata dia`): of a speech or statement verb, or of an
        active verb in the sentence right before; `additive` (`tambahnya`, `lanjutnya`): of a speech
        or statement verb only. The last such person wins; None if there is none."""
        if b <= a:
            return None
        body = ctx.body
        i = bisect.bisect_left(ctx.sent_starts, a)
        j = bisect.bisect_left(ctx.sent_starts, b)
        found: _Speaker | None = None
        for k in range(i, j):
            sent = ctx.sentences[k]
            start = sent.start
            while start < b and body[start].isspace():
                start += 1
            if start >= b or body[start] in self.all_marks:
                continue  # a quotation: its words are not the narrator's
            subj = self._subject(ctx, start, min(sent.end, b))
            if subj is None:
                continue
            sp, verb, active = subj
            if sp.pronoun or not sp.entity or ctx.label_of(sp.entity) != "PER":
                continue
            if (
                mode == "subject"
                or verb in self.statement_verbs
                or (mode == "neutral" and active and k == j - 1)
            ):
                found = sp
        return found

    # ------------------------------------------------------------------ resolution

    def _resolve(self, body: str, cands: list[_Cand], ctx: _Context) -> list[Quote]:
        quotes: list[Quote] = []
        last = _Speaker()
        last_end = 0
        prev_direct: _Speaker | None = None
        prev_end = -1
        for c in cands:
            if c.kind == "intro":
                sp = c.speaker or _Speaker()
                if sp.name and not sp.entity:
                    sp = _Speaker(ctx.link_name(sp.name), sp.name)
                if sp.known:
                    last, last_end = sp, c.region_end
                continue
            if c.start < prev_end:
                continue  # overlapping candidates: the first one wins
            sp = c.speaker or _Speaker()
            if c.adjacent:
                sp = prev_direct or _Speaker()
            elif sp.pronoun:
                # the most recent plausible speaker: a person named since the last quote as the
                # subject of a speech or statement verb or of the sentence just before (any
                # sentence, for a subject pronoun: `Ia mengatakan`, `Menurutnya`), else the last
                # quote's speaker
                newer = None
                if not sp.plural:  # "Mereka menilai …" is no single person
                    mode = "subject" if sp.subject else "additive" if sp.additive else "neutral"
                    newer = self._recent_person(ctx, last_end, c.open_at, mode)
                sp = newer or _Speaker(last.entity, last.name)
            elif sp.name and not sp.entity:
                sp = _Speaker(ctx.link_name(sp.name), sp.name)
            quotes.append(
                Quote(body[c.start : c.end], c.start, c.end, c.kind, speaker=sp.entity, speaker_name=sp.name)
            )
            if sp.known:
                last = sp
                last_end = max(c.region_end, c.cue_end)
            if c.kind == "direct":
                prev_direct = sp
            prev_end = c.end
        return quotes


class _Context:
    """Per-article lookups: paragraphs, sentences and entity mentions by offset."""

    def __init__(self, finder: QuoteFinder, doc: Document, body: str, sentences: list[Sentence]):
        self.finder = finder
        self.doc = doc
        self.body = body
        self.sentences = _split_joined(body, sentences)
        self.sent_starts = [s.start for s in self.sentences]
        # paragraphs: maximal runs of text between line breaks
        self.par_start: list[int] = []
        self.par_end: list[int] = []
        self.par_text_start: list[int] = []
        pos = 0
        for line in body.split("\n"):
            self.par_start.append(pos)
            self.par_end.append(pos + len(line.rstrip()))
            self.par_text_start.append(pos + len(line) - len(line.lstrip()))
            pos += len(line) + 1
        mentions = list(doc.mentions)
        if not mentions:
            for ent in doc.article.entities:
                for m in ent.mentions:
                    if m.where == "body":  # caption and title offsets do not index the body
                        mentions.append(MentionRef(ent.id, m.start, m.end, m.text, ent.type))
        mentions.sort(key=lambda m: (m.start, -m.end))
        self.mentions = mentions
        self.m_starts = [m.start for m in mentions]
        self.m_maxlen = max((m.end - m.start for m in mentions), default=0)
        self.labels = {e.id: e.type for e in doc.article.entities}
        for m in mentions:
            self.labels.setdefault(m.entity_id, m.label)
        self._titles: dict[str, set[str]] | None = None
        self.subjects: dict[tuple[int, int], object] = {}  # QuoteFinder._subject, by clause span
        self._by_word: dict[str, set[str]] | None = None

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
        before = self.body[self.sentence_start(pos) : pos]
        return not before.strip() or bool(_SENTENCE_END_PUNCT.search(before.rstrip()))

    def cue_limit(self, pos: int, max_chars: int) -> int:
        """Where an attribution starting at `pos` must end: sentence end, next quote mark, or cap."""
        end = min(self.sentence_end(pos), pos + max_chars, self.par_end[self.paragraph_of(pos)])
        m = self.finder.any_mark_re.search(self.body, pos, end)
        if m:
            end = m.start()
        for stop in _FULL_STOP.finditer(self.body, pos, end):
            word = _WORD_BEFORE.search(self.body, pos, stop.start())
            w = word.group(1) if word else ""
            if w not in self.finder.abbreviations and not (len(w) == 1 and w.isalpha()):
                end = stop.start()
                break
        while end > pos and self.body[end - 1] in " \t.!?…,;:":
            end -= 1
        return max(end, pos)

    def segments(self, a: int, b: int) -> list[tuple[int, int]]:
        out = []
        s = a
        depth = 0
        for i in range(a, b):
            ch = self.body[i]
            if ch == "(":
                depth += 1
            elif ch == ")":
                depth = max(0, depth - 1)
            elif ch in ",;:" and depth == 0:
                out.append(_trim(self.body, s, i))
                s = i + 1
        out.append(_trim(self.body, s, b))
        return out

    # mentions
    def mentions_in(self, a: int, b: int) -> list[MentionRef]:
        i = bisect.bisect_left(self.m_starts, a - self.m_maxlen)
        out = []
        while i < len(self.mentions) and self.mentions[i].start < b:
            m = self.mentions[i]
            if m.end > a:
                out.append(m)
            i += 1
        return out

    def antecedent(self, word: str, pos: int, lookback: int = 60) -> _Speaker | None:
        """The entity of the last mention before `pos` that has `word` among its words."""
        i = bisect.bisect_left(self.m_starts, pos) - 1
        stop = max(-1, i - lookback)
        while i > stop:
            m = self.mentions[i]
            i -= 1
            if m.end > pos:
                continue
            if word in self.mention_name(m).lower().replace("-", " ").split():
                return _Speaker(m.entity_id, self.mention_name(m))
        return None

    def link_name(self, name: str) -> str | None:
        """The one entity a name NER did not mark here refers to, found by the words of its
        name elsewhere in the article (`Maman` -> `Menteri UMKM Maman Abdurrahman`)."""
        if self._by_word is None:
            self._by_surface: dict[str, set[str]] = {}
            self._by_word = {}
            self._per_words: dict[str, list[str]] = {}
            for e in self.doc.article.entities:
                surfaces = {e.name} | {m.text for m in e.mentions}
                for surface in surfaces:
                    self._by_surface.setdefault(surface.lower(), set()).add(e.id)
                if e.type == "PER":
                    self._per_words[e.id] = self._name_words(e.name)
                    words = {w for surface in surfaces for w in self._name_words(surface)}
                    for w in words:
                        self._by_word.setdefault(w, set()).add(e.id)
        ids = self._by_surface.get(name.lower())
        if ids and len(ids) == 1:
            return next(iter(ids))
        words = self._name_words(name)
        for k in range(len(words), 0, -1):
            tail = words[-k:]
            if k == 1 and len(tail[0]) < 3:
                break
            common = set.intersection(*(self._by_word.get(w, set()) for w in tail))
            if len(common) == 1:
                return next(iter(common))
            if common:
                return None  # ambiguous
        # the name holds all the words of one person's name: "Achmad Deni Daruri" -> "Deni"
        found = {eid for eid, ewords in self._per_words.items() if ewords and all(w in words for w in ewords)}
        return next(iter(found)) if len(found) == 1 else None

    def _name_words(self, text: str) -> list[str]:
        f = self.finder
        out = []
        for w in text.replace("(", " ").replace(")", " ").split():
            low = w.lower().strip(",.")
            if not _is_cap(w) or low in f.role_heads or low in f.honorifics or low in f.determiners:
                continue
            out.append(low)
        return out

    def label_of(self, entity_id: str) -> str | None:
        return self.labels.get(entity_id)

    def mention_name(self, m: MentionRef) -> str:
        return m.text or self.body[m.start : m.end]

    def title_entity(self, phrase: str):
        if self._titles is None:
            self._titles = {}
            for e in self.doc.article.entities:
                for t in (e.title, e.role):
                    if t:
                        self._titles.setdefault(t.lower().strip(), set()).add(e.id)
        ids = self._titles.get(phrase.strip())
        if ids and len(ids) == 1:
            return self.doc.article.entity(next(iter(ids)))
        return None


def _split_joined(body: str, sentences: list[Sentence]) -> list[Sentence]:
    """Sentences, also split where scraped text joined two paragraphs with a comma."""
    out: list[Sentence] = []
    for sent in sentences:
        start = sent.start
        for m in _JOINED_PARAGRAPH.finditer(body, sent.start, sent.end):
            if m.start() > start:
                out.append(Sentence(start, m.start()))
            start = m.end()
        if sent.end > start:
            out.append(Sentence(start, sent.end))
    return out


def _is_double(ch: str) -> bool:
    return ch in '"“”„‟″«»'


def _inside(spans: list[tuple[int, int]], pos: int) -> bool:
    i = bisect.bisect_right(spans, (pos, 1 << 62)) - 1
    return i >= 0 and spans[i][0] <= pos < spans[i][1]


def _trim(body: str, start: int, end: int) -> tuple[int, int]:
    while start < end and body[start].isspace():
        start += 1
    while end > start and (body[end - 1].isspace() or body[end - 1] == ","):
        end -= 1
    return start, end
