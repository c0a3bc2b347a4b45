"""Shared by the tests of kabar/quotes/: the stage and the segmenter, built once, and a
Document from a body with mentions (see tests/test_quotes.py)."""

from __future__ import annotations

import functools

from test_quotes import make_doc

from kabar.document import Document
from kabar.lang import load_pack
from kabar.quotes import QuoteFinder
from kabar.quotes.context import ArticleContext
from kabar.segment import Segmenter


@functools.cache
def finder() -> QuoteFinder:
    return QuoteFinder(load_pack("id"))


@functools.cache
def segmenter() -> Segmenter:
    return Segmenter(load_pack("id"))


def document(body: str, entities: list[dict] | None = None) -> Document:
    return make_doc(segmenter(), body, entities or [])


def context(body: str, entities: list[dict] | None = None) -> ArticleContext:
    return finder().context(document(body, entities))
