"""What the dependency parser costs the events stage, on the same documents with and without it.

    python bench/events_parser.py [--n 500] [--corpus ../shared/corpus/id-news.jsonl]
        [--parser DIR]  # another parser model directory to time instead of the pack's

Runs every stage but `events` once over N corpus articles of 400-600 words (spread evenly over
the file), then times the events stage alone over those documents, with the parse and without
it (the parse switched off), alternating, the fastest of 3 passes each. Prints events ms per
article both ways, the parser's own ms per article and per parsed sentence, and the sentences
parsed per article. CPU time of this process, pinned to one core with one thread per library.
Without the corpus it prints SKIP and exits 0.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

import _bench  # noqa: PLC2701 - one thread per library, set before numpy is imported


def select(corpus: Path, n: int) -> list[dict]:
    pool = []
    with corpus.open(encoding="utf-8") as fh:
        for line in fh:
            record = json.loads(line)
            if 400 <= len(record.get("text", "").split()) <= 600:
                pool.append(record)
    step = max(1.0, len(pool) / n)
    return [pool[int(i * step)] for i in range(min(n, len(pool)))]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    ap.add_argument("--n", type=int, default=500)
    ap.add_argument("--corpus", type=Path, default=_bench.CORPUS)
    ap.add_argument("--parser", type=Path, default=None, help="a parser model directory to time instead")
    args = ap.parse_args(argv)
    if not args.corpus.exists():
        print(f"SKIP: no corpus at {args.corpus}")
        return 0
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[-1]})
    import spacy

    import kabar.events.candidates as candidates
    from kabar.pipeline import get_pipeline

    pipe = get_pipeline("id")
    events = next(s for s in pipe.stages if getattr(s, "name", "") == "events")
    docs = []
    for a in select(args.corpus, args.n):
        doc = pipe.make_document(a["text"], a["id"])
        for stage in pipe.stages:
            if stage is not events:
                stage(doc)
        docs.append(doc)
    n = len(docs)
    if args.parser is not None:
        events.parser._nlp, events.parser._loaded = spacy.load(args.parser, exclude=["tokenizer"]), True
    with_parse = candidates._from_parse
    events(docs[0])  # loads the parser
    best: dict[str, tuple[float, float, int]] = {}
    for _ in range(3):
        for mode in ("without", "with"):
            candidates._from_parse = with_parse if mode == "with" else (lambda *a: None)
            p0, s0 = events.parser.seconds, events.parser.sentences_parsed
            t = time.process_time()
            for doc in docs:
                events(doc)
            run = (time.process_time() - t, events.parser.seconds - p0, events.parser.sentences_parsed - s0)
            best[mode] = min(best.get(mode, run), run)
    candidates._from_parse = with_parse
    print(f"{n} articles of 400-600 words; events stage alone, CPU ms per article (fastest of 3)")
    for mode in ("without", "with"):
        cpu, parse_s, parsed = best[mode]
        line = f"{mode} the parse: events {1000 * cpu / n:.2f} ms/article"
        if parsed:
            line += (
                f"; parser {1000 * parse_s / n:.2f} ms/article, {parsed / n:.3f} sentences/article, "
                f"{1000 * parse_s / parsed:.2f} ms/sentence"
            )
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
