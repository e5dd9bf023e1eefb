"""The parts of documents a page lists beside them, as statements grouped by `_group` for the loaders."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Select, select

from chronology import models

_parties = models.DocumentParty.__table__
_copies = models.Copy.__table__
_references = models.ArchivalReferenceRow.__table__
_editions = models.Edition.__table__
_publications = models.Publication.__table__
_annotations = models.Annotation.__table__
_documents = models.Document.__table__
_persons = models.Person.__table__
_bodies = models.Body.__table__


def parties_query() -> Select[Any]:
    """Return the parties of documents, each with its person or body, grouped by document."""
    # With each party's person or body, which a page nearly always shows: one statement, not three.
    return (
        select(
            _parties,
            *(c.label(f"person__{c.name}") for c in _persons.c),
            *(c.label(f"body__{c.name}") for c in _bodies.c),
            _parties.c.document_id.label("_group"),
        )
        .outerjoin(_persons, _persons.c.id == _parties.c.person_id)
        .outerjoin(_bodies, _bodies.c.id == _parties.c.body_id)
        .order_by(_parties.c.document_id, _parties.c.role, _parties.c.position)
    )


def editions_query() -> Select[Any]:
    """Return the editions of documents with their publications, grouped by document."""
    return (
        select(
            _editions,
            _publications.c.title,
            _publications.c.editors,
            _publications.c.year,
            _publications.c.publisher,
            _publications.c.place,
            _publications.c.url,
            _editions.c.document_id.label("_group"),
        )
        .join(_publications, _publications.c.id == _editions.c.publication_id)
        .order_by(_editions.c.document_id, _publications.c.year, _publications.c.title)
    )


def annotations_query() -> Select[Any]:
    """Return the annotations of documents, grouped by document."""
    return select(_annotations, _annotations.c.document_id.label("_group")).order_by(
        _annotations.c.document_id, _annotations.c.id
    )


def copies_query() -> Select[Any]:
    """Return the copies of documents with their archival references (`ref_` columns), grouped by document."""
    return (
        select(
            _copies,
            *(c.label(f"ref_{c.name}") for c in _references.c),
            _references.c.normalised,
            _copies.c.document_id.label("_group"),
        )
        .join(_references, _references.c.id == _copies.c.archival_reference_id)
        .order_by(_copies.c.document_id, _copies.c.position)
    )


def parties_of_person_query() -> Select[Any]:
    """Return people's parts in documents, by the documents' dates, grouped by person."""
    return (
        select(_parties, _parties.c.person_id.label("_group"))
        .join(_documents, _documents.c.id == _parties.c.document_id)
        .order_by(_parties.c.person_id, _documents.c.date_lower, _documents.c.id)
    )
