"""`kabar ingest --jobs 2` against `--jobs 1`, as a user runs it (issue 14).

    python bench/ingest_jobs.py [--n 2000 [5000 ...]] [--repeats 3] [--jobs 1 2] [--corpus FILE]

Writes the first N lines of the corpus to a temporary JSON Lines file and runs the command line
`kabar ingest FILE --db NEW.duckdb --jobs J` for each J, taking turns, `--repeats` times, each
into a fresh store. The commands run in the environment this script was started in, with nothing
added: no thread variables (what kabar sets for itself is what a user gets). Prints the wall time
of every run, min and median per J, and the speed-up of each J over the first (min over min,
median over median, and run by run: each J against the first J's run just before it, which the
machine's drift from minute to minute affects least), with the machine's load average before and
after: the wall time counts whatever else the machine runs. Given two sizes or more, it also fits
each command's fixed start and cost per article to the medians, and says from how many articles
the speed-up reaches 1.6x, 1.7x and 1.8x: the start (imports and the pipeline's load, before the
workers fork) is paid once whatever the size, so a short run gains less from the second core than
a long one. It also says how many of kabar's modules have their bytecode cached: an editable
install under `PYTHONDONTWRITEBYTECODE` (this sandbox sets it) never caches it, and every command
then compiles kabar's sources again, 0.25-0.3 s of its start.
Without the corpus it prints SKIP and exits 0.
"""

from __future__ import annotations

import argparse
import importlib.util
import itertools
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "id-news.jsonl"


def run_ingest(inputs: Path, db: Path, jobs: int) -> float:
    """Wall seconds of one `kabar ingest` run (it must succeed)."""
    command = [sys.executable, "-m", "kabar", "ingest", str(inputs), "--db", str(db), "--jobs", str(jobs)]
    began = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, check=False)  # noqa: S603
    seconds = time.perf_counter() - began
    if done.returncode != 0:
        raise SystemExit(f"kabar ingest --jobs {jobs} failed ({done.returncode}):\n{done.stderr[-2000:]}")
    return seconds


def bytecode_state() -> str:
    """How many of the kabar modules that run have cached bytecode, and whether Python may write it."""
    spec = importlib.util.find_spec("kabar")
    folders = list(spec.submodule_search_locations or []) if spec else []
    sources = [path for folder in folders for path in Path(folder).rglob("*.py")]
    cached = 0
    for source in sources:
        compiled = Path(importlib.util.cache_from_source(str(source)))
        cached += compiled.exists() and compiled.stat().st_mtime >= source.stat().st_mtime
    writes = "no (PYTHONDONTWRITEBYTECODE is set)" if sys.dont_write_bytecode else "yes"
    return f"kabar bytecode cached for {cached} of {len(sources)} modules; Python writes bytecode: {writes}"


def _speedups(times: dict[int, list[float]], jobs: list[int], n: int) -> None:
    first = jobs[0]
    for j in jobs:
        best, median = min(times[j]), statistics.median(times[j])
        line = f"  --jobs {j}: min {best:.2f} s, median {median:.2f} s ({n / best:.1f} articles/s at best)"
        if j != first:
            line += (
                f"; speed-up over --jobs {first}: {min(times[first]) / best:.2f}x (min), "
                f"{statistics.median(times[first]) / median:.2f}x (median)"
            )
            # The machine's speed drifts over minutes (other tenants): the runs of one repeat
            # follow each other, so their ratio compares like with like.
            paired = [a / b for a, b in zip(times[first], times[j])]
            line += (
                f"\n    run by run: {', '.join(f'{x:.2f}x' for x in paired)}; "
                f"median {statistics.median(paired):.2f}x"
            )
        print(line)


def _fit(sizes: list[int], seconds: list[float]) -> tuple[float, float]:
    """Least-squares line through (articles, seconds): the fixed start (s) and seconds per article."""
    mean_n, mean_s = statistics.fmean(sizes), statistics.fmean(seconds)
    slope = sum((n - mean_n) * (s - mean_s) for n, s in zip(sizes, seconds)) / sum(
        (n - mean_n) ** 2 for n in sizes
    )
    return mean_s - slope * mean_n, slope


def _explain(runs: dict[int, dict[int, list[float]]], jobs: list[int]) -> None:
    """With two sizes or more: each command's fixed start and cost per article (fitted to the
    medians), and what they make of the speed-up at any size."""
    sizes = sorted(runs)
    fits = {j: _fit(sizes, [statistics.median(runs[n][j]) for n in sizes]) for j in jobs}
    first = jobs[0]
    start1, per1 = fits[first]
    print("fitted to the medians (seconds = start + articles x cost):")
    for j in jobs:
        start, per = fits[j]
        print(f"  --jobs {j}: start {start:.2f} s, {1000 * per:.2f} ms per article")
    for j in jobs[1:]:
        start, per = fits[j]
        if per <= 0:
            continue
        print(f"  --jobs {j} over --jobs {first}: {per1 / per:.2f}x per article, the limit of a long run")
        for target in (1.6, 1.7, 1.8):
            # (start1 + n per1) / (start + n per) >= target
            gain = per1 - target * per
            if gain > 0:
                need = max(0.0, (target * start - start1) / gain)
                print(f"    {target:.1f}x from about {need:,.0f} articles")
            else:
                print(f"    {target:.1f}x at no size")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, nargs="+", default=[2000], help="articles (several: fit start and cost)")
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    args = ap.parse_args(argv)
    if not args.corpus.exists():
        print(f"SKIP: no corpus at {args.corpus}")
        return 0
    set_here = sorted(v for v in os.environ if v.endswith("_NUM_THREADS") or v == "KABAR_THREADS_SET")
    print(f"Python {sys.version.split()[0]}, {os.cpu_count()} cores; thread variables: {set_here or 'none'}")
    print(bytecode_state())
    print(f"load average before: {os.getloadavg()[0]:.2f}")
    runs: dict[int, dict[int, list[float]]] = {}
    with tempfile.TemporaryDirectory(prefix="kabar-jobs-") as tmp:
        for n in args.n:
            inputs = Path(tmp) / f"articles-{n}.jsonl"
            with args.corpus.open(encoding="utf-8") as src, inputs.open("w", encoding="utf-8") as out:
                out.writelines(itertools.islice(src, n))
            times: dict[int, list[float]] = {j: [] for j in args.jobs}
            for r in range(args.repeats):
                for j in args.jobs:
                    seconds = run_ingest(inputs, Path(tmp) / f"n{n}-run{r}-jobs{j}.duckdb", j)
                    times[j].append(seconds)
                    print(f"{n} articles, run {r + 1}: --jobs {j}: {seconds:.2f} s")
            runs[n] = times
    print(f"load average after: {os.getloadavg()[0]:.2f}")
    for n in args.n:
        print(f"{n} articles:")
        _speedups(runs[n], args.jobs, n)
    if len(runs) >= 2:
        _explain(runs, args.jobs)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
