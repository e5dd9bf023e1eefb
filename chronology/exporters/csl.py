"""CSL-JSON: documents as citation items with the archival fields Zotero and citeproc read.

Dates keep their precision (`date-parts` of one, two or three numbers, or two parts for a
span), `circa` marks an uncertain or approximate date, and `season` a season.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from chronology.exporters.citations import Citation, Name, citation
from chronology.exporters.common import date_parts, single_point
from chronology.interchange.records import ExportDate, ExportOptions, ExportSource

_SEASONS = {21: 1, 22: 2, 23: 3, 24: 4}


def _name(name: Name) -> dict[str, str]:
    if name.body or name.given is None:
        return {"literal": name.family}
    return {"family": name.family, "given": name.given}


def issued(date: ExportDate) -> dict[str, Any]:
    """Return the CSL date of a fuzzy date."""
    value: dict[str, Any] = {"date-parts": date_parts(date)}
    point = single_point(date)
    if point is None and "-2" in date.edtf and "/" not in date.edtf and ".." not in date.edtf:
        season = int(date.edtf[5:7])
        if season in _SEASONS:
            value = {"date-parts": [[date.lower.year]], "season": _SEASONS[season]}
    if date.uncertain:
        value["circa"] = True
    return value


def item(entry: Citation) -> dict[str, Any]:
    """Return the CSL-JSON item of a citation."""
    value: dict[str, Any] = {
        "id": entry.key,
        "type": "personal_communication" if entry.letter else "manuscript",
        "title": entry.title,
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
        "note": entry.note,
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
