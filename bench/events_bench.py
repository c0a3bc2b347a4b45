"""The `events` stage on real articles: its cost per article and what it finds.

    python bench/events_bench.py [--n 400] [--politics] [--show 30] [--seed 7]
        [--corpus ../shared/corpus/id-news.jsonl] [--markdown bench/results/events.md]

Reads N articles from the corpus (field `text`; with --politics only the ids listed in
politics-ids.txt), runs the pipeline stages before `events` on each, then times the `events`
stage alone (CPU time, one core) and the whole pipeline. Prints articles/s for the stage and the
pipeline, the stage's mean and 95th-percentile time, events per article, the share that is
factual, and the CAMEO roots found. `--show K` prints K factual events drawn at random (seeded)
from the articles, each with its evidence sentence, for reading by eye: they are printed only,
never written to a file (the corpus texts may not be copied into the repository).
`--markdown FILE` writes the figures (no corpus text) to FILE. Without the corpus: SKIP, exit 0.
"""

from __future__ import annotations

import os

import _bench  # noqa: E402,F401  (one thread per library, before numpy is imported)

import argparse  # noqa: E402
import collections  # noqa: E402
import json  # noqa: E402
import random  # noqa: E402
import statistics  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

ROOT = _bench.ROOT

DEFAULT_CORPUS = _bench.CORPUS


def read_articles(corpus: Path, n: int, politics: bool) -> list[dict]:
    ids = None
    if politics:
        ids = set((corpus.parent / "politics-ids.txt").read_text().split())
    rows = []
    with corpus.open(encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            if ids is not None and row["id"] not in ids:
                continue
            rows.append(row)
    if ids is None and len(rows) > n:  # spread evenly over the file (outlets come in blocks)
        step = len(rows) / n
        rows = [rows[int(i * step)] for i in range(n)]
    return rows[:n]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--n", type=int, default=400)
    ap.add_argument("--politics", action="store_true")
    ap.add_argument("--show", type=int, default=0)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--markdown", type=Path)
    args = ap.parse_args(argv)
    if not args.corpus.exists():
        print(f"SKIP: corpus not found at {args.corpus}")
        return 0
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[-1]})

    from kabar.errors import KabarError
    from kabar.pipeline import get_pipeline

    pipe = get_pipeline("id")
    events_stage = pipe.stages[pipe.stage_names.index("events")]
    before = [s for name, s in zip(pipe.stage_names, pipe.stages) if name != "events"]
    rows = read_articles(args.corpus, args.n, args.politics)

    stage_times: list[float] = []
    pipe_time = 0.0
    words = 0
    done = []
    for row in rows:
        try:
            doc = _bench.corpus_document(pipe, row)
            t0 = time.process_time()
            for stage in before:
                stage(doc)
            t1 = time.process_time()
            events_stage(doc)
            t2 = time.process_time()
        except KabarError:
            continue
        stage_times.append(t2 - t1)
        pipe_time += t2 - t0
        words += len(doc.article.body.split())
        done.append((row, doc.article))

    n = len(done)
    events = [e for _, a in done for e in a.events]
    factual = [e for e in events if e.factual]
    modes = collections.Counter(e.mode for e in events)
    roots = collections.Counter(e.root for e in factual)
    with_events = sum(1 for _, a in done if any(e.factual for e in a.events))
    multi = sum(1 for e in factual if len(e.mentions) > 1)
    total_stage = sum(stage_times)
    p95 = statistics.quantiles(stage_times, n=20)[-1] if len(stage_times) >= 20 else max(stage_times)
    lines = [
        f"articles: {n} ({'politics-ids.txt' if args.politics else 'spread over the corpus'}), "
        f"{words / max(n, 1):.0f} words each on average",
        f"events stage: {n / total_stage:.0f} articles/s, mean {1000 * total_stage / n:.2f} ms, "
        f"p95 {1000 * p95:.2f} ms per article (CPU, one core)",
        f"whole pipeline: {n / pipe_time:.0f} articles/s on these articles",
        f"events: {len(events)} ({len(events) / n:.2f}/article), factual {len(factual)} "
        f"({len(factual) / n:.2f}/article); articles with a factual event: {with_events}",
        "modes: " + ", ".join(f"{m} {c}" for m, c in modes.most_common()),
        f"factual events told more than once (merged mentions): {multi}",
        "factual roots: " + ", ".join(f"{r} {c}" for r, c in sorted(roots.items())),
    ]
    print("\n".join(lines))

    if args.show:
        rng = random.Random(args.seed)
        pool = [(row, e) for row, a in done for e in a.events if e.factual]
        for row, e in rng.sample(pool, min(args.show, len(pool))):
            src = f"{e.source.name} [{e.source.actor_code}]" if e.source else "-"
            tgt = f"{e.target.name} [{e.target.actor_code}]" if e.target else "-"
            print(f"\n{row['id']} {e.code} {src} -> {tgt} {e.date} {e.location.name if e.location else '-'}"
                  f" conf={e.confidence} mentions={len(e.mentions)}\n    {e.evidence.text[:300]}")

    if args.markdown:
        cmd = "python bench/events_bench.py " + " ".join(argv if argv is not None else sys.argv[1:])
        args.markdown.write_text(
            "## Events stage on real articles\n\n"
            f"Command: `{cmd}`\n\n" + "\n".join(f"- {line}" for line in lines) + "\n",
            encoding="utf-8",
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
