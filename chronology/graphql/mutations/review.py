"""An editor resolves a review item: who and when are kept, and the audit trail records it."""

from __future__ import annotations

from typing import Annotated

import strawberry
from sqlalchemy import func, select, update

from chronology import models
from chronology.graphql.mutations.common import unit_of_work
from chronology.graphql.runtime.context import Info
from chronology.graphql.runtime.errors import conflict, not_found
from chronology.graphql.runtime.loaders import table
from chronology.graphql.types.review.item import ReviewItem, review_number

_items = table(models.ReviewItem)
_records = table(models.Record)


@strawberry.type
class ReviewMutation:
    @strawberry.mutation(description="Mark a review item resolved, with what the editor decided; audited.")
    async def resolve_review_item(
        self,
        info: Info,
        id: Annotated[strawberry.ID, strawberry.argument(description="The review item.")],
        resolution: Annotated[
            str | None, strawberry.argument(description="What was checked and decided, for the next reader.")
        ] = None,
    ) -> ReviewItem | None:
        async with unit_of_work(info, resolution) as database:
            number = review_number(str(id))
            found = await database.rows(select(_items.c.status, _items.c.resolved_by).where(_items.c.id == number))
            if not found:
                raise not_found(f"the review item {id}", field="id")
            if found[0].status == "resolved":
                raise conflict(f"the review item was resolved already by {found[0].resolved_by}", field="id")
            editor = info.context.actor.name or "editor"
            await database.rows(
                update(_items)
                .where(_items.c.id == number)
                .values(status="resolved", resolved_by=editor, resolved_at=func.now(), resolution=resolution)
            )
            rows = await database.rows(
                select(_items, _records.c.kind.label("record_kind"))
                .outerjoin(_records, _records.c.id == _items.c.record_id)
                .where(_items.c.id == number)
            )
            return ReviewItem.from_row(rows[0])
