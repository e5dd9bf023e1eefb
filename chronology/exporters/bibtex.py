"""BibTeX: letters and telegrams as biblatex `@letter`, other archived documents as `@unpublished`,
the rest as `@misc`.

Zotero reads `author`, `title`, `date`, `year`, `month`, `type` and `address`; the archival
fields go to `archive`, `archive_location` (with `[inferred]` and `[sic; likely …]` marks) and
`archive_place`, which biblatex ignores and Zotero keeps, and `howpublished` repeats the full
archival citation for plain BibTeX styles. The printed edition is `booktitle`, `number`, `pages`
and `publisher`; `note` and `annotation` say what is inferred, doubtful or supplied.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from chronology.exporters.citations import Citation, citation
from chronology.exporters.common import single_point
from chronology.interchange.options import ExportOptions
from chronology.interchange.records import ExportSource

_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_SPECIAL = re.compile(r"([&%$#_{}])")


def escaped(text: str) -> str:
    """Escape TeX's special characters."""
    text = _SPECIAL.sub(r"\\\1", text.replace("\\", "\x00")).replace("\x00", r"\textbackslash{}")
    return text.replace("~", r"\textasciitilde{}").replace("\n", " ")


def braced(text: str) -> str:
    """Escape and brace a field's value."""
    return "{" + escaped(text) + "}"


def _names(entry: Citation, recipients: bool = False) -> str | None:
    names = entry.recipients if recipients else entry.authors
    # A body's name is braced so that BibTeX does not split it into given and family names.
    rendered = ["{" + escaped(n.family) + "}" if n.body else escaped(n.inverted()) for n in names]
    return "{" + " and ".join(rendered) + "}" if rendered else None


def entry_text(entry: Citation) -> str:
    """Return one BibTeX entry."""
    fields: list[tuple[str, str | None]] = [("author", _names(entry)), ("title", "{" + braced(entry.title) + "}")]
    if entry.recipients:
        fields.append(("recipient", _names(entry, recipients=True)))
    month = None
    if entry.date is not None:
        point = single_point(entry.date)
        fields.append(("date", "{" + entry.date.edtf + "}"))  # biblatex reads EDTF, ~ and ? included
        fields.append(("year", str(point.year if point else entry.date.lower.year)))
        if point is not None and point.month is not None:
            month = _MONTHS[point.month - 1]
        if entry.date_display:
            fields.append(("datenote", entry.date_display))
    full = ", ".join(v for v in (entry.archive, entry.archive_location) if v)
    fields += [
        ("type", entry.genre),
        ("address", entry.place),
        ("howpublished", full or None),
        ("archive", entry.archive),
        ("archive_location", entry.archive_location),
        ("archive_place", entry.archive_place),
        ("medium", entry.medium),
        ("language", entry.language),
        ("note", entry.note),
    ]
    edition = entry.editions[0] if entry.editions else None
    if edition is not None:
        fields += [
            ("booktitle", edition.title),
            ("number", edition.number),
            ("pages", edition.pages),
            ("publisher", edition.publisher),
            ("location", edition.place),
        ]
    marks = [
        m for m, on in (("date supplied", entry.date_supplied), ("reference doubtful", entry.reference_doubtful)) if on
    ]
    if marks:
        fields.append(("annotation", "; ".join(marks)))
    kind = "letter" if entry.letter else "unpublished" if entry.archived else "misc"
    lines = [f"@{kind}{{{entry.key},"]
    for name, value in fields:
        if value is None:
            continue
        raw = name in ("author", "recipient", "title", "date")  # already escaped and braced
        lines.append(f"  {name} = {value if raw else braced(value)},")
        if name == "year" and month is not None:
            lines.append(f"  month = {month},")
    lines.append("}")
    return "\n".join(lines) + "\n\n"


def write(source: ExportSource, options: ExportOptions) -> Iterator[bytes]:
    """Write the documents as BibTeX."""
    for document in source.documents():
        yield entry_text(citation(document)).encode()
