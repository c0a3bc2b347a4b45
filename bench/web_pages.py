"""Server time of every `kabar serve` page (and the main API calls) on a large store.

    python bench/web_pages.py --db /tmp/corpus.duckdb            # a store built beforehand
    python bench/web_pages.py --db /tmp/web.duckdb --build 5000  # ingest 5,000 corpus articles first

Each URL is requested once cold (first request after the app starts; the overview's figures
are then cached for a minute) and then `--repeat` times warm; the server time is the app's own
`Server-Timing` header (the request handled in process, without a network). Target: every
page under 300 ms.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import threading
import time
from pathlib import Path
from urllib.parse import quote

import _bench  # noqa: PLC2701  (the benchmarks' shared set-up, imported before kabar)

TARGET_MS = 300.0


def build(db: str, n: int, jobs: int) -> None:
    import itertools
    import tempfile

    from kabar.ingest import ingest

    with tempfile.TemporaryDirectory() as tmp:
        part = Path(tmp) / "corpus-part.jsonl"
        with open(_bench.CORPUS, encoding="utf-8") as src, open(part, "w", encoding="utf-8") as dst:
            dst.writelines(itertools.islice(src, n))
        began = time.perf_counter()
        report = ingest([str(part)], db, jobs=jobs)
        took = time.perf_counter() - began
        print(f"ingested {report.stored} of {n} articles in {took:.0f} s", file=sys.stderr)


def urls(client) -> list[tuple[str, str]]:
    """The pages, with the keys and ids they need taken from the store itself."""
    con_rows = client.post("/api/sql", json={"sql": (
        "SELECT key FROM articles ORDER BY length(body) DESC LIMIT 1"
    )}).json()["rows"]
    longest = con_rows[0][0]
    busiest = client.post("/api/sql", json={"sql": (
        "SELECT a.key FROM articles a JOIN event_mentions em ON em.article_key = a.key "
        "GROUP BY a.key ORDER BY count(*) DESC LIMIT 1"
    )}).json()["rows"][0][0]
    top_event = client.post("/api/sql", json={"sql": (
        "SELECT CAST(event_id AS VARCHAR) FROM events ORDER BY num_articles DESC LIMIT 1"
    )}).json()["rows"][0][0]
    return [
        ("overview", "/"),
        ("events", "/events"),
        ("events: root 19", "/events?root=19"),
        ("events: IDN, factual", "/events?actor=IDN&factual=true"),
        ("events: quad 4, dates", "/events?quad=4&start=2021-01-01&end=2021-12-31"),
        ("events: text 'serangan'", "/events?text=serangan"),
        ("events: page 40", "/events?page=40"),
        ("event (most articles)", f"/events/{top_event}"),
        ("articles", "/articles"),
        ("articles: text 'banjir'", "/articles?text=banjir"),
        ("article (longest body)", "/article?key=" + quote(longest, safe="")),
        ("article (most events)", "/article?key=" + quote(busiest, safe="")),
        ("actors", "/actors"),
        ("actor IDN", "/actor/IDN"),
        ("actor USA", "/actor/USA"),
        ("actor 'Jokowi' (name)", "/actor/Jokowi"),
        ("dyad IDN–USA by month", "/dyad?a=IDN&b=USA"),
        ("dyad RUS–UKR by week", "/dyad?a=RUS&b=UKR&by=week"),
        ("try it (form)", "/try"),
        ("API docs", "/docs"),
        ("api: events", "/api/events?per_page=100"),
        ("api: quotes", "/api/quotes?per_page=100"),
        ("api: actors", "/api/actors?limit=100"),
        ("api: dyad", "/api/dyad?a=IDN&b=MYS"),
    ]


def server_ms(response) -> float:
    return float(response.headers["Server-Timing"].split("dur=")[1])


def measure(db: str, repeat: int) -> list[dict]:
    from fastapi.testclient import TestClient

    from kabar.web import create_app

    began = time.perf_counter()
    client = TestClient(create_app(db))
    startup = (time.perf_counter() - began) * 1000
    for thread in threading.enumerate():
        if thread.name == "kabar-web-warm":
            thread.join()
    warmed = (time.perf_counter() - began) * 1000
    print(f"app created in {startup:.0f} ms, whole-store figures warmed in {warmed:.0f} ms", file=sys.stderr)
    rows = []
    for name, url in urls(client):
        cpu = time.process_time()
        first = client.get(url)
        first_cpu = (time.process_time() - cpu) * 1000
        assert first.status_code == 200, (url, first.status_code, first.text[:200])
        warm, warm_cpu = [], []
        for _ in range(repeat):
            cpu = time.process_time()
            warm.append(server_ms(client.get(url)))
            warm_cpu.append((time.process_time() - cpu) * 1000)
        rows.append({"page": name, "url": url, "cold_ms": server_ms(first), "cold_cpu_ms": first_cpu,
                     "warm_median_ms": statistics.median(warm), "warm_max_ms": max(warm),
                     "warm_cpu_median_ms": statistics.median(warm_cpu), "bytes": len(first.content)})
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--db", required=True)
    parser.add_argument("--build", type=int, default=0, help="first ingest this many corpus articles")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--json", help="also write the figures here")
    args = parser.parse_args()
    if args.build:
        build(args.db, args.build, args.jobs)
    import duckdb

    con = duckdb.connect(args.db, read_only=True)
    size = {t: con.execute(f"SELECT count(*) FROM {t}").fetchall()[0][0]
            for t in ("articles", "events", "event_mentions", "mentions", "quotes")}
    con.close()
    rows = measure(args.db, args.repeat)
    print(f"store: {', '.join(f'{v:,} {k}' for k, v in size.items())}\n")
    print("| page | first ms | first CPU ms | median ms | max ms | median CPU ms | KB | under 300 ms |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |")
    for r in rows:
        ok = "yes" if max(r["cold_ms"], r["warm_max_ms"]) < TARGET_MS else "**no**"
        print(f"| {r['page']} | {r['cold_ms']:.0f} | {r['cold_cpu_ms']:.0f} | {r['warm_median_ms']:.0f} | "
              f"{r['warm_max_ms']:.0f} | {r['warm_cpu_median_ms']:.0f} | {r['bytes'] / 1024:.0f} | {ok} |")
    if args.json:
        Path(args.json).write_text(json.dumps({"store": size, "pages": rows}, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
