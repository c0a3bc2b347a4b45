"""Event matching (root, countries, date) and scoring; only factual predictions are predictions."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from kabar.evaluate.gold import DEFAULT_DATE_WINDOW_DAYS, is_optional
from kabar.evaluate.matching import Score, greedy_match
from kabar.evaluate.normalise import actor_country, cameo_root, norm_text, parse_date, predicted_countries
from kabar.evaluate.scores import FileResult

FACTUAL_MODES = ("reported", "claimed")


def is_factual(event: dict[str, Any]) -> bool:
    """A predicted event counts as a prediction when it is told as having happened: reported as
    fact, or as a side's claim (`claimed`)."""
    return event.get("factual") is True and (event.get("mode") or "reported") in FACTUAL_MODES


def _countries_mismatch(g: dict[str, Any], p: dict[str, Any]) -> str | None:
    gs, gt = actor_country(g.get("source")), actor_country(g.get("target"))
    ps, pt = predicted_countries(p.get("source")), predicted_countries(p.get("target"))

    def sides(a: str, b: str) -> bool:
        return (not a or a in ps) and (not b or b in pt)

    if sides(gs, gt) or (g.get("symmetric") and sides(gt, gs)):
        return None
    shown = f"{'/'.join(sorted(ps)) or '-'} -> {'/'.join(sorted(pt)) or '-'}"
    if not g.get("symmetric") and sides(gt, gs):
        return f"countries {shown} are in reverse order (gold {gs} -> {gt}, not symmetric)"
    return f"countries {shown}, gold {gs or 'any'} -> {gt or 'any'}"


def mismatch(g: dict[str, Any], p: dict[str, Any]) -> str | None:
    """Why a predicted event does not match a gold event (None when it matches).

    The gold files' rule: the CAMEO root of the code is the root of the gold code or of an alt,
    source and target countries match (either order when symmetric; a gold side left empty places
    no condition), and the date is within the window when the gold gives a date.
    """
    roots = {cameo_root(g["code"])} | {cameo_root(a) for a in g.get("alts") or []}
    root = cameo_root(p.get("code") or p.get("root"))
    if root not in roots:
        return f"root {root or '?'} is not one of {', '.join(sorted(roots))}"
    countries = _countries_mismatch(g, p)
    if countries:
        return countries
    gold_date = parse_date(g.get("date"))
    if gold_date is not None:
        pred_date = parse_date(p.get("date"))
        window = g.get("date_window_days", DEFAULT_DATE_WINDOW_DAYS)
        if pred_date is None:
            return f"no date, gold {gold_date}"
        if abs((pred_date - gold_date).days) > window:
            return f"date {pred_date} is more than {window} day(s) from {gold_date}"
    return None


def event_matches(g: dict[str, Any], p: dict[str, Any]) -> bool:
    return mismatch(g, p) is None


def _event_texts(event: dict[str, Any]) -> list[str]:
    texts = []
    evidence = event.get("evidence")
    if isinstance(evidence, dict):
        texts.append(norm_text(evidence.get("text")))
    for m in event.get("mentions") or []:
        if isinstance(m, dict):
            texts.append(norm_text(m.get("text")))
    return [t for t in texts if t]


def _event_evidence(event: dict[str, Any]) -> str | None:
    evidence = event.get("evidence")
    return evidence.get("text") if isinstance(evidence, dict) else None


def _evidence_ok(g: dict[str, Any], p: dict[str, Any]) -> bool:
    start = norm_text(g.get("evidence_start"))
    return bool(start) and any(t.startswith(start) for t in _event_texts(p))


def describe_gold_event(g: dict[str, Any]) -> str:
    arrow = "<->" if g.get("symmetric") else "->"
    alts = f" (or {', '.join(g.get('alts') or [])})" if g.get("alts") else ""
    date = f" on {g['date']}" if g.get("date") else ""
    return f"{g['code']}{alts}: {g.get('source')} {arrow} {g.get('target')}{date}"


