"""Ingest rate into DuckDB on real articles (../shared/corpus/id-news.jsonl).

    OMP_NUM_THREADS=1 python bench/ingest_rate.py [--n 2000] [--batch 200] [--pipe-batch 32]
        [--jobs 1 2] [--corpus ../shared/corpus/id-news.jsonl]

Takes the first N articles of the corpus (skips with a message when it is absent) and
measures, each into a fresh store:

1. `kabar ingest` as a library call (read, extract, dedup, store): first extracting one
   article at a time (pipe batches of 1, as `kabar ingest` did before batching), then through
   `Pipeline.pipe` in batches of --pipe-batch with 1 extraction process and with each further
   --jobs value (extraction in worker processes, writing in one);
2. the same ingest again on the filled store (every article unchanged: hashing and lookups only);
3. extraction alone, one article at a time (`extract_record`) and batched (`Pipeline.pipe`),
   taking turns --rounds times (median kept), so the gain of batching is visible;
4. the store alone: the same articles extracted beforehand, then written with
   `Store.write_batch` in batches, so the store's own cost per article is visible.

It prints articles/s for each, the share of time the store takes in a full ingest, and the
machine's load average before and after (the machine may be shared).
"""

from __future__ import annotations

import os

import _bench  # noqa: E402,F401  (one thread per library, before numpy is imported)

import argparse  # noqa: E402
import statistics  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

ROOT = _bench.ROOT

CORPUS = _bench.CORPUS


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=2000, help="articles to ingest (first N of the corpus)")
    ap.add_argument("--batch", type=int, default=200, help="articles per transaction")
    ap.add_argument("--pipe-batch", type=int, default=32, help="articles per Pipeline.pipe batch")
    ap.add_argument("--jobs", type=int, nargs="*", default=[1, 2], help="extraction processes to try")
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--rounds", type=int, default=2, help="turns of extraction alone, one at a time vs pipe")
    args = ap.parse_args()
    if not args.corpus.exists():
        print(f"skipped: {args.corpus} is not present (../shared is not beside the repository)")
        return 0

    from kabar.pipeline import get_pipeline
    from kabar.ingest import ingest
    from kabar.readers import RawRecord, content_hash, read_inputs, record_key
    from kabar.store import Store, StoreItem

    load_before = os.getloadavg()
    print(f"load average before: {load_before[0]:.2f} {load_before[1]:.2f} {load_before[2]:.2f} "
          f"on {os.cpu_count()} cores")  # fmt: skip

    with tempfile.TemporaryDirectory() as tmp:
        sample = Path(tmp) / "sample.jsonl"
        with args.corpus.open(encoding="utf-8") as src, sample.open("w", encoding="utf-8") as dst:
            for i, line in enumerate(src):
                if i >= args.n:
                    break
                dst.write(line)
        words = 0
        records = [r for r in read_inputs([str(sample)]) if isinstance(r, RawRecord)]
        for r in records:
            words += len(r.text.split())
        print(f"{len(records)} articles from {args.corpus.name}, {words / max(1, len(records)):.0f} words on average")

        t0 = time.perf_counter()
        pipeline = get_pipeline("id")
        print(f"pipeline load: {time.perf_counter() - t0:.2f} s (not counted below)")
        # Warm-up: one untimed pass, so every timed run below meets the same warm caches.
        for r in records:
            try:
                pipeline.extract_record(r)
            except Exception:  # noqa: BLE001
                pass

        results = []
        first_db = None
        # As `kabar ingest` extracted before batching: one article at a time (batches of 1).
        db = str(Path(tmp) / "ingest-one-at-a-time.duckdb")
        report = ingest([str(sample)], db, batch_size=args.batch, jobs=1, pipe_batch=1)
        results.append(("ingest, 1 process, one at a time", report.read, report.seconds, report.failed))
        for jobs in args.jobs:
            db = str(Path(tmp) / f"ingest-j{jobs}.duckdb")
            report = ingest([str(sample)], db, batch_size=args.batch, jobs=jobs, pipe_batch=args.pipe_batch)
            if first_db is None:
                first_db = db
            label = f"ingest, {jobs} process{'es' if jobs > 1 else ''}, pipe({args.pipe_batch})"
            results.append((label, report.read, report.seconds, report.failed))
            if jobs == args.jobs[0]:
                with Store(db, read_only=True) as s:
                    counts = s.counts()
                print(f"  stored: {', '.join(f'{n:,} {t}' for t, n in counts.items())}")
                if report.failures:
                    print(f"  failures: {report.failed}, e.g. {report.failures[0][1][:120]}")

        assert first_db is not None
        again = ingest([str(sample)], first_db, batch_size=args.batch)
        results.append(("ingest again (all unchanged)", again.read, again.seconds, again.failed))

        # Extraction alone, one at a time and batched, taking turns (--rounds times each, the
        # median kept) so that a change in the machine's load hits both alike.
        def one_at_a_time() -> tuple[float, int, list]:
            t0, failed = time.perf_counter(), 0
            for r in records:
                try:
                    pipeline.extract_record(r)
                except Exception:  # noqa: BLE001
                    failed += 1
            return time.perf_counter() - t0, failed, []

        def batched() -> tuple[float, int, list]:
            t0, done, docs, kept = time.perf_counter(), [], [], []
            for r in records:
                try:
                    docs.append(pipeline.make_document(r.text, r.source, is_html=r.is_html, **r.metadata))
                    kept.append(r)
                except Exception:  # noqa: BLE001 - counted as failed below
                    pass
            for (_doc, result), r in zip(pipeline.pipe(docs, batch_size=args.pipe_batch), kept):
                if not isinstance(result, Exception):
                    done.append(StoreItem(result, content_hash(r.text, r.metadata, r.is_html), r.source, record_key(r)))
            return time.perf_counter() - t0, len(records) - len(done), done

        singles, pipes, items = [], [], []
        for _ in range(max(1, args.rounds)):
            singles.append(one_at_a_time())
            pipes.append(batched())
            items = pipes[-1][2]
        single_s, pipe_s = statistics.median(x[0] for x in singles), statistics.median(x[0] for x in pipes)
        results.append((f"extraction alone, one at a time (median of {len(singles)})", len(records), single_s,
                        singles[0][1]))  # fmt: skip
        results.append((f"extraction alone, pipe({args.pipe_batch}) (median of {len(pipes)})", len(records), pipe_s,
                        pipes[0][1]))  # fmt: skip
        db = str(Path(tmp) / "store-only.duckdb")
        with Store(db) as store:
            t0 = time.perf_counter()
            for i in range(0, len(items), args.batch):
                store.write_batch(items[i : i + args.batch])
            store_s = time.perf_counter() - t0
        results.append(("store alone (write_batch)", len(items), store_s, 0))

    print(f"\n{'run':<48} {'articles':>9} {'seconds':>8} {'articles/s':>11} {'failed':>7}")
    for label, n, secs, failed in results:
        print(f"{label:<48} {n:>9} {secs:>8.2f} {n / secs if secs else 0:>11.1f} {failed:>7}")
    full = results[1][2]
    print(f"\nstore share of a single-process ingest: {store_s / full:.0%} "
          f"({store_s / max(1, len(items)) * 1000:.2f} ms per article)")  # fmt: skip
    load_after = os.getloadavg()
    print(f"load average after: {load_after[0]:.2f} {load_after[1]:.2f} {load_after[2]:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
