"""Quote detection (P/R/F1) and attribution accuracy on matched quotes."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from kabar.evaluate.gold import is_optional
from kabar.evaluate.matching import Score, greedy_match
from kabar.evaluate.normalise import norm_name, norm_text
from kabar.evaluate.scores import FileResult


@dataclass
class Speakers:
    """What a predicted speaker can be checked against in one article."""

    predicted_entities: dict[str, dict[str, Any]]  # predicted entity id -> entity
    gold_name_of_predicted: dict[str, str]  # predicted entity id -> name of the gold entity matched to it
    gold_entities: dict[str, dict[str, Any]]  # normalised gold name -> gold entity

    @classmethod
    def build(cls, gold: dict[str, Any], pred: dict[str, Any], entity_matching: dict[int, int]) -> Speakers:
        gold_entities = gold.get("entities") or []
        pred_entities = pred.get("entities") or []
        return cls(
            predicted_entities={str(e.get("id")): e for e in pred_entities if e.get("id") is not None},
            gold_name_of_predicted={
                str(pred_entities[pi].get("id")): norm_name(gold_entities[gi]["name"])
                for gi, pi in entity_matching.items()
            },
            gold_entities={norm_name(e["name"]): e for e in gold_entities},
        )

    def names(self, quote: dict[str, Any]) -> set[str]:
        """The predicted speaker's names: `speaker_name` and the name of the `speaker` entity."""
        names = {norm_name(quote.get("speaker_name"))}
        entity = self.predicted_entities.get(quote.get("speaker") or "")
        if entity:
            names.add(norm_name(entity.get("name")))
        return names - {""}

    def shown(self, quote: dict[str, Any]) -> str | None:
        entity = self.predicted_entities.get(quote.get("speaker") or "")
        return quote.get("speaker_name") or (entity or {}).get("name")

    def attribution_right(self, gold_quote: dict[str, Any], quote: dict[str, Any]) -> bool:
        """The gold speaker, one of its gold mentions, or the entity matched to it; a null gold wants null."""
        gold_speaker = norm_name(gold_quote.get("speaker"))
        if not gold_speaker:
            return not quote.get("speaker") and not quote.get("speaker_name")
        accepted = {gold_speaker}
        gold_entity = self.gold_entities.get(gold_speaker)
        if gold_entity:
            accepted.update(norm_name(m) for m in gold_entity.get("mentions") or [])
        if self.names(quote) & accepted:
            return True
        return self.gold_name_of_predicted.get(str(quote.get("speaker"))) == gold_speaker


def score_quotes(
    gold: dict[str, Any], pred: dict[str, Any], res: FileResult, entity_matching: dict[int, int]
) -> None:
    gold_quotes = gold.get("quotes") or []
    pred_quotes = pred.get("quotes") or []
    speakers = Speakers.build(gold, pred, entity_matching)
    gold_starts = [norm_text(q["text_start"]) for q in gold_quotes]
    pred_texts = [norm_text(q.get("text")) for q in pred_quotes]

    def score(gi: int, pi: int) -> Score | None:
        if not gold_starts[gi] or not pred_texts[pi].startswith(gold_starts[gi]):
            return None
        return (int(not is_optional(gold_quotes[gi])), len(gold_starts[gi]))

    matching = greedy_match(len(gold_quotes), len(pred_quotes), score)
    for gi, g in enumerate(gold_quotes):
        optional = is_optional(g)
        if gi not in matching:
            if not optional:
                res.quotes.fn += 1
                res.problem(
                    "quotes",
                    "miss",
                    f"{g.get('kind', 'quote')} quote by {g.get('speaker')}",
                    evidence=g["text_start"],
                    gold=g,
                )
            continue
        if optional:
            res.quotes.optional_matched += 1
            continue
        res.quotes.tp += 1
        p = pred_quotes[matching[gi]]
        if g.get("kind"):
            res.quote_kind.count(g["kind"] == p.get("kind"))
        ok = speakers.attribution_right(g, p)
        res.attribution.count(ok)
        if not ok:
            shown = speakers.shown(p)
            res.problem(
                "quotes",
                "wrong_speaker",
                f"speaker gold {g.get('speaker')!r}, predicted {shown!r}",
                evidence=p.get("text"),
                gold=g.get("speaker"),
                predicted=shown,
            )
    matched_preds = set(matching.values())
    for pi, p in enumerate(pred_quotes):
        if pi in matched_preds:
            continue
        res.quotes.fp += 1
        res.problem(
            "quotes",
            "false_alarm",
            f"{p.get('kind')} quote by {p.get('speaker_name') or p.get('speaker') or 'nobody named'}",
            evidence=p.get("text"),
            predicted={k: p.get(k) for k in ("kind", "speaker", "speaker_name")},
        )
