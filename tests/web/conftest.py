"""One store for every web test: the example articles plus a hostile one, ingested once."""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = REPO / "examples"

HOSTILE_URL = "https://contoh.example/hostile"
HOSTILE_TITLE = "<script>window.__pwned = 'title'</script> Jokowi dan Anwar bertemu"
HOSTILE_BODY = (
    "Presiden Joko Widodo bertemu dengan Perdana Menteri Malaysia Anwar Ibrahim di Jakarta pada "
    "Senin (13/5/2024) untuk membahas perbatasan. <script>window.__pwned = 'body'</script>\n\n"
    '"Kami sepakat memperkuat kerja sama <img src=x onerror="window.__pwned = \'img\'">," kata Jokowi '
    "kepada wartawan \"><img src=x onerror=window.__pwned='attr'> di Istana."
)


@pytest.fixture(scope="session")
def web_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    from kabar.ingest import ingest

    folder = tmp_path_factory.mktemp("web_store")
    hostile = folder / "hostile.jsonl"
    record = {"id": "hostile", "url": HOSTILE_URL, "title": HOSTILE_TITLE, "published": "2024-05-13 10:00",
              "text": HOSTILE_BODY}
    hostile.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    db = str(folder / "web.duckdb")
    report = ingest([str(EXAMPLES), str(hostile)], db)
    assert report.stored >= 10, report
    return db


@pytest.fixture(scope="session")
def app(web_db: str):
    from kabar.web import create_app

    return create_app(web_db)


@pytest.fixture(scope="session")
def client(app):
    from fastapi.testclient import TestClient

    # No `with`: the app's shutdown would close the store that the browser tests' server shares.
    return TestClient(app)


@pytest.fixture(scope="session")
def hostile_url() -> str:
    """The key of the stored article whose title and body try to run script."""
    return HOSTILE_URL


@pytest.fixture(scope="session")
def unused_port():
    return free_port


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="session")
def server(app) -> Iterator[str]:
    """The app served by uvicorn in a thread, for the browser."""
    import uvicorn

    port = free_port()
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="off")
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not srv.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=10)
