"""The `decisions` query: decisions filtered by body, date, procedure and outcome, and paged."""

from __future__ import annotations

from typing import Annotated

import strawberry
from sqlalchemy import and_, select

from chronology import models
from chronology.graphql.runtime.context import Info
from chronology.graphql.runtime.ids import number_of
from chronology.graphql.runtime.loaders import columns
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
from chronology.graphql.types.date.filter import DateWindow, date_key, window
from chronology.graphql.types.decision.record import Decision
from chronology.graphql.types.decision.vocabulary import DecisionOutcome, DecisionProcedure
from chronology.queries.review import needs_review
from chronology.queries.windows import window_condition


@strawberry.input(description="Which decisions to list.")
class DecisionFilter:
    body: strawberry.ID | None = strawberry.field(default=None, description="Only decisions of this body.")
    date: DateWindow | None = strawberry.field(default=None, description="Only decisions dated in this window.")
    procedures: list[DecisionProcedure] | None = strawberry.field(default=None, description="Only these procedures.")
    outcomes: list[DecisionOutcome] | None = strawberry.field(default=None, description="Only these outcomes.")
    needs_review: bool | None = strawberry.field(
        default=None,
        description="Only decisions flagged to check or with an open review item (true), or neither (false).",
    )


@strawberry.type
class DecisionQuery:
    @strawberry.field(description="Decisions, filtered and paged, by date.")
    async def decisions(
        self,
        info: Info,
        filter: Annotated[DecisionFilter | None, strawberry.argument(description="Which ones to list.")] = None,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
    ) -> Connection[Decision]:
        info.context.require_read()
        request = page_request(first, after, last, before)
        table = models.Decision.__table__
        conditions = []
        if filter is not None:
            start, end, match = window(filter.date)
            if start is not None and end is not None:
                conditions.append(window_condition(table.c.date_span, start, end, match))
            if filter.body is not None:
                conditions.append(table.c.body_id == number_of(filter.body, expect="Body", field="body"))
            if filter.procedures:
                conditions.append(table.c.procedure.in_([p.value for p in filter.procedures]))
            if filter.outcomes:
                conditions.append(table.c.outcome.in_([o.value for o in filter.outcomes]))
            if filter.needs_review is not None:
                conditions.append(needs_review(table, filter.needs_review))
        query = select(*columns(table))
        if conditions:
            query = query.where(and_(*conditions))
        keys = [date_key(table.c.date_lower), SortKey(table.c.id)]
        rows, cursors, page, count = await keyset_page(info.context, query, keys, request)
        edges = [Edge(cursor=c, node=Decision.from_row(r)) for r, c in zip(rows, cursors, strict=True)]
        return Connection(edges=edges, page_info=page, count=count)
