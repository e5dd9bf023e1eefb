"""Creating, changing and deleting documents with their parties, copies, editions, annotations."""

from __future__ import annotations

from collections import Counter
from typing import Annotated, Any

import strawberry
from sqlalchemy import delete, insert, select

from chronology import models
from chronology.graphql.mutations.common import (
    assign,
    date_columns,
    decode,
    delete_versioned,
    existing,
    fetch,
    first_duplicate,
    given,
    span_columns,
    unit_of_work,
    update_versioned,
)
from chronology.graphql.mutations.document_inputs import (
    AnnotationInput,
    CopyInput,
    CreateDocumentInput,
    EditionInput,
    PartyInput,
    TransmissionInput,
    UpdateDocumentInput,
)
from chronology.graphql.mutations.inputs import DeleteVersion, ExpectedVersion, RecordId
from chronology.graphql.mutations.references import (
    drop_unused_references,
    publication_id,
    store_reference,
)
from chronology.graphql.runtime.context import Info
from chronology.graphql.runtime.database import RequestDatabase
from chronology.graphql.runtime.errors import validation
from chronology.graphql.runtime.loaders import table
from chronology.graphql.types.document.record import Document

_documents = table(models.Document)
_parties = table(models.DocumentParty)
_copies = table(models.Copy)
_editions = table(models.Edition)
_annotations = table(models.Annotation)

_COLUMNS = {
    name: name
    for name in (
        "kind",
        "title",
        "place",
        "classification",
        "language",
        "summary",
        "full_text",
        "protocol_number",
        "protocol_item",
        "needs_review",
    )
}


def _transmission(transmission: TransmissionInput | None) -> dict[str, Any]:
    given_facts = transmission or TransmissionInput()
    values: dict[str, Any] = {
        "sent_verbatim": given_facts.sent,
        "sent_time": given_facts.sent_time,
        "received_verbatim": given_facts.received,
        "received_time": given_facts.received_time,
        "incoming_number": given_facts.incoming_number,
        "outgoing_number": given_facts.outgoing_number,
        "secretary_number": given_facts.secretary_number,
    }
    values |= span_columns(given_facts.sent_date, field="transmission.sentDate", prefix="sent")
    values |= span_columns(given_facts.received_date, field="transmission.receivedDate", prefix="received")
    return values


async def _replace_parties(database: RequestDatabase, document: int, parties: list[PartyInput]) -> None:
    rows: list[dict[str, Any]] = []
    places: Counter[str] = Counter()
    for index, party in enumerate(parties):
        path = f"parties[{index}]"
        if (party.person is None) == (party.body is None):
            raise validation("give a person or a body, not both or neither", field=f"{path}.person")
        person = body = None
        if party.person is not None:
            person = await existing(database, party.person, expect="Person", field=f"{path}.person")
        else:
            assert party.body is not None
            body = await existing(database, party.body, expect="Body", field=f"{path}.body")
        places[party.role.value] += 1
        rows.append(
            {
                "document_id": document,
                "role": party.role.value,
                "position": places[party.role.value],
                "person_id": person,
                "body_id": body,
                "name_as_printed": party.name_as_printed,
            }
        )
    await database.rows(delete(_parties).where(_parties.c.document_id == document))
    if rows:
        await database.rows(insert(_parties).values(rows))


async def _old_references(database: RequestDatabase, document: int) -> list[int]:
    rows = await database.rows(select(_copies.c.archival_reference_id).where(_copies.c.document_id == document))
    return [int(row.archival_reference_id) for row in rows]


async def _replace_copies(database: RequestDatabase, document: int, copies: list[CopyInput]) -> None:
    old = await _old_references(database, document)
    await database.rows(delete(_copies).where(_copies.c.document_id == document))
    await drop_unused_references(database, old)
    for index, copy in enumerate(copies):
        field = f"copies[{index}].archivalReference"
        reference = await store_reference(database, copy.archival_reference, field=field)
        await database.rows(
            insert(_copies).values(
                document_id=document,
                position=index + 1,
                archival_reference_id=reference,
                forms=[form.value for form in copy.forms],
                form_verbatim=copy.form_verbatim,
                note=copy.note,
            )
        )


