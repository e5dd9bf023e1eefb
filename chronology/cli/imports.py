"""`chronology import`: edition files and data packages, each checked before anything is written."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from chronology.settings import Settings


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
    engine = make_engine(prepare_database(Settings.from_environment()))
    try:
        with progress_bar(enabled=sys.stderr.isatty()) as progress:
            result = run_import(engine, sources, dry_run=dry_run, progress=progress, waiting=_say_waiting)
    finally:
        engine.dispose()
    typer.echo(result.summary())
    if report is not None:
        report.write_text(json.dumps(result.to_json(), ensure_ascii=False, indent=2) + "\n")
    if not result.ok:
        raise typer.Exit(1)


def import_datapackage(paths: list[Path], *, dry_run: bool) -> None:
    """Import data packages into the (empty) database, all or none."""
    from chronology.importers.datapackage import PackageImportError, import_package
    from chronology.importers.load.turns import take_turn
    from chronology.storage.bootstrap import prepare_database
    from chronology.storage.engine import make_engine

    engine = make_engine(prepare_database(Settings.from_environment()))
    try:
        with engine.connect() as connection:
            transaction = connection.begin()
            take_turn(connection, _say_waiting)
            try:
                for path in paths:
                    result = import_package(connection, path)
                    typer.echo(f"{path}:\n{result.summary()}")
            except PackageImportError as error:
                transaction.rollback()
                typer.echo(f"error: {error}; nothing was imported", err=True)
                raise typer.Exit(2) from None
            if dry_run:
                transaction.rollback()
                typer.echo("dry run: rolled back")
            else:
                transaction.commit()
    finally:
        engine.dispose()


def _say_waiting(message: str) -> None:
    typer.echo(message, err=True)
