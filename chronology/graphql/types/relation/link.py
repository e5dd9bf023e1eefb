"""The Relation type: a typed, sourced link between two records; loading a record's links and how many it has."""

from __future__ import annotations

from typing import Any

import strawberry
from sqlalchemy import Select, func, literal, select, union_all
from strawberry.dataloader import DataLoader

from chronology import models
from chronology.graphql.runtime.asked import asks_only_id
from chronology.graphql.runtime.context import Info
from chronology.graphql.runtime.loaders import many_by, table
from chronology.graphql.types.node.interface import Node
from chronology.graphql.types.node.loading import load_node, reference
from chronology.graphql.types.relation.vocabulary import Certainty, RelationType

_relations = table(models.Relation)
_publications = table(models.Publication)
_records = table(models.Record)


@strawberry.type(description="Who asserts a link, and where.")
class Provenance:
    publication: str | None = strawberry.field(description="The publication that states it.")
    locator: str | None = strawberry.field(description="Where in it: e.g. `footnote 2 to document 1`.")
    summary: str | None = strawberry.field(description="What the source asserts, in our own words.")


@strawberry.type(description="An assertion that one record relates to another, with its source and certainty.")
class Relation:
    pk: strawberry.Private[int]
    source_pk: strawberry.Private[int]
    target_pk: strawberry.Private[int]
    # The kinds of both ends, where the relations were loaded with them.
    source_kind: strawberry.Private[str | None]
    target_kind: strawberry.Private[str | None]
    type: RelationType = strawberry.field(description="How the source relates to the target.")
    certainty: Certainty = strawberry.field(description="How sure the assertion is.")
    provenance: Provenance = strawberry.field(description="Who asserts it, and where.")
    note: str | None = strawberry.field(description="An editor's note on the link.")

    # Not `async`: a link listed only for its ends' ids is answered at once, without the
    # cost of a coroutine per link; otherwise the awaitable returned is awaited by graphql-core.
    @strawberry.field(description="The record the link starts from.")
    def source(self, info: Info) -> Node:
        node: Node = _end(info, self.source_pk, self.source_kind)
        return node

    @strawberry.field(description="The record the link points to.")
    def target(self, info: Info) -> Node:
        node: Node = _end(info, self.target_pk, self.target_kind)
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
            source_kind=row._mapping.get("source_kind"),
            target_kind=row._mapping.get("target_kind"),
        )


def _end(info: Info, pk: int, kind: str | None) -> Any:
    """Return the record at one end of a link, or an awaitable of it when it must be loaded."""
    if kind is not None and asks_only_id(info):
        return reference(kind, pk)
    return _loaded_end(info, pk, kind)


async def _loaded_end(info: Info, pk: int, kind: str | None) -> Node:
    node = await load_node(info, pk, kind)
    assert node is not None, "relations cascade with their records"
    return node


def _query(key: Any) -> Select[Any]:
    # With the kinds of both ends, so that following a link needs no lookup of what it points at.
    sources, targets = _records.alias("source_record"), _records.alias("target_record")
    return (
        select(
            _relations,
            _publications.c.title.label("publication_title"),
            sources.c.kind.label("source_kind"),
            targets.c.kind.label("target_kind"),
            key.label("_group"),
        )
        .outerjoin(_publications, _publications.c.id == _relations.c.provenance_publication_id)
        .join(sources, sources.c.id == _relations.c.source_id)
        .join(targets, targets.c.id == _relations.c.target_id)
        .order_by(key, _relations.c.type, _relations.c.id)
    )


@strawberry.type(description="How many links a record has, without listing them.")
class RelationCount:
    outgoing: int = strawberry.field(description="Links from this record to others.")
    incoming: int = strawberry.field(description="Links from others to this record.")


def relation_counts(info: Info) -> DataLoader[int, RelationCount]:
    """Return the loader of how many links start and end at records."""
    context = info.context
    loader = context.loaders.get("relation_counts")
    if isinstance(loader, DataLoader):
        return loader

    async def load(keys: list[int]) -> list[RelationCount]:
        # One statement for the page: two grouped counts, each served by an index on its end.
        outgoing = (
            select(_relations.c.source_id.label("id"), literal("out").label("end"), func.count().label("n"))
            .where(_relations.c.source_id.in_(keys))
            .group_by(_relations.c.source_id)
        )
        incoming = (
            select(_relations.c.target_id.label("id"), literal("in").label("end"), func.count().label("n"))
            .where(_relations.c.target_id.in_(keys))
            .group_by(_relations.c.target_id)
        )
        counts = {(row.id, row.end): row.n for row in await context.database.rows(union_all(outgoing, incoming))}
        return [RelationCount(outgoing=counts.get((k, "out"), 0), incoming=counts.get((k, "in"), 0)) for k in keys]

    created: DataLoader[int, RelationCount] = DataLoader(load_fn=load)
    context.loaders["relation_counts"] = created
    return created


async def relations_from(info: Info, pk: int) -> list[Relation]:
    """Return the links that start at a record."""
    loader = many_by(info.context, "relations_from", lambda: _query(_relations.c.source_id), _relations.c.source_id)
    return [Relation.from_row(r) for r in await loader.load(pk)]


async def relations_to(info: Info, pk: int) -> list[Relation]:
    """Return the links that point at a record."""
    loader = many_by(info.context, "relations_to", lambda: _query(_relations.c.target_id), _relations.c.target_id)
    return [Relation.from_row(r) for r in await loader.load(pk)]
