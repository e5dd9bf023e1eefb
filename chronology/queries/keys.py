"""Record keys in URLs: the authority key of a person or body, and the kind of a record by its number."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncConnection

from chronology import models

KEYED = {"person": models.Person.__table__, "body": models.Body.__table__}


async def number_by_key(connection: AsyncConnection, kind: str, key: str) -> int | None:
    """Return the number of the person or body whose authority key is KEY."""
    table = KEYED[kind]
    found = (await connection.execute(select(table.c.id).where(table.c.authority_key == key))).scalar()
    return None if found is None else int(found)


async def key_by_number(connection: AsyncConnection, kind: str, number: int) -> str | None:
    """Return the authority key of a person or body, if it has one."""
    table = KEYED[kind]
    found = (await connection.execute(select(table.c.authority_key).where(table.c.id == number))).scalar()
    return None if found is None else str(found)


async def kind_of(connection: AsyncConnection, number: int) -> str | None:
    """Return the kind of record NUMBER (person, document, …), or None when there is none."""
    records = models.Record.__table__
    found = (await connection.execute(select(records.c.kind).where(records.c.id == number))).scalar()
    return None if found is None else str(found)
