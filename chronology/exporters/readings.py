"""How sure a reading is: inferred references, misprints kept as printed, supplied dates (pure).

The importers keep what the source printed and flag their own doubt on the record; here every
format finds the same marks. An archival reference the importer inferred (nothing printed, the
file taken from neighbouring documents) is cited `d. 970 [inferred]`; a misprint kept as printed
is cited `op. P [sic; likely 11]`; the note says why in words a historian can check.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from chronology.archives.reference import INFERRED_MARK
from chronology.exporters.common import archive_location
from chronology.interchange.records import ExportArchivalReference, ExportDate

INFERRED = "inferred"
# The misprint clause the archival-reference reader writes into a reference's note.
_MISPRINT = re.compile(
    r"\b(?P<label>F|Op|D|L)\.\s+(?P<printed>\S+?)\.?\s+is probably a misprint for"
    r"\s+(?P=label)\.\s+(?P<likely>[^\s;,()]+)"
)


@dataclass(frozen=True)
class Misprint:
    """One part of a reference kept as printed, with the reading the editors' context suggests."""

    label: str  # "op.", as the citation writes the part
    printed: str
    likely: str


def inferred(reference: ExportArchivalReference) -> bool:
    """Tell whether the reference was not printed but inferred by the importer."""
    # The importer's own mark first (archives.reference, as the API reads it); rows from before the mark
    # existed are known by their empty printed form or their note.
    if reference.normalised.endswith(INFERRED_MARK):
        return True
    return not reference.verbatim.strip() or (reference.note or "").startswith(INFERRED)


def misprints(reference: ExportArchivalReference) -> tuple[Misprint, ...]:
    """Return the parts of the reference kept as printed although probably misprinted."""
    return tuple(
        Misprint(f"{m['label'].lower()}.", m["printed"].rstrip("."), m["likely"].rstrip("."))
        for m in _MISPRINT.finditer(reference.note or "")
    )


def doubtful(reference: ExportArchivalReference) -> bool:
    """Tell whether any part of the reference is not simply as printed."""
    return reference.doubtful or inferred(reference) or bool(misprints(reference)) or reference.confidence < 1


def marked_location(reference: ExportArchivalReference) -> str:
    """Return the location within the archive with its marks: "op. P [sic; likely 11]", "d. 970 [inferred]"."""
    location = archive_location(reference)
    for misprint in misprints(reference):
        part = f"{misprint.label} {misprint.printed}"
        location = re.sub(
            rf"(?<![\w.]){re.escape(part)}(?![\w])", f"{part} [sic; likely {misprint.likely}]", location, count=1
        )
    if inferred(reference):
        location += f" [{INFERRED}]"
    elif reference.doubtful and not misprints(reference):
        location += " [?]"
    return location


def marked_citation(reference: ExportArchivalReference) -> str:
    """Return the whole reference, repository first, with its marks."""
    location = marked_location(reference)
    return f"{reference.repository}, {location}" if reference.repository else location


def reading_note(reference: ExportArchivalReference) -> str | None:
    """Say in a sentence how the reference was read, or None when it is exactly as printed."""
    if inferred(reference):
        why = f": {reference.note}" if reference.note else ""
        return (
            f"Archival reference {marked_citation(reference)} is inferred by Chronology, not printed in the source"
            f" (confidence {reference.confidence:g}){why}."
        )
    if not doubtful(reference):
        return None
    said = f"Archival reference printed as “{reference.verbatim}”"
    found = misprints(reference)
    if found:
        said += "; " + "; ".join(f"{m.label} {m.printed} is probably a misprint for {m.likely}" for m in found)
    elif reference.note:
        said += f"; {reference.note}"
    return said + f" (confidence {reference.confidence:g})."


def certainty(reference: ExportArchivalReference) -> str:
    """Return the TEI certainty of the reading: high, medium or low."""
    if inferred(reference) or reference.confidence < 0.5:
        return "low"
    return "medium" if doubtful(reference) else "high"


def supplied(date: ExportDate | None) -> bool:
    """Tell whether the editors supplied the date (or a part of it) rather than the source."""
    return date is not None and "supplied" in date.qualifiers


def date_note(date: ExportDate | None) -> str | None:
    """Say in a sentence how far the date is the source's own, or None when it is."""
    if date is None:
        return None
    marks = []
    if supplied(date):
        marks.append("supplied by the editors")
    if "uncertain" in date.qualifiers:
        marks.append("uncertain")
    if "approximate" in date.qualifiers:
        marks.append("approximate")
    if not marks:
        return None
    printed = f" (printed “{date.verbatim}”)" if date.verbatim else ""
    return f"Date {' and '.join(marks)}{printed}."
