"""One numeric thread per kabar process unless the user says otherwise.

numpy's OpenBLAS (and OpenMP, MKL, BLIS where present) start a thread per core in every
process. kabar's parallelism is processes (`--jobs`, Dask workers), so those threads only
fight over the same cores: with two ingest workers on two cores, `--jobs 2` was slower than
`--jobs 1` until each process kept to one thread.

    >>> from kabar.threads import limit_threads
    >>> limit_threads()          # the CLI does this first; ingest workers do it when they start

The environment variables are set for what loads later (and for child processes); pools
that are already loaded are limited through threadpoolctl. A variable the user set is left
alone, and so is every pool then: the user has chosen.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator, MutableMapping

THREAD_VARS = (
    "OMP_NUM_THREADS",
    "OPENBLAS_NUM_THREADS",
    "MKL_NUM_THREADS",
    "BLIS_NUM_THREADS",
    "VECLIB_MAXIMUM_THREADS",
    "NUMEXPR_NUM_THREADS",
)
# Set by `limit_threads` in this process tree, so a worker forked later knows the "1" it
# finds in its environment is kabar's choice, not the user's.
_MARK = "KABAR_THREADS_SET"


def user_thread_settings(environ: MutableMapping[str, str] | None = None) -> dict[str, str]:
    """The thread variables the user set (none of them set by kabar)."""
    env = os.environ if environ is None else environ
    ours = set(env.get(_MARK, "").split(","))
    return {var: env[var] for var in THREAD_VARS if var in env and var not in ours}


def limit_threads(threads: int = 1, environ: MutableMapping[str, str] | None = None) -> dict[str, str]:
    """Keep this process (and those it starts) to `threads` numeric threads, unless the user
    set any thread variable; returns the variables set here."""
    env = os.environ if environ is None else environ
    if user_thread_settings(env):
        return {}
    count = str(max(1, int(threads)))
    chosen = {var: count for var in THREAD_VARS}
    env.update(chosen)
    env[_MARK] = ",".join(THREAD_VARS)
    if environ is None:
        _limit_loaded_pools(int(count))
    return chosen


def _limit_loaded_pools(threads: int) -> None:
    """Limit thread pools loaded before the variables were set (numpy imported first, or a
    worker forked from a process that had them)."""
    try:
        from threadpoolctl import threadpool_limits
    except ImportError:  # pragma: no cover - a declared dependency; without it the variables still apply
        return
    threadpool_limits(limits=threads)


@contextlib.contextmanager
def threads_limited(threads: int = 1) -> Iterator[None]:
    """Keep the numeric thread pools loaded in this process to `threads` while the block runs,
    then give them back what they had; unless the user set a thread variable.

    For work kabar does inside someone else's process (`kabar.ingest.ingest` called from
    Python): there the pools are the caller's, so kabar limits them only for its own run. Left
    at one thread per core, OpenBLAS's idle threads spin beside spaCy's small matrix products
    and take a second core's time (a serial ingest of 2,000 articles: 10 s of system time).
    """
    if user_thread_settings():
        yield
        return
    try:
        from threadpoolctl import threadpool_limits
    except ImportError:  # pragma: no cover - a declared dependency
        yield
        return
    with threadpool_limits(limits=max(1, int(threads))):
        yield
