"""`chronology token`: create, list and revoke the API tokens that let people write."""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator
from contextlib import contextmanager
from enum import StrEnum
from typing import Annotated

import typer
from sqlalchemy.orm import Session

token_app = typer.Typer(help="Create, list and revoke API tokens.", no_args_is_help=True)

_SPAN = re.compile(r"(\d+)\s*([dw])")


class TokenRole(StrEnum):
    """What a token lets its holder do."""

    READER = "reader"
    EDITOR = "editor"
    ADMIN = "admin"


def parse_expiry(text: str, now: datetime.datetime) -> datetime.datetime:
    """Read `30d`, `2w` (from NOW) or a date `2027-01-01` (midnight UTC) as an expiry time."""
    span = _SPAN.fullmatch(text.strip().lower())
    if span:
        count = int(span.group(1))
        days = count * 7 if span.group(2) == "w" else count
        if days <= 0:
            raise ValueError("an expiry span must be at least one day")
        return now + datetime.timedelta(days=days)
    try:
        moment = datetime.datetime.fromisoformat(text.strip())
    except ValueError:
        raise ValueError(
            f"cannot read the expiry {text!r}: give a span such as 30d or 2w, or a date such as 2027-01-01"
        ) from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=datetime.UTC)
    if moment <= now:
        raise ValueError(f"the expiry {text!r} is in the past")
    return moment


@contextmanager
def _session() -> Iterator[Session]:
    """Open a session on the configured database; commit when the command succeeds."""
    from chronology.settings import Settings
    from chronology.storage.bootstrap import prepare_database
    from chronology.storage.engine import make_engine

    engine = make_engine(prepare_database(Settings.from_environment()))
    try:
        with Session(engine) as session:
            yield session
            session.commit()
    finally:
        engine.dispose()


def _when(moment: datetime.datetime | None) -> str:
    return moment.astimezone(datetime.UTC).strftime("%Y-%m-%d %H:%M") if moment else "-"


@token_app.command("create")
def create(
    name: Annotated[str, typer.Option(help="A unique name: who holds the token.")],
    role: Annotated[TokenRole, typer.Option(help="What the token may do.")],
    expires: Annotated[str | None, typer.Option(help="When it stops working: a span (30d, 2w) or a date.")] = None,
) -> None:
    """Create a token and print its secret (shown this once; only its hash is kept)."""
    from chronology.services.tokens import create_token

    now = datetime.datetime.now(datetime.UTC)
    try:
        expires_at = parse_expiry(expires, now) if expires is not None else None
    except ValueError as error:
        typer.echo(f"error: {error}", err=True)
        raise typer.Exit(2) from None
    try:
        with _session() as session:
            issued = create_token(session, name=name, role=role.value, expires_at=expires_at)
    except ValueError as error:
        typer.echo(f"error: {error}", err=True)
        raise typer.Exit(1) from None
    typer.echo(issued.secret)
    until = f", until {_when(expires_at)} UTC" if expires_at else ""
    typer.echo(
        f"created {role.value} token {name!r}{until}; keep the secret above, it is not shown again",
        err=True,
    )


@token_app.command("list")
def list_command() -> None:
    """List the tokens: name, role, created, expires, revoked, last used (never secrets)."""
    from chronology.services.tokens import list_tokens

    header = ("name", "role", "created", "expires", "revoked", "last used")
    with _session() as session:
        lines = [header] + [
            (
                t.name,
                t.role,
                _when(t.created_at),
                _when(t.expires_at),
                _when(t.revoked_at),
                _when(t.last_used_at),
            )
            for t in list_tokens(session)
        ]
    if len(lines) == 1:
        typer.echo("no tokens")
        return
    widths = [max(len(line[i]) for line in lines) for i in range(len(header))]
    for line in lines:
        typer.echo("  ".join(cell.ljust(width) for cell, width in zip(line, widths, strict=True)))


@token_app.command("revoke")
def revoke(name: Annotated[str, typer.Argument(help="The token's name.")]) -> None:
    """Revoke a token at once."""
    from chronology.services.tokens import revoke_token

    with _session() as session:
        revoked = revoke_token(session, name)
    if not revoked:
        typer.echo(f"error: there is no active token named {name!r}", err=True)
        raise typer.Exit(1)
    typer.echo(f"revoked {name!r}")
