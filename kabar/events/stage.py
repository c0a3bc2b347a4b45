"""Stage `events`: CAMEO-coded political events, each with the sentence it comes from.

Reads the text view `segment` built (the body, and the title and captions), the entity mentions,
and the quotes; see docs/events.md for the steps and kabar/events/ for one module per step."""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field

from kabar.dates import published_datetime
from kabar.document import Document
from kabar.errors import ConfigError
from kabar.events.actors import attach_mentions, attach_surfaces, surfaces
from kabar.events.anchoring import BodyLayout, anchor
from kabar.events.candidates import candidates_of
from kabar.events.dates import TimeExpr, resolver_for
from kabar.events.discourse import (
    case_history,
    continue_background,
    dated_after,
    dated_old,
    last_groups,
    past_rule,
    retold_background,
    sentence_person,
    standing_background,
)
from kabar.events.generic import attach_generic, named_countries
from kabar.events.lexicon import Lexicon
from kabar.events.merging import Merger, absorb
from kabar.events.places import Geocoder
from kabar.events.speech import charged, drop_contested, evaluative, has_evaluative, mark_tellers, quoted
from kabar.events.sport import is_sports_story, on_play
from kabar.events.state import Actor, Candidate, Context, Quoted, Scope, Tokens, Trigger
from kabar.events.syntax import LazyParse, Parser
from kabar.events.threats import quote_start_at, resolve_threats, speaker_at
from kabar.events.triggers import find_triggers
from kabar.lang import LanguagePack
from kabar.model import Entity, Evidence, Location
from kabar.registry import PerDocumentStage, register_stage
from kabar.textview import TextView

_WORD_JOINERS = ".'’"  # inside one view token: "KOMPAS.com", "Jum'at"


def word_runs(view: TextView) -> Iterator[tuple[int, str]]:
    """(offset, run) of each run of letters and digits in the view's word tokens."""
    for at, text in zip(view.starts, view.texts):
        if text.isalnum():  # most tokens: one run
            yield at, text
        elif "." in text or "'" in text or "’" in text:  # a punctuation token yields nothing here
            start = 0
            for k, ch in enumerate(text + "."):
                if ch in _WORD_JOINERS:
                    if k > start:
                        yield at + start, text[start:k]
                    start = k + 1
        elif text[:1].isalnum() or text[:1] == "_":
            yield at, text


def sentence_spans(view: TextView) -> list[tuple[int, int]]:
    """The body's sentences as character spans, without the comma that glued two paragraphs."""
    glued = set(view.glued_paragraphs)
    spans = []
    for s in view.sentences:
        start, end = s.start, s.end
        while end > start and view.text[end - 1] == ",":
            end -= 1
        if not glued.intersection(range(end, s.end)):
            end = s.end  # a comma of the text itself, not one that glued two paragraphs
        while start < end and (view.text[start] == "," or view.text[start].isspace()):
            start += 1  # the rest of a gluing ",,," or ",\n,": no part of the sentence
        if end > start:
            spans.append((start, end))
    return spans or [(0, len(view.text))]


