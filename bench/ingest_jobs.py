"""`kabar ingest --jobs 2` against `--jobs 1`, as a user runs it (issue 14).

    python bench/ingest_jobs.py [--n 2000] [--repeats 3] [--jobs 1 2] [--corpus FILE]

Writes the first N lines of the corpus to a temporary JSON Lines file and runs the command
line `kabar ingest FILE --db NEW.duckdb --jobs J` for each J, taking turns, `--repeats` times,
each into a fresh store. The commands run in the environment this script was started in, with
nothing added: no thread variables (what kabar sets for itself is what a user gets). Prints the
wall time of every run, min and median per J, and the speed-up of each J over the first (min
over min, median over median), with the machine's load average before and after: the wall
time counts whatever else the machine runs. Without the corpus it prints SKIP and exits 0.
"""

from __future__ import annotations

import argparse
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


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=2000)
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    args = ap.parse_args(argv)
    if not args.corpus.exists():
        print(f"SKIP: no corpus at {args.corpus}")
        return 0
    set_here = sorted(v for v in os.environ if v.endswith("_NUM_THREADS") or v == "KABAR_THREADS_SET")
    print(f"Python {sys.version.split()[0]}, {os.cpu_count()} cores; thread variables: {set_here or 'none'}")
    print(f"load average before: {os.getloadavg()[0]:.2f}")
    times: dict[int, list[float]] = {j: [] for j in args.jobs}
    with tempfile.TemporaryDirectory(prefix="kabar-jobs-") as tmp:
        inputs = Path(tmp) / "articles.jsonl"
        with args.corpus.open(encoding="utf-8") as src, inputs.open("w", encoding="utf-8") as out:
            out.writelines(itertools.islice(src, args.n))
        for r in range(args.repeats):
            for j in args.jobs:
                seconds = run_ingest(inputs, Path(tmp) / f"run{r}-jobs{j}.duckdb", j)
                times[j].append(seconds)
                print(f"run {r + 1}: --jobs {j}: {seconds:.2f} s")
    print(f"load average after: {os.getloadavg()[0]:.2f}")
    first = args.jobs[0]
    for j in args.jobs:
        best, median = min(times[j]), statistics.median(times[j])
        line = f"--jobs {j}: min {best:.2f} s, median {median:.2f} s ({args.n / best:.1f} articles/s at best)"
        if j != first:
            line += (
                f"; speed-up over --jobs {first}: {min(times[first]) / best:.2f}x (min), "
                f"{statistics.median(times[first]) / median:.2f}x (median)"
            )
        print(line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
