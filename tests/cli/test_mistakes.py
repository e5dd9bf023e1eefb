"""Each operator mistake is one line on stderr saying what is wrong and what to do, with exit code 2."""

from __future__ import annotations

import dataclasses
import os
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from chronology.cli.main import app

CHRONOLOGY = str(Path(sys.executable).with_name("chronology"))


def one_line_refusal(result: Result, *words: str) -> str:
    """Assert the command failed with one `error:` line on stderr naming WORDS; return it."""
    assert result.exit_code == 2, result.output
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("error: ")
    assert "Traceback" not in result.output
    for word in words:
        assert word in lines[0]
    return lines[0]


@pytest.mark.parametrize(
    ("value", "words"),
    [
        ("nonsense", ("not a URL",)),
        ("localhost:5432/chronology", ("not a URL",)),
        ("postgresql://user:secret@host:port/db", ("not a valid URL",)),
        ("mysql://user:secret@localhost/chronology", ("mysql://", "not PostgreSQL")),
        ("sqlite:///tmp/chronology.db", ("sqlite://", "not PostgreSQL")),
        ("MSSQL+pyodbc://user:secret@dsn", ("not PostgreSQL",)),
    ],
)
def test_a_database_url_that_is_not_postgresql_is_refused(value: str, words: tuple[str, ...]) -> None:
    result = CliRunner().invoke(app, ["db", "current"], env={"CHRONOLOGY_DATABASE_URL": value})
    line = one_line_refusal(result, "CHRONOLOGY_DATABASE_URL", "postgresql://", *words)
    assert "secret" not in line  # the URL may hold a password: only its scheme is repeated


@pytest.mark.parametrize("command", [["db", "current"], ["sample"], ["export", "ris"]])
def test_an_unreachable_database_is_one_line(command: list[str]) -> None:
    # Port 1 on the loopback refuses at once: nothing listens there.
    env = {"CHRONOLOGY_DATABASE_URL": "postgresql://historian:secret@127.0.0.1:1/chronology"}
    result = CliRunner().invoke(app, command, env=env)
    line = one_line_refusal(result, "cannot reach the database", "CHRONOLOGY_DATABASE_URL")
    assert "secret" not in line


@pytest.mark.parametrize(
    ("variable", "value", "words"),
    [
        ("CHRONOLOGY_STATEMENT_TIMEOUT_MS", "abc", ("whole number of milliseconds",)),
        ("CHRONOLOGY_STATEMENT_TIMEOUT_MS", "-5", ("at least 1",)),
        ("CHRONOLOGY_STATEMENT_TIMEOUT_MS", "2.5", ("whole number",)),
        ("CHRONOLOGY_STATEMENT_TIMEOUT_MS", "0", ("at least 1",)),
        ("CHRONOLOGY_ENV", "prod", ("development or production",)),
        ("CHRONOLOGY_ENV", "staging", ("development or production",)),
        ("CHRONOLOGY_ANONYMOUS_READ", "ture", ("true or false",)),
        ("CHRONOLOGY_COMPILE_SELECTIONS", "maybe", ("true or false",)),
        ("CHRONOLOGY_EXPORT_MAX_BYTES", "50MB", ("whole number of bytes",)),
        ("CHRONOLOGY_EXPORT_CONCURRENCY", "none", ("whole number",)),
    ],
)
def test_a_setting_that_cannot_work_is_refused(variable: str, value: str, words: tuple[str, ...]) -> None:
    result = CliRunner().invoke(app, ["db", "current"], env={variable: value})
    one_line_refusal(result, variable, repr(value), *words)


def test_chronology_home_on_a_file_is_refused(tmp_path: Path) -> None:
    file = tmp_path / "notes.txt"
    file.write_text("a file, not a directory\n")
    for home in (file, file / "chronology"):
        result = CliRunner().invoke(app, ["db", "current"], env={"CHRONOLOGY_HOME": str(home)})
        one_line_refusal(result, "CHRONOLOGY_HOME", f"{file} is a file")


@pytest.mark.parametrize("port", ["99999", "0", "65536", "-1"])
def test_serve_refuses_a_port_out_of_range_before_the_banner(port: str) -> None:
    result = CliRunner().invoke(app, ["serve", "--port", port])
    one_line_refusal(result, f"--port {port}", "1 to 65535")
    assert "Chronology" not in result.stdout


@pytest.mark.parametrize("host", ["192.0.2.1", "no-such-host.invalid", "::ffff:999.1.1.1"])
def test_serve_on_an_address_not_of_this_machine_is_one_line(host: str, tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["serve", "--host", host], env={"CHRONOLOGY_HOME": str(tmp_path / "unused")})
    one_line_refusal(result, f"--host {host!r}", "127.0.0.1")
    assert not (tmp_path / "unused").exists()


