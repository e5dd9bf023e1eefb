"""The Body record type: a party or state body, and who sat on it when."""

from __future__ import annotations

from typing import Any

import strawberry
from sqlalchemy import Select, select

from chronology import models
from chronology.graphql.runtime.context import Info
from chronology.graphql.runtime.ids import encode_id
from chronology.graphql.runtime.lists import ListFirst, first_items
from chronology.graphql.runtime.loaders import many_by, one_by_id, table
from chronology.graphql.types.date.historical import HistoricalDate, historical_date
from chronology.graphql.types.node.interface import Node
from chronology.graphql.types.person.record import Person
from chronology.graphql.types.person.vocabulary import BodyKind, MembershipRole

_memberships = table(models.Membership)


@strawberry.type(description="A party or state body: the Politburo, a commissariat, a regional committee.")
class Body(Node):
    pk: strawberry.Private[int]
    name: str = strawberry.field(description="The body's name in English.")
    key: str | None = strawberry.field(
        description="The authority key (`politburo`): names the body in exports and in its address `/bodies/<key>`."
    )
    short_name: str | None = strawberry.field(description="The usual abbreviation: PB, SNK, NKVD.")
    kind: BodyKind = strawberry.field(description="Where the body sits.")
    variants: list[str] = strawberry.field(description="Other names the sources use.")
    description: str | None = strawberry.field(description="What the body was.")
    needs_review: bool = strawberry.field(
        description="Created by an import from a name outside the authority list (e.g. a newspaper): check it."
    )
    version: int = strawberry.field(description="The record's version.")

    @strawberry.field(description="The body's global id.")
    def id(self) -> strawberry.ID:
        return strawberry.ID(encode_id("Body", self.pk))

    @strawberry.field(description="Who sat on the body, when, and in what role.")
    async def members(self, info: Info, first: ListFirst = None) -> list[Membership]:
        def query() -> Select[Any]:
            return select(_memberships, _memberships.c.body_id.label("_group")).order_by(
                _memberships.c.body_id, _memberships.c.date_lower
            )

        rows = await many_by(info.context, "members", query, _memberships.c.body_id).load(self.pk)
        return first_items([Membership.from_row(r) for r in rows], first)

    @classmethod
    def from_row(cls, row: Any) -> Body:
        """Build from a bodies row."""
        return cls(
            pk=row.id,
            name=row.name,
            key=row.authority_key,
            short_name=row.short_name,
            kind=BodyKind(row.kind),
            variants=list(row.variants or []),
            description=row.description,
            needs_review=row.needs_review,
            version=row.version,
        )


@strawberry.type(description="A person's place in a body over a (fuzzy) period.")
class Membership:
    person_pk: strawberry.Private[int]
    body_pk: strawberry.Private[int]
    role: MembershipRole = strawberry.field(description="Member, candidate, secretary or chair.")
    period: HistoricalDate | None = strawberry.field(description="When, as far as it is known.")
    source: str | None = strawberry.field(description="Where the membership is stated.")
    note: str | None = strawberry.field(description="Anything doubtful about it.")

    @strawberry.field(description="The member.")
    async def person(self, info: Info) -> Person:
        return Person.from_row(await one_by_id(info.context, table(models.Person)).load(self.person_pk))

    @strawberry.field(description="The body.")
    async def body(self, info: Info) -> Body:
        return Body.from_row(await one_by_id(info.context, table(models.Body)).load(self.body_pk))

    @classmethod
    def from_row(cls, row: Any) -> Membership:
        """Build from a memberships row."""
        return cls(
            person_pk=row.person_id,
            body_pk=row.body_id,
            role=MembershipRole(row.role),
            period=historical_date(row),
            source=row.source,
            note=row.note,
        )
