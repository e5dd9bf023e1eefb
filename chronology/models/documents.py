"""Documents and what hangs off them: parties, copies, editions, annotations."""

from __future__ import annotations

import datetime

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    Computed,
    Date,
    ForeignKey,
    Index,
    Integer,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.dialects.postgresql import ARRAY, TSVECTOR
from sqlalchemy.orm import Mapped, mapped_column, relationship

from chronology.models.archival import ArchivalReferenceRow
from chronology.models.base import Audited, Base, serial_pk
from chronology.models.records import (
    FuzzyDated,
    RecordMixin,
    date_order_index,
    fuzzy_date_constraints,
    timeline_indexes,
)
from chronology.models.vocabulary import AnnotationKind, CopyForm, DocumentKind, PartyRole, sql_in

# Weighted so that a word in the title outranks one in the summary, which
# outranks one in the body; 'english' because the stored texts are translations.
SEARCH_VECTOR = (
    "setweight(to_tsvector('english'::regconfig, coalesce(title, '')), 'A') || "
    "setweight(to_tsvector('english'::regconfig, coalesce(summary, '')), 'B') || "
    "setweight(to_tsvector('english'::regconfig, coalesce(full_text, '')), 'C')"
)


class Document(RecordMixin, FuzzyDated, Audited, Base):
    """One archival object: a letter, a cipher telegram, a decree, a speech."""

    __tablename__ = "documents"
    __table_args__ = (
        CheckConstraint(f"kind IN {sql_in(DocumentKind)}", name="kind"),
        CheckConstraint("length(btrim(title)) > 0", name="title_not_blank"),
        CheckConstraint(
            "sent_lower IS NULL OR sent_upper IS NULL OR sent_lower <= sent_upper",
            name="sent_bounds_ordered",
        ),
        CheckConstraint(
            "received_lower IS NULL OR received_upper IS NULL OR received_lower <= received_upper",
            name="received_bounds_ordered",
        ),
        Index("ix_documents_search", "search", postgresql_using="gin"),
        Index("ix_documents_kind_date_lower_id", "kind", "date_lower", "id"),
        *fuzzy_date_constraints("documents"),
        date_order_index("documents"),
        *timeline_indexes("documents", "kind"),
        date_order_index("documents", descending=True),
    )

    natural_key: Mapped[str | None] = mapped_column(Text, unique=True)
    kind: Mapped[str] = mapped_column(Text)
    title: Mapped[str] = mapped_column(Text)
    place: Mapped[str | None] = mapped_column(Text)
    classification: Mapped[str | None] = mapped_column(Text)
    language: Mapped[str | None] = mapped_column(Text)
    summary: Mapped[str | None] = mapped_column(Text)
    full_text: Mapped[str | None] = mapped_column(Text)
    search: Mapped[object] = mapped_column(TSVECTOR, Computed(SEARCH_VECTOR, persisted=True), deferred=True)
    sent_verbatim: Mapped[str | None] = mapped_column(Text)
    sent_edtf: Mapped[str | None] = mapped_column(Text)
    sent_lower: Mapped[datetime.date | None] = mapped_column(Date)
    sent_upper: Mapped[datetime.date | None] = mapped_column(Date)
    sent_time: Mapped[str | None] = mapped_column(Text)
    received_verbatim: Mapped[str | None] = mapped_column(Text)
    received_edtf: Mapped[str | None] = mapped_column(Text)
    received_lower: Mapped[datetime.date | None] = mapped_column(Date)
    received_upper: Mapped[datetime.date | None] = mapped_column(Date)
    received_time: Mapped[str | None] = mapped_column(Text)
    incoming_number: Mapped[str | None] = mapped_column(Text)
    outgoing_number: Mapped[str | None] = mapped_column(Text)
    secretary_number: Mapped[str | None] = mapped_column(Text)
    protocol_number: Mapped[str | None] = mapped_column(Text)
    protocol_item: Mapped[str | None] = mapped_column(Text)
    needs_review: Mapped[bool] = mapped_column(Boolean, server_default=text("false"))

    parties: Mapped[list[DocumentParty]] = relationship(
        lazy="raise", cascade="all, delete-orphan", order_by="DocumentParty.position"
    )
    copies: Mapped[list[Copy]] = relationship(lazy="raise", cascade="all, delete-orphan", order_by="Copy.position")


