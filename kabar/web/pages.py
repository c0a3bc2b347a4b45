"""The HTML pages: server-rendered from templates/ with autoescape on, no front-end build."""

from typing import Annotated, Any

from fastapi import APIRouter, Form, HTTPException, Query, Request
from fastapi.responses import HTMLResponse

import kabar.web.chart as chart
import kabar.web.data as data
import kabar.web.markup as markup
from kabar import cameo, query
from kabar.web.api import MAX_EXTRACT_CHARS
from kabar.web.params import BadParameter, Con, Filters, Paging, Str, date, text
from kabar.web.templating import render

router = APIRouter(include_in_schema=False)

QUAD_CSS = {1: "q1", 2: "q2", 3: "q3", 4: "q4"}


def _quad_series(rows: list[dict[str, Any]]) -> list[chart.Series]:
    return [
        chart.Series(cameo.QUAD_CLASS_NAMES[q], QUAD_CSS[q], [r.get(col) or 0 for r in rows])
        for q, col in query.QUAD_CLASSES.items()
    ]


@router.get("/", response_class=HTMLResponse)
def overview(request: Request, con: Con) -> HTMLResponse:
    info = request.app.state.data.cached("overview", lambda: data.overview(con))
    timeline = info["timeline"]
    periods = [str(r["period"]) for r in timeline]
    svg = chart.bar_chart(
        periods,
        [chart.Series("articles", "articles", [r["articles"] for r in timeline])],
        chart.Series("events", "events", [r["events"] for r in timeline]),
        title="Articles and events per " + info["period"],
    ) if timeline else None
    return render(request, "overview.html", info=info, chart=svg, title="Overview")


@router.get("/events", response_class=HTMLResponse)
def events(request: Request, con: Con, filters: Filters, paging: Paging) -> HTMLResponse:
    page = data.event_page(con, filters, *paging)
    return render(request, "events.html", page=page, filters=filters, query=filters.as_query(),
                  title="Events")


@router.get("/events/{event_id}", response_class=HTMLResponse)
def event(request: Request, con: Con, event_id: str) -> HTMLResponse:
    try:
        number = int(event_id)
    except ValueError:
        raise BadParameter("event_id", f"'{event_id[:40]}' is not an event id") from None
    found = data.event_detail(con, number)
    if found is None:
        raise HTTPException(404, f"no event {event_id}")
    return render(request, "event.html", event=found, title=f"Event {found['code']}")


@router.get("/articles", response_class=HTMLResponse)
def articles(
    request: Request, con: Con, paging: Paging,
    text_: Annotated[str | None, Query(alias="text")] = None, start: Str = None, end: Str = None,
) -> HTMLResponse:
    page = data.article_page(con, text=text(text_, "text"), start=date(start, "start"), end=date(end, "end"),
                             page=paging[0], per_page=paging[1])
    params = {k: v for k, v in (("text", text_), ("start", start), ("end", end)) if v}
    return render(request, "articles.html", page=page, query=params, title="Articles")


@router.get("/article", response_class=HTMLResponse)
def article(request: Request, con: Con, key: str = "") -> HTMLResponse:
    if not key.strip():
        raise BadParameter("key", "give the article's key (?key=…)")
    found = data.article(con, key)
    if found is None:
        raise HTTPException(404, "no article with that key")
    return render(request, "article.html", title=found.get("title") or found["id"], **_marked(found))


def _marked(art: dict[str, Any]) -> dict[str, Any]:
    """The parts of an article as marked HTML, and the details behind each mark."""
    marks = markup.article_marks(art)
    captions = [
        markup.render(caption, marks.get(f"captions[{i}]", []))
        for i, caption in enumerate(art["captions"] or [])
    ]
    return {
        "art": art,
        "title_html": markup.render(art["title"], marks.get("title", [])) if art.get("title") else None,
        "body_html": markup.render(art["body"] or "", marks.get("body", [])),
        "captions_html": captions,
        "details": markup.details(art),
    }


@router.get("/actors", response_class=HTMLResponse)
def actors(request: Request, con: Con, by: str = "code") -> HTMLResponse:
    if by not in ("name", "code", "country"):
        raise BadParameter("by", "must be name, code or country")
    rows = request.app.state.data.cached(
        f"actors:{by}", lambda: query.actors(con, by=by, limit=100).to_pylist()
    )
    return render(request, "actors.html", rows=rows, by=by, title="Actors")


@router.get("/actor/{actor:path}", response_class=HTMLResponse)
def actor(request: Request, con: Con, actor: str, paging: Paging) -> HTMLResponse:
    name = text(actor, "actor", 100)
    if not name:
        raise BadParameter("actor", "give a CAMEO code (IRN) or a name")
    profile = data.actor_profile(con, name)
    rows = profile["timeline"]
    svg = chart.bar_chart(
        [str(r["period"]) for r in rows], _quad_series(rows),
        chart.Series("Goldstein sum", "goldstein", [r["goldstein_sum"] or 0 for r in rows]),
        title=f"Events of {name} per {profile['period']}",
    ) if rows else None
    page = data.event_page(con, data.EventFilters(actor=name), *paging)
    return render(request, "actor.html", profile=profile, chart=svg, page=page, query={}, title=name)


@router.get("/dyad", response_class=HTMLResponse)
def dyad(
    request: Request, con: Con, paging: Paging,
    a: Str = None, b: Str = None, by: str = "month", factual: Str = None,
) -> HTMLResponse:
    first, second = text(a, "a", 100), text(b, "b", 100)
    if by not in query.PERIODS:
        raise BadParameter("by", f"must be one of {', '.join(query.PERIODS)}")
    context: dict[str, Any] = {"a": first or "", "b": second or "", "by": by, "title": "Dyad"}
    if first and second:
        only_factual = True if factual else None
        rows = query.dyad(con, first, second, by=by, factual=only_factual).to_pylist()
        context["rows"] = rows
        context["chart"] = chart.bar_chart(
            [str(r["period"]) for r in rows], _quad_series(rows),
            chart.Series("Goldstein sum", "goldstein", [r["goldstein_sum"] or 0 for r in rows]),
            title=f"{first} – {second} per {by}",
        ) if rows else None
        filters = data.EventFilters(actor=first, other=second, factual=only_factual)
        context["page"] = data.event_page(con, filters, *paging)
        context["query"] = {"a": first, "b": second, "by": by, **({"factual": "on"} if factual else {})}
        context["title"] = f"{first} – {second}"
    return render(request, "dyad.html", **context)


@router.get("/try", response_class=HTMLResponse)
def try_form(request: Request) -> HTMLResponse:
    return render(request, "try.html", source="", title="Try it", max_chars=MAX_EXTRACT_CHARS)


@router.post("/try", response_class=HTMLResponse)
def try_extract(
    request: Request, article: Annotated[str, Form(max_length=MAX_EXTRACT_CHARS)] = ""
) -> HTMLResponse:
    import kabar

    if not article.strip():
        raise BadParameter("article", "paste an article's text or HTML")
    extracted = kabar.extract(article, source="<web>")
    context = _marked(markup.extracted_as_stored(extracted))
    return render(request, "try.html", source=article, title="Try it", max_chars=MAX_EXTRACT_CHARS, **context)


__all__ = ["router"]
