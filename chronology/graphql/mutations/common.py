"""What every mutation shares: the unit of work, input checks, dates, ids, versioned writes."""

from __future__ import annotations

import dataclasses
from collections.abc import AsyncIterator, Collection, Mapping
from contextlib import asynccontextmanager
from enum import Enum
from typing import Any

import strawberry
from sqlalchemy import Table, delete, select, text, update
from sqlalchemy.exc import DBAPIError

from chronology import models
from chronology.dates.fuzzy import DateParseError, parse_date
from chronology.graphql.mutations.constraints import constraint_error
from chronology.graphql.runtime.context import Info, Role
from chronology.graphql.runtime.database import RequestDatabase
from chronology.graphql.runtime.errors import conflict, not_found, validation
from chronology.graphql.runtime.ids import KIND_OF_TYPE, decode_id, encode_id
from chronology.graphql.runtime.loaders import table

_records = table(models.Record)


@asynccontextmanager
async def unit_of_work(info: Info, *inputs: object, role: Role = Role.EDITOR) -> AsyncIterator[RequestDatabase]:
    """Check the caller and the inputs, then run a mutation all-or-nothing in a savepoint."""
    info.context.require(role)
    for value in inputs:
        reject_nul(value)
    # Loaders cache rows per request; an earlier mutation in this request may have made them stale.
    info.context.loaders.clear()
    database = info.context.database
    await database.begin_writing()
    # Raw SAVEPOINT: the request's connection is shared, so the savepoint is ours to balance.
    await database.rows(text("SAVEPOINT chronology_mutation"))
    try:
        yield database
    except Exception as error:
        await database.rows(text("ROLLBACK TO SAVEPOINT chronology_mutation"))
        if isinstance(error, DBAPIError):
            raise constraint_error(error) from error
        raise
    await database.rows(text("RELEASE SAVEPOINT chronology_mutation"))
    info.context.wrote = True


def camel(name: str) -> str:
    """Return the GraphQL spelling of a Python field name."""
    head, *rest = name.split("_")
    return head + "".join(part.title() for part in rest)


def _join(path: str, name: str) -> str:
    return f"{path}.{name}" if path else name


def reject_nul(value: object, path: str = "") -> None:
    """Refuse text holding NUL characters, naming the field (PostgreSQL cannot store them)."""
    if isinstance(value, str):
        if "\x00" in value:
            raise validation("text may not contain NUL (\\0) characters", field=path or None)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            reject_nul(item, f"{path}[{index}]")
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for item in dataclasses.fields(value):
            reject_nul(getattr(value, item.name), _join(path, camel(item.name)))


def given(value: object) -> bool:
    """Tell whether an optional input field was sent at all (null counts as sent)."""
    return value is not strawberry.UNSET


def plain(value: Any) -> Any:
    """Return the database form of an input value (enums by their values)."""
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, list):
        return [plain(item) for item in value]
    return value


def assign(
    source: object, columns: Mapping[str, str], *, required: Collection[str] = (), path: str = ""
) -> dict[str, Any]:
    """Return the column values of SOURCE's fields that were sent; required ones may not be null."""
    values: dict[str, Any] = {}
    for attribute, column in columns.items():
        value = getattr(source, attribute)
        if not given(value):
            continue
        if value is None and attribute in required:
            name = _join(path, camel(attribute))
            raise validation(f"`{name}` cannot be cleared", field=name)
        values[column] = plain(value)
    return values


def date_columns(words: str | None, *, field: str, prefix: str = "date") -> dict[str, Any]:
    """Read a date in the historian's words or EDTF into the fuzzy-date columns (None clears)."""
    if words is None or not words.strip():
        return {
            f"{prefix}_verbatim": None,
            f"{prefix}_edtf": None,
            f"{prefix}_lower": None,
            f"{prefix}_upper": None,
            f"{prefix}_precision": None,
            f"{prefix}_qualifiers": [],
        }
    try:
        parsed = parse_date(words.strip())
    except (DateParseError, ValueError) as error:
        raise validation(str(error), field=field) from None
    return {
        f"{prefix}_verbatim": words.strip(),
        f"{prefix}_edtf": parsed.edtf,
        f"{prefix}_lower": parsed.lower,
        f"{prefix}_upper": parsed.upper,
        f"{prefix}_precision": parsed.precision.value,
        f"{prefix}_qualifiers": sorted(q.value for q in parsed.qualifiers),
    }


