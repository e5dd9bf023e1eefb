"""The declarative base, its naming convention, and the engine and session factories."""

from __future__ import annotations

import datetime
from typing import Annotated, Any

from sqlalchemy import BigInteger, DateTime, Integer, MetaData, String, Text, func, text
from sqlalchemy.engine import Engine, create_engine
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from chronology.embedded import sqlalchemy_url, start_embedded
from chronology.settings import Settings

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

record_pk = Annotated[
    int,
    mapped_column(BigInteger, primary_key=True, server_default=text("nextval('record_id_seq')")),
]
serial_pk = Annotated[int, mapped_column(BigInteger, primary_key=True, autoincrement=True)]
short_text = Annotated[str, mapped_column(String(500))]
long_text = Annotated[str, mapped_column(Text)]
utc_now = Annotated[
    datetime.datetime,
    mapped_column(DateTime(timezone=True), server_default=func.now()),
]


class Base(DeclarativeBase):
    """Base of every mapped table."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    # SQLAlchemy reads this class attribute once, at mapping time; nobody mutates it.
    type_annotation_map: dict[Any, Any] = {  # noqa: RUF012
        int: Integer,
        str: Text,
        datetime.datetime: DateTime(timezone=True),
    }


class Audited:
    """Columns every editable record carries; triggers keep them honest."""

    created_at: Mapped[utc_now]
    updated_at: Mapped[utc_now]
    version: Mapped[int] = mapped_column(Integer, server_default=text("1"))


def database_url(settings: Settings, *, database: str | None = None) -> str:
    """Return the SQLAlchemy URL: the configured server, or the embedded one started on demand."""
    if settings.database_url:
        return sqlalchemy_url(settings.database_url, database)
    return sqlalchemy_url(start_embedded(settings.home), database or "chronology")


def make_engine(url: str, **options: Any) -> Engine:
    """Create a synchronous engine (CLI, imports, migrations)."""
    return create_engine(url, pool_pre_ping=True, **options)


def make_async_engine(url: str, **options: Any) -> AsyncEngine:
    """Create an asynchronous engine (the web service)."""
    # No ping per checkout: it costs a round trip per request. A connection the server
    # dropped fails its first statement instead, which invalidates the whole pool (so
    # it happens once); RequestDatabase then retries the read on a fresh connection.
    return create_async_engine(url, **options)
