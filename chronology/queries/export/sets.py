"""Which records an export holds: the chosen documents and what they reach, as id subqueries.

The documents are those the `documents` query's criteria choose; the other records are the
ones they reach: decisions and events linked to them, the votes on those decisions, the
persons and bodies any of these name. Relations are exported when both ends are (so that the
data package's foreign keys hold), and a reference to a record left out is exported as empty.
With no criteria at all, every row of every table is exported.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Select, case, select, union

from chronology import models
from chronology.queries.documents import DocumentCriteria, filtered

documents = models.Document.__table__
parties = models.DocumentParty.__table__
copies = models.Copy.__table__
references = models.ArchivalReferenceRow.__table__
editions = models.Edition.__table__
publications = models.Publication.__table__
annotation_table = models.Annotation.__table__
persons = models.Person.__table__
variants = models.NameVariant.__table__
bodies = models.Body.__table__
decisions = models.Decision.__table__
tallies = models.Tally.__table__
votes = models.Vote.__table__
events = models.Event.__table__
participants = models.EventParticipant.__table__
relations = models.Relation.__table__
records = models.Record.__table__


@dataclass(frozen=True)
class ExportSets:
    """The ids of every kind of exported record, as subqueries of the criteria."""

    criteria: DocumentCriteria = field(default_factory=DocumentCriteria)

    @property
    def everything(self) -> bool:
        """Tell whether no filter was given, so that whole tables are exported."""
        return self.criteria == DocumentCriteria()

    def document_ids(self) -> Select[Any]:
        """Return the ids of the chosen documents."""
        return filtered(self.criteria).with_only_columns(documents.c.id)

    def _linked(self, table: Any) -> Select[Any]:
        if self.everything:
            return select(table.c.id)
        ids = self.document_ids()
        linked = union(
            select(relations.c.target_id).where(relations.c.source_id.in_(ids)),
            select(relations.c.source_id).where(relations.c.target_id.in_(ids)),
        )
        return select(table.c.id).where(table.c.id.in_(linked))

    def decision_ids(self) -> Select[Any]:
        """Return the ids of the decisions linked to the documents."""
        return self._linked(decisions)

    def event_ids(self) -> Select[Any]:
        """Return the ids of the events linked to the documents."""
        return self._linked(events)

    def vote_ids(self) -> Select[Any]:
        """Return the ids of the votes on the exported decisions."""
        return select(votes.c.id).where(votes.c.decision_id.in_(self.decision_ids()))

    def person_ids(self) -> Select[Any]:
        """Return the ids of the persons the exported records name."""
        if self.everything:
            return select(persons.c.id)
        docs = self.document_ids()
        named = union(
            select(parties.c.person_id).where(parties.c.document_id.in_(docs), parties.c.person_id.is_not(None)),
            select(votes.c.person_id).where(votes.c.decision_id.in_(self.decision_ids())),
            select(participants.c.person_id).where(participants.c.event_id.in_(self.event_ids())),
            select(annotation_table.c.author_person_id).where(
                annotation_table.c.document_id.in_(docs), annotation_table.c.author_person_id.is_not(None)
            ),
        )
        return select(persons.c.id).where(persons.c.id.in_(named))

    def body_ids(self) -> Select[Any]:
        """Return the ids of the bodies the exported records name."""
        if self.everything:
            return select(bodies.c.id)
        named = union(
            select(parties.c.body_id).where(
                parties.c.document_id.in_(self.document_ids()), parties.c.body_id.is_not(None)
            ),
            select(decisions.c.body_id).where(decisions.c.id.in_(self.decision_ids())),
        )
        return select(bodies.c.id).where(bodies.c.id.in_(named))

    def record_ids(self) -> Select[Any]:
        """Return the ids of every exported record."""
        if self.everything:
            return select(records.c.id)
        return select(records.c.id).where(
            records.c.id.in_(
                union(
                    self.document_ids(),
                    self.decision_ids(),
                    self.event_ids(),
                    self.vote_ids(),
                    self.person_ids(),
                    self.body_ids(),
                )
            )
        )

    def member(self, column: Any, ids: Select[Any]) -> Any:
        """Return COLUMN where it names an exported record, else NULL (a filtered export is closed)."""
        if self.everything:
            return column
        return case((column.in_(ids), column), else_=None).label(column.name)
