"""Quotes stage on real text: share of quotes with a speaker, and the stage's own speed.

    python bench/quotes_bench.py [--source detik.com] [--n 0] [--speed 400] [--repeat 5]
        [--corpus ../shared/corpus/id-news.jsonl] [--dump FILE]

Runs the pipeline up to the quotes stage (structure, language, segment, entities) on every
article of the corpus from `--source` (`all`: every source; all of them, or the first `--n`), then
the quotes stage,
and prints: articles, quotes (direct / indirect), the share with a speaker (`speaker_name` set)
and the share linked to an entity (`speaker` set). Speed: the quotes stage alone, on the first
`--speed` articles, best of `--repeat` passes, in ms per article (CPU time of the process).
`--dump FILE` writes one line per quote (article id, kind, speaker name, offsets) for diffing two
versions; it holds no article text. Without the corpus it prints SKIP and exits 0.

To compare two versions of the stage on the same input, run both with the same `--cache`; the
stage's code comes from whichever `kabar` is imported (a `git worktree` on `PYTHONPATH`).
"""

from __future__ import annotations

import argparse
import json
import pickle
import time
from pathlib import Path

import _bench  # noqa: PLC2701 - one thread per library and the checkout on sys.path, before kabar

ROOT = _bench.ROOT

DEFAULT_CORPUS = _bench.CORPUS


def read_docs(args, pipe) -> list:
    docs, skipped = [], 0
    with args.corpus.open(encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            if args.source != "all" and rec.get("source") != args.source:
                continue
            try:
                doc = pipe.make_document(rec["text"], rec["id"])
                pipe.run(doc)
            except Exception:  # noqa: BLE001 - an article the earlier stages reject is counted, skipped
                skipped += 1
            else:
                docs.append(doc)
            if args.n and len(docs) >= args.n:
                break
    if skipped:
        print(f"{skipped} articles rejected by the earlier stages, skipped")
    return docs


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--source", default="detik.com")
    ap.add_argument("--n", type=int, default=0, help="first N articles of the source (0: all)")
    ap.add_argument("--speed", type=int, default=400)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--dump", type=Path)
    ap.add_argument(
        "--cache",
        type=Path,
        help="pickle of the documents after the entities stage: "
        "read if present, else written (to compare two versions of this stage on the same input)",
    )
    args = ap.parse_args()
    if not args.corpus.exists():
        print(f"SKIP: {args.corpus} not found")
        return 0

    from kabar.pipeline import Pipeline
    from kabar.quotes import QuoteFinder

    pipe = Pipeline(stages=("structure", "segment", "language", "entities"))
    finder = QuoteFinder(pipe.pack)
    docs = []
    if args.cache and args.cache.exists():
        docs = pickle.loads(args.cache.read_bytes())
    else:
        docs = read_docs(args, pipe)
        if args.cache:
            for doc in docs:
                doc.pack = None
            args.cache.write_bytes(pickle.dumps(docs))

    n_quotes = n_direct = n_named = n_linked = 0
    words = 0
    dump = args.dump.open("w", encoding="utf-8") if args.dump else None
    for doc in docs:
        finder(doc)
        words += len(doc.article.body.split())
        for q in doc.article.quotes:
            n_quotes += 1
            n_direct += q.kind == "direct"
            n_named += bool(q.speaker_name)
            n_linked += bool(q.speaker)
            if dump:
                dump.write(f"{doc.source}\t{q.start}\t{q.end}\t{q.kind}\t{q.speaker_name}\t{q.speaker}\n")
    if dump:
        dump.close()

    sample = docs[: args.speed]
    best = float("inf")
    for _ in range(args.repeat):
        t0 = time.process_time()
        for doc in sample:
            finder(doc)
        best = min(best, time.process_time() - t0)
    sample_words = sum(len(d.article.body.split()) for d in sample) / max(1, len(sample))

    print(f"source {args.source}: {len(docs)} articles, {words / max(1, len(docs)):.0f} words on average")
    print(f"quotes {n_quotes} (direct {n_direct}, indirect {n_quotes - n_direct})")
    named, linked = n_named / max(1, n_quotes), n_linked / max(1, n_quotes)
    print(f"with a speaker: {named:.1%}; linked to an entity: {linked:.1%}")
    print(
        f"speed (quotes stage only, first {len(sample)} articles, {sample_words:.0f} words on average, "
        f"best of {args.repeat}): {1000 * best / max(1, len(sample)):.2f} ms/article"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
