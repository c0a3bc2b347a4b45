"""The web app: pages and JSON API over one read-only store.

    >>> from kabar.web import create_app
    >>> app = create_app("kabar.duckdb")        # serve with uvicorn, or `kabar serve`
"""

import threading
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

import kabar.web.data as data
from kabar import __version__, query
from kabar.errors import InputError, QueryError
from kabar.web.api import router as api_router
from kabar.web.data import DataSource
from kabar.web.docs import router as docs_router
from kabar.web.pages import router as pages_router
from kabar.web.params import BadParameter
from kabar.web.templating import error_page

STATIC = Path(__file__).parent / "static"

# Pages and API alike load nothing from elsewhere and run no inline script, so a hostile
# article that got past escaping still could not run code or send data anywhere.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)


def _is_api(request: Request) -> bool:
    return request.url.path.startswith("/api/")


def _error(request: Request, status_code: int, message: str) -> Response:
    if _is_api(request):
        return JSONResponse({"detail": message}, status_code=status_code)
    return error_page(request, status_code, message)


def _validation_message(exc: RequestValidationError) -> str:
    problems = []
    for err in exc.errors():
        where = ".".join(str(part) for part in err.get("loc", ()) if part not in ("query", "body", "path"))
        problems.append(f"{where or 'request'}: {err.get('msg', 'invalid')}")
    return "; ".join(problems) or "invalid request"


def create_app(db: str, *, warm: bool = True) -> FastAPI:
    """The app over the store at `db` (opened read-only once, when the app starts).

    With `warm`, the figures over the whole store (overview, actors, API description) are
    computed in the background as the app starts, so no visitor waits for them."""
    source = DataSource(db)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        source.close()

    app = FastAPI(
        title="kabar",
        version=__version__,
        description="Events coded from news articles, each with the sentence it came from. Read-only.",
        lifespan=lifespan,
        docs_url=None,
        redoc_url=None,
    )
    app.state.data = source
    app.state.sql_time_limit_s = None  # None: data.SQL_TIME_LIMIT_S
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    _add_handlers(app)

    app.include_router(api_router)
    app.include_router(pages_router)
    app.include_router(docs_router)
    if warm:
        threading.Thread(target=_warm_up, args=(app, source), name="kabar-web-warm", daemon=True).start()
    return app


def _warm_up(app: FastAPI, source: DataSource) -> None:
    try:
        with source.cursor() as cur:
            source.cached("overview", lambda: data.overview(cur))
            source.cached("actors:code", lambda: query.actors(cur, by="code", limit=100).to_pylist())
        app.openapi()
    except Exception:  # noqa: BLE001  (a failed warm-up only means the first visitor computes it)
        return


def _add_handlers(app: FastAPI) -> None:
    @app.exception_handler(BadParameter)
    async def bad_parameter(request: Request, exc: BadParameter) -> Response:
        return _error(request, 400, str(exc))

    @app.exception_handler(QueryError)
    async def bad_query(request: Request, exc: QueryError) -> Response:
        return _error(request, 400, str(exc))

    @app.exception_handler(InputError)
    async def bad_input(request: Request, exc: InputError) -> Response:
        return _error(request, 422, str(exc))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        return _error(request, 422, _validation_message(exc))

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        return _error(request, exc.status_code, str(exc.detail))

    @app.middleware("http")
    async def security_headers(request: Request, call_next):  # type: ignore[no-untyped-def]
        began = time.perf_counter()
        response = await call_next(request)
        # The server's own time for the request, as browsers' developer tools show it.
        response.headers["Server-Timing"] = f"app;dur={(time.perf_counter() - began) * 1000:.1f}"
        response.headers["Content-Security-Policy"] = CONTENT_SECURITY_POLICY
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "no-referrer"
        return response