def test_serve_on_a_port_in_use_is_one_line_before_the_banner(tmp_path: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        environment = {**os.environ, "CHRONOLOGY_HOME": str(tmp_path / "never-started")}
        run = subprocess.run(
            [CHRONOLOGY, "serve", "--port", str(port)], env=environment, capture_output=True, text=True, timeout=60
        )
    assert run.returncode == 2
    assert run.stdout == ""  # no banner announcing a service that never listened
    assert run.stderr.splitlines() == [
        f"error: port {port} on 127.0.0.1 is already in use; stop what listens there or choose another with --port"
    ]
    assert not (tmp_path / "never-started").exists()  # the port is checked before any server is started


@pytest.mark.parametrize("revision", ["nonsense", "0099", "+7"])
@pytest.mark.parametrize("direction", ["downgrade", "upgrade"])
def test_migrating_to_an_unknown_revision_is_one_line(fresh_database: str, direction: str, revision: str) -> None:
    env = {"CHRONOLOGY_DATABASE_URL": fresh_database}
    result = CliRunner().invoke(app, ["db", direction, revision], env=env)
    one_line_refusal(result, repr(revision), "chronology db current")
    assert "head:" in CliRunner().invoke(app, ["db", "current"], env=env).stdout


def test_export_into_a_missing_directory_is_one_line(tmp_path: Path) -> None:
    out = tmp_path / "missing" / "letters.ris"
    result = CliRunner().invoke(app, ["export", "ris", "--out", str(out)])
    one_line_refusal(result, "--out", f"{tmp_path / 'missing'} does not exist")
    assert not out.parent.exists()


@pytest.mark.parametrize("format", ["tei", "ris", "csl"])
def test_export_into_an_existing_directory_is_one_line(tmp_path: Path, format: str) -> None:
    result = CliRunner().invoke(app, ["export", format, "--out", str(tmp_path)])
    one_line_refusal(result, "--out", "is a directory", "file name")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("variable", "value"),
    [
        ("CHRONOLOGY_DATABASE_URL", "mysql://root@localhost/chronology"),
        ("CHRONOLOGY_DATABASE_URL", "postgresql://historian@127.0.0.1:1/chronology"),
        ("CHRONOLOGY_STATEMENT_TIMEOUT_MS", "abc"),
        ("CHRONOLOGY_ENV", "prod"),
        ("CHRONOLOGY_HOME", "/etc/hostname"),
    ],
)
def test_the_installed_command_says_one_line(variable: str, value: str) -> None:
    environment = {k: v for k, v in os.environ.items() if not k.startswith("CHRONOLOGY_")}
    run = subprocess.run(
        [CHRONOLOGY, "db", "current"], env={**environment, variable: value}, capture_output=True, text=True, timeout=60
    )
    assert run.returncode == 2
    assert len(run.stderr.splitlines()) == 1, run.stderr
    assert run.stderr.startswith("error: ")
    assert variable in run.stderr


def test_a_failed_export_leaves_no_file(tmp_path: Path, fresh_database: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from chronology.exporters import EXPORTERS

    def breaking(reader: object, options: object) -> Iterator[bytes]:
        yield b"TY  - LETT\n"  # some bytes are written before the failure
        raise OSError(28, "No space left on device")

    env = {"CHRONOLOGY_DATABASE_URL": fresh_database}
    out = tmp_path / "letters.ris"
    out.write_bytes(b"the previous export\n")
    monkeypatch.setitem(EXPORTERS, "ris", dataclasses.replace(EXPORTERS["ris"], writer=breaking))
    result = CliRunner().invoke(app, ["export", "ris", "--out", str(out)], env=env)
    assert result.exit_code != 0
    assert out.read_bytes() == b"the previous export\n"  # not replaced by a cut-off file
    assert sorted(p.name for p in tmp_path.iterdir()) == ["letters.ris"]  # no partial file left


def test_a_finished_export_replaces_the_file(tmp_path: Path, fresh_database: str) -> None:
    env = {"CHRONOLOGY_DATABASE_URL": fresh_database}
    out = tmp_path / "letters.ris"
    out.write_bytes(b"the previous export\n")
    result = CliRunner().invoke(app, ["export", "ris", "--out", str(out)], env=env)
    assert result.exit_code == 0, result.output
    streamed = CliRunner().invoke(app, ["export", "ris"], env=env)
    assert out.read_bytes() == streamed.stdout_bytes
    assert sorted(p.name for p in tmp_path.iterdir()) == ["letters.ris"]


def test_a_data_package_into_a_new_directory_ending_in_a_slash(tmp_path: Path, fresh_database: str) -> None:
    out = tmp_path / "package"
    env = {"CHRONOLOGY_DATABASE_URL": fresh_database}
    result = CliRunner().invoke(app, ["export", "datapackage", "--out", f"{out}/"], env=env)
    assert result.exit_code == 0, result.output
    assert out.is_dir()  # not a ZIP named `package`
    assert (out / "datapackage.json").is_file()
    assert not [p.name for p in out.iterdir() if p.name.endswith(".partial")]
