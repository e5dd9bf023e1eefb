"""A person argument as every door takes it: global id, key, Wikidata id, or any stored form of the name."""

from __future__ import annotations

import dataclasses
from typing import Any, TypeVar

import strawberry

from chronology.graphql.runtime.context import Context
from chronology.graphql.runtime.errors import validation
from chronology.graphql.runtime.ids import encode_id
from chronology.queries.naming import Candidate, PersonNaming, naming_statement

Filtered = TypeVar("Filtered")


async def named_person(context: Context, value: str, *, field: str) -> int:
    """Return the number of the one person VALUE names, or a VALIDATION error saying no one or whom it may mean."""
    given = value.strip()
    rows: Any = await context.database.rows(naming_statement(given)) if given else []
    naming = PersonNaming(given, tuple(Candidate(int(r[0]), str(r[1]), r[2]) for r in rows))
    if naming.person is None:
        raise validation(naming.problem(), field=field)
    return naming.person.number


async def with_person_named(context: Context, filter: Filtered, *, field: str) -> Filtered:
    """Return FILTER with its `person` as a global id, however the caller named the person."""
    person = getattr(filter, "person", None)
    if filter is None or person is None:
        return filter
    number = await named_person(context, str(person), field=field)
    # Strawberry inputs are dataclasses; the criteria below them read a global id.
    return dataclasses.replace(filter, person=strawberry.ID(encode_id("Person", number)))  # type: ignore[type-var]
