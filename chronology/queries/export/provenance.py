"""What an export says about itself: where it is served, the filter, when, by which version and schema."""

from __future__ import annotations

import datetime
import hashlib

from sqlalchemy import Connection, text
from sqlalchemy.exc import DBAPIError

from chronology import __version__
from chronology.interchange.links import Links
from chronology.interchange.options import ExportOptions, PublicationStatement
from chronology.queries.export.filters import ExportFilter
from chronology.settings import Settings

# The query parameter of each filter, as /export/{format} takes them.
_PARAMETERS = (
    ("from", "start"),
    ("to", "end"),
    ("match", "match"),
    ("person", "person"),
    ("body", "body"),
    ("repository", "repository"),
    ("fond", "fond"),
    ("opis", "opis"),
    ("delo", "delo"),
    ("text", "text"),
)


def filter_parameters(given: ExportFilter) -> tuple[tuple[str, str], ...]:
    """Return the filter as the query parameters of its export URL, in a stable order."""
    pairs = [(name, value) for name, attribute in _PARAMETERS if (value := getattr(given, attribute))]
    pairs += [("kind", kind) for kind in given.kinds]
    return tuple(sorted(pairs))


def schema_revision(connection: Connection) -> str | None:
    """Return the database's migration revision, or None when it was never migrated."""
    present = connection.execute(text("SELECT to_regclass('alembic_version') IS NOT NULL")).scalar_one()
    if not present:
        return None
    return connection.execute(text("SELECT version_num FROM alembic_version")).scalar_one_or_none()


def database_identity(connection: Connection) -> str | None:
    """Return what tells this database apart from any other (cluster, name and oid), or None when hidden."""
    try:
        with connection.begin_nested():
            row = connection.execute(
                text(
                    "SELECT s.system_identifier, d.datname, d.oid FROM pg_control_system() s, pg_database d"
                    " WHERE d.datname = current_database()"
                )
            ).one()
    except DBAPIError:  # pg_control_system() is for privileged roles: then no package matches by id
        return None
    digest = hashlib.sha256(f"{row[0]}/{row[1]}/{row[2]}".encode()).hexdigest()
    return digest[:32]


def export_options(
    settings: Settings,
    format_name: str,
    given: ExportFilter,
    *,
    revision: str | None,
    database: str | None = None,
    created: datetime.datetime | None = None,
    flavour: str = "cmif",
) -> ExportOptions:
    """Return the options of one export: the same from the CLI as from HTTP, never the request's host."""
    moment = created or datetime.datetime.now(datetime.UTC)
    return ExportOptions(
        links=Links(settings.public_url),
        format_name=format_name,
        filters=filter_parameters(given),
        created=moment.replace(microsecond=0).isoformat().replace("+00:00", "Z"),
        version=__version__,
        flavour=flavour,
        schema_revision=revision,
        database=database,
        statement=PublicationStatement(
            publisher=settings.publisher,
            editor=settings.editor,
            editor_email=settings.editor_email,
            licence=settings.licence,
        ),
    )
