"""The `chronology` command: the root that assembles the command groups."""

from __future__ import annotations

import typer

from chronology import __version__
from chronology.cli import db, export, imports, review, sample, schema, serve
from chronology.cli.bench import bench_app
from chronology.cli.tokens import token_app

app = typer.Typer(
    help="Chronology: the documentary record of Soviet decision-making, served through GraphQL.",
    no_args_is_help=True,
    add_completion=False,
)
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
