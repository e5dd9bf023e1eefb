"""The engine factories: the configured PostgreSQL server, or the embedded one started on demand."""

from __future__ import annotations

from typing import Any

from sqlalchemy.engine import Engine, create_engine
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine

from chronology.settings import Settings
from chronology.storage.embedded import sqlalchemy_url, start_embedded


def database_url(settings: Settings, *, database: str | None = None) -> str:
    """Return the SQLAlchemy URL: the configured server, or the embedded one started on demand."""
    if settings.database_url:
        return sqlalchemy_url(settings.database_url, database)
    return sqlalchemy_url(start_embedded(settings.home), database or "chronology")


def make_engine(url: str, **options: Any) -> Engine:
    """Create a synchronous engine (CLI, imports, migrations)."""
    return create_engine(url, pool_pre_ping=True, **options)


def make_async_engine(url: str, **options: Any) -> AsyncEngine:
    """Create an asynchronous engine (the web service)."""
    # No ping per checkout: it costs a round trip per request. A connection the server
    # dropped fails its first statement instead, which invalidates the whole pool (so
    # it happens once); RequestDatabase then retries the read on a fresh connection.
    return create_async_engine(url, **options)
