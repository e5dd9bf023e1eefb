"""Write documents with their parties, copies, annotations and editions.

A document is found by its natural key (source id + parser key); failing that, by the same
archival document printed in another edition (a shared copy reference and date). A matched
document belongs to the source that created it: the later source adds its edition, its new
copies and its notes, and changes nothing else.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.engine import RowMapping

from chronology import models
from chronology.importers.load.context import SourceContext
from chronology.importers.load.rows import (
    date_columns,
    moment_columns,
    reference_columns,
    reference_labels,
    table_of,
)
from chronology.importers.records import Copy, Document, ReviewItem, Transmission
from chronology.models.vocabulary import AnnotationKind, CopyForm, DocumentKind

_DOCUMENTS = table_of(models.Document)
_PARTIES = table_of(models.DocumentParty)
_COPIES = table_of(models.Copy)
_REFERENCES = table_of(models.ArchivalReferenceRow)
_PUBLICATIONS = table_of(models.Publication)
_EDITIONS = table_of(models.Edition)
_ANNOTATIONS = table_of(models.Annotation)

MATCHED = "matched"
_FORMS = {f.value for f in CopyForm}


def copy_forms(form: str) -> list[str]:
    """Read a copy's printed form ("original, typescript") as vocabulary values."""
    forms: list[str] = []
    for part in form.lower().split(","):
        word = "_".join(part.split())
        if word not in _FORMS:
            if "correct" in word or "edits" in word:
                word = CopyForm.DRAFT_WITH_CORRECTIONS
            elif word.startswith(("typescript", "typed")):
                word = CopyForm.TYPESCRIPT
            else:
                continue
        if word not in forms:
            forms.append(word)
    return forms


def _document_columns(ctx: SourceContext, doc: Document) -> dict[str, Any]:
    kind = ctx.vocabulary(doc.kind, DocumentKind, line=doc.line, what="document kind") or "other"
    sent = doc.transmission or Transmission()
    return {
        "kind": kind,
        "title": doc.title.strip() or f"Untitled {kind.replace('_', ' ')}",
        **date_columns(doc.date),
        "place": doc.place,
        "classification": doc.classification,
        "language": doc.edition.language if doc.edition else None,
        "full_text": doc.body or None,
        **moment_columns("sent", sent.sent, sent.sent_date),
        "sent_time": sent.sent_time,
        **moment_columns("received", sent.received, sent.received_date),
        "received_time": sent.received_time,
        "incoming_number": sent.incoming_number,
        "outgoing_number": sent.outgoing_number,
        "secretary_number": sent.secretary_number,
        "protocol_number": doc.protocol_number,
        "protocol_item": doc.protocol_item,
        # Only what the parser states: a summary or a review flag set by hand is not cleared.
        **({"summary": doc.summary} if doc.summary is not None else {}),
        **({"needs_review": True} if doc.needs_review else {}),
    }


def _match(ctx: SourceContext, doc: Document) -> RowMapping | None:
    """Find the same archival document imported from another source, or None."""
    if not doc.copies:
        return None
    labels = sorted(reference_labels(doc.copies[0].reference))
    date = doc.date.edtf if doc.date is not None else None
    query = (
        select(_DOCUMENTS)
        .distinct()
        .join(_COPIES, _COPIES.c.document_id == _DOCUMENTS.c.id)
        .join(_REFERENCES, _REFERENCES.c.id == _COPIES.c.archival_reference_id)
        .where(
            _REFERENCES.c.normalised.in_(labels),
            _DOCUMENTS.c.date_edtf.is_(None) if date is None else _DOCUMENTS.c.date_edtf == date,
            # Two documents of one source never merge: a letter and its reply share a folio.
            or_(
                _DOCUMENTS.c.natural_key.is_(None),
                ~_DOCUMENTS.c.natural_key.startswith(ctx.source_id + ":", autoescape=True),
            ),
        )
        .order_by(_DOCUMENTS.c.id)
    )
    rows = ctx.writer.session.execute(query).mappings().all()
    if len(rows) > 1:
        ctx.review.append(
            ReviewItem(
                doc.line,
                f"{len(rows)} documents already imported share this reference and date; "
                "the edition was attached to the first",
                doc.copies[0].reference.verbatim,
                ", ".join(str(r["natural_key"]) for r in rows),
            )
        )
    return rows[0] if rows else None


def load_document(ctx: SourceContext, doc: Document, known: RowMapping | None) -> int:
    """Write one document and what hangs off it; return its id."""
    writer = ctx.writer
    values = _document_columns(ctx, doc)
    owner = True
    row = known
    if row is None and (row := _match(ctx, doc)) is not None:
        owner = False
        writer.count(_DOCUMENTS, MATCHED)
    if row is None:
        document_id = writer.insert(_DOCUMENTS, {"natural_key": ctx.natural_key(doc.key), **values})
    else:
        document_id = int(row["id"])
        if owner:
            writer.update_changed(_DOCUMENTS, row, values)
    on = doc.date.lower if doc.date is not None else None
    if owner:
        _parties(ctx, doc, document_id, on)
        _owned_copies(ctx, doc.copies, document_id)
    else:
        _new_copies(ctx, doc.copies, document_id)
    _annotations(ctx, doc, document_id, on, update=owner)
    if doc.edition is not None:
        writer.upsert(
            _EDITIONS,
            {"document_id": document_id, "publication_id": ctx.publication(doc.edition)},
            {
                "document_number": doc.edition.document_number,
                "pages": doc.edition.pages,
                "translation_text": doc.edition.text or doc.body or None,
            },
        )
    if doc.published_source:
        # The edition printed this document from a newspaper or journal, naming no archive:
        # that printed source is an edition of its own, and the only citation there is.
        printed = writer.upsert(_PUBLICATIONS, {"title": doc.published_source, "year": None}, {})
        writer.upsert(_EDITIONS, {"document_id": document_id, "publication_id": printed}, {})
    return document_id


