"""The structure stage (with language and segmentation) on random text and HTML."""

from __future__ import annotations

from datetime import timedelta

from hypothesis import given, settings

from kabar.errors import KabarError

from .conftest import examples
from .strategies import any_text, html_pages

SLOW = timedelta(seconds=30)  # a shared machine; the models and trafilatura are loaded before


def _run(foundation, raw: str, is_html: bool) -> None:
    try:
        article = foundation(raw, source="<property>", is_html=is_html)
    except KabarError:
        return
    body = article.body
    assert isinstance(body, str) and body.strip()
    for sentence in article.sentences:
        assert 0 <= sentence.start <= sentence.end <= len(body)
    assert all(isinstance(c, str) for c in article.captions)
    if article.published is not None:
        assert isinstance(article.published, str)


@given(text=any_text)
@settings(max_examples=examples(300), deadline=SLOW)
def test_random_text(warm_foundation, text):
    _run(warm_foundation, text, is_html=False)


@given(page=html_pages())
@settings(max_examples=examples(150), deadline=SLOW)
def test_random_html(warm_foundation, page):
    _run(warm_foundation, page, is_html=True)
