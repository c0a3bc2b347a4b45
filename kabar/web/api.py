"""The JSON API behind the pages, documented at /docs (OpenAPI). Read-only, paginated."""

from typing import Annotated, Any

from fastapi import APIRouter, Body, HTTPException, Query, Request
from pydantic import BaseModel, Field

import kabar.web.data as data
from kabar import query
from kabar.web.params import BadParameter, Con, Filters, Paging, Str, date, integer, text

router = APIRouter(prefix="/api", tags=["api"])

MAX_EXTRACT_CHARS = 200_000


class SqlRequest(BaseModel):
    sql: str = Field(..., min_length=1, max_length=20_000, description="read-only SQL (SELECT, WITH, …)")


class ExtractRequest(BaseModel):
    text: str = Field(..., min_length=1, max_length=MAX_EXTRACT_CHARS, description="article text or HTML")
    url: str | None = Field(None, max_length=2000)
    published: str | None = Field(None, max_length=100)


def _event_id(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise BadParameter("event_id", f"'{value[:40]}' is not an event id (a whole number)") from None
    if not -(2**63) <= number < 2**63:
        raise BadParameter("event_id", "out of range")
    return number


@router.get("/events", summary="Events, newest first, filtered and paginated")
def events(con: Con, filters: Filters, paging: Paging) -> dict[str, Any]:
    return data.event_page(con, filters, *paging).to_dict()


@router.get("/events/{event_id}", summary="One event with every article and sentence telling it")
def event(con: Con, event_id: str) -> dict[str, Any]:
    found = data.event_detail(con, _event_id(event_id))
    if found is None:
        raise HTTPException(404, f"no event {event_id}")
    return found


@router.get("/evidence/{event_id}", summary="Every article and sentence that tells one event")
def evidence(con: Con, event_id: str) -> dict[str, Any]:
    rows = query.evidence(con, _event_id(event_id)).to_pylist()
    if not rows:
        raise HTTPException(404, f"no event {event_id}")
    return {"event_id": event_id, "items": rows}


@router.get("/actors", summary="The most active actors")
def actors(
    con: Con,
    request: Request,
    by: Annotated[str, Query(pattern="^(name|code|country)$")] = "name",
    type: Annotated[str | None, Query(pattern="^(PER|ORG|GPE|LOC)$")] = None,
    country: Annotated[str | None, Query(pattern="^[A-Za-z]{3}$")] = None,
    start: Str = None,
    end: Str = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
) -> dict[str, Any]:
    first, last = date(start, "start"), date(end, "end")
    # Ranking actors reads every entity and event mention of the store: once per question.
    rows = request.app.state.data.cached(
        f"api-actors:{by}:{type}:{country}:{first}:{last}:{limit}",
        lambda: query.actors(
            con, by=by, type=type, country=country, start=first, end=last, limit=limit
        ).to_pylist(),
    )
    return {"items": rows}


@router.get("/actors/{actor}", summary="One actor: events per period, counterparts, quotes")
def actor(con: Con, actor: str) -> dict[str, Any]:
    return data.actor_profile(con, text(actor, "actor", 100) or "")


@router.get("/dyad", summary="Events between two actors per period: counts by quad class, Goldstein sum")
def dyad(
    con: Con,
    a: Annotated[str, Query(min_length=1, max_length=100)],
    b: Annotated[str, Query(min_length=1, max_length=100)],
    by: Annotated[str, Query(pattern="^(day|week|month|year)$")] = "month",
    directed: bool = False,
    start: Str = None,
    end: Str = None,
    factual: bool | None = None,
) -> dict[str, Any]:
    rows = query.dyad(con, a, b, by=by, directed=directed, start=date(start, "start"), end=date(end, "end"),
                      factual=factual).to_pylist()
    return {"a": a, "b": b, "by": by, "periods": rows}


@router.get("/quotes", summary="Quotations, newest first")
def quotes(
    con: Con,
    paging: Paging,
    speaker: Str = None,
    text_: Annotated[str | None, Query(alias="text")] = None,
    kind: Annotated[str | None, Query(pattern="^(direct|indirect)$")] = None,
    start: Str = None,
    end: Str = None,
) -> dict[str, Any]:
    page = data.quotes_page(
        con, *paging, speaker=text(speaker, "speaker", 100), text=text(text_, "text"), kind=kind,
        start=date(start, "start"), end=date(end, "end"),
    )
    return page.to_dict()


@router.get("/articles", summary="Stored articles, newest first")
def articles(
    con: Con,
    paging: Paging,
    text_: Annotated[str | None, Query(alias="text")] = None,
    outlet: Str = None,
    start: Str = None,
    end: Str = None,
) -> dict[str, Any]:
    return data.article_page(
        con, text=text(text_, "text"), outlet=text(outlet, "outlet", 100), start=date(start, "start"),
        end=date(end, "end"), page=paging[0], per_page=paging[1],
    ).to_dict()


@router.get("/article", summary="One article with its entities, mentions, quotes and events")
def article(con: Con, key: Annotated[str, Query(min_length=1, max_length=4000)]) -> dict[str, Any]:
    found = data.article(con, key)
    if found is None:
        raise HTTPException(404, "no article with that key")
    return found


@router.post("/sql", summary="Read-only SQL, with a time limit and a row limit")
def sql(con: Con, request: Request, body: SqlRequest, limit: Str = None) -> dict[str, Any]:
    """The query runs on a connection that reads the store and nothing else (no files, network
    or extensions), is stopped after the time limit, and is refused when its result has more
    rows than `limit` (at most, and by default, the server's row limit)."""
    cap = integer(limit, "limit", 1, data.SQL_ROW_CAP, data.SQL_ROW_CAP) or data.SQL_ROW_CAP
    seconds = request.app.state.sql_time_limit_s or data.SQL_TIME_LIMIT_S
    result = data.run_sql(con, body.sql, row_cap=cap, time_limit_s=seconds)
    return {"columns": result.columns, "rows": result.rows, "elapsed_ms": result.elapsed_ms,
            "limits": result.limits}


@router.post("/extract", summary="Extract one article (text or HTML) without storing it")
def extract(request: Annotated[ExtractRequest, Body()]) -> dict[str, Any]:
    import kabar

    metadata = {k: v for k, v in (("url", request.url), ("published", request.published)) if v}
    return kabar.extract(request.text, source="<web>", **metadata).to_dict()
