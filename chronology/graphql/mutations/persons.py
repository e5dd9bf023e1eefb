"""Creating, changing and deleting persons (with their name variants) and bodies."""

from __future__ import annotations

from typing import Annotated, Any

import strawberry
from sqlalchemy import delete, insert

from chronology import models
from chronology.graphql.mutations.common import (
    assign,
    camel,
    decode,
    delete_versioned,
    existing,
    fetch,
    first_duplicate,
    given,
    span_columns,
    unit_of_work,
    update_versioned,
)
from chronology.graphql.mutations.inputs import (
    CreateBodyInput,
    CreatePersonInput,
    DeleteVersion,
    ExpectedVersion,
    NameVariantInput,
    RecordId,
    UpdateBodyInput,
    UpdatePersonInput,
)
from chronology.graphql.runtime.context import Info
from chronology.graphql.runtime.database import RequestDatabase
from chronology.graphql.runtime.errors import validation
from chronology.graphql.runtime.loaders import table
from chronology.graphql.types.person.body import Body
from chronology.graphql.types.person.record import Person

_persons = table(models.Person)
_variants = table(models.NameVariant)
_bodies = table(models.Body)

_PERSON_COLUMNS = {
    name: name
    for name in (
        "canonical_name",
        "sort_name",
        "short_name",
        "wikidata_qid",
        "viaf_id",
        "note",
        "needs_review",
    )
}
_BODY_COLUMNS = {name: name for name in ("name", "kind", "short_name", "variants", "description")}


def _not_blank(value: str | None, field: str) -> None:
    if value is not None and not value.strip():
        raise validation(f"`{field}` cannot be blank", field=field)


def _life_dates(source: CreatePersonInput | UpdatePersonInput) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for prefix in ("born", "died"):
        words = getattr(source, prefix)
        if given(words):
            values |= span_columns(words, field=prefix, prefix=prefix)
    return values


async def _replace_variants(database: RequestDatabase, person_pk: int, variants: list[NameVariantInput]) -> None:
    duplicate = first_duplicate([v.name.strip() for v in variants])
    if duplicate is not None:
        raise validation("this name is given twice", field=f"variants[{duplicate}].name")
    for index, variant in enumerate(variants):
        _not_blank(variant.name, f"variants[{index}].name")
    await database.rows(delete(_variants).where(_variants.c.person_id == person_pk))
    if variants:
        rows = [
            {"person_id": person_pk, "name": v.name.strip(), "kind": v.kind.value, "note": v.note} for v in variants
        ]
        await database.rows(insert(_variants).values(rows))


async def _parent(database: RequestDatabase, parent: strawberry.ID | None) -> int | None:
    if parent is None:
        return None
    return await existing(database, parent, expect="Body", field="parent")


@strawberry.type
class PersonMutation:
    @strawberry.mutation(description="Create a person, with other forms of the name.")
    async def create_person(
        self, info: Info, input: Annotated[CreatePersonInput, strawberry.argument(description="The record to create.")]
    ) -> Person | None:
        async with unit_of_work(info, input) as database:
            _not_blank(input.canonical_name, "canonicalName")
            values = assign(input, _PERSON_COLUMNS) | _life_dates(input)
            values["canonical_name"] = input.canonical_name.strip()
            values["sort_name"] = (input.sort_name or input.canonical_name).strip()
            rows = await database.rows(insert(_persons).values(**values).returning(_persons.c.id))
            pk = int(rows[0].id)
            await _replace_variants(database, pk, input.variants)
            return Person.from_row(await fetch(database, _persons, pk))

    @strawberry.mutation(description="Change a person; a variants list sent replaces the old one.")
    async def update_person(
        self,
        info: Info,
        id: RecordId,
        expected_version: ExpectedVersion,
        input: Annotated[
            UpdatePersonInput, strawberry.argument(description="The changes: what is left out stays as it is.")
        ],
    ) -> Person | None:
        async with unit_of_work(info, input) as database:
            pk = decode(id, expect="Person", field="id")
            for name in ("canonical_name", "sort_name"):
                value = getattr(input, name)
                _not_blank(value if given(value) else None, camel(name))
            values = assign(input, _PERSON_COLUMNS, required={"canonical_name", "sort_name"})
            values |= _life_dates(input)
            await update_versioned(database, _persons, pk, expected=expected_version, values=values, type_name="Person")
            if given(input.variants):
                await _replace_variants(database, pk, input.variants or [])
            return Person.from_row(await fetch(database, _persons, pk))

    @strawberry.mutation(description="Delete a person not named in any document, vote or event; return its id.")
    async def delete_person(
        self, info: Info, id: RecordId, expected_version: DeleteVersion = None
    ) -> strawberry.ID | None:
        async with unit_of_work(info) as database:
            pk = decode(id, expect="Person", field="id")
            return await delete_versioned(database, _persons, pk, expected=expected_version, type_name="Person")

    @strawberry.mutation(description="Create a party or state body.")
    async def create_body(
        self, info: Info, input: Annotated[CreateBodyInput, strawberry.argument(description="The record to create.")]
    ) -> Body | None:
        async with unit_of_work(info, input) as database:
            _not_blank(input.name, "name")
            values = assign(input, _BODY_COLUMNS)
            values["name"] = input.name.strip()
            values["parent_id"] = await _parent(database, input.parent)
            rows = await database.rows(insert(_bodies).values(**values).returning(_bodies.c.id))
            return Body.from_row(await fetch(database, _bodies, int(rows[0].id)))

    @strawberry.mutation(description="Change a body.")
    async def update_body(
        self,
        info: Info,
        id: RecordId,
        expected_version: ExpectedVersion,
        input: Annotated[
            UpdateBodyInput, strawberry.argument(description="The changes: what is left out stays as it is.")
        ],
    ) -> Body | None:
        async with unit_of_work(info, input) as database:
            pk = decode(id, expect="Body", field="id")
            if given(input.name):
                _not_blank(input.name, "name")
            values = assign(input, _BODY_COLUMNS, required={"name", "kind", "variants"})
            if given(input.parent):
                values["parent_id"] = await _parent(database, input.parent)
                if values["parent_id"] == pk:
                    raise validation("a body cannot belong to itself", field="parent")
            await update_versioned(database, _bodies, pk, expected=expected_version, values=values, type_name="Body")
            return Body.from_row(await fetch(database, _bodies, pk))

    @strawberry.mutation(description="Delete a body that no decision or document names.")
    async def delete_body(
        self, info: Info, id: RecordId, expected_version: DeleteVersion = None
    ) -> strawberry.ID | None:
        async with unit_of_work(info) as database:
            pk = decode(id, expect="Body", field="id")
            return await delete_versioned(database, _bodies, pk, expected=expected_version, type_name="Body")
