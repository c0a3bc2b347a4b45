"""Pipeline load time and peak memory of one process, each measured in a fresh subprocess.

    python bench/memory_load.py [--n 1000] [--load-runs 3] [--corpus ../shared/corpus/id-news.jsonl]
        [--markdown bench/results/pipeline.md]

Load time: in a new Python process, the time to import kabar, build the pipeline
(`kabar.pipeline.get_pipeline("id")`) and extract a first article; target <= 2 s. It is the
median over `--load-runs` fresh processes (the first may also pay for a cold disk cache), in
wall time (what a user waits) and in the process's CPU time (what holds on a shared machine).
Peak memory: the peak resident set size (`resource.getrusage(...).ru_maxrss`) of a fresh process
after loading the pipeline and extracting N real articles (400-600 words, as
bench/pipeline_throughput.py chooses them); target <= 600 MB. Threads are set to 1 and the child
is pinned to one CPU. Without the corpus it prints SKIP and exits 0.
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS"):
    os.environ[_var] = "1"

import argparse  # noqa: E402
import datetime as dt  # noqa: E402
import json  # noqa: E402
import shlex  # noqa: E402
import statistics  # noqa: E402
import subprocess  # noqa: E402
import tempfile  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

HERE = Path(__file__).resolve().parent
if str(HERE) not in sys.path:
    sys.path.insert(0, str(HERE))

from pipeline_throughput import (  # noqa: E402
    DEFAULT_CORPUS,
    ROOT,
    machine,
    pin_one_core,
    select_articles,
    verdict,
    write_markdown,
)

TARGET_LOAD_S = 2.0
TARGET_PEAK_MB = 600.0


def rss_mb() -> float:
    """Current resident set size in MB (Linux /proc; 0 elsewhere)."""
    try:
        with open("/proc/self/statm") as fh:
            pages = int(fh.read().split()[1])
        return pages * os.sysconf("SC_PAGE_SIZE") / 1024 / 1024
    except (OSError, ValueError, IndexError):
        return 0.0


def peak_mb() -> float:
    import resource

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 1024 / 1024 if sys.platform == "darwin" else peak / 1024  # bytes on macOS, KB on Linux


def child(args: argparse.Namespace) -> int:
    """Runs in the fresh process: prints one JSON line of measurements."""
    pin_one_core()
    with args.sample.open(encoding="utf-8") as fh:
        articles = [json.loads(line) for line in fh]
    before_mb = rss_mb()
    c0 = time.process_time()
    t = time.perf_counter()
    import kabar  # noqa: F401
    from kabar.pipeline import Pipeline, get_pipeline

    import_s = time.perf_counter() - t
    t = time.perf_counter()
    pipe = Pipeline("id", tuple(args.stages.split(","))) if args.stages else get_pipeline("id")
    build_s = time.perf_counter() - t
    t = time.perf_counter()
    pipe(articles[0]["text"], source=articles[0]["id"])
    first_s = time.perf_counter() - t
    load_cpu_s = time.process_time() - c0
    loaded_mb = rss_mb()
    peak_after_load = peak_mb()
    errors = 0
    t = time.perf_counter()
    for a in articles[: args.n]:
        try:
            pipe(a["text"], source=a["id"])
        except Exception:  # noqa: BLE001 - counted; memory is what is measured here
            errors += 1
    run_s = time.perf_counter() - t
    print(
        json.dumps(
            {
                "import_s": import_s,
                "build_s": build_s,
                "first_s": first_s,
                "load_s": import_s + build_s + first_s,
                "load_cpu_s": load_cpu_s,
                "rss_before_mb": before_mb,
                "rss_loaded_mb": loaded_mb,
                "peak_loaded_mb": peak_after_load,
                "rss_end_mb": rss_mb(),
                "peak_mb": peak_mb(),
                "n": min(args.n, len(articles)),
                "run_s": run_s,
                "errors": errors,
            }
        )
    )
    return 0


def child_breakdown(args: argparse.Namespace) -> int:
    """Runs in a fresh process: the load time of each stage (import + construction), in pipeline order.

    Resources shared between stages (the spaCy object, the language pack's files) are paid by the
    first stage that loads them.
    """
    pin_one_core()
    t = time.process_time()
    from kabar.lang import load_pack
    from kabar.pipeline import DEFAULT_STAGES
    from kabar.registry import stage_factory

    pack = load_pack("id")
    out = {"kabar + pack": time.process_time() - t}
    for name in args.stages.split(",") if args.stages else DEFAULT_STAGES:
        t = time.process_time()
        stage_factory(name)(pack)
        out[name] = time.process_time() - t
    print(json.dumps(out))
    return 0


def spawn(args: argparse.Namespace, n: int, sample: Path | None, breakdown: bool = False) -> dict:
    if breakdown:
        cmd = [sys.executable, str(Path(__file__).resolve()), "--child-breakdown"]
    else:
        cmd = [sys.executable, str(Path(__file__).resolve()), "--child", "--n", str(n), "--sample", str(sample)]
    if args.stages:
        cmd += ["--stages", args.stages]
    proc = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT)
    if proc.returncode != 0:
        raise RuntimeError(f"child process failed (exit {proc.returncode}):\n{proc.stderr[-3000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=1000, help="articles processed before reading peak memory")
    ap.add_argument("--load-runs", type=int, default=3, help="fresh processes timed for load (median)")
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--min-words", type=int, default=400)
    ap.add_argument("--max-words", type=int, default=600)
    ap.add_argument("--markdown", type=Path, help="write the results as a section of this markdown file")
    ap.add_argument("--stages", help="comma-separated stages to run instead of the full pipeline (partial runs)")
    ap.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--child-breakdown", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--sample", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child:
        return child(args)
    if args.child_breakdown:
        return child_breakdown(args)
    command = "python bench/memory_load.py " + " ".join(shlex.quote(a) for a in (argv or sys.argv[1:]))
    if not args.corpus.exists():
        print(f"SKIP: corpus not found at {args.corpus}")
        return 0

    articles = select_articles(args.corpus, max(1, args.n), args.min_words, args.max_words)
    with tempfile.TemporaryDirectory() as tmp:
        sample = Path(tmp) / "sample.jsonl"  # the child reads only the chosen texts, not the whole corpus
        with sample.open("w", encoding="utf-8") as fh:
            for a in articles:
                fh.write(json.dumps(a, ensure_ascii=False) + "\n")
        try:
            loads = [spawn(args, 1, sample) for _ in range(max(1, args.load_runs))]
            mem = spawn(args, args.n, sample)
            per_stage = spawn(args, 0, None, breakdown=True)
        except RuntimeError as exc:
            print(f"ERROR: {exc}", file=sys.stderr)
            return 1
    load_s = statistics.median(r["load_s"] for r in loads)
    load_cpu_s = statistics.median(r["load_cpu_s"] for r in loads)
    mid = sorted(loads, key=lambda r: r["load_s"])[len(loads) // 2]
    words = sum(a["words"] for a in articles) / len(articles)
    partial = "; PARTIAL pipeline (--stages " + args.stages + ")" if args.stages else ""
    out = [
        f"machine: {machine()}; each measurement in a fresh process pinned to one CPU{partial}",
        f"articles: {len(articles)} from {args.corpus.name}, {args.min_words}-{args.max_words} words (mean {words:.0f})",
        "",
        "| measure | value | target | result |",
        "| --- | ---: | ---: | --- |",
        f"| load: import + get_pipeline('id') + first extract, wall (median of {len(loads)}) | {load_s:.2f} s | "
        f"<= {TARGET_LOAD_S:.0f} s | {verdict(load_s <= TARGET_LOAD_S)} |",
        f"| the same in CPU time of the process (median) | {load_cpu_s:.2f} s | <= {TARGET_LOAD_S:.0f} s | "
        f"{verdict(load_cpu_s <= TARGET_LOAD_S)} |",
        f"| peak RSS after {mem['n']} articles | {mem['peak_mb']:.0f} MB | <= {TARGET_PEAK_MB:.0f} MB | "
        f"{verdict(mem['peak_mb'] <= TARGET_PEAK_MB)} |",
        "",
        f"load breakdown (median run): import kabar {mid['import_s']:.2f} s, build pipeline {mid['build_s']:.2f} s, "
        f"first extract {mid['first_s']:.2f} s; all runs: " + ", ".join(f"{r['load_s']:.2f}" for r in loads) + " s",
        "load by stage (a fresh process, CPU time; shared resources counted where first loaded): "
        + ", ".join(f"{k} {v:.2f} s" for k, v in per_stage.items()),
        f"memory: {mem['rss_before_mb']:.0f} MB before import (the article texts held), {mem['rss_loaded_mb']:.0f} MB "
        f"after load, {mem['rss_end_mb']:.0f} MB after {mem['n']} articles, peak {mem['peak_mb']:.0f} MB"
        f" ({mem['n'] / mem['run_s']:.0f} articles/s in that run{', %d failed' % mem['errors'] if mem['errors'] else ''})",
    ]
    if load_s > TARGET_LOAD_S:
        out.append(
            f"load is over target by {load_s - TARGET_LOAD_S:.2f} s wall ({load_cpu_s - TARGET_LOAD_S:+.2f} s in CPU "
            "time; wall time on a shared machine also counts other processes)."
        )
    if mem["peak_mb"] > TARGET_PEAK_MB:
        out.append(f"peak memory is over target by {mem['peak_mb'] - TARGET_PEAK_MB:.0f} MB.")
    report = "\n".join(out)
    print(report)
    if args.markdown:
        body = ["## Load time and peak memory", "", f"Date: {dt.date.today().isoformat()}. Command: `{command}`",
                "", report]
        write_markdown(args.markdown, "memory_load", "\n".join(body))
        print(f"\nwrote {args.markdown}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