async def _replace_editions(database: RequestDatabase, document: int, editions: list[EditionInput]) -> None:
    publications = [await publication_id(database, e.publication) for e in editions]
    duplicate = first_duplicate(publications)
    if duplicate is not None:
        raise validation(
            "the document is printed in this publication already",
            field=f"editions[{duplicate}].publication",
        )
    await database.rows(delete(_editions).where(_editions.c.document_id == document))
    if editions:
        rows = [
            {
                "document_id": document,
                "publication_id": publication,
                "document_number": edition.document_number,
                "pages": edition.pages,
                "translation_text": edition.translation_text,
            }
            for edition, publication in zip(editions, publications, strict=True)
        ]
        await database.rows(insert(_editions).values(rows))


async def _replace_annotations(database: RequestDatabase, document: int, annotations: list[AnnotationInput]) -> None:
    rows: list[dict[str, Any]] = []
    for index, annotation in enumerate(annotations):
        author = None
        if annotation.author is not None:
            field = f"annotations[{index}].author"
            author = await existing(database, annotation.author, expect="Person", field=field)
        rows.append(
            {
                "document_id": document,
                "kind": annotation.kind.value,
                "text": annotation.text,
                "author_person_id": author,
                "author_as_printed": annotation.author_as_printed,
                "locator": annotation.locator,
            }
        )
    await database.rows(delete(_annotations).where(_annotations.c.document_id == document))
    if rows:
        await database.rows(insert(_annotations).values(rows))


async def _replace_children(
    database: RequestDatabase, document: int, source: CreateDocumentInput | UpdateDocumentInput
) -> None:
    if given(source.parties):
        await _replace_parties(database, document, source.parties or [])
    if given(source.copies):
        await _replace_copies(database, document, source.copies or [])
    if given(source.editions):
        await _replace_editions(database, document, source.editions or [])
    if given(source.annotations):
        await _replace_annotations(database, document, source.annotations or [])


@strawberry.type
class DocumentMutation:
    @strawberry.mutation(description="Create a document with its parties, copies, editions and annotations.")
    async def create_document(
        self,
        info: Info,
        input: Annotated[CreateDocumentInput, strawberry.argument(description="The record to create.")],
    ) -> Document | None:
        async with unit_of_work(info, input) as database:
            values = assign(input, _COLUMNS) | date_columns(input.date, field="date")
            values |= _transmission(input.transmission)
            rows = await database.rows(insert(_documents).values(**values).returning(_documents.c.id))
            pk = int(rows[0].id)
            await _replace_children(database, pk, input)
            return Document.from_row(await fetch(database, _documents, pk))

    @strawberry.mutation(description="Change a document; each list sent (parties, copies …) replaces the old one.")
    async def update_document(
        self,
        info: Info,
        id: RecordId,
        expected_version: ExpectedVersion,
        input: Annotated[
            UpdateDocumentInput, strawberry.argument(description="The changes: what is left out stays as it is.")
        ],
    ) -> Document | None:
        async with unit_of_work(info, input) as database:
            pk = decode(id, expect="Document", field="id")
            values = assign(input, _COLUMNS, required={"kind", "title", "needs_review"})
            if given(input.date):
                values |= date_columns(input.date, field="date")
            if given(input.transmission):
                values |= _transmission(input.transmission)
            await update_versioned(
                database,
                _documents,
                pk,
                expected=expected_version,
                values=values,
                type_name="Document",
            )
            await _replace_children(database, pk, input)
            return Document.from_row(await fetch(database, _documents, pk))

    @strawberry.mutation(description="Delete a document with its parties, copies, editions, annotations and links.")
    async def delete_document(
        self, info: Info, id: RecordId, expected_version: DeleteVersion = None
    ) -> strawberry.ID | None:
        async with unit_of_work(info) as database:
            pk = decode(id, expect="Document", field="id")
            references = await _old_references(database, pk)
            deleted = await delete_versioned(database, _documents, pk, expected=expected_version, type_name="Document")
            await drop_unused_references(database, references)
            return deleted
