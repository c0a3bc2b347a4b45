"""`kabar serve`: the web app over a store, on localhost unless told otherwise."""

from __future__ import annotations

from typing import Annotated

import typer

from kabar.cli.app import app
from kabar.cli.store import DEFAULT_DB, DbOption, err


@app.command()
def serve(
    db: DbOption = DEFAULT_DB,
    host: Annotated[
        str, typer.Option("--host", help="Address to listen on (0.0.0.0: every interface).")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=1, max=65535, help="Port to listen on.")] = 8000,
) -> None:
    """Read the store in a browser: events with their evidence, articles marked, actors, dyads.

    Read-only. Pages at http://HOST:PORT/, the JSON API under /api, its description at /docs.
    """
    from pathlib import Path

    from kabar.errors import KabarError

    if not Path(db).exists():
        err(f"{db}: no such database (make one with `kabar ingest … --db {db}`)")
        raise typer.Exit(2)
    import uvicorn

    from kabar.web import create_app

    try:
        web_app = create_app(db)
    except KabarError as exc:
        err(str(exc))
        raise typer.Exit(2) from exc
    if host not in ("127.0.0.1", "localhost", "::1"):
        err(f"listening on {host}: anyone who can reach this machine can read the store")
    typer.echo(f"kabar: serving {db} at http://{host}:{port}/ (Ctrl-C to stop)", err=True)
    uvicorn.run(web_app, host=host, port=port, log_level="warning")
