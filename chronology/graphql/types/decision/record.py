"""The Decision record type: what a body decided, when and how, the votes on it and their tally."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any

import strawberry
from sqlalchemy import Select, or_, select

from chronology import models
from chronology.graphql.runtime.context import Info
from chronology.graphql.runtime.ids import encode_id
from chronology.graphql.runtime.lists import ListFirst, first_items
from chronology.graphql.runtime.loaders import columns, many_by, one_by_id, table
from chronology.graphql.types.archival import ArchivalReference, archival_reference
from chronology.graphql.types.date.historical import HistoricalDate, historical_date
from chronology.graphql.types.decision.vocabulary import DecisionOutcome, DecisionProcedure
from chronology.graphql.types.decision.vote import Vote
from chronology.graphql.types.node.interface import Node
from chronology.graphql.types.person.body import Body

if TYPE_CHECKING:
    from chronology.graphql.types.document.record import Document
    from chronology.graphql.types.relation.link import Relation

_votes = table(models.Vote)
_decisions = table(models.Decision)
_tallies = table(models.Tally)
_relations = table(models.Relation)
_documents = table(models.Document)


@strawberry.type(description="How a decision's vote went, from named votes and surviving counts.")
class Tally:
    votes_for: int = strawberry.field(description="Named votes for (including 'agreed').")
    votes_against: int = strawberry.field(description="Named votes against.")
    abstentions: int = strawberry.field(description="Named abstentions.")
    recorded_for: int | None = strawberry.field(description="The count for, where only a count survives.")
    recorded_against: int | None = strawberry.field(description="The count against, where it survives.")
    recorded_abstentions: int | None = strawberry.field(description="Abstentions, where counted.")
    unanimous: bool = strawberry.field(description="The source says the decision was unanimous.")
    verbatim: str | None = strawberry.field(description="The tally as the source words it.")
    note: str | None = strawberry.field(description="Anything doubtful about the tally.")


@strawberry.type(description="What a body decided, when, how, and where it is recorded.")
class Decision(Node):
    pk: strawberry.Private[int]
    body_pk: strawberry.Private[int]
    reference_pk: strawberry.Private[int | None]
    title: str = strawberry.field(description="The decision's title (`On …`, `Re: …`).")
    date: HistoricalDate | None = strawberry.field(description="When it was taken.")
    procedure: DecisionProcedure = strawberry.field(description="Meeting, poll or plenum vote.")
    outcome: DecisionOutcome = strawberry.field(description="What was decided.")
    protocol_number: str | None = strawberry.field(description="The protocol number, e.g. `93`.")
    protocol_item: str | None = strawberry.field(description="The protocol item, e.g. `17/10`.")
    summary: str | None = strawberry.field(description="What was decided, in our own words.")
    full_text: str | None = strawberry.field(description="The decision's text, where held.")
    special_file: bool = strawberry.field(description="Recorded in the secret 'special file' (osobaya papka).")
    needs_review: bool = strawberry.field(description="The import flagged something to check.")
    version: int = strawberry.field(description="The record's version; pass it as `expectedVersion`.")

    @strawberry.field(description="The decision's global id.")
    def id(self) -> strawberry.ID:
        return strawberry.ID(encode_id("Decision", self.pk))

    @strawberry.field(description="The deciding body.")
    async def body(self, info: Info) -> Body:
        return Body.from_row(await one_by_id(info.context, table(models.Body)).load(self.body_pk))

    @strawberry.field(description="Where the decision is recorded.")
    async def archival_reference(self, info: Info) -> ArchivalReference | None:
        if self.reference_pk is None:
            return None
        row = await one_by_id(info.context, table(models.ArchivalReferenceRow)).load(self.reference_pk)
        return archival_reference(row)

    @strawberry.field(description="Each member's recorded vote.")
    async def votes(self, info: Info, first: ListFirst = None) -> list[Vote]:
        return first_items([Vote.from_row(r) for r in await _votes_by_decision(info).load(self.pk)], first)

    @strawberry.field(description="The vote counted: from the named votes, and any surviving tally.")
    async def tally(self, info: Info) -> Tally:
        votes = await _votes_by_decision(info).load(self.pk)
        rows = await many_by(
            info.context,
            "tallies",
            lambda: select(_tallies, _tallies.c.decision_id.label("_group")),
            _tallies.c.decision_id,
        ).load(self.pk)
        surviving = rows[0] if rows else None
        positions = [v.position for v in votes]
        return Tally(
            votes_for=sum(p in ("for", "agreed") for p in positions),
            votes_against=positions.count("against"),
            abstentions=positions.count("abstained"),
            recorded_for=surviving.votes_for if surviving else None,
            recorded_against=surviving.votes_against if surviving else None,
            recorded_abstentions=surviving.abstentions if surviving else None,
            unanimous=bool(surviving and surviving.unanimous),
            verbatim=surviving.verbatim if surviving else None,
            note=surviving.note if surviving else None,
        )

    @strawberry.field(description="Documents that proposed the decision or raised its question.")
    async def proposed_by(
        self, info: Info, first: ListFirst = None
    ) -> list[Annotated[Document, strawberry.lazy("chronology.graphql.types.document.record")]]:
        return first_items(
            await _linked_documents(info, self.pk, incoming=True, types=("proposes", "decided_by")), first
        )

    @strawberry.field(description="The decrees or resolutions the decision was formalised as.")
    async def formalised_as(
        self, info: Info, first: ListFirst = None
    ) -> list[Annotated[Document, strawberry.lazy("chronology.graphql.types.document.record")]]:
        return first_items(await _linked_documents(info, self.pk, incoming=False, types=("formalised_as",)), first)

    @strawberry.field(description="Every link to or from the decision.")
    async def relations(
        self, info: Info, first: ListFirst = None
    ) -> list[Annotated[Relation, strawberry.lazy("chronology.graphql.types.relation.link")]]:
        from chronology.graphql.types.relation.link import relations_from, relations_to

        return first_items([*await relations_from(info, self.pk), *await relations_to(info, self.pk)], first)

    @classmethod
    def from_row(cls, row: Any) -> Decision:
        """Build from a decisions row."""
        return cls(
            pk=row.id,
            body_pk=row.body_id,
            reference_pk=row.archival_reference_id,
            title=row.title,
            date=historical_date(row),
            procedure=DecisionProcedure(row.procedure),
            outcome=DecisionOutcome(row.outcome),
            protocol_number=row.protocol_number,
            protocol_item=row.protocol_item,
            summary=row.summary,
            full_text=row.full_text,
            special_file=row.special_file,
            needs_review=row.needs_review,
            version=row.version,
        )


def _votes_by_decision(info: Info) -> Any:
    def query() -> Select[Any]:
        return select(_votes, _votes.c.decision_id.label("_group")).order_by(_votes.c.decision_id, _votes.c.id)

    return many_by(info.context, "votes_by_decision", query, _votes.c.decision_id)


async def _linked_documents(info: Info, decision_pk: int, *, incoming: bool, types: tuple[str, ...]) -> list[Document]:
    from chronology.graphql.types.document.record import Document

    near, far = (
        (_relations.c.target_id, _relations.c.source_id)
        if incoming
        else (_relations.c.source_id, _relations.c.target_id)
    )

    def query() -> Select[Any]:
        return (
            select(*columns(_documents), near.label("_group"))
            .join(_relations, far == _documents.c.id)
            .where(_relations.c.type.in_(types))
            .order_by(near, _documents.c.date_lower, _documents.c.id)
        )

    name = f"linked:{incoming}:{','.join(types)}"
    return [Document.from_row(r) for r in await many_by(info.context, name, query, near).load(decision_pk)]


async def decisions_of_document(info: Info, document_pk: int) -> list[Decision]:
    """Return the decisions a document proposed, raised, or is the formal text of."""

    def outgoing() -> Select[Any]:
        return (
            select(*columns(_decisions), _relations.c.source_id.label("_group"))
            .join(_relations, _relations.c.target_id == _decisions.c.id)
            .where(or_(_relations.c.type.in_(("proposes", "decided_by"))))
            .order_by(_relations.c.source_id, _decisions.c.date_lower, _decisions.c.id)
        )

    rows = await many_by(info.context, "decisions_of_document", outgoing, _relations.c.source_id).load(document_pk)
    return [Decision.from_row(r) for r in rows]
