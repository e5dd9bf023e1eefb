"""Migrations go up and down cleanly and match the models."""

from __future__ import annotations

import pytest
from sqlalchemy import create_engine, inspect
from typer.testing import CliRunner

from chronology.cli.main import app
from chronology.storage.migrations import current_revision, downgrade, drift, head_revision, upgrade


def _tables(url: str) -> set[str]:
    engine = create_engine(url)
    try:
        return set(inspect(engine).get_table_names())
    finally:
        engine.dispose()


def test_empty_to_head_to_base_to_head(empty_database: str) -> None:
    upgrade(empty_database)
    assert current_revision(empty_database) == head_revision()
    assert {"documents", "decisions", "votes", "relations", "audit_log"} <= _tables(empty_database)
    downgrade(empty_database, "base")
    assert current_revision(empty_database) is None
    assert _tables(empty_database) <= {"alembic_version"}
    upgrade(empty_database)
    assert drift(empty_database) == []


def test_drift_is_found_when_the_database_differs(fresh_database: str) -> None:
    engine = create_engine(fresh_database)
    with engine.begin() as connection:
        connection.exec_driver_sql("ALTER TABLE documents ADD COLUMN stray text")
    engine.dispose()
    assert any("stray" in difference for difference in drift(fresh_database))


@pytest.fixture
def cli_env(fresh_database: str, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("CHRONOLOGY_DATABASE_URL", fresh_database)
    return fresh_database


def test_db_check_reports_no_drift(cli_env: str) -> None:
    result = CliRunner().invoke(app, ["db", "check"])
    assert result.exit_code == 0, result.output
    assert "no drift" in result.output


def test_db_current_and_downgrade(cli_env: str) -> None:
    runner = CliRunner()
    current = runner.invoke(app, ["db", "current"])
    assert f"current: {head_revision()}" in current.output
    down = runner.invoke(app, ["db", "downgrade", "base"])
    assert down.exit_code == 0, down.output
    check = runner.invoke(app, ["db", "check"])
    assert check.exit_code == 0, check.output
    assert "no drift" in check.output
    assert "this database is at base" in check.output
    up = runner.invoke(app, ["db", "upgrade"])
    assert up.exit_code == 0, up.output
    assert str(head_revision()) in up.output
