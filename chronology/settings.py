"""Settings read from the environment by an explicit call; nothing happens at import."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

import platformdirs


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
    # The address the service is reached at by its readers; every export's IRIs and links start here.
    public_url: str = "http://127.0.0.1:8000"
    publisher: str = "Chronology"
    editor: str | None = None
    editor_email: str | None = None
    licence: str = "https://creativecommons.org/licenses/by/4.0/"

    @property
    def production(self) -> bool:
        """Tell whether the service runs in production (no IDE, masked errors)."""
        return self.environment == "production"

    @classmethod
    def from_environment(cls, environ: Mapping[str, str] | None = None) -> Settings:
        """Read the CHRONOLOGY_* variables."""
        env = os.environ if environ is None else environ
        defaults = cls()
        home = env.get("CHRONOLOGY_HOME")
        origins = env.get("CHRONOLOGY_CORS_ORIGINS", "")
        return cls(
            database_url=env.get("CHRONOLOGY_DATABASE_URL") or None,
            home=Path(home).expanduser() if home else defaults.home,
            environment=env.get("CHRONOLOGY_ENV", defaults.environment),
            anonymous_read=_flag(env.get("CHRONOLOGY_ANONYMOUS_READ"), default=True),
            statement_timeout_ms=int(env.get("CHRONOLOGY_STATEMENT_TIMEOUT_MS", defaults.statement_timeout_ms)),
            cors_origins=tuple(o.strip() for o in origins.split(",") if o.strip()),
            compile_selections=_flag(env.get("CHRONOLOGY_COMPILE_SELECTIONS"), default=True),
            public_url=_public_url(env.get("CHRONOLOGY_PUBLIC_URL") or defaults.public_url),
            publisher=env.get("CHRONOLOGY_PUBLISHER") or defaults.publisher,
            editor=env.get("CHRONOLOGY_EDITOR") or None,
            editor_email=env.get("CHRONOLOGY_EDITOR_EMAIL") or None,
            licence=env.get("CHRONOLOGY_LICENCE") or defaults.licence,
        )


class SettingsError(ValueError):
    """A setting's value cannot be used; the message names the variable."""


def _public_url(value: str) -> str:
    base = value.strip().rstrip("/")
    if not base.startswith(("http://", "https://")) or "?" in base or "#" in base or " " in base:
        raise SettingsError(
            f"CHRONOLOGY_PUBLIC_URL must be http(s)://host[/path] without query or fragment, not {value!r}"
        )
    return base


def _flag(value: str | None, *, default: bool) -> bool:
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}
