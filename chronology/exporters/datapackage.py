"""Frictionless Data Package: datapackage.json and one CSV per record type, streamed as a ZIP.

The ZIP is written to a pipe that is drained after every chunk (zipfile writes data
descriptors when it cannot seek), so no member is ever held whole. The CLI can instead write
the members into a directory (`members`). Members carry a fixed timestamp so that the same
records always give the same files.
"""

from __future__ import annotations

import csv
import datetime
import io
import json
import uuid
import zipfile
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from chronology.interchange.options import ExportOptions
from chronology.interchange.package_tables import DESCRIPTOR, PACKAGE_FORMAT, PROVENANCE, TABLES, Table
from chronology.interchange.records import (
    ExportDate,
    ExportPublication,
    ExportSource,
    ExportTransmission,
)

_ROWS_PER_CHUNK = 200
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)

Row = tuple[Any, ...]


def _date(date: ExportDate | None) -> Row:
    if date is None:
        return (None,) * 6
    return (date.verbatim, date.edtf, date.lower, date.upper, date.precision, list(date.qualifiers))


def _sent(value: ExportTransmission) -> Row:
    return (value.verbatim, value.edtf, value.lower, value.upper, value.time)


def _records(source: ExportSource) -> Iterator[Row]:
    sections: tuple[tuple[str, Callable[[], Iterable[Any]]], ...] = (
        ("person", source.persons),
        ("body", source.bodies),
        ("document", source.documents),
        ("decision", source.decisions),
        ("vote", source.votes),
        ("event", source.events),
    )
    for kind, section in sections:
        for record in section():
            yield (record.id, kind)


def _persons(source: ExportSource) -> Iterator[Row]:
    for p in source.persons():
        yield (
            p.id,
            p.authority_key,
            p.canonical_name,
            p.sort_name,
            p.short_name,
            p.wikidata_qid,
            p.viaf_id,
            p.born_edtf,
            p.born_lower,
            p.born_upper,
            p.died_edtf,
            p.died_lower,
            p.died_upper,
            p.note,
            p.needs_review,
        )


def _name_variants(source: ExportSource) -> Iterator[Row]:
    for p in source.persons():
        for v in p.variants:
            yield (p.id, v.name, v.kind, v.note)


def _bodies(source: ExportSource) -> Iterator[Row]:
    for b in source.bodies():
        yield (b.id, b.authority_key, b.name, b.short_name, b.kind, list(b.variants), b.parent_id, b.description)


def _references(source: ExportSource) -> Iterator[Row]:
    for r in source.archival_references():
        yield (
            r.id,
            r.repository,
            r.repository_as_printed,
            r.fond,
            r.opis,
            r.delo,
            r.folios,
            r.verbatim,
            r.normalised,
            r.doubtful,
            r.note,
            r.confidence,
        )


def _publications(source: ExportSource) -> Iterator[Row]:
    for p in source.publications():
        yield (p.id, p.title, p.editors, p.publisher, p.place, p.year, p.language, p.url)


def _documents(source: ExportSource) -> Iterator[Row]:
    for d in source.documents():
        yield (
            d.id,
            d.natural_key,
            d.kind,
            d.title,
            d.place,
            d.classification,
            d.language,
            d.summary,
            d.full_text,
            *_date(d.date),
            *_sent(d.sent),
            *_sent(d.received),
            d.incoming_number,
            d.outgoing_number,
            d.secretary_number,
            d.protocol_number,
            d.protocol_item,
            d.needs_review,
        )


def _parties(source: ExportSource) -> Iterator[Row]:
    for d in source.documents():
        for p in d.parties:
            yield (d.id, p.role, p.position, p.person_id, p.body_id, p.name_as_printed)


def _copies(source: ExportSource) -> Iterator[Row]:
    for d in source.documents():
        for c in d.copies:
            yield (d.id, c.position, c.reference.id, list(c.forms), c.form_verbatim, c.note)


def _editions(source: ExportSource) -> Iterator[Row]:
    for d in source.documents():
        for e in d.editions:
            yield (d.id, e.publication.id, e.document_number, e.pages, e.translation_text)


def _annotations(source: ExportSource) -> Iterator[Row]:
    for d in source.documents():
        for position, a in enumerate(d.annotations, start=1):
            yield (d.id, position, a.kind, a.text, a.author_person_id, a.author_as_printed, a.locator)


def _decisions(source: ExportSource) -> Iterator[Row]:
    for d in source.decisions():
        yield (
            d.id,
            d.natural_key,
            d.body_id,
            d.procedure,
            d.protocol_number,
            d.protocol_item,
            d.title,
            d.summary,
            d.full_text,
            d.outcome,
            d.reference.id if d.reference else None,
            d.special_file,
            d.needs_review,
            *_date(d.date),
        )


def _tallies(source: ExportSource) -> Iterator[Row]:
    for d in source.decisions():
        t = d.tally
        if t is not None:
            yield (d.id, t.votes_for, t.votes_against, t.abstentions, t.unanimous, t.verbatim, t.note)


