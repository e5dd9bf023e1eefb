"""One request's database work: a lazily opened connection, one transaction, one at a time."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from typing import Any

import psycopg
from psycopg import errors as pg_errors
from sqlalchemy import Dialect, Executable, Row, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine, AsyncSession

from chronology.graphql.runtime.errors import ChronologyError, ErrorCode, unavailable

# Connection exceptions (class 08) and the server shutting down or starting (57P01-57P03).
_UNAVAILABLE_STATES = ("08", "57P01", "57P02", "57P03")


class RequestDatabase:
    """The database as one GraphQL request sees it.

    Resolvers run concurrently but share one connection (one statement timeout),
    so statements take turns behind a lock. A request that only reads runs its
    statements in autocommit: under READ COMMITTED each statement takes its own
    snapshot inside a transaction too, so a transaction would add nothing but the
    BEGIN and ROLLBACK round trips, which cost as much as a small query. The first
    write opens a transaction (with the actor set for the audit trail) that lasts
    until the request ends.
    """

    def __init__(self, engine: AsyncEngine, *, statement_timeout_ms: int, actor: str | None):
        self._engine = engine
        self._timeout = statement_timeout_ms
        self._actor = actor
        self._connection: AsyncConnection | None = None
        self._writing = False
        self._lock = asyncio.Lock()
        self._refusal: ChronologyError | None = None

    async def _connect(self) -> AsyncConnection:
        if self._connection is None:
            try:
                connection = await self._engine.connect()
            except DBAPIError as error:
                raise translate(error) from error
            try:
                if self._writing:
                    await connection.begin()
                    await connection.execute(
                        text(
                            "SELECT set_config('statement_timeout', :timeout, true),"
                            " set_config('chronology.actor', :actor, true)"
                        ),
                        {"timeout": f"{self._timeout}ms", "actor": self._actor or ""},
                    )
                else:
                    await connection.execution_options(isolation_level="AUTOCOMMIT")
                    await _session_timeout(connection, self._timeout)
            except DBAPIError as error:
                await connection.close()
                raise translate(error) from error
            except BaseException:
                await connection.close()
                raise
            self._connection = connection
        return self._connection

    async def begin_writing(self) -> None:
        """Make the following statements one transaction that may write (idempotent)."""
        async with self._lock:
            if self._writing:
                return
            self._writing = True
            reader, self._connection = self._connection, None
            if reader is not None:
                await reader.close()

    @property
    def dialect(self) -> Dialect:
        """Return the dialect statements are compiled for."""
        return self._engine.dialect

    async def rows(self, statement: Executable | str, parameters: dict[str, Any] | None = None) -> Sequence[Row[Any]]:
        """Run a statement (or SQL already compiled for the driver) and return all its rows."""
        if self._refusal is not None:
            refusal, self._refusal = self._refusal, None
            raise refusal
        async with self._lock:
            for attempt in range(2):
                connection = await self._connect()
                try:
                    if isinstance(statement, str):
                        result = await connection.exec_driver_sql(statement, parameters or {})
                    else:
                        result = await connection.execute(statement, parameters or {})
                    return result.all() if result.returns_rows else []
                except DBAPIError as error:
                    # The pool does not ping: a connection the server dropped (a restart) is
                    # noticed here, and a read is simply tried again on a fresh one.
                    if error.connection_invalidated and not self._writing and attempt == 0:
                        self._connection = None
                        await connection.close()
                        continue
                    raise translate(error) from error
            raise AssertionError("unreachable: the second attempt returns or raises")

    def refuse_next(self, error: ChronologyError) -> None:
        """Make the next statement fail with ERROR without running (it already failed once in this request)."""
        self._refusal = error

    async def session(self) -> AsyncSession:
        """Return an ORM session on this request's connection (for writes)."""
        await self.begin_writing()
        async with self._lock:
            connection = await self._connect()
        return AsyncSession(bind=connection, expire_on_commit=False)

    async def commit(self) -> None:
        """Commit what this request wrote (before its answer is sent), raising UNAVAILABLE if that fails."""
        if self._connection is None or not self._writing:
            return
        try:
            await self._connection.commit()
        except DBAPIError as error:
            raise translate(error) from error

    async def close(self, *, commit: bool) -> None:
        """End the transaction (committing if asked) and give the connection back."""
        connection, self._connection = self._connection, None
        if connection is None:
            return
        try:
            if commit and self._writing:
                await connection.commit()
            else:
                await connection.rollback()
        except DBAPIError as error:
            # A rollback on a connection the server dropped has nothing left to undo.
            if commit or not is_unavailable(error):
                raise
        finally:
            await connection.close()


async def _session_timeout(connection: AsyncConnection, timeout_ms: int) -> None:
    """Set the statement timeout on a pooled connection, once per connection and value."""
    # `info` lives as long as the server connection, so the SET is paid once, not per request.
    if connection.info.get("chronology.statement_timeout") != timeout_ms:
        await connection.execute(text(f"SET statement_timeout = {int(timeout_ms)}"))
        connection.info["chronology.statement_timeout"] = timeout_ms


def is_unavailable(error: DBAPIError) -> bool:
    """Tell whether ERROR means the database cannot be reached (down, restarting, connection lost)."""
    original = error.orig
    if error.connection_invalidated or isinstance(original, psycopg.InterfaceError):
        return True
    if not isinstance(original, psycopg.OperationalError):
        return False
    state = original.sqlstate
    return state is None or state.startswith(_UNAVAILABLE_STATES)


def translate(error: DBAPIError) -> ChronologyError | DBAPIError:
    """Turn the database errors a client can cause into readable ones."""
    original = error.orig
    if is_unavailable(error):
        return unavailable()
    if isinstance(original, pg_errors.QueryCanceled):
        return ChronologyError(ErrorCode.TIMEOUT, "the query took too long and was stopped; ask for less")
    if isinstance(original, psycopg.DataError):
        # NUL bytes, malformed values: the client's input, not our fault.
        return ChronologyError(ErrorCode.VALIDATION, f"the database refused a value: {original}")
    return error
