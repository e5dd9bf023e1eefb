"""The request's connection: reads without a transaction, writes in one, and a dropped connection survived."""

from __future__ import annotations

from sqlalchemy import create_engine, text
from starlette.testclient import TestClient

from chronology.app import create_app
from chronology.settings import Settings


def _backends(url: str, query: str) -> int:
    engine = create_engine(url, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as connection:
            found: int = connection.execute(text(query)).scalar_one()
            return found
    finally:
        engine.dispose()


def test_a_read_after_the_server_dropped_the_connection_is_answered(fresh_database: str) -> None:
    app = create_app(Settings(), database_url=fresh_database)
    with TestClient(app) as http:
        assert "errors" not in http.post("/graphql", json={"query": "{ bodies { id } }"}).json()
        killed = _backends(
            fresh_database,
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity"
            " WHERE datname = current_database() AND pid <> pg_backend_pid()",
        )
        assert killed >= 1
        body = http.post("/graphql", json={"query": "{ bodies { id } }"}).json()
        assert body == {"data": {"bodies": []}}


def test_reads_leave_no_transaction_open_and_use_the_statement_timeout(fresh_database: str) -> None:
    app = create_app(Settings(statement_timeout_ms=1234), database_url=fresh_database)
    with TestClient(app) as http:
        http.post("/graphql", json={"query": "{ bodies { id } }"})
        idle_in_transaction = _backends(
            fresh_database,
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
            " AND state LIKE 'idle in transaction%'",
        )
        assert idle_in_transaction == 0
        engine = app.state.engine

        async def timeout() -> str:
            async with engine.connect() as connection:
                value: str = (await connection.execute(text("SHOW statement_timeout"))).scalar_one()
                return value

        assert http.portal.call(timeout) == "1234ms"  # type: ignore[union-attr]
