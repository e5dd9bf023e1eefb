"""The `decisions` query: decisions filtered by body, date, procedure, outcome, voter, votes and words; paged."""

from __future__ import annotations

from typing import Annotated, Any

import strawberry
from sqlalchemy import and_, exists, select

from chronology import models
from chronology.graphql.runtime.context import Info
from chronology.graphql.runtime.errors import validation
from chronology.graphql.runtime.ids import number_of
from chronology.graphql.runtime.loaders import columns
from chronology.graphql.runtime.naming import named_person
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
from chronology.queries.documents import text_query
from chronology.queries.review import needs_review
from chronology.queries.windows import window_condition

MAX_TEXT = 500


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
    person: strawberry.ID | None = strawberry.field(
        default=None,
        description="Only decisions this Person voted on. Named by global id, key (`yezhov`), Wikidata id "
        "or any stored form of the name (`Ezhov`).",
    )
    has_votes: bool | None = strawberry.field(
        default=None, description="Only decisions with recorded votes (true) or without any (false)."
    )
    text: str | None = strawberry.field(
        default=None, description="Words in the title, subject or text, in web-search syntax (`wagons -coal`)."
    )


async def _vote_and_text_conditions(info: Info, filter: DecisionFilter) -> list[Any]:
    """Return the conditions on who voted, whether anyone did, and the words."""
    table = models.Decision.__table__
    votes = models.Vote.__table__
    conditions: list[Any] = []
    if filter.person is not None:
        person = await named_person(info.context, str(filter.person), field="filter.person")
        voted = select(votes.c.decision_id).where(votes.c.person_id == person)
        conditions.append(table.c.id.in_(voted))
    if filter.has_votes is not None:
        cast = exists().where(votes.c.decision_id == table.c.id)
        conditions.append(cast if filter.has_votes else ~cast)
    if filter.text is not None:
        text = filter.text.strip()
        if not text or len(text) > MAX_TEXT:
            raise validation(f"the search text must have 1 to {MAX_TEXT} characters", field="filter.text")
        conditions.append(table.c.search.op("@@")(text_query(text)))
    return conditions


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
            conditions.extend(await _vote_and_text_conditions(info, filter))
        query = select(*columns(table))
        if conditions:
            query = query.where(and_(*conditions))
        keys = [date_key(table.c.date_lower), SortKey(table.c.id)]
        rows, cursors, page, count = await keyset_page(info.context, query, keys, request)
        edges = [Edge(cursor=c, node=Decision.from_row(r)) for r, c in zip(rows, cursors, strict=True)]
        return Connection(edges=edges, page_info=page, count=count)
