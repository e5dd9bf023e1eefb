"""The `events` query: events filtered by date, type and participant, and paged."""

from __future__ import annotations

from typing import Annotated

import strawberry
from sqlalchemy import and_, exists, select

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
from chronology.graphql.types.event.record import Event
from chronology.graphql.types.event.vocabulary import EventType
from chronology.queries.windows import window_condition


@strawberry.input(description="Which events to list.")
class EventFilter:
    date: DateWindow | None = strawberry.field(default=None, description="Only events in this window.")
    types: list[EventType] | None = strawberry.field(default=None, description="Only these types.")
    participant: strawberry.ID | None = strawberry.field(default=None, description="Only with this Person.")


@strawberry.type
class EventQuery:
    @strawberry.field(description="Events, filtered and paged, by date.")
    async def events(
        self,
        info: Info,
        filter: Annotated[EventFilter | None, strawberry.argument(description="Which ones to list.")] = None,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
    ) -> Connection[Event]:
        info.context.require_read()
        request = page_request(first, after, last, before)
        table = models.Event.__table__
        participants = models.EventParticipant.__table__
        conditions = []
        if filter is not None:
            start, end, match = window(filter.date)
            if start is not None and end is not None:
                conditions.append(window_condition(table.c.date_span, start, end, match))
            if filter.types:
                conditions.append(table.c.type.in_([t.value for t in filter.types]))
            if filter.participant is not None:
                person = number_of(filter.participant, expect="Person", field="participant")
                conditions.append(
                    exists().where(participants.c.event_id == table.c.id).where(participants.c.person_id == person)
                )
        query = select(*columns(table))
        if conditions:
            query = query.where(and_(*conditions))
        keys = [date_key(table.c.date_lower), SortKey(table.c.id)]
        rows, cursors, page, count = await keyset_page(info.context, query, keys, request)
        edges = [Edge(cursor=c, node=Event.from_row(r)) for r, c in zip(rows, cursors, strict=True)]
        return Connection(edges=edges, page_info=page, count=count)
