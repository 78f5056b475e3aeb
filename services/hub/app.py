"""The central hub: a FastAPI app implementing ``resources/registry-api.yaml``.

Two faces, kept apart: the registry adapter (``services.hub.registry``: the stand-in for the
national registry and identity authority) and the operations centre (``services.hub.ops``:
ingestion, roll-ups, the regional API). :class:`services.hub.guard.RequestGuard` sits in front
of both: every call but health is authenticated, and bodies are capped, before a handler runs.
``create_app`` builds the app; uvicorn serves it (``drc-hub serve``, or
``services.hub.testing.run_hub_in_thread`` in-process).
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Mapping
from contextlib import asynccontextmanager
from datetime import date, datetime
from functools import cache
from importlib import metadata
from typing import Any

import yaml
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from sqlalchemy import Engine
from starlette.exceptions import HTTPException as StarletteHTTPException

from services.clock import SITE_ZONE
from services.hub import schemas as s
from services.hub.db import make_engine
from services.hub.deps import HubDeps, Problem
from services.hub.guard import DEFAULT_MAX_BODY, RequestGuard
from services.hub.key_use import KeyUse
from services.hub.keys import KeyRing
from services.hub.ops.routes import ops_router
from services.hub.reference import RESOURCES
from services.hub.registry.routes import registry_router
from services.hub.scoring import CUTOFF
from services.hub.survey.central_routes import central_router
from services.hub.survey.routes import survey_router

PROBLEM_JSON = "application/problem+json"


def hub_version() -> str:
    """The installed package version (``0.0.0`` when running from a bare checkout)."""
    try:
        return metadata.version("drc-console")
    except metadata.PackageNotFoundError:
        return "0.0.0"


@cache
def contract() -> dict[str, Any]:
    """The OpenAPI contract the hub serves at ``/v1/openapi.json``."""
    with (RESOURCES / "registry-api.yaml").open(encoding="utf-8") as fh:
        return dict(yaml.safe_load(fh))


def problem_response(status: int, title: str, detail: str, slug: str) -> JSONResponse:
    """An RFC 9457 problem document."""
    headers = {"WWW-Authenticate": 'Bearer realm="drc-hub"'} if status == 401 else None
    body = {"type": f"https://drc-hub.example/problems/{slug}", "title": title, "status": status, "detail": detail}
    return JSONResponse(body, status_code=status, media_type=PROBLEM_JSON, headers=headers)


def _install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(Problem)
    def _on_problem(_req: Request, exc: Problem) -> JSONResponse:
        return problem_response(exc.status, exc.title, exc.detail, exc.slug)

    @app.exception_handler(StarletteHTTPException)
    def _on_http(_req: Request, exc: StarletteHTTPException) -> JSONResponse:
        if exc.status_code == 400:  # a body FastAPI could not parse (e.g. an int too long to convert)
            return problem_response(422, "Invalid request", str(exc.detail), "invalid-request")
        title = {404: "Not found", 405: "Method not allowed", 413: "Payload too large"}.get(exc.status_code,
                                                                                          "HTTP error")
        return problem_response(exc.status_code, title, str(exc.detail), title.lower().replace(" ", "-"))

    @app.exception_handler(RequestValidationError)
    def _on_invalid(_req: Request, exc: RequestValidationError) -> JSONResponse:
        errors = exc.errors()
        parts = [f"{'.'.join(str(p) for p in e.get('loc', ()))}: {e.get('msg', '')}" for e in errors[:5]]
        return problem_response(422, "Invalid request", "; ".join(parts) or "invalid request", "invalid-request")

    @app.exception_handler(Exception)
    def _on_error(_req: Request, exc: Exception) -> JSONResponse:
        return problem_response(500, "Internal error", type(exc).__name__, "internal-error")


def create_app(db_url: str | None = None, api_keys: Mapping[str, str] | None = None, *,
               engine: Engine | None = None, today: Callable[[], date] | None = None,
               cutoff: float = CUTOFF, db_keys: bool | None = None, demo: bool = False,
               max_body: int = DEFAULT_MAX_BODY, audit_flush: float = 60.0) -> FastAPI:
    """Build the hub over ``db_url`` (already migrated and seeded).

    ``api_keys`` maps a scope to a bearer key given at start-up: a site id, ``region:<Region>``
    or ``*`` (central). Keys stored by ``drc-hub key`` (``hub_api_key``) count too when
    ``db_keys`` is true (the default when ``api_keys`` is omitted). ``today`` gives the business
    day (default: today in Asia/Karachi). ``demo`` serves ``/v1/demo/samples``; ``max_body``
    caps request bodies (413 above it). Key use is counted in memory and chained into the audit
    trail every ``audit_flush`` seconds and at shutdown (``services.hub.key_use``).
    """
    if engine is None:
        if db_url is None:
            raise ValueError("create_app needs db_url or engine")
        engine = make_engine(db_url)
    use_db_keys = api_keys is None if db_keys is None else db_keys
    deps = HubDeps(engine, today or (lambda: datetime.now(SITE_ZONE).date()), cutoff)

    key_use = KeyUse(engine, deps.today, interval=audit_flush)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        key_use.start()
        try:
            yield
        finally:
            key_use.close()  # the last counts reach the trail before the process ends

    app = FastAPI(title="drc-hub", version=hub_version(), openapi_url="/v1/openapi.json",
                  docs_url=None, redoc_url=None, lifespan=lifespan)
    app.openapi = contract  # type: ignore[method-assign]  # serve the hand-written contract
    app.state.engine = engine
    app.state.key_use = key_use
    _install_error_handlers(app)

    @app.get("/v1/health", response_model=s.Health)
    async def health() -> s.Health:
        """Liveness (no key)."""
        return s.Health(version=hub_version())

    app.include_router(registry_router(deps, demo=demo))
    app.include_router(ops_router(deps))
    app.include_router(survey_router(deps))
    app.include_router(central_router(deps))
    app.add_middleware(RequestGuard, keys=KeyRing(api_keys, engine if use_db_keys else None), max_body=max_body,
                       key_use=key_use)
    return app
