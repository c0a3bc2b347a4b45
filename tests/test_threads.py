"""One numeric thread per kabar process, unless the user set the thread variables."""

from __future__ import annotations

import os
import subprocess
import sys

from kabar.threads import THREAD_VARS, limit_threads, user_thread_settings


def test_every_variable_is_set_when_the_user_set_none():
    env: dict[str, str] = {"PATH": "/bin"}
    assert limit_threads(environ=env) == {var: "1" for var in THREAD_VARS}
    assert all(env[var] == "1" for var in THREAD_VARS) and user_thread_settings(env) == {}
    # kabar's own setting may be changed again (a worker given two threads).
    limit_threads(2, environ=env)
    assert env["OPENBLAS_NUM_THREADS"] == "2"


def test_a_variable_the_user_set_leaves_everything_alone():
    env = {"OPENBLAS_NUM_THREADS": "4"}
    assert limit_threads(environ=env) == {}
    assert env == {"OPENBLAS_NUM_THREADS": "4"} and user_thread_settings(env) == {"OPENBLAS_NUM_THREADS": "4"}


def _blas_threads(code: str, **env: str) -> int:
    clean = {k: v for k, v in os.environ.items() if k not in THREAD_VARS and k != "KABAR_THREADS_SET"}
    report = "from threadpoolctl import threadpool_info as i; print(max(p['num_threads'] for p in i()))"
    script = f"{code}; {report}"
    out = subprocess.run([sys.executable, "-c", script], env={**clean, **env}, capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    return int(out.stdout.split()[-1])


def test_pools_are_limited_whether_numpy_loads_before_or_after():
    assert _blas_threads("from kabar.threads import limit_threads; limit_threads(); import numpy") == 1
    assert _blas_threads("import numpy; from kabar.threads import limit_threads; limit_threads()") == 1
    # The user's choice stands.
    assert _blas_threads("from kabar.threads import limit_threads; limit_threads(); import numpy",
                         OPENBLAS_NUM_THREADS="2") == 2  # fmt: skip


def test_the_command_line_loads_no_numpy_before_main_limits_threads():
    out = subprocess.run(
        [sys.executable, "-c", "import sys, kabar.cli; print('numpy' in sys.modules)"],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    assert out.stdout.strip() == "False"


def test_a_serial_ingest_called_from_python_keeps_to_one_thread_then_gives_the_pools_back(tmp_path, monkeypatch):
    """Called from someone's Python, `ingest` limits the BLAS pools for its own run only: with one
    thread per core OpenBLAS's idle threads spin beside spaCy and take a second core."""
    import numpy  # noqa: F401 - loads OpenBLAS's pool, as kabar's imports do
    from threadpoolctl import threadpool_info, threadpool_limits

    import kabar.ingest

    for var in (*THREAD_VARS, "KABAR_THREADS_SET"):
        monkeypatch.delenv(var, raising=False)
    seen: list[int] = []
    monkeypatch.setattr(
        kabar.ingest._Run, "serial",  # noqa: SLF001 - stands in for the extraction
        lambda self, records, lang, per: seen.append(max(p["num_threads"] for p in threadpool_info())),
    )  # fmt: skip
    source = tmp_path / "one.txt"
    source.write_text("Presiden Joko Widodo bertemu Perdana Menteri Malaysia di Jakarta.", encoding="utf-8")
    with threadpool_limits(limits=2):
        kabar.ingest.ingest([str(source)], tmp_path / "s.duckdb", jobs=1)
        after = max(p["num_threads"] for p in threadpool_info())
    assert seen == [1] and after == 2
