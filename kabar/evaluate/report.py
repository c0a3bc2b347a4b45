"""The report over all gold files: micro-averaged scores, errors and problems, as JSON."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from kabar.evaluate.scores import ENTITY_ATTRIBUTES, METADATA_FIELDS, PRF, Accuracy, FileResult, Problem

FACTUAL_NOTE = (
    "Only factual (reported) predicted events count as predictions for event precision; "
    "non-factual ones (negated, intended, conditional, question, background) are counted apart."
)


@dataclass
class Report:
    gold_dir: str
    predictions: str  # "pipeline" or the predictions folder
    files: list[FileResult] = field(default_factory=list)
    corpus: str | None = None  # the JSON Lines corpus that gold files naming a corpus_id were read from

    def sum_prf(self, get: Callable[[FileResult], PRF]) -> PRF:
        out = PRF()
        for f in self.files:
            out.add(get(f))
        return out

    def sum_accuracy(self, get: Callable[[FileResult], Accuracy | None]) -> Accuracy:
        out = Accuracy()
        for f in self.files:
            acc = get(f)
            if acc is not None:
                out.add(acc)
        return out

    @property
    def entities(self) -> PRF:
        return self.sum_prf(lambda f: f.entities)

    @property
    def quotes(self) -> PRF:
        return self.sum_prf(lambda f: f.quotes)

    @property
    def events(self) -> PRF:
        return self.sum_prf(lambda f: f.events)

    @property
    def attribution(self) -> Accuracy:
        return self.sum_accuracy(lambda f: f.attribution)

    @property
    def quote_kind(self) -> Accuracy:
        return self.sum_accuracy(lambda f: f.quote_kind)

    @property
    def event_exact_code(self) -> Accuracy:
        return self.sum_accuracy(lambda f: f.event_exact_code)

    @property
    def event_evidence(self) -> Accuracy:
        return self.sum_accuracy(lambda f: f.event_evidence)

    def _sum_by_name(
        self, names: tuple[str, ...], table: Callable[[FileResult], dict[str, Accuracy]]
    ) -> dict[str, Accuracy]:
        out = {name: Accuracy() for name in names}
        for f in self.files:
            for name, acc in table(f).items():
                if name in out:
                    out[name].add(acc)
        return out

    def metadata(self) -> dict[str, Accuracy]:
        return self._sum_by_name(METADATA_FIELDS, lambda f: f.metadata)

    def entity_attrs(self) -> dict[str, Accuracy]:
        return self._sum_by_name(ENTITY_ATTRIBUTES, lambda f: f.entity_attrs)

    def non_factual(self) -> Counter[str]:
        out: Counter[str] = Counter()
        for f in self.files:
            out.update(f.non_factual)
        return out

    @property
    def problems(self) -> list[Problem]:
        return [p for f in self.files for p in f.problems]

    @property
    def errors(self) -> list[tuple[str, str]]:
        return [(f.id, f.error) for f in self.files if f.error]

    def to_dict(self) -> dict[str, Any]:
        meta = self.metadata()
        meta_all = Accuracy()
        for acc in meta.values():
            meta_all.add(acc)
        non_factual = self.non_factual()
        return {
            "gold_dir": self.gold_dir,
            "predictions": self.predictions,
            "corpus": self.corpus,
            "articles": len(self.files),
            "errors": [{"id": i, "error": e} for i, e in self.errors],
            "metadata": {"fields": {k: v.to_dict() for k, v in meta.items()}, "overall": meta_all.to_dict()},
            "entities": {
                **self.entities.to_dict(),
                "attributes": {k: v.to_dict() for k, v in self.entity_attrs().items()},
            },
            "quotes": {
                **self.quotes.to_dict(),
                "attribution": self.attribution.to_dict(),
                "kind": self.quote_kind.to_dict(),
            },
            "events": {
                **self.events.to_dict(),
                "exact_code": self.event_exact_code.to_dict(),
                "evidence_start": self.event_evidence.to_dict(),
                "non_factual": {"total": sum(non_factual.values()), "by_mode": dict(non_factual)},
                "note": FACTUAL_NOTE,
            },
            "files": [f.to_dict() for f in self.files],
            "problems": [p.to_dict() for p in self.problems],
        }
