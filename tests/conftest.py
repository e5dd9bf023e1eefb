"""Real PostgreSQL for every test: migrated once into a template, then isolated per test."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator

import pytest
from sqlalchemy import Connection, Engine, create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

from chronology.settings import Settings
from chronology.storage.engine import database_url
from chronology.storage.migrations import upgrade

RUN = f"{os.getpid()}_{uuid.uuid4().hex[:6]}"


def _admin_engine(url: str) -> Engine:
    return create_engine(make_url(url).set(database="postgres"), isolation_level="AUTOCOMMIT")


def create_database(server_url: str, name: str, *, template: str | None = None) -> str:
    """Create database NAME (from TEMPLATE if given) and return its URL."""
    admin = _admin_engine(server_url)
    with admin.connect() as connection:
        clause = f' TEMPLATE "{template}" STRATEGY FILE_COPY' if template else ""
        connection.execute(text(f'CREATE DATABASE "{name}"{clause}'))
    admin.dispose()
    return make_url(server_url).set(database=name).render_as_string(hide_password=False)


def drop_database(server_url: str, name: str) -> None:
    """Drop database NAME, closing any connection left to it."""
    admin = _admin_engine(server_url)
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture(scope="session")
def server_url() -> str:
    """Return a URL on the test server: CHRONOLOGY_DATABASE_URL's, or the embedded one."""
    return database_url(Settings.from_environment(), database="postgres")


@pytest.fixture(scope="session")
def template_database(server_url: str) -> Iterator[str]:
    """Migrate an empty database to head once per run; tests clone it."""
    name = f"chronology_test_{RUN}_template"
    url = create_database(server_url, name)
    upgrade(url)
    yield name
    drop_database(server_url, name)


@pytest.fixture(scope="session")
def database(server_url: str, template_database: str) -> Iterator[str]:
    """Return the URL of the run's shared, migrated database (tests roll back their changes)."""
    name = f"chronology_test_{RUN}"
    url = create_database(server_url, name, template=template_database)
    yield url
    drop_database(server_url, name)


@pytest.fixture(scope="session")
def engine(database: str) -> Iterator[Engine]:
    """Return an engine on the shared test database."""
    engine = create_engine(database)
    yield engine
    engine.dispose()


@pytest.fixture
def connection(engine: Engine) -> Iterator[Connection]:
    """Yield a connection inside a transaction that is rolled back after the test."""
    with engine.connect() as connection:
        transaction = connection.begin()
        try:
            yield connection
        finally:
            transaction.rollback()


@pytest.fixture
def session(connection: Connection) -> Iterator[Session]:
    """Yield an ORM session whose commits become savepoints of the rolled-back transaction."""
    with Session(bind=connection, join_transaction_mode="create_savepoint") as session:
        yield session


@pytest.fixture
def fresh_database(server_url: str, template_database: str) -> Iterator[str]:
    """Yield the URL of a migrated database of this test's own, dropped afterwards."""
    name = f"chronology_test_{RUN}_{uuid.uuid4().hex[:8]}"
    url = create_database(server_url, name, template=template_database)
    yield url
    drop_database(server_url, name)


@pytest.fixture
def empty_database(server_url: str) -> Iterator[str]:
    """Yield the URL of an empty, unmigrated database, dropped afterwards."""
    name = f"chronology_test_{RUN}_{uuid.uuid4().hex[:8]}_empty"
    url = create_database(server_url, name)
    yield url
    drop_database(server_url, name)
