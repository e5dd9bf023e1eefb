"""The baseline: each query class as one hand-written SQL statement, served as bytes by bare Starlette."""

from __future__ import annotations

import contextlib
import os
from collections.abc import AsyncIterator

from psycopg_pool import AsyncConnectionPool
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from chronology.bench.classes import BY_NAME
from chronology.bench.generate import libpq_url


def create_baseline_app(database_url: str) -> Starlette:
    """Build the bare service: POST /sql/<class> with the SQL parameters as JSON."""
    pool = AsyncConnectionPool(libpq_url(database_url), min_size=2, max_size=10, open=False)

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        await pool.open()
        try:
            yield
        finally:
            await pool.close()

    async def answer(request: Request) -> Response:
        query_class = BY_NAME.get(request.path_params["name"])
        if query_class is None:
            return JSONResponse({"error": "no such class"}, status_code=404)
        parameters = await request.json()
        async with pool.connection() as connection:
            row = await (await connection.execute(query_class.sql, parameters)).fetchone()
        body = row[0] if row else "null"
        return Response(b'{"data":' + body.encode() + b"}", media_type="application/json")

    async def healthz(request: Request) -> Response:
        return JSONResponse({"status": "ok"})

    return Starlette(
        routes=[Route("/sql/{name}", answer, methods=["POST"]), Route("/healthz", healthz)],
        lifespan=lifespan,
    )


def baseline_app() -> Starlette:
    """Build the baseline for uvicorn --factory, on CHRONOLOGY_DATABASE_URL."""
    return create_baseline_app(os.environ["CHRONOLOGY_DATABASE_URL"])
