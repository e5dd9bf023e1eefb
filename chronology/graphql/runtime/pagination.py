"""Relay connections with keyset pagination: stable however the data grows."""

from __future__ import annotations

import base64
import json
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import Annotated, Any, Generic, TypeVar

import strawberry
from sqlalchemy import Boolean, ColumnElement, Select, Table, bindparam, func, literal_column, select, tuple_

from chronology.graphql.runtime.context import Context
from chronology.graphql.runtime.database import RequestDatabase
from chronology.graphql.runtime.errors import validation

T = TypeVar("T")
MAX_PAGE = 100
DEFAULT_PAGE = 20


# The four Relay arguments of a paged list, as its root field declares them.
First = Annotated[int | None, strawberry.argument(description="Page size from the start (≤ 100).")]
After = Annotated[str | None, strawberry.argument(description="Continue after this cursor.")]
Last = Annotated[int | None, strawberry.argument(description="Page size from the end (≤ 100).")]
Before = Annotated[str | None, strawberry.argument(description="Continue before this cursor.")]


@strawberry.type(description="Where a page sits in the whole list.")
class PageInfo:
    has_next_page: bool = strawberry.field(description="More items follow this page.")
    has_previous_page: bool = strawberry.field(description="More items precede this page.")
    start_cursor: str | None = strawberry.field(description="The cursor of the first item.")
    end_cursor: str | None = strawberry.field(description="The cursor of the last item.")


@strawberry.type(description="One item of a page, with the cursor to continue from it.")
class Edge(Generic[T]):
    cursor: str = strawberry.field(description="Pass as `after` or `before` to page from here.")
    node: T = strawberry.field(description="The item.")


@strawberry.type(description="A page of a list, in a stable order.")
class Connection(Generic[T]):
    edges: list[Edge[T]] = strawberry.field(description="The items of this page.")
    page_info: PageInfo = strawberry.field(description="Where this page sits in the list.")
    count: strawberry.Private[Callable[[], Awaitable[int]]]

    @strawberry.field(description="How many items the whole list holds (computed only when asked).")
    async def total_count(self) -> int:
        return await self.count()

    @strawberry.field(description="The items of this page, without cursors.")
    def nodes(self) -> list[T]:
        return [edge.node for edge in self.edges]


@dataclass(frozen=True)
class PageRequest:
    """The four Relay arguments, checked."""

    first: int | None
    after: list[Any] | None
    last: int | None
    before: list[Any] | None

    @property
    def backwards(self) -> bool:
        """Tell whether the page is counted from the end."""
        return self.last is not None and self.first is None

    @property
    def cursor(self) -> list[Any] | None:
        """Return the decoded cursor the page starts after (or, counted from the end, ends before)."""
        return self.before if self.backwards else self.after

    @property
    def size(self) -> int:
        """Return the number of items asked for."""
        asked = self.last if self.backwards else self.first
        # `first: 0` asks for no items (a client after `totalCount` alone); only an absent size takes the default.
        return DEFAULT_PAGE if asked is None else asked


def page_request(first: int | None, after: str | None, last: int | None, before: str | None) -> PageRequest:
    """Check the paging arguments and decode their cursors."""
    if first is not None and last is not None:
        raise validation("give `first` or `last`, not both", field="last")
    for name, value in (("first", first), ("last", last)):
        if value is not None and not 0 <= value <= MAX_PAGE:
            raise validation(f"`{name}` must be between 0 and {MAX_PAGE}", field=name)
    return PageRequest(first, _decode(after, "after"), last, _decode(before, "before"))


def encode_cursor(values: Sequence[Any]) -> str:
    """Encode the sort-key values of an item as an opaque cursor."""
    plain = [v.isoformat() if hasattr(v, "isoformat") else v for v in values]
    return base64.urlsafe_b64encode(json.dumps(plain).encode()).decode()


def _decode(cursor: str | None, field: str) -> list[Any] | None:
    if cursor is None:
        return None
    try:
        values = json.loads(base64.urlsafe_b64decode(cursor.encode()))
    except (ValueError, UnicodeDecodeError):
        raise validation(f"`{field}` is not a cursor this service gave out", field=field) from None
    if not isinstance(values, list):
        raise validation(f"`{field}` is not a cursor this service gave out", field=field)
    return values