class DocumentParty(Audited, Base):
    """An author, recipient or intermediary of a document: a person or a body."""

    __tablename__ = "document_parties"
    __table_args__ = (
        # The agent columns ride along so that a document's first author (a timeline lane) is
        # read from the index alone.
        UniqueConstraint("document_id", "role", "position", postgresql_include=["person_id", "body_id"]),
        CheckConstraint(f"role IN {sql_in(PartyRole)}", name="role"),
        CheckConstraint("(person_id IS NULL) <> (body_id IS NULL)", name="person_or_body"),
        CheckConstraint("position >= 1", name="position_positive"),
        Index("ix_document_parties_person_role", "person_id", "role"),
        Index("ix_document_parties_body_role", "body_id", "role"),
    )

    id: Mapped[serial_pk]
    document_id: Mapped[int] = mapped_column(BigInteger, ForeignKey("documents.id", ondelete="CASCADE"))
    role: Mapped[str] = mapped_column(Text)
    position: Mapped[int] = mapped_column(Integer)
    person_id: Mapped[int | None] = mapped_column(BigInteger, ForeignKey("persons.id", ondelete="RESTRICT"))
    body_id: Mapped[int | None] = mapped_column(BigInteger, ForeignKey("bodies.id", ondelete="RESTRICT"))
    name_as_printed: Mapped[str | None] = mapped_column(Text)


class Copy(Audited, Base):
    """A surviving witness of a document, with its archival reference and form."""

    __tablename__ = "copies"
    __table_args__ = (
        UniqueConstraint("document_id", "position"),
        CheckConstraint(
            f"forms <@ ARRAY{sql_in(CopyForm).replace('(', '[').replace(')', ']')}::text[]",
            name="forms",
        ),
    )

    id: Mapped[serial_pk]
    document_id: Mapped[int] = mapped_column(BigInteger, ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    archival_reference_id: Mapped[int] = mapped_column(
        BigInteger, ForeignKey("archival_references.id", ondelete="RESTRICT"), index=True
    )
    # "Original. Typescript." is two facts: an original, made on a typewriter.
    forms: Mapped[list[str]] = mapped_column(ARRAY(Text), server_default=text("'{}'::text[]"))
    form_verbatim: Mapped[str | None] = mapped_column(Text)
    note: Mapped[str | None] = mapped_column(Text)

    archival_reference: Mapped[ArchivalReferenceRow] = relationship(lazy="raise")


class Publication(Audited, Base):
    """A published edition of documents: a book, a web archive, a journal."""

    __tablename__ = "publications"
    __table_args__ = (UniqueConstraint("title", "year"),)

    id: Mapped[serial_pk]
    title: Mapped[str] = mapped_column(Text)
    editors: Mapped[str | None] = mapped_column(Text)
    publisher: Mapped[str | None] = mapped_column(Text)
    place: Mapped[str | None] = mapped_column(Text)
    year: Mapped[int | None] = mapped_column(Integer)
    language: Mapped[str | None] = mapped_column(Text)
    url: Mapped[str | None] = mapped_column(Text)


class Edition(Audited, Base):
    """A document as one publication prints it: its number, pages and text there."""

    __tablename__ = "editions"
    __table_args__ = (UniqueConstraint("document_id", "publication_id"),)

    id: Mapped[serial_pk]
    document_id: Mapped[int] = mapped_column(BigInteger, ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    publication_id: Mapped[int] = mapped_column(
        BigInteger, ForeignKey("publications.id", ondelete="RESTRICT"), index=True
    )
    document_number: Mapped[str | None] = mapped_column(Text)
    pages: Mapped[str | None] = mapped_column(Text)
    translation_text: Mapped[str | None] = mapped_column(Text)

    publication: Mapped[Publication] = relationship(lazy="raise")


class Annotation(Audited, Base):
    """Something written on a document: a resolution, a mark, a crossing-out, a tape."""

    __tablename__ = "annotations"
    __table_args__ = (CheckConstraint(f"kind IN {sql_in(AnnotationKind)}", name="kind"),)

    id: Mapped[serial_pk]
    document_id: Mapped[int] = mapped_column(BigInteger, ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(Text)
    text: Mapped[str] = mapped_column(Text)
    author_person_id: Mapped[int | None] = mapped_column(BigInteger, ForeignKey("persons.id", ondelete="SET NULL"))
    author_as_printed: Mapped[str | None] = mapped_column(Text)
    locator: Mapped[str | None] = mapped_column(Text)
