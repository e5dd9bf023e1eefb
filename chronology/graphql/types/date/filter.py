"""Lists by date: the window of time a list is filtered by, and the order that puts undated records last."""

from __future__ import annotations

import datetime
from typing import Any

import strawberry
from sqlalchemy import func, literal

from chronology.graphql.runtime.errors import validation
from chronology.graphql.runtime.pagination import SortKey
from chronology.graphql.types.date.vocabulary import DateMatch
from chronology.queries import windows

_FAR = datetime.date(9999, 12, 31)
_EARLIEST = datetime.date(1, 1, 1)


@strawberry.input(description="A window of time and how a fuzzy date must meet it.")
class DateWindow:
    start: datetime.date = strawberry.field(name="from", description="The first day of the window.")
    end: datetime.date = strawberry.field(name="to", description="The last day of the window.")
    match: DateMatch = strawberry.field(
        default=DateMatch.OVERLAPS, description="How a record's date must relate to the window."
    )


def window(
    asked: DateWindow | None,
) -> tuple[datetime.date | None, datetime.date | None, windows.DateMatch]:
    """Check the window ASKED and return its first day, last day and match (no days when none was asked)."""
    if asked is None:
        return None, None, windows.DateMatch.OVERLAPS
    if asked.start > asked.end:
        raise validation("the window's `from` is after its `to`", field="date")
    return asked.start, asked.end, windows.DateMatch(asked.match.value)


def date_key(column: Any, *, descending: bool = False) -> SortKey:
    """Return the keyset order of a list by the date in COLUMN."""
    # Undated records sort after every dated one, whichever the direction.
    undated = _EARLIEST if descending else _FAR
    return SortKey(func.coalesce(column, literal(undated)), datetime.date.fromisoformat)
