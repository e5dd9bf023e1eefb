"""Bring a database to a usable state: find or start it, create it, migrate it."""

from __future__ import annotations

from chronology.settings import Settings
from chronology.storage.engine import database_url
from chronology.storage.migrations import ensure_database, upgrade


def prepare_database(settings: Settings, *, migrate: bool = True) -> str:
    """Return the SQLAlchemy URL of a database that exists and, unless told not to, is at head."""
    url = database_url(settings)
    if not settings.database_url:
        ensure_database(url)
    if migrate:
        upgrade(url)
    return url
