"""RIS: documents as `PCOMM` (letters, telegrams) or `MANSCPT` records, as Zotero's RIS
translator maps them: `DB` is the archive, `AN` the location in it (with its marks), `A2` a
letter's recipient, `M3` its type, `DA` the date at its precision (`1936/08//` for a month),
`T2`/`M1`/`SP`/`PB` the printed edition; `N1` notes say what is inferred, doubtful or supplied.
"""

from __future__ import annotations

from collections.abc import Iterator

from chronology.exporters.citations import Citation, citation
from chronology.exporters.common import single_point
from chronology.interchange.options import ExportOptions
from chronology.interchange.records import ExportSource


def _line(tag: str, value: str | None) -> str:
    return f"{tag}  - {' '.join(value.split())}\n" if value else ""


def _date(entry: Citation) -> tuple[str | None, str | None]:
    if entry.date is None:
        return None, None
    point = single_point(entry.date)
    if point is None:
        return f"{entry.date.lower.year}///{entry.date_display or ''}", str(entry.date.lower.year)
    month = f"{point.month:02d}" if point.month else ""
    day = f"{point.day:02d}" if point.day else ""
    return f"{point.year}/{month}/{day}/", str(point.year)


def record(entry: Citation) -> str:
    """Return one RIS record."""
    da, py = _date(entry)
    text = _line("TY", "PCOMM" if entry.letter else "MANSCPT")
    text += _line("ID", entry.key)
    text += "".join(_line("AU", n.inverted()) for n in entry.authors)
    if entry.letter:
        text += "".join(_line("A2", n.inverted()) for n in entry.recipients)
    text += _line("TI", entry.title)
    text += _line("M3", entry.genre)
    text += _line("PY", py) + _line("DA", da)
    text += _line("CY", entry.place)
    text += _line("DB", entry.archive)
    text += _line("AN", entry.archive_location)
    text += _line("LA", entry.language)
    edition = entry.editions[0] if entry.editions else None
    if edition is not None:
        text += _line("T2", edition.title) + _line("M1", edition.number) + _line("SP", edition.pages)
        text += _line("PB", edition.publisher)
    notes = [n for n in (entry.date_display and f"Date: {entry.date_display}", entry.medium, entry.note) if n]
    text += "".join(_line("N1", n) for n in notes)
    return text + "ER  - \n\n"


def write(source: ExportSource, options: ExportOptions) -> Iterator[bytes]:
    """Write the documents as RIS."""
    for document in source.documents():
        yield record(citation(document)).encode()
