"""The pipeline: stage order in one place, built once and reused for every article."""

from __future__ import annotations

import functools
import logging
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from kabar.batching import batched
from kabar.collection import collections_paused, fewer_collections
from kabar.document import Document
from kabar.errors import EmptyInputError, ExtractionError, InputError, OversizedInputError
from kabar.lang import LanguagePack, load_pack
from kabar.model import Article
from kabar.readers import MAX_ARTICLE_BYTES, RawRecord, article_id, looks_like_html, read_inputs
from kabar.registry import Stage, check_order

log = logging.getLogger(__name__)

# The order in which stages run. Each reads what earlier ones wrote on the Document.
DEFAULT_STAGES: tuple[str, ...] = (
    "structure",  # raw text or HTML -> title, published, captions, body, author, tags
    "segment",  # body, title, captions -> the text view: tokens and sentences
    "language",  # body + sentences -> language and confidence
    "entities",  # text view -> entities with mentions, countries and actor codes
    "quotes",  # sentences + entities -> quotations with speakers
    "events",  # sentences + entities + quotes -> CAMEO events
)


class Pipeline:
    def __init__(
        self,
        lang: str | LanguagePack = "id",
        stages: Sequence[str] = DEFAULT_STAGES,
        given: Sequence[str] = (),
    ):
        """A pipeline of `stages` for a language: a pack kabar ships (its code) or any LanguagePack
        (`kabar.lang.load_pack_from(folder)`); `given` names document fields the caller fills."""
        with collections_paused():
            self.pack: LanguagePack = lang if isinstance(lang, LanguagePack) else load_pack(lang)
            self.stage_names = tuple(stages)
            specs = check_order(self.stage_names, given)
            self.stages: list[Stage] = [spec.factory(self.pack) for spec in specs]

    def make_document(self, text_or_html: str, source: str = "<text>", **metadata: Any) -> Document:
        if text_or_html is None or not text_or_html.strip():
            raise EmptyInputError(source)
        size = len(text_or_html.encode("utf-8", errors="replace"))
        if size > MAX_ARTICLE_BYTES:
            raise OversizedInputError(source, size, MAX_ARTICLE_BYTES)
        is_html = bool(metadata.pop("is_html", None)) or looks_like_html(text_or_html)
        doc = Document(source=source, raw=text_or_html, is_html=is_html, metadata=metadata, pack=self.pack)
        doc.article = Article(id=article_id(text_or_html, metadata), body="")
        return doc

    def warm(self) -> Pipeline:
        """Load now what stages would load on first use (the events stage's parser), so that
        processes forked from this one start with everything loaded."""
        with collections_paused():
            for stage in self.stages:
                warm = getattr(stage, "warm", None)
                if callable(warm):
                    warm()
        return self

    def run(self, doc: Document) -> Article:
        with fewer_collections():
            for stage in self.stages:
                stage(doc)
        return doc.article

    def __call__(self, text_or_html: str, source: str = "<text>", **metadata: Any) -> Article:
        return self.run(self.make_document(text_or_html, source, **metadata))

    def extract_record(self, record: RawRecord) -> Article:
        """Extract one record from `kabar.readers`; raises InputError for bad input."""
        return self.run(
            self.make_document(record.text, record.source, is_html=record.is_html, **record.metadata)
        )

    def pipe(
        self, docs: Iterable[Document], batch_size: int = 32
    ) -> Iterator[tuple[Document, Article | InputError]]:
        """Run many documents, a batch at a time: a stage with a `pipe(docs)` method (the NER)
        gets the whole batch, which is faster than one document at a time. Yields each
        document with its Article, or with the InputError that stopped it, in input order."""
        for batch in batched(docs, batch_size):
            failed: dict[int, InputError] = {}
            alive = batch
            with fewer_collections():
                for stage in self.stages:
                    try:
                        stage.pipe(alive)
                    except Exception:  # noqa: BLE001 - a batch that fails is redone one by one
                        log.warning("stage %s failed on a batch of %d; running it one document at a time",
                                    stage.name, len(alive), exc_info=True)
                        failed.update(self._one_by_one(stage, alive))
                        alive = [doc for doc in alive if id(doc) not in failed]
            for doc in batch:
                yield doc, failed.get(id(doc), doc.article)

    @staticmethod
    def _one_by_one(stage: Stage, docs: list[Document]) -> dict[int, InputError]:
        """Run `stage` on each document alone; the errors of those that fail, by document."""
        failed: dict[int, InputError] = {}
        for doc in docs:
            try:
                stage(doc)
            except InputError as exc:
                failed[id(doc)] = exc
            except Exception as exc:  # noqa: BLE001 - one bad article never stops a run
                failed[id(doc)] = ExtractionError(doc.source, stage.name, exc)
        return failed

    def extract_many(
        self, inputs: Iterable[str], batch_size: int = 32
    ) -> Iterator[tuple[str, Article | InputError]]:
        """(source, Article) for each article in files, directories, globs or "-";
        (source, InputError) for each one that could not be read, and the run goes on."""
        pending: list[tuple[str, Document | InputError]] = []

        def flush() -> Iterator[tuple[str, Article | InputError]]:
            results = {id(doc): result for doc, result in self.pipe(
                [item for _, item in pending if isinstance(item, Document)], batch_size)}
            for source, item in pending:
                yield source, item if isinstance(item, InputError) else results[id(item)]
            pending.clear()

        for item in read_inputs(inputs):
            if isinstance(item, InputError):
                pending.append((item.source, item))
            else:
                try:
                    doc = self.make_document(item.text, item.source, is_html=item.is_html, **item.metadata)
                    pending.append((item.source, doc))
                except InputError as exc:
                    pending.append((item.source, exc))
            if len(pending) >= batch_size:
                yield from flush()
        yield from flush()


@functools.lru_cache(maxsize=4)
def get_pipeline(lang: str = "id") -> Pipeline:
    """The shared default pipeline for a language, loaded on first use."""
    return Pipeline(lang)
