"""kabar: structured, searchable event data from news articles.

    >>> import kabar
    >>> article = kabar.extract(text)          # or HTML
    >>> article.published, article.entities, article.events
"""

from __future__ import annotations

from typing import Any

from kabar.errors import ConfigError, InputError, KabarError, QueryError, StoreError
from kabar.model import (
    Article,
    Entity,
    Event,
    EventActor,
    Evidence,
    Location,
    Mention,
    Quote,
    Sentence,
)
from kabar.spacy_cli import defer_spacy_cli

defer_spacy_cli()  # before anything imports spaCy (none of the modules above does)

__version__ = "0.1.0"

__all__ = [
    "Article",
    "ConfigError",
    "Entity",
    "Event",
    "EventActor",
    "Evidence",
    "InputError",
    "KabarError",
    "Location",
    "Mention",
    "QueryError",
    "Quote",
    "Sentence",
    "StoreError",
    "extract",
    "__version__",
]


def extract(text_or_html: str, *, lang: str = "id", source: str = "<text>", **metadata: Any) -> Article:
    """Read one news article (plain text as scraped, or an HTML page) and return its structure.

    Metadata you already know overrides what kabar finds in the text:
    `id`, `url`, `published` (any common date format), `title`, `author`.
    `source` names the input in error messages.
    """
    from kabar.pipeline import get_pipeline

    return get_pipeline(lang)(text_or_html, source=source, **metadata)
