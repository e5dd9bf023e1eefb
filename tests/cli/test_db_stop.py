"""`chronology db stop` stops the embedded server that outlives commands, and only that one."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import psycopg
import pytest
from typer.testing import CliRunner

from chronology.cli.main import app
from chronology.storage.embedded import start_embedded, stop_embedded


def test_db_stop_stops_the_embedded_server_under_home() -> None:
    # mkdtemp, not tmp_path: a short path the server's own system user may reach (as under the fault test).
    home = Path(tempfile.mkdtemp(prefix="chrono-stop-")) / "home"
    uri = start_embedded(home)  # a server of this test's own, not the suite's
    try:
        with psycopg.connect(uri) as connection:
            assert connection.execute("SELECT 1").fetchone() == (1,)
        stopped = CliRunner().invoke(app, ["db", "stop"], env={"CHRONOLOGY_HOME": str(home)})
        assert stopped.exit_code == 0, stopped.output
        assert stopped.stdout.startswith(f"stopped the embedded server under {home} (pid ")
        with pytest.raises(psycopg.OperationalError):
            psycopg.connect(uri, connect_timeout=5)
        again = CliRunner().invoke(app, ["db", "stop"], env={"CHRONOLOGY_HOME": str(home)})
        assert again.exit_code == 0
        assert again.stdout == f"no embedded server is running under {home}\n"
    finally:
        stop_embedded(home)
        shutil.rmtree(home.parent, ignore_errors=True)


def test_db_stop_with_nothing_ever_started(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["db", "stop"], env={"CHRONOLOGY_HOME": str(tmp_path / "empty")})
    assert result.exit_code == 0
    assert "no embedded server is running" in result.stdout
    assert not (tmp_path / "empty").exists()  # stopping creates nothing


def test_db_stop_leaves_a_configured_server_alone(database: str) -> None:
    result = CliRunner().invoke(app, ["db", "stop"], env={"CHRONOLOGY_DATABASE_URL": database})
    assert result.exit_code == 2
    assert result.stderr.startswith("error: CHRONOLOGY_DATABASE_URL is set")
    with psycopg.connect(database.replace("+psycopg", "")) as connection:
        assert connection.execute("SELECT 1").fetchone() == (1,)
