"""Metadata accuracy: published, author, title, captions, tags, language."""

from __future__ import annotations

from typing import Any

from kabar.evaluate.normalise import norm_text, same_published
from kabar.evaluate.scores import METADATA_FIELDS, Accuracy, FileResult


def metadata_equal(name: str, gold: Any, pred: Any) -> bool:
    """Whether a predicted metadata field is right, by the field's own rule."""
    if name == "published":
        return same_published(gold, pred)
    if name == "captions":
        return [norm_text(x) for x in gold or []] == [norm_text(x) for x in pred or []]
    if name == "tags":
        return sorted(norm_text(x) for x in gold or []) == sorted(norm_text(x) for x in pred or [])
    if name == "language":
        return (gold or "").strip().lower() == (pred or "").strip().lower()
    return norm_text(gold) == norm_text(pred)


def score_metadata(gold: dict[str, Any], pred: dict[str, Any], res: FileResult) -> None:
    """Score each metadata field the gold file gives; an absent key is not scored."""
    for name in METADATA_FIELDS:
        if name not in gold:
            continue
        g, p = gold[name], pred.get(name)
        ok = metadata_equal(name, g, p)
        res.metadata.setdefault(name, Accuracy()).count(ok)
        if not ok:
            res.problem("metadata", "wrong", f"{name}: gold {g!r}, predicted {p!r}", gold=g, predicted=p)
