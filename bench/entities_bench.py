"""Time the `entities` stage on real articles and dump its output for a precision check by eye.

    OMP_NUM_THREADS=1 taskset -c 0 python bench/entities_bench.py --n 300 [--politics] [--dump out.txt]
        [--batch 32] [--whole-text | --context N] [--no-model] [--same-as-single]

Reads ../shared/corpus/id-news.jsonl (never copied into the repository). The stages before
`entities` (structure, language, segment) run first and are not timed; the figure is the CPU
time of the entities stage alone (time.process_time, so other jobs on the machine count less),
per article, on one core. With `--batch N` the stage's `pipe` gets N articles at a time (as
`Pipeline.pipe` does) and each article is charged its batch's time divided by the batch size.
By default the NER reads only the stretches of text it can add something to (see
`kabar.entities.model.ModelReader.plan`); `--whole-text` makes it read everything (the earlier
behaviour), `--context N` sets how many words either side of a needed word it reads (0 = whole
sentences). `--same-as-single` also runs the stage one article at a time (same settings) and counts
the articles whose output differs from the measured run.

The `segment` stage's CPU time is printed too: the NER's input is built from the text view by
`entities` itself since the restructure (before, `segment` ran spaCy's tokenizer over the whole
body for it), so the two figures together compare across that change. With KABAR_BENCH_ROOT set
(see bench/_bench.py) the script measures another checkout, for figures before and after.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import time

import _bench  # noqa: F401, PLC2701 - one thread per library and the checkout on sys.path, first

from kabar.entities import Entities
from kabar.errors import KabarError
from kabar.pipeline import Pipeline

CORPUS = _bench.CORPUS.parent


def _signature(doc) -> str:
    art = doc.article
    return json.dumps(
        [
            [e.__dict__ | {"mentions": [m.__dict__ for m in e.mentions]} for e in art.entities],
            [m.__dict__ for m in doc.mentions],
        ],
        sort_keys=True,
        default=str,
    )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=300)
    ap.add_argument("--politics", action="store_true", help="use the 300 international-politics ids")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--dump", help="write every article's entities to this file")
    ap.add_argument("--no-model", action="store_true", help="run without the statistical NER model")
    ap.add_argument("--batch", type=int, default=0, help="run the stage's pipe() on batches of this size")
    ap.add_argument("--whole-text", action="store_true", help="the NER reads the whole text")
    ap.add_argument("--context", type=int, help="words either side of a needed word (0 = its sentence)")
    ap.add_argument("--same-as-single", action="store_true", help="check the output against one-by-one runs")
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
    pre = Pipeline("id", stages=("structure", "segment", "language"))
    segment_times: list[float] = []
    t0 = time.process_time()
    stage = Entities(pre.pack)
    init_s = time.process_time() - t0
    if args.no_model:
        stage.ner = None
    stage.skip_plain = not args.whole_text
    if args.context is not None:
        stage.model_context = args.context or None
    print(
        f"statistical NER model: {'on' if stage.ner is not None else 'off'}; "
        f"batch {args.batch or 'none (one article at a time)'}; NER reads "
        + (
            "the whole text"
            if args.whole_text
            else f"{getattr(stage, 'model_context', None) or 'sentence'} words either side"
        )
    )

    def prepared(row):
        doc = pre.make_document(row["text"], source=row["id"], id=row["id"])
        try:
            for s in pre.stages:
                t = time.process_time()
                s(doc)
                if s.name == "segment":
                    segment_times.append(time.process_time() - t)
        except KabarError:
            return None  # not an article (the structure stage says why); not the entities stage's time
        return doc

    docs = [d for d in (prepared(row) for row in rows) if d is not None]
    times: list[float] = []
    if args.batch:
        for k in range(0, len(docs), args.batch):
            batch = docs[k : k + args.batch]
            t = time.process_time()
            stage.pipe(batch)
            times.extend([(time.process_time() - t) / len(batch)] * len(batch))
    else:
        for doc in docs:
            t = time.process_time()
            stage(doc)
            times.append(time.process_time() - t)
    words = sum(len(doc.article.body.split()) for doc in docs)
    ents = sum(len(doc.article.entities) for doc in docs)
    if args.dump:
        with open(args.dump, "w", encoding="utf-8") as out:
            for doc in docs:
                out.write(f"### {doc.article.id} {doc.article.title or ''}\n")
                for e in doc.article.entities:
                    ms = "; ".join(sorted({m.text for m in e.mentions}))
                    fields = (e.id, e.type, e.name, e.country, e.actor_code, e.title, e.role, f"[{ms}]")
                    out.write("\t".join(str(f) for f in fields) + "\n")
    total = sum(times)
    n = len(times)
    print(f"articles {n}  words/article {words / n:.0f}  entities/article {ents / n:.1f}")
    p95 = sorted(times)[int(0.95 * n)]
    print(
        f"stage init {init_s:.2f} s CPU; per article mean {1000 * total / n:.2f} ms CPU, "
        f"median {1000 * statistics.median(times):.2f} ms, p95 {1000 * p95:.2f} ms"
        f"{' (batch means)' if args.batch else ''}; {n / total:.0f} articles/s; {words / total:.0f} words/s"
    )
    seg = statistics.mean(segment_times) * 1000
    print(
        f"segment stage: mean {seg:.2f} ms CPU/article; segment + entities {seg + 1000 * total / n:.2f} ms"
    )
    if args.same_as_single:
        measured = [_signature(doc) for doc in docs]
        differ = 0
        for doc, sig in zip(docs, measured, strict=True):
            stage(doc)
            differ += _signature(doc) != sig
        print(f"articles whose output differs from a one-by-one run: {differ} of {n}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
