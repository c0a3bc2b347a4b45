"""Time the `entities` stage on real articles and dump its output for a precision check by eye.

    python bench/entities_bench.py --n 300 [--politics] [--dump out.txt]

Reads ../shared/corpus/id-news.jsonl (never copied into the repository). The stages before
`entities` (structure, language, segment) run first and are not timed; the figure is the time
of the entities stage alone, per article, on one core.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import time
from pathlib import Path

from kabar.entities import Entities
from kabar.errors import KabarError
from kabar.pipeline import Pipeline

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=300)
    ap.add_argument("--politics", action="store_true", help="use the 300 international-politics ids")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--dump", help="write every article's entities to this file")
    ap.add_argument("--no-model", action="store_true", help="run without the statistical NER model")
    args = ap.parse_args(argv)
    if not (CORPUS / "id-news.jsonl").exists():
        print("no corpus at", CORPUS, file=sys.stderr)
        return 1
    wanted = None
    if args.politics:
        wanted = set((CORPUS / "politics-ids.txt").read_text().split())
    rows = []
    with (CORPUS / "id-news.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            if wanted is None or row["id"] in wanted:
                rows.append(row)
    random.Random(args.seed).shuffle(rows)
    rows = rows[: args.n]
    pre = Pipeline("id", stages=("structure", "language", "segment"))
    t0 = time.perf_counter()
    stage = Entities(pre.pack)
    init_s = time.perf_counter() - t0
    if args.no_model:
        stage.ner = None
    print(f"statistical NER model: {'on' if stage.ner is not None else 'off'}")
    times, words, ents = [], 0, 0
    out = open(args.dump, "w", encoding="utf-8") if args.dump else None
    for row in rows:
        doc = pre.make_document(row["text"], source=row["id"], id=row["id"])
        try:
            for s in pre.stages:
                s(doc)
        except KabarError:
            continue  # not an article (the structure stage says why); not the entities stage's time
        t = time.perf_counter()
        stage(doc)
        times.append(time.perf_counter() - t)
        words += len(doc.article.body.split())
        ents += len(doc.article.entities)
        if out:
            out.write(f"### {row['id']} {row.get('title', '')}\n")
            for e in doc.article.entities:
                ms = "; ".join(sorted({m.text for m in e.mentions}))
                out.write(
                    f"{e.id}\t{e.type}\t{e.name}\t{e.country}\t{e.actor_code}\t{e.title}\t{e.role}\t[{ms}]\n"
                )
    total = sum(times)
    n = len(times)
    print(f"articles {n}  words/article {words / n:.0f}  entities/article {ents / n:.1f}")
    p95 = sorted(times)[int(0.95 * n)]
    print(
        f"stage init {init_s:.2f} s; per article mean {1000 * total / n:.2f} ms, "
        f"median {1000 * statistics.median(times):.2f} ms, p95 {1000 * p95:.2f} ms; "
        f"{n / total:.0f} articles/s; {words / total:.0f} words/s"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
