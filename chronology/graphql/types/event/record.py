"""The Event record type: something that happened over a fuzzy span of time, and who took part."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any

import strawberry
from sqlalchemy import Select, select

from chronology import models
from chronology.graphql.runtime.context import Info
from chronology.graphql.runtime.ids import encode_id
from chronology.graphql.runtime.lists import ListFirst, first_items
from chronology.graphql.runtime.loaders import columns, many_by, one_by_id, table
from chronology.graphql.types.date.historical import HistoricalDate, historical_date
from chronology.graphql.types.event.vocabulary import EventType
from chronology.graphql.types.node.interface import Node
from chronology.graphql.types.person.record import Person

if TYPE_CHECKING:
    from chronology.graphql.types.document.record import Document
    from chronology.graphql.types.relation.link import Relation

_events = table(models.Event)
_participants = table(models.EventParticipant)
_relations = table(models.Relation)
_documents = table(models.Document)


@strawberry.type(description="A person's part in an event.")
class EventParticipation:
    event_pk: strawberry.Private[int]
    person_pk: strawberry.Private[int]
    role: str = strawberry.field(description="Their part: defendant, chair, victim, traveller …")

    @strawberry.field(description="The person.")
    async def person(self, info: Info) -> Person:
        return Person.from_row(await one_by_id(info.context, table(models.Person)).load(self.person_pk))

    @strawberry.field(description="The event.")
    async def event(self, info: Info) -> Event:
        return Event.from_row(await one_by_id(info.context, _events).load(self.event_pk))


@strawberry.type(description="Something that happened over a (fuzzy) span of time.")
class Event(Node):
    pk: strawberry.Private[int]
    type: EventType = strawberry.field(description="What kind of event.")
    title: str = strawberry.field(description="The event's name.")
    date: HistoricalDate | None = strawberry.field(description="When it happened, as far as is known.")
    places: list[str] = strawberry.field(description="Where it happened.")
    description: str | None = strawberry.field(description="What happened, in our own words.")
    version: int = strawberry.field(description="The record's version; pass it as `expectedVersion`.")

    @strawberry.field(description="The event's global id.")
    def id(self) -> strawberry.ID:
        return strawberry.ID(encode_id("Event", self.pk))

    @strawberry.field(description="Who took part, and how.")
    async def participants(self, info: Info, first: ListFirst = None) -> list[EventParticipation]:
        def query() -> Select[Any]:
            return select(_participants, _participants.c.event_id.label("_group")).order_by(
                _participants.c.event_id, _participants.c.id
            )

        rows = await many_by(info.context, "participants", query, _participants.c.event_id).load(self.pk)
        return first_items(
            [EventParticipation(event_pk=r.event_id, person_pk=r.person_id, role=r.role) for r in rows], first
        )

    @strawberry.field(description="Documents linked to the event (part of it, or about it).")
    async def documents(
        self, info: Info, first: ListFirst = None
    ) -> list[Annotated[Document, strawberry.lazy("chronology.graphql.types.document.record")]]:
        from chronology.graphql.types.document.record import Document

        def query() -> Select[Any]:
            return (
                select(*columns(_documents), _relations.c.target_id.label("_group"))
                .join(_relations, _relations.c.source_id == _documents.c.id)
                .order_by(_relations.c.target_id, _documents.c.date_lower, _documents.c.id)
            )

        rows = await many_by(info.context, "event_documents", query, _relations.c.target_id).load(self.pk)
        return first_items([Document.from_row(r) for r in rows], first)

    @strawberry.field(description="Every link to or from the event.")
    async def relations(
        self, info: Info, first: ListFirst = None
    ) -> list[Annotated[Relation, strawberry.lazy("chronology.graphql.types.relation.link")]]:
        from chronology.graphql.types.relation.link import relations_from, relations_to

        return first_items([*await relations_from(info, self.pk), *await relations_to(info, self.pk)], first)

    @classmethod
    def from_row(cls, row: Any) -> Event:
        """Build from an events row."""
        return cls(
            pk=row.id,
            type=EventType(row.type),
            title=row.title,
            date=historical_date(row),
            places=list(row.places or []),
            description=row.description,
            version=row.version,
        )


async def events_of_person(info: Info, person_pk: int) -> list[EventParticipation]:
    """Return the events a person took part in, by date."""

    def query() -> Select[Any]:
        return (
            select(_participants, _participants.c.person_id.label("_group"))
            .join(_events, _events.c.id == _participants.c.event_id)
            .order_by(_participants.c.person_id, _events.c.date_lower, _events.c.id)
        )

    rows = await many_by(info.context, "events_of_person", query, _participants.c.person_id).load(person_pk)
    return [EventParticipation(event_pk=r.event_id, person_pk=r.person_id, role=r.role) for r in rows]
