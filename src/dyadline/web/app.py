"""The application: pages, API, static files, error handling, safety headers; and ``serve``.

Safety, by design rather than by configuration:

- the store is opened read-only (:class:`.store.WebStore`); every query is parameterised;
- ``serve`` binds to 127.0.0.1 unless told otherwise, and then accepts only requests
  addressed to a loopback name (a web page elsewhere cannot reach the server through DNS
  rebinding);
- a bad parameter gets a 4xx with a message; an unexpected error gets a 500 that says so
  without a stack trace (the trace goes to the server's log);
- the pages load scripts only from the app itself (Content-Security-Policy ``'self'``):
  no CDN, so they work offline.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any, Optional, Sequence

from .store import DEFAULT_TIMEOUT, QueryTimeout, WebStore

log = logging.getLogger("dyadline.web")

STATIC = Path(__file__).parent / "static"
#: Host names a server bound to the loopback address answers to.  (Bound to an IPv6 address,
#: such as ``::1``, the server does not check the Host header: Starlette's check cannot
#: parse bracketed IPv6 hosts.)
LOOPBACK_HOSTS = ("127.0.0.1", "localhost")

_CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
        "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; "
        "form-action 'self'; frame-ancestors 'none'")


def create_app(db_path: str | Path, timeout: float = DEFAULT_TIMEOUT,
               allowed_hosts: Optional[Sequence[str]] = None) -> Any:
    """The FastAPI app over the store at ``db_path`` (opened read-only now: a missing or
    foreign database fails here, with :class:`dyadline.store.db.StoreError`)."""
    from fastapi import FastAPI
    from fastapi.exceptions import RequestValidationError
    from fastapi.responses import JSONResponse
    from fastapi.staticfiles import StaticFiles
    from starlette.exceptions import HTTPException
    from starlette.requests import Request

    from .. import __version__
    from . import api, pages
    from .service import BadQuery, NotFound

    store = WebStore(db_path, timeout=timeout)
    app = FastAPI(title="dyadline", version=__version__,
                  description="Read-only web interface and JSON API over a dyadline store: "
                              "events traced to their sentences, dyads over time, the actor "
                              "network.",
                  # Swagger UI and ReDoc load from a CDN: the offline server serves the
                  # OpenAPI document itself only (/openapi.json).
                  docs_url=None, redoc_url=None)
    app.state.store = store
    app.state.templates = pages.templates()
    app.include_router(api.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=str(STATIC)), name="static")

    if allowed_hosts and "*" not in allowed_hosts:
        from starlette.middleware.trustedhost import TrustedHostMiddleware

        app.add_middleware(TrustedHostMiddleware, allowed_hosts=list(allowed_hosts))

    @app.middleware("http")
    async def headers(request: Request, call_next: Any) -> Any:
        response = await call_next(request)
        response.headers.setdefault("Content-Security-Policy", _CSP)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "no-referrer")
        return response

    def wants_json(request: Request) -> bool:
        return request.url.path.startswith("/api/") or request.url.path == "/openapi.json"

    def error(request: Request, status: int, lines: list[str], payload: Any = None) -> Any:
        if wants_json(request):
            body = {"detail": payload if payload is not None else "; ".join(lines)}
            if payload is not None:
                body["message"] = "; ".join(lines)
            return JSONResponse(body, status_code=status)
        return app.state.templates.TemplateResponse(
            request, "error.html", {"status": status, "lines": lines, "page": "error"},
            status_code=status)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Any:
        from fastapi.encoders import jsonable_encoder
        from pydantic import ValidationError

        lines = []
        for item in exc.errors():
            where = ".".join(str(p) for p in item.get("loc", ()) if p not in ("query", "path"))
            msg = str(item.get("msg", "invalid value")).removeprefix("Value error, ")
            lines.append(f"{where}: {msg}" if where else msg)
        detail = jsonable_encoder(exc.errors(), custom_encoder={ValueError: str,
                                                                ValidationError: str})
        status = 422 if wants_json(request) else 400
        return error(request, status, lines or ["invalid parameters"], detail)

    @app.exception_handler(pages.PageError)
    async def page_error(request: Request, exc: pages.PageError) -> Any:
        return error(request, exc.status, exc.lines)

    @app.exception_handler(NotFound)
    async def not_found(request: Request, exc: NotFound) -> Any:
        return error(request, 404, [str(exc)])

    @app.exception_handler(BadQuery)
    async def bad_query(request: Request, exc: BadQuery) -> Any:
        return error(request, 400, [str(exc)])

    @app.exception_handler(QueryTimeout)
    async def timed_out(request: Request, exc: QueryTimeout) -> Any:
        return error(request, 503, [str(exc)])

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> Any:
        text = exc.detail if isinstance(exc.detail, str) else "error"
        if exc.status_code == 404 and text == "Not Found":
            text = f"nothing at {request.url.path}"
        return error(request, exc.status_code, [text])

    @app.exception_handler(Exception)
    async def crashed(request: Request, exc: Exception) -> Any:
        log.exception("error while serving %s", request.url.path)
        return error(request, 500, ["internal error: the server could not answer this request "
                                    "(the details are in the server's log)"])

    return app


def serve(db_path: str | Path, host: str = "127.0.0.1", port: int = 8000,
          timeout: float = DEFAULT_TIMEOUT, log_level: str = "info") -> None:
    """Run the app with uvicorn until interrupted."""
    import uvicorn

    allowed = list(LOOPBACK_HOSTS) if host in LOOPBACK_HOSTS else None
    app = create_app(db_path, timeout=timeout, allowed_hosts=allowed)
    uvicorn.run(app, host=host, port=port, log_level=log_level, server_header=False,
                proxy_headers=False)
