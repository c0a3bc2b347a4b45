"""The share of political and national-news articles with at least one factual event.

    python bench/event_share.py [--national 400] [--seed 11] [--dump FILE] [--missing N]
        [--corpus ../shared/corpus/id-news.jsonl] [--markdown bench/results/event-share.md]

Two sets, both read through the whole pipeline with the corpus metadata (title, publication
time), as `kabar ingest` reads them:
- politics: the 300 articles listed in politics-ids.txt;
- national: a fixed random sample (`--seed`) of N articles whose category is national news
  (`Nasional`, `News / Nasional`, `nasional`, `Nasional / hukum` ...), outside politics-ids.txt.
Prints, for each set, the articles with one or more factual events and their share, the factual
events per article and their roots. `--dump FILE` writes every event (article id, code, sides,
mode, evidence) as JSON Lines to FILE for comparing two versions; keep FILE outside the
repository (it quotes corpus text). `--missing N` prints N ids of national articles with no
factual event (seeded), for reading. Without the corpus: SKIP, exit 0.
"""

from __future__ import annotations

import argparse
import collections
import json
import random
from pathlib import Path

import _bench  # noqa: PLC2701  (one thread per library, before numpy or kabar is imported)

NATIONAL = ("nasional", "news / nasional")


def read_sets(corpus: Path, national: int, seed: int) -> dict[str, list[dict]]:
    ids = set((corpus.parent / "politics-ids.txt").read_text().split())
    politics, pool = [], []
    with corpus.open(encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            if row["id"] in ids:
                politics.append(row)
            elif (row.get("category") or "").strip().lower().startswith(NATIONAL):
                pool.append(row)
    picked = sorted(random.Random(seed).sample(range(len(pool)), min(national, len(pool))))
    return {"politics": politics, "national": [pool[i] for i in picked]}


def side(actor) -> str | None:
    return f"{actor.name} [{actor.actor_code}]" if actor else None


def run_set(pipe, rows: list[dict], dump) -> tuple[list[str], list[str]]:
    from kabar.errors import KabarError

    n = with_events = n_factual = 0
    roots: collections.Counter[str] = collections.Counter()
    modes: collections.Counter[str] = collections.Counter()
    missing = []
    for row in rows:
        try:
            article = pipe.run(_bench.corpus_document(pipe, row))
        except KabarError:
            continue
        n += 1
        factual = [e for e in article.events if e.factual]
        n_factual += len(factual)
        with_events += bool(factual)
        if not factual:
            missing.append(row["id"])
        roots.update(e.root for e in factual)
        modes.update(e.mode for e in article.events)
        for e in article.events if dump else ():
            dump.write(json.dumps({"id": row["id"], "code": e.code, "mode": e.mode, "source": side(e.source),
                                   "target": side(e.target), "evidence": e.evidence.text},
                                  ensure_ascii=False) + "\n")
    lines = [
        f"articles with a factual event: {with_events}/{n} ({with_events / max(n, 1):.0%}); "
        f"factual events {n_factual} ({n_factual / max(n, 1):.2f}/article)",
        "modes: " + ", ".join(f"{m} {c}" for m, c in modes.most_common()),
        "factual roots: " + ", ".join(f"{r} {c}" for r, c in sorted(roots.items())),
    ]
    return lines, missing


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--national", type=int, default=400)
    ap.add_argument("--seed", type=int, default=11)
    ap.add_argument("--dump", type=Path)
    ap.add_argument("--missing", type=int, default=0)
    ap.add_argument("--corpus", type=Path, default=_bench.CORPUS)
    ap.add_argument("--markdown", type=Path)
    args = ap.parse_args(argv)
    if not args.corpus.exists():
        print(f"SKIP: corpus not found at {args.corpus}")
        return 0

    from kabar.pipeline import get_pipeline

    pipe = get_pipeline("id")
    sets = read_sets(args.corpus, args.national, args.seed)
    dump = args.dump.open("w", encoding="utf-8") if args.dump else None
    lines, missing = [], []
    for name, rows in sets.items():
        set_lines, set_missing = run_set(pipe, rows, dump)
        lines += [f"{name} ({len(rows)} articles): {set_lines[0]}", *(f"  {x}" for x in set_lines[1:])]
        if name == "national":
            missing = set_missing
    if dump:
        dump.close()
    print("\n".join(lines))
    if args.missing:
        picked = random.Random(args.seed).sample(missing, min(args.missing, len(missing)))
        print("national articles with no factual event:", " ".join(picked))
    if args.markdown:
        title = "Articles with a factual event"
        _bench.write_markdown_list(args.markdown, title, "event_share.py", argv, lines)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
