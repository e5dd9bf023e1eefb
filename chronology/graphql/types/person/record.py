"""The Person record type: one historical person, the forms of their name, and what they took part in."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any

import strawberry
from sqlalchemy import Select, select

from chronology import models
from chronology.graphql.runtime.context import Info
from chronology.graphql.runtime.ids import encode_id
from chronology.graphql.runtime.lists import ListFirst, first_items
from chronology.graphql.runtime.loaders import many_by, table
from chronology.graphql.types.date.historical import HistoricalDate, date_from_edtf
from chronology.graphql.types.document.vocabulary import PartyRole
from chronology.graphql.types.node.interface import Node
from chronology.graphql.types.person.vocabulary import NameVariantKind

if TYPE_CHECKING:
    from chronology.graphql.types.decision.vote import Vote
    from chronology.graphql.types.document.parts import DocumentParty
    from chronology.graphql.types.event.record import EventParticipation
    from chronology.graphql.types.person.body import Membership

_variants = table(models.NameVariant)
_memberships = table(models.Membership)


@strawberry.type(description="A form of a person's name found in a source or a reference work.")
class NameVariant:
    name: str = strawberry.field(description="The name as found.")
    kind: NameVariantKind = strawberry.field(description="Why the name takes this form.")
    note: str | None = strawberry.field(description="Where the form is found, or why it is doubtful.")


@strawberry.type(description="One historical person, whatever the sources call them.")
class Person(Node):
    pk: strawberry.Private[int]
    canonical_name: str = strawberry.field(description="The name this service uses for the person.")
    key: str | None = strawberry.field(
        description="The authority key (`yezhov`): names the person at every door and in its address `/persons/<key>`."
    )
    sort_name: str = strawberry.field(description="The name for sorting: `Stalin, Iosif Vissarionovich`.")
    short_name: str | None = strawberry.field(description="The surname alone, as timelines show it.")
    wikidata_qid: str | None = strawberry.field(description="The Wikidata identifier, e.g. Q855.")
    viaf_id: str | None = strawberry.field(description="The VIAF authority identifier.")
    born: HistoricalDate | None = strawberry.field(description="Date of birth.")
    died: HistoricalDate | None = strawberry.field(description="Date of death.")
    note: str | None = strawberry.field(description="What an editor noted about this person.")
    needs_review: bool = strawberry.field(description="Created from a name that matched no known person: check it.")
    version: int = strawberry.field(description="The record's version; pass it back as `expectedVersion`.")

    @strawberry.field(description="The person's global id.")
    def id(self) -> strawberry.ID:
        return strawberry.ID(encode_id("Person", self.pk))

    @strawberry.field(description="Wikidata URI, for joining other data.")
    def wikidata_uri(self) -> str | None:
        return f"http://www.wikidata.org/entity/{self.wikidata_qid}" if self.wikidata_qid else None

    @strawberry.field(description="Every form of the name: transliterations, spellings, OCR errors.")
    async def variants(self, info: Info) -> list[NameVariant]:
        def query() -> Select[Any]:
            return select(_variants, _variants.c.person_id.label("_group")).order_by(
                _variants.c.person_id, _variants.c.name
            )

        rows = await many_by(info.context, "variants", query, _variants.c.person_id).load(self.pk)
        return [NameVariant(name=r.name, kind=NameVariantKind(r.kind), note=r.note) for r in rows]

    @strawberry.field(description="The person's places in bodies over time.")
    async def memberships(
        self, info: Info, first: ListFirst = None
    ) -> list[Annotated[Membership, strawberry.lazy("chronology.graphql.types.person.body")]]:
        from chronology.graphql.types.person.body import Membership

        def query() -> Select[Any]:
            return select(_memberships, _memberships.c.person_id.label("_group")).order_by(
                _memberships.c.person_id, _memberships.c.date_lower
            )

        rows = await many_by(info.context, "memberships", query, _memberships.c.person_id).load(self.pk)
        return first_items([Membership.from_row(r) for r in rows], first)

    @strawberry.field(description="Documents the person wrote, received or passed on, by date.")
    async def documents(
        self,
        info: Info,
        role: Annotated[PartyRole | None, strawberry.argument(description="Only this role.")] = None,
        first: ListFirst = None,
    ) -> list[Annotated[DocumentParty, strawberry.lazy("chronology.graphql.types.document.parts")]]:
        from chronology.graphql.types.document.parts import parties_of_person

        return first_items(await parties_of_person(info, self.pk, role), first)

    @strawberry.field(description="The person's recorded votes.")
    async def votes(
        self, info: Info, first: ListFirst = None
    ) -> list[Annotated[Vote, strawberry.lazy("chronology.graphql.types.decision.vote")]]:
        from chronology.graphql.types.decision.vote import votes_of_person

        return first_items(await votes_of_person(info, self.pk), first)

    @strawberry.field(description="Events the person took part in.")
    async def events(
        self, info: Info, first: ListFirst = None
    ) -> list[Annotated[EventParticipation, strawberry.lazy("chronology.graphql.types.event.record")]]:
        from chronology.graphql.types.event.record import events_of_person

        return first_items(await events_of_person(info, self.pk), first)

    @classmethod
    def from_row(cls, row: Any) -> Person:
        """Build from a persons row."""
        return cls(
            pk=row.id,
            canonical_name=row.canonical_name,
            key=row.authority_key,
            sort_name=row.sort_name,
            short_name=row.short_name,
            wikidata_qid=row.wikidata_qid,
            viaf_id=row.viaf_id,
            born=_life_date(row, "born"),
            died=_life_date(row, "died"),
            note=row.note,
            needs_review=row.needs_review,
            version=row.version,
        )


def _life_date(row: Any, prefix: str) -> HistoricalDate | None:
    return date_from_edtf(row._mapping[f"{prefix}_edtf"])
