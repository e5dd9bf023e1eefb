"""Which records a timeline shows: the window and filter a client sends, checked into criteria."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from enum import Enum
from typing import Annotated

import strawberry

from chronology.graphql.runtime.errors import validation
from chronology.graphql.runtime.ids import decode_id
from chronology.graphql.types.document.vocabulary import DocumentKind
from chronology.graphql.types.event.vocabulary import EventType
from chronology.graphql.types.timeline.item import TimelineItemType
from chronology.queries.timeline import ITEM_TYPES, TimelineCriteria

MAX_TEXT = 500


@strawberry.input(description="Which records a timeline shows.")
class TimelineFilter:
    types: list[TimelineItemType] | None = strawberry.field(
        default=None, description="Only these kinds of record (all three if omitted)."
    )
    document_kinds: list[DocumentKind] | None = strawberry.field(
        default=None,
        description="Only documents of these kinds (decisions and events are not affected).",
    )
    event_types: list[EventType] | None = strawberry.field(
        default=None,
        description="Only events of these types (documents and decisions are not affected).",
    )
    person: strawberry.ID | None = strawberry.field(
        default=None,
        description="Only records of this Person: documents they are a party to, events they "
        "took part in, decisions they voted on. Named by global id, key (`yezhov`), Wikidata id "
        "(`Q1368`), or any stored form of the name (`Ezhov`).",
    )
    body: strawberry.ID | None = strawberry.field(
        default=None,
        description="Only records of this Body: documents it is a party to, decisions it took "
        "(events have no body, so none are shown).",
    )
    text: str | None = strawberry.field(
        default=None,
        description="Only records containing these words (web-search syntax): in a document's "
        "or a decision's title, summary or text, in an event's title or description.",
    )


From = Annotated[datetime.date, strawberry.argument(name="from", description="The first day of the window.")]
To = Annotated[datetime.date, strawberry.argument(name="to", description="The last day of the window.")]
Filter = Annotated[TimelineFilter | None, strawberry.argument(description="Which records to show.")]


def _values(members: Iterable[Enum]) -> tuple[str, ...]:
    return tuple(member.value for member in members)


def timeline_criteria(start: datetime.date, end: datetime.date, filter: TimelineFilter | None) -> TimelineCriteria:
    """Turn the window and the GraphQL filter into checked criteria."""
    if start > end:
        raise validation("the window's `from` is after its `to`", field="from")
    if filter is None:
        return TimelineCriteria(start=start, end=end)
    text = filter.text.strip() if filter.text else None
    if text is not None and len(text) > MAX_TEXT:
        raise validation(f"the search text is longer than {MAX_TEXT} characters", field="filter.text")
    person = decode_id(str(filter.person), field="filter.person", expect="Person")[1] if filter.person else None
    body = decode_id(str(filter.body), field="filter.body", expect="Body")[1] if filter.body else None
    return TimelineCriteria(
        start=start,
        end=end,
        types=_values(filter.types) if filter.types is not None else ITEM_TYPES,
        document_kinds=_values(filter.document_kinds or ()),
        event_types=_values(filter.event_types or ()),
        person_id=person,
        body_id=body,
        text=text or None,
    )
