"""The review queue read: items filtered by file, kind, state and record, in file order."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from sqlalchemy import ColumnElement, FromClause, exists, func, or_, select, tuple_
from sqlalchemy.orm import Session

from chronology.models import ReviewItem


@dataclass(frozen=True)
class ReviewRow:
    """One stored review item as read."""

    id: int
    source_file: str
    line: int
    kind: str
    reason: str
    verbatim: str
    likely_reading: str | None
    record_id: int | None
    status: str
    resolved_by: str | None
    resolved_at: datetime.datetime | None
    resolution: str | None


@dataclass(frozen=True)
class ReviewFilter:
    """Which items to read; every criterion left empty admits all."""

    source_file: str | None = None
    kinds: tuple[str, ...] = ()
    open_only: bool = False
    record_id: int | None = None


def review_criteria(where: ReviewFilter) -> list[ColumnElement[bool]]:
    """Return the conditions a filter sets on review_items."""
    criteria: list[ColumnElement[bool]] = []
    if where.source_file is not None:
        criteria.append(ReviewItem.source_file == where.source_file)
    if where.kinds:
        criteria.append(ReviewItem.kind.in_(where.kinds))
    if where.open_only:
        criteria.append(ReviewItem.status == "open")
    if where.record_id is not None:
        criteria.append(ReviewItem.record_id == where.record_id)
    return criteria


def _row(item: ReviewItem) -> ReviewRow:
    return ReviewRow(
        id=item.id,
        source_file=item.source_file,
        line=item.line,
        kind=item.kind,
        reason=item.reason,
        verbatim=item.verbatim,
        likely_reading=item.likely_reading,
        record_id=item.record_id,
        status=item.status,
        resolved_by=item.resolved_by,
        resolved_at=item.resolved_at,
        resolution=item.resolution,
    )


def review_items(
    session: Session,
    where: ReviewFilter,
    *,
    limit: int | None = None,
    after: tuple[str, int, int] | None = None,
) -> list[ReviewRow]:
    """Return the items in file, line, id order, after a keyset position when given."""
    query = select(ReviewItem).where(*review_criteria(where))
    if after is not None:
        query = query.where(tuple_(ReviewItem.source_file, ReviewItem.line, ReviewItem.id) > tuple_(*after))
    query = query.order_by(ReviewItem.source_file, ReviewItem.line, ReviewItem.id)
    if limit is not None:
        query = query.limit(limit)
    return [_row(item) for item in session.scalars(query)]


def count_review_items(session: Session, where: ReviewFilter) -> int:
    """Return how many items the filter admits."""
    return int(session.scalar(select(func.count()).select_from(ReviewItem).where(*review_criteria(where))) or 0)


def review_item(session: Session, item_id: int) -> ReviewRow | None:
    """Return one item, or None."""
    item = session.get(ReviewItem, item_id)
    return None if item is None else _row(item)


def needs_review(table: FromClause, wanted: bool) -> ColumnElement[bool]:
    """Return the condition that a record of TABLE is (or, WANTED false, is not) flagged or has an open item."""
    items = ReviewItem.__table__
    open_item = exists().where(items.c.record_id == table.c.id, items.c.status == "open")
    flagged = or_(table.c.needs_review.is_(True), open_item)
    return flagged if wanted else ~flagged
