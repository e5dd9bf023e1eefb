"""The Document record type: an archival object's own fields, and the parts and links that hang off it."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any

import strawberry

from chronology import models
from chronology.archives.parsing import ReferenceParseError, parse_reference
from chronology.archives.reference import CitationStyle as ArchiveStyle
from chronology.graphql.runtime.context import Info
from chronology.graphql.runtime.ids import encode_id
from chronology.graphql.runtime.lists import ListFirst, first_items
from chronology.graphql.runtime.loaders import many_by, table, then
from chronology.graphql.types.archival import CitationStyle
from chronology.graphql.types.date.historical import HistoricalDate, date_from_edtf, historical_date
from chronology.graphql.types.document.parts import (
    Annotation,
    Copy,
    DocumentParty,
    Edition,
    Publication,
    Transmission,
    copies_loader,
    copies_of_rows,
    parties_loader,
    parties_of_rows,
)
from chronology.graphql.types.document.vocabulary import AnnotationKind, DocumentKind
from chronology.graphql.types.node.interface import Node
from chronology.queries.document_parts import annotations_query, editions_query

if TYPE_CHECKING:
    from chronology.graphql.types.decision.record import Decision
    from chronology.graphql.types.decision.vote import Vote
    from chronology.graphql.types.relation.link import Relation, RelationCount

_editions = table(models.Edition)
_annotations = table(models.Annotation)


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
        parties: list[DocumentParty] = then(parties_loader(info), self.pk, parties_of_rows)
        return parties

    @strawberry.field(description="The surviving copies, each with its archival reference.")
    def copies(self, info: Info) -> list[Copy]:
        copies: list[Copy] = then(copies_loader(info), self.pk, copies_of_rows)
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
        self, info: Info, first: ListFirst = None
    ) -> list[Annotated[Relation, strawberry.lazy("chronology.graphql.types.relation.link")]]:
        from chronology.graphql.types.relation.link import relations_from

        return first_items(await relations_from(info, self.pk), first)

    @strawberry.field(description="Links from other records to this document.")
    async def relations_in(
        self, info: Info, first: ListFirst = None
    ) -> list[Annotated[Relation, strawberry.lazy("chronology.graphql.types.relation.link")]]:
        from chronology.graphql.types.relation.link import relations_to

        return first_items(await relations_to(info, self.pk), first)

    @strawberry.field(description="How many links start and end at this document (cheaper than listing them).")
    def relation_count(
        self, info: Info
    ) -> Annotated[RelationCount, strawberry.lazy("chronology.graphql.types.relation.link")]:
        from chronology.graphql.types.relation.link import relation_counts

        count: RelationCount = then(relation_counts(info), self.pk, lambda found: found)
        return count

    @strawberry.field(description="Decisions this document proposed or led to.")
    async def decisions(
        self, info: Info, first: ListFirst = None
    ) -> list[Annotated[Decision, strawberry.lazy("chronology.graphql.types.decision.record")]]:
        from chronology.graphql.types.decision.record import decisions_of_document

        return first_items(await decisions_of_document(info, self.pk), first)

    @strawberry.field(description="Votes recorded on this document (cipher marks, a member's telegram).")
    async def votes(
        self, info: Info, first: ListFirst = None
    ) -> list[Annotated[Vote, strawberry.lazy("chronology.graphql.types.decision.vote")]]:
        from chronology.graphql.types.decision.vote import votes_in_document

        return first_items(await votes_in_document(info, self.pk), first)

    @strawberry.field(description="A citation of the first copy: `RGASPI, f. 558, op. 11, d. 93, ll. 42–46`.")
    async def citation(
        self,
        info: Info,
        style: Annotated[CitationStyle, strawberry.argument(description="Citation style.")] = CitationStyle.CHICAGO,
    ) -> str | None:
        rows = await copies_loader(info).load(self.pk)
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
