"""The records of an export, read from the database batch by batch.

`ExportReader` is an `ExportSource` over one connection; `sets` says which records it holds
(the chosen documents and what they reach; everything when nothing is filtered). Each section
is read in keyset batches (`batches`), with the related rows fetched per batch: memory holds
one batch, however many records there are. Run it inside one snapshot (`snapshot`) so that
the several passes a writer makes see the same records.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import (
    BigInteger,
    Connection,
    Row,
    Select,
    any_,
    func,
    literal,
    select,
    union,
)
from sqlalchemy.dialects.postgresql import ARRAY

from chronology.interchange.records import (
    ExportAnnotation,
    ExportArchivalReference,
    ExportBody,
    ExportCopy,
    ExportDecision,
    ExportDocument,
    ExportEdition,
    ExportEvent,
    ExportNameVariant,
    ExportParticipant,
    ExportParty,
    ExportPerson,
    ExportPublication,
    ExportRelation,
    ExportTally,
    ExportVote,
)
from chronology.queries.documents import DocumentCriteria
from chronology.queries.export.batches import Key, date_key, keyset_batches, text_key
from chronology.queries.export.rows import archival_reference, export_date, publication, transmission
from chronology.queries.export.sets import (
    ExportSets,
    annotation_table,
    bodies,
    copies,
    decisions,
    documents,
    editions,
    events,
    participants,
    parties,
    persons,
    publications,
    records,
    references,
    relations,
    tallies,
    variants,
    votes,
)

BATCH_SIZE = 500
_NOT_EXPORTED = frozenset({"search", "date_span", "created_at", "updated_at", "version"})


def _data(table: Any, *leave_out: str) -> list[Any]:
    """Return the columns of TABLE that an export reads (not derived or bookkeeping columns)."""
    return [c for c in table.c if c.name not in _NOT_EXPORTED and c.name not in leave_out]


def _among(column: Any, ids: Sequence[int]) -> Any:
    """Return COLUMN = ANY(ids): one array parameter, where IN would send a parameter per id."""
    return column == any_(literal(list(ids), ARRAY(BigInteger)))


def _prefixed(table: Any, prefix: str) -> list[Any]:
    return [column.label(prefix + column.name) for column in table.c]


@dataclass
class ExportReader:
    """The records of an export, read from the database batch by batch."""

    connection: Connection
    criteria: DocumentCriteria = field(default_factory=DocumentCriteria)
    batch_size: int = BATCH_SIZE
    sets: ExportSets = field(init=False)
    batches: int = 0  # how many batches were read, and the largest, for tests and logs
    largest_batch: int = 0

    def __post_init__(self) -> None:
        self.sets = ExportSets(self.criteria)

    def _batches(self, query: Select[Any], keys: list[Key]) -> Iterator[Sequence[Row[Any]]]:
        for rows in keyset_batches(self.connection, query, keys, self.batch_size):
            self.batches += 1
            self.largest_batch = max(self.largest_batch, len(rows))
            yield rows

    def _grouped(self, query: Select[Any], owner: Any) -> dict[int, list[Row[Any]]]:
        grouped: dict[int, list[Row[Any]]] = defaultdict(list)
        for row in self.connection.execute(query):
            grouped[getattr(row, owner)].append(row)
        return grouped

    def documents(self) -> Iterator[ExportDocument]:
        """Yield the chosen documents by first day then id, with their parts."""
        query = select(*_data(documents)).where(documents.c.id.in_(self.sets.document_ids()))
        for rows in self._batches(query, date_key(documents)):
            yield from self._documents(rows)

    def _documents(self, rows: Sequence[Row[Any]]) -> Iterator[ExportDocument]:
        ids = [row.id for row in rows]
        party_rows = self._grouped(
            select(
                parties,
                func.coalesce(persons.c.canonical_name, bodies.c.name).label("display_name"),
                persons.c.sort_name,
                persons.c.wikidata_qid,
                func.coalesce(persons.c.authority_key, bodies.c.authority_key).label("party_key"),
            )
            .outerjoin(persons, persons.c.id == parties.c.person_id)
            .outerjoin(bodies, bodies.c.id == parties.c.body_id)
            .where(_among(parties.c.document_id, ids))
            .order_by(parties.c.document_id, parties.c.role, parties.c.position),
            "document_id",
        )
        copy_rows = self._grouped(
            select(copies, *_prefixed(references, "ref_"))
            .join(references, references.c.id == copies.c.archival_reference_id)
            .where(_among(copies.c.document_id, ids))
            .order_by(copies.c.document_id, copies.c.position),
            "document_id",
        )
        edition_rows = self._grouped(
            select(editions, *_prefixed(publications, "pub_"))
            .join(publications, publications.c.id == editions.c.publication_id)
            .where(_among(editions.c.document_id, ids))
            .order_by(editions.c.document_id, editions.c.publication_id),
            "document_id",
        )
        annotation_rows = self._grouped(
            select(annotation_table)
            .where(_among(annotation_table.c.document_id, ids))
            .order_by(annotation_table.c.document_id, annotation_table.c.id),
            "document_id",
        )
        for row in rows:
            yield ExportDocument(
                id=row.id,
                kind=row.kind,
                title=row.title,
                date=export_date(row),
                natural_key=row.natural_key,
                place=row.place,
                classification=row.classification,
                language=row.language,
                summary=row.summary,
                full_text=row.full_text,
                sent=transmission(row, "sent"),
                received=transmission(row, "received"),
                incoming_number=row.incoming_number,
                outgoing_number=row.outgoing_number,
                secretary_number=row.secretary_number,
                protocol_number=row.protocol_number,
                protocol_item=row.protocol_item,
                needs_review=row.needs_review,
                parties=tuple(
                    ExportParty(
                        p.role,
                        p.position,
                        p.person_id,
                        p.body_id,
                        p.display_name,
                        p.sort_name,
                        p.wikidata_qid,
                        p.name_as_printed,
                        p.party_key,
                    )
                    for p in party_rows.get(row.id, ())
                ),
                copies=tuple(
                    ExportCopy(c.position, archival_reference(c, "ref_"), tuple(c.forms or ()), c.form_verbatim, c.note)
                    for c in copy_rows.get(row.id, ())
                ),
                editions=tuple(
                    ExportEdition(publication(e, "pub_"), e.document_number, e.pages, e.translation_text)
                    for e in edition_rows.get(row.id, ())
                ),
                annotations=tuple(
                    ExportAnnotation(a.kind, a.text, a.author_person_id, a.author_as_printed, a.locator)
                    for a in annotation_rows.get(row.id, ())
                ),
            )

    def persons(self) -> Iterator[ExportPerson]:
        """Yield the exported persons by sort name then id, with their name variants."""
        query = select(*_data(persons)).where(persons.c.id.in_(self.sets.person_ids()))
        for rows in self._batches(query, text_key(persons.c.sort_name, "sort_name")):
            found = self._grouped(
                select(variants)
                .where(variants.c.person_id.in_([r.id for r in rows]))
                .order_by(variants.c.person_id, variants.c.id),
                "person_id",
            )
            for r in rows:
                yield ExportPerson(
                    r.id,
                    r.canonical_name,
                    r.sort_name,
                    r.authority_key,
                    r.short_name,
                    r.wikidata_qid,
                    r.viaf_id,
                    r.born_edtf,
                    r.born_lower,
                    r.born_upper,
                    r.died_edtf,
                    r.died_lower,
                    r.died_upper,
                    r.note,
                    r.needs_review,
                    tuple(ExportNameVariant(v.name, v.kind, v.note) for v in found.get(r.id, ())),
                )

    def bodies(self) -> Iterator[ExportBody]:
        """Yield the exported bodies by name then id."""
        query = select(*_data(bodies, "parent_id"), self.sets.member(bodies.c.parent_id, self.sets.body_ids())).where(
            bodies.c.id.in_(self.sets.body_ids())
        )
        for rows in self._batches(query, text_key(bodies.c.name, "name")):
            for r in rows:
                yield ExportBody(
                    r.id,
                    r.name,
                    r.kind,
                    r.authority_key,
                    r.short_name,
                    tuple(r.variants or ()),
                    r.parent_id,
                    r.description,
                )

    def decisions(self) -> Iterator[ExportDecision]:
        """Yield the exported decisions by first day then id, with reference and tally."""
        query = (
            select(
                *_data(decisions),
                bodies.c.name.label("body_name"),
                *_prefixed(references, "ref_"),
                *_prefixed(tallies, "tally_"),
            )
            .join(bodies, bodies.c.id == decisions.c.body_id)
            .outerjoin(references, references.c.id == decisions.c.archival_reference_id)
            .outerjoin(tallies, tallies.c.decision_id == decisions.c.id)
            .where(decisions.c.id.in_(self.sets.decision_ids()))
        )
        for rows in self._batches(query, date_key(decisions)):
            for r in rows:
                tally = None
                if r.tally_decision_id is not None:
                    tally = ExportTally(
                        r.tally_votes_for,
                        r.tally_votes_against,
                        r.tally_abstentions,
                        r.tally_unanimous,
                        r.tally_verbatim,
                        r.tally_note,
                    )
                yield ExportDecision(
                    id=r.id,
                    body_id=r.body_id,
                    body_name=r.body_name,
                    procedure=r.procedure,
                    title=r.title,
                    outcome=r.outcome,
                    date=export_date(r),
                    natural_key=r.natural_key,
                    protocol_number=r.protocol_number,
                    protocol_item=r.protocol_item,
                    summary=r.summary,
                    full_text=r.full_text,
                    reference=archival_reference(r, "ref_") if r.ref_id is not None else None,
                    special_file=r.special_file,
                    needs_review=r.needs_review,
                    tally=tally,
                )

    def votes(self) -> Iterator[ExportVote]:
        """Yield the votes on the exported decisions, by decision then id."""
        columns = [c for c in votes.c if c.name != "source_document_id"]
        query = select(*columns, self.sets.member(votes.c.source_document_id, self.sets.document_ids())).where(
            votes.c.id.in_(self.sets.vote_ids())
        )
        keys = [Key(votes.c.decision_id, lambda r: r.decision_id), Key(votes.c.id, lambda r: r.id)]
        for rows in self._batches(query, keys):
            for r in rows:
                yield ExportVote(
                    r.id,
                    r.decision_id,
                    r.person_id,
                    r.position,
                    r.recorded_in,
                    r.source_document_id,
                    r.name_as_printed,
                    r.note,
                )

    def events(self) -> Iterator[ExportEvent]:
        """Yield the exported events by first day then id, with their participants."""
        query = select(*_data(events)).where(events.c.id.in_(self.sets.event_ids()))
        for rows in self._batches(query, date_key(events)):
            found = self._grouped(
                select(participants)
                .where(_among(participants.c.event_id, [r.id for r in rows]))
                .order_by(participants.c.event_id, participants.c.id),
                "event_id",
            )
            for r in rows:
                yield ExportEvent(
                    r.id,
                    r.type,
                    r.title,
                    export_date(r),
                    r.natural_key,
                    tuple(r.places or ()),
                    r.description,
                    tuple(ExportParticipant(p.person_id, p.role) for p in found.get(r.id, ())),
                )

    def relations(self) -> Iterator[ExportRelation]:
        """Yield the relations between exported records, by id."""
        source = records.alias("source_record")
        target = records.alias("target_record")
        query = (
            select(relations, source.c.kind.label("source_kind"), target.c.kind.label("target_kind"))
            .join(source, source.c.id == relations.c.source_id)
            .join(target, target.c.id == relations.c.target_id)
        )
        if not self.sets.everything:
            exported = self.sets.record_ids()
            query = query.where(relations.c.source_id.in_(exported), relations.c.target_id.in_(exported))
        for rows in self._batches(query, [Key(relations.c.id, lambda r: r.id)]):
            for r in rows:
                yield ExportRelation(
                    r.id,
                    r.type,
                    r.source_id,
                    r.source_kind,
                    r.target_id,
                    r.target_kind,
                    r.certainty,
                    r.provenance_publication_id,
                    r.provenance_locator,
                    r.provenance_summary,
                    r.note,
                )

    def publications(self) -> Iterator[ExportPublication]:
        """Yield the publications of the exported editions and relations, by id."""
        query = select(publications)
        if not self.sets.everything:
            exported = self.sets.record_ids()
            cited = union(
                select(editions.c.publication_id).where(editions.c.document_id.in_(self.sets.document_ids())),
                select(relations.c.provenance_publication_id).where(
                    relations.c.source_id.in_(exported), relations.c.target_id.in_(exported)
                ),
            )
            query = query.where(publications.c.id.in_(cited))
        for rows in self._batches(query, [Key(publications.c.id, lambda r: r.id)]):
            yield from (publication(r) for r in rows)

    def archival_references(self) -> Iterator[ExportArchivalReference]:
        """Yield the archival references of the exported copies and decisions, by id."""
        query = select(references)
        if not self.sets.everything:
            cited = union(
                select(copies.c.archival_reference_id).where(copies.c.document_id.in_(self.sets.document_ids())),
                select(decisions.c.archival_reference_id).where(decisions.c.id.in_(self.sets.decision_ids())),
            )
            query = query.where(references.c.id.in_(cited))
        for rows in self._batches(query, [Key(references.c.id, lambda r: r.id)]):
            yield from (archival_reference(r) for r in rows)