def token_spans(t: Tokens, chars: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """For each sentence, its tokens (a token belongs to the last sentence starting at or before it)."""
    # sentences are in text order: each starts at the first token at or after its first character
    bounds = [0] + [bisect.bisect_left(t.starts, start) for start, _ in chars[1:]] + [len(t.starts)]
    return [(bounds[si], bounds[si + 1]) for si in range(len(chars))]


@dataclass
class _Discourse:
    """What the sentences read so far leave for the next."""

    candidates: list[Candidate] = field(default_factory=list)
    recip: tuple[list[Actor], int] | None = None
    coord: tuple[list[Actor], int] | None = None
    person: Actor | None = None
    old_si: int | None = None  # the last sentence dated long before publication
    recent: bool = False  # a date near publication was given
    undated: list[tuple[int, list[Candidate]]] = field(default_factory=list)  # since the last date

    def dated(
        self,
        lex: Lexicon,
        t: Tokens,
        span: tuple[int, int],
        si: int,
        old: bool | None,
        found: list[Candidate],
        since: bool = False,
    ) -> None:
        """Follow the story's time: a sentence dated long ago (`old`) opens a flashback that the
        next ones may go on with, and tells the undated ones just before it in an article that has
        given no date near publication yet (kabar.events.discourse), unless its dates are only the
        start of a state lasting since then (`since`: "dilakukan sejak April")."""
        if old is None:
            if continue_background(lex, t, span, self.old_si, si, found):
                self.old_si = si
            else:
                self.undated.append((si, found))
            return
        if old and not self.recent and not since:
            dated_after(lex, t, span, self.undated, si)
        self.recent = self.recent or not old
        self.undated = []
        self.old_si = si if old else None

    def context(self, si: int) -> Context:
        return Context(
            si=si,
            recip=self.recip if self.recip and si - self.recip[1] <= 6 else None,
            coord=self.coord if self.coord and si - self.coord[1] <= 3 else None,
            person=self.person,
            history=self.candidates,
        )


@register_stage("events", requires=("view", "entities", "mentions", "quotes"), assigns=("events",))
class EventExtractor(PerDocumentStage):
    name = "events"

    def __init__(self, pack: LanguagePack):
        self.pack = pack
        self.lex = Lexicon(pack)
        self.dates = resolver_for(pack)
        self.geocode = Geocoder(pack.code)
        self.merger = Merger(self.lex)
        self.parser = Parser(pack)  # loads the model the first time a sentence needs parsing

    def warm(self) -> None:
        """Load the parser now rather than on the first sentence that needs it."""
        _ = self.parser.nlp

    def __call__(self, doc: Document) -> None:
        article = doc.article
        article.events = []
        if not article.body:
            return
        if doc.view.text != article.body:
            raise ConfigError(
                f"{doc.source}: the events stage reads the body's text view; run 'segment' before it"
            )
        low = doc.view.lowers
        title = doc.part_views.get("title")
        if (
            self.lex.triggers.keys().isdisjoint(low)
            and not has_evaluative(self.lex, low)
            and (title is None or not self._has_trigger(title, headline=True))
        ):
            return  # most articles: no word of the dictionary
        t = Tokens.of(doc.view, 0)
        entities = {e.id: e for e in article.entities}
        attach_mentions(self.lex, t, doc.mentions, entities)
        chars = sentence_spans(doc.view)
        layout = BodyLayout(t, chars, token_spans(t, chars))
        pub = published_datetime(article.published)
        times = self.dates.find(article.body, article.published, words=word_runs(doc.view))
        _mark_times(t, times)
        quotes = quoted(self.lex, article.quotes, t, entities)
        dateline = self.geocode(doc.dateline_place) if doc.dateline_place else None
        dateline_country = dateline.country if dateline else None
        named = named_countries(t)  # before the generic actors join them
        attach_generic(self.lex, t, [a for a, _ in layout.tokens], dateline_country)
        candidates = self._body(layout, times, quotes, pub)
        extra = self._parts(doc, entities, pub, (named, dateline_country))
        candidates = drop_contested(self.lex, candidates, extra)
        if is_sports_story(self.lex, low, title.lowers if title is not None else ()):
            candidates, extra = self._off_play(doc, layout, candidates, extra)
        standing_background(self.lex, t, layout.tokens, quotes, (candidates, extra))
        past_rule(self.lex, t, layout.tokens, candidates)
        case_history(self.lex, t, layout.tokens, candidates)
        retold_background(self.lex, t, layout.tokens, candidates)
        if doc.dateline_place:
            dateline = dateline or Location(name=doc.dateline_place)
        pub_date = pub.date() if pub else None
        anchor(self.lex, self.geocode, layout, (candidates, extra), (times, pub_date, dateline, entities))
        article.events = self.merger.merge(candidates, extra)

    def _body(
        self, layout: BodyLayout, times: list[TimeExpr], quotes: list[Quoted], pub: dt.datetime | None
    ) -> list[Candidate]:
        t = layout.t
        time_starts = [tx.start for tx in times]
        told = _Discourse()
        for si, (a, b) in enumerate(layout.tokens):
            if a == b:
                continue
            s_start, s_end = layout.chars[si]
            sent_times = times[
                bisect.bisect_left(time_starts, s_start) : bisect.bisect_left(time_starts, s_end)
            ]
            evidence = Evidence(text=t.text[s_start:s_end], start=s_start, end=s_end)
            sent_quotes = [q for q in quotes if q.start < t.ends[b - 1] and q.end > t.starts[a]]
            scope = Scope(t, a, b, si, evidence, sent_times, sent_quotes)
            found = self.sentence(scope, told.context(si), pub)
            since = bool(sent_times) and all(tx.since for tx in sent_times)
            told.dated(self.lex, t, (a, b), si, dated_old(self.lex, sent_times, pub), found, since)
            told.candidates.extend(found)
            recip, coord = last_groups(self.lex, t, (a, b), found)
            if recip:
                told.recip = (recip, si)
            if coord:
                told.coord = (coord, si)
            told.person = sentence_person(self.lex, t, (a, b), quotes)
        return told.candidates

    def _parts(
        self,
        doc: Document,
        entities: Mapping[str, Entity],
        pub: dt.datetime | None,
        body: tuple[set[str], str | None] = (set(), None),
    ) -> list[Candidate]:
        """Candidates in the captions and the title (a caption only adds mentions to body events;
        the title may tell an event of its own). `body`: the countries the body names and the
        dateline's, which give the title's common-noun actors ("Dua Orang Ditahan Polisi") theirs."""
        article = doc.article
        wheres = [f"captions[{i}]" for i, c in enumerate(article.captions) if c and c not in article.body]
        if article.title and article.title not in article.body:
            wheres.append("title")
        extra: list[Candidate] = []
        names = None
        for where in wheres:
            view = doc.part_views.get(where)
            if view is None:
                continue
            t = Tokens.of(view, None)
            title = where == "title"
            if not self._has_trigger(view, headline=title):
                continue
            names = names if names is not None else surfaces(doc, entities, self.lex.name_prefixes)
            attach_surfaces(self.lex, t, names, entities)
            if title:
                attach_generic(self.lex, t, [0], body[1], body[0])
            evidence = Evidence(text=view.text, start=0, end=len(view.text), where=where)
            scope = Scope(t, 0, len(t.tokens), -1, evidence, [], [], caption=True, headline=title)
            extra.extend(self.sentence(scope, Context(si=-1), pub))
        return extra

    def _off_play(
        self, doc: Document, layout: BodyLayout, candidates: list[Candidate], extra: list[Candidate]
    ) -> tuple[list[Candidate], list[Candidate]]:
        """The candidates of a sports story, less those whose sentence tells of play."""
        low = layout.t.low
        body = [c for c in candidates if not on_play(self.lex, c, low[slice(*layout.tokens[c.sent])])]
        views = doc.part_views
        parts = [c for c in extra if not on_play(self.lex, c, views[c.evidence.where].lowers)]
        return body, parts

    def _has_trigger(self, view: TextView, headline: bool) -> bool:
        low = view.lowers
        return not self.lex.triggers.keys().isdisjoint(low) or (
            headline and not self.lex.headline.keys().isdisjoint(low)
        )

    def sentence(self, s: Scope, base: Context, pub: dt.datetime | None) -> list[Candidate]:
        """Candidates of one sentence, given what the sentences before it told (`base`)."""
        out: list[Candidate] = []
        triggers = find_triggers(self.lex, s)
        if not triggers and not s.quotes:
            return []
        parse = LazyParse(self.parser, s.t, s.lo, s.hi) if triggers else None
        for trig in triggers:
            # inside a direct quote, "we" and a missing subject of a verbal event are the speaker
            speaker, direct = speaker_at(s.t.starts[trig.start], s.quotes)
            ctx = base.but(
                speaker=speaker if direct else None,
                reporter=None if direct else speaker,
                reported_from=quote_start_at(s.t.starts[trig.start], s.quotes),
                in_quote=speaker is not None or direct,
            )
            out.extend(candidates_of(self.lex, s, trig, ctx, pub, parse))
        out = _drop_reporting_verbs(triggers, out)
        if s.quotes:
            out.extend(evaluative(self.lex, s, pub))
        out = resolve_threats(self.lex, s, out, base, triggers)
        out = charged(self.lex, s, out, base)
        mark_tellers(self.lex, s, out, base)
        return absorb(out)


def _drop_reporting_verbs(triggers: list[Trigger], out: list[Candidate]) -> list[Candidate]:
    """A verb that reports an event noun before it ("serangan drone ... membakar kilang") tells
    that event, coded from the noun: not an act of its own beside it."""
    coded = {c.trigger for c in out}
    reporting = {
        trig.light_pos
        for trig in triggers
        if trig.light == "after" and trig.light_pos is not None and trig.start in coded
    }
    return [c for c in out if c.trigger not in reporting] if reporting else out


def _mark_times(t: Tokens, times: list[TimeExpr]) -> None:
    """The tokens of time expressions, so that a date set off by commas between a subject and its
    verb is read as an aside ("X, pada Senin, 16 Mei, mengecam ...")."""
    for tx in times:
        k = bisect.bisect_left(t.starts, tx.start)
        while k < len(t.starts) and t.starts[k] < tx.end:
            t.time_tokens.add(k)
            k += 1
