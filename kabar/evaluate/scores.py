"""Counts kept while scoring: detection (P/R/F1), attribute accuracy, the problems found, per file."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

METADATA_FIELDS = ("published", "author", "title", "captions", "tags", "language")
ENTITY_ATTRIBUTES = ("type", "country", "actor_code")


def _round(x: float | None) -> float | None:
    return None if x is None else round(x, 4)


@dataclass
class PRF:
    tp: int = 0  # gold items found
    fp: int = 0  # predictions matching nothing
    fn: int = 0  # gold items missed
    optional_matched: int = 0  # predictions that matched an optional gold item (not scored)

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None

    @property
    def f1(self) -> float | None:
        p, r = self.precision, self.recall
        if p is None or r is None:
            return None
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: PRF) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn
        self.optional_matched += other.optional_matched

    def to_dict(self) -> dict[str, Any]:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "optional_matched": self.optional_matched,
            "precision": _round(self.precision),
            "recall": _round(self.recall),
            "f1": _round(self.f1),
        }


@dataclass
class Accuracy:
    correct: int = 0
    total: int = 0

    @property
    def accuracy(self) -> float | None:
        return self.correct / self.total if self.total else None

    def count(self, ok: bool) -> None:
        self.total += 1
        self.correct += bool(ok)

    def add(self, other: Accuracy) -> None:
        self.correct += other.correct
        self.total += other.total

    def to_dict(self) -> dict[str, Any]:
        return {"correct": self.correct, "total": self.total, "accuracy": _round(self.accuracy)}


@dataclass
class Problem:
    """One thing a developer should look at: a miss, a false alarm or a wrong attribute."""

    file: str  # gold id
    section: str  # metadata, entities, quotes, events
    kind: str  # miss, false_alarm, wrong_type, wrong_country, wrong_actor_code, wrong_speaker, ...
    what: str  # short description
    evidence: str | None = None  # the text behind it (gold evidence start, predicted evidence, quote)
    gold: Any = None
    predicted: Any = None

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


@dataclass
class FileResult:
    """The scores of one gold file; `article_path` names where its text came from."""

    id: str
    gold_path: str
    article_path: str
    error: str | None = None
    metadata: dict[str, Accuracy] = field(default_factory=dict)
    entities: PRF = field(default_factory=PRF)
    entity_attrs: dict[str, Accuracy] = field(default_factory=dict)
    quotes: PRF = field(default_factory=PRF)
    attribution: Accuracy = field(default_factory=Accuracy)
    quote_kind: Accuracy = field(default_factory=Accuracy)
    events: PRF = field(default_factory=PRF)
    event_evidence: Accuracy = field(default_factory=Accuracy)
    event_exact_code: Accuracy = field(default_factory=Accuracy)
    non_factual: Counter[str] = field(default_factory=Counter)
    problems: list[Problem] = field(default_factory=list)

    def problem(self, section: str, kind: str, what: str, **details: Any) -> None:
        """Record a problem of this file (`details`: evidence, gold, predicted)."""
        self.problems.append(Problem(self.id, section, kind, what, **details))

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "gold": self.gold_path,
            "article": self.article_path,
            "error": self.error,
            "metadata": {k: v.to_dict() for k, v in self.metadata.items()},
            "entities": self.entities.to_dict(),
            "quotes": self.quotes.to_dict(),
            "attribution": self.attribution.to_dict(),
            "events": self.events.to_dict(),
            "non_factual_events": dict(self.non_factual),
        }
