"""Per-request DataLoaders: every list under a page costs one query, not one per row."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Hashable, Sequence
from typing import Any, TypeVar

from sqlalchemy import Select, Table, select
from strawberry.dataloader import DataLoader

from chronology import models
from chronology.graphql.context import Context

K = TypeVar("K", bound=Hashable)

Rows = Sequence[Any]


def _loader(
    context: Context, name: str, build: Callable[[], DataLoader[Any, Any]]
) -> DataLoader[Any, Any]:
    loader = context.loaders.get(name)
    if loader is None:
        loader = build()
        context.loaders[name] = loader
    assert isinstance(loader, DataLoader)
    return loader


def one_by_id(context: Context, table: Table) -> DataLoader[int, Any]:
    """Load rows of TABLE by primary key; a missing row loads as None."""

    async def load(ids: list[int]) -> list[Any]:
        rows = await context.database.rows(select(table).where(table.c.id.in_(ids)))
        found = {row.id: row for row in rows}
        return [found.get(i) for i in ids]

    return _loader(context, f"one:{table.name}", lambda: DataLoader(load_fn=load))


def many_by(
    context: Context, name: str, query: Select[Any], key_column: Any
) -> DataLoader[int, list[Any]]:
    """Load lists of rows of QUERY grouped by KEY_COLUMN (already ordered by the query)."""

    async def load(keys: list[int]) -> list[list[Any]]:
        rows = await context.database.rows(query.where(key_column.in_(keys)))
        grouped: dict[int, list[Any]] = defaultdict(list)
        for row in rows:
            grouped[row._mapping["_group"]].append(row)
        found = [grouped.get(key, []) for key in keys]
        context.budget.spend(sum(len(rows) for rows in found))
        return found

    return _loader(context, f"many:{name}", lambda: DataLoader(load_fn=load))


def record_kinds(context: Context) -> DataLoader[int, str | None]:
    """Load the kind of any record by its global number."""
    records = models.Record.__table__

    async def load(ids: list[int]) -> list[str | None]:
        rows = await context.database.rows(select(records).where(records.c.id.in_(ids)))
        found = {row.id: row.kind for row in rows}
        return [found.get(i) for i in ids]

    return _loader(context, "kinds", lambda: DataLoader(load_fn=load))


def table(model: Any) -> Table:
    """Return the Table of a mapped class."""
    mapped: Table = model.__table__
    return mapped
