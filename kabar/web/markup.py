"""Article text with its spans marked, as HTML, in the manner of displaCy.

Entities, quotes and event evidence overlap freely (a name inside a quote inside an event's
sentence; a quote running across two sentences), so the text is cut at every span's edge and
each piece is wrapped in the spans covering it, outermost first: event, quote, entity. A span
cut into several pieces gives each the same `data-ref`, which the page's script uses to find
the span's details. Every piece of text and every attribute is escaped: article text is
untrusted.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup, escape

_LAYERS = {"event": 0, "quote": 1, "entity": 2}
_TAGS = {"event": "span", "quote": "q", "entity": "mark"}


@dataclass(frozen=True)
class Mark:
    """A span of a text to mark: `ref` names its details, `label` is shown after an entity."""

    start: int
    end: int
    layer: str  # event, quote or entity
    ref: str
    css: str = ""
    label: str | None = None
    title: str | None = None


def render(text: str, marks: Iterable[Mark]) -> Markup:
    """`text` as HTML with `marks` wrapped around their pieces; marks outside the text are
    clipped, empty ones dropped."""
    spans = [
        Mark(max(0, m.start), min(len(text), m.end), m.layer, m.ref, m.css, m.label, m.title)
        for m in marks
        if m.layer in _LAYERS and m.end > m.start and m.start < len(text) and m.end > 0
    ]
    edges = sorted({0, len(text), *(m.start for m in spans), *(m.end for m in spans)})
    ordered = sorted(spans, key=lambda m: (_LAYERS[m.layer], m.start, -m.end, m.ref))
    out: list[str] = []
    for left, right in zip(edges, edges[1:]):
        covering = [m for m in ordered if m.start <= left and m.end >= right]
        out.append(_piece(text[left:right], covering, right))
    return Markup("".join(out))


def _piece(text: str, covering: Sequence[Mark], piece_end: int) -> str:
    html = str(escape(text))
    for mark in reversed(covering):
        html = _open(mark, last_piece=mark.end == piece_end) + html + f"</{_TAGS[mark.layer]}>"
    return html


def _open(mark: Mark, last_piece: bool) -> str:
    classes = f"{mark.layer} {mark.css}".strip()
    attrs = f' class="{escape(classes)}" data-ref="{escape(mark.ref)}"'
    if mark.title:
        attrs += f' title="{escape(mark.title)}"'
    # The label is drawn by CSS from the attribute, so the element's text stays the article's.
    if mark.label and last_piece:
        attrs += f' data-label="{escape(mark.label)}"'
    return f"<{_TAGS[mark.layer]}{attrs}>"


def evidence_html(sentence: str, marks: Iterable[dict[str, Any]]) -> Markup:
    """An evidence sentence with its source and target marked (offsets into the sentence)."""
    return render(
        sentence,
        (
            Mark(m["start"], m["end"], "entity", f"{m['role']}-{i}", css=f"role-{m['role']}", label=m["role"])
            for i, m in enumerate(marks)
        ),
    )


def entity_title(entity: dict[str, Any]) -> str:
    parts = [entity.get("name") or "", entity.get("type") or ""]
    code = entity.get("actor_code") or entity.get("country")
    if code:
        parts.append(code)
    return " · ".join(p for p in parts if p)


def event_title(event: dict[str, Any]) -> str:
    source = event.get("source_name") or "?"
    target = event.get("target_name") or "?"
    arrow = "↔" if event.get("is_symmetric") else "→"
    return f"{event.get('code')} {event.get('code_name') or ''}: {source} {arrow} {target}"


def article_marks(art: dict[str, Any]) -> dict[str, list[Mark]]:
    """The marks of every part of a stored article (`body`, `title`, `captions[N]`), keyed by part."""
    entities = {e["entity_id"]: e for e in art["entities"]}
    parts: dict[str, list[Mark]] = {}
    for m in art["mentions"]:
        ent = entities.get(m["entity_id"], {})
        label = ent.get("actor_code") or ent.get("type")
        parts.setdefault(m["part"] or "body", []).append(
            Mark(m["char_start"], m["char_end"], "entity", f"ent-{m['entity_id']}",
                 css=f"ent-{ent.get('type', 'X')}", label=label, title=entity_title(ent))
        )
    for q in art["quotes"]:
        parts.setdefault("body", []).append(
            Mark(q["char_start"], q["char_end"], "quote", f"quote-{q['seq']}", css=f"quote-{q['kind']}",
                 title=f"{q['kind']} quote: {q.get('speaker') or 'unknown speaker'}")
        )
    for ev in art["events"]:
        spans = ev.get("spans") or [
            {"part": ev["part"], "char_start": ev["char_start"], "char_end": ev["char_end"]}
        ]
        for span in spans:
            parts.setdefault(span["part"] or "body", []).append(
                Mark(span["char_start"], span["char_end"], "event", f"event-{ev['seq']}",
                     css=f"quad-{ev.get('quad_class') or 0}", title=event_title(ev))
            )
    return parts


def details(art: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """What the page shows when a mark is clicked, keyed by the marks' `ref`."""
    out: dict[str, dict[str, Any]] = {}
    for ent in art["entities"]:
        out[f"ent-{ent['entity_id']}"] = {
            "kind": "Entity", "name": ent["name"], "type": ent["type"], "country": ent["country"],
            "actor code": ent["actor_code"], "title": ent["title"], "role": ent["role"],
            "mentions": ent["n_mentions"],
        }
    for q in art["quotes"]:
        out[f"quote-{q['seq']}"] = {
            "kind": f"Quote ({q['kind']})", "speaker": q.get("speaker"), "text": q["text"],
        }
    for ev in art["events"]:
        out[f"event-{ev['seq']}"] = {
            "kind": "Event", "code": f"{ev['code']} {ev.get('code_name') or ''}".strip(),
            "quad class": ev.get("quad_name"), "goldstein": ev["goldstein"],
            "source": _actor(ev, "source"), "target": _actor(ev, "target"), "date": _text(ev.get("date")),
            "place": ev.get("location_name"), "mode": ev["mode"], "factual": ev["factual"],
            "confidence": ev["confidence"], "event id": ev["event_id"],
        }
    return out


