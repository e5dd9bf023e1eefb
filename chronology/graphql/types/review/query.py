"""The `reviewItems` query: the review queue by file and line, filtered and paged."""

from __future__ import annotations

from typing import Annotated

import strawberry
from sqlalchemy import select

from chronology import models
from chronology.graphql.mutations.common import reject_nul
from chronology.graphql.runtime.context import Info
from chronology.graphql.runtime.errors import validation
from chronology.graphql.runtime.ids import KIND_OF_TYPE, decode_id
from chronology.graphql.runtime.loaders import table
from chronology.graphql.runtime.pagination import (
    After,
    Before,
    Connection,
    Edge,
    First,
    Last,
    SortKey,
    keyset_page,
    page_request,
)
from chronology.graphql.types.review.item import ReviewItem, ReviewKind
from chronology.queries.review import ReviewFilter, review_criteria

_items = table(models.ReviewItem)
_records = table(models.Record)


@strawberry.input(description="Which review items to list.")
class ReviewItemFilter:
    source_file: str | None = strawberry.field(default=None, description="Only items from this imported file.")
    kinds: list[ReviewKind] | None = strawberry.field(default=None, description="Only these kinds of doubt.")
    open: bool = strawberry.field(default=False, description="Only items still waiting for an editor.")
    record: strawberry.ID | None = strawberry.field(default=None, description="Only items about this record.")


def _filter(given: ReviewItemFilter | None) -> ReviewFilter:
    if given is None:
        return ReviewFilter()
    reject_nul(given)
    record = None
    if given.record is not None:
        type_name, record = decode_id(str(given.record), field="record")
        if type_name not in KIND_OF_TYPE:
            raise validation("the record must be a Person, Body, Document or Decision", field="record")
    return ReviewFilter(
        source_file=given.source_file,
        kinds=tuple(kind.value for kind in given.kinds or ()),
        open_only=given.open,
        record_id=record,
    )


@strawberry.type
class ReviewQuery:
    @strawberry.field(description="What imports asked a human to check, by file and line, filtered and paged.")
    async def review_items(
        self,
        info: Info,
        filter: Annotated[ReviewItemFilter | None, strawberry.argument(description="Which ones to list.")] = None,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
    ) -> Connection[ReviewItem]:
        info.context.require_read()
        request = page_request(first, after, last, before)
        query = (
            select(_items, _records.c.kind.label("record_kind"))
            .outerjoin(_records, _records.c.id == _items.c.record_id)
            .where(*review_criteria(_filter(filter)))
        )
        keys = [SortKey(_items.c.source_file), SortKey(_items.c.line), SortKey(_items.c.id)]
        rows, cursors, page, count = await keyset_page(info.context, query, keys, request)
        edges = [Edge(cursor=c, node=ReviewItem.from_row(r)) for r, c in zip(rows, cursors, strict=True)]
        return Connection(edges=edges, page_info=page, count=count)
