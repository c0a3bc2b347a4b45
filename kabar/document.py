"""The working document that pipeline stages pass along.

`Document` wraps the `Article` being built (the public contract) together with
what stages need but users do not: the raw input, the token stream and the
internal links between mentions, entities and quotes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from kabar.model import Article
from kabar.textview import TextView

if TYPE_CHECKING:
    from kabar.lang import LanguagePack


@dataclass
class MentionRef:
    """One mention of an entity, in body order; what quotes and events resolve against."""

    entity_id: str
    start: int
    end: int
    text: str
    label: str  # PER, ORG, GPE, LOC


@dataclass
class Document:
    source: str  # names the input in messages: a path, "path:line", a URL or "<text>"
    raw: str  # the text or HTML as given
    is_html: bool = False
    metadata: dict[str, Any] = field(default_factory=dict)
    article: Article = field(default_factory=lambda: Article(id="", body=""))
    pack: LanguagePack | None = None
    view: TextView = field(default_factory=lambda: TextView(text=""))  # built by `segment`
    part_views: dict[str, TextView] = field(default_factory=dict)  # "title", "captions[N]"
    mentions: list[MentionRef] = field(default_factory=list)
    dateline_place: str | None = None  # place named in a dateline ("JAKARTA, KOMPAS.com")

    @property
    def body(self) -> str:
        return self.article.body

    def warn(self, message: str) -> None:
        self.article.warnings.append(message)
