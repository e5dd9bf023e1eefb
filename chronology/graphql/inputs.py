"""Input types for filters: what a client may ask of each list."""

from __future__ import annotations

import datetime
from enum import Enum

import strawberry

from chronology.graphql.types.date.vocabulary import DateMatch
from chronology.graphql.types.decision.vocabulary import DecisionOutcome, DecisionProcedure
from chronology.graphql.types.describe import describe
from chronology.graphql.types.document.vocabulary import DocumentKind, PartyRole
from chronology.graphql.types.event.vocabulary import EventType


@strawberry.input(description="A window of time and how a fuzzy date must meet it.")
class DateWindow:
    start: datetime.date = strawberry.field(name="from", description="The first day of the window.")
    end: datetime.date = strawberry.field(name="to", description="The last day of the window.")
    match: DateMatch = strawberry.field(
        default=DateMatch.OVERLAPS, description="How a record's date must relate to the window."
    )


@strawberry.input(description="Documents in which a person or body takes part.")
class PartyFilter:
    person: strawberry.ID | None = strawberry.field(default=None, description="A Person id.")
    body: strawberry.ID | None = strawberry.field(default=None, description="A Body id.")
    role: PartyRole | None = strawberry.field(default=None, description="Only in this role.")


@strawberry.input(description="Where copies are kept: any part of an archival reference.")
class ArchiveFilter:
    repository: str | None = strawberry.field(default=None, description="E.g. RGASPI (former names work too).")
    fond: str | None = strawberry.field(default=None, description="E.g. 558.")
    opis: str | None = strawberry.field(default=None, description="E.g. 11.")
    delo: str | None = strawberry.field(default=None, description="E.g. 93.")


@strawberry.input(description="Which documents to list.")
class DocumentFilter:
    date: DateWindow | None = strawberry.field(default=None, description="Only documents dated in this window.")
    kinds: list[DocumentKind] | None = strawberry.field(default=None, description="Only these kinds.")
    party: PartyFilter | None = strawberry.field(default=None, description="Only with this party.")
    archive: ArchiveFilter | None = strawberry.field(default=None, description="Only with a copy kept here.")
    edition: str | None = strawberry.field(
        default=None, description="Only documents printed in a publication whose title contains this."
    )
    has_decision: bool | None = strawberry.field(
        default=None, description="Only documents that did (true) or did not (false) lead to a decision."
    )
    text: str | None = strawberry.field(
        default=None,
        description='Full-text search in web-search syntax: `railway -Omsk`, `"sheepskin coats"`, `a OR b`.',
    )


@strawberry.enum(description="The order of a list of documents.")
class DocumentOrder(Enum):
    DATE_ASC = "date_asc"
    DATE_DESC = "date_desc"
    RELEVANCE = "relevance"


describe(
    DocumentOrder,
    {
        "DATE_ASC": "Earliest first; undated last.",
        "DATE_DESC": "Latest first; undated last.",
        "RELEVANCE": "Best match first (needs `filter.text`); then by date.",
    },
)


@strawberry.input(description="Which decisions to list.")
class DecisionFilter:
    body: strawberry.ID | None = strawberry.field(default=None, description="Only decisions of this body.")
    date: DateWindow | None = strawberry.field(default=None, description="Only decisions dated in this window.")
    procedures: list[DecisionProcedure] | None = strawberry.field(default=None, description="Only these procedures.")
    outcomes: list[DecisionOutcome] | None = strawberry.field(default=None, description="Only these outcomes.")


@strawberry.input(description="Which events to list.")
class EventFilter:
    date: DateWindow | None = strawberry.field(default=None, description="Only events in this window.")
    types: list[EventType] | None = strawberry.field(default=None, description="Only these types.")
    participant: strawberry.ID | None = strawberry.field(default=None, description="Only with this Person.")
