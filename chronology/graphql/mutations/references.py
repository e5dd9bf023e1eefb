"""Writing archival references and publications, shared by documents, decisions and links."""

from __future__ import annotations

from typing import Any

from sqlalchemy import delete, exists, insert, or_, select

from chronology import models
from chronology.archives.parsing import ReferenceParseError, parse_reference
from chronology.graphql.mutations.inputs import PublicationInput
from chronology.graphql.runtime.database import RequestDatabase
from chronology.graphql.runtime.errors import validation
from chronology.graphql.runtime.loaders import table

_references = table(models.ArchivalReferenceRow)
_publications = table(models.Publication)
_copies = table(models.Copy)
_decisions = table(models.Decision)


def reference_columns(printed: str, *, field: str) -> dict[str, Any]:
    """Read an archival reference as printed into its structured columns."""
    try:
        reference = parse_reference(printed.strip())
    except ReferenceParseError as error:
        raise validation(str(error), field=field) from None
    return {
        "repository": reference.repository,
        "repository_as_printed": reference.repository_as_printed,
        "fond": reference.fond,
        "opis": reference.opis,
        "delo": reference.delo,
        "folios": reference.folio_text or None,
        "verbatim": printed.strip(),
        "normalised": reference.normalised(),
        "doubtful": reference.doubtful,
        "note": reference.note,
        "confidence": reference.confidence,
    }


async def store_reference(database: RequestDatabase, printed: str, *, field: str) -> int:
    """Parse and store an archival reference; return its row id."""
    values = reference_columns(printed, field=field)
    rows = await database.rows(insert(_references).values(**values).returning(_references.c.id))
    return int(rows[0].id)


async def drop_unused_references(database: RequestDatabase, ids: list[int]) -> None:
    """Delete the references among IDS that no copy or decision uses any more."""
    if not ids:
        return
    used = or_(
        exists().where(_copies.c.archival_reference_id == _references.c.id),
        exists().where(_decisions.c.archival_reference_id == _references.c.id),
    )
    await database.rows(delete(_references).where(_references.c.id.in_(ids), ~used))


async def publication_id(database: RequestDatabase, publication: PublicationInput) -> int:
    """Return the id of the publication with this title and year, creating it if new."""
    title = publication.title.strip()
    if not title:
        raise validation("a publication needs a title", field="publication.title")
    found = await database.rows(
        select(_publications.c.id).where(
            _publications.c.title == title,
            _publications.c.year.is_not_distinct_from(publication.year),
        )
    )
    if found:
        return int(found[0].id)
    rows = await database.rows(
        insert(_publications)
        .values(
            title=title,
            editors=publication.editors,
            publisher=publication.publisher,
            place=publication.place,
            year=publication.year,
            language=publication.language,
            url=publication.url,
        )
        .returning(_publications.c.id)
    )
    return int(rows[0].id)