def _actor(ev: dict[str, Any], side: str) -> str | None:
    name, code = ev.get(f"{side}_name"), ev.get(f"{side}_code")
    if not name:
        return None
    return f"{name} ({code})" if code else name


def _text(value: Any) -> str | None:
    return None if value is None else str(value)


def extracted_as_stored(article: Any) -> dict[str, Any]:
    """A `kabar.Article` fresh from `kabar.extract` in the shape of a stored article, so the
    Try-it page draws it exactly as the article page does."""
    from kabar import cameo

    entities = [
        {"entity_id": e.id, "name": e.name, "type": e.type, "country": e.country, "actor_code": e.actor_code,
         "title": e.title, "role": e.role, "n_mentions": len(e.mentions)}
        for e in article.entities
    ]
    mentions = [
        {"entity_id": e.id, "text": m.text, "part": m.where, "char_start": m.start, "char_end": m.end}
        for e in article.entities for m in e.mentions
    ]
    speakers = {e.id: e.name for e in article.entities}
    quotes = [
        {"seq": i, "kind": q.kind, "text": q.text, "char_start": q.start, "char_end": q.end,
         "speaker": speakers.get(q.speaker or "", q.speaker_name)}
        for i, q in enumerate(article.quotes)
    ]
    events = []
    for i, ev in enumerate(article.events):
        code = cameo.get(ev.code)
        spans = ev.mentions or [ev.evidence]
        events.append({
            "seq": i, "event_id": None, "code": ev.code, "code_name": code.name if code else None,
            "quad_class": ev.quad_class, "quad_name": cameo.QUAD_CLASS_NAMES.get(ev.quad_class),
            "goldstein": ev.goldstein, "mode": ev.mode, "factual": ev.factual, "confidence": ev.confidence,
            "is_symmetric": ev.symmetric, "date": ev.date,
            "location_name": ev.location.name if ev.location else None,
            **{f"{side}_{k}": getattr(getattr(ev, side), attr, None) if getattr(ev, side) else None
               for side in ("source", "target") for k, attr in (("name", "name"), ("code", "actor_code"))},
            "evidence": ev.evidence.text, "part": ev.evidence.where,
            "char_start": ev.evidence.start, "char_end": ev.evidence.end,
            "spans": [{"part": s.where, "char_start": s.start, "char_end": s.end} for s in spans],
        })
    return {
        "key": None, "id": article.id, "url": article.url, "published": article.published,
        "title": article.title, "author": article.author, "captions": article.captions, "tags": article.tags,
        "body": article.body,
        "entities": entities, "mentions": mentions, "quotes": quotes, "events": events,
        "warnings": article.warnings,
    }
