"""The `timeline` query: the documents, decisions and events of a period, laid out for a timeline widget."""

from __future__ import annotations

from typing import Annotated

import strawberry

from chronology.graphql.runtime.context import Info
from chronology.graphql.runtime.errors import validation
from chronology.graphql.runtime.naming import with_person_named
from chronology.graphql.types.timeline.compiled import timeline_items
from chronology.graphql.types.timeline.filter import Filter, From, To, timeline_criteria
from chronology.graphql.types.timeline.item import TimelineItem
from chronology.queries.timeline import timeline_statement

MAX_ITEMS = 2_000


@strawberry.type(description="The records of a period, ready for a timeline widget.")
class Timeline:
    items: list[TimelineItem] = strawberry.field(
        description="Every record whose possible days overlap the window, by first day."
    )
    truncated: bool = strawberry.field(
        description="More records matched than `limit`; the latest ones were left out. Narrow the window or the filter."
    )


@strawberry.type
class TimelineQuery:
    @strawberry.field(
        description="The documents, decisions and events of a period, for a timeline widget: "
        "each record whose possible days overlap the window (a document dated only `December "
        "1935` appears in a window of 20–31 December), by first day."
    )
    async def timeline(
        self,
        info: Info,
        start: From,
        end: To,
        filter: Filter = None,
        limit: Annotated[
            int, strawberry.argument(description=f"At most this many items (1 to {MAX_ITEMS}).")
        ] = MAX_ITEMS,
    ) -> Timeline:
        info.context.require_read()
        filter = await with_person_named(info.context, filter, field="filter.person")
        criteria = timeline_criteria(start, end, filter)
        if not 1 <= limit <= MAX_ITEMS:
            raise validation(f"`limit` must be between 1 and {MAX_ITEMS}", field="limit")
        statement = timeline_statement(criteria, limit + 1)
        if statement is None:
            return Timeline(items=[], truncated=False)
        compiled = await timeline_items(info, statement, limit)
        if compiled is not None:
            items, shown, truncated = compiled
            info.context.budget.spend(shown)
            return Timeline(items=items, truncated=truncated)  # type: ignore[arg-type] # JSON built in SQL
        rows = list(await info.context.database.rows(statement))
        truncated = len(rows) > limit
        rows = rows[:limit]
        info.context.budget.spend(len(rows))
        return Timeline(items=[TimelineItem.from_row(r) for r in rows], truncated=truncated)
