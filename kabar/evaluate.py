"""Score kabar's output against hand annotations (gold files).

A gold file (``*.gold.json``) describes one article: ``id``, ``file`` (the article's text,
relative to the gold file) and what a careful reader finds in it: metadata (``published``,
``author``, ``title``, ``captions``, ``tags``, ``language``), ``entities``, ``quotes`` and
``events``. See ``docs/evaluation.md`` for the format and the matching rules, which follow the
gold files' ``notes``:

* entities match on their normalised name, or when any gold mention text equals the predicted
  entity's name or one of its mention texts;
* a predicted quote matches a gold quote when its text starts with the gold ``text_start``
  (whitespace and quotation marks normalised); attribution is right when the predicted
  ``speaker_name``, or the name of the speaker entity, is the gold speaker;
* a predicted event matches a gold event when the CAMEO root (first two digits) of its code is
  the root of the gold ``code`` or of one of its ``alts``, the source and target countries match
  (either order when ``symmetric``), and, when the gold gives a ``date``, the predicted date is
  within ``date_window_days`` (default 1). Only factual predicted events are predictions.

Gold items marked optional (``"optional": true``, or ``"required": false`` for events) neither
reward nor punish: missing one is not a miss, and a prediction that matches one is not a false
alarm. Matching is one-to-one and greedy (best-scoring pairs first).
"""

from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kabar.errors import InputError

GOLD_SUFFIX = ".gold.json"
METADATA_FIELDS = ("published", "author", "title", "captions", "tags", "language")
DEFAULT_DATE_WINDOW_DAYS = 1
FACTUAL_NOTE = (
    "Only factual (reported) predicted events count as predictions for event precision; "
    "non-factual ones (negated, intended, conditional, question, background) are counted apart."
)


class GoldError(InputError):
    """A gold file, or a prediction file, that cannot be used."""


# --------------------------------------------------------------------------------------------
# Normalisation
# --------------------------------------------------------------------------------------------

_QUOTE_MARKS = str.maketrans({c: None for c in "\"'“”„‟«»‘’‚‛‹›`´"})
_EDGE_PUNCT = " \t\n.,;:!?()[]-–—"


def norm_text(text: str | None) -> str:
    """Text for comparison: NFKC, quotation marks dropped, whitespace collapsed, case folded."""
    if not text:
        return ""
    text = unicodedata.normalize("NFKC", text).translate(_QUOTE_MARKS)
    return " ".join(text.split()).casefold()


def norm_name(name: str | None) -> str:
    """A name for comparison: as `norm_text`, without punctuation at either end."""
    return norm_text(name).strip(_EDGE_PUNCT)


def cameo_root(code: str | None) -> str:
    return str(code or "").strip()[:2]


def actor_country(code_or_country: str | None) -> str:
    """The country of a gold actor: the first three letters of its CAMEO actor code."""
    return str(code_or_country or "").strip().upper()[:3]


def predicted_countries(actor: dict[str, Any] | None) -> set[str]:
    """Countries a predicted event actor stands for: its `country`, and its actor code's first three letters."""
    if not actor:
        return set()
    out = set()
    if actor.get("country"):
        out.add(str(actor["country"]).strip().upper())
    if actor.get("actor_code"):
        out.add(actor_country(actor["actor_code"]))
    return out - {""}


