"""/docs: the API's OpenAPI description as a page drawn on the server.

FastAPI's own Swagger UI loads its script and style from a CDN; this page needs nothing from
elsewhere, so the documentation works offline like the rest of the app. The machine-readable
description is at /openapi.json.
"""

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from kabar.web.templating import render

router = APIRouter(include_in_schema=False)


def _schema_text(schema: dict[str, Any]) -> str:
    """A short description of a parameter's JSON schema: its type and what it must match."""
    if "anyOf" in schema:
        return " or ".join(_schema_text(s) for s in schema["anyOf"] if s.get("type") != "null")
    bits = [schema.get("type", "object")]
    for key in ("pattern", "minimum", "maximum", "minLength", "maxLength", "default"):
        if key in schema:
            bits.append(f"{key} {schema[key]}")
    return ", ".join(str(b) for b in bits)


def endpoints(spec: dict[str, Any]) -> list[dict[str, Any]]:
    out = []
    for path, methods in spec.get("paths", {}).items():
        for method, op in methods.items():
            params = [
                {"name": p["name"], "in": p["in"], "required": p.get("required", False),
                 "schema": _schema_text(p.get("schema", {})), "description": p.get("description", "")}
                for p in op.get("parameters", [])
            ]
            body = op.get("requestBody", {}).get("content", {}).get("application/json", {}).get("schema")
            if body and "$ref" in body:
                name = body["$ref"].rsplit("/", 1)[-1]
                props = spec.get("components", {}).get("schemas", {}).get(name, {}).get("properties", {})
                params += [
                    {"name": k, "in": "body (JSON)", "required": k in spec["components"]["schemas"][name].get(
                        "required", []), "schema": _schema_text(v), "description": v.get("description", "")}
                    for k, v in props.items()
                ]
            out.append({"method": method.upper(), "path": path, "summary": op.get("summary", ""),
                        "description": op.get("description", ""), "params": params})
    return out


@router.get("/docs", response_class=HTMLResponse)
def docs(request: Request) -> HTMLResponse:
    spec = request.app.openapi()
    return render(request, "docs.html", spec=spec, endpoints=endpoints(spec), title="API")
