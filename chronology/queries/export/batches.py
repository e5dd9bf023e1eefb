"""Reading a query in keyset batches: ordered on a unique key, each batch continuing after the last key seen."""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Row, Select, func, literal, tuple_

# Undated records sort after every dated one.
_FAR = datetime.date(9999, 12, 31)


@dataclass(frozen=True)
class Key:
    """One column of a keyset order: the SQL expression and how to read its value from a row."""

    expression: Any
    value: Callable[[Row[Any]], Any]


def date_key(table: Any) -> list[Key]:
    """Order TABLE's rows by first day, undated last, then id."""
    return [
        Key(func.coalesce(table.c.date_lower, literal(_FAR)), lambda r: r.date_lower or _FAR),
        Key(table.c.id, lambda r: r.id),
    ]


def text_key(column: Any, name: str) -> list[Key]:
    """Order rows by a text column, read from the row as NAME, then id."""
    # The C collation makes the order the same on every server, whatever its locale.
    return [Key(column.collate("C"), lambda r: getattr(r, name)), Key(column.table.c.id, lambda r: r.id)]


def keyset_batches(
    connection: Connection, query: Select[Any], keys: list[Key], size: int
) -> Iterator[Sequence[Row[Any]]]:
    """Yield the rows of QUERY SIZE at a time, in the order of KEYS; memory holds one batch."""
    after: tuple[Any, ...] | None = None
    order = [key.expression for key in keys]
    while True:
        page = query
        if after is not None:
            page = page.where(tuple_(*order) > tuple_(*(literal(v) for v in after)))
        rows = connection.execute(page.order_by(*order).limit(size)).all()
        if not rows:
            return
        yield rows
        if len(rows) < size:
            return
        after = tuple(key.value(rows[-1]) for key in keys)