def parse_date(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(str(value).strip()[:10])
    except ValueError:
        return None


def same_published(gold: str | None, pred: str | None) -> bool:
    """Publication times are equal: the same instant when both carry a time, else the same date."""
    if not gold or not pred:
        return not gold and not pred
    try:
        g = dt.datetime.fromisoformat(str(gold).replace("Z", "+00:00"))
        p = dt.datetime.fromisoformat(str(pred).replace("Z", "+00:00"))
    except ValueError:
        return norm_text(gold) == norm_text(pred)
    if len(str(gold).strip()) <= 10:  # gold gives a date only
        return g.date() == p.date()
    if (g.tzinfo is None) != (p.tzinfo is None):
        return False
    return g == p


# --------------------------------------------------------------------------------------------
# Scores
# --------------------------------------------------------------------------------------------


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


def _round(x: float | None) -> float | None:
    return None if x is None else round(x, 4)


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
        return {k: v for k, v in self.__dict__.items()}


@dataclass
class FileResult:
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
    non_factual: Counter = field(default_factory=Counter)
    problems: list[Problem] = field(default_factory=list)

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


@dataclass
class Report:
    gold_dir: str
    predictions: str  # "pipeline" or the predictions folder
    files: list[FileResult] = field(default_factory=list)

    # ---- aggregates over files (micro averages)
    def _sum_prf(self, attr: str) -> PRF:
        out = PRF()
        for f in self.files:
            out.add(getattr(f, attr))
        return out

    def _sum_acc(self, get: Callable[[FileResult], Accuracy | None]) -> Accuracy:
        out = Accuracy()
        for f in self.files:
            acc = get(f)
            if acc is not None:
                out.add(acc)
        return out

    @property
    def entities(self) -> PRF:
        return self._sum_prf("entities")

    @property
    def quotes(self) -> PRF:
        return self._sum_prf("quotes")

    @property
    def events(self) -> PRF:
        return self._sum_prf("events")

    @property
    def attribution(self) -> Accuracy:
        return self._sum_acc(lambda f: f.attribution)

    def metadata(self) -> dict[str, Accuracy]:
        return {name: self._sum_acc(lambda f, n=name: f.metadata.get(n)) for name in METADATA_FIELDS}

    def entity_attrs(self) -> dict[str, Accuracy]:
        return {
            name: self._sum_acc(lambda f, n=name: f.entity_attrs.get(n))
            for name in ("type", "country", "actor_code")
        }

    def non_factual(self) -> Counter:
        out: Counter = Counter()
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
            "articles": len(self.files),
            "errors": [{"id": i, "error": e} for i, e in self.errors],
            "metadata": {
                "fields": {k: v.to_dict() for k, v in meta.items()},
                "overall": meta_all.to_dict(),
            },
            "entities": {
                **self.entities.to_dict(),
                "attributes": {k: v.to_dict() for k, v in self.entity_attrs().items()},
            },
            "quotes": {
                **self.quotes.to_dict(),
                "attribution": self.attribution.to_dict(),
                "kind": self._sum_acc(lambda f: f.quote_kind).to_dict(),
            },
            "events": {
                **self.events.to_dict(),
                "exact_code": self._sum_acc(lambda f: f.event_exact_code).to_dict(),
                "evidence_start": self._sum_acc(lambda f: f.event_evidence).to_dict(),
                "non_factual": {"total": sum(non_factual.values()), "by_mode": dict(non_factual)},
                "note": FACTUAL_NOTE,
            },
            "files": [f.to_dict() for f in self.files],
            "problems": [p.to_dict() for p in self.problems],
        }


# --------------------------------------------------------------------------------------------
# Gold files
# --------------------------------------------------------------------------------------------


@dataclass
class Gold:
    path: Path
    data: dict[str, Any]

    @property
    def id(self) -> str:
        return str(self.data["id"])

    @property
    def article_path(self) -> Path:
        return (self.path.parent / self.data["file"]).resolve()

    def read_article(self) -> str:
        path = self.article_path
        if not path.is_file():
            raise GoldError(str(self.path), f"its article file '{self.data['file']}' does not exist ({path})")
        return path.read_text(encoding="utf-8")


def _require(cond: bool, path: Path, reason: str) -> None:
    if not cond:
        raise GoldError(str(path), reason)


