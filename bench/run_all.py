"""Rerun the benchmarks behind bench/RESULTS.md with one command, so that figures reproduce.

    python bench/run_all.py [--only pipeline_throughput,memory_load] [--repeats 3] [--quick]
        [--python /path/to/python3.12] [--repo ../other-checkout] [--out bench/results/run-DATE]

Runs each benchmark script `--repeats` times (default 3), each run a fresh process, one after
the other, and keeps from every run the figures the script reports (read from its `--json`
file where it writes one, else from the lines it prints). For each figure it gives the min and
the median over the runs. It records the machine (CPU model, cores, memory, load average),
the Python version of the interpreter that ran the scripts, the thread settings
(OMP/OPENBLAS/MKL/BLIS variables as the scripts see them, and the BLAS thread pool numpy
loads) and the exact commands.

It writes `summary.json` and every run's output (`<bench>-runN.txt`, and `.json` where the
script writes one) into the output folder (default `bench/results/run-<UTC date and time>/`;
figures only, never article text), and prints a markdown table to paste into bench/RESULTS.md.

`--python` runs the scripts with another interpreter (for Python 3.11 and 3.12 side by side;
it needs kabar's dependencies). `--repo DIR` measures the kabar of another checkout with these
scripts (figures before and after a change, taken by the same measuring code). The scripts
pin BLAS/OpenMP threads to 1 unless the environment sets them; `--threads N` sets them for
the runs, `--threads user` leaves the environment as the user has it (the scripts still pin
what is unset). A benchmark that fails is reported with its exit code and the end of its
output, and the others still run.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import re
import shlex
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

# The environment as the user has it, before _bench pins threads in this process.
USER_ENV = dict(os.environ)

import _bench  # noqa: E402, PLC2701 - the bench scripts' shared set-up, beside this file

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "results"

Figures = dict[str, float]


@dataclass(frozen=True)
class Figure:
    """One number a script prints: a label, the pattern whose first group is the number, the unit."""

    label: str
    pattern: str
    unit: str

    def read(self, text: str) -> float | None:
        m = re.search(self.pattern, text, re.MULTILINE)
        return float(m.group(1).replace(",", "")) if m else None


@dataclass(frozen=True)
class Bench:
    name: str
    args: tuple[str, ...]
    quick_args: tuple[str, ...]
    figures: tuple[Figure, ...] = ()
    writes_json: bool = False  # takes --json FILE
    table_rows: bool = False  # prints `label  n  seconds  articles/s  failed` rows (ingest_rate)

    @property
    def script(self) -> Path:
        return HERE / f"{self.name}.py"


def _pipeline_figures(data: dict) -> Figures:
    """The figures of bench/pipeline_throughput.py's JSON."""
    out = {
        "articles/s, batched (articles/s)": data["articles_per_s_batched"],
        "articles/s, one at a time (articles/s)": data["articles_per_s"],
        "500-word articles/s, faster run (articles/s)": data["articles_per_s_per_500_words"],
        "pipeline / tokenizer time (x)": data["ratio_to_tokenizer"],
        "pipeline load in process (s)": data["pipeline_load_s"],
    }
    for stage, ms in data["stage_ms_per_article"].items():
        out[f"stage {stage} (ms/article)"] = ms
    return out


JSON_READERS: dict[str, Callable[[dict], Figures]] = {"pipeline_throughput": _pipeline_figures}

