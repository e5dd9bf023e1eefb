"""JSON-LD: documents as schema.org ArchiveComponents, persons, bodies and events, plus
Chronology's own terms for decisions, votes and relations (the context is `CONTEXT`, also
served at /contexts/chronology.jsonld, and inlined so that the file expands offline).

Dates: `dateCreated`/`startDate` carry an XSD date, year-month or year only where the source
gives one; every date also carries its EDTF and the source's words, which keep the doubt.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from chronology.exporters.common import repository_name, single_point, wikidata_uri
from chronology.interchange.records import (
    ExportArchivalReference,
    ExportDate,
    ExportDecision,
    ExportDocument,
    ExportEvent,
    ExportOptions,
    ExportPerson,
    ExportRelation,
    ExportSource,
    ExportVote,
    record_iri,
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
    "position": "chr:position",
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
    return node


def _compact(node: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in node.items() if value not in (None, [], "")}


def _reference(reference: ExportArchivalReference) -> dict[str, Any]:
    return _compact(
        {
            "@type": "ArchiveComponent",
            "holdingArchive": _compact(
                {
                    "@type": "ArchiveOrganization",
                    "name": repository_name(reference.repository),
                    "identifier": reference.repository,
                }
            ),
            "itemLocation": reference.normalised,
            "archivalReference": reference.verbatim,
            "note": reference.note,
        }
    )


def person(p: ExportPerson) -> dict[str, Any]:
    """Return a schema:Person."""
    names = [v.name for v in p.variants if v.name != p.canonical_name]
    return _compact(
        {
            "@id": record_iri("person", p.id),
            "@type": "Person",
            "name": p.canonical_name,
            "alternateName": names,
            "sameAs": wikidata_uri(p.wikidata_qid),
            "description": p.note,
        }
    )


def document(d: ExportDocument) -> dict[str, Any]:
    """Return a schema:ArchiveComponent."""

    def party_id(p: Any) -> str:
        return record_iri("person", p.person_id) if p.person_id is not None else record_iri("body", p.body_id)

    copies = [_reference(c.reference) for c in d.copies]
    node = {
        "@id": record_iri("document", d.id),
        "@type": "ArchiveComponent",
        "name": d.title,
        "genre": d.kind,
        "author": [party_id(p) for p in d.parties_in("author")],
        "recipient": [party_id(p) for p in d.parties_in("recipient")],
        "locationCreated": d.place,
        "description": d.summary,
        "text": d.full_text,
        "holdingArchive": copies[0]["holdingArchive"] if copies else None,
        "itemLocation": copies[0].get("itemLocation") if copies else None,
        "archivalReference": [c["archivalReference"] for c in copies],
    }
    return _dated(_compact(node), d.date, "dateCreated")


def decision(d: ExportDecision) -> dict[str, Any]:
    """Return a chr:Decision."""
    node = {
        "@id": record_iri("decision", d.id),
        "@type": "Decision",
        "name": d.title,
        "decidedBy": record_iri("body", d.body_id),
        "procedure": d.procedure,
        "outcome": d.outcome,
        "protocolNumber": d.protocol_number,
        "protocolItem": d.protocol_item,
        "description": d.summary,
        "archivalReference": d.reference.verbatim if d.reference else None,
    }
    return _dated(_compact(node), d.date, "startDate")


def vote(v: ExportVote) -> dict[str, Any]:
    """Return a chr:Vote."""
    return _compact(
        {
            "@id": record_iri("vote", v.id),
            "@type": "Vote",
            "decision": record_iri("decision", v.decision_id),
            "voter": record_iri("person", v.person_id),
            "position": v.position,
            "recordedIn": v.recorded_in,
            "sourceDocument": record_iri("document", v.source_document_id) if v.source_document_id else None,
            "note": v.note,
        }
    )


def event(e: ExportEvent) -> dict[str, Any]:
    """Return a schema:Event."""
    node = _compact(
        {
            "@id": record_iri("event", e.id),
            "@type": "Event",
            "name": e.title,
            "genre": e.type,
            "location": list(e.places),
            "description": e.description,
            "attendee": sorted({record_iri("person", p.person_id) for p in e.participants}),
        }
    )
    if e.date is not None and single_point(e.date) is None:  # a span: 19–24 August 1936
        node["startDate"] = {"@value": e.date.lower.isoformat(), "@type": "xsd:date"}
        node["endDate"] = {"@value": e.date.upper.isoformat(), "@type": "xsd:date"}
        return _dated(node, e.date, None)
    return _dated(node, e.date, "startDate")


def relation(r: ExportRelation) -> dict[str, Any]:
    """Return a chr:Relation with its provenance."""
    provenance = _compact(
        {
            "@id": record_iri("publication", r.provenance_publication_id) if r.provenance_publication_id else None,
            "locator": r.provenance_locator,
            "description": r.provenance_summary,
        }
    )
    return _compact(
        {
            "@id": record_iri("relation", r.id),
            "@type": "Relation",
            "relationType": r.type,
            "source": record_iri(r.source_kind, r.source_id),
            "target": record_iri(r.target_kind, r.target_id),
            "certainty": r.certainty,
            "provenance": provenance or None,
            "note": r.note,
        }
    )


def _nodes(source: ExportSource) -> Iterator[dict[str, Any]]:
    yield from (person(p) for p in source.persons())
    for b in source.bodies():
        yield _compact(
            {
                "@id": record_iri("body", b.id),
                "@type": "Organization",
                "name": b.name,
                "alternateName": [n for n in (b.short_name, *b.variants) if n],
                "parentOrganization": record_iri("body", b.parent_id) if b.parent_id else None,
                "description": b.description,
            }
        )
    yield from (document(d) for d in source.documents())
    yield from (decision(d) for d in source.decisions())
    yield from (vote(v) for v in source.votes())
    yield from (event(e) for e in source.events())
    yield from (relation(r) for r in source.relations())


def write(source: ExportSource, options: ExportOptions) -> Iterator[bytes]:
    """Write the records as one JSON-LD document with an inline context and a streamed @graph."""
    head = {"@context": CONTEXT, "@id": options.source_url, "name": options.title}
    opening = json.dumps(head, indent=1, ensure_ascii=False)[:-2]
    yield (opening + ',\n "@graph": [').encode()
    separator = "\n  "
    for node in _nodes(source):
        yield (separator + json.dumps(node, ensure_ascii=False, sort_keys=True)).encode()
        separator = ",\n  "
    yield b"\n ]\n}\n"
