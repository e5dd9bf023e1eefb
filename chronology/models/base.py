"""The declarative base of every table: its naming convention, type map and shared column types."""

from __future__ import annotations

import datetime
from typing import Annotated, Any

from sqlalchemy import BigInteger, DateTime, Integer, MetaData, String, Text, func, text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

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
