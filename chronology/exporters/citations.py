"""What the three citation formats share: a document as a reference manager sees it (pure).

Letters and telegrams are Zotero "letters" (CSL `personal_communication`); everything else is a
"manuscript". The archive is the repository's code, the location the Chicago-style reference
within it ("f. 558, op. 11, d. 93, ll. 42–46"), and the place the archive's city.
"""

from __future__ import annotations

from dataclasses import dataclass

from chronology.exporters.common import (
    CORRESPONDENCE_KINDS,
    archive_location,
    display_date,
    first_copy_reference,
    kind_label,
    repository_place,
    split_name,
)
from chronology.interchange.records import ExportDate, ExportDocument, ExportParty


@dataclass(frozen=True)
class Name:
    """A person's family and given names, or a body's whole name."""

    family: str
    given: str | None
    body: bool

    def inverted(self) -> str:
        """Return "Family, Given" (or the body's name)."""
        return f"{self.family}, {self.given}" if self.given else self.family


@dataclass(frozen=True)
class Citation:
    """A document's citation fields."""

    key: str
    letter: bool
    title: str
    genre: str
    authors: tuple[Name, ...]
    recipients: tuple[Name, ...]
    date: ExportDate | None
    date_display: str | None
    archive: str | None
    archive_location: str | None
    archive_place: str | None
    medium: str | None
    place: str | None
    language: str | None
    note: str | None


def _name(party: ExportParty) -> Name:
    family, given = split_name(party)
    return Name(family, given, body=party.person_id is None)


def citation(document: ExportDocument) -> Citation:
    """Return the citation fields of a document."""
    reference = first_copy_reference(document)
    copy = document.copies[0] if document.copies else None
    others = [c.reference.normalised for c in document.copies[1:]]
    note = "Other copies: " + "; ".join(others) + "." if others else None
    medium = None
    if copy is not None:
        medium = (copy.form_verbatim or ", ".join(kind_label(f) for f in copy.forms)).rstrip(". ") or None
    return Citation(
        key=f"document-{document.id}",
        letter=document.kind in CORRESPONDENCE_KINDS,
        title=document.title,
        genre=kind_label(document.kind),
        authors=tuple(_name(p) for p in document.parties_in("author")),
        recipients=tuple(_name(p) for p in document.parties_in("recipient")),
        date=document.date,
        date_display=display_date(document.date) if document.date else None,
        archive=reference.repository if reference else None,
        archive_location=archive_location(reference) if reference else None,
        archive_place=repository_place(reference.repository) if reference else None,
        medium=medium,
        place=document.place,
        language=document.language,
        note=note,
    )
