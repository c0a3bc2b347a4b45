"""Draw factual events at random for a hand check (issue #11).

    python bench/events_sample.py [--per-kind 25] [--articles 120] [--seed 11]
        [--corpus ../shared/corpus/id-news.jsonl]

Reads the two sets of bench/event_share.py (the politics articles of politics-ids.txt, and
national-news articles outside it), shuffles each with `random.Random(seed)` and runs the
pipeline on the first `--articles` of each only (enough to draw from, cheaper than all), with
title and publication time as `kabar ingest` reads them. Keeps the factual events
(`kabar.evaluate.events.is_factual`: reported or claimed), then draws `--per-kind` of them per
set with at most one event per article (a random article, then a random event of it), and
prints for each: article id, title, published, CAMEO code and name, source and target
(name [actor code]), date, mode and the evidence sentence (its place, when not the body).
The output quotes corpus text: keep it outside the repository. Without the corpus: SKIP.
"""

from __future__ import annotations

import argparse
import dataclasses
import random
from pathlib import Path

import _bench  # noqa: PLC2701  (one thread per library, before numpy or kabar is imported)
from event_share import read_sets, side


def factual_events(pipe, rows: list[dict]) -> dict[str, tuple[dict, list]]:
    """Article id -> (row, its factual events), for the articles with at least one."""
    from kabar.errors import KabarError
    from kabar.evaluate.events import is_factual

    found = {}
    for row in rows:
        try:
            article = pipe.run(_bench.corpus_document(pipe, row))
        except KabarError:
            continue
        events = [e for e in article.events if is_factual(dataclasses.asdict(e))]
        if events:
            found[row["id"]] = (row, events)
    return found


def draw(found: dict[str, tuple[dict, list]], n: int, rng: random.Random) -> list[tuple[dict, object]]:
    ids = rng.sample(sorted(found), min(n, len(found)))
    return [(found[i][0], rng.choice(found[i][1])) for i in ids]


def show(k: int, kind: str, row: dict, e) -> str:
    from kabar import cameo

    where = "" if e.evidence.where == "body" else f" ({e.evidence.where})"
    return "\n".join([
        f"## {k} [{kind}] {row['id']}",
        f"title: {row.get('title')}",
        f"published: {row.get('published')}",
        f"event: {e.code} {cameo.name(e.code)} | mode {e.mode} | date {e.date}",
        f"source: {side(e.source) or '-'}  ->  target: {side(e.target) or '-'}",
        f"evidence{where}: {e.evidence.text}",
        "",
    ])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--per-kind", type=int, default=25)
    ap.add_argument("--articles", type=int, default=120)
    ap.add_argument("--seed", type=int, default=11)
    ap.add_argument("--corpus", type=Path, default=_bench.CORPUS)
    args = ap.parse_args(argv)
    if not args.corpus.exists():
        print(f"SKIP: corpus not found at {args.corpus}")
        return 0

    from kabar.pipeline import get_pipeline

    pipe = get_pipeline("id")
    rng = random.Random(args.seed)
    # All national-news articles form the pool; the shuffle below picks from it.
    sets = read_sets(args.corpus, 10**9, args.seed)
    k = 0
    for kind, rows in sets.items():
        rows = list(rows)
        rng.shuffle(rows)
        found = factual_events(pipe, rows[: args.articles])
        print(f"# {kind}: {len(found)}/{min(args.articles, len(rows))} articles with a factual event\n")
        for row, e in draw(found, args.per_kind, rng):
            k += 1
            print(show(k, kind, row, e))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
