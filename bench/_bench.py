"""Set-up shared by the benchmark scripts; import it before numpy, spaCy or kabar.

Pins the numeric libraries to one thread unless the environment says otherwise (the figures
are per core), puts the repository (or the checkout named by KABAR_BENCH_ROOT) first on
`sys.path` so a script runs from a checkout without installing, names the shared corpus, and
describes the machine (`machine_info`) for the JSON a script writes (`write_json`).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

HERE = Path(__file__).resolve().parent.parent
# KABAR_BENCH_ROOT measures another checkout's kabar with these scripts (bench/run_all.py --repo,
# for figures before and after a change taken by the same measuring code).
ROOT = Path(os.environ.get("KABAR_BENCH_ROOT") or HERE).resolve()
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

CORPUS = HERE.parent / "shared" / "corpus" / "id-news.jsonl"

THREAD_VARS = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS")


def cpu_model() -> str:
    """The CPU's model name as the kernel reports it (platform.processor() is often empty on Linux)."""
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as fh:
            for line in fh:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    import platform

    return platform.processor() or platform.machine()


def threadpools() -> list[dict[str, object]]:
    """The native thread pools loaded in this process (threadpoolctl when installed, else numpy's BLAS).

    Call it after the libraries are imported: a pool not yet loaded cannot be seen.
    """
    try:
        from threadpoolctl import threadpool_info
    except ImportError:
        pass
    else:
        keep = ("user_api", "internal_api", "version", "num_threads")
        return [{k: pool.get(k) for k in keep} for pool in threadpool_info()]
    if "numpy" not in sys.modules:
        return []
    try:
        blas = sys.modules["numpy"].__config__.CONFIG["Build Dependencies"]["blas"]
    except (AttributeError, KeyError, TypeError):
        return []
    return [
        {
            "user_api": "blas",
            "internal_api": blas.get("name"),
            "version": blas.get("version"),
            "num_threads": os.environ.get("OPENBLAS_NUM_THREADS"),
            "note": "from numpy's build configuration (threadpoolctl is not installed)",
        }
    ]


def machine_info() -> dict[str, object]:
    """What a figure depends on besides the code: CPU, cores, memory, Python, thread settings."""
    import platform

    try:
        with open("/proc/meminfo", encoding="utf-8") as fh:
            kb = int(next(line for line in fh if line.startswith("MemTotal")).split()[1])
        memory_gb: float | None = round(kb / 1024 / 1024, 1)
    except (OSError, StopIteration, ValueError):
        memory_gb = None
    affinity = sorted(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else None
    try:
        load = [round(x, 2) for x in os.getloadavg()]
    except OSError:
        load = None
    return {
        "cpu_model": cpu_model(),
        "cores": os.cpu_count(),
        "cpus_allowed": affinity,
        "memory_gb": memory_gb,
        "load_average": load,
        "platform": platform.platform(),
        "python": platform.python_version(),
        "thread_env": {var: os.environ.get(var) for var in THREAD_VARS},
        "threadpools": threadpools(),
    }


def write_json(path: Path, payload: dict[str, object]) -> None:
    """Write a benchmark's figures (never article text) as indented JSON, creating the folder."""
    import json

    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(payload, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def write_markdown_list(
    path: Path, title: str, script: str, argv: list[str] | None, lines: list[str]
) -> None:
    """A results file: a heading, the command that made it, and `lines` as a list."""
    cmd = f"python bench/{script} " + " ".join(argv if argv is not None else sys.argv[1:])
    text = f"## {title}\n\nCommand: `{cmd}`\n\n" + "\n".join(f"- {line}" for line in lines) + "\n"
    path.write_text(text, encoding="utf-8")


def corpus_document(pipe, row: dict):
    """The pipeline's Document for one corpus line (its id, title and publication time as
    metadata), as the evaluation reads the same articles."""
    return pipe.make_document(
        row["text"],
        source=row["id"],
        id=row["id"],
        title=row.get("title"),
        published=row.get("published") or None,
    )
