"""Fewer garbage collections while the pipeline runs.

Extraction allocates tens of thousands of small objects per batch (tokens, spans, mentions)
that all live until the batch is done. With CPython's default threshold (a young collection
every 700 net allocations) the collector walked those survivors again and again: 1.3 ms of the
11.6 ms an article took (about 12%, measured on 600 corpus articles with Python 3.12). Almost
none of it is garbage, since reference counting frees the temporaries. Raising the young
threshold for the duration of a batch leaves the same objects alive and the same cycles
collected, only later (bench/results/pipeline.md).

Loading a pipeline is the extreme case: every object it makes survives, and the collections
that loading set off walked them all again and again (0.37 s of a 1.56 s load). Loading runs
with collections paused.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

# Net allocations between young collections while a batch runs (CPython's default is 700).
YOUNG_THRESHOLD = 10_000


@contextmanager
def _young_threshold(young: int) -> Iterator[None]:
    """The block runs with this young threshold; the caller's thresholds are restored after."""
    old = gc.get_threshold()
    gc.set_threshold(young, *old[1:])
    try:
        yield
    finally:
        gc.set_threshold(*old)


@contextmanager
def fewer_collections(young: int = YOUNG_THRESHOLD) -> Iterator[None]:
    """Run the block with young collections at most every `young` net allocations; the
    thresholds are restored after. A collector the caller disabled, or tuned to collect less
    often already, is left as it is."""
    old = gc.get_threshold()
    if not gc.isenabled() or old[0] == 0 or old[0] >= young:
        yield
        return
    with _young_threshold(young):
        yield


@contextmanager
def collections_paused() -> Iterator[None]:
    """Run the block without automatic garbage collections: for blocks whose objects all live on,
    such as loading a pipeline. The young threshold is set to 0, which stops them; switching the
    collector off would not do, since libraries switch it back on (srsly's msgpack reader, which
    spaCy loads models with, ends with `gc.enable()`). The thresholds are restored after."""
    with _young_threshold(0):
        yield
