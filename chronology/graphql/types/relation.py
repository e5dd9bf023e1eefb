"""Typed, sourced links between records, and loading any record by its global number."""

from __future__ import annotations

from typing import Any

import strawberry
from sqlalchemy import select

from chronology import models
from chronology.graphql.context import Info
from chronology.graphql.loaders import many_by, one_by_id, record_kinds, table
from chronology.graphql.types.common import Node
from chronology.graphql.types.enums import Certainty, RelationType

_relations = table(models.Relation)
_publications = table(models.Publication)

_TABLES = {
    "person": table(models.Person),
    "body": table(models.Body),
    "document": table(models.Document),
    "decision": table(models.Decision),
    "vote": table(models.Vote),
    "event": table(models.Event),
}


async def load_node(info: Info, pk: int, kind: str | None = None) -> Node | None:
    """Load any record by its global number as its GraphQL type."""
    from chronology.graphql.types.decision import Decision, Vote
    from chronology.graphql.types.document import Document
    from chronology.graphql.types.event import Event
    from chronology.graphql.types.person import Body, Person

    kind = kind or await record_kinds(info.context).load(pk)
    if kind is None:
        return None
    row = await one_by_id(info.context, _TABLES[kind]).load(pk)
    if row is None:
        return None
    builders: dict[str, Any] = {
        "person": Person.from_row,
        "body": Body.from_row,
        "document": Document.from_row,
        "decision": Decision.from_row,
        "vote": Vote.from_row,
        "event": Event.from_row,
    }
    node: Node = builders[kind](row)
    return node


@strawberry.type(description="Who asserts a link, and where.")
class Provenance:
    publication: str | None = strawberry.field(description="The publication that states it.")
    locator: str | None = strawberry.field(
        description="Where in it: e.g. `footnote 2 to document 1`."
    )
    summary: str | None = strawberry.field(description="What the source asserts, in our own words.")


@strawberry.type(
    description="An assertion that one record relates to another, with its source and certainty."
)
class Relation:
    pk: strawberry.Private[int]
    source_pk: strawberry.Private[int]
    target_pk: strawberry.Private[int]
    type: RelationType = strawberry.field(description="How the source relates to the target.")
    certainty: Certainty = strawberry.field(description="How sure the assertion is.")
    provenance: Provenance = strawberry.field(description="Who asserts it, and where.")
    note: str | None = strawberry.field(description="An editor's note on the link.")

    @strawberry.field(description="The record the link starts from.")
    async def source(self, info: Info) -> Node:
        node = await load_node(info, self.source_pk)
        assert node is not None, "relations cascade with their records"
        return node

    @strawberry.field(description="The record the link points to.")
    async def target(self, info: Info) -> Node:
        node = await load_node(info, self.target_pk)
        assert node is not None, "relations cascade with their records"
        return node

    @classmethod
    def from_row(cls, row: Any) -> Relation:
        """Build from a relations row joined with its publication's title."""
        return cls(
            pk=row.id,
            source_pk=row.source_id,
            target_pk=row.target_id,
            type=RelationType(row.type),
            certainty=Certainty(row.certainty),
            provenance=Provenance(
                publication=row.publication_title,
                locator=row.provenance_locator,
                summary=row.provenance_summary,
            ),
            note=row.note,
        )


def _query(key: Any) -> Any:
    return (
        select(_relations, _publications.c.title.label("publication_title"), key.label("_group"))
        .outerjoin(_publications, _publications.c.id == _relations.c.provenance_publication_id)
        .order_by(key, _relations.c.type, _relations.c.id)
    )


async def relations_from(info: Info, pk: int) -> list[Relation]:
    """Return the links that start at a record."""
    loader = many_by(
        info.context, "relations_from", _query(_relations.c.source_id), _relations.c.source_id
    )
    return [Relation.from_row(r) for r in await loader.load(pk)]


async def relations_to(info: Info, pk: int) -> list[Relation]:
    """Return the links that point at a record."""
    loader = many_by(
        info.context, "relations_to", _query(_relations.c.target_id), _relations.c.target_id
    )
    return [Relation.from_row(r) for r in await loader.load(pk)]
