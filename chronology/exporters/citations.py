"""What the three citation formats share: a document as a reference manager sees it (pure).

Letters and telegrams are Zotero "letters" (CSL `personal_communication`, biblatex `@letter`);
everything else is a "manuscript" (`@unpublished` when an archive holds it). The archive is the
repository's code, the location the Chicago-style reference within it with its marks
("f. 558, op. P [sic; likely 11]", "d. 970 [inferred]"), and the place the archive's city.
The printed editions the historian read are the bibliographic source beside it. Our titles are
descriptions we wrote, so they go out in square brackets, never as the document's own; the
language is the original's (the archives hold Russian documents), not our summary's.
"""

from __future__ import annotations

from dataclasses import dataclass

from chronology.archives.repositories import REPOSITORIES
from chronology.exporters import readings
from chronology.exporters.common import (
    CORRESPONDENCE_KINDS,
    display_date,
    first_copy_reference,
    kind_label,
    repository_place,
    split_name,
    wikidata_uri,
)
from chronology.interchange.records import ExportDate, ExportDocument, ExportEdition, ExportParty


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
class Printed:
    """A printed edition of the document: the book, the document's number in it, its pages."""

    title: str
    editors: str | None
    publisher: str | None
    place: str | None
    year: int | None
    number: str | None
    pages: str | None
    language: str | None

    def text(self) -> str:
        """Return the edition as cited: "Editors (eds.), Title (Place: Publisher, Year), doc. 117, pp. 1–2"."""
        imprint = ": ".join(v for v in (self.place, self.publisher) if v)
        imprint = ", ".join(v for v in (imprint, str(self.year) if self.year else None) if v)
        text = f"{self.editors} (eds.), {self.title}" if self.editors else self.title
        text += f" ({imprint})" if imprint else ""
        text += f", doc. {self.number}" if self.number else ""
        if self.pages:
            text += f", {'p.' if self.pages.isdigit() else 'pp.'} {self.pages}"
        return text


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
    editions: tuple[Printed, ...] = ()
    archived: bool = False
    date_supplied: bool = False
    reference_doubtful: bool = False


def _name(party: ExportParty) -> Name:
    family, given = split_name(party)
    return Name(family, given, body=party.person_id is None)


def _printed(edition: ExportEdition) -> Printed:
    p = edition.publication
    return Printed(p.title, p.editors, p.publisher, p.place, p.year, edition.document_number, edition.pages, p.language)


def original_language(document: ExportDocument) -> str | None:
    """Return the language the document was written in, where its archive tells: Russian for Russian archives."""
    if any(copy.reference.repository in REPOSITORIES for copy in document.copies):
        return "ru"
    return None


def _authorities(document: ExportDocument) -> str | None:
    uris = [
        f"{p.name} {uri}"
        for p in (*document.parties_in("author"), *document.parties_in("recipient"))
        if (uri := wikidata_uri(p.wikidata_qid))
    ]
    return "Authorities: " + "; ".join(dict.fromkeys(uris)) + "." if uris else None


def citation(document: ExportDocument) -> Citation:
    """Return the citation fields of a document."""
    reference = first_copy_reference(document)
    copy = document.copies[0] if document.copies else None
    others = [readings.marked_citation(c.reference) for c in document.copies[1:]]
    editions = tuple(_printed(e) for e in document.editions)
    notes = [
        "Title supplied by Chronology.",
        readings.reading_note(reference) if reference else None,
        "Other copies: " + "; ".join(others) + "." if others else None,
        *(readings.reading_note(c.reference) for c in document.copies[1:]),
        readings.date_note(document.date),
        "Printed in: " + "; ".join(e.text() for e in editions) + "." if editions else None,
        _authorities(document),
    ]
    medium = None
    if copy is not None:
        medium = (copy.form_verbatim or ", ".join(kind_label(f) for f in copy.forms)).rstrip(". ") or None
    return Citation(
        key=f"document-{document.id}",
        letter=document.kind in CORRESPONDENCE_KINDS,
        title=f"[{document.title}]",
        genre=kind_label(document.kind),
        authors=tuple(_name(p) for p in document.parties_in("author")),
        recipients=tuple(_name(p) for p in document.parties_in("recipient")),
        date=document.date,
        date_display=display_date(document.date) if document.date else None,
        archive=reference.repository if reference else None,
        archive_location=readings.marked_location(reference) if reference else None,
        archive_place=repository_place(reference.repository) if reference else None,
        medium=medium,
        place=document.place,
        language=original_language(document),
        note=" ".join(n for n in notes if n),
        editions=editions,
        archived=reference is not None,
        date_supplied=readings.supplied(document.date),
        reference_doubtful=any(readings.doubtful(c.reference) for c in document.copies),
    )
