"""Creating, changing and deleting decisions, their surviving tallies, and members' votes."""

from __future__ import annotations

from typing import Annotated, Any

import strawberry
from sqlalchemy import delete, insert, select
from sqlalchemy.dialects.postgresql import insert as upsert

from chronology import models
from chronology.graphql.mutations.common import (
    assign,
    camel,
    date_columns,
    decode,
    delete_versioned,
    existing,
    fetch,
    given,
    unit_of_work,
    update_versioned,
)
from chronology.graphql.mutations.inputs import (
    CreateDecisionInput,
    DeleteVersion,
    ExpectedVersion,
    RecordId,
    RecordVoteInput,
    TallyInput,
    UpdateDecisionInput,
    UpdateVoteInput,
)
from chronology.graphql.mutations.references import drop_unused_references, store_reference
from chronology.graphql.runtime.context import Info
from chronology.graphql.runtime.database import RequestDatabase
from chronology.graphql.runtime.errors import conflict, validation
from chronology.graphql.runtime.loaders import table
from chronology.graphql.types.decision.record import Decision
from chronology.graphql.types.decision.vote import Vote

_decisions = table(models.Decision)
_votes = table(models.Vote)
_tallies = table(models.Tally)

_DECISION_COLUMNS = {
    name: name
    for name in (
        "title",
        "procedure",
        "outcome",
        "protocol_number",
        "protocol_item",
        "summary",
        "full_text",
        "special_file",
        "needs_review",
    )
}
_VOTE_COLUMNS = {name: name for name in ("position", "recorded_in", "name_as_printed", "note")}


async def _reference_of(database: RequestDatabase, decision: int) -> int | None:
    rows = await database.rows(select(_decisions.c.archival_reference_id).where(_decisions.c.id == decision))
    return rows[0].archival_reference_id if rows else None


async def _new_reference(database: RequestDatabase, printed: str | None) -> int | None:
    if printed is None or not printed.strip():
        return None
    return await store_reference(database, printed, field="archivalReference")


async def _source_document(database: RequestDatabase, document: strawberry.ID | None) -> int | None:
    if document is None:
        return None
    return await existing(database, document, expect="Document", field="sourceDocument")


