"""An operator's mistake is one line on stderr saying what is wrong and what to do, never a traceback."""

from __future__ import annotations

from typing import Any

import typer
from sqlalchemy.exc import InterfaceError, OperationalError
from typer import _click
from typer.core import TyperGroup

from chronology.settings import SettingsError

EXIT_MISTAKE = 2


class OperatorMistakeError(Exception):
    """A command cannot do what it was asked; the message says what is wrong and what to do."""


class MistakeReportingGroup(TyperGroup):
    """The root command group: turns the mistakes an operator can make into one line and exit code 2."""

    def invoke(self, ctx: _click.Context) -> Any:
        """Run the command, reporting an operator's mistake in one line."""
        try:
            return super().invoke(ctx)
        except (OperatorMistakeError, SettingsError) as mistake:
            report(str(mistake))
        except (OperationalError, InterfaceError) as error:
            if getattr(error.orig, "sqlstate", None) is not None:
                raise  # the server answered with an error of its own: not a mistake of the settings
            report(f"cannot reach the database ({first_line(error.orig or error)}); {DATABASE_ADVICE}")
        raise typer.Exit(EXIT_MISTAKE)


DATABASE_ADVICE = (
    "check that the server runs and CHRONOLOGY_DATABASE_URL names it, or unset it to use the embedded server"
)


def report(message: str) -> None:
    """Write one line of error to stderr."""
    typer.echo(f"error: {' '.join(message.split())}", err=True)


def first_line(error: object) -> str:
    """Return an error's first non-empty line (drivers add hints and context below it)."""
    for line in str(error).splitlines():
        if line.strip():
            return line.strip()
    return type(error).__name__
