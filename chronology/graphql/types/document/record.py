"""Documents and what hangs off them: parties, copies, editions, annotations."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any

import strawberry

from chronology import models
from chronology.archives.references import CitationStyle as ArchiveStyle
from chronology.archives.references import ReferenceParseError, parse_reference
from chronology.graphql.references import asks_for
from chronology.graphql.runtime.context import Info
from chronology.graphql.runtime.ids import encode_id
from chronology.graphql.runtime.loaders import Joined, many_by, one_by_id, table, then
from chronology.graphql.types.archival import ArchivalReference, CitationStyle, archival_reference
from chronology.graphql.types.date.historical import HistoricalDate, date_from_edtf, historical_date
from chronology.graphql.types.document.vocabulary import AnnotationKind, CopyForm, DocumentKind, PartyRole
from chronology.graphql.types.node.interface import Node
from chronology.graphql.types.person.record import Body, Person
from chronology.queries.document_parts import (
    annotations_query,
    copies_query,
    editions_query,
    parties_of_person_query,
    parties_query,
)

if TYPE_CHECKING:
    from chronology.graphql.types.decision.record import Decision, Vote
    from chronology.graphql.types.relation.link import Relation, RelationCount

_parties = table(models.DocumentParty)
_copies = table(models.Copy)
_references = table(models.ArchivalReferenceRow)
_editions = table(models.Edition)
_publications = table(models.Publication)
_annotations = table(models.Annotation)
_documents = table(models.Document)

Agent = Annotated[Person | Body, strawberry.union("Agent", description="A person or a body.")]


@strawberry.type(description="The facts of sending and receiving a letter or telegram.")
class Transmission:
    sent: str | None = strawberry.field(description="The sending line as printed.")
    sent_date: HistoricalDate | None = strawberry.field(description="When it was sent.")
    sent_time: str | None = strawberry.field(description="The hour of sending, e.g. `21:52`.")
    received: str | None = strawberry.field(description="The receiving or deciphering line as printed.")
    received_date: HistoricalDate | None = strawberry.field(description="When it was received.")
    received_time: str | None = strawberry.field(description="The hour of receipt.")
    incoming_number: str | None = strawberry.field(description="The incoming number, e.g. `37/sh`.")
    outgoing_number: str | None = strawberry.field(description="The outgoing number, e.g. `HP 2`.")
    secretary_number: str | None = strawberry.field(description="The secretary's numbering, e.g. `No. 3`.")


@strawberry.type(description="An author, recipient or intermediary of a document.")
class DocumentParty:
    document_pk: strawberry.Private[int]
    person_pk: strawberry.Private[int | None]
    body_pk: strawberry.Private[int | None]
    role: PartyRole = strawberry.field(description="How the party takes part.")
    position: int = strawberry.field(description="The order in which the source names them, from 1.")
    name_as_printed: str | None = strawberry.field(description="The name as the source prints it.")
    # The person's or body's row, where the parties were loaded with them.
    agent_row: strawberry.Private[Any] = None

    @strawberry.field(description="The person or body.")
    def agent(self, info: Info) -> Agent:
        # Not `async`: loaded with the party, the agent is answered at once (see `then`).
        if self.agent_row is not None:
            agent: Agent = (Person if self.person_pk is not None else Body).from_row(self.agent_row)
            return agent
        if self.person_pk is not None:
            person: Agent = then(one_by_id(info.context, table(models.Person)), self.person_pk, Person.from_row)
            return person
        assert self.body_pk is not None
        body: Agent = then(one_by_id(info.context, table(models.Body)), self.body_pk, Body.from_row)
        return body

    @strawberry.field(description="The document.")
    async def document(self, info: Info) -> Document:
        return Document.from_row(await one_by_id(info.context, _documents).load(self.document_pk))

    @classmethod
    def from_row(cls, row: Any, *, with_agent: bool = False) -> DocumentParty:
        """Build from a document_parties row (joined with its person and body, if WITH_AGENT)."""
        agent = None
        if with_agent:
            agent = Joined(row, "person__" if row.person_id is not None else "body__")
        return cls(
            document_pk=row.document_id,
            person_pk=row.person_id,
            body_pk=row.body_id,
            role=PartyRole(row.role),
            position=row.position,
            name_as_printed=row.name_as_printed,
            agent_row=agent,
        )


@strawberry.type(description="A surviving copy of a document, where it is kept and in what form.")
class Copy:
    position: int = strawberry.field(description="The order in which the edition lists copies.")
    forms: list[CopyForm] = strawberry.field(description="Its form: original, autograph, typescript …")
    form_verbatim: str | None = strawberry.field(description="The form as the edition states it.")
    note: str | None = strawberry.field(description="E.g. 'signatures are autographs'.")
    archival_reference: ArchivalReference = strawberry.field(description="Where the copy is kept.")


@strawberry.type(description="A publication that prints documents: a book, a web archive.")
class Publication:
    title: str = strawberry.field(description="The publication's title.")
    editors: str | None = strawberry.field(description="Its editors.")
    year: int | None = strawberry.field(description="The year of publication.")
    publisher: str | None = strawberry.field(description="The publisher.")
    place: str | None = strawberry.field(description="The place of publication.")
    url: str | None = strawberry.field(description="Where it can be read online.")


@strawberry.type(description="A document as one publication prints it.")
class Edition:
    publication: Publication = strawberry.field(description="The publication.")
    document_number: str | None = strawberry.field(description="The document's number there.")
    pages: str | None = strawberry.field(description="Its pages there, e.g. `331–332`.")
    translation_text: str | None = strawberry.field(description="Its text in that edition.")


@strawberry.type(description="Something written on a document: a resolution, a mark, a tape.")
class Annotation:
    author_pk: strawberry.Private[int | None]
    kind: AnnotationKind = strawberry.field(description="What sort of annotation.")
    text: str = strawberry.field(description="What is written.")
    author_as_printed: str | None = strawberry.field(description="Who wrote it, as the edition says.")
    locator: str | None = strawberry.field(description="Where on the document it stands.")

    @strawberry.field(description="Who wrote it, where known.")
    async def author(self, info: Info) -> Person | None:
        if self.author_pk is None:
            return None
        return Person.from_row(await one_by_id(info.context, table(models.Person)).load(self.author_pk))


@strawberry.type(description="One archival object: a letter, a cipher telegram, a decree, a speech.")
class Document(Node):
    pk: strawberry.Private[int]
    row: strawberry.Private[Any]
    kind: DocumentKind = strawberry.field(description="What sort of document it is.")
    title: str = strawberry.field(description="A title: the edition's, or one we made from its parties.")
    date: HistoricalDate | None = strawberry.field(description="The document's date.")
    place: str | None = strawberry.field(description="Where it was written.")
    classification: str | None = strawberry.field(description="Its secrecy mark: `Top secret`.")
    language: str | None = strawberry.field(description="The language of the stored text.")
    summary: str | None = strawberry.field(description="What it says, in our own words.")
    protocol_number: str | None = strawberry.field(description="The protocol number, for extracts.")
    protocol_item: str | None = strawberry.field(description="The protocol item, e.g. `17/10`.")
    needs_review: bool = strawberry.field(description="The import flagged something to check.")
    version: int = strawberry.field(description="The record's version; pass it as `expectedVersion`.")
    search_query: strawberry.Private[str | None] = None

    @strawberry.field(description="The document's global id.")
    def id(self) -> strawberry.ID:
        return strawberry.ID(encode_id("Document", self.pk))

    @strawberry.field(description="The full text, where an edition's text is held.")
    def full_text(self) -> str | None:
        text: str | None = self.row.full_text
        return text

    @strawberry.field(description="Sending and receiving facts.")
    def transmission(self) -> Transmission | None:
        r = self.row
        values = (
            r.sent_verbatim,
            r.received_verbatim,
            r.incoming_number,
            r.outgoing_number,
            r.secretary_number,
        )
        if not any(values):
            return None
        return Transmission(
            sent=r.sent_verbatim,
            sent_date=date_from_edtf(r.sent_edtf),
            sent_time=r.sent_time,
            received=r.received_verbatim,
            received_date=date_from_edtf(r.received_edtf),
            received_time=r.received_time,
            incoming_number=r.incoming_number,
            outgoing_number=r.outgoing_number,
            secretary_number=r.secretary_number,
        )

    @strawberry.field(description="Authors, recipients and intermediaries, in the source's order.")
    def parties(self, info: Info) -> list[DocumentParty]:
        # Not `async`: a page prefetches them (see `prefetch_parts`) and they are answered at once.
        parties: list[DocumentParty] = then(_parties_loader(info), self.pk, _parties_of_rows)
        return parties

    @strawberry.field(description="The surviving copies, each with its archival reference.")
    def copies(self, info: Info) -> list[Copy]:
        copies: list[Copy] = then(_copies_loader(info), self.pk, _copies_of_rows)
        return copies

    @strawberry.field(description="The editions that print the document.")
    async def editions(self, info: Info) -> list[Edition]:
        rows = await many_by(info.context, "editions", editions_query, _editions.c.document_id).load(self.pk)
        return [
            Edition(
                publication=Publication(
                    title=r.title,
                    editors=r.editors,
                    year=r.year,
                    publisher=r.publisher,
                    place=r.place,
                    url=r.url,
                ),
                document_number=r.document_number,
                pages=r.pages,
                translation_text=r.translation_text,
            )
            for r in rows
        ]

    @strawberry.field(description="What is written on the document.")
    async def annotations(self, info: Info) -> list[Annotation]:
        rows = await many_by(info.context, "annotations", annotations_query, _annotations.c.document_id).load(self.pk)
        return [
            Annotation(
                author_pk=r.author_person_id,
                kind=AnnotationKind(r.kind),
                text=r.text,
                author_as_printed=r.author_as_printed,
                locator=r.locator,
            )
            for r in rows
        ]

    @strawberry.field(description="Links from this document to other records.")
    async def relations_out(
        self, info: Info
    ) -> list[Annotated[Relation, strawberry.lazy("chronology.graphql.types.relation.link")]]:
        from chronology.graphql.types.relation.link import relations_from

        return await relations_from(info, self.pk)

    @strawberry.field(description="Links from other records to this document.")
    async def relations_in(
        self, info: Info
    ) -> list[Annotated[Relation, strawberry.lazy("chronology.graphql.types.relation.link")]]:
        from chronology.graphql.types.relation.link import relations_to

        return await relations_to(info, self.pk)

    @strawberry.field(description="How many links start and end at this document (cheaper than listing them).")
    def relation_count(
        self, info: Info
    ) -> Annotated[RelationCount, strawberry.lazy("chronology.graphql.types.relation.link")]:
        from chronology.graphql.types.relation.link import relation_counts

        count: RelationCount = then(relation_counts(info), self.pk, lambda found: found)
        return count

    @strawberry.field(description="Decisions this document proposed or led to.")
    async def decisions(
        self, info: Info
    ) -> list[Annotated[Decision, strawberry.lazy("chronology.graphql.types.decision.record")]]:
        from chronology.graphql.types.decision.record import decisions_of_document

        return await decisions_of_document(info, self.pk)

    @strawberry.field(description="Votes recorded on this document (cipher marks, a member's telegram).")
    async def votes(
        self, info: Info
    ) -> list[Annotated[Vote, strawberry.lazy("chronology.graphql.types.decision.record")]]:
        from chronology.graphql.types.decision.record import votes_in_document

        return await votes_in_document(info, self.pk)

    @strawberry.field(description="A citation of the first copy: `RGASPI, f. 558, op. 11, d. 93, ll. 42–46`.")
    async def citation(
        self,
        info: Info,
        style: Annotated[CitationStyle, strawberry.argument(description="Citation style.")] = CitationStyle.CHICAGO,
    ) -> str | None:
        rows = await _copies_loader(info).load(self.pk)
        if not rows:
            return None
        try:
            return parse_reference(rows[0].normalised).cite(ArchiveStyle(style.value))
        except ReferenceParseError:
            normalised: str = rows[0].normalised
            return normalised

    @strawberry.field(description="Where the search words occur, marked with <b>…</b> (text search only).")
    async def snippet(self, info: Info) -> str | None:
        if not self.search_query:
            return None
        from chronology.queries.search import snippet_statement

        rows = await info.context.database.rows(snippet_statement(self.pk, self.search_query))
        return str(rows[0][0]) if rows and rows[0][0] is not None else None

    @classmethod
    def from_row(cls, row: Any, *, search_query: str | None = None) -> Document:
        """Build from a documents row."""
        return cls(
            pk=row.id,
            row=row,
            kind=DocumentKind(row.kind),
            title=row.title,
            date=historical_date(row),
            place=row.place,
            classification=row.classification,
            language=row.language,
            summary=row.summary,
            protocol_number=row.protocol_number,
            protocol_item=row.protocol_item,
            needs_review=row.needs_review,
            version=row.version,
            search_query=search_query,
        )


def _copies_loader(info: Info) -> Any:
    return many_by(info.context, "copies", copies_query, _copies.c.document_id)


def _parties_loader(info: Info) -> Any:
    return many_by(info.context, "parties", parties_query, _parties.c.document_id)


def _parties_of_rows(rows: list[Any]) -> list[DocumentParty]:
    return [DocumentParty.from_row(r, with_agent=True) for r in rows]


def _copies_of_rows(rows: list[Any]) -> list[Copy]:
    return [_copy(r) for r in rows]


async def prefetch_parts(info: Info, documents: list[int]) -> None:
    """Load the parties, copies and link counts a page of DOCUMENTS asks for, one statement each.

    Then the documents' own resolvers answer from the loaders at once, rather than one
    coroutine per document and list.
    """
    from chronology.graphql.types.relation.link import relation_counts

    if not documents:
        return
    wanted = {
        name: any(asks_for(info, name, *path) for path in (("nodes",), ("edges", "node")))
        for name in ("parties", "copies", "relationCount")
    }
    if wanted["parties"]:
        await _parties_loader(info).load_many(documents)
    if wanted["copies"]:
        await _copies_loader(info).load_many(documents)
    if wanted["relationCount"]:
        await relation_counts(info).load_many(documents)


def _copy(row: Any) -> Copy:
    return Copy(
        position=row.position,
        forms=[CopyForm(f) for f in row.forms],
        form_verbatim=row.form_verbatim,
        note=row.note,
        archival_reference=archival_reference(row, prefix="ref_"),
    )


async def parties_of_person(info: Info, person_pk: int, role: PartyRole | None) -> list[DocumentParty]:
    """Return a person's parts in documents, by the documents' dates."""
    rows = await many_by(info.context, "parties_of_person", parties_of_person_query, _parties.c.person_id).load(
        person_pk
    )
    parties = [DocumentParty.from_row(r) for r in rows]
    return [p for p in parties if role is None or p.role == role]