def _parties(ctx: SourceContext, doc: Document, document_id: int, on: Any) -> None:
    writer = ctx.writer
    existing = writer.prefetch(_PARTIES, ("role", "position"), _PARTIES.c.document_id == document_id)
    numbers: dict[str, int] = {}
    for party in sorted(doc.parties, key=lambda p: (p.role.value, p.position)):
        role = party.role.value
        person_id, body_id = ctx.names.party(party.name, is_body=party.is_body, on=on, line=doc.line)
        if person_id is None and body_id is None:
            continue  # no name: the words stay on review, not a party
        numbers[role] = numbers.get(role, 0) + 1  # the database counts from 1, in print order
        writer.upsert(
            _PARTIES,
            {"document_id": document_id, "role": role, "position": numbers[role]},
            {"person_id": person_id, "body_id": body_id, "name_as_printed": party.name},
            known=existing.get((role, numbers[role])),
        )


def _copy_rows(document_id: int, ctx: SourceContext) -> list[RowMapping]:
    query = (
        select(_COPIES, _REFERENCES.c.normalised)
        .join(_REFERENCES, _REFERENCES.c.id == _COPIES.c.archival_reference_id)
        .where(_COPIES.c.document_id == document_id)
        .order_by(_COPIES.c.position)
    )
    return list(ctx.writer.session.execute(query).mappings())


def _copy_columns(copy: Copy) -> dict[str, Any]:
    return {"forms": copy_forms(copy.form), "form_verbatim": copy.form or None, "note": copy.note}


def _owned_copies(ctx: SourceContext, copies: list[Copy], document_id: int) -> None:
    writer = ctx.writer
    existing = {row["position"]: row for row in _copy_rows(document_id, ctx)}
    for position, copy in enumerate(copies, start=1):
        row = existing.get(position)
        if row is None:
            reference_id = writer.insert(_REFERENCES, reference_columns(copy.reference))
            writer.insert(
                _COPIES,
                {
                    "document_id": document_id,
                    "position": position,
                    "archival_reference_id": reference_id,
                    **_copy_columns(copy),
                },
            )
            continue
        reference = writer.find(_REFERENCES, {"id": row["archival_reference_id"]})
        assert reference is not None  # the foreign key guarantees it
        writer.update_changed(_REFERENCES, reference, reference_columns(copy.reference))
        writer.update_changed(_COPIES, row, _copy_columns(copy))


def _new_copies(ctx: SourceContext, copies: list[Copy], document_id: int) -> None:
    """Append the copies another edition cites and the document does not have yet."""
    writer = ctx.writer
    rows = _copy_rows(document_id, ctx)
    known = {row["normalised"] for row in rows}
    position = max((row["position"] for row in rows), default=0)
    for copy in copies:
        if reference_labels(copy.reference) & known:
            writer.count(_COPIES, "unchanged")
            continue
        position += 1
        reference_id = writer.insert(_REFERENCES, reference_columns(copy.reference))
        writer.insert(
            _COPIES,
            {
                "document_id": document_id,
                "position": position,
                "archival_reference_id": reference_id,
                **_copy_columns(copy),
            },
        )
        known |= reference_labels(copy.reference)


def _annotations(ctx: SourceContext, doc: Document, document_id: int, on: Any, *, update: bool) -> None:
    """Write annotations and the edition's footnotes, each found by kind and text."""
    writer = ctx.writer
    existing = writer.prefetch(_ANNOTATIONS, ("kind", "text"), _ANNOTATIONS.c.document_id == document_id)
    edition = doc.edition.title if doc.edition is not None else ctx.source_name
    entries: list[tuple[str, str, str | None, str | None, int]] = []
    for note in doc.annotations:
        known = ctx.vocabulary(note.kind, AnnotationKind, line=note.line or doc.line, what="kind")
        if known is not None and note.text.strip():
            entries.append((known, note.text, note.author, None, note.line or doc.line))
    for footnote in doc.footnotes:
        if footnote.text.strip():
            where = f"footnote {footnote.number}, {edition}"
            entries.append(("editorial_note", footnote.text, None, where, footnote.line))
    seen: set[tuple[str, str]] = set()
    for kind, text, author, locator, line in entries:
        if (kind, text) in seen:
            continue  # the same words twice on one document are one annotation
        seen.add((kind, text))
        author_id = ctx.names.person(author, on=on, line=line) if author else None
        writer.upsert(
            _ANNOTATIONS,
            {"document_id": document_id, "kind": kind, "text": text},
            {"author_person_id": author_id, "author_as_printed": author, "locator": locator},
            known=existing.get((kind, text)),
            update=update,
        )


def prefetch_documents(ctx: SourceContext, docs: list[Document]) -> dict[str, RowMapping]:
    """Load the documents this source wrote before, by parser key, in one query."""
    keys = [ctx.natural_key(doc.key) for doc in docs]
    rows = ctx.writer.prefetch(_DOCUMENTS, ("natural_key",), _DOCUMENTS.c.natural_key.in_(keys))
    prefix = len(ctx.source_id) + 1
    return {str(key[0])[prefix:]: row for key, row in rows.items()}
