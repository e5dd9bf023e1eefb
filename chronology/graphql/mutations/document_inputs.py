"""Input types for documents and what hangs off them: parties, copies, editions, annotations."""

from __future__ import annotations

import strawberry

from chronology.graphql.mutations.inputs import DATE, PublicationInput, keep, listed
from chronology.graphql.types.document.vocabulary import AnnotationKind, CopyForm, DocumentKind, PartyRole


@strawberry.input(description="An author, recipient or intermediary: give a person or a body.")
class PartyInput:
    role: PartyRole = strawberry.field(description="How the party takes part.")
    person: strawberry.ID | None = strawberry.field(default=None, description="A Person.")
    body: strawberry.ID | None = strawberry.field(default=None, description="Or a Body.")
    name_as_printed: str | None = strawberry.field(default=None, description="The name as the source prints it.")


@strawberry.input(description="A surviving copy of a document and where it is kept.")
class CopyInput:
    archival_reference: str = strawberry.field(
        description="The reference as printed: `RGASPI. F. 558. Op. 11. D. 93. L. 42–46`."
    )
    forms: list[CopyForm] = listed("Its form: original, autograph, typescript …")
    form_verbatim: str | None = strawberry.field(default=None, description="The form as the edition states it.")
    note: str | None = strawberry.field(default=None, description="A note on the copy.")


@strawberry.input(description="The document as one publication prints it.")
class EditionInput:
    publication: PublicationInput = strawberry.field(description="The publication.")
    document_number: str | None = strawberry.field(default=None, description="The document's number there.")
    pages: str | None = strawberry.field(default=None, description="Its pages there: `331–332`.")
    translation_text: str | None = strawberry.field(default=None, description="Its text in that edition.")


@strawberry.input(description="Something written on the document.")
class AnnotationInput:
    kind: AnnotationKind = strawberry.field(description="What sort of annotation.")
    text: str = strawberry.field(description="What is written.")
    author: strawberry.ID | None = strawberry.field(default=None, description="The Person.")
    author_as_printed: str | None = strawberry.field(default=None, description="Who wrote it, as the edition says.")
    locator: str | None = strawberry.field(default=None, description="Where on the document.")


@strawberry.input(description="Sending and receiving facts (all of them replace the old ones).")
class TransmissionInput:
    sent: str | None = strawberry.field(default=None, description="The sending line as printed.")
    sent_date: str | None = strawberry.field(default=None, description="When it was sent. " + DATE)
    sent_time: str | None = strawberry.field(default=None, description="The hour: `21:52`.")
    received: str | None = strawberry.field(default=None, description="The receiving or deciphering line as printed.")
    received_date: str | None = strawberry.field(default=None, description="When it was received. " + DATE)
    received_time: str | None = strawberry.field(default=None, description="The hour of receipt.")
    incoming_number: str | None = strawberry.field(default=None, description="E.g. `37/sh`.")
    outgoing_number: str | None = strawberry.field(default=None, description="E.g. `HP 2`.")
    secretary_number: str | None = strawberry.field(default=None, description="E.g. `No. 3`.")


@strawberry.input(description="A new document, with its parties, copies, editions and annotations.")
class CreateDocumentInput:
    kind: DocumentKind = strawberry.field(description="What sort of document it is.")
    title: str = strawberry.field(description="A title.")
    date: str | None = strawberry.field(default=None, description="The document's date. " + DATE)
    place: str | None = strawberry.field(default=None, description="Where it was written.")
    classification: str | None = strawberry.field(default=None, description="E.g. `Top secret`.")
    language: str | None = strawberry.field(default=None, description="The text's language.")
    summary: str | None = strawberry.field(default=None, description="In your own words.")
    full_text: str | None = strawberry.field(default=None, description="The full text.")
    protocol_number: str | None = strawberry.field(default=None, description="For extracts.")
    protocol_item: str | None = strawberry.field(default=None, description="E.g. `17/10`.")
    needs_review: bool = strawberry.field(default=False, description="Flag it to check.")
    transmission: TransmissionInput | None = strawberry.field(default=None, description="Sending and receiving facts.")
    parties: list[PartyInput] = listed("Authors, recipients, intermediaries, in the source's order.")
    copies: list[CopyInput] = listed("The surviving copies.")
    editions: list[EditionInput] = listed("The editions that print it.")
    annotations: list[AnnotationInput] = listed("What is written on it.")


@strawberry.input(description="Changes to a document; a list sent replaces the old one.")
class UpdateDocumentInput:
    kind: DocumentKind | None = keep("What sort of document it is.")
    title: str | None = keep("A title.")
    date: str | None = keep("The document's date. " + DATE)
    place: str | None = keep("Where it was written.")
    classification: str | None = keep("E.g. `Top secret`.")
    language: str | None = keep("The text's language.")
    summary: str | None = keep("In your own words.")
    full_text: str | None = keep("The full text.")
    protocol_number: str | None = keep("For extracts.")
    protocol_item: str | None = keep("E.g. `17/10`.")
    needs_review: bool | None = keep("Flag it to check.")
    transmission: TransmissionInput | None = keep("Sending and receiving facts; null clears them.")
    parties: list[PartyInput] | None = keep("Every party (replaces all).")
    copies: list[CopyInput] | None = keep("Every copy (replaces all).")
    editions: list[EditionInput] | None = keep("Every edition (replaces all).")
    annotations: list[AnnotationInput] | None = keep("Every annotation (replaces all).")
