"""The `chronology` command: the root that assembles the command groups."""

from __future__ import annotations

import typer

from chronology import __version__
from chronology.cli import db, export, imports, review, sample, schema, serve
from chronology.cli.bench import bench_app
from chronology.cli.mistakes import MistakeReportingGroup
from chronology.cli.tokens import token_app

app = typer.Typer(
    help="Chronology: the documentary record of Soviet decision-making, served through GraphQL.",
    no_args_is_help=True,
    add_completion=False,
    cls=MistakeReportingGroup,
    # An operator's mistakes are one line (cli/mistakes.py); anything else is a bug, shown plainly.
    pretty_exceptions_enable=False,
)


@app.callback()
def check_settings() -> None:
    """Refuse to start with a setting that cannot be used, naming it (no traceback)."""
    from chronology.settings import Settings, SettingsError

    try:
        Settings.from_environment()
    except SettingsError as error:
        typer.echo(f"error: {error}", err=True)
        raise typer.Exit(2) from None


app.add_typer(db.db_app, name="db")
app.add_typer(token_app, name="token")
app.add_typer(bench_app, name="bench")
app.command("export")(export.export_command)


@app.command()
def version() -> None:
    """Print the version of Chronology."""
    typer.echo(__version__)


app.command()(serve.serve)
app.command()(schema.schema)
app.command()(sample.sample)
app.command("import")(imports.import_files)
app.command()(review.review)


def main() -> None:
    """Run the command line."""
    app()
