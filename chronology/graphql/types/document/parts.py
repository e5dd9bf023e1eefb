"""What hangs off a document: parties, copies, editions, annotations, transmission; loaded for a whole page."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any

import strawberry

from chronology import models
from chronology.graphql.runtime.asked import asks_for
from chronology.graphql.runtime.context import Info
from chronology.graphql.runtime.loaders import Joined, many_by, one_by_id, table, then
from chronology.graphql.types.archival import ArchivalReference, archival_reference
from chronology.graphql.types.date.historical import HistoricalDate
from chronology.graphql.types.document.vocabulary import AnnotationKind, CopyForm, PartyRole
from chronology.graphql.types.person.body import Body
from chronology.graphql.types.person.record import Person
from chronology.queries.document_parts import copies_query, parties_of_person_query, parties_query

if TYPE_CHECKING:
    from chronology.graphql.types.document.record import Document

_parties = table(models.DocumentParty)
_copies = table(models.Copy)
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
    async def document(
        self, info: Info
    ) -> Annotated[Document, strawberry.lazy("chronology.graphql.types.document.record")]:
        from chronology.graphql.types.document.record import Document

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


def copies_loader(info: Info) -> Any:
    """Return the loader of documents' copies, each joined with its archival reference."""
    return many_by(info.context, "copies", copies_query, _copies.c.document_id)


def parties_loader(info: Info) -> Any:
    """Return the loader of documents' parties, each joined with its person or body."""
    return many_by(info.context, "parties", parties_query, _parties.c.document_id)


def parties_of_rows(rows: list[Any]) -> list[DocumentParty]:
    """Build the parties of one document from the rows of its loader."""
    return [DocumentParty.from_row(r, with_agent=True) for r in rows]


def copies_of_rows(rows: list[Any]) -> list[Copy]:
    """Build the copies of one document from the rows of its loader."""
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
        await parties_loader(info).load_many(documents)
    if wanted["copies"]:
        await copies_loader(info).load_many(documents)
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
