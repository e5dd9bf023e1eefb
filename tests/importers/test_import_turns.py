"""Imports take turns on a transaction-scoped advisory lock; a file commits together with the authority lists."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest
from sqlalchemy import Engine, create_engine, text
from typer.testing import CliRunner

from chronology.cli.main import app
from chronology.importers.load.turns import IMPORT_LOCK, WAITING
from chronology.importers.report import ImportReport
from chronology.importers.run import prepare, run_import
from tests.paths import EDITION_FIXTURES

LETTERS = EDITION_FIXTURES / "correspondence_sample.txt"


@pytest.fixture
def engine(fresh_database: str) -> Iterator[Engine]:
    engine = create_engine(fresh_database)
    yield engine
    engine.dispose()


def _count(engine: Engine, table: str) -> int:
    with engine.connect() as connection:
        return int(connection.execute(text(f"SELECT count(*) FROM {table}")).scalar_one())


def test_an_import_waits_for_the_one_running_and_says_so(engine: Engine) -> None:
    said: list[str] = []
    reports: list[ImportReport] = []
    with engine.connect() as other, other.begin():
        # Another import's transaction holds the lock.
        other.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": IMPORT_LOCK})
        waiting = threading.Event()

        def say(message: str) -> None:
            said.append(message)
            waiting.set()

        worker = threading.Thread(target=lambda: reports.append(run_import(engine, [prepare(LETTERS)], waiting=say)))
        worker.start()
        assert waiting.wait(60)
        assert worker.is_alive()  # still waiting for its turn
        assert _count(engine, "documents") == 0
        assert _count(engine, "persons") == 0  # not even the authority lists went ahead of the file
    worker.join(120)
    assert said == [WAITING]
    assert reports[0].ok
    assert _count(engine, "documents") > 0


def test_an_import_with_no_one_ahead_does_not_wait(engine: Engine) -> None:
    said: list[str] = []
    assert run_import(engine, [prepare(LETTERS)], waiting=said.append).ok
    assert said == []


def test_the_authority_lists_commit_in_the_files_transaction(engine: Engine) -> None:
    assert run_import(engine, [prepare(LETTERS)]).ok
    with engine.connect() as connection:
        transactions = connection.execute(
            text("SELECT table_name, array_agg(DISTINCT transaction_id) FROM audit_log GROUP BY table_name")
        ).all()
    by_table: dict[str, list[int]] = {row[0]: row[1] for row in transactions}
    assert {"persons", "bodies", "documents"} <= set(by_table)
    assert len({tid for ids in by_table.values() for tid in ids}) == 1  # one transaction wrote them all


def test_the_command_says_it_waits_in_one_line(fresh_database: str, engine: Engine) -> None:
    result_box: list[object] = []
    with engine.connect() as other, other.begin():
        other.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": IMPORT_LOCK})
        env = {"CHRONOLOGY_DATABASE_URL": fresh_database}
        worker = threading.Thread(
            target=lambda: result_box.append(CliRunner().invoke(app, ["import", str(LETTERS)], env=env))
        )
        worker.start()
        worker.join(3)
        assert worker.is_alive()
    worker.join(120)
    result = result_box[0]
    assert result.exit_code == 0, result.output  # type: ignore[attr-defined]
    assert result.stderr.splitlines()[0] == WAITING  # type: ignore[attr-defined]
