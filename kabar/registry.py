"""Registry of pipeline stages: each registered once with what it requires and assigns.

As spaCy's `Language.factory` does, a stage declares the document fields it reads
(`requires`) and writes (`assigns`); `check_order` refuses a stage list in which a
stage runs before what it needs, when the pipeline is built rather than mid-article.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol, runtime_checkable

from kabar.errors import ConfigError

if TYPE_CHECKING:
    from kabar.document import Document
    from kabar.lang import LanguagePack

# What a Document holds before any stage runs.
INITIAL_FIELDS: frozenset[str] = frozenset({"raw", "metadata"})


@runtime_checkable
class Stage(Protocol):
    name: str

    def __call__(self, doc: Document) -> None: ...

    def pipe(self, docs: Sequence[Document]) -> None:
        """Run over a batch; a stage that gains nothing from batching loops over `__call__`."""
        ...


class PerDocumentStage:
    """Base for stages that process one document at a time: `pipe` loops."""

    name: str = ""

    def __call__(self, doc: Document) -> None:
        raise NotImplementedError

    def pipe(self, docs: Sequence[Document]) -> None:
        for doc in docs:
            self(doc)


StageFactory = Callable[["LanguagePack"], Stage]


@dataclass(frozen=True)
class StageSpec:
    name: str
    factory: StageFactory
    requires: tuple[str, ...]
    assigns: tuple[str, ...]


_specs: dict[str, StageSpec] = {}

# Where the built-in stages live: importing the module registers the stage.
BUILTIN_STAGE_MODULES = {
    "structure": "kabar.structure",
    "language": "kabar.language",
    "segment": "kabar.segment",
    "entities": "kabar.entities",
    "quotes": "kabar.quotes",
    "events": "kabar.events",
}


def register_stage(
    name: str, *, requires: Sequence[str] = (), assigns: Sequence[str] = ()
) -> Callable[[StageFactory], StageFactory]:
    """Decorator on a class taking a LanguagePack:
    `@register_stage("quotes", requires=("view", "entities"), assigns=("quotes",))`."""

    def decorate(factory: StageFactory) -> StageFactory:
        if name in _specs and _specs[name].factory is not factory:
            raise ConfigError(f"pipeline stage '{name}' is registered twice")
        _specs[name] = StageSpec(name, factory, tuple(requires), tuple(assigns))
        return factory

    return decorate


def stage_spec(name: str) -> StageSpec:
    if name not in _specs and name in BUILTIN_STAGE_MODULES:
        importlib.import_module(BUILTIN_STAGE_MODULES[name])
    if name not in _specs:
        known = sorted(set(_specs) | set(BUILTIN_STAGE_MODULES))
        raise ConfigError(f"unknown pipeline stage '{name}' (known: {', '.join(known)})")
    return _specs[name]


def stage_factory(name: str) -> StageFactory:
    return stage_spec(name).factory


def check_order(names: Sequence[str], given: Sequence[str] = ()) -> list[StageSpec]:
    """The specs of `names`, or ConfigError if a stage needs what no earlier stage assigns
    (`given`: fields the caller fills itself before the first stage runs)."""
    available = set(INITIAL_FIELDS) | set(given)
    specs = []
    for name in names:
        spec = stage_spec(name)
        missing = [field for field in spec.requires if field not in available]
        if missing:
            raise ConfigError(
                f"pipeline stage '{name}' needs {', '.join(missing)}, which no stage before it assigns "
                f"(order: {' → '.join(names)})"
            )
        available.update(spec.assigns)
        specs.append(spec)
    return specs
