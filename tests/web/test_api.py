"""The JSON API over the example store: every endpoint, its filters, paging and refusals."""

from __future__ import annotations

import duckdb
import pytest


@pytest.fixture(scope="module")
def truth(web_db):
    """Counts read straight from the store, to check the API against."""
    con = duckdb.connect(web_db, read_only=True)
    try:
        yield lambda sql: con.execute(sql).fetchall()
    finally:
        con.close()


def get(client, url, status=200, **params):
    response = client.get(url, params=params)
    assert response.status_code == status, response.text
    return response.json()


def test_events_lists_every_event_with_its_evidence_marked(client, truth):
    body = get(client, "/api/events", per_page=200)
    assert body["total"] == truth("SELECT count(*) FROM events")[0][0]
    assert len(body["items"]) == body["total"]
    for ev in body["items"]:
        assert isinstance(ev["event_id"], str)  # 64-bit ids do not fit a JavaScript number
        assert ev["code_name"]
        for mark in ev["evidence_marks"]:
            assert mark["role"] in ("source", "target")
            assert 0 <= mark["start"] < mark["end"] <= len(ev["evidence"])
    marked = [ev for ev in body["items"] if ev["evidence_marks"]]
    assert marked, "some evidence sentence should name its source or target"
    # The marked text is the actor as the article names it (Retno Marsudi, Filipina, ...).
    ev = marked[0]
    texts = {ev["evidence"][m["start"] : m["end"]] for m in ev["evidence_marks"]}
    assert all(t.strip() for t in texts)


@pytest.mark.parametrize(
    ("params", "check"),
    [
        ({"root": "04"}, lambda ev: ev["root"] == "04"),
        ({"code": "04"}, lambda ev: ev["code"].startswith("04")),
        ({"quad": "4"}, lambda ev: ev["quad_class"] == 4),
        ({"actor": "MYS"}, lambda ev: "MYS" in (ev["source_country"], ev["target_country"])),
        ({"country": "mys"}, lambda ev: "MYS" in (ev["source_country"], ev["target_country"])),
        ({"start": "2024-05-15", "end": "2024-05-20"}, lambda ev: "2024-05-15" <= ev["date"] <= "2024-05-20"),
        ({"factual": "true"}, lambda ev: ev["factual"]),
        ({"text": "bertemu"}, lambda ev: True),
    ],
)
def test_event_filters_narrow_the_list(client, params, check):
    everything = get(client, "/api/events", per_page=200)["total"]
    body = get(client, "/api/events", per_page=200, **params)
    assert 0 < body["total"] < everything or params == {"factual": "true"}
    assert all(check(ev) for ev in body["items"])


