"""Alembic environment: the same settings as the app, an advisory lock, a lock timeout."""

from __future__ import annotations

from alembic import context
from sqlalchemy import text

from chronology import models  # noqa: F401 - registers every table on the metadata
from chronology.models.base import Base
from chronology.settings import Settings
from chronology.storage.engine import database_url, make_engine
from chronology.storage.migrations import include_object

# An arbitrary constant: two processes migrating the same database wait for each other.
MIGRATION_LOCK = 7_319_2026


def run_migrations_online() -> None:
    """Run migrations on a connection given by the caller, or on the configured database."""
    connection = context.config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    url = context.config.attributes.get("url") or database_url(Settings.from_environment())
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            _run(conn)
    finally:
        # Also when a migration or the revision named fails: no connection is left for the garbage collector.
        engine.dispose()


def _run(connection: object) -> None:
    from sqlalchemy.engine import Connection

    assert isinstance(connection, Connection)
    connection.execute(text("SET lock_timeout = '10s'"))
    connection.execute(text("SELECT pg_advisory_lock(:key)"), {"key": MIGRATION_LOCK})
    try:
        context.configure(
            connection=connection,
            target_metadata=Base.metadata,
            compare_type=True,
            compare_server_default=False,
            include_object=include_object,
        )
        with context.begin_transaction():
            context.run_migrations()
        connection.commit()
    finally:
        connection.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": MIGRATION_LOCK})
        connection.commit()


run_migrations_online()