def span_columns(words: str | None, *, field: str, prefix: str) -> dict[str, Any]:
    """Read a date into the EDTF-and-bounds columns of life and transmission dates."""
    full = date_columns(words, field=field, prefix=prefix)
    return {f"{prefix}_{part}": full[f"{prefix}_{part}"] for part in ("edtf", "lower", "upper")}


def decode(global_id: strawberry.ID | str, *, expect: str, field: str) -> int:
    """Return the number of a global id of type EXPECT, or raise VALIDATION naming FIELD."""
    return decode_id(str(global_id), field=field, expect=expect)[1]


def decode_any(global_id: strawberry.ID | str, *, field: str) -> int:
    """Return the number of a global id of any record type, or raise VALIDATION naming FIELD."""
    return decode_id(str(global_id), field=field)[1]


async def existing(database: RequestDatabase, global_id: strawberry.ID | str, *, expect: str, field: str) -> int:
    """Return the number of a record that exists, or raise NOT_FOUND naming FIELD."""
    pk = decode(global_id, expect=expect, field=field)
    rows = await database.rows(
        select(_records.c.id).where(_records.c.id == pk, _records.c.kind == KIND_OF_TYPE[expect])
    )
    if not rows:
        raise not_found(f"{expect} {global_id}", field=field)
    return pk


async def any_record(database: RequestDatabase, global_id: strawberry.ID | str, *, field: str) -> tuple[str, int]:
    """Return (kind, number) of an existing record of any type, or raise NOT_FOUND."""
    type_name, pk = decode_id(str(global_id), field=field)
    rows = await database.rows(
        select(_records.c.id).where(_records.c.id == pk, _records.c.kind == KIND_OF_TYPE[type_name])
    )
    if not rows:
        raise not_found(f"{type_name} {global_id}", field=field)
    return KIND_OF_TYPE[type_name], pk


async def fetch(database: RequestDatabase, table: Table, pk: int) -> Any:
    """Read a row back after writing it."""
    rows = await database.rows(select(table).where(table.c.id == pk))
    assert rows, f"{table.name} {pk} vanished inside its own mutation"
    return rows[0]


async def update_versioned(
    database: RequestDatabase,
    table: Table,
    pk: int,
    *,
    expected: int,
    values: Mapping[str, Any],
    type_name: str,
) -> None:
    """Update a record if it is still at version EXPECTED; else NOT_FOUND or CONFLICT."""
    where = (table.c.id == pk, table.c.version == expected)
    if values:
        statement: Any = update(table).where(*where).values(**values).returning(table.c.id)
    else:
        # Nothing of the record itself changes; still hold the row while its children change.
        statement = select(table.c.id).where(*where).with_for_update()
    if not await database.rows(statement):
        await _refuse_stale(database, table, pk, expected=expected, type_name=type_name)


async def delete_versioned(
    database: RequestDatabase,
    table: Table,
    pk: int,
    *,
    expected: int | None,
    type_name: str,
) -> strawberry.ID:
    """Delete a record (checking its version when one is given) and return its global id."""
    statement = delete(table).where(table.c.id == pk)
    if expected is not None:
        statement = statement.where(table.c.version == expected)
    if not await database.rows(statement.returning(table.c.id)):
        await _refuse_stale(database, table, pk, expected=expected, type_name=type_name)
    return strawberry.ID(encode_id(type_name, pk))


async def _refuse_stale(
    database: RequestDatabase, table: Table, pk: int, *, expected: int | None, type_name: str
) -> None:
    rows = await database.rows(select(table.c.version).where(table.c.id == pk))
    if not rows:
        raise not_found(f"{type_name} {encode_id(type_name, pk)}", field="id")
    raise conflict(
        f"the {type_name} was changed by someone else: you have version {expected}, "
        f"it is now at version {rows[0].version}; reload it and apply your change again",
        field="expectedVersion",
    )


def first_duplicate(keys: list[Any]) -> int | None:
    """Return the index of the first key seen before, or None."""
    seen: set[Any] = set()
    for index, key in enumerate(keys):
        if key in seen:
            return index
        seen.add(key)
    return None