def describe_predicted_event(p: dict[str, Any]) -> str:
    def side(a: dict[str, Any] | None) -> str:
        if not a:
            return "-"
        code = a.get("actor_code") or a.get("country") or "?"
        return f"{a.get('name')} [{code}]"

    mode = "" if is_factual(p) else f" [{p.get('mode') or 'non-factual'}]"
    return f"{p.get('code')}: {side(p.get('source'))} -> {side(p.get('target'))} on {p.get('date')}{mode}"


def _nearest(candidates: Iterable[dict[str, Any]], g: dict[str, Any]) -> str:
    """The first candidate event sharing the gold root, and why it does not match."""
    for p in candidates:
        reason = mismatch(g, p)
        if reason and not reason.startswith("root"):
            return f"{describe_predicted_event(p)}: {reason}"
    return ""


def _miss_hint(g: dict[str, Any], unmatched: list[dict[str, Any]], non_factual: list[dict[str, Any]]) -> str:
    """Why a gold event was missed: found but not factual, or the nearest prediction and what differs."""
    near = [p for p in non_factual if event_matches(g, p)]
    if near:
        return f"; found but not counted as factual: {describe_predicted_event(near[0])}"
    closest = _nearest(unmatched, g)
    return f"; closest prediction {closest}" if closest else ""


def _false_alarm_hint(p: dict[str, Any], gold_events: list[dict[str, Any]]) -> str:
    for g in gold_events:
        reason = mismatch(g, p)
        if reason and not reason.startswith("root"):
            return f"; nearest gold {describe_gold_event(g)}: {reason}"
    return ""


def _score_matched(g: dict[str, Any], p: dict[str, Any], res: FileResult) -> None:
    res.events.tp += 1
    res.event_exact_code.count(p.get("code") == g["code"])
    ok = _evidence_ok(g, p)
    res.event_evidence.count(ok)
    if not ok and g.get("evidence_start"):
        res.problem(
            "events",
            "evidence_differs",
            f"{describe_gold_event(g)} matched, but its evidence does not start with {g['evidence_start']!r}",
            evidence=_event_evidence(p),
            gold=g.get("evidence_start"),
            predicted=_event_evidence(p),
        )


def score_events(gold: dict[str, Any], pred: dict[str, Any], res: FileResult) -> None:
    gold_events = gold.get("events") or []
    all_preds = pred.get("events") or []
    preds = [p for p in all_preds if is_factual(p)]
    others = [p for p in all_preds if not is_factual(p)]
    for p in others:
        res.non_factual[p.get("mode") or ("reported" if p.get("factual") else "non-factual")] += 1

    def score(gi: int, pi: int) -> Score | None:
        g, p = gold_events[gi], preds[pi]
        if not event_matches(g, p):
            return None
        gd, pd = parse_date(g.get("date")), parse_date(p.get("date"))
        closeness = -abs((pd - gd).days) if gd and pd else 0
        return (int(not is_optional(g)), int(_evidence_ok(g, p)), int(p.get("code") == g["code"]), closeness)

    matching = greedy_match(len(gold_events), len(preds), score)
    matched_preds = set(matching.values())
    unmatched = [p for i, p in enumerate(preds) if i not in matched_preds]
    for gi, g in enumerate(gold_events):
        optional = is_optional(g)
        if gi in matching:
            if optional:
                res.events.optional_matched += 1
            else:
                _score_matched(g, preds[matching[gi]], res)
        elif not optional:
            res.events.fn += 1
            res.problem(
                "events",
                "miss",
                describe_gold_event(g) + _miss_hint(g, unmatched, others),
                evidence=g.get("evidence_start"),
                gold=g,
            )
    for p in unmatched:
        res.events.fp += 1
        res.problem(
            "events",
            "false_alarm",
            describe_predicted_event(p) + _false_alarm_hint(p, gold_events),
            evidence=_event_evidence(p),
            predicted={k: p.get(k) for k in ("code", "source", "target", "date", "mode")},
        )
