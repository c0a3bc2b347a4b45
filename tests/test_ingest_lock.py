"""An input that makes kabar wait (a FIFO with no writer yet) never holds the database's lock
while it waits: another ingest into the same database goes ahead."""

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_waiting_for_a_fifo_leaves_the_database_free(tmp_path):
    db = tmp_path / "store.duckdb"
    fifo = tmp_path / "feed.txt"
    os.mkfifo(fifo)
    env = {**os.environ, "KABAR_INPUT_WAIT": "20"}
    waiting = subprocess.Popen(
        [sys.executable, "-m", "kabar", "ingest", str(fifo), "--db", str(db), "--no-progress"],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        time.sleep(3)  # it is now waiting for a writer
        other = subprocess.run(
            [sys.executable, "-m", "kabar", "ingest", str(EXAMPLES / "001_menlu_jepang.txt"), "--db", str(db),
             "--no-progress"],
            env=env, capture_output=True, text=True, timeout=120,
        )  # fmt: skip
        assert other.returncode == 0, other.stderr
        assert waiting.poll() is None, "the FIFO reader should still be waiting"
    finally:
        with open(fifo, "w", encoding="utf-8") as fh:
            fh.write("Menteri Luar Negeri Retno Marsudi bertemu Menteri Luar Negeri Jepang di Tokyo.\n")
        out, err = waiting.communicate(timeout=120)
    assert waiting.returncode == 0, err
