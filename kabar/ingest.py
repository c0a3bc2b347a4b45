"""Ingest: inputs -> readers -> pipeline -> rows -> store, in batches.

    >>> from kabar.ingest import ingest
    >>> report = ingest(["examples/"], "kabar.duckdb")          # read, extract, store

The path from an input to the rows stored for it is one, whatever stores them:

- `plan(records, known)` names each input (document key, content hash) and says whether it
  needs extracting (`known` holds what a store has already);
- `extract(tasks, pipeline)` runs the pipeline over those that do, batch-wise, and gives
  each input's `Outcome`: an article to store or the reason it failed;
- `kabar.store.rows.build_rows` turns the articles into rows of every per-article table.

`ingest` writes them into a DuckDB `Store` (which also links near-duplicates and merges
events across articles); `shard_rows` gives them as Arrow tables without any database, for
a writer of Parquet shards running the same path on other machines.
"""

from __future__ import annotations

import collections
import datetime as dt
import functools
import gc
import itertools
import logging
import os
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

import pyarrow as pa

from kabar.batching import batched
from kabar.collection import collections_paused, fewer_collections
from kabar.dedup import Deduplicator
from kabar.errors import InputError
from kabar.model import Article
from kabar.pipeline import Pipeline, get_pipeline
from kabar.readers import RawRecord, content_hash, read_inputs, record_key
from kabar.store import ItemRows, Store, StoreItem, build_rows, item_rows
from kabar.store.rows import Signer, failure_rows
from kabar.threads import limit_threads, threads_limited

log = logging.getLogger(__name__)

DEFAULT_BATCH = 200  # articles per transaction
PIPE_BATCH = 32  # documents the pipeline runs together (`Pipeline.pipe`): the NER is batched


@dataclass
class Task:
    """One input on its way to the store: read (or failed reading), named, maybe stored already."""

    source: str
    record: RawRecord | None = None  # None when reading failed
    key: str | None = None  # document key
    hash: str | None = None  # content key
    error: str | None = None  # why reading failed
    stored: bool = False  # stored with this content already: nothing to do

    @property
    def needs_extraction(self) -> bool:
        return self.record is not None and not self.stored


@dataclass
class Outcome:
    """What became of one input: an article to store, a failure, or nothing (stored already)."""

    source: str
    item: StoreItem | ItemRows | None = None  # rows when made in a worker
    error: str | None = None


def plan(
    records: Iterable[RawRecord | InputError],
    known: Callable[[list[tuple[str, str]]], set[tuple[str, str]]] | None = None,
) -> list[Task]:
    """A task per input; `known` (e.g. `Store.known`) tells which (key, hash) pairs are stored."""
    tasks = []
    for rec in records:
        if isinstance(rec, InputError):
            tasks.append(Task(rec.source, error=rec.reason))
        else:
            tasks.append(
                Task(rec.source, rec, record_key(rec), content_hash(rec.text, rec.metadata, rec.is_html))
            )
    if known is not None:
        stored = known([(str(t.key), str(t.hash)) for t in tasks if t.record is not None])
        for t in tasks:
            t.stored = t.record is not None and (t.key, t.hash) in stored
    return tasks


def _passed(task: Task) -> Outcome:
    """The outcome of a task that needs no extraction: stored already, or failed reading."""
    return Outcome(task.source, error=task.error)


def _internal_error(exc: BaseException) -> str:
    return f"internal error while extracting ({type(exc).__name__}: {exc})"


def extract(tasks: Sequence[Task], pipeline: Pipeline, pipe_batch: int = PIPE_BATCH) -> list[Outcome]:
    """The outcome of each task, in order, extracting articles batch-wise through `Pipeline.pipe`.

    A failure is always one input's own, never its batch's.
    """
    outcomes: list[Outcome | None] = [None if t.needs_extraction else _passed(t) for t in tasks]
    docs = []
    for i, task in enumerate(tasks):
        record = task.record
        if record is None or task.stored:
            continue
        try:
            doc = pipeline.make_document(
                record.text, record.source, is_html=record.is_html, **record.metadata
            )
        except InputError as exc:
            outcomes[i] = Outcome(exc.source or record.source, error=exc.reason)
            continue
        except Exception as exc:  # noqa: BLE001 - a bug must not stop a run over many inputs
            outcomes[i] = Outcome(record.source, error=_internal_error(exc))
            continue
        docs.append((i, doc))
    for (i, _doc), result in zip(docs, _run_pipeline(pipeline, [d for _, d in docs], pipe_batch)):
        task = tasks[i]
        assert task.record is not None
        if isinstance(result, InputError):
            outcomes[i] = Outcome(result.source or task.record.source, error=result.reason)
        else:
            outcomes[i] = Outcome(
                task.source, item=StoreItem(result, task.hash, task.record.source, task.key)
            )
    done = [o for o in outcomes if o is not None]
    assert len(done) == len(tasks), "every task has an outcome"
    return done