@strawberry.type
class DecisionMutation:
    @strawberry.mutation(description="Create a decision of a body.")
    async def create_decision(
        self,
        info: Info,
        input: Annotated[CreateDecisionInput, strawberry.argument(description="The record to create.")],
    ) -> Decision | None:
        async with unit_of_work(info, input) as database:
            values = assign(input, _DECISION_COLUMNS) | date_columns(input.date, field="date")
            values["body_id"] = await existing(database, input.body, expect="Body", field="body")
            values["archival_reference_id"] = await _new_reference(database, input.archival_reference)
            rows = await database.rows(insert(_decisions).values(**values).returning(_decisions.c.id))
            return Decision.from_row(await fetch(database, _decisions, int(rows[0].id)))

    @strawberry.mutation(description="Change a decision.")
    async def update_decision(
        self,
        info: Info,
        id: RecordId,
        expected_version: ExpectedVersion,
        input: Annotated[
            UpdateDecisionInput, strawberry.argument(description="The changes: what is left out stays as it is.")
        ],
    ) -> Decision | None:
        async with unit_of_work(info, input) as database:
            pk = decode(id, expect="Decision", field="id")
            required = {"title", "procedure", "outcome", "special_file", "needs_review"}
            values = assign(input, _DECISION_COLUMNS, required=required)
            if given(input.date):
                values |= date_columns(input.date, field="date")
            if given(input.body):
                if input.body is None:
                    raise validation("a decision needs a body", field="body")
                values["body_id"] = await existing(database, input.body, expect="Body", field="body")
            old_reference = await _reference_of(database, pk)
            if given(input.archival_reference):
                values["archival_reference_id"] = await _new_reference(database, input.archival_reference)
            await update_versioned(
                database,
                _decisions,
                pk,
                expected=expected_version,
                values=values,
                type_name="Decision",
            )
            if given(input.archival_reference) and old_reference is not None:
                await drop_unused_references(database, [old_reference])
            return Decision.from_row(await fetch(database, _decisions, pk))

    @strawberry.mutation(description="Delete a decision with its votes, tally and links.")
    async def delete_decision(
        self, info: Info, id: RecordId, expected_version: DeleteVersion = None
    ) -> strawberry.ID | None:
        async with unit_of_work(info) as database:
            pk = decode(id, expect="Decision", field="id")
            reference = await _reference_of(database, pk)
            deleted = await delete_versioned(database, _decisions, pk, expected=expected_version, type_name="Decision")
            if reference is not None:
                await drop_unused_references(database, [reference])
            return deleted

    @strawberry.mutation(description="Record the surviving counts of a decision's vote; null removes them.")
    async def set_tally(
        self,
        info: Info,
        decision: Annotated[strawberry.ID, strawberry.argument(description="The Decision.")],
        # UNSET, not a parameter without default: an omitted `tally` must reach the permission check first.
        tally: Annotated[TallyInput | None, strawberry.argument(description="The counts.")] = strawberry.UNSET,
    ) -> Decision | None:
        async with unit_of_work(info, tally) as database:
            if tally is strawberry.UNSET:
                raise validation("give `tally`: the counts, or null to remove them", field="tally")
            pk = await existing(database, decision, expect="Decision", field="decision")
            if tally is None:
                await database.rows(delete(_tallies).where(_tallies.c.decision_id == pk))
            else:
                for name in ("votes_for", "votes_against", "abstentions"):
                    count = getattr(tally, name)
                    if count is not None and count < 0:
                        raise validation("a count cannot be negative", field=f"tally.{camel(name)}")
                values: dict[str, Any] = {
                    "votes_for": tally.votes_for,
                    "votes_against": tally.votes_against,
                    "abstentions": tally.abstentions,
                    "unanimous": tally.unanimous,
                    "verbatim": tally.verbatim,
                    "note": tally.note,
                }
                statement = upsert(_tallies).values(decision_id=pk, **values)
                await database.rows(statement.on_conflict_do_update(index_elements=["decision_id"], set_=values))
            return Decision.from_row(await fetch(database, _decisions, pk))

    @strawberry.mutation(description="Record one member's position on a decision.")
    async def record_vote(
        self, info: Info, input: Annotated[RecordVoteInput, strawberry.argument(description="The vote to record.")]
    ) -> Vote | None:
        async with unit_of_work(info, input) as database:
            decision = await existing(database, input.decision, expect="Decision", field="decision")
            person = await existing(database, input.person, expect="Person", field="person")
            taken = await database.rows(
                select(_votes.c.id).where(_votes.c.decision_id == decision, _votes.c.person_id == person)
            )
            if taken:
                raise conflict(
                    "this person's vote on the decision is recorded already; update that one",
                    field="person",
                )
            values = assign(input, _VOTE_COLUMNS)
            values |= {
                "decision_id": decision,
                "person_id": person,
                "source_document_id": await _source_document(database, input.source_document),
            }
            rows = await database.rows(insert(_votes).values(**values).returning(_votes.c.id))
            return Vote.from_row(await fetch(database, _votes, int(rows[0].id)))

    @strawberry.mutation(description="Change a recorded vote.")
    async def update_vote(
        self,
        info: Info,
        id: RecordId,
        expected_version: ExpectedVersion,
        input: Annotated[
            UpdateVoteInput, strawberry.argument(description="The changes: what is left out stays as it is.")
        ],
    ) -> Vote | None:
        async with unit_of_work(info, input) as database:
            pk = decode(id, expect="Vote", field="id")
            values = assign(input, _VOTE_COLUMNS, required={"position", "recorded_in"})
            if given(input.source_document):
                values["source_document_id"] = await _source_document(database, input.source_document)
            await update_versioned(database, _votes, pk, expected=expected_version, values=values, type_name="Vote")
            return Vote.from_row(await fetch(database, _votes, pk))

    @strawberry.mutation(description="Delete a recorded vote.")
    async def delete_vote(
        self, info: Info, id: RecordId, expected_version: DeleteVersion = None
    ) -> strawberry.ID | None:
        async with unit_of_work(info) as database:
            pk = decode(id, expect="Vote", field="id")
            return await delete_versioned(database, _votes, pk, expected=expected_version, type_name="Vote")
