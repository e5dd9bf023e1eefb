"""The `persons` and `bodies` queries: people found by any form of their name, and the list of bodies."""

from __future__ import annotations

from typing import Annotated

import strawberry
from sqlalchemy import select

from chronology import models
from chronology.graphql.runtime.context import Info
from chronology.graphql.runtime.errors import validation
from chronology.graphql.runtime.lists import ListFirst, checked_first
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
from chronology.graphql.types.person.body import Body
from chronology.graphql.types.person.record import Person
from chronology.queries.persons import person_matches
from chronology.queries.review import needs_review as needs_review_condition

# The most bodies one answer lists (the authority list holds a few dozen).
BODIES_SHOWN = 500


@strawberry.type
class PersonQuery:
    @strawberry.field(
        description="People by name: canonical names and every variant, tolerating misspellings "
        "(`Ezhov`, `Pyatakov`, `Ordhonikidze`); best match first. Without `search`, all by sort name."
    )
    async def persons(
        self,
        info: Info,
        search: Annotated[str | None, strawberry.argument(description="A name in any spelling.")] = None,
        needs_review: Annotated[
            bool | None,
            strawberry.argument(description="Only persons flagged to check or with an open review item, or neither."),
        ] = None,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
    ) -> Connection[Person]:
        info.context.require_read()
        request = page_request(first, after, last, before)
        table = models.Person.__table__
        if search is not None and search.strip():
            if len(search) > 200:
                raise validation("the name is longer than 200 characters", field="search")
            query, score = person_matches(search.strip())
            keys = [SortKey(-score, float), SortKey(table.c.sort_name), SortKey(table.c.id)]
        else:
            query = select(table)
            keys = [SortKey(table.c.sort_name), SortKey(table.c.id)]
        if needs_review is not None:
            query = query.where(needs_review_condition(table, needs_review))
        rows, cursors, page, count = await keyset_page(info.context, query, keys, request)
        edges = [Edge(cursor=c, node=Person.from_row(r)) for r, c in zip(rows, cursors, strict=True)]
        return Connection(edges=edges, page_info=page, count=count)

    @strawberry.field(description="Bodies: the Politburo, the Orgburo, commissariats …, by name.")
    async def bodies(
        self,
        info: Info,
        needs_review: Annotated[
            bool | None,
            strawberry.argument(description="Only bodies flagged to check or with an open review item, or neither."),
        ] = None,
        first: ListFirst = None,
    ) -> list[Body]:
        info.context.require_read()
        table = models.Body.__table__
        first = checked_first(first)
        shown = BODIES_SHOWN if first is None else first
        query = select(table)
        if needs_review is not None:
            query = query.where(needs_review_condition(table, needs_review))
        rows = await info.context.database.rows(query.order_by(table.c.name).limit(shown))
        info.context.budget.spend(len(rows))
        return [Body.from_row(r) for r in rows]
