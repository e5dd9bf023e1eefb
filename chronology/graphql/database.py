"""One request's database work: a lazily opened connection, one transaction, one at a time."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from typing import Any

import psycopg
from psycopg import errors as pg_errors
from sqlalchemy import Executable, Row, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine, AsyncSession

from chronology.graphql.errors import ChronologyError, ErrorCode


class RequestDatabase:
    """The database as one GraphQL request sees it.

    Resolvers run concurrently but share one connection (one snapshot, one
    statement timeout), so statements take turns behind a lock.
    """

    def __init__(self, engine: AsyncEngine, *, statement_timeout_ms: int, actor: str | None):
        self._engine = engine
        self._timeout = statement_timeout_ms
        self._actor = actor
        self._connection: AsyncConnection | None = None
        self._lock = asyncio.Lock()

    async def _connect(self) -> AsyncConnection:
        if self._connection is None:
            connection = await self._engine.connect()
            await connection.begin()
            await connection.execute(
                text(
                    "SELECT set_config('statement_timeout', :timeout, true),"
                    " set_config('chronology.actor', :actor, true)"
                ),
                {"timeout": f"{self._timeout}ms", "actor": self._actor or ""},
            )
            self._connection = connection
        return self._connection

    async def rows(self, statement: Executable, parameters: dict[str, Any] | None = None) -> Sequence[Row[Any]]:
        """Run a statement and return all its rows."""
        async with self._lock:
            connection = await self._connect()
            try:
                result = await connection.execute(statement, parameters or {})
                return result.all() if result.returns_rows else []
            except DBAPIError as error:
                raise translate(error) from error

    async def session(self) -> AsyncSession:
        """Return an ORM session on this request's connection (for writes)."""
        async with self._lock:
            connection = await self._connect()
        return AsyncSession(bind=connection, expire_on_commit=False)

    async def close(self, *, commit: bool) -> None:
        """End the transaction (committing if asked) and give the connection back."""
        connection, self._connection = self._connection, None
        if connection is None:
            return
        try:
            if commit:
                await connection.commit()
            else:
                await connection.rollback()
        finally:
            await connection.close()


def translate(error: DBAPIError) -> ChronologyError | DBAPIError:
    """Turn the database errors a client can cause into readable ones."""
    original = error.orig
    if isinstance(original, pg_errors.QueryCanceled):
        return ChronologyError(ErrorCode.TIMEOUT, "the query took too long and was stopped; ask for less")
    if isinstance(original, psycopg.DataError):
        # NUL bytes, malformed values: the client's input, not our fault.
        return ChronologyError(ErrorCode.VALIDATION, f"the database refused a value: {original}")
    return error
