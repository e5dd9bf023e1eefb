"""JSON-LD: documents as schema.org ArchiveComponents, persons, bodies and events, plus
Chronology's own terms for decisions, votes and relations (the context is `CONTEXT`, also
served at /contexts/chronology.jsonld, and inlined so that the file expands offline).

Every node's IRI is its record page under the public URL, with the API's global id as
`identifier`; all nodes sit in the default graph (a top-level `@graph` beside nothing but the
context), so a plain RDF graph loads every triple. Dates: `dateCreated`/`startDate` carry an XSD
date, year-month or year only where the source gives one; every date also carries its EDTF, the
source's words and whether the editors supplied it. Copies say whether their archival reference
is as printed, doubtful or inferred.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from chronology.exporters import readings
from chronology.exporters.common import authority_uris, repository_name, single_point
from chronology.interchange.links import Links, global_id
from chronology.interchange.options import ExportOptions
from chronology.interchange.records import (
    ExportArchivalReference,
    ExportDate,
    ExportDecision,
    ExportDocument,
    ExportEvent,
    ExportParty,
    ExportPerson,
    ExportRelation,
    ExportSource,
    ExportVote,
)

VOCABULARY = "urn:chronology:ns:"

CONTEXT: dict[str, Any] = {
    "@version": 1.1,
    "schema": "https://schema.org/",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "edtf": "http://id.loc.gov/datatypes/edtf/",
    "chr": VOCABULARY,
    "name": "schema:name",
    "alternateName": "schema:alternateName",
    "description": "schema:description",
    "text": "schema:text",
    "identifier": "schema:identifier",
    "sameAs": {"@id": "schema:sameAs", "@type": "@id"},
    "author": {"@id": "schema:author", "@type": "@id"},
    "recipient": {"@id": "schema:recipient", "@type": "@id"},
    "holdingArchive": "schema:holdingArchive",
    "itemLocation": "schema:itemLocation",
    "locationCreated": "schema:locationCreated",
    "genre": "schema:genre",
    "dateCreated": "schema:dateCreated",
    "startDate": "schema:startDate",
    "endDate": "schema:endDate",
    "location": "schema:location",
    "attendee": {"@id": "schema:attendee", "@type": "@id"},
    "parentOrganization": {"@id": "schema:parentOrganization", "@type": "@id"},
    "ArchiveComponent": "schema:ArchiveComponent",
    "ArchiveOrganization": "schema:ArchiveOrganization",
    "Person": "schema:Person",
    "Organization": "schema:Organization",
    "Event": "schema:Event",
    "Decision": "chr:Decision",
    "Vote": "chr:Vote",
    "Relation": "chr:Relation",
    "Dataset": "schema:Dataset",
    "Book": "schema:Book",
    "Chapter": "schema:Chapter",
    "isPartOf": "schema:isPartOf",
    "citation": "schema:citation",
    "position": "schema:position",
    "pagination": "schema:pagination",
    "editor": "schema:editor",
    "publisher": "schema:publisher",
    "datePublished": "schema:datePublished",
    "inLanguage": "schema:inLanguage",
    "version": "schema:version",
    "url": {"@id": "schema:url", "@type": "@id"},
    "archivalCopy": {"@id": "chr:archivalCopy", "@container": "@list"},
    "citedAs": "chr:citedAs",
    "referenceAsPrinted": "chr:referenceAsPrinted",
    "readingStatus": "chr:readingStatus",
    "readingNote": "chr:readingNote",
    "readingConfidence": {"@id": "chr:readingConfidence", "@type": "xsd:double"},
    "dateSupplied": "chr:dateSupplied",
    "dateNote": "chr:dateNote",
    "dateEdtf": {"@id": "chr:dateEdtf", "@type": "edtf:EDTF"},
    "dateAsPrinted": "chr:dateAsPrinted",
    "dateQualifier": {"@id": "chr:dateQualifier", "@container": "@set"},
    "decidedBy": {"@id": "chr:decidedBy", "@type": "@id"},
    "procedure": "chr:procedure",
    "outcome": "chr:outcome",
    "protocolNumber": "chr:protocolNumber",
    "protocolItem": "chr:protocolItem",
    "archivalReference": "chr:archivalReference",
    "decision": {"@id": "chr:decision", "@type": "@id"},
    "voter": {"@id": "chr:voter", "@type": "@id"},
    "votePosition": "chr:position",
    "recordedIn": "chr:recordedIn",
    "sourceDocument": {"@id": "chr:sourceDocument", "@type": "@id"},
    "relationType": "chr:relationType",
    "source": {"@id": "chr:source", "@type": "@id"},
    "target": {"@id": "chr:target", "@type": "@id"},
    "certainty": "chr:certainty",
    "provenance": "chr:provenance",
    "locator": "chr:locator",
    "note": "chr:note",
    "role": "chr:role",
}


def _typed_date(date: ExportDate) -> dict[str, str] | None:
    point = single_point(date)
    if point is None:
        return None
    value = point.format().rstrip("?~%")
    kind = {1: "xsd:gYear", 2: "xsd:gYearMonth", 3: "xsd:date"}[value.count("-") + 1]
    return {"@value": value, "@type": kind}


def _dated(node: dict[str, Any], date: ExportDate | None, term: str | None) -> dict[str, Any]:
    if date is None:
        return node
    typed = _typed_date(date) if term else None
    if term and typed:
        node[term] = typed
    node["dateEdtf"] = date.edtf
    if date.verbatim:
        node["dateAsPrinted"] = date.verbatim
    if date.qualifiers:
        node["dateQualifier"] = list(date.qualifiers)
    node["dateSupplied"] = readings.supplied(date)
    note = readings.date_note(date)
    if note:
        node["dateNote"] = note
    return node


def _compact(node: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in node.items() if value not in (None, [], "")}


def _holding(reference: ExportArchivalReference) -> dict[str, Any]:
    return _compact(
        {
            "@type": "ArchiveOrganization",
            "name": repository_name(reference.repository),
            "identifier": reference.repository,
        }
    )


def _reference(reference: ExportArchivalReference) -> dict[str, Any]:
    """Return one copy's archival reference, saying whether it is as printed, doubtful or inferred."""
    status = (
        "inferred" if readings.inferred(reference) else "doubtful" if readings.doubtful(reference) else "as printed"
    )
    return _compact(
        {
            "@type": "ArchiveComponent",
            "holdingArchive": _holding(reference),
            "citedAs": readings.marked_citation(reference),
            "referenceAsPrinted": reference.verbatim,
            "readingStatus": status,
            "readingConfidence": reference.confidence,
            "readingNote": readings.reading_note(reference),
        }
    )


