"""`kabar batch` on Dask: shards to workers, Parquet out, resumable, exactly once.

Each worker process loads the pipeline once (a worker plugin) and turns whole shards into
rows through the same path as `kabar ingest` (`kabar.ingest.shard_rows`), writing them into
the dataset folder itself: on a cluster that folder must be on a file system every worker
and the client see. The client alone writes the manifest, one line per finished shard, and
runs the merge step at the end.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import logging
import os
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

import pyarrow as pa

from kabar.batch.dataset import Dataset, ShardDone
from kabar.batch.merge import MergeReport, merge_dataset
from kabar.batch.shards import Shard, default_shard_bytes, plan_shards
from kabar.dedup import Deduplicator
from kabar.errors import InputError
from kabar.store.rows import Signer, failure_rows

log = logging.getLogger(__name__)

DEFAULT_RETRIES = 2  # a shard that fails is tried this many more times, then recorded as failed


@dataclass
class BatchReport:
    shards: int = 0  # in the inputs
    skipped: int = 0  # finished by an earlier run
    processed: int = 0  # finished by this run
    failed: list[tuple[str, str]] = field(default_factory=list)  # (shard, reason)
    articles: int = 0
    failures: int = 0  # inputs that could not be read or extracted
    merge: MergeReport | None = None
    dashboard: str | None = None


@functools.cache
def _signer() -> Signer:
    return Deduplicator().signature


def process_shard(shard: Shard, root: str, lang: str) -> ShardDone:
    """Run on a worker: a shard's rows, written into the dataset."""
    from kabar.ingest import shard_rows
    from kabar.pipeline import get_pipeline

    tables = shard_rows(shard.records(), pipeline=get_pipeline(lang), signature=_signer())
    Dataset(root).write_shard(shard.id, tables)
    return ShardDone(
        id=shard.id,
        label=shard.label,
        articles=tables["articles"].num_rows,
        failures=tables["failures"].num_rows,
        finished_at=dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
    )


def pipeline_loader(lang: str):  # noqa: ANN202 - distributed's WorkerPlugin, imported lazily
    from distributed.diagnostics.plugin import WorkerPlugin

    class PipelineLoader(WorkerPlugin):
        """Loads the pipeline once in each worker, before its first shard."""

        name = f"kabar-pipeline-{lang}"

        def setup(self, worker) -> None:  # noqa: ANN001
            from kabar.ingest import loaded_pipeline
            from kabar.threads import limit_threads

            limit_threads()
            loaded_pipeline(lang)  # loaded whole and frozen out of the collector, as in `kabar ingest`

    return PipelineLoader()


@contextlib.contextmanager
def _client(scheduler: str | None, workers: int | None) -> Iterator[Any]:
    """A client of the given scheduler, or of a local cluster closed with it."""
    from distributed import Client, LocalCluster

    if scheduler:
        with Client(scheduler) as client:
            yield client
        return
    available = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    count = workers or max(1, available)
    with (
        LocalCluster(
            n_workers=count,
            threads_per_worker=1,
            processes=True,
            dashboard_address=":0",
            silence_logs=logging.ERROR,
        ) as cluster,
        Client(cluster) as client,
    ):
        yield client


def _dashboard(client) -> str | None:  # noqa: ANN001
    try:
        import bokeh  # noqa: F401 - the dashboard needs it
    except ImportError:
        return None
    return str(client.dashboard_link)


def _record_failed_shard(dataset: Dataset, shard: Shard, reason: str) -> None:
    """A shard that failed every try: one `failures` row naming it (redone by a later run)."""
    now = dt.datetime.now(dt.UTC)
    failures = failure_rows([(shard.label, reason)], now).table()
    dataset.write_shard(shard.id, {"articles": _empty("articles"), "failures": failures})


def _empty(name: str) -> pa.Table:
    from kabar.store.schema import arrow_schema

    return arrow_schema(name).empty_table()


def _write_plan_problems(dataset: Dataset, problems: Sequence[InputError]) -> None:
    now = dt.datetime.now(dt.UTC)
    rows = failure_rows([(p.source, p.reason) for p in problems], now).table()
    dataset.clear_shard("inputs")
    if rows.num_rows:
        dataset.write_shard("inputs", {"articles": _empty("articles"), "failures": rows})


def run_batch(
    inputs: Sequence[str],
    out: str,
    *,
    scheduler: str | None = None,
    workers: int | None = None,
    lang: str = "id",
    shard_bytes: int | None = None,
    retries: int = DEFAULT_RETRIES,
    on_shard: Callable[[ShardDone | None, int], None] | None = None,
    on_start: Callable[[BatchReport], None] | None = None,
) -> BatchReport:
    """Extract every input on a Dask cluster into the Parquet dataset `out`; shards finished by
    an earlier run are skipped. `on_shard(entry, total)` follows progress (entry None: failed).

    `shard_bytes` (default: from the inputs' size, see `default_shard_bytes`) is fixed by the
    dataset's first run; later runs reuse it."""
    from distributed import as_completed

    dataset = Dataset(out)
    dataset.create_or_open()
    shard_bytes = dataset.shard_bytes(shard_bytes, default_shard_bytes(inputs))
    shards, problems = plan_shards(inputs, shard_bytes)
    _write_plan_problems(dataset, problems)
    done = dataset.done()
    todo = [s for s in shards if s.id not in done]
    report = BatchReport(shards=len(shards), skipped=len(shards) - len(todo), failures=len(problems))
    for shard in todo:
        dataset.clear_shard(shard.id)
    root = str(dataset.root.resolve())
    if todo:
        with _client(scheduler, workers) as client:
            report.dashboard = _dashboard(client)
            if on_start:
                on_start(report)
            client.register_plugin(pipeline_loader(lang))
            by_key = {}
            futures = []
            for shard in todo:
                future = client.submit(
                    process_shard,
                    shard,
                    root,
                    lang,
                    key=f"kabar-shard-{shard.id}",
                    retries=retries,
                    pure=False,
                )
                by_key[future.key] = shard
                futures.append(future)
            for future in as_completed(futures):
                shard = by_key[future.key]
                try:
                    entry: ShardDone = future.result()
                except Exception as exc:  # noqa: BLE001 - a shard never stops the run
                    reason = f"shard failed after {retries + 1} tries ({type(exc).__name__}: {exc})"
                    log.warning("%s: %s", shard.label, reason)
                    _record_failed_shard(dataset, shard, reason)
                    report.failed.append((shard.label, reason))
                    if on_shard:
                        on_shard(None, len(todo))
                    continue
                dataset.record_done(entry)
                report.processed += 1
                report.articles += entry.articles
                report.failures += entry.failures
                if on_shard:
                    on_shard(entry, len(todo))
    report.merge = merge_dataset(dataset)
    return report
