"""Creating, changing and deleting events and who took part in them."""

from __future__ import annotations

from typing import Annotated, Any

import strawberry
from sqlalchemy import delete, insert

from chronology import models
from chronology.graphql.mutations.common import (
    assign,
    date_columns,
    decode,
    delete_versioned,
    existing,
    fetch,
    first_duplicate,
    given,
    unit_of_work,
    update_versioned,
)
from chronology.graphql.mutations.inputs import (
    CreateEventInput,
    DeleteVersion,
    ExpectedVersion,
    ParticipantInput,
    RecordId,
    UpdateEventInput,
)
from chronology.graphql.runtime.context import Info
from chronology.graphql.runtime.database import RequestDatabase
from chronology.graphql.runtime.errors import validation
from chronology.graphql.runtime.loaders import table
from chronology.graphql.types.event.record import Event

_events = table(models.Event)
_participants = table(models.EventParticipant)

_COLUMNS = {name: name for name in ("type", "title", "places", "description")}


async def _replace_participants(database: RequestDatabase, event: int, participants: list[ParticipantInput]) -> None:
    rows: list[dict[str, Any]] = []
    for index, participant in enumerate(participants):
        path = f"participants[{index}]"
        if not participant.role.strip():
            raise validation("say what part the person took", field=f"{path}.role")
        person = await existing(database, participant.person, expect="Person", field=f"{path}.person")
        rows.append({"event_id": event, "person_id": person, "role": participant.role.strip()})
    duplicate = first_duplicate([(row["person_id"], row["role"]) for row in rows])
    if duplicate is not None:
        raise validation("this person is given twice in the same role", field=f"participants[{duplicate}]")
    await database.rows(delete(_participants).where(_participants.c.event_id == event))
    if rows:
        await database.rows(insert(_participants).values(rows))


@strawberry.type
class EventMutation:
    @strawberry.mutation(description="Create an event with its participants.")
    async def create_event(
        self, info: Info, input: Annotated[CreateEventInput, strawberry.argument(description="The record to create.")]
    ) -> Event | None:
        async with unit_of_work(info, input) as database:
            values = assign(input, _COLUMNS) | date_columns(input.date, field="date")
            rows = await database.rows(insert(_events).values(**values).returning(_events.c.id))
            pk = int(rows[0].id)
            await _replace_participants(database, pk, input.participants)
            return Event.from_row(await fetch(database, _events, pk))

    @strawberry.mutation(description="Change an event; a participants list sent replaces the old.")
    async def update_event(
        self,
        info: Info,
        id: RecordId,
        expected_version: ExpectedVersion,
        input: Annotated[
            UpdateEventInput, strawberry.argument(description="The changes: what is left out stays as it is.")
        ],
    ) -> Event | None:
        async with unit_of_work(info, input) as database:
            pk = decode(id, expect="Event", field="id")
            values = assign(input, _COLUMNS, required={"type", "title", "places"})
            if given(input.date):
                values |= date_columns(input.date, field="date")
            await update_versioned(database, _events, pk, expected=expected_version, values=values, type_name="Event")
            if given(input.participants):
                await _replace_participants(database, pk, input.participants or [])
            return Event.from_row(await fetch(database, _events, pk))

    @strawberry.mutation(description="Delete an event with its participants and links.")
    async def delete_event(
        self, info: Info, id: RecordId, expected_version: DeleteVersion = None
    ) -> strawberry.ID | None:
        async with unit_of_work(info) as database:
            pk = decode(id, expect="Event", field="id")
            return await delete_versioned(database, _events, pk, expected=expected_version, type_name="Event")
