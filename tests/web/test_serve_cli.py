"""`kabar serve` from the command line: refuses a missing store, serves an existing one."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import urllib.request

from typer.testing import CliRunner

from kabar.cli import app


def test_serve_refuses_a_missing_database(tmp_path):
    result = CliRunner().invoke(app, ["serve", "--db", str(tmp_path / "none.duckdb")])
    assert result.exit_code == 2
    assert "no such database" in result.output


def test_serve_answers_on_localhost(web_db, unused_port):
    port = unused_port()
    proc = subprocess.Popen(
        [sys.executable, "-c", "from kabar.cli import main; main()", "serve", "--db", web_db,
         "--port", str(port)],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                url = f"http://127.0.0.1:{port}/api/events?per_page=1"
                with urllib.request.urlopen(url, timeout=5) as resp:
                    assert resp.status == 200
                    assert b'"total"' in resp.read()
                    break
            except OSError:
                assert proc.poll() is None, proc.stdout.read() if proc.stdout else ""
                assert time.monotonic() < deadline, "kabar serve did not answer within a minute"
                time.sleep(0.3)
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
