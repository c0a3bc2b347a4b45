"""Speakers across sentences: pronouns and continuations (`tambahnya`, `Ia mengatakan`,
`Menurutnya`) point to the most recent plausible speaker, a person named since the last quote as
a subject, else the last quote's speaker; names NER missed are linked to an entity when their
words match exactly one."""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from typing import Literal

from kabar.model import Quote
from kabar.quotes.attribution import Attribution
from kabar.quotes.context import ArticleContext, Rules
from kabar.quotes.lexicon import is_cap
from kabar.quotes.model import NOBODY, Candidate, Kind, Speaker, Subject

Mode = Literal["subject", "neutral", "additive"]
_EDGE = ',.;:!?"“”'


@dataclass
class Thread:
    """What the quotes before the current one leave for it, in body order."""

    last: Speaker = NOBODY  # the last known speaker (a quote's, or an introduction's)
    last_end: int = 0  # where that speaker's quote or introduction ends
    previous_direct: Speaker | None = None  # the speaker of the last direct quote
    previous_end: int = -1  # end of the last quote kept


class SpeakerResolver:
    def __init__(self, rules: Rules, attribution: Attribution):
        self.rules = rules
        self.lex = rules.lexicon
        self.attribution = attribution
        # words opening a comma piece that is an adverbial, not a subject
        lex = self.lex
        self._adverbial_openers = lex.stop_words | lex.connectives | lex.calendar | lex.source_leads

    def resolve(self, ctx: ArticleContext, candidates: list[Candidate]) -> list[Quote]:
        quotes: list[Quote] = []
        thread = Thread()
        for c in candidates:
            if c.kind is Kind.INTRO:
                speaker = self._linked(ctx, c.speaker or NOBODY)
                if speaker.known:
                    thread.last, thread.last_end = speaker, c.region_end
                continue
            if c.start < thread.previous_end:
                continue  # overlapping candidates: the first one wins
            speaker = self._speaker(ctx, c, thread)
            quotes.append(
                Quote(
                    ctx.body[c.start : c.end],
                    c.start,
                    c.end,
                    c.kind.value,
                    speaker=speaker.entity,
                    speaker_name=speaker.name,
                )
            )
            if speaker.known:
                thread.last, thread.last_end = speaker, max(c.region_end, c.cue_end)
            if c.kind is Kind.DIRECT:
                thread.previous_direct = speaker
            thread.previous_end = c.end
        return quotes

    def _linked(self, ctx: ArticleContext, speaker: Speaker) -> Speaker:
        if speaker.name and not speaker.entity:
            return Speaker(ctx.mentions.link_name(speaker.name), speaker.name)
        return speaker

    def _speaker(self, ctx: ArticleContext, c: Candidate, thread: Thread) -> Speaker:
        speaker = c.speaker or NOBODY
        if c.adjacent:
            return thread.previous_direct or NOBODY
        if not speaker.pronoun:
            linked = self._linked(ctx, speaker)
            last = thread.last
            if (
                linked.entity is None
                and speaker.described
                and speaker.additive
                and last.entity
                and ctx.mentions.label_of(last.entity) == "PER"
            ):
                return Speaker(last.entity, last.name)  # "…," tambah Menteri X: the one just named
            return linked
        newer = None
        if not speaker.plural:  # "Mereka menilai …" is no single person
            mode: Mode = "subject" if speaker.subject else "additive" if speaker.additive else "neutral"
            # a subject pronoun inside its sentence (`X tinggal di …, tetapi ia mengatakan …`) may
            # point to the person opening that sentence
            end = c.start if c.kind is Kind.INDIRECT and speaker.subject else c.open_at
            newer = self._recent_person(ctx, thread.last_end, end, mode)
        return newer or Speaker(thread.last.entity, thread.last.name)

    def _recent_person(self, ctx: ArticleContext, a: int, b: int, mode: Mode) -> Speaker | None:
        """Who a pronoun or a continuation at `b` most plausibly points to, if it is someone
        named, in a sentence starting in [a, b) (since the last quote), as a subject:
        `subject` (a subject pronoun: `Ia mengatakan`, `Menurutnya`): of any sentence;
        `neutral` (`ujarnya`, `katanya`, `kata dia`): of a speech or statement verb, or of an
        active verb in the sentence right before; `additive` (`tambahnya`, `lanjutnya`): of a speech
        or statement verb only. A person counts in every mode; an organisation or a country
        (`Militer X menyatakan …`) only as the subject of a speech or statement verb. The last such
        subject wins; None if there is none."""
        if b <= a:
            return None
        body, text = ctx.body, ctx.text
        i = bisect.bisect_left(text.sent_starts, a)
        j = bisect.bisect_left(text.sent_starts, b)
        found: Speaker | None = None
        for k in range(i, j):
            sent = text.sentences[k]
            start = sent.start
            while start < b and body[start].isspace():
                start += 1
            if start >= b or body[start] in self.rules.marks.all_marks:
                continue  # a quotation: its words are not the narrator's
            end = min(sent.end, b)
            subject = self.subject(ctx, start, end)
            if subject is not None and self._person_subject(ctx, subject, mode, k == j - 1):
                found = subject.speaker
                continue
            subject = self.subject(ctx, start, end, persons_only=False)
            if subject is not None and self._speaking_subject(ctx, subject, start):
                found = subject.speaker
        return found

    def _person_subject(self, ctx: ArticleContext, subject: Subject, mode: Mode, last: bool) -> bool:
        speaker = subject.speaker
        if speaker.pronoun or not speaker.entity or ctx.mentions.label_of(speaker.entity) != "PER":
            return False
        return (
            mode == "subject"
            or subject.verb in self.lex.statement_verbs
            or (mode == "neutral" and subject.active and last)
        )

    def _speaking_subject(self, ctx: ArticleContext, subject: Subject, s: int) -> bool:
        """A subject of any kind named as the one who spoke, opening its clause (`IRGC
        menyatakan …`, `Dalam keterangannya, Kemlu menyatakan …`; not the place in `Kapolsek
        Cipayung, Jakarta Timur, Kompol X mengungkap …`)."""
        speaker = subject.speaker
        if not speaker.entity or speaker.pronoun or subject.verb not in self.lex.statement_verbs:
            return False
        own = next((m for m in ctx.mentions.mentions_in(s, s + 400) if m.entity_id == speaker.entity), None)
        return own is not None and self._opens_clause(ctx, s, own.start)

    def _opens_clause(self, ctx: ArticleContext, s: int, pos: int) -> bool:
        """Whether only adverbials (comma pieces opening with a preposition, a connective or a
        date) and determiners come before `pos` in the clause starting at `s`."""
        lex = self.lex
        pieces = ctx.text.segments(s, pos)
        for a, b in pieces[:-1]:
            first = (ctx.text.words(a, b, limit=1) or [""])[0].lower()
            if first not in self._adverbial_openers:
                return False
        lead = [w.lower() for w in ctx.text.words(*pieces[-1])]
        return all(w in lex.determiners or w in lex.connectives or w in lex.adverbs for w in lead)

    def subject(self, ctx: ArticleContext, s: int, e: int, persons_only: bool = True) -> Subject | None:
        key = (s, e, persons_only)
        if key not in ctx.subjects:
            ctx.subjects[key] = self._find_subject(ctx, s, e, persons_only)
        return ctx.subjects[key]

    def _find_subject(self, ctx: ArticleContext, s: int, e: int, persons_only: bool) -> Subject | None:
        """The subject of the clause that opens the text [s, e), its verb, and whether that verb
        is active and follows the subject with at most adverbs between (`Hasan Basri membela …`,
        not `Yeka diduga membocorkan …` nor `Ajeng disebut sebagai …`); None if none is found
        among the first words. An adverbial before the subject is skipped (`Saat ditemui, X …`).
        A clause with no mention (no person mention, with `persons_only`) before its verb has none."""
        lex, mentions = self.lex, ctx.mentions
        label = "PER" if persons_only else None
        first = next((m.start for m in mentions.mentions_in(s, min(e, s + 240), label) if m.start >= s), None)
        if first is None:
            return None
        for n, (ws, we) in enumerate(ctx.text.word_spans(s, e, limit=24)):
            if n == 0 or ws <= first:
                continue
            word = ctx.body[ws:we].strip(_EDGE)
            low = word.lower()
            if not word or not (low in lex.statement_verbs or lex.verbish(word, low)):
                continue
            if self.attribution.in_relative(ctx, ws, s):
                continue
            speaker = self.attribution.speaker_before(ctx, s, ws)
            if speaker.pronoun and persons_only:
                break  # the pronoun points back: to the person opening the sentence, if any
            if not speaker.found:
                continue
            own = (
                [m for m in mentions.mentions_in(s, ws) if m.entity_id == speaker.entity]
                if speaker.entity
                else []
            )
            if own and not self._heads_clause(ctx, s, own[-1].start):
                # "Visi … ini sejalan dengan langkah Telkom dalam mengadopsi …": not the subject
                return None
            active = False
            if own and lex.grammar.is_active_verb(low):
                between = [x.strip(",").lower() for x in ctx.text.words(own[-1].end, ws)]
                active = all(
                    not x or x in lex.adverbs or x in lex.predicate_markers or x in lex.negations
                    for x in between
                )
            return Subject(speaker, low, active)
        if persons_only:
            # no verb of verb shape (`Murrumu tinggal di …`): a person opening the sentence is
            # still its subject, for a subject pronoun after it (`…, tetapi ia mengatakan`)
            person = next(m for m in mentions.mentions_in(s, e, "PER") if m.start == first)
            if self._opens_clause(ctx, s, person.start):
                return Subject(mentions.speaker(person), "", False)
        return None

    def _heads_clause(self, ctx: ArticleContext, s: int, pos: int) -> bool:
        """Whether a name at `pos` heads its clause (`Menteri Koordinator bidang Perekonomian X`,
        `Ketua federasi, X,`): the words before it in its comma piece only give a title."""
        lex = self.lex
        comma = ctx.body.rfind(",", s, pos)
        piece = ctx.text.words(comma + 1 if comma >= 0 else s, pos)
        if not piece:
            return True
        first = piece[0].lower()
        if not (is_cap(piece[0]) or first in lex.role_heads or first in lex.determiners):
            return False
        return not any(
            w.lower() in lex.anaphors
            or (w.lower() in lex.stop_words and w.lower() not in lex.role_links)
            or lex.verbish(w, w.lower())
            for w in piece
        )