def _run_pipeline(pipeline: Pipeline, docs: list[Any], pipe_batch: int) -> list[Article | InputError]:
    """Each document's Article or error; should `Pipeline.pipe` itself break, one at a time."""
    try:
        results = [res for _, res in pipeline.pipe(docs, batch_size=max(1, pipe_batch))]
        if len(results) == len(docs):
            return results
        log.error(
            "Pipeline.pipe gave %d results for %d documents; running them one at a time",
            len(results),
            len(docs),
        )
    except Exception:  # noqa: BLE001 - pipe isolates stage failures; this is pipe itself failing
        log.exception("Pipeline.pipe failed on a batch of %d; running them one at a time", len(docs))
    results = []
    for doc in docs:
        try:
            results.append(pipeline.run(doc))
        except InputError as exc:
            results.append(exc)
        except Exception as exc:  # noqa: BLE001
            results.append(InputError(doc.source, _internal_error(exc)))
    return results


def shard_rows(
    records: Iterable[RawRecord | InputError],
    *,
    pipeline: Pipeline | None = None,
    lang: str = "id",
    now: dt.datetime | None = None,
    signature: Signer | None = None,
    pipe_batch: int = PIPE_BATCH,
) -> dict[str, pa.Table]:
    """The rows of a shard of inputs, as `kabar ingest` builds them, without a database: an
    Arrow table for each per-article table (articles, entities, mentions, quotes,
    event_mentions, signatures when `signature` is given) and for `failures`.

    Every input is extracted (nothing is known to be stored); two inputs with one document
    key both give rows (a store keeps the last). Near-duplicate links and the `events` merged
    across articles are steps over all shards (`kabar.store.merge`).
    """
    pipeline = pipeline or get_pipeline(lang)
    now = now or dt.datetime.now(dt.UTC)
    items: list[StoreItem | ItemRows] = []
    failures: list[tuple[str, str]] = []
    for chunk in batched(records, max(1, pipe_batch)):
        for outcome in extract(plan(chunk), pipeline, pipe_batch):
            if outcome.item is not None:
                items.append(outcome.item)
            elif outcome.error is not None:
                failures.append((outcome.source, outcome.error))
    tables = build_rows(items, now, signature).arrow()
    tables["failures"] = failure_rows(failures, now).table()
    return tables


# Worker processes ------------------------------------------------------------------


def _worker_init(lang: str) -> None:
    # Workers are the parallelism: each keeps to one numeric thread (unless the user chose).
    limit_threads()
    get_pipeline(lang)  # loaded once per worker, before its first task


@functools.cache
def _signer(scheme: tuple[int, int, int, int]) -> Deduplicator:
    num_perm, shingle, seed, min_shingles = scheme
    return Deduplicator(num_perm=num_perm, shingle=shingle, seed=seed, min_shingles=min_shingles)


def _extract_in_worker(
    tasks: list[Task], lang: str, pipe_batch: int, scheme: tuple[int, int, int, int]
) -> list[Outcome]:
    """A worker's share: the outcomes, each article as its rows (`item_rows`), signed for
    near-duplicates with the store's scheme, so that the one process that writes neither hashes
    every body's shingles nor builds rows, and the pipe carries tuples, not Article objects."""
    outcomes = extract(tasks, get_pipeline(lang), pipe_batch)
    signer = _signer(scheme)
    for outcome in outcomes:
        if isinstance(outcome.item, StoreItem):
            outcome.item = item_rows(outcome.item, signer.signature, scheme)
    return outcomes


