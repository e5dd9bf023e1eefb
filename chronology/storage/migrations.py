"""Alembic driven from the application's settings: upgrade, downgrade, current, check."""

from __future__ import annotations

import io
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

ROOT = Path(__file__).resolve().parents[2]  # the repository, holding alembic.ini and migrations/


def alembic_config(url: str) -> Config:
    """Build the Alembic configuration for the database at URL."""
    config = Config(str(ROOT / "alembic.ini"), stdout=io.StringIO())
    config.set_main_option("script_location", str(ROOT / "migrations"))
    config.attributes["url"] = url
    return config


def upgrade(url: str, revision: str = "head") -> None:
    """Migrate the database up to REVISION."""
    command.upgrade(alembic_config(url), revision)


def downgrade(url: str, revision: str) -> None:
    """Migrate the database down to REVISION."""
    command.downgrade(alembic_config(url), revision)


def head_revision() -> str | None:
    """Return the newest revision the code knows."""
    return ScriptDirectory.from_config(alembic_config("postgresql://")).get_current_head()


def current_revision(url: str) -> str | None:
    """Return the revision the database is at, or None when it has none."""
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            return MigrationContext.configure(connection).get_current_revision()
    finally:
        engine.dispose()


def drift(url: str) -> list[str]:
    """List the differences between the models and the migrated database (empty: no drift)."""
    from alembic.autogenerate import compare_metadata

    from chronology import models  # noqa: F401 - registers every table
    from chronology.models.base import Base

    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            context = MigrationContext.configure(
                connection,
                opts={"compare_type": True, "include_object": include_object},
            )
            return [repr(diff) for diff in compare_metadata(context, Base.metadata)]
    finally:
        engine.dispose()


def migrations_drift(url: str) -> list[str]:
    """Migrate a scratch database beside URL's to head and list how it differs from the models."""
    import uuid

    scratch = make_url(url).set(database=f"chronology_check_{uuid.uuid4().hex[:8]}")
    scratch_url = scratch.render_as_string(hide_password=False)
    admin = create_engine(make_url(url).set(database="postgres"), isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{scratch.database}"'))
        try:
            upgrade(scratch_url)
            return drift(scratch_url)
        finally:
            with admin.connect() as connection:
                connection.execute(text(f'DROP DATABASE "{scratch.database}" WITH (FORCE)'))
    finally:
        admin.dispose()


def include_object(obj: object, name: str | None, type_: str, reflected: bool, compare_to: object) -> bool:
    """Leave out what autogenerate cannot see: the shared id sequence and Alembic's own table."""
    return not (type_ == "sequence" and name == "record_id_seq") and name != "alembic_version"


def ensure_database(url: str) -> None:
    """Create the database named in URL if the server does not have it yet."""
    target = make_url(url)
    name = target.database
    assert name, "the database URL names no database"
    admin = create_engine(target.set(database="postgres"), isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as connection:
            exists = connection.execute(text("SELECT 1 FROM pg_database WHERE datname = :name"), {"name": name}).first()
            if not exists:
                connection.execute(text(f'CREATE DATABASE "{name}"'))
    finally:
        admin.dispose()
