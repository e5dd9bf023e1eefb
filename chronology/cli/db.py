"""`chronology db`: create, migrate and check the database."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Annotated

import typer

from chronology.cli.mistakes import OperatorMistakeError, first_line
from chronology.settings import Settings

db_app = typer.Typer(help="Create, migrate and check the database.", no_args_is_help=True)


@db_app.command("upgrade")
def db_upgrade(
    revision: Annotated[str, typer.Argument(help="Target revision.")] = "head",
) -> None:
    """Migrate the database up to REVISION (default: head)."""
    from chronology.storage.bootstrap import prepare_database
    from chronology.storage.migrations import current_revision, upgrade

    url = prepare_database(Settings.from_environment(), migrate=False)
    with _revision_named(revision):
        upgrade(url, revision)
    typer.echo(f"database at {current_revision(url)}")


@db_app.command("downgrade")
def db_downgrade(
    revision: Annotated[str, typer.Argument(help="Target revision, e.g. base or -1.")],
) -> None:
    """Migrate the database down to REVISION."""
    from chronology.storage.bootstrap import prepare_database
    from chronology.storage.migrations import current_revision, downgrade

    url = prepare_database(Settings.from_environment(), migrate=False)
    with _revision_named(revision):
        downgrade(url, revision)
    typer.echo(f"database at {current_revision(url) or 'base'}")


@contextlib.contextmanager
def _revision_named(revision: str) -> Iterator[None]:
    """Report a revision Alembic cannot find or reach as an operator's mistake."""
    from alembic.util import CommandError

    try:
        yield
    except CommandError as error:
        raise OperatorMistakeError(
            f"cannot migrate to {revision!r} ({first_line(error)}); give head, base, a step such as -1, "
            "or a revision id (`chronology db current` shows where the database is)"
        ) from None


@db_app.command("stop")
def db_stop() -> None:
    """Stop the embedded PostgreSQL server (it outlives commands on purpose, so the next one starts fast)."""
    from chronology.storage.embedded import stop_embedded

    settings = Settings.from_environment()
    if settings.database_url:
        raise OperatorMistakeError(
            "CHRONOLOGY_DATABASE_URL is set: that server is not Chronology's to stop; stop it the way it was started"
        )
    pid = stop_embedded(settings.home)
    if pid is None:
        typer.echo(f"no embedded server is running under {settings.home}")
    else:
        typer.echo(f"stopped the embedded server under {settings.home} (pid {pid})")


@db_app.command("current")
def db_current() -> None:
    """Print the database's revision and the code's head."""
    from chronology.storage.bootstrap import prepare_database
    from chronology.storage.migrations import current_revision, head_revision

    url = prepare_database(Settings.from_environment(), migrate=False)
    typer.echo(f"current: {current_revision(url) or 'base'}")
    typer.echo(f"head:    {head_revision()}")


@db_app.command("check")
def db_check() -> None:
    """Compare the models with the migrations (on a scratch database); exit 1 on drift."""
    from chronology.storage.bootstrap import prepare_database
    from chronology.storage.migrations import current_revision, head_revision, migrations_drift

    url = prepare_database(Settings.from_environment(), migrate=False)
    differences = migrations_drift(url)
    if differences:
        typer.echo("the models and the migrations disagree:")
        for difference in differences:
            typer.echo(f"  {difference}")
        raise typer.Exit(1)
    head = head_revision()
    typer.echo(f"no drift: the models match the migrations at {head}")
    current = current_revision(url)
    if current != head:
        typer.echo(f"note: this database is at {current or 'base'}; `chronology db upgrade` moves it")
