"""`chronology token create|list|revoke` against a real database."""

from __future__ import annotations

import datetime
import hashlib

import pytest
from sqlalchemy import create_engine, select
from sqlalchemy.orm import Session
from typer.testing import CliRunner

from chronology import models
from chronology.cli.main import app
from chronology.cli.tokens import parse_expiry


@pytest.fixture
def cli_env(fresh_database: str, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("CHRONOLOGY_DATABASE_URL", fresh_database)
    return fresh_database


def _tokens(url: str) -> list[models.ApiToken]:
    engine = create_engine(url)
    try:
        with Session(engine) as session:
            return list(session.scalars(select(models.ApiToken).order_by(models.ApiToken.name)))
    finally:
        engine.dispose()


def test_create_prints_the_secret_once_and_stores_its_hash(cli_env: str) -> None:
    result = CliRunner().invoke(app, ["token", "create", "--role", "editor", "--name", "ada", "--expires", "30d"])
    assert result.exit_code == 0, result.output
    secret = result.stdout.strip()
    assert secret.startswith("chron_")
    [token] = _tokens(cli_env)
    assert (token.name, token.role) == ("ada", "editor")
    assert token.token_hash == hashlib.sha256(secret.encode()).hexdigest()
    assert token.expires_at is not None
    days = (token.expires_at - datetime.datetime.now(datetime.UTC)).days
    assert 29 <= days <= 30


def test_list_shows_tokens_without_secrets_and_revoke_revokes(cli_env: str) -> None:
    runner = CliRunner()
    secret = runner.invoke(app, ["token", "create", "--role", "admin", "--name", "root"]).stdout.strip()
    runner.invoke(app, ["token", "create", "--role", "reader", "--name", "guest", "--expires", "2099-01-01"])
    listed = runner.invoke(app, ["token", "list"])
    assert listed.exit_code == 0, listed.output
    lines = listed.stdout.splitlines()
    assert lines[0].split() == ["name", "role", "created", "expires", "revoked", "last", "used"]
    assert any(line.startswith("guest") and "reader" in line and "2099-01-01" in line for line in lines)
    assert secret not in listed.stdout
    assert all(t.token_hash not in listed.stdout for t in _tokens(cli_env))

    revoked = runner.invoke(app, ["token", "revoke", "guest"])
    assert revoked.exit_code == 0, revoked.output
    guest = next(t for t in _tokens(cli_env) if t.name == "guest")
    assert guest.revoked_at is not None
    again = runner.invoke(app, ["token", "revoke", "guest"])
    assert again.exit_code == 1
    assert "no active token named 'guest'" in again.output


def test_list_says_when_there_are_none(cli_env: str) -> None:
    result = CliRunner().invoke(app, ["token", "list"])
    assert result.exit_code == 0
    assert result.stdout.strip() == "no tokens"


@pytest.mark.parametrize(
    ("arguments", "code", "message"),
    [
        (["--role", "superuser", "--name", "x"], 2, "superuser"),
        (["--role", "reader", "--name", "x", "--expires", "tomorrowish"], 2, "cannot read the expiry"),
        (["--role", "reader", "--name", "x", "--expires", "1999-01-01"], 2, "in the past"),
        (["--role", "reader", "--name", "  "], 1, "a token needs a name"),
    ],
)
def test_bad_requests_give_a_message_and_no_token(cli_env: str, arguments: list[str], code: int, message: str) -> None:
    result = CliRunner().invoke(app, ["token", "create", *arguments])
    assert result.exit_code == code
    assert message in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert _tokens(cli_env) == []


def test_a_duplicate_name_is_refused(cli_env: str) -> None:
    runner = CliRunner()
    runner.invoke(app, ["token", "create", "--role", "reader", "--name", "ada"])
    result = runner.invoke(app, ["token", "create", "--role", "admin", "--name", "ada"])
    assert result.exit_code == 1
    assert "exists already" in result.output
    assert [t.role for t in _tokens(cli_env)] == ["reader"]


def test_revoking_an_unknown_token_fails(cli_env: str) -> None:
    result = CliRunner().invoke(app, ["token", "revoke", "nobody"])
    assert result.exit_code == 1
    assert "nobody" in result.output


NOW = datetime.datetime(2026, 1, 1, 12, tzinfo=datetime.UTC)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("30d", NOW + datetime.timedelta(days=30)),
        ("2w", NOW + datetime.timedelta(days=14)),
        ("2027-01-01", datetime.datetime(2027, 1, 1, tzinfo=datetime.UTC)),
        ("2027-01-01T08:00:00+03:00", datetime.datetime(2027, 1, 1, 5, tzinfo=datetime.UTC)),
    ],
)
def test_parse_expiry(text: str, expected: datetime.datetime) -> None:
    assert parse_expiry(text, NOW) == expected


@pytest.mark.parametrize("text", ["0d", "soon", "2025-12-31"])
def test_parse_expiry_refuses(text: str) -> None:
    with pytest.raises(ValueError, match=r"expiry|at least one day"):
        parse_expiry(text, NOW)
