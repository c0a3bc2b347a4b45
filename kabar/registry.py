"""Registry of pipeline stages, so configuration names stages and code stays pluggable."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

from kabar.errors import ConfigError

if TYPE_CHECKING:
    from kabar.document import Document
    from kabar.lang import LanguagePack


class Stage(Protocol):
    name: str

    def __call__(self, doc: Document) -> None: ...


StageFactory = Callable[["LanguagePack"], Stage]

_factories: dict[str, StageFactory] = {}

# Where the built-in stages live: importing the module registers the stage.
BUILTIN_STAGE_MODULES = {
    "structure": "kabar.structure",
    "language": "kabar.language",
    "segment": "kabar.segment",
    "entities": "kabar.entities",
    "quotes": "kabar.quotes",
    "events": "kabar.events",
}


def register_stage(name: str) -> Callable[[StageFactory], StageFactory]:
    """Decorator: `@register_stage("entities")` on a class taking a LanguagePack."""

    def decorate(factory: StageFactory) -> StageFactory:
        _factories[name] = factory
        return factory

    return decorate


def stage_factory(name: str) -> StageFactory:
    if name not in _factories and name in BUILTIN_STAGE_MODULES:
        importlib.import_module(BUILTIN_STAGE_MODULES[name])
    if name not in _factories:
        raise ConfigError(f"unknown pipeline stage '{name}' (known: {', '.join(sorted(_factories))})")
    return _factories[name]
