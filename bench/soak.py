"""Soak test: the property-based tests (tests/property) with many times their CI number of cases.

    python bench/soak.py                 # 20 times the CI cases (about 70,000)
    python bench/soak.py --scale 5 --only readers dates

Runs pytest on tests/property with KABAR_PROPERTY_SCALE=SCALE in a child process and prints,
per test and in all: cases run, failures, wall time and the child's peak resident memory
(which includes the loaded pipeline and its models). A failure prints hypothesis's
reproduction blob. The exit status is pytest's.
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import subprocess
import sys
import time

import _bench  # noqa: PLC2701 - one thread per library, the checkout first on sys.path

_TEST = re.compile(r"^(tests/property/\S+)::(\w+):$")
_CASES = re.compile(r"(\d+) passing, (\d+) failing")


def run(scale: float, only: list[str]) -> int:
    targets = [f"tests/property/test_{name}_properties.py" for name in only] or ["tests/property"]
    env = {**os.environ, "KABAR_PROPERTY_SCALE": str(scale)}
    cmd = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--hypothesis-show-statistics"]
    cmd += targets
    started = time.monotonic()
    done = subprocess.run(cmd, cwd=_bench.ROOT, env=env, capture_output=True, text=True)
    seconds = time.monotonic() - started
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    per_test: dict[str, list[int]] = {}
    current = None
    for line in done.stdout.splitlines():
        if m := _TEST.match(line.strip()):
            suite = m.group(1).removeprefix("tests/property/test_").removesuffix("_properties.py")
            current = f"{suite}.{m.group(2)}"
            per_test.setdefault(current, [0, 0])
        elif current and (m := _CASES.search(line)):
            per_test[current][0] += int(m.group(1))
            per_test[current][1] += int(m.group(2))
    print("| test | cases | failing |\n| --- | ---: | ---: |")
    for name, (passing, failing) in per_test.items():
        print(f"| {name} | {passing:,} | {failing} |")
    total = sum(p for p, _ in per_test.values())
    failing = sum(f for _, f in per_test.values())
    print(f"\nscale {scale:g}: {total:,} cases, {failing} failing, {seconds:.0f} s wall, "
          f"peak RSS {peak_mb:.0f} MB (pytest process, models loaded)")  # fmt: skip
    if done.returncode:
        print(done.stdout[-6000:], done.stderr[-2000:], sep="\n")
    return done.returncode


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--scale", type=float, default=20, help="times the CI number of cases (default 20)")
    suites = ["readers", "dates", "structure", "extract"]
    parser.add_argument("--only", nargs="*", default=[], choices=suites, help="these suites only")
    args = parser.parse_args()
    sys.exit(run(args.scale, args.only))


if __name__ == "__main__":
    main()
