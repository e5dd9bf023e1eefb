"""Adding and removing the sourced links between records."""

from __future__ import annotations

from typing import Annotated, Any

import strawberry
from sqlalchemy import delete, insert, select

from chronology import models
from chronology.graphql.mutations.common import any_record, decode_any, unit_of_work
from chronology.graphql.mutations.inputs import AddRelationInput
from chronology.graphql.mutations.references import publication_id
from chronology.graphql.runtime.context import Info
from chronology.graphql.runtime.database import RequestDatabase
from chronology.graphql.runtime.errors import conflict, not_found, validation
from chronology.graphql.runtime.loaders import table
from chronology.graphql.types.relation.link import Relation
from chronology.graphql.types.relation.vocabulary import RelationType

_relations = table(models.Relation)
_publications = table(models.Publication)


async def _relation_row(database: RequestDatabase, pk: int) -> Any:
    rows = await database.rows(
        select(_relations, _publications.c.title.label("publication_title"))
        .outerjoin(_publications, _publications.c.id == _relations.c.provenance_publication_id)
        .where(_relations.c.id == pk)
    )
    return rows[0]


@strawberry.type
class RelationMutation:
    @strawberry.mutation(description="Link one record to another, saying who asserts it and how surely.")
    async def add_relation(
        self, info: Info, input: Annotated[AddRelationInput, strawberry.argument(description="The link to record.")]
    ) -> Relation | None:
        async with unit_of_work(info, input) as database:
            _, source = await any_record(database, input.source, field="source")
            _, target = await any_record(database, input.target, field="target")
            if source == target:
                raise validation("a record cannot be linked to itself", field="target")
            recorded = await database.rows(
                select(_relations.c.id).where(
                    _relations.c.type == input.type.value,
                    _relations.c.source_id == source,
                    _relations.c.target_id == target,
                )
            )
            if recorded:
                raise conflict("this link is recorded already", field="target")
            provenance = input.provenance
            publication = None
            if provenance is not None and provenance.publication is not None:
                publication = await publication_id(database, provenance.publication)
            rows = await database.rows(
                insert(_relations)
                .values(
                    type=input.type.value,
                    source_id=source,
                    target_id=target,
                    certainty=input.certainty.value,
                    provenance_publication_id=publication,
                    provenance_locator=provenance.locator if provenance else None,
                    provenance_summary=provenance.summary if provenance else None,
                    note=input.note,
                )
                .returning(_relations.c.id)
            )
            return Relation.from_row(await _relation_row(database, int(rows[0].id)))

    @strawberry.mutation(description="Remove a link; return it as it was.")
    async def remove_relation(
        self,
        info: Info,
        type: Annotated[RelationType, strawberry.argument(description="The link's type.")],
        source: Annotated[strawberry.ID, strawberry.argument(description="Where it starts.")],
        target: Annotated[strawberry.ID, strawberry.argument(description="Where it points.")],
    ) -> Relation | None:
        async with unit_of_work(info) as database:
            source_pk = decode_any(source, field="source")
            target_pk = decode_any(target, field="target")
            found = await database.rows(
                select(_relations.c.id).where(
                    _relations.c.type == type.value,
                    _relations.c.source_id == source_pk,
                    _relations.c.target_id == target_pk,
                )
            )
            if not found:
                raise not_found(f"a {type.value} link from {source} to {target}", field="target")
            relation = Relation.from_row(await _relation_row(database, int(found[0].id)))
            await database.rows(delete(_relations).where(_relations.c.id == int(found[0].id)))
            return relation