# The run ---------------------------------------------------------------------------


def loaded_pipeline(lang: str) -> Pipeline:
    """The pipeline, loaded whole, then frozen out of the garbage collector's reach.

    It lives as long as the process, and every full collection of a run walked all its objects
    (0.1 s each). `gc.freeze()` moves every object alive at that moment to a generation that is
    never collected: nothing is lost for the pipeline, and in forked workers its memory pages
    stay shared (Python's advice for fork). Collections stay paused until the freeze: once
    resumed, the first one walked every object the load had made (0.1 s).
    """
    with collections_paused():
        pipeline = get_pipeline(lang)
        if lang not in _frozen:
            pipeline.warm()
            gc.freeze()
            _frozen.add(lang)
    return pipeline


_frozen: set[str] = set()


@dataclass
class IngestReport:
    db: str
    read: int = 0  # records read (articles and failed inputs)
    new: int = 0
    replaced: int = 0
    unchanged: int = 0
    failed: int = 0
    duplicates: int = 0
    events: int = 0
    batches: int = 0
    seconds: float = 0.0
    startup: float | None = None  # seconds until the first inputs were done (mostly loading the pipeline)
    startup_read: int = 0  # inputs done by then (the first batch extracted)
    failures: list[tuple[str, str]] = field(default_factory=list)

    @property
    def stored(self) -> int:
        return self.new + self.replaced

    @property
    def rate(self) -> float:
        """Inputs per second after the first batch was extracted (pipeline loading is not counted)."""
        if self.startup is not None and self.read > self.startup_read and self.seconds > self.startup:
            return (self.read - self.startup_read) / (self.seconds - self.startup)
        return self.read / self.seconds if self.seconds > 0 else 0.0


Progress = Callable[[IngestReport], None]


class _Run:
    """One ingest into an open store: tasks planned against it, outcomes written in batches."""

    def __init__(
        self,
        store: Store,
        batch_size: int,
        force: bool,
        on_record: Progress | None,
        on_batch: Progress | None,
    ):
        self.store, self.batch_size, self.force = store, batch_size, force
        self.on_record, self.on_batch = on_record, on_batch
        self.report = IngestReport(db=store.path)
        self.start = time.perf_counter()
        self.pending: list[StoreItem | ItemRows] = []
        self.failed: list[tuple[str, str]] = []

    def batches(self, records: Iterable[RawRecord | InputError]) -> Iterator[list[Task]]:
        """The records as tasks, one list per transaction batch."""
        known = None if self.force else self.store.known
        for chunk in batched(records, self.batch_size):
            yield plan(chunk, known)

    def take(self, outcome: Outcome) -> None:
        report = self.report
        report.read += 1
        if outcome.item is not None:
            self.pending.append(outcome.item)
        elif outcome.error is None:
            report.unchanged += 1
        else:
            self.failed.append((outcome.source, outcome.error))
            report.failures.append((outcome.source, outcome.error))
            report.failed += 1
        report.seconds = time.perf_counter() - self.start
        if self.on_record:
            self.on_record(report)

    def flush(self) -> None:
        if not self.pending and not self.failed:
            return
        res = self.store.write_batch(self.pending, self.failed, force=self.force)
        report = self.report
        report.new += res.new
        report.replaced += res.replaced
        report.unchanged += res.unchanged
        report.duplicates += res.duplicates
        report.events += res.events
        report.batches += 1
        report.seconds = time.perf_counter() - self.start
        self.pending.clear()
        self.failed.clear()
        if self.on_batch:
            self.on_batch(report)

    def started(self) -> None:
        # The rate counts from the end of the first batch extracted (pipeline loading excluded).
        if self.report.startup is None and self.report.read:
            self.report.startup = time.perf_counter() - self.start
            self.report.startup_read = self.report.read

    def serial(self, records: Iterable[RawRecord | InputError], lang: str, pipe_batch: int) -> None:
        for batch in self.batches(records):
            for part in batched(batch, pipe_batch):
                # The pipeline loads on the first article that needs extracting.
                needed = any(t.needs_extraction for t in part)
                outcomes = (
                    extract(part, loaded_pipeline(lang), pipe_batch) if needed else [_passed(t) for t in part]
                )
                for outcome in outcomes:
                    self.take(outcome)
                    if len(self.pending) + len(self.failed) >= self.batch_size:
                        self.flush()
                self.started()

    def parallel(
        self, pool: Any, jobs: int, records: Iterable[RawRecord | InputError], lang: str, pipe_batch: int
    ) -> None:
        """Workers extract pieces of `pipe_batch` inputs a few pieces ahead of this process,
        which takes their outcomes in input order and writes a batch whenever one fills.

        There is no barrier between batches: a worker that finishes its piece starts the next
        one at once, instead of waiting for the slowest piece of the batch (which left one of
        two cores idle at the end of every batch). At most `2 * jobs` pieces are in flight.
        Once the inputs are all read, pieces are written one by one (smaller transactions).
        """
        scheme = self.store.dedup_scheme()  # the stored signatures load later, while workers run
        work = functools.partial(_extract_in_worker, lang=lang, pipe_batch=pipe_batch, scheme=scheme)
        in_flight: collections.deque[Any] = collections.deque()

        def take_oldest() -> None:
            for outcome in in_flight.popleft().get():
                self.take(outcome)
                if len(self.pending) + len(self.failed) >= self.batch_size:
                    self.flush()
            self.started()

        for batch in self.batches(records):
            for piece in batched(batch, pipe_batch):
                in_flight.append(pool.apply_async(work, (piece,)))
                while len(in_flight) > 2 * max(1, jobs):
                    take_oldest()
        # The inputs are all read. Each piece is written as it comes while the workers finish the
        # others, so that the last write, which nothing else overlaps, is one piece, not a batch.
        while in_flight:
            take_oldest()
            if in_flight:
                self.flush()


