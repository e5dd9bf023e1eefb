"""Find the slowest SQL statement the API runs for a class, and EXPLAIN (ANALYZE, BUFFERS) it."""

from __future__ import annotations

import asyncio
import random
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import httpx2
import psycopg
from sqlalchemy import event
from starlette.applications import Starlette

from chronology.bench.classes import QueryClass
from chronology.bench.generate import libpq_url
from chronology.bench.samples import Samples


@dataclass(frozen=True)
class Statement:
    """One statement the API ran, its parameters and how long it took."""

    sql: str
    parameters: Any
    seconds: float


async def _capture(
    query_class: QueryClass, service: Callable[[str], Starlette], database_url: str, arguments: dict[str, Any]
) -> list[Statement]:
    app = service(database_url)
    engine = app.state.engine.sync_engine
    captured: list[Statement] = []
    started: dict[int, float] = {}

    def before(conn: Any, cursor: Any, statement: str, parameters: Any, context: Any, many: bool) -> None:
        started[id(cursor)] = time.perf_counter()

    def after(conn: Any, cursor: Any, statement: str, parameters: Any, context: Any, many: bool) -> None:
        elapsed = time.perf_counter() - started.pop(id(cursor), time.perf_counter())
        captured.append(Statement(statement, parameters, elapsed))

    event.listen(engine, "before_cursor_execute", before)
    event.listen(engine, "after_cursor_execute", after)
    transport = httpx2.ASGITransport(app=app)
    async with httpx2.AsyncClient(transport=transport, base_url="http://bench") as client:
        for _ in range(2):  # the second run is the warm one
            captured.clear()
            await client.post("/graphql", json={"query": query_class.graphql, "variables": arguments})
    await app.state.engine.dispose()
    return captured


def _explain(url: str, sql: str, parameters: Any) -> list[str]:
    with psycopg.connect(url) as connection:
        rows = connection.execute(f"EXPLAIN (ANALYZE, BUFFERS) {sql}", parameters).fetchall()
    return [str(row[0]) for row in rows]


def explain_class(
    query_class: QueryClass, service: Callable[[str], Starlette], database_url: str, samples: Samples
) -> dict[str, Any]:
    """Return the API's statement count and time, and the plans of its slowest statement and the baseline.

    SERVICE builds the API on a database URL; it is run in this process, its statements captured.
    """
    graphql, sql = query_class.draw(random.Random(f"bench:{query_class.name}"), samples)  # noqa: S311
    statements = asyncio.run(_capture(query_class, service, database_url, graphql))
    url = libpq_url(database_url)
    slowest = max(statements, key=lambda s: s.seconds)
    return {
        "statements": len(statements),
        "statement_ms": sum(s.seconds for s in statements) * 1000,
        "slowest_sql": slowest.sql,
        "api_plan": _explain(url, slowest.sql, slowest.parameters),
        "baseline_plan": _explain(url, query_class.sql, sql),
    }
