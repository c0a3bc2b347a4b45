"""The pages' templates: Jinja2 with autoescape on for everything, so article text, titles,
names and query parameters always reach the page as text."""

from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, FileSystemLoader, select_autoescape

from kabar import cameo
from kabar.web.markup import evidence_html

templates = Environment(
    loader=FileSystemLoader(Path(__file__).parent / "templates"),
    autoescape=select_autoescape(default=True, default_for_string=True),
    trim_blocks=True,
    lstrip_blocks=True,
)
templates.globals.update(
    evidence_html=evidence_html,
    quad_names=cameo.QUAD_CLASS_NAMES,
    roots=sorted({(c.root, cameo.name(c.root)) for c in cameo.event_codes() if len(c.code) == 2}),
)


def render(request: Request, name: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    html = templates.get_template(name).render(request=request, path=request.url.path, **context)
    return HTMLResponse(html, status_code=status_code)


def error_page(request: Request, status_code: int, message: str) -> HTMLResponse:
    return render(request, "error.html", status_code=status_code, status=status_code, message=message,
                  title=f"Error {status_code}")
