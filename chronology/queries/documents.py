"""The documents query: filters over dates, kinds, parties, archives, editions and text."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Select, and_, exists, func, select

from chronology import models
from chronology.queries.review import needs_review
from chronology.queries.windows import DateMatch, window_condition

documents = models.Document.__table__
parties = models.DocumentParty.__table__
copies = models.Copy.__table__
references = models.ArchivalReferenceRow.__table__
editions = models.Edition.__table__
publications = models.Publication.__table__
relations = models.Relation.__table__
records = models.Record.__table__


@dataclass(frozen=True)
class DocumentCriteria:
    """What a client asked of the documents, already checked."""

    start: datetime.date | None = None
    end: datetime.date | None = None
    match: DateMatch = DateMatch.OVERLAPS
    kinds: tuple[str, ...] = ()
    person_id: int | None = None
    body_id: int | None = None
    party_role: str | None = None
    repository: str | None = None
    fond: str | None = None
    opis: str | None = None
    delo: str | None = None
    publication: str | None = None
    has_decision: bool | None = None
    needs_review: bool | None = None
    text: str | None = None
    ids: tuple[int, ...] = field(default_factory=tuple)


def text_query(text: str) -> Any:
    """Return the tsquery of a search phrase in web-search syntax."""
    # An uncorrelated subquery, so PostgreSQL parses the phrase once per statement (an InitPlan):
    # as a plain call it is re-evaluated for every row ranked once a prepared statement's plan
    # is generic, which made a mid-frequency search twice as slow as it need be.
    return select(func.websearch_to_tsquery("english", text)).scalar_subquery()


_READABLE = tuple(column for column in documents.c if column.name != "search")


def filtered(criteria: DocumentCriteria, *, only_ids: bool = False) -> Select[Any]:
    """Return a SELECT of documents meeting CRITERIA (no order, no limit): their columns, or only their ids."""
    # Not the stored search vector: large, and no reader needs it.
    query = select(documents.c.id) if only_ids else select(*_READABLE)
    conditions = []
    if criteria.start is not None and criteria.end is not None:
        conditions.append(window_condition(documents.c.date_span, criteria.start, criteria.end, criteria.match))
    if criteria.kinds:
        conditions.append(documents.c.kind.in_(criteria.kinds))
    if criteria.person_id is not None or criteria.body_id is not None:
        party = [parties.c.document_id == documents.c.id]
        if criteria.person_id is not None:
            party.append(parties.c.person_id == criteria.person_id)
        if criteria.body_id is not None:
            party.append(parties.c.body_id == criteria.body_id)
        if criteria.party_role is not None:
            party.append(parties.c.role == criteria.party_role)
        conditions.append(exists().where(*party))
    archive = [
        (references.c.repository, criteria.repository),
        (references.c.fond, criteria.fond),
        (references.c.opis, criteria.opis),
        (references.c.delo, criteria.delo),
    ]
    wanted = [column == value for column, value in archive if value is not None]
    if wanted:
        conditions.append(
            exists()
            .where(copies.c.document_id == documents.c.id)
            .where(references.c.id == copies.c.archival_reference_id)
            .where(*wanted)
        )
    if criteria.publication is not None:
        conditions.append(
            exists()
            .where(editions.c.document_id == documents.c.id)
            .where(publications.c.id == editions.c.publication_id)
            .where(publications.c.title.ilike(f"%{criteria.publication}%"))
        )
    if criteria.has_decision is not None:
        linked = (
            exists()
            .where(relations.c.source_id == documents.c.id)
            .where(relations.c.type.in_(("proposes", "decided_by")))
            .where(records.c.id == relations.c.target_id)
            .where(records.c.kind == "decision")
        )
        conditions.append(linked if criteria.has_decision else ~linked)
    if criteria.needs_review is not None:
        conditions.append(needs_review(documents, criteria.needs_review))
    if criteria.text:
        conditions.append(documents.c.search.op("@@")(text_query(criteria.text)))
    if criteria.ids:
        conditions.append(documents.c.id.in_(criteria.ids))
    return query.where(and_(*conditions)) if conditions else query


def relevance(text: str) -> Any:
    """Return the rank of a document for a search phrase."""
    return func.ts_rank_cd(documents.c.search, text_query(text), 32)
