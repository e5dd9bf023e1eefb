"""Which documents to list and in what order: the filter and order a client sends, checked into criteria and keys."""

from __future__ import annotations

from enum import Enum

import strawberry

from chronology import models
from chronology.graphql.runtime.errors import validation
from chronology.graphql.runtime.ids import number_of
from chronology.graphql.runtime.pagination import SortKey
from chronology.graphql.types.date.filter import DateWindow, date_key, window
from chronology.graphql.types.describe import describe
from chronology.graphql.types.document.vocabulary import DocumentKind, PartyRole
from chronology.queries.documents import DocumentCriteria, relevance


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
    needs_review: bool | None = strawberry.field(
        default=None,
        description="Only documents flagged to check or with an open review item (true), or neither (false).",
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


def document_criteria(filter: DocumentFilter | None) -> DocumentCriteria:
    """Turn the GraphQL filter into checked criteria."""
    if filter is None:
        return DocumentCriteria()
    start, end, match = window(filter.date)
    party = filter.party
    archive = filter.archive or ArchiveFilter()
    text = filter.text.strip() if filter.text else None
    if text is not None and len(text) > 500:
        raise validation("the search text is longer than 500 characters", field="text")
    return DocumentCriteria(
        start=start,
        end=end,
        match=match,
        kinds=tuple(k.value for k in filter.kinds or ()),
        person_id=number_of(party.person, expect="Person", field="party.person") if party else None,
        body_id=number_of(party.body, expect="Body", field="party.body") if party else None,
        party_role=party.role.value if party and party.role else None,
        repository=_repository(archive.repository),
        fond=archive.fond,
        opis=archive.opis,
        delo=archive.delo,
        publication=filter.edition,
        has_decision=filter.has_decision,
        needs_review=filter.needs_review,
        text=text or None,
    )


def _repository(name: str | None) -> str | None:
    if name is None:
        return None
    from chronology.archives.repositories import find_repository

    found = find_repository(name)
    return found.code if found else name


def document_keys(criteria: DocumentCriteria, order_by: DocumentOrder) -> tuple[list[SortKey], bool]:
    """Return the keyset order of a list of documents, and whether it runs backwards in time."""
    table = models.Document.__table__
    descending = order_by is DocumentOrder.DATE_DESC
    keys = [date_key(table.c.date_lower, descending=descending), SortKey(table.c.id)]
    if order_by is DocumentOrder.RELEVANCE:
        if not criteria.text:
            raise validation("ordering by relevance needs `filter.text`", field="orderBy")
        keys = [SortKey(-relevance(criteria.text), float), *keys]
    return keys, descending