def _edition(edition: Any, links: Links) -> dict[str, Any]:
    publication = edition.publication
    return _compact(
        {
            "@type": "Chapter",
            "position": edition.document_number,
            "pagination": edition.pages,
            "isPartOf": _compact(
                {
                    "@id": links.record("publication", publication.id),
                    "@type": "Book",
                    "name": publication.title,
                    "editor": publication.editors,
                    "publisher": publication.publisher,
                    "datePublished": str(publication.year) if publication.year else None,
                    "inLanguage": publication.language,
                }
            ),
        }
    )


def person(p: ExportPerson, links: Links) -> dict[str, Any]:
    """Return a schema:Person."""
    names = [v.name for v in p.variants if v.name != p.canonical_name]
    return _compact(
        {
            "@id": links.record("person", p.id, p.authority_key),
            "@type": "Person",
            "identifier": global_id("person", p.id),
            "name": p.canonical_name,
            "alternateName": names,
            "sameAs": authority_uris(p),
            "description": p.note,
        }
    )


def document(d: ExportDocument, links: Links, keys: dict[tuple[str, int], str | None]) -> dict[str, Any]:
    """Return a schema:ArchiveComponent."""

    def page(p: ExportParty) -> str:
        known = keys.get(("person", p.person_id) if p.person_id is not None else ("body", p.body_id or 0))
        return links.party(p.person_id, p.body_id, p.authority_key or known)

    copies = [_reference(c.reference) for c in d.copies]
    first = d.copies[0].reference if d.copies else None
    node = {
        "@id": links.record("document", d.id),
        "@type": "ArchiveComponent",
        "identifier": global_id("document", d.id),
        "name": d.title,
        "genre": d.kind,
        "author": [page(p) for p in d.parties_in("author")],
        "recipient": [page(p) for p in d.parties_in("recipient")],
        "locationCreated": d.place,
        "description": d.summary,
        "text": d.full_text,
        "holdingArchive": _holding(first) if first else None,
        "itemLocation": readings.marked_citation(first) if first else None,
        "archivalReference": [c.reference.verbatim for c in d.copies if c.reference.verbatim],
        "archivalCopy": copies,
        "citation": [_edition(e, links) for e in d.editions],
    }
    return _dated(_compact(node), d.date, "dateCreated")