def validate_gold(path: Path, data: Any) -> None:
    """Check the shape of a gold file; a GoldError names the file and the item at fault."""
    _require(isinstance(data, dict), path, "a gold file must hold one JSON object")
    for key in ("id", "file"):
        _require(isinstance(data.get(key), str) and data[key], path, f"missing or empty '{key}' (a string)")
    for key in ("captions", "tags"):
        if data.get(key) is not None:
            _require(isinstance(data[key], list), path, f"'{key}' must be a list of strings")
    for section, needed in (("entities", "name"), ("quotes", "text_start"), ("events", "code")):
        items = data.get(section, [])
        _require(isinstance(items, list), path, f"'{section}' must be a list")
        for i, item in enumerate(items):
            _require(isinstance(item, dict), path, f"{section}[{i}] must be an object")
            _require(
                isinstance(item.get(needed), str) and item[needed].strip(),
                path,
                f"{section}[{i}] has no '{needed}' (a non-empty string)",
            )
            if section == "entities":
                _require(isinstance(item.get("mentions", []), list), path, f"entities[{i}].mentions must be a list")
            if section == "events":
                _require(isinstance(item.get("alts", []), list), path, f"events[{i}].alts must be a list")
                window = item.get("date_window_days", DEFAULT_DATE_WINDOW_DAYS)
                _require(
                    isinstance(window, int | float) and window >= 0,
                    path,
                    f"events[{i}].date_window_days must be a number >= 0",
                )
                if item.get("date") is not None:
                    _require(
                        parse_date(item["date"]) is not None,
                        path,
                        f"events[{i}].date '{item['date']}' is not an ISO date (YYYY-MM-DD)",
                    )


