"""Small helpers the writers share: dates as people read them, names, citations, kinds."""

from __future__ import annotations

import functools

from chronology.archives.reference import INFERRED_MARK
from chronology.archives.repositories import REPOSITORIES
from chronology.dates.edtf import Point, parse_edtf
from chronology.dates.fuzzy import DateParseError, from_edtf
from chronology.interchange.records import (
    ExportArchivalReference,
    ExportDate,
    ExportDocument,
    ExportParty,
    ExportPerson,
)

# Documents that are correspondence in the CMIF sense: something sent from someone to someone.
CORRESPONDENCE_KINDS = frozenset({"letter", "telegram", "cipher_telegram", "ticker_tape"})

WIKIDATA_ENTITY = "http://www.wikidata.org/entity/"
VIAF = "https://viaf.org/viaf/"


def display_date(date: ExportDate) -> str:
    """Return the date as the timeline shows it: "c. December 1935", "17 August [1936]"."""
    return _display(date.edtf, date.verbatim, "supplied" in date.qualifiers)


@functools.lru_cache(maxsize=4096)  # reading the source's words is slow, and dates repeat
def _display(edtf: str, verbatim: str | None, supplied: bool) -> str:
    try:
        return from_edtf(edtf, verbatim, supplied=supplied).display()
    except (DateParseError, ValueError):
        return verbatim or edtf


def single_point(date: ExportDate) -> Point | None:
    """Return the date as one EDTF point (a day, month or year), or None for ranges and sets."""
    try:
        value = parse_edtf(date.edtf)
    except DateParseError:
        return None
    if not isinstance(value, Point):
        return None  # a range, a set or a terminus
    return value if value.season is None and not value.decade else None


def date_parts(date: ExportDate) -> list[list[int]]:
    """Return CSL date-parts at the date's true precision: one part, or two for a range."""
    point = single_point(date)
    if point is not None:
        return [[p for p in (point.year, point.month, point.day) if p is not None]]
    if date.lower == date.upper:
        return [[date.lower.year, date.lower.month, date.lower.day]]
    return [[date.lower.year, date.lower.month, date.lower.day], [date.upper.year, date.upper.month, date.upper.day]]


def wikidata_uri(qid: str | None) -> str | None:
    """Return the Wikidata entity URI of a QID."""
    return f"{WIKIDATA_ENTITY}{qid}" if qid else None


def authority_uris(person: ExportPerson) -> list[str]:
    """Return the authority files' URIs of a person: Wikidata, then VIAF."""
    uris = [wikidata_uri(person.wikidata_qid), f"{VIAF}{person.viaf_id}" if person.viaf_id else None]
    return [uri for uri in uris if uri]


def split_name(party: ExportParty) -> tuple[str, str | None]:
    """Return (family, given) of a person from "Family, Given" sort names; bodies are whole."""
    if party.person_id is None or not party.sort_name or ", " not in party.sort_name:
        return party.name, None
    family, given = party.sort_name.split(", ", 1)
    return family, given


def repository_name(code: str | None) -> str | None:
    """Return the full name of an archive, or the code when it is not one we know."""
    if code is None:
        return None
    known = REPOSITORIES.get(code)
    return known.name if known else code


def repository_place(code: str | None) -> str | None:
    """Return the city an archive is in."""
    known = REPOSITORIES.get(code) if code else None
    return known.place if known else None


def archive_location(reference: ExportArchivalReference) -> str:
    """Return the location within the archive, Chicago style: "f. 558, op. 11, d. 93, ll. 42–46"."""
    prefix = f"{reference.repository}, "
    # The importer's own "[inferred]" mark is set by readings.marked_location, once, in every format.
    normalised = reference.normalised.removesuffix(INFERRED_MARK)
    return normalised[len(prefix) :] if reference.repository and normalised.startswith(prefix) else normalised


def first_copy_reference(document: ExportDocument) -> ExportArchivalReference | None:
    """Return the archival reference of the document's first copy."""
    return document.copies[0].reference if document.copies else None


def kind_label(kind: str) -> str:
    """Return a vocabulary value as words: "cipher_telegram" → "Cipher telegram"."""
    return kind.replace("_", " ").capitalize()
