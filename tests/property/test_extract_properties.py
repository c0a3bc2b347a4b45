"""The whole of `kabar.extract` on random news-shaped text, random HTML and cut inputs."""

from __future__ import annotations

import json
from datetime import timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from kabar.errors import KabarError
from kabar.readers import RawRecord

from .conftest import examples
from .strategies import containers, html_pages, news_text
from .test_readers_properties import read_as_file

SLOW = timedelta(seconds=30)  # the whole pipeline on a shared machine; models are loaded before


def _extract(pipeline, raw: str, **metadata) -> None:
    try:
        article = pipeline(raw, source="<property>", **metadata)
    except KabarError:
        return
    body = article.body
    json.dumps(article.to_dict())
    for sentence in article.sentences:
        assert 0 <= sentence.start <= sentence.end <= len(body)
    for quote in article.quotes:
        assert 0 <= quote.start <= quote.end <= len(body)
    for event in article.events:
        assert event.evidence is None or 0 <= event.evidence.start <= event.evidence.end


@given(text=news_text, published=st.none() | st.text(max_size=30))
@settings(max_examples=examples(150), deadline=SLOW)
def test_random_news_text(warm_pipeline, text, published):
    _extract(warm_pipeline, text, **({"published": published} if published else {}))


@given(page=html_pages())
@settings(max_examples=examples(80), deadline=SLOW)
def test_random_html(warm_pipeline, page):
    _extract(warm_pipeline, page, is_html=True)


@given(container=containers(), cut=st.floats(0, 1))
@settings(max_examples=examples(60), deadline=SLOW)
def test_cut_inputs_through_the_pipeline(warm_pipeline, container, cut):
    name, data = container
    for item in read_as_file(name, data[: int(len(data) * cut)]):
        if isinstance(item, RawRecord):
            _extract(warm_pipeline, item.text, is_html=item.is_html, **item.metadata)
