"""Stage `entities`: people, organisations, countries and places, one entity per referent,
each with its country and CAMEO actor code (see docs/entities.md)."""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from typing import Any

from kabar import geo
from kabar.document import Document, MentionRef
from kabar.entities.affiliation import Affiliation
from kabar.entities.candidates import Recognizer
from kabar.entities.codes import entity
from kabar.entities.grouping import Grouper
from kabar.entities.knowledge import Knowledge
from kabar.entities.model import ModelReader
from kabar.entities.text import EntityText, TextJob
from kabar.lang import LanguagePack
from kabar.model import Entity, Mention
from kabar.nlp import has_ner_model, load_nlp
from kabar.registry import register_stage
from kabar.textview import TextView


@register_stage("entities", requires=("view",), assigns=("entities", "mentions"))
class Entities:
    name = "entities"

    def __init__(self, pack: LanguagePack):
        self.pack = pack
        self.kb = Knowledge(pack)
        self.recognizer = Recognizer(self.kb)
        self.affiliation = Affiliation(self.kb, pack)
        geo.warm(pack)
        self.model = ModelReader(self.kb, load_nlp(pack) if has_ner_model(pack) else None)

    # the model's settings, here for callers that tune or replace it (tests, benchmarks)
    @property
    def nlp(self) -> Any:
        return self.model.nlp

    @nlp.setter
    def nlp(self, value: Any) -> None:
        self.model.nlp = value

    @property
    def ner(self) -> Any:
        return self.model.ner

    @ner.setter
    def ner(self, value: Any) -> None:
        self.model.ner = value

    @property
    def skip_plain(self) -> bool:
        """Leave out of the model the text it cannot add anything to (see ModelReader.plan)."""
        return self.model.skip_plain

    @skip_plain.setter
    def skip_plain(self, value: bool) -> None:
        self.model.skip_plain = value

    @property
    def model_context(self) -> int | None:
        return self.model.context

    @model_context.setter
    def model_context(self, value: int | None) -> None:
        self.model.context = value

    def __call__(self, doc: Document) -> None:
        self.pipe([doc])

    def pipe(self, docs: Sequence[Document]) -> None:
        """The stage over a batch: the NER reads every text of the batch in one spaCy batch
        (faster than one document at a time); the output is the same as calling the stage on
        each document."""
        prepared = [(doc, self._prepare(doc)) for doc in docs]
        self.model.read(job for _, jobs in prepared for job in jobs)
        for doc, jobs in prepared:
            self._finish(doc, jobs)

    def _prepare(self, doc: Document) -> list[TextJob]:
        body = doc.view
        starts = [s.start for s in body.sentences]
        jobs = [self._job(body, "body", starts, [(s.start, s.end) for s in body.sentences])]
        for idx, caption in enumerate(doc.article.captions):
            view = doc.part_views.get(f"captions[{idx}]")
            if caption and caption.strip() and view is not None:
                # a caption is read as one piece, its first word a sentence start
                jobs.append(self._job(view, f"captions[{idx}]", [], [(0, len(caption))]))
        return jobs

    def _job(
        self, view: TextView, where: str, starts: list[int], sentences: list[tuple[int, int]]
    ) -> TextJob:
        t = EntityText(view, starts)
        ranges = [(bisect.bisect_left(t.starts, s), bisect.bisect_left(t.starts, e)) for s, e in sentences]
        job = TextJob(t, where, view, ranges)
        if self.model.ner is not None:
            self.recognizer.scan(t)
            self.model.plan(job)
        return job

    def _finish(self, doc: Document, jobs: list[TextJob]) -> None:
        art = doc.article
        date = (art.published or "")[:10] or None
        # a body named in a role phrase has the code of the article's day (Actor.periods)
        self.recognizer.titles.date = date
        for job in jobs:
            job.candidates = self.recognizer.candidates(job.text, job.spans, date)
        self.recognizer.link_names(jobs)
        groups = Grouper(self.kb.key, self.pack, self.kb.words.company_forms).group(jobs)
        order = {job.where: k for k, job in enumerate(jobs)}
        where_of = {id(job.text): job.where for job in jobs}
        entities: list[Entity] = []
        mentions: list[MentionRef] = []
        for g in groups:
            ent = entity(g, f"E{len(entities) + 1}", date, self.pack)
            entities.append(ent)
            for m in g.members:
                t, c = m.text, m.cand
                mention = Mention(
                    text=t.span(c.i, c.j), start=t.starts[c.i], end=t.ends[c.j - 1], where=where_of[id(t)]
                )
                ent.mentions.append(mention)
                if m.in_body:
                    mentions.append(MentionRef(ent.id, mention.start, mention.end, mention.text, ent.type))
            # body mentions first, then each caption's, each in text order
            ent.mentions.sort(key=lambda x: (order[x.where], x.start))
        self.affiliation.complete(groups, entities)
        mentions.sort(key=lambda x: (x.start, x.end))
        art.entities = entities
        doc.mentions = mentions
