"""The Vote record type: one member's recorded position on one decision, and where it is recorded."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any

import strawberry
from sqlalchemy import Select, select

from chronology import models
from chronology.graphql.runtime.context import Info
from chronology.graphql.runtime.ids import encode_id
from chronology.graphql.runtime.loaders import many_by, one_by_id, table
from chronology.graphql.types.decision.vocabulary import VotePosition, VoteRecordedIn
from chronology.graphql.types.node.interface import Node
from chronology.graphql.types.person.record import Person

if TYPE_CHECKING:
    from chronology.graphql.types.decision.record import Decision
    from chronology.graphql.types.document.record import Document

_votes = table(models.Vote)
_decisions = table(models.Decision)
_documents = table(models.Document)


@strawberry.type(description="One member's recorded position on one decision.")
class Vote(Node):
    pk: strawberry.Private[int]
    decision_pk: strawberry.Private[int]
    person_pk: strawberry.Private[int]
    source_document_pk: strawberry.Private[int | None]
    position: VotePosition = strawberry.field(description="For, against, abstained or agreed.")
    recorded_in: VoteRecordedIn = strawberry.field(description="Where the vote is recorded.")
    name_as_printed: str | None = strawberry.field(description="The voter's name as the source prints it.")
    note: str | None = strawberry.field(description="Anything doubtful about the vote.")
    version: int = strawberry.field(description="The record's version.")

    @strawberry.field(description="The vote's global id.")
    def id(self) -> strawberry.ID:
        return strawberry.ID(encode_id("Vote", self.pk))

    @strawberry.field(description="Who voted.")
    async def person(self, info: Info) -> Person:
        return Person.from_row(await one_by_id(info.context, table(models.Person)).load(self.person_pk))

    @strawberry.field(description="The decision voted on.")
    async def decision(
        self, info: Info
    ) -> Annotated[Decision, strawberry.lazy("chronology.graphql.types.decision.record")]:
        from chronology.graphql.types.decision.record import Decision

        return Decision.from_row(await one_by_id(info.context, _decisions).load(self.decision_pk))

    @strawberry.field(description="The document in which the vote is recorded.")
    async def source_document(
        self, info: Info
    ) -> Annotated[Document, strawberry.lazy("chronology.graphql.types.document.record")] | None:
        from chronology.graphql.types.document.record import Document

        if self.source_document_pk is None:
            return None
        return Document.from_row(await one_by_id(info.context, _documents).load(self.source_document_pk))

    @classmethod
    def from_row(cls, row: Any) -> Vote:
        """Build from a votes row."""
        return cls(
            pk=row.id,
            decision_pk=row.decision_id,
            person_pk=row.person_id,
            source_document_pk=row.source_document_id,
            position=VotePosition(row.position),
            recorded_in=VoteRecordedIn(row.recorded_in),
            name_as_printed=row.name_as_printed,
            note=row.note,
            version=row.version,
        )


async def votes_of_person(info: Info, person_pk: int) -> list[Vote]:
    """Return a person's votes, by the decisions' dates."""

    def query() -> Select[Any]:
        return (
            select(_votes, _votes.c.person_id.label("_group"))
            .join(_decisions, _decisions.c.id == _votes.c.decision_id)
            .order_by(_votes.c.person_id, _decisions.c.date_lower, _votes.c.id)
        )

    rows = await many_by(info.context, "votes_of_person", query, _votes.c.person_id).load(person_pk)
    return [Vote.from_row(r) for r in rows]


async def votes_in_document(info: Info, document_pk: int) -> list[Vote]:
    """Return the votes recorded in a document."""

    def query() -> Select[Any]:
        return select(_votes, _votes.c.source_document_id.label("_group")).order_by(
            _votes.c.source_document_id, _votes.c.id
        )

    rows = await many_by(info.context, "votes_in_document", query, _votes.c.source_document_id).load(document_pk)
    return [Vote.from_row(r) for r in rows]
