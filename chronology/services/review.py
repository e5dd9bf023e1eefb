"""Resolve a review item: an editor's verdict, kept with who gave it and when."""

from __future__ import annotations

from sqlalchemy import func, update
from sqlalchemy.orm import Session

from chronology.models import ReviewItem


class ReviewError(ValueError):
    """The item cannot be resolved as asked; the message says why."""


def resolve_review_item(session: Session, item_id: int, *, editor: str, resolution: str | None = None) -> None:
    """Mark an open item resolved by EDITOR; raise ReviewError when it is missing or already resolved."""
    if not editor.strip():
        raise ReviewError("a resolution needs the editor's name")
    item = session.get(ReviewItem, item_id)
    if item is None:
        raise ReviewError(f"no review item {item_id}")
    if item.status == "resolved":
        raise ReviewError(f"review item {item_id} was already resolved by {item.resolved_by} at {item.resolved_at}")
    session.execute(
        update(ReviewItem)
        .where(ReviewItem.id == item_id)
        .values(status="resolved", resolved_by=editor, resolved_at=func.now(), resolution=resolution)
    )
    session.expire(item)
    session.flush()
