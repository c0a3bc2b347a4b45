"""Documents for the `events` tests: entities and quotes built by hand from
tests/data/events/cases.yaml, so that the other stages' quality does not matter here."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from kabar.document import Document, MentionRef
from kabar.model import Entity, Quote

DATA = Path(__file__).resolve().parents[1] / "data" / "events"
CASES = yaml.safe_load((DATA / "cases.yaml").read_text(encoding="utf-8"))


def make_doc(
    segmenter, body: str, published: str | None, quotes=(), dateline=None, captions=(), title=None
) -> Document:
    doc = Document(source="<test>", raw=body)
    doc.article.body = body
    doc.article.title = title
    doc.article.captions = list(captions)
    doc.article.published = published
    doc.dateline_place = dateline
    segmenter(doc)
    spans = []
    for eid, spec in CASES["entities"].items():
        for surface in spec["surfaces"]:
            for m in re.finditer(r"(?<!\w)" + re.escape(surface) + r"(?!\w)", body):
                spans.append((m.start(), m.end(), eid, surface, spec["type"]))
    spans.sort(key=lambda s: (s[0], -(s[1] - s[0])))
    used_ids = set()
    last = -1
    for start, end, eid, surface, label in spans:
        if start < last:
            continue  # "Laut China Selatan" keeps its "China"
        doc.mentions.append(MentionRef(eid, start, end, surface, label))
        used_ids.add(eid)
        last = end
    for eid in sorted(used_ids):
        spec = CASES["entities"][eid]
        doc.article.entities.append(
            Entity(
                id=eid,
                name=spec["name"],
                type=spec["type"],
                country=spec.get("country"),
                actor_code=spec.get("actor_code"),
                lat=spec.get("lat"),
                lon=spec.get("lon"),
            )
        )
    for q in quotes:
        start = body.index(q["text"])
        doc.article.quotes.append(
            Quote(q["text"], start, start + len(q["text"]), "direct", speaker=q.get("speaker"))
        )
    return doc


def run_case(stage, segmenter, case):
    doc = make_doc(
        segmenter, case["body"], case.get("published"), case.get("quotes") or (), case.get("dateline")
    )
    stage(doc)
    return doc


def factual_events(stage, segmenter, body: str, published: str, side: str = "actor_code"):
    """The factual events of a body as (code, source, target), each side given by its `side`
    attribute (its actor code, or its name), with the entities of cases.yaml."""
    doc = make_doc(segmenter, body, published)
    stage(doc)
    return [
        (e.code, getattr(e.source, side) if e.source else None, getattr(e.target, side) if e.target else None)
        for e in doc.article.events
        if e.factual
    ]


# the publication time of the invented articles of the event tests
PUBLISHED = "2024-03-20T09:00:00+07:00"


def factual_runner(pack, published: str):
    """`events(body)`: the factual events of a body as (code, source code, target code), with the
    entities of cases.yaml (one EventExtractor and Segmenter for every call)."""
    from kabar.events import EventExtractor
    from kabar.segment import Segmenter

    stage, segmenter = EventExtractor(pack), Segmenter(pack)
    return lambda body: factual_events(stage, segmenter, body, published)


# Fixtures for the test files that import them (a conftest.py here would shadow the tests' own
# `conftest` module): one event stage and one segmenter per test module, and `run`: the
# factual events of a body published at PUBLISHED.
@pytest.fixture(scope="module")
def run():
    from kabar.lang import load_pack

    return factual_runner(load_pack("id"), PUBLISHED)


@pytest.fixture(scope="module")
def stage():
    from kabar.events import EventExtractor
    from kabar.lang import load_pack

    return EventExtractor(load_pack("id"))


@pytest.fixture(scope="module")
def segmenter():
    from kabar.lang import load_pack
    from kabar.segment import Segmenter

    return Segmenter(load_pack("id"))


def root_modes(stage, segmenter, body: str, published: str) -> list[tuple[str, str]]:
    """(CAMEO root, mode) of every event of `body`, factual or not."""
    doc = make_doc(segmenter, body, published)
    stage(doc)
    return [(e.code[:2], e.mode) for e in doc.article.events]