def ingest(
    inputs: Iterable[str],
    db: str | os.PathLike[str] | None = None,
    *,
    batch_size: int = DEFAULT_BATCH,
    jobs: int = 1,
    lang: str = "id",
    force: bool = False,
    dedup_threshold: float | None = None,
    pipe_batch: int | None = None,
    on_record: Progress | None = None,
    on_batch: Progress | None = None,
) -> IngestReport:
    """Read every input, extract each article and store it; inputs that fail are recorded.

    Articles whose document key is stored with the same content are skipped before
    extraction, so running the same ingest again (or resuming one that was killed) only
    does the missing work. Articles are extracted `pipe_batch` at a time through
    `Pipeline.pipe` (default 32); `jobs` > 1 extracts in that many worker processes,
    while writing stays in this one. Once the pipeline is loaded, the objects alive in the
    process are frozen out of the garbage collector (`gc.freeze()`, see `loaded_pipeline`).
    """
    per = max(1, int(pipe_batch or PIPE_BATCH))
    # The first input is read before the database is locked: stdin or a FIFO with no writer
    # waits (and then fails, naming it) without holding the store from other processes.
    records = iter(read_inputs(inputs))
    records = itertools.chain(list(itertools.islice(records, 1)), records)
    pool = None
    if jobs > 1:
        import multiprocessing as mp

        # The pipeline loads once, here, and the workers forked below start with it: loading
        # it in each worker at once took both cores for longer than one load (and its memory
        # pages are shared until written). Workers start before the database is opened, so they
        # never inherit its state.
        loaded_pipeline(lang)
        pool = mp.get_context("fork").Pool(jobs, initializer=_worker_init, initargs=(lang,))
    try:
        store = Store(db, dedup_threshold=dedup_threshold)
    except BaseException:
        if pool is not None:
            pool.terminate()
        raise
    if pool is not None:
        # The cores are the workers': the writing process keeps DuckDB to one thread.
        store.con.execute("SET threads = 1")
    run = _Run(store, max(1, int(batch_size)), force, on_record, on_batch)
    try:
        # Most of what this process makes lives until its batch is written (outcomes, rows).
        with fewer_collections():
            if pool is None:
                with threads_limited():  # this process extracts: one thread, as a worker has
                    run.serial(records, lang, per)
            else:
                run.parallel(pool, jobs, records, lang, per)
            run.flush()
    finally:
        if pool is not None:
            pool.terminate()
            pool.join()
        store.close()
    run.report.seconds = time.perf_counter() - run.start
    return run.report