def decision(d: ExportDecision, links: Links, body_keys: dict[int, str | None]) -> dict[str, Any]:
    """Return a chr:Decision."""
    node = {
        "@id": links.record("decision", d.id),
        "@type": "Decision",
        "identifier": global_id("decision", d.id),
        "name": d.title,
        "decidedBy": links.record("body", d.body_id, body_keys.get(d.body_id)),
        "procedure": d.procedure,
        "outcome": d.outcome,
        "protocolNumber": d.protocol_number,
        "protocolItem": d.protocol_item,
        "description": d.summary,
        "archivalReference": d.reference.verbatim if d.reference else None,
        "archivalCopy": [_reference(d.reference)] if d.reference else None,
    }
    return _dated(_compact(node), d.date, "startDate")


def vote(v: ExportVote, links: Links, keys: dict[int, str | None]) -> dict[str, Any]:
    """Return a chr:Vote."""
    return _compact(
        {
            "@id": links.record("vote", v.id),
            "@type": "Vote",
            "identifier": global_id("vote", v.id),
            "decision": links.record("decision", v.decision_id),
            "voter": links.record("person", v.person_id, keys.get(v.person_id)),
            "votePosition": v.position,
            "recordedIn": v.recorded_in,
            "sourceDocument": links.record("document", v.source_document_id) if v.source_document_id else None,
            "note": v.note,
        }
    )


def event(e: ExportEvent, links: Links, keys: dict[int, str | None]) -> dict[str, Any]:
    """Return a schema:Event."""
    node = _compact(
        {
            "@id": links.record("event", e.id),
            "@type": "Event",
            "identifier": global_id("event", e.id),
            "name": e.title,
            "genre": e.type,
            "location": list(e.places),
            "description": e.description,
            "attendee": sorted({links.record("person", p.person_id, keys.get(p.person_id)) for p in e.participants}),
        }
    )
    if e.date is not None and single_point(e.date) is None:  # a span: 19–24 August 1936
        node["startDate"] = {"@value": e.date.lower.isoformat(), "@type": "xsd:date"}
        node["endDate"] = {"@value": e.date.upper.isoformat(), "@type": "xsd:date"}
        return _dated(node, e.date, None)
    return _dated(node, e.date, "startDate")


def relation(r: ExportRelation, links: Links) -> dict[str, Any]:
    """Return a chr:Relation with its provenance."""
    provenance = _compact(
        {
            "@id": links.record("publication", r.provenance_publication_id) if r.provenance_publication_id else None,
            "locator": r.provenance_locator,
            "description": r.provenance_summary,
        }
    )
    return _compact(
        {
            "@id": links.record("relation", r.id),
            "@type": "Relation",
            "relationType": r.type,
            "source": links.record(r.source_kind, r.source_id),
            "target": links.record(r.target_kind, r.target_id),
            "certainty": r.certainty,
            "provenance": provenance or None,
            "note": r.note,
        }
    )


def _nodes(source: ExportSource, options: ExportOptions) -> Iterator[dict[str, Any]]:
    links = options.links
    yield _compact(
        {
            "@id": options.source_url,
            "@type": "Dataset",
            "name": options.title,
            "dateCreated": options.created,
            "version": options.version,
            "publisher": options.statement.publisher,
            "url": options.source_url,
        }
    )
    keys: dict[int, str | None] = {}
    for p in source.persons():
        keys[p.id] = p.authority_key
        yield person(p, links)
    bodies = list(source.bodies())  # a few dozen at most; parents and deciding bodies need their keys
    body_keys = {b.id: b.authority_key for b in bodies}
    for b in bodies:
        yield _compact(
            {
                "@id": links.record("body", b.id, b.authority_key),
                "@type": "Organization",
                "identifier": global_id("body", b.id),
                "name": b.name,
                "alternateName": [n for n in (b.short_name, *b.variants) if n],
                "parentOrganization": links.record("body", b.parent_id, body_keys.get(b.parent_id))
                if b.parent_id
                else None,
                "description": b.description,
            }
        )
    party_keys = {("person", i): k for i, k in keys.items()} | {("body", i): k for i, k in body_keys.items()}
    yield from (document(d, links, party_keys) for d in source.documents())
    yield from (decision(d, links, body_keys) for d in source.decisions())
    yield from (vote(v, links, keys) for v in source.votes())
    yield from (event(e, links, keys) for e in source.events())
    yield from (relation(r, links) for r in source.relations())


def write(source: ExportSource, options: ExportOptions) -> Iterator[bytes]:
    """Write the records as one JSON-LD document: an inline context and a streamed default @graph."""
    yield b'{\n "@context": ' + json.dumps(CONTEXT, indent=1, ensure_ascii=False).replace("\n", "\n ").encode()
    yield b',\n "@graph": ['
    separator = "\n  "
    for node in _nodes(source, options):
        yield (separator + json.dumps(node, ensure_ascii=False, sort_keys=True)).encode()
        separator = ",\n  "
    yield b"\n ]\n}\n"
