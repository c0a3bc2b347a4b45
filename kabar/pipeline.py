"""The pipeline: stage order in one place, built once and reused for every article."""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from kabar.document import Document
from kabar.errors import EmptyInputError, InputError, OversizedInputError
from kabar.lang import LanguagePack, load_pack
from kabar.model import Article
from kabar.readers import MAX_ARTICLE_BYTES, RawRecord, read_inputs
from kabar.registry import Stage, stage_factory

# The order in which stages run. Each reads what earlier ones wrote on the Document.
DEFAULT_STAGES: tuple[str, ...] = (
    "structure",  # raw text or HTML -> title, published, captions, body, author, tags
    "language",  # body -> language and confidence
    "segment",  # body -> tokens and sentences
    "entities",  # tokens -> entities with mentions, countries and actor codes
    "quotes",  # sentences + entities -> quotations with speakers
    "events",  # sentences + entities + quotes -> CAMEO events
)


class Pipeline:
    def __init__(self, lang: str = "id", stages: Sequence[str] = DEFAULT_STAGES):
        self.pack: LanguagePack = load_pack(lang)
        self.stage_names = tuple(stages)
        self.stages: list[Stage] = [stage_factory(name)(self.pack) for name in self.stage_names]

    def make_document(self, text_or_html: str, source: str = "<text>", **metadata: Any) -> Document:
        if text_or_html is None or not text_or_html.strip():
            raise EmptyInputError(source)
        size = len(text_or_html.encode("utf-8", errors="replace"))
        if size > MAX_ARTICLE_BYTES:
            raise OversizedInputError(source, size, MAX_ARTICLE_BYTES)
        is_html = bool(metadata.pop("is_html", None)) or looks_like_html(text_or_html)
        doc = Document(source=source, raw=text_or_html, is_html=is_html, metadata=metadata, pack=self.pack)
        doc.article = Article(id=str(metadata.get("id") or content_id(text_or_html)), body="")
        return doc

    def run(self, doc: Document) -> Article:
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

    def extract_many(self, inputs: Iterable[str]) -> Iterator[tuple[str, Article | InputError]]:
        """(source, Article) for each article in files, directories, globs or "-";
        (source, InputError) for each one that could not be read, and the run goes on."""
        for item in read_inputs(inputs):
            if isinstance(item, InputError):
                yield item.source, item
                continue
            try:
                yield item.source, self.extract_record(item)
            except InputError as exc:
                yield item.source, exc


def content_id(text: str) -> str:
    """Stable id of an article's content, used when the input gives none."""
    return hashlib.sha1(text.strip().encode("utf-8")).hexdigest()[:16]


def looks_like_html(text: str) -> bool:
    head = text.lstrip()[:2048].lower()
    return head.startswith(("<!doctype html", "<html", "<?xml")) or (
        "<body" in head or "<p>" in head or "<div" in head or "<article" in head
    )


@functools.lru_cache(maxsize=4)
def get_pipeline(lang: str = "id") -> Pipeline:
    """The shared default pipeline for a language, loaded on first use."""
    return Pipeline(lang)