def _votes(source: ExportSource) -> Iterator[Row]:
    for v in source.votes():
        yield (
            v.id,
            v.decision_id,
            v.person_id,
            v.position,
            v.recorded_in,
            v.source_document_id,
            v.name_as_printed,
            v.note,
        )


def _events(source: ExportSource) -> Iterator[Row]:
    for e in source.events():
        yield (e.id, e.natural_key, e.type, e.title, list(e.places), e.description, *_date(e.date))


def _participants(source: ExportSource) -> Iterator[Row]:
    for e in source.events():
        for p in e.participants:
            yield (e.id, p.person_id, p.role)


def _relations(source: ExportSource) -> Iterator[Row]:
    for r in source.relations():
        yield (
            r.id,
            r.type,
            r.source_id,
            r.target_id,
            r.certainty,
            r.provenance_publication_id,
            r.provenance_locator,
            r.provenance_summary,
            r.note,
        )


ROWS: dict[str, Callable[[ExportSource], Iterator[Row]]] = {
    "records": _records,
    "persons": _persons,
    "name_variants": _name_variants,
    "bodies": _bodies,
    "archival_references": _references,
    "publications": _publications,
    "documents": _documents,
    "document_parties": _parties,
    "copies": _copies,
    "editions": _editions,
    "annotations": _annotations,
    "decisions": _decisions,
    "tallies": _tallies,
    "votes": _votes,
    "events": _events,
    "event_participants": _participants,
    "relations": _relations,
}


def cell(value: Any) -> str:
    """Return a value as Table Schema reads it from CSV (null is the empty string)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, list):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, float):
        return repr(value)
    return str(value)


def table_csv(table: Table, rows: Iterable[Row]) -> Iterator[bytes]:
    """Yield one table as CSV, a few hundred rows at a time."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(table.columns)
    for count, row in enumerate(rows, start=1):
        assert len(row) == len(table.columns), (table.name, row)
        writer.writerow([cell(v) for v in row])
        if count % _ROWS_PER_CHUNK == 0:
            yield buffer.getvalue().encode()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue().encode()


def package_id(options: ExportOptions) -> str:
    """Return the package's identifier: one URN per export URL, moment and schema revision."""
    name = f"{options.source_url} {options.created or ''} {options.schema_revision or ''}"
    return uuid.uuid5(uuid.NAMESPACE_URL, name).urn


def descriptor(options: ExportOptions, publications: Iterable[ExportPublication] = ()) -> dict[str, Any]:
    """Return datapackage.json: provenance, the resources, their field types and keys."""
    sources = [{"title": "Chronology", "path": options.source_url}]
    sources += [{"title": p.title, **({"path": p.url} if p.url else {})} for p in publications]
    value: dict[str, Any] = {
        "profile": "tabular-data-package",
        "name": "chronology-export",
        "id": package_id(options),
        "title": options.title,
        "homepage": options.links.base,
        "version": options.version,
        "created": options.created,
        "sources": sources,
        "licenses": [{"name": "CC-BY-4.0", "path": "https://creativecommons.org/licenses/by/4.0/"}],
        # Chronology's own: what chose the records, and the database schema they fit.
        PROVENANCE: {
            "filter": [list(pair) for pair in options.filters],
            "schemaRevision": options.schema_revision,
            "database": options.database,
            "format": PACKAGE_FORMAT,
        },
        "resources": [table.descriptor() for table in TABLES],
    }
    return {key: v for key, v in value.items() if v is not None}


def members(source: ExportSource, options: ExportOptions) -> Iterator[tuple[str, Iterator[bytes]]]:
    """Yield (file name, content chunks) for every file of the package, descriptor first."""
    text = json.dumps(descriptor(options, source.publications()), indent=2, ensure_ascii=False) + "\n"
    yield DESCRIPTOR, iter([text.encode()])
    for table in TABLES:
        yield table.path, table_csv(table, ROWS[table.name](source))


class _Pipe(io.RawIOBase):
    """A write-only, unseekable sink whose contents are taken away as they arrive."""

    def __init__(self) -> None:
        self._chunks: list[bytes] = []

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        self._chunks.append(bytes(data))
        return len(data)

    def drain(self) -> bytes:
        data = b"".join(self._chunks)
        self._chunks.clear()
        return data


def zip_members(files: Iterable[tuple[str, Iterator[bytes]]]) -> Iterator[bytes]:
    """Stream files into a ZIP archive, yielding its bytes as they are made."""
    pipe = _Pipe()
    with zipfile.ZipFile(pipe, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, chunks in files:
            info = zipfile.ZipInfo(name, date_time=_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3  # unix, whatever the host, so the bytes do not vary
            info.external_attr = 0o644 << 16
            with archive.open(info, "w", force_zip64=True) as member:
                for chunk in chunks:
                    member.write(chunk)
                    yield pipe.drain()
            yield pipe.drain()
    yield pipe.drain()


def write(source: ExportSource, options: ExportOptions) -> Iterator[bytes]:
    """Write the data package as a ZIP."""
    for chunk in zip_members(members(source, options)):
        if chunk:
            yield chunk
