"""The service reports that it lives and whether its database is ready."""

from __future__ import annotations

from sqlalchemy import create_engine
from starlette.testclient import TestClient

from chronology.app import create_app
from chronology.settings import Settings
from chronology.storage.embedded import sqlalchemy_url


def test_healthz_and_readyz_on_a_migrated_database(fresh_database: str) -> None:
    with TestClient(create_app(Settings(), database_url=fresh_database)) as client:
        assert client.get("/healthz").status_code == 200
        ready = client.get("/readyz")
        assert ready.status_code == 200
        assert ready.json()["database"] == "ok"


def test_readyz_refuses_when_migrations_are_behind(fresh_database: str) -> None:
    engine = create_engine(fresh_database)
    with engine.begin() as connection:
        connection.exec_driver_sql("UPDATE alembic_version SET version_num = 'old'")
    engine.dispose()
    with TestClient(create_app(Settings(), database_url=fresh_database)) as client:
        ready = client.get("/readyz")
        assert ready.status_code == 503
        assert ready.json()["database"] == "behind"


def test_readyz_refuses_when_the_database_is_unreachable(fresh_database: str) -> None:
    missing = sqlalchemy_url(fresh_database, "no_such_database_anywhere")
    with TestClient(create_app(Settings(), database_url=missing)) as client:
        assert client.get("/healthz").status_code == 200
        ready = client.get("/readyz")
        assert ready.status_code == 503
        assert ready.json()["database"] == "unreachable"
