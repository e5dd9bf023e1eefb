"""The optional `first` of a record's lists: a bound the client sets and the cost analysis reads."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Annotated, TypeVar

import strawberry

from chronology.graphql.runtime.errors import validation

T = TypeVar("T")
# The most items `first` may ask of one list (the cost analysis counts a list without `first` at this too).
MAX_ITEMS = 100

ListFirst = Annotated[
    int | None,
    strawberry.argument(description=f"At most this many, from the start (0–{MAX_ITEMS}); every one when absent."),
]


def checked_first(first: int | None) -> int | None:
    """Return FIRST, refusing a size out of bounds."""
    if first is not None and not 0 <= first <= MAX_ITEMS:
        raise validation(f"`first` must be between 0 and {MAX_ITEMS}", field="first")
    return first


def first_items(items: Sequence[T], first: int | None) -> list[T]:
    """Return the FIRST items of a list (all when FIRST is None), refusing a size out of bounds."""
    if checked_first(first) is None:
        return list(items)
    return list(items[:first])