BENCHES = (
    Bench("pipeline_throughput", ("--n", "1000"), ("--n", "200"), writes_json=True),
    Bench(
        "memory_load",
        ("--n", "500"),
        ("--n", "100", "--load-runs", "1"),
        (
            Figure("load, wall, median", r"^\| load: [^|]*\| ([\d.]+) s \|", "s"),
            Figure("load, CPU, median", r"^\| the same in CPU time[^|]*\| ([\d.]+) s \|", "s"),
            Figure("peak RSS", r"^\| peak RSS after \d+ articles \| ([\d.]+) MB", "MB"),
        ),
    ),
    Bench(
        "events_bench",
        ("--n", "400"),
        ("--n", "100"),
        (
            Figure("events stage, mean", r"events stage: [\d.]+ articles/s, mean ([\d.]+) ms", "ms/article"),
            Figure("whole pipeline", r"^whole pipeline: ([\d.]+) articles/s", "articles/s"),
            Figure("factual events per article", r"factual \d+ \(([\d.]+)/article\)", "events"),
            Figure("articles with a factual event", r"articles with a factual event: (\d+)", "articles"),
        ),
    ),
    Bench(
        "quotes_bench",
        ("--n", "400", "--speed", "200"),
        ("--n", "100", "--speed", "50", "--repeat", "2"),
        (
            Figure("quotes with a speaker", r"with a speaker: ([\d.]+)%", "%"),
            Figure("quotes linked to an entity", r"linked to an entity: ([\d.]+)%", "%"),
            Figure("quotes stage", r"\): ([\d.]+) ms/article", "ms/article"),
        ),
    ),
    Bench(
        "entities_bench",
        ("--n", "300", "--batch", "32"),
        ("--n", "60", "--batch", "32"),
        (
            Figure("entities stage, mean", r"per article mean ([\d.]+) ms CPU", "ms/article"),
            Figure("entities per article", r"entities/article ([\d.]+)", "entities"),
        ),
    ),
    Bench(
        "dyad_query",
        ("--events", "1000000"),
        ("--events", "100000"),
        (
            Figure("slowest dyad query", r"slowest ([\d.]+) s\)", "s"),
            Figure("`kabar dyad` whole command", r"\(whole command\): ([\d.]+) s", "s"),
        ),
    ),
    Bench("ingest_rate", ("--n", "1000", "--jobs", "1", "2"), ("--n", "200", "--jobs", "1"), table_rows=True),
)

_TABLE_ROW = re.compile(r"^(\S.*?)\s+(\d+)\s+([\d.]+)\s+([\d.]+)\s+(\d+)$", re.MULTILINE)


def read_figures(bench: Bench, stdout: str, json_path: Path | None) -> Figures:
    """The figures of one run, keyed 'label (unit)'."""
    if bench.writes_json and json_path is not None and json_path.is_file():
        return JSON_READERS[bench.name](json.loads(json_path.read_text(encoding="utf-8")))
    out: Figures = {}
    for fig in bench.figures:
        value = fig.read(stdout)
        if value is not None:
            out[f"{fig.label} ({fig.unit})"] = value
    if bench.table_rows:
        for m in _TABLE_ROW.finditer(stdout):
            out[f"{m.group(1).strip()} (articles/s)"] = float(m.group(4))
    return out


@dataclass
class Runs:
    bench: Bench
    commands: list[str] = field(default_factory=list)
    figures: list[Figures] = field(default_factory=list)
    failures: list[dict[str, object]] = field(default_factory=list)
    seconds: list[float] = field(default_factory=list)

    def summary(self) -> dict[str, dict[str, object]]:
        labels = list(dict.fromkeys(label for run in self.figures for label in run))
        out: dict[str, dict[str, object]] = {}
        for label in labels:
            values = [run[label] for run in self.figures if label in run]
            out[label] = {
                "min": min(values),
                "median": statistics.median(values),
                "max": max(values),
                "runs": values,
            }
        return out


@dataclass(frozen=True)
class Side:
    """A checkout measured: the current one, or the baseline of a before/after comparison."""

    label: str
    repo: Path | None  # None: the checkout these scripts belong to


def child_env(args: argparse.Namespace, repo: Path | None) -> dict[str, str]:
    env = dict(USER_ENV)
    if args.threads != "user":
        for var in _bench.THREAD_VARS:
            env[var] = str(args.threads)
    if repo is not None:
        env["KABAR_BENCH_ROOT"] = str(repo.resolve())
    return env


