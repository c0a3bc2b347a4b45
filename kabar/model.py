"""The public output contract: what `kabar.extract` returns.

Every field name here is part of the contract that the CLI, the store and
later the web layer rely on. Offsets (`start`, `end`) are character offsets,
end exclusive, into `Article.body` -- or, for a span whose `where` is not
"body", into that part of the article (`"title"`, `"captions[0]"`, ...).
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass
class Span:
    """A piece of the article: its text and character offsets into `where`."""

    text: str
    start: int
    end: int
    where: str = "body"  # "body", "title" or "captions[N]"


@dataclass
class Sentence:
    start: int
    end: int


@dataclass
class Mention(Span):
    pass


@dataclass
class Entity:
    id: str
    name: str
    type: str  # PER, ORG, GPE or LOC
    country: str | None = None  # ISO 3166 alpha-3
    actor_code: str | None = None  # CAMEO actor code, e.g. IRNMIL
    title: str | None = None  # rank or office stripped from the name (Mayjen, Presiden)
    role: str | None = None  # role phrase given by the article
    lat: float | None = None
    lon: float | None = None
    mentions: list[Mention] = field(default_factory=list)


@dataclass
class Quote:
    text: str
    start: int
    end: int
    kind: str  # "direct" or "indirect"
    speaker: str | None = None  # entity id, or None when unknown or unnamed
    speaker_name: str | None = None


@dataclass
class EventActor:
    entity: str | None
    name: str
    actor_code: str | None
    country: str | None


@dataclass
class Location:
    name: str
    country: str | None = None
    lat: float | None = None
    lon: float | None = None


@dataclass
class Evidence(Span):
    pass


@dataclass
class Event:
    code: str
    root: str
    quad_class: int
    goldstein: float
    source: EventActor | None
    target: EventActor | None
    date: str | None  # ISO date (YYYY-MM-DD)
    location: Location | None
    evidence: Evidence
    confidence: float
    factual: bool
    mode: str = "reported"  # reported, claimed, negated, intended, conditional, question, background
    symmetric: bool = False  # reciprocal action (meet, discuss): source and target act alike
    mentions: list[Evidence] = field(default_factory=list)  # every span telling this event
    action: Span | None = None  # the word that names the action (its trigger), when in the body


@dataclass
class Article:
    id: str
    body: str
    language: str | None = None
    language_confidence: float | None = None
    published: str | None = None  # ISO 8601 with UTC offset
    title: str | None = None
    author: str | None = None
    captions: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    url: str | None = None
    sentences: list[Sentence] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def to_json(self, indent: int | None = None) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    def sentence_text(self, sentence: Sentence) -> str:
        return self.body[sentence.start : sentence.end]

    def entity(self, entity_id: str | None) -> Entity | None:
        return next((e for e in self.entities if e.id == entity_id), None)