def load_gold_file(path: str | Path) -> Gold:
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise GoldError(str(path), f"not valid JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise GoldError(str(path), f"cannot be read: {exc}") from exc
    validate_gold(path, data)
    return Gold(path=path, data=data)


def load_gold_dir(directory: str | Path) -> list[Gold]:
    """Every `*.gold.json` in a folder (not recursive), in name order."""
    directory = Path(directory)
    if not directory.is_dir():
        raise GoldError(str(directory), "no such folder of gold files")
    paths = sorted(directory.glob(f"*{GOLD_SUFFIX}"))
    if not paths:
        raise GoldError(str(directory), f"the folder holds no gold files (*{GOLD_SUFFIX})")
    golds = [load_gold_file(p) for p in paths]
    seen: dict[str, Path] = {}
    for g in golds:
        if g.id in seen:
            raise GoldError(str(g.path), f"id '{g.id}' is used by {seen[g.id].name} too")
        seen[g.id] = g.path
    return golds


def load_prediction(pred_dir: str | Path, gold_id: str) -> dict[str, Any]:
    """The predicted article for one gold file: `<pred_dir>/<gold id>.json`, as `Article.to_dict()`."""
    path = Path(pred_dir) / f"{gold_id}.json"
    if not path.is_file():
        raise GoldError(str(path), f"no prediction for gold article '{gold_id}' (expected this file)")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise GoldError(str(path), f"not valid JSON: {exc.msg} at line {exc.lineno}") from exc
    if not isinstance(data, dict):
        raise GoldError(str(path), "a prediction file must hold one JSON object (an Article)")
    return data


# --------------------------------------------------------------------------------------------
# Matching
# --------------------------------------------------------------------------------------------


def greedy_match(
    n_gold: int, n_pred: int, score: Callable[[int, int], tuple | None]
) -> dict[int, int]:
    """One-to-one greedy matching: pairs with the best score first. `score` gives None for no match.

    Ties prefer the gold item and the prediction with fewer candidates, then the earlier ones,
    which finds the full matching in the usual cases greedy would get wrong.
    """
    pairs = []
    for g in range(n_gold):
        for p in range(n_pred):
            s = score(g, p)
            if s is not None:
                pairs.append((s, g, p))
    gold_options = Counter(g for _, g, _ in pairs)
    pred_options = Counter(p for _, _, p in pairs)
    pairs.sort(key=lambda t: (tuple(-x for x in t[0]), pred_options[t[2]], gold_options[t[1]], t[1], t[2]))
    out: dict[int, int] = {}
    used: set[int] = set()
    for _, g, p in pairs:
        if g in out or p in used:
            continue
        out[g] = p
        used.add(p)
    return out


def _is_optional(item: dict[str, Any]) -> bool:
    return bool(item.get("optional")) or item.get("required") is False


# ---- metadata


def score_metadata(gold: dict[str, Any], pred: dict[str, Any], res: FileResult) -> None:
    for name in METADATA_FIELDS:
        if name not in gold:
            continue
        g, p = gold[name], pred.get(name)
        if name == "published":
            ok = same_published(g, p)
        elif name == "captions":
            ok = [norm_text(x) for x in g or []] == [norm_text(x) for x in p or []]
        elif name == "tags":
            ok = sorted(norm_text(x) for x in g or []) == sorted(norm_text(x) for x in p or [])
        elif name == "language":
            ok = (g or "").strip().lower() == (p or "").strip().lower()
        else:
            ok = norm_text(g) == norm_text(p)
        res.metadata.setdefault(name, Accuracy()).count(ok)
        if not ok:
            res.problems.append(
                Problem(res.id, "metadata", "wrong", f"{name}: gold {g!r}, predicted {p!r}", gold=g, predicted=p)
            )


# ---- entities


def _entity_names(entity: dict[str, Any]) -> tuple[str, set[str]]:
    """A predicted entity's normalised name, and the set of its name and mention texts."""
    name = norm_name(entity.get("name"))
    texts = {name}
    for m in entity.get("mentions") or []:
        texts.add(norm_name(m.get("text") if isinstance(m, dict) else m))
    return name, texts - {""}


def match_entities(gold_entities: Sequence[dict], pred_entities: Sequence[dict]) -> dict[int, int]:
    gold_info = []
    for g in gold_entities:
        mentions = [norm_name(m) for m in g.get("mentions") or []]
        gold_info.append((norm_name(g["name"]), [m for m in mentions if m]))
    pred_info = [_entity_names(p) for p in pred_entities]

    def score(gi: int, pi: int) -> tuple | None:
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


def score_entities(gold: dict[str, Any], pred: dict[str, Any], res: FileResult) -> dict[int, int]:
    """Score entities; returns the matching gold index -> predicted index (used by quotes)."""
    gold_entities = gold.get("entities") or []
    pred_entities = pred.get("entities") or []
    matching = match_entities(gold_entities, pred_entities)
    matched_preds = set(matching.values())
    for gi, g in enumerate(gold_entities):
        optional = _is_optional(g)
        if gi not in matching:
            if not optional:
                res.entities.fn += 1
                res.problems.append(
                    Problem(
                        res.id,
                        "entities",
                        "miss",
                        f"{g['name']} ({g.get('type')})",
                        evidence=", ".join(g.get("mentions") or []) or None,
                        gold=g,
                    )
                )
            continue
        if optional:
            res.entities.optional_matched += 1
            continue
        res.entities.tp += 1
        p = pred_entities[matching[gi]]
        for attr in ("type", "country", "actor_code"):
            if attr not in g:
                continue
            gv, pv = g.get(attr), p.get(attr)
            ok = (gv or None) == (pv or None) if attr == "type" else (gv or "").upper() == (pv or "").upper()
            res.entity_attrs.setdefault(attr, Accuracy()).count(ok)
            if not ok:
                res.problems.append(
                    Problem(
                        res.id,
                        "entities",
                        "wrong_" + attr,
                        f"{g['name']}: {attr} gold {gv!r}, predicted {pv!r} (entity '{p.get('name')}')",
                        gold=gv,
                        predicted=pv,
                    )
                )
    for pi, p in enumerate(pred_entities):
        if pi in matched_preds:
            continue
        res.entities.fp += 1
        first = (p.get("mentions") or [{}])[0]
        res.problems.append(
            Problem(
                res.id,
                "entities",
                "false_alarm",
                f"{p.get('name')} ({p.get('type')}, {len(p.get('mentions') or [])} mention(s))",
                evidence=first.get("text") if isinstance(first, dict) else None,
                predicted={k: p.get(k) for k in ("id", "name", "type", "country", "actor_code")},
            )
        )
    return matching


# ---- quotes


def _speaker_names(quote: dict[str, Any], entities_by_id: dict[str, dict]) -> set[str]:
    names = {norm_name(quote.get("speaker_name"))}
    entity = entities_by_id.get(quote.get("speaker") or "")
    if entity:
        names.add(norm_name(entity.get("name")))
    return names - {""}


def score_quotes(
    gold: dict[str, Any], pred: dict[str, Any], res: FileResult, entity_matching: dict[int, int]
) -> None:
    gold_quotes = gold.get("quotes") or []
    pred_quotes = pred.get("quotes") or []
    gold_entities = gold.get("entities") or []
    pred_entities = pred.get("entities") or []
    entities_by_id = {str(e.get("id")): e for e in pred_entities if e.get("id") is not None}
    # predicted entity id -> the gold entity's name it was matched to
    gold_name_of_pred = {
        str(pred_entities[pi].get("id")): norm_name(gold_entities[gi]["name"]) for gi, pi in entity_matching.items()
    }
    gold_entity_by_name = {norm_name(e["name"]): e for e in gold_entities}

    gold_starts = [norm_text(q["text_start"]) for q in gold_quotes]
    pred_texts = [norm_text(q.get("text")) for q in pred_quotes]

    def score(gi: int, pi: int) -> tuple | None:
        if not gold_starts[gi] or not pred_texts[pi].startswith(gold_starts[gi]):
            return None
        return (int(not _is_optional(gold_quotes[gi])), len(gold_starts[gi]))

    matching = greedy_match(len(gold_quotes), len(pred_quotes), score)
    matched_preds = set(matching.values())

    for gi, g in enumerate(gold_quotes):
        optional = _is_optional(g)
        if gi not in matching:
            if not optional:
                res.quotes.fn += 1
                res.problems.append(
                    Problem(res.id, "quotes", "miss", f"{g.get('kind', 'quote')} quote by {g.get('speaker')}",
                            evidence=g["text_start"], gold=g)
                )
            continue
        if optional:
            res.quotes.optional_matched += 1
            continue
        res.quotes.tp += 1
        p = pred_quotes[matching[gi]]
        if g.get("kind"):
            res.quote_kind.count(g["kind"] == p.get("kind"))
        # attribution
        gold_speaker = norm_name(g.get("speaker"))
        if not gold_speaker:
            ok = not p.get("speaker") and not p.get("speaker_name")
        else:
            accepted = {gold_speaker}
            gold_entity = gold_entity_by_name.get(gold_speaker)
            if gold_entity:
                accepted.update(norm_name(m) for m in gold_entity.get("mentions") or [])
            names = _speaker_names(p, entities_by_id)
            ok = bool(names & accepted) or gold_name_of_pred.get(str(p.get("speaker"))) == gold_speaker
        res.attribution.count(ok)
        if not ok:
            entity = entities_by_id.get(p.get("speaker") or "")
            shown = p.get("speaker_name") or (entity or {}).get("name")
            res.problems.append(
                Problem(res.id, "quotes", "wrong_speaker",
                        f"speaker gold {g.get('speaker')!r}, predicted {shown!r}",
                        evidence=p.get("text"), gold=g.get("speaker"), predicted=shown)
            )
    for pi, p in enumerate(pred_quotes):
        if pi in matched_preds:
            continue
        res.quotes.fp += 1
        res.problems.append(
            Problem(res.id, "quotes", "false_alarm",
                    f"{p.get('kind')} quote by {p.get('speaker_name') or p.get('speaker') or 'nobody named'}",
                    evidence=p.get("text"), predicted={k: p.get(k) for k in ("kind", "speaker", "speaker_name")})
        )


# ---- events


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


def is_factual(event: dict[str, Any]) -> bool:
    """A predicted event counts as a prediction when it is reported as fact."""
    return event.get("factual") is True and (event.get("mode") or "reported") == "reported"


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
    gs, gt = actor_country(g.get("source")), actor_country(g.get("target"))
    ps, pt = predicted_countries(p.get("source")), predicted_countries(p.get("target"))

    def sides(a: str, b: str) -> bool:
        return (not a or a in ps) and (not b or b in pt)

    if not (sides(gs, gt) or (g.get("symmetric") and sides(gt, gs))):
        shown = f"{'/'.join(sorted(ps)) or '-'} -> {'/'.join(sorted(pt)) or '-'}"
        if not g.get("symmetric") and sides(gt, gs):
            return f"countries {shown} are in reverse order (gold {gs} -> {gt}, not symmetric)"
        return f"countries {shown}, gold {gs or 'any'} -> {gt or 'any'}"
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


def _nearest(candidates: Iterable[tuple[int, dict[str, Any]]], g: dict[str, Any]) -> str:
    """The first candidate event sharing the gold root, and why it does not match."""
    for _, p in candidates:
        reason = mismatch(g, p)
        if reason and not reason.startswith("root"):
            return f"{_describe_pred_event(p)}: {reason}"
    return ""


def _evidence_ok(g: dict[str, Any], p: dict[str, Any]) -> bool:
    start = norm_text(g.get("evidence_start"))
    return bool(start) and any(t.startswith(start) for t in _event_texts(p))


def _describe_gold_event(g: dict[str, Any]) -> str:
    arrow = "<->" if g.get("symmetric") else "->"
    alts = f" (or {', '.join(g.get('alts') or [])})" if g.get("alts") else ""
    date = f" on {g['date']}" if g.get("date") else ""
    return f"{g['code']}{alts}: {g.get('source')} {arrow} {g.get('target')}{date}"


def _describe_pred_event(p: dict[str, Any]) -> str:
    def side(a: dict | None) -> str:
        if not a:
            return "-"
        code = a.get("actor_code") or a.get("country") or "?"
        return f"{a.get('name')} [{code}]"

    mode = "" if is_factual(p) else f" [{p.get('mode') or 'non-factual'}]"
    return f"{p.get('code')}: {side(p.get('source'))} -> {side(p.get('target'))} on {p.get('date')}{mode}"


def score_events(gold: dict[str, Any], pred: dict[str, Any], res: FileResult) -> None:
    gold_events = gold.get("events") or []
    all_preds = pred.get("events") or []
    preds = [p for p in all_preds if is_factual(p)]
    others = [p for p in all_preds if not is_factual(p)]
    for p in others:
        res.non_factual[p.get("mode") or ("reported" if p.get("factual") else "non-factual")] += 1

    def score(gi: int, pi: int) -> tuple | None:
        g, p = gold_events[gi], preds[pi]
        if not event_matches(g, p):
            return None
        gd, pd = parse_date(g.get("date")), parse_date(p.get("date"))
        closeness = -abs((pd - gd).days) if gd and pd else 0
        return (int(not _is_optional(g)), int(_evidence_ok(g, p)), int(p.get("code") == g["code"]), closeness)

    matching = greedy_match(len(gold_events), len(preds), score)
    matched_preds = set(matching.values())
    for gi, g in enumerate(gold_events):
        optional = _is_optional(g)
        if gi not in matching:
            if optional:
                continue
            res.events.fn += 1
            hint = ""
            near = [p for p in others if event_matches(g, p)]
            if near:
                hint = f"; found but not counted as factual: {_describe_pred_event(near[0])}"
            else:
                closest = _nearest(((i, p) for i, p in enumerate(preds) if i not in matched_preds), g)
                if closest:
                    hint = f"; closest prediction {closest}"
            res.problems.append(
                Problem(res.id, "events", "miss", _describe_gold_event(g) + hint,
                        evidence=g.get("evidence_start"), gold=g)
            )
            continue
        if optional:
            res.events.optional_matched += 1
            continue
        res.events.tp += 1
        p = preds[matching[gi]]
        res.event_exact_code.count(p.get("code") == g["code"])
        ok = _evidence_ok(g, p)
        res.event_evidence.count(ok)
        if not ok and g.get("evidence_start"):
            res.problems.append(
                Problem(res.id, "events", "evidence_differs",
                        f"{_describe_gold_event(g)} matched, but its evidence does not start with "
                        f"{g['evidence_start']!r}",
                        evidence=_event_evidence(p), gold=g.get("evidence_start"), predicted=_event_evidence(p))
            )
    for pi, p in enumerate(preds):
        if pi in matched_preds:
            continue
        res.events.fp += 1
        why = ""
        for g in gold_events:
            reason = mismatch(g, p)
            if reason and not reason.startswith("root"):
                why = f"; nearest gold {_describe_gold_event(g)}: {reason}"
                break
        res.problems.append(
            Problem(res.id, "events", "false_alarm", _describe_pred_event(p) + why, evidence=_event_evidence(p),
                    predicted={k: p.get(k) for k in ("code", "source", "target", "date", "mode")})
        )


def score_article(gold: Gold, pred: dict[str, Any]) -> FileResult:
    """Score one predicted article (an `Article.to_dict()`) against its gold file."""
    res = FileResult(id=gold.id, gold_path=str(gold.path), article_path=str(gold.article_path))
    score_metadata(gold.data, pred, res)
    entity_matching = score_entities(gold.data, pred, res)
    score_quotes(gold.data, pred, res, entity_matching)
    score_events(gold.data, pred, res)
    return res


# --------------------------------------------------------------------------------------------
# Running
# --------------------------------------------------------------------------------------------


def predict(gold: Gold, lang: str | None = None) -> dict[str, Any]:
    """Run `kabar.extract` on a gold file's article."""
    import kabar

    text = gold.read_article()
    article = kabar.extract(text, lang=lang or gold.data.get("language") or "id", source=str(gold.article_path),
                            id=gold.id)
    return article.to_dict()


def evaluate(
    gold_dir: str | Path,
    pred_dir: str | Path | None = None,
    lang: str | None = None,
    golds: Iterable[Gold] | None = None,
) -> Report:
    """Score kabar (or the predictions in `pred_dir`) on every gold file in `gold_dir`.

    Gold and prediction files that cannot be used raise `GoldError`. When kabar fails on an
    article, the failure is recorded in the report (`Report.errors`) and the article is scored
    as if nothing had been found, so one broken article does not hide the others' scores.
    """
    golds = list(golds) if golds is not None else load_gold_dir(gold_dir)
    if pred_dir is not None and not Path(pred_dir).is_dir():
        raise GoldError(str(pred_dir), "no such folder of predictions")
    report = Report(gold_dir=str(gold_dir), predictions=str(pred_dir) if pred_dir is not None else "pipeline")
    for gold in golds:
        error = None
        if pred_dir is not None:
            pred = load_prediction(pred_dir, gold.id)
        else:
            gold.read_article()  # a missing article file is the gold file's fault: raise GoldError
            try:
                pred = predict(gold, lang)
            except Exception as exc:  # noqa: BLE001 - reported per article, the others still scored
                error = f"{type(exc).__name__}: {exc}"
                pred = {}
        res = score_article(gold, pred)
        res.error = error
        report.files.append(res)
    return report


_WS = re.compile(r"\s+")


def shorten(text: str | None, width: int = 160) -> str:
    if not text:
        return ""
    text = _WS.sub(" ", text).strip()
    return text if len(text) <= width else text[: width - 1] + "…"
