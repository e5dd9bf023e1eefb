"""The web application: create_app(settings) -> Starlette, with a lifespan that owns the engine."""

from __future__ import annotations

import contextlib
import gc
from collections.abc import AsyncIterator
from typing import Any

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from chronology import __version__
from chronology.graphql.http import ChronologyGraphQL, GraphQLEndpoint
from chronology.graphql.schema import build_schema
from chronology.settings import Settings, SettingsError
from chronology.storage.engine import database_url, make_async_engine, make_engine
from chronology.storage.migrations import head_revision
from chronology.web.export import ExportEndpoint
from chronology.web.graphiql import graphiql_page
from chronology.web.pages import web_middleware, web_routes
from chronology.web.reconcile import Reconciliation
from chronology.web.records.pages import RecordPages


def create_app(settings: Settings, *, database_url: str) -> Starlette:
    """Build the service for a prepared database."""

    # LIFO: under light load the same few connections serve every request, so the statements
    # psycopg has prepared on them (and PostgreSQL's cached plans) are reused instead of each
    # of ten connections planning the large compiled statements anew.
    engine = make_async_engine(database_url, pool_size=10, max_overflow=10, pool_use_lifo=True)
    view = ChronologyGraphQL(build_schema(settings), settings=settings, engine=engine, ide=graphiql_page)
    # Exports stream from a synchronous reader in the thread pool; it has a small pool of its own, one
    # connection per export allowed at once (ExportGate) and as many again for reading the filters.
    export_pool = settings.export_concurrency
    export = ExportEndpoint(
        settings, make_engine(database_url, pool_size=export_pool, max_overflow=export_pool), engine
    )

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[dict[str, Any]]:
        if settings.production:
            _tune_garbage_collector()
        try:
            yield {"engine": engine, "settings": settings}
        finally:
            export.engine.dispose()
            await engine.dispose()

    app = Starlette(
        routes=[
            Route("/healthz", healthz),
            Route("/readyz", readyz),
            Route(
                "/graphql",
                GraphQLEndpoint(view, max_in_flight=settings.max_in_flight, busy_wait_ms=settings.busy_wait_ms),
                methods=["GET", "POST"],
            ),
            *web_routes(),
            *export.routes(),
            *RecordPages(view).routes(),
            *Reconciliation().routes(),
        ],
        middleware=web_middleware(settings),
        lifespan=lifespan,
    )
    app.state.engine = engine
    return app


def app_from_environment() -> Starlette:
    """Build the service for `uvicorn --factory` from the CHRONOLOGY_* variables; the database is already migrated."""
    try:
        settings = Settings.from_environment()
    except SettingsError as error:
        raise SystemExit(f"error: {error}") from None  # an operator's mistake: the message, not a traceback
    return create_app(settings, database_url=database_url(settings))


def _tune_garbage_collector() -> None:
    """Keep the cyclic collector from pausing requests for long-lived objects."""
    # A page of documents allocates tens of thousands of short-lived objects; with the
    # default thresholds, full collections rescanning the schema, the ORM metadata and the
    # compiled-statement caches made one request in ten 100 ms slower.
    gc.collect()
    gc.freeze()
    gc.set_threshold(20_000, 50, 100)


async def healthz(request: Request) -> JSONResponse:
    """Answer that the process is alive."""
    return JSONResponse({"status": "ok", "version": __version__})


async def readyz(request: Request) -> JSONResponse:
    """Answer whether the database is reachable and migrated to the code's head."""
    engine: AsyncEngine = request.state.engine
    try:
        async with engine.connect() as connection:
            current = (await connection.execute(text("SELECT version_num FROM alembic_version"))).scalar()
    except Exception as error:
        return JSONResponse(
            {"status": "unavailable", "database": "unreachable", "error": type(error).__name__},
            status_code=503,
        )
    head = head_revision()
    if current != head:
        return JSONResponse(
            {"status": "unavailable", "database": "behind", "current": current, "head": head},
            status_code=503,
        )
    return JSONResponse({"status": "ok", "database": "ok", "revision": current})