def test_events_are_paginated(client):
    first = get(client, "/api/events", per_page=3)
    second = get(client, "/api/events", per_page=3, page=2)
    assert len(first["items"]) == len(second["items"]) == 3
    assert first["pages"] == -(-first["total"] // 3)
    assert not {e["event_id"] for e in first["items"]} & {e["event_id"] for e in second["items"]}
    beyond = get(client, "/api/events", per_page=3, page=first["pages"] + 1)
    assert beyond["items"] == [] and beyond["total"] == first["total"]


@pytest.mark.parametrize(
    ("params", "words"),
    [
        ({"root": "4x"}, "root"),
        ({"code": "04a"}, "code"),
        ({"quad": "5"}, "quad"),
        ({"quad": "two"}, "quad"),
        ({"start": "2024-13-01"}, "start"),
        ({"start": "2024-05-20", "end": "2024-05-01"}, "after end"),
        ({"factual": "maybe"}, "factual"),
        ({"country": "INDO"}, "country"),
        ({"text": "x" * 201}, "200 characters"),
        ({"page": "0"}, "page"),
        ({"per_page": "1000"}, "per_page"),
        ({"actor": "   "}, None),  # blank means no filter, not an error
    ],
)
def test_bad_event_parameters_get_a_clear_400(client, params, words):
    response = client.get("/api/events", params=params)
    if words is None:
        assert response.status_code == 200
        return
    assert response.status_code == 400, response.text
    assert words in response.json()["detail"]


def test_one_event_and_its_evidence(client):
    ev = get(client, "/api/events", per_page=1)["items"][0]
    detail = get(client, f"/api/events/{ev['event_id']}")
    assert detail["event_id"] == ev["event_id"] and detail["articles"]
    evidence = get(client, f"/api/evidence/{ev['event_id']}")
    assert evidence["items"][0]["evidence"]
    assert get(client, "/api/events/12345", 404)["detail"] == "no event 12345"
    assert "not an event id" in get(client, "/api/events/abc", 400)["detail"]
    assert get(client, "/api/evidence/99999999999999999999999", 400)["detail"]
    get(client, "/api/evidence/1", 404)


def test_actors(client):
    rows = get(client, "/api/actors", by="code", limit=5)["items"]
    assert 0 < len(rows) <= 5
    assert rows == sorted(rows, key=lambda r: -r["events"])
    assert get(client, "/api/actors", by="country", country="idn")["items"][0]["actor"] == "IDN"
    get(client, "/api/actors", 422, by="colour")
    get(client, "/api/actors", 422, limit=0)
    get(client, "/api/actors", 400, start="yesterday")


def test_actor_profile(client):
    profile = get(client, "/api/actors/IDN")
    assert profile["timeline"] and profile["counterparts"]
    assert sum(r["events"] for r in profile["timeline"]) >= sum(c["events"] for c in profile["counterparts"])
    assert "MYS" in {c["other"][:3] for c in profile["counterparts"]}
    by_name = get(client, "/api/actors/Retno")
    assert by_name["quotes"] and all("Retno" in (q["speaker"] or "") for q in by_name["quotes"])


def test_dyad(client, truth):
    body = get(client, "/api/dyad", a="IDN", b="MYS", by="day")
    assert body["periods"]
    total = sum(p["events"] for p in body["periods"])
    assert total == sum(p["a_to_b"] + p["b_to_a"] + p["mutual"] for p in body["periods"])
    get(client, "/api/dyad", 422, a="IDN", b="MYS", by="decade")
    get(client, "/api/dyad", 422, a="IDN")
    get(client, "/api/dyad", 400, a="IDN", b="MYS", start="13/5/2024")


def test_quotes(client, truth):
    body = get(client, "/api/quotes", per_page=200)
    assert len(body["items"]) == truth("SELECT count(*) FROM quotes")[0][0]
    page = get(client, "/api/quotes", per_page=2, page=2)
    assert len(page["items"]) == 2 and page["items"][0] == body["items"][2]
    assert all(q["kind"] == "direct" for q in get(client, "/api/quotes", kind="direct")["items"])
    get(client, "/api/quotes", 422, kind="shouted")


def test_articles_and_one_article(client, truth, hostile_url):
    body = get(client, "/api/articles", per_page=200)
    assert body["total"] == truth("SELECT count(*) FROM articles")[0][0]
    assert get(client, "/api/articles", text="Rafah")["total"] == 1
    art = get(client, "/api/article", key=hostile_url)
    assert art["title"].startswith("<script>")  # JSON carries the text as it is
    assert art["entities"] and art["mentions"] and art["events"]
    for m in art["mentions"]:
        text = art["body"] if m["part"] == "body" else art["title"] if m["part"] == "title" else None
        if text is not None:
            assert text[m["char_start"] : m["char_end"]] == m["text"]
    get(client, "/api/article", 404, key="https://nowhere.example/x")
    get(client, "/api/article", 422)


def test_sql_reads_the_store(client, truth):
    statement = "SELECT root, count(*) AS n FROM events GROUP BY root ORDER BY root"
    body = client.post("/api/sql", json={"sql": statement})
    assert body.status_code == 200, body.text
    rows = body.json()["rows"]
    assert rows == [list(r) for r in truth("SELECT root, count(*) FROM events GROUP BY root ORDER BY root")]
    two = client.post("/api/sql", json={"sql": "SELECT 1 AS a; SELECT 2 AS a, 3 AS a"}).json()
    assert two["columns"] == ["a", "a"] and two["rows"] == [[2, 3]]


@pytest.mark.parametrize(
    ("sql", "words"),
    [
        ("DELETE FROM events", "only reads"),
        ("COPY events TO '/tmp/kabar-web-leak.csv'", "only reads"),
        ("ATTACH '/tmp/other.duckdb' AS other", "only reads"),
        ("INSTALL httpfs", "only reads"),
        ("SET enable_external_access = true", "only reads"),
        ("SELECT * FROM read_text('/etc/passwd')", "disabled"),
        ("SELECT * FROM read_csv('/etc/hosts')", "disabled"),
        ("SELECT * FROM glob('/root/*')", "disabled"),
        ("SELEC 1", "parse"),
    ],
)
def test_sql_refuses_writes_files_and_extensions(client, sql, words):
    response = client.post("/api/sql", json={"sql": sql})
    assert response.status_code == 400, response.text
    assert words in response.json()["detail"]


def test_sql_row_and_time_limits(client, app):
    response = client.post("/api/sql", params={"limit": 100}, json={"sql": "SELECT * FROM range(101)"})
    assert response.status_code == 400 and "more than 100 rows" in response.json()["detail"]
    fits = client.post("/api/sql", params={"limit": 100}, json={"sql": "SELECT * FROM range(100)"})
    assert fits.status_code == 200 and len(fits.json()["rows"]) == 100
    default = client.post("/api/sql", json={"sql": "SELECT * FROM range(1000000)"})
    assert default.status_code == 400 and "rows" in default.json()["detail"]
    assert client.post("/api/sql", params={"limit": 100000}, json={"sql": "SELECT 1"}).status_code == 400
    app.state.sql_time_limit_s = 0.5
    try:
        slow = client.post("/api/sql", json={"sql": "SELECT count(*) FROM range(100000000000) a"})
    finally:
        app.state.sql_time_limit_s = None
    assert slow.status_code == 400 and "time limit" in slow.json()["detail"]
    assert client.post("/api/sql", json={"sql": ""}).status_code == 422
    assert client.post("/api/sql", json={}).status_code == 422


def test_extract_without_storing(client, truth):
    before = truth("SELECT count(*) FROM articles")[0][0]
    text = (
        "Menteri Luar Negeri Retno Marsudi bertemu Menteri Luar Negeri Jepang Yoko Kamikawa di Tokyo "
        "pada Senin (13/5/2024)."
    )
    body = client.post("/api/extract", json={"text": text}).json()
    assert {e["name"] for e in body["entities"]} >= {"Retno Marsudi", "Yoko Kamikawa"}
    assert body["events"]
    assert truth("SELECT count(*) FROM articles")[0][0] == before
    assert client.post("/api/extract", json={"text": ""}).status_code == 422
    assert client.post("/api/extract", json={"text": "x" * 200_001}).status_code == 422


def test_openapi_and_docs_page(client):
    spec = client.get("/openapi.json").json()
    for path in ("/api/events", "/api/evidence/{event_id}", "/api/actors", "/api/dyad", "/api/quotes",
                 "/api/articles", "/api/sql"):
        assert path in spec["paths"]
    page = client.get("/docs")
    assert page.status_code == 200 and "/api/events" in page.text
    assert "cdn" not in page.text.lower()


@pytest.mark.parametrize(
    "url",
    [
        "/events?text=%3Cscript%3Ealert(1)%3C/script%3E",
        "/events?actor=%22%3E%3Cimg%20src=x%20onerror=alert(1)%3E",
        "/actor/%3Cscript%3Ealert(1)%3C%2Fscript%3E",
        "/dyad?a=%3Cscript%3Ealert(1)%3C/script%3E&b=IDN",
        "/events?root=%3Cscript%3Ealert(1)%3C/script%3E",
        "/articles?text=%3Cscript%3Ealert(1)%3C/script%3E",
    ],
)
def test_pages_escape_what_the_url_carries(client, url):
    response = client.get(url)
    assert response.status_code in (200, 400), response.text
    assert response.headers["content-type"].startswith("text/html")
    assert "<script>alert(1)" not in response.text and "<img src=x" not in response.text
    assert "script-src 'self'" in response.headers["content-security-policy"]


def test_pages_refuse_bad_values_with_a_page_that_says_why(client):
    response = client.get("/events", params={"quad": "7"})
    assert response.status_code == 400
    assert "quad: must be between 1 and 4, not 7" in response.text
    assert client.get("/article", params={"key": "nope"}).status_code == 404
    assert client.get("/article").status_code == 400
    assert client.get("/events/notanumber").status_code == 400
    assert client.get("/nowhere").status_code == 404
