"""CSL-JSON: documents as citation items with the archival fields Zotero and citeproc read.

Dates keep their precision (`date-parts` of one, two or three numbers, or two parts for a
span), `circa` marks an uncertain or approximate date, and `season` a season. The first printed
edition is the container (title, document number, pages, publisher); the `note` says what is
inferred, doubtful or supplied, and `custom` carries the same as flags for programs.
Letters carry no title (author to recipient is how they are cited); other documents carry our
description in square brackets.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from chronology.exporters.citations import Citation, Name, citation
from chronology.exporters.common import date_parts, single_point
from chronology.interchange.options import ExportOptions
from chronology.interchange.records import ExportDate, ExportSource

_SEASONS = {21: 1, 22: 2, 23: 3, 24: 4}


def _name(name: Name) -> dict[str, str]:
    if name.body or name.given is None:
        return {"literal": name.family}
    return {"family": name.family, "given": name.given}


def _shared(parts: list[list[int]]) -> list[list[int]]:
    """Return a range within one year as the part its ends share (19–24 August 1936 → August 1936).

    citeproc-py cannot render a range whose ends share a year (it crashes joining the shared
    part), and a coarser true date is better than none; the note gives the exact span.
    """
    if len(parts) != 2 or parts[0][0] != parts[1][0]:
        return parts
    prefix: list[int] = []
    for first, last in zip(parts[0], parts[1], strict=False):
        if first != last:
            break
        prefix.append(first)
    return [prefix]


def issued(date: ExportDate) -> dict[str, Any]:
    """Return the CSL date of a fuzzy date."""
    value: dict[str, Any] = {"date-parts": _shared(date_parts(date))}
    point = single_point(date)
    if point is None and "-2" in date.edtf and "/" not in date.edtf and ".." not in date.edtf:
        season = int(date.edtf[5:7])
        if season in _SEASONS:
            value = {"date-parts": [[date.lower.year]], "season": _SEASONS[season]}
    if date.uncertain:
        value["circa"] = True
    return value


def _note(entry: Citation) -> str | None:
    if entry.date is not None and len(date_parts(entry.date)) == 2 and len(issued(entry.date)["date-parts"]) == 1:
        return f"Date: {entry.date_display}. {entry.note or ''}".strip()
    return entry.note


def item(entry: Citation) -> dict[str, Any]:
    """Return the CSL-JSON item of a citation."""
    edition = entry.editions[0] if entry.editions else None
    value: dict[str, Any] = {
        "id": entry.key,
        "type": "personal_communication" if entry.letter else "manuscript",
        "title": None if entry.letter else entry.title,
        "genre": entry.genre,
        "author": [_name(n) for n in entry.authors],
        "recipient": [_name(n) for n in entry.recipients],
        "issued": issued(entry.date) if entry.date else None,
        "archive": entry.archive,
        "archive_location": entry.archive_location,
        "archive-place": entry.archive_place,
        "medium": entry.medium,
        "event-place": entry.place,
        "language": entry.language,
        "note": _note(entry),
        "container-title": edition.title if edition else None,
        "page": edition.pages if edition else None,
        "collection-number": edition.number if edition else None,
        "publisher": edition.publisher if edition else None,
        "publisher-place": edition.place if edition else None,
    }
    return {key: v for key, v in value.items() if v not in (None, [])}


def write(source: ExportSource, options: ExportOptions) -> Iterator[bytes]:
    """Write the documents as a CSL-JSON array."""
    yield b"["
    separator = "\n  "
    for document in source.documents():
        text = json.dumps(item(citation(document)), ensure_ascii=False, sort_keys=True)
        yield (separator + text).encode()
        separator = ",\n  "
    yield b"\n]\n"
