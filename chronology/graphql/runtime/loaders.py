"""Per-request DataLoaders: every list under a page costs one query, not one per row."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Hashable, Sequence
from typing import Any, TypeVar

from sqlalchemy import Select, Table, select
from strawberry.dataloader import DataLoader

from chronology import models
from chronology.graphql.runtime.context import Context

K = TypeVar("K", bound=Hashable)
T = TypeVar("T")

Rows = Sequence[Any]


def _loader(context: Context, name: str, build: Callable[[], DataLoader[Any, Any]]) -> DataLoader[Any, Any]:
    loader = context.loaders.get(name)
    if loader is None:
        loader = build()
        context.loaders[name] = loader
    assert isinstance(loader, DataLoader)
    return loader


def columns(table: Any) -> list[Any]:
    """Return the columns of TABLE a resolver reads: all but the stored search vectors."""
    return [column for column in table.c if column.name != "search"]


def one_by_id(context: Context, table: Table) -> DataLoader[int, Any]:
    """Load rows of TABLE by primary key; a missing row loads as None."""
    loader = context.loaders.get(f"one:{table.name}")
    if loader is not None:
        assert isinstance(loader, DataLoader)
        return loader
    query = statement(f"one:{table.name}", lambda: select(*columns(table)))

    async def load(ids: list[int]) -> list[Any]:
        rows = await context.database.rows(query.where(table.c.id.in_(ids)))
        found = {row.id: row for row in rows}
        return [found.get(i) for i in ids]

    return _loader(context, f"one:{table.name}", lambda: DataLoader(load_fn=load))


# Statements built once per process, by loader name: they depend on the code alone, and
# building a SELECT costs more than running a small one.
_STATEMENTS: dict[str, Select[Any]] = {}


def statement(name: str, build: Callable[[], Select[Any]]) -> Select[Any]:
    """Return the statement called NAME, building it on first use."""
    found = _STATEMENTS.get(name)
    if found is None:
        found = _STATEMENTS[name] = build()
    return found


def many_by(
    context: Context, name: str, query: Select[Any] | Callable[[], Select[Any]], key_column: Any
) -> DataLoader[int, list[Any]]:
    """Load lists of rows of QUERY grouped by KEY_COLUMN (already ordered by the query).

    Pass QUERY as a function to build it once per process rather than once per parent row.
    """
    loader = context.loaders.get(f"many:{name}")
    if loader is not None:
        assert isinstance(loader, DataLoader)
        return loader
    built = statement(name, query) if callable(query) else query

    async def load(keys: list[int]) -> list[list[Any]]:
        rows = await context.database.rows(built.where(key_column.in_(keys)))
        grouped: dict[int, list[Any]] = defaultdict(list)
        for row in rows:
            grouped[row._mapping["_group"]].append(row)
        # Charged as emitted (see execution.py), not as loaded: a cached list may be emitted many times.
        return [grouped.get(key, []) for key in keys]

    return _loader(context, f"many:{name}", lambda: DataLoader(load_fn=load))


def then(loader: DataLoader[Any, Any], key: Any, build: Callable[[Any], T]) -> Any:
    """Return BUILD of KEY's value: at once if the loader already holds it, else as an awaitable.

    A resolver declared without `async` may return either; graphql-core awaits the latter.
    Lists prefetched for a whole page are so answered without a coroutine per row.
    """
    future = loader.cache_map.get(key)
    if future is not None and future.done() and not future.cancelled() and future.exception() is None:
        return build(future.result())

    async def later() -> T:
        return build(await loader.load(key))

    return later()


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


class Joined:
    """The columns of a table joined into a row, read by their prefix as if they were a row of their own."""

    __slots__ = ("_prefix", "_row")

    def __init__(self, row: Any, prefix: str) -> None:
        self._row = row
        self._prefix = prefix

    def __getattr__(self, name: str) -> Any:
        return self._row._mapping[self._prefix + name]

    def __getitem__(self, name: str) -> Any:
        return self._row._mapping[self._prefix + name]

    @property
    def _mapping(self) -> Joined:
        # Read by name like a row's mapping, without copying the row.
        return self