def run_once(bench: Bench, side: Side, i: int, args: argparse.Namespace, out_dir: Path, runs: Runs) -> bool:
    """One run in a fresh process; False when running it again would fail the same way."""
    stem = out_dir / f"{bench.name}-{side.label}-run{i}"
    json_path = stem.with_suffix(".json") if bench.writes_json else None
    extra = list(bench.quick_args if args.quick else bench.args)
    cmd = [args.python, str(bench.script), *extra, *(["--json", str(json_path)] if json_path else [])]
    runs.commands.append(shlex.join(cmd))
    print(f"[{bench.name} {side.label} {i}/{args.repeats}] {shlex.join(cmd)}", file=sys.stderr, flush=True)
    t = time.perf_counter()
    proc = subprocess.run(
        cmd, capture_output=True, text=True, env=child_env(args, side.repo), cwd=HERE.parent
    )
    runs.seconds.append(time.perf_counter() - t)
    log = proc.stdout + ("\n--- stderr ---\n" + proc.stderr if proc.stderr else "")
    stem.with_suffix(".txt").write_text(log, encoding="utf-8")
    figures = read_figures(bench, proc.stdout, json_path)
    if proc.returncode == 0 and figures:
        runs.figures.append(figures)
        return True
    tail = (proc.stderr or proc.stdout)[-1500:]
    runs.failures.append({"run": i, "returncode": proc.returncode, "output_tail": tail})
    print(f"  failed (exit {proc.returncode}, {len(figures)} figures): {tail[-300:]}", file=sys.stderr)
    return proc.returncode == 0 and "SKIP" not in proc.stdout


def run_bench(bench: Bench, sides: list[Side], args: argparse.Namespace, out_dir: Path) -> dict[str, Runs]:
    """`--repeats` runs of a benchmark on each side, the sides taking turns so that a machine
    whose load changes weighs on both alike."""
    runs = {side.label: Runs(bench) for side in sides}
    going = {side.label for side in sides}
    for i in range(1, args.repeats + 1):
        for side in sides:
            if side.label in going and not run_once(bench, side, i, args, out_dir, runs[side.label]):
                going.discard(side.label)
    return runs


def interpreter_info(python: str, env: dict[str, str]) -> dict[str, object]:
    """Python version, thread variables and BLAS pool as a script run by `python` sees them."""
    probe = (
        "import json, sys; sys.path.insert(0, sys.argv[1]); import _bench, numpy; "
        "print(json.dumps({'python': _bench.machine_info()['python'], 'executable': sys.executable, "
        "'thread_env': _bench.machine_info()['thread_env'], 'threadpools': _bench.threadpools()}))"
    )
    proc = subprocess.run([python, "-c", probe, str(HERE)], capture_output=True, text=True, env=env)
    if proc.returncode != 0:
        return {"error": proc.stderr[-500:]}
    return json.loads(proc.stdout)


def git_commit(repo: Path) -> str | None:
    proc = subprocess.run(
        ["git", "-C", str(repo), "rev-parse", "--short", "HEAD"], capture_output=True, text=True
    )
    dirty = subprocess.run(
        ["git", "-C", str(repo), "status", "--porcelain", "--untracked-files=no"],
        capture_output=True,
        text=True,
    )
    if proc.returncode != 0:
        return None
    return proc.stdout.strip() + (" (with uncommitted changes)" if dirty.stdout.strip() else "")


def _fmt(x: object) -> str:
    if not isinstance(x, float | int):
        return "-"
    return f"{x:,.0f}" if abs(x) >= 1000 else f"{x:.3g}" if abs(x) < 10 else f"{x:.1f}"


def _change(before: object, after: object) -> str:
    if not isinstance(before, float | int) or not isinstance(after, float | int) or not before:
        return "-"
    return f"{100 * (after / before - 1):+.1f}%"


