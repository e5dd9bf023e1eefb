"""Settings read from the environment by an explicit call; nothing happens at import."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import platformdirs

ENVIRONMENTS = ("development", "production")
POSTGRESQL_SCHEMES = ("postgresql", "postgres", "postgresql+psycopg")
_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off"}


class SettingsError(ValueError):
    """A setting (or how it meets the machine) that cannot work; the message says which and what to do."""


@dataclass(frozen=True)
class Settings:
    """How this process finds its database, where it keeps data, and how it serves."""

    database_url: str | None = None
    home: Path = field(default_factory=lambda: Path(platformdirs.user_data_dir("chronology")))
    environment: str = "development"
    anonymous_read: bool = True
    statement_timeout_ms: int = 5_000
    cors_origins: tuple[str, ...] = ()
    # Answer pages and nodes whose whole selection SQL can build with one statement (see graphql/compiled).
    compile_selections: bool = True
    # HTTP exports hold a database connection and a thread each: a few at a time, a short queue,
    # and caps so that one request cannot write for minutes (the CLI's exports are uncapped).
    export_concurrency: int = 2
    export_queue: int = 8
    export_max_bytes: int = 50_000_000
    export_max_seconds: int = 60
    # The address the service is reached at by its readers; every export's IRIs and links start here.
    public_url: str = "http://127.0.0.1:8000"
    publisher: str = "Chronology"
    editor: str | None = None
    editor_email: str | None = None
    licence: str = "https://creativecommons.org/licenses/by/4.0/"
    # The limits an operation must keep, checked before it runs (see README, "Limits").
    max_depth: int = 12
    max_introspection_depth: int = 15
    max_aliases: int = 30
    max_tokens: int = 5_000
    max_fields: int = 5_000
    max_records: int = 1_000_000
    # GraphQL executions one process runs at once; more wait up to busy_wait_ms, then get 503 BUSY.
    max_in_flight: int = 16
    busy_wait_ms: int = 2_000

    @property
    def production(self) -> bool:
        """Tell whether the service runs in production (no IDE, masked errors)."""
        return self.environment == "production"

    @classmethod
    def from_environment(cls, environ: Mapping[str, str] | None = None) -> Settings:
        """Read the CHRONOLOGY_* variables, refusing any that cannot work with a SettingsError."""
        env = os.environ if environ is None else environ
        defaults = cls()
        home = env.get("CHRONOLOGY_HOME")
        origins = env.get("CHRONOLOGY_CORS_ORIGINS", "")
        return cls(
            database_url=_database_url(env.get("CHRONOLOGY_DATABASE_URL")),
            home=_home(Path(home).expanduser()) if home else defaults.home,
            environment=_environment(env.get("CHRONOLOGY_ENV")),
            anonymous_read=_flag(env, "CHRONOLOGY_ANONYMOUS_READ", default=True),
            statement_timeout_ms=_count(
                env, "CHRONOLOGY_STATEMENT_TIMEOUT_MS", defaults.statement_timeout_ms, "milliseconds"
            ),
            cors_origins=tuple(o.strip() for o in origins.split(",") if o.strip()),
            compile_selections=_flag(env, "CHRONOLOGY_COMPILE_SELECTIONS", default=True),
            export_concurrency=_count(env, "CHRONOLOGY_EXPORT_CONCURRENCY", defaults.export_concurrency, "exports"),
            export_queue=_count(env, "CHRONOLOGY_EXPORT_QUEUE", defaults.export_queue, "exports", zero=True),
            export_max_bytes=_count(env, "CHRONOLOGY_EXPORT_MAX_BYTES", defaults.export_max_bytes, "bytes"),
            export_max_seconds=_count(env, "CHRONOLOGY_EXPORT_MAX_SECONDS", defaults.export_max_seconds, "seconds"),
            public_url=_public_url(env.get("CHRONOLOGY_PUBLIC_URL") or defaults.public_url),
            publisher=env.get("CHRONOLOGY_PUBLISHER") or defaults.publisher,
            editor=env.get("CHRONOLOGY_EDITOR") or None,
            editor_email=env.get("CHRONOLOGY_EDITOR_EMAIL") or None,
            licence=env.get("CHRONOLOGY_LICENCE") or defaults.licence,
            max_depth=_count(env, "CHRONOLOGY_MAX_DEPTH", defaults.max_depth, "levels"),
            max_introspection_depth=_count(
                env, "CHRONOLOGY_MAX_INTROSPECTION_DEPTH", defaults.max_introspection_depth, "levels"
            ),
            max_aliases=_count(env, "CHRONOLOGY_MAX_ALIASES", defaults.max_aliases, "aliases"),
            max_tokens=_count(env, "CHRONOLOGY_MAX_TOKENS", defaults.max_tokens, "tokens"),
            max_fields=_count(env, "CHRONOLOGY_MAX_FIELDS", defaults.max_fields, "fields"),
            max_records=_count(env, "CHRONOLOGY_MAX_RECORDS", defaults.max_records, "records"),
            max_in_flight=_count(env, "CHRONOLOGY_MAX_IN_FLIGHT", defaults.max_in_flight, "executions"),
            busy_wait_ms=_count(env, "CHRONOLOGY_BUSY_WAIT_MS", defaults.busy_wait_ms, "milliseconds", zero=True),
        )


def _database_url(value: str | None) -> str | None:
    if value is None or not value.strip():
        return None
    value = value.strip()
    advice = "use postgresql://user:password@host:port/database, or unset it to use the embedded server"
    if "://" not in value:
        raise SettingsError(f"CHRONOLOGY_DATABASE_URL is not a URL; {advice}")
    try:
        parts = urlsplit(value)
        parts.port  # noqa: B018 (reading it checks it: a port that is not a number raises)
    except ValueError:
        raise SettingsError(f"CHRONOLOGY_DATABASE_URL is not a valid URL; {advice}") from None
    # Only the scheme is repeated: the rest may hold a password.
    if parts.scheme.lower() not in POSTGRESQL_SCHEMES:
        raise SettingsError(
            f"CHRONOLOGY_DATABASE_URL names a {parts.scheme or 'missing'}:// server, not PostgreSQL; {advice}"
        )
    return value


def _public_url(value: str) -> str:
    base = value.strip().rstrip("/")
    if not base.startswith(("http://", "https://")) or "?" in base or "#" in base or " " in base:
        raise SettingsError(
            f"CHRONOLOGY_PUBLIC_URL must be http(s)://host[/path] without query or fragment, not {value!r}"
        )
    return base


def _home(path: Path) -> Path:
    # The nearest part of the path that exists must be a directory, or the embedded server cannot live under it.
    for existing in (path, *path.parents):
        if existing.exists():
            if not existing.is_dir():
                raise SettingsError(
                    f"CHRONOLOGY_HOME is {path}, but {existing} is a file, not a directory; "
                    "point it at a directory (it is created if missing)"
                )
            break
    return path


def _environment(value: str | None) -> str:
    if value is None or not value.strip():
        return "development"
    if value.strip().lower() not in ENVIRONMENTS:
        raise SettingsError(f"CHRONOLOGY_ENV is {value!r}; use {' or '.join(ENVIRONMENTS)}")
    return value.strip().lower()


def _flag(env: Mapping[str, str], name: str, *, default: bool) -> bool:
    value = env.get(name)
    if value is None or not value.strip():
        return default
    word = value.strip().lower()
    if word in _TRUE:
        return True
    if word in _FALSE:
        return False
    raise SettingsError(f"{name} is {value!r}; use true or false (1/0, yes/no, on/off)")


def _count(env: Mapping[str, str], name: str, default: int, unit: str, *, zero: bool = False) -> int:
    value = env.get(name)
    if value is None or not value.strip():
        return default
    text = value.strip().replace("_", "")
    least = 0 if zero else 1
    if not text.isdigit() or int(text) < least:
        raise SettingsError(f"{name} is {value!r}; give a whole number of {unit}, at least {least} (default {default})")
    return int(text)
