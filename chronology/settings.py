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
    # The base every permalink is built from (a record's page is its IRI in exports); None: the request's own.
    public_url: str | None = None

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
            public_url=(env.get("CHRONOLOGY_PUBLIC_URL") or "").strip().rstrip("/") or None,
        )


def _flag(value: str | None, *, default: bool) -> bool:
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}
