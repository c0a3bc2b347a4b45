"""Entity detection (P/R/F1) and the accuracy of type, country and actor code on matched entities."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from kabar.evaluate.gold import is_optional
from kabar.evaluate.matching import Score, greedy_match
from kabar.evaluate.normalise import norm_name
from kabar.evaluate.scores import ENTITY_ATTRIBUTES, Accuracy, FileResult


def _entity_names(entity: dict[str, Any]) -> tuple[str, set[str]]:
    """A predicted entity's normalised name, and the set of its name and mention texts."""
    name = norm_name(entity.get("name"))
    texts = {name}
    for m in entity.get("mentions") or []:
        texts.add(norm_name(m.get("text") if isinstance(m, dict) else m))
    return name, texts - {""}


def match_entities(
    gold_entities: Sequence[dict[str, Any]], pred_entities: Sequence[dict[str, Any]]
) -> dict[int, int]:
    """Gold index -> predicted index: same name, or a gold mention equal to a predicted name or mention."""
    gold_info = []
    for g in gold_entities:
        mentions = [norm_name(m) for m in g.get("mentions") or []]
        gold_info.append((norm_name(g["name"]), [m for m in mentions if m]))
    pred_info = [_entity_names(p) for p in pred_entities]

    def score(gi: int, pi: int) -> Score | None:
        gname, gmentions = gold_info[gi]
        pname, ptexts = pred_info[pi]
        name_equal = bool(gname) and gname == pname
        overlap = set(gmentions) & ptexts
        if not name_equal and not overlap and gname not in ptexts:
            return None
        # prefer: same name; then the predicted name is an early gold mention; then more shared mentions
        rank = gmentions.index(pname) if pname in gmentions else len(gmentions) + 1
        return (int(name_equal), -rank, len(overlap))

    return greedy_match(len(gold_entities), len(pred_entities), score)


def _attribute_equal(attr: str, gold: Any, pred: Any) -> bool:
    if attr == "type":
        return (gold or None) == (pred or None)
    return str(gold or "").upper() == str(pred or "").upper()


def _score_attributes(g: dict[str, Any], p: dict[str, Any], res: FileResult) -> None:
    for attr in ENTITY_ATTRIBUTES:
        if attr not in g:
            continue
        gv, pv = g.get(attr), p.get(attr)
        ok = _attribute_equal(attr, gv, pv)
        res.entity_attrs.setdefault(attr, Accuracy()).count(ok)
        if not ok:
            res.problem(
                "entities",
                "wrong_" + attr,
                f"{g['name']}: {attr} gold {gv!r}, predicted {pv!r} (entity '{p.get('name')}')",
                gold=gv,
                predicted=pv,
            )


def score_entities(gold: dict[str, Any], pred: dict[str, Any], res: FileResult) -> dict[int, int]:
    """Score entities; returns the matching gold index -> predicted index (used by quotes)."""
    gold_entities = gold.get("entities") or []
    pred_entities = pred.get("entities") or []
    matching = match_entities(gold_entities, pred_entities)
    for gi, g in enumerate(gold_entities):
        optional = is_optional(g)
        if gi not in matching:
            if not optional:
                res.entities.fn += 1
                res.problem(
                    "entities",
                    "miss",
                    f"{g['name']} ({g.get('type')})",
                    evidence=", ".join(g.get("mentions") or []) or None,
                    gold=g,
                )
        elif optional:
            res.entities.optional_matched += 1
        else:
            res.entities.tp += 1
            _score_attributes(g, pred_entities[matching[gi]], res)
    matched_preds = set(matching.values())
    for pi, p in enumerate(pred_entities):
        if pi in matched_preds:
            continue
        res.entities.fp += 1
        first = (p.get("mentions") or [{}])[0]
        res.problem(
            "entities",
            "false_alarm",
            f"{p.get('name')} ({p.get('type')}, {len(p.get('mentions') or [])} mention(s))",
            evidence=first.get("text") if isinstance(first, dict) else None,
            predicted={k: p.get(k) for k in ("id", "name", "type", "country", "actor_code")},
        )
    return matching