def markdown(summary: dict) -> str:
    m = summary["machine"]
    py = summary["interpreter"]
    threads = ", ".join(f"{k}={v}" for k, v in (py.get("thread_env") or {}).items())
    pools = "; ".join(
        f"{p.get('internal_api')} {p.get('version')}, threads {p.get('num_threads')}"
        for p in py.get("threadpools") or []
    )
    sides = summary["sides"]
    compare = len(sides) == 2
    commits = ", ".join(f"{s['label']} {s['commit']}" for s in sides)
    lines = [
        f"`{summary['command']}` on {summary['date']}, kabar {commits}: "
        f"{m['cpu_model']}, {m['cores']} cores, {m['memory_gb']} GB; "
        f"load average {m['load_average']} at the start, {summary['load_average_end']} at the end; "
        f"Python {py.get('python')}; threads {threads}; BLAS {pools or 'not loaded'}. "
        f"Min and median of {summary['repeats']} runs, each a fresh process"
        + (", the two checkouts taking turns." if compare else "."),
        "",
    ]
    if compare:
        lines += [
            "| benchmark | figure | before min | before median | after min | after median | median change |",
            "| --- | --- | ---: | ---: | ---: | ---: | ---: |",
        ]
    else:
        lines += ["| benchmark | figure | min | median | runs |", "| --- | --- | ---: | ---: | ---: |"]
    for name, by_side in summary["benchmarks"].items():
        results = [by_side[s["label"]] for s in sides]
        labels = list(dict.fromkeys(label for r in results for label in r["figures"]))
        for label in labels:
            figs = [r["figures"].get(label, {}) for r in results]
            if compare:
                before, after = figs
                lines.append(
                    f"| {name} | {label} | {_fmt(before.get('min'))} | {_fmt(before.get('median'))} | "
                    f"{_fmt(after.get('min'))} | {_fmt(after.get('median'))} | "
                    f"{_change(before.get('median'), after.get('median'))} |"
                )
            else:
                fig = figs[0]
                lines.append(
                    f"| {name} | {label} | {_fmt(fig['min'])} | {_fmt(fig['median'])} | {len(fig['runs'])} |"
                )
        for side, r in zip(sides, results, strict=True):
            for failure in r["failures"]:
                lines.append(
                    f"| {name} | FAILED on {side['label']} "
                    f"(run {failure['run']}, exit {failure['returncode']}) |"
                )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    names = [b.name for b in BENCHES]
    ap.add_argument("--only", help=f"comma-separated benchmarks (default all: {', '.join(names)})")
    ap.add_argument("--repeats", type=int, default=3, help="fresh-process runs of each benchmark (default 3)")
    ap.add_argument("--quick", action="store_true", help="smaller inputs, to check that everything runs")
    ap.add_argument("--python", default=sys.executable, help="interpreter that runs the scripts")
    ap.add_argument("--repo", type=Path, help="measure the kabar of this checkout (KABAR_BENCH_ROOT)")
    ap.add_argument("--baseline", type=Path, help="also measure this checkout, taking turns: before/after")
    ap.add_argument("--threads", default="1", help="BLAS/OpenMP threads for the runs, or 'user' (default 1)")
    ap.add_argument("--out", type=Path, help="output folder (default bench/results/run-<UTC date-time>)")
    args = ap.parse_args(argv)
    chosen = args.only.split(",") if args.only else names
    unknown = sorted(set(chosen) - set(names))
    if unknown:
        ap.error(f"unknown benchmark(s) {', '.join(unknown)}; known: {', '.join(names)}")
    sides = ([Side("before", args.baseline)] if args.baseline else []) + [
        Side("after" if args.baseline else "current", args.repo)
    ]
    now = dt.datetime.now(dt.UTC)
    out_dir = args.out or RESULTS / f"run-{now:%Y-%m-%d-%H%M}"
    out_dir.mkdir(parents=True, exist_ok=True)
    summary: dict = {
        "command": "python bench/run_all.py " + shlex.join(argv if argv is not None else sys.argv[1:]),
        "date": now.isoformat(timespec="seconds"),
        "sides": [
            {
                "label": side.label,
                "repo": str((side.repo or HERE.parent).resolve()),
                "commit": git_commit((side.repo or HERE.parent).resolve()),
            }
            for side in sides
        ],
        "repeats": args.repeats,
        "quick": args.quick,
        "machine": _bench.machine_info(),
        "interpreter": interpreter_info(args.python, child_env(args, None)),
        "benchmarks": {},
    }
    failed = False
    for bench in (b for b in BENCHES if b.name in chosen):
        runs = run_bench(bench, sides, args, out_dir)
        summary["benchmarks"][bench.name] = {
            label: {
                "commands": r.commands,
                "wall_s": [round(x, 1) for x in r.seconds],
                "figures": r.summary(),
                "failures": r.failures,
            }
            for label, r in runs.items()
        }
        failed = failed or any(r.failures for r in runs.values())
    summary["load_average_end"] = _bench.machine_info()["load_average"]
    _bench.write_json(out_dir / "summary.json", summary)
    print(markdown(summary))
    print(f"\nwrote {out_dir / 'summary.json'}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