@dataclass(frozen=True)
class SortKey:
    """One column of a keyset order and how to read a cursor's value for it."""

    expression: ColumnElement[Any]
    parse: Callable[[Any], Any] = lambda value: value


@dataclass(frozen=True)
class Attached:
    """Columns computed for each row of a page only: SQL over the page's records of TABLE, aliased `r`."""

    table: Table
    columns: dict[str, str]  # label -> SQL


def _attach(page: Select[Any], attached: Attached, *, reverse: bool, keys: int) -> Select[Any]:
    """Wrap a limited page so that ATTACHED's columns are computed for its rows alone, in the same order."""
    # Written with textual columns: SQLAlchemy would otherwise build a proxy for every column of
    # the page and of the table on each request, which costs more than the statement's round trip.
    inner = page.subquery("page")
    extra: list[Any] = [literal_column(sql).label(label) for label, sql in attached.columns.items()]
    direction = " DESC" if reverse else ""
    order: list[Any] = [literal_column(f"page._key{i}{direction}") for i in range(keys)]
    joined = inner.join(attached.table.alias("r"), literal_column("r.id = page.id", Boolean))
    return select(literal_column("page.*"), *extra).select_from(joined).order_by(*order)


def cursor_values(keys: Sequence[SortKey], request: PageRequest) -> list[Any] | None:
    """Return the sort-key values of the cursor a page starts after (or ends before), or None."""
    cursor = request.cursor
    if cursor is None:
        return None
    if len(cursor) != len(keys):
        raise validation("the cursor does not belong to this list", field="after")
    return [key.parse(value) for key, value in zip(keys, cursor, strict=True)]


def page_statement(
    query: Select[Any],
    keys: Sequence[SortKey],
    request: PageRequest,
    *,
    descending: bool = False,
    attached: Attached | None = None,
) -> Select[Any]:
    """Return the statement reading one page of QUERY ordered by KEYS (one row more, to tell if more follow)."""
    expressions = [key.expression for key in keys]
    labelled = query.add_columns(*(e.label(f"_key{i}") for i, e in enumerate(expressions)))
    # Reading backwards flips the order; the rows are flipped back below.
    reverse = request.backwards != descending
    values = cursor_values(keys, request)
    if values is not None:
        # Named, so that a statement compiled once can be run again from another cursor (see page_templates).
        bound: list[Any] = [bindparam(f"cursor_{i}", value) for i, value in enumerate(values)]
        comparison = tuple_(*expressions) < tuple_(*bound) if reverse else (tuple_(*expressions) > tuple_(*bound))
        labelled = labelled.where(comparison)
    ordering = [e.desc() if reverse else e.asc() for e in expressions]
    statement = labelled.order_by(*ordering).limit(request.size + 1)
    if attached is not None:
        statement = _attach(statement, attached, reverse=reverse, keys=len(keys))
    return statement


def page_rows(found: Sequence[Any], request: PageRequest) -> tuple[list[Any], bool]:
    """Return a page's rows in list order from what its statement found, and whether more follow."""
    rows = list(found[: request.size])
    if request.backwards:
        rows.reverse()
    return rows, len(found) > request.size


async def keyset_page(
    context: Context,
    query: Select[Any],
    keys: Sequence[SortKey],
    request: PageRequest,
    *,
    descending: bool = False,
    attached: Attached | None = None,
) -> tuple[Sequence[Any], list[str], PageInfo, Callable[[], Awaitable[int]]]:
    """Fetch one page of QUERY ordered by KEYS; return rows, cursors, page info and a counter.

    ATTACHED columns (a compiled selection's JSON) come in the same statement, computed after the limit.
    """
    database: RequestDatabase = context.database
    statement = page_statement(query, keys, request, descending=descending, attached=attached)
    context.budget.spend(request.size)
    rows, more = page_rows(await database.rows(statement), request)
    cursors = [encode_cursor([row[f"_key{i}"] for i in range(len(keys))]) for row in (r._mapping for r in rows)]
    page = PageInfo(
        has_next_page=(more and not request.backwards) or (request.backwards and request.before is not None),
        has_previous_page=(more and request.backwards) or (not request.backwards and request.after is not None),
        start_cursor=cursors[0] if cursors else None,
        end_cursor=cursors[-1] if cursors else None,
    )

    async def count() -> int:
        counted = select(func.count()).select_from(query.order_by(None).subquery())
        return int((await database.rows(counted))[0][0])

    return rows, cursors, page, count
