"""Time a dyad query over one million stored events.

    python bench/dyad_query.py [--events 1000000] [--db PATH] [--keep]

Generates N synthetic events in a kabar store (the real schema, written by kabar.store),
spread over 60 actor codes in 30 countries and five years (a tenth of them symmetric, such as
meetings, which the dyad query counts for the pair whichever side is named first), then opens
the store read-only
the way `kabar dyad` does and times `kabar.query.dyad` by day, week and month, by country
code and by name, both directions and directed. It prints the cold time (first query after
opening), the median of five warm runs, and whether the target (<= 0.5 s) holds; also the
wall time of the whole `kabar dyad` command (process start, imports, query, printing).
The events are generated in SQL (deterministic, seeded), not extracted from text.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import _bench  # noqa: E402

ROOT = _bench.ROOT

from kabar import query  # noqa: E402
from kabar.store import Store  # noqa: E402

TARGET_S = 0.5
COUNTRIES = [
    "IDN", "MYS", "SGP", "THA", "PHL", "VNM", "AUS", "CHN", "JPN", "KOR", "IND", "PAK", "IRN", "IRQ", "SAU",
    "ISR", "PSE", "TUR", "RUS", "UKR", "USA", "GBR", "FRA", "DEU", "NLD", "EGY", "NGA", "BRA", "MEX", "CAN",
]  # fmt: skip
ROLES = ["", "GOV"]
# CAMEO codes with their root, quad class, Goldstein score and whether kabar codes them as
# symmetric (reciprocal) events: a spread over the 20 roots.
CODES = [
    ("010", "01", 1, 0.0, False), ("020", "02", 1, 3.0, False), ("036", "03", 1, 4.0, False),
    ("042", "04", 1, 1.9, False), ("040", "04", 1, 1.0, True), ("051", "05", 1, 3.4, False),
    ("061", "06", 2, 6.4, True), ("071", "07", 2, 7.4, False), ("081", "08", 2, 5.0, False),
    ("090", "09", 3, -2.0, False), ("112", "11", 3, -2.0, False), ("120", "12", 3, -4.0, False),
    ("130", "13", 3, -4.4, False), ("141", "14", 3, -6.5, False), ("150", "15", 4, -7.2, False),
    ("163", "16", 4, -8.0, False), ("173", "17", 4, -5.0, False), ("180", "18", 4, -9.0, False),
    ("190", "19", 4, -10.0, False), ("200", "20", 4, -10.0, False),
]  # fmt: skip


def generate(db: str, n: int) -> float:
    """Write n events into a fresh store at `db`; returns seconds taken."""
    t0 = time.perf_counter()
    with Store(db) as store:
        con = store.con
        actors = [(c + r, c) for c in COUNTRIES for r in ROLES]
        con.execute("CREATE TEMP TABLE bench_actors (i INTEGER, code VARCHAR, country VARCHAR)")
        con.executemany("INSERT INTO bench_actors VALUES (?, ?, ?)", [(i, a, c) for i, (a, c) in enumerate(actors)])
        con.execute(
            "CREATE TEMP TABLE bench_codes (i INTEGER, code VARCHAR, root VARCHAR, quad TINYINT, gs DOUBLE, sym BOOLEAN)"
        )
        con.executemany("INSERT INTO bench_codes VALUES (?, ?, ?, ?, ?, ?)", [(i, *c) for i, c in enumerate(CODES)])
        na, nc = len(actors), len(CODES)
        con.execute("SELECT setseed(0.42)")
        con.execute(
            f"""
            INSERT INTO events BY NAME
            WITH r AS (
                SELECT range AS k,
                       CAST(floor(random() * {na}) AS INTEGER) AS s,
                       CAST(floor(random() * {na}) AS INTEGER) AS t,
                       CAST(floor(random() * {nc}) AS INTEGER) AS c,
                       CAST(floor(random() * 1826) AS INTEGER) AS d,
                       CAST(1 + floor(random() * 5) AS INTEGER) AS na
                FROM range({n})
            )
            SELECT r.k + 1 AS event_id, 'bench|' || r.k AS event_key,
                   DATE '2019-01-01' + r.d AS date,
                   bc.code, bc.code AS base_code, bc.root, bc.quad AS quad_class, bc.gs AS goldstein,
                   'reported' AS mode, true AS factual, bc.sym AS is_symmetric,
                   'Actor ' || sa.code AS source_name, sa.code AS source_code, sa.country AS source_country,
                   'Actor ' || ta.code AS target_name, ta.code AS target_code, ta.country AS target_country,
                   0.8 AS confidence, r.na AS num_mentions, r.na AS num_sources, r.na AS num_articles,
                   false AS is_root, 'bench-' || r.k AS first_article_id, 'id:bench-' || r.k AS first_article_key,
                   'Kalimat bukti untuk peristiwa nomor ' || r.k || '.' AS evidence
            FROM r
            JOIN bench_actors sa ON sa.i = r.s
            JOIN bench_actors ta ON ta.i = r.t
            JOIN bench_codes bc ON bc.i = r.c
            """
        )
        con.execute("CHECKPOINT")
    return time.perf_counter() - t0


def time_query(db: str, label: str, fn) -> dict:
    con = query.connect(db)
    t0 = time.perf_counter()
    table = fn(con)
    cold = time.perf_counter() - t0
    warm = []
    for _ in range(5):
        t0 = time.perf_counter()
        fn(con)
        warm.append(time.perf_counter() - t0)
    con.close()
    return {"query": label, "rows": table.num_rows, "events": sum(table.column("events").to_pylist()),
            "mutual": sum(table.column("mutual").to_pylist()), "cold": cold, "warm": statistics.median(warm)}  # fmt: skip


def main() -> int:
    load = os.getloadavg()
    print(f"load average before: {load[0]:.2f} {load[1]:.2f} {load[2]:.2f} on {os.cpu_count()} cores")
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--events", type=int, default=1_000_000)
    ap.add_argument("--db", help="where to build the store (default: a temporary file)")
    ap.add_argument("--keep", action="store_true", help="keep the generated store")
    args = ap.parse_args()

    tmp = None
    if args.db:
        db = args.db
        for suffix in ("", ".wal"):
            if os.path.exists(db + suffix):
                os.remove(db + suffix)
    else:
        tmp = tempfile.TemporaryDirectory()
        db = os.path.join(tmp.name, "dyad-bench.duckdb")
    gen = generate(db, args.events)
    size = os.path.getsize(db) / 1e6
    print(f"generated {args.events:,} events in {gen:.1f} s ({size:.0f} MB on disk)")

    runs = [
        ("IDN MYS by week", lambda c: query.dyad(c, "IDN", "MYS", by="week")),
        ("MYS IDN by week (same pair, other order)", lambda c: query.dyad(c, "MYS", "IDN", by="week")),
        ("IDN MYS by day", lambda c: query.dyad(c, "IDN", "MYS", by="day")),
        ("IDN MYS by month", lambda c: query.dyad(c, "IDN", "MYS", by="month")),
        ("IDNGOV USA by month, directed", lambda c: query.dyad(c, "IDNGOV", "USA", by="month", directed=True)),
        ("names 'Actor IRN' 'Actor RUS' by week", lambda c: query.dyad(c, "Actor IRN", "Actor RUS", by="week")),
        ("IDN MYS by week, 2021 only", lambda c: query.dyad(c, "IDN", "MYS", by="week", start="2021-01-01",
                                                             end="2021-12-31")),
    ]  # fmt: skip
    results = [time_query(db, label, fn) for label, fn in runs]
    print(f"\n{'query':<40} {'periods':>8} {'events':>8} {'mutual':>8} {'cold s':>8} {'warm s':>8}")
    for r in results:
        print(f"{r['query']:<40} {r['rows']:>8} {r['events']:>8} {r['mutual']:>8} {r['cold']:>8.3f} {r['warm']:>8.3f}")

    kabar = Path(sys.executable).parent / "kabar"
    cmd = [str(kabar)] if kabar.exists() else [sys.executable, "-c", "from kabar.cli import main; main()"]
    t0 = time.perf_counter()
    done = subprocess.run(cmd + ["dyad", "IDN", "MYS", "--by", "week", "--db", db, "--format", "csv"],
                          capture_output=True, text=True)  # fmt: skip
    cli = time.perf_counter() - t0
    print(f"\n`kabar dyad IDN MYS --by week --format csv` (whole command): {cli:.2f} s, exit {done.returncode}")

    worst = max(max(r["cold"], r["warm"]) for r in results)
    holds = worst <= TARGET_S
    print(f"\ntarget: dyad query <= {TARGET_S} s over {args.events:,} events: "
          f"{'HOLDS' if holds else 'MISSED'} (slowest {worst:.3f} s)")  # fmt: skip
    load = os.getloadavg()
    print(f"load average after: {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}")
    if args.keep:
        print(f"store kept at {db}")
    elif tmp:
        tmp.cleanup()
    return 0 if holds else 1


if __name__ == "__main__":
    sys.exit(main())
