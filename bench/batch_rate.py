"""`kabar batch` throughput with 1 and 2 Dask workers, and a worker's memory.

    python bench/batch_rate.py [--n 2000] [--repeats 3] [--corpus ../shared/corpus/id-news.jsonl]

Writes the first N corpus articles to a temporary JSON Lines file, then for each worker count
runs `kabar.batch.run_batch` on a fresh LocalCluster into a new folder, `--repeats` times, and
prints articles/s (min and median of the wall times; the cluster's start is timed apart),
the speed-up of 2 workers over 1, and the resident memory of a worker after its pipeline
loaded and after the run (per article: the growth over the run divided by its articles).
Without the corpus it prints SKIP and exits 0. Threads are left as a user's run leaves them:
kabar limits each worker to one BLAS/OpenMP thread itself.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
CORPUS = ROOT.parent / "shared" / "corpus" / "id-news.jsonl"


def worker_rss(client) -> list[float]:  # noqa: ANN001
    import psutil

    return [m / 1e6 for m in client.run(lambda: psutil.Process().memory_info().rss).values()]


def one_run(inputs: list[str], workers: int, out: Path) -> dict[str, float]:
    from distributed import Client, LocalCluster

    from kabar.batch.dataset import Dataset
    from kabar.batch.merge import merge_dataset
    from kabar.batch.runner import pipeline_loader, process_shard
    from kabar.batch.shards import default_shard_bytes, plan_shards

    started = time.perf_counter()
    with (
        LocalCluster(
            n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        Client(cluster) as client,
    ):
        client.register_plugin(pipeline_loader("id"))
        ready = time.perf_counter()
        loaded = worker_rss(client)
        dataset = Dataset(out)
        dataset.create_or_open()
        shards, _ = plan_shards(inputs, shard_bytes=default_shard_bytes(inputs))  # as `kabar batch` cuts them
        futures = client.map(process_shard, shards, root=str(out), lang="id", pure=False)
        entries = client.gather(futures)
        for entry in entries:
            dataset.record_done(entry)
        merge_dataset(dataset)
        finished = time.perf_counter()
        after = worker_rss(client)
    articles = sum(e.articles for e in entries)
    return {
        "articles": articles,
        "cluster_start_s": ready - started,
        "run_s": finished - ready,
        "rss_loaded_mb": max(loaded),
        "rss_after_mb": max(after),
        "kb_per_article": (max(after) - max(loaded)) * 1000 / max(1, articles / workers),
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    ap.add_argument("--n", type=int, default=2000)
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    args = ap.parse_args()
    if not args.corpus.exists():
        print(f"SKIP: no corpus at {args.corpus}")
        return 0
    with tempfile.TemporaryDirectory(prefix="kabar-batch-bench-") as tmp:
        sample = Path(tmp) / "sample.jsonl"
        with args.corpus.open(encoding="utf-8") as src, sample.open("w", encoding="utf-8") as dst:
            for i, line in enumerate(src):
                if i >= args.n:
                    break
                dst.write(line)
        results: dict[int, list[dict[str, float]]] = {}
        for workers in (1, 2):
            for k in range(args.repeats):
                run = one_run([str(sample)], workers, Path(tmp) / f"out-{workers}-{k}")
                results.setdefault(workers, []).append(run)
                print(
                    f"workers={workers} run {k + 1}: {run['articles'] / run['run_s']:.1f} articles/s "
                    f"({run['run_s']:.1f} s; cluster start {run['cluster_start_s']:.1f} s)",
                    flush=True,
                )
    rate = {w: [r["articles"] / r["run_s"] for r in runs] for w, runs in results.items()}
    print("\n| workers | articles/s (best) | articles/s (median) | worker RSS loaded | after | KB/article |")
    print("| --- | --- | --- | --- | --- | --- |")
    for w, runs in results.items():
        print(
            f"| {w} | {max(rate[w]):.1f} | {statistics.median(rate[w]):.1f} | "
            f"{statistics.median(r['rss_loaded_mb'] for r in runs):.0f} MB | "
            f"{statistics.median(r['rss_after_mb'] for r in runs):.0f} MB | "
            f"{statistics.median(r['kb_per_article'] for r in runs):.1f} |"
        )
    print(
        f"\n2 workers / 1 worker: {max(rate[2]) / max(rate[1]):.2f}x (best), "
        f"{statistics.median(rate[2]) / statistics.median(rate[1]):.2f}x (median); target >= 1.7x"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
