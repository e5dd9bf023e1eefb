"""A record page as JSON-LD (schema.org terms), for `Accept: application/ld+json` on the same address."""

from __future__ import annotations

from typing import Any

from chronology.web.records.addresses import address

CONTEXT = {
    "@vocab": "https://schema.org/",
    "edtf": "http://id.loc.gov/datatypes/edtf/",
    "chr": "urn:chronology:ns:",
}
TYPES = {
    "Document": "ArchiveComponent",
    "Decision": "chr:Decision",
    "Person": "Person",
    "Body": "Organization",
    "Event": "Event",
}


def _date(value: dict[str, Any] | None) -> dict[str, Any] | None:
    """Keep the date as the source gives it beside its EDTF reading and its bounds."""
    if value is None:
        return None
    return {
        "@type": "edtf:EDTF",
        "@value": value["edtf"],
        "chr:verbatim": value["verbatim"],
        "chr:earliest": value["earliest"],
        "chr:latest": value["latest"],
    }


def _refs(base: str, records: list[dict[str, Any]], type_name: str) -> list[dict[str, str]]:
    return [{"@id": address(base, record, type_name)} for record in records]


def linked_data(base: str, record: dict[str, Any]) -> dict[str, Any]:
    """Return the record as a JSON-LD object whose @id is its permanent address."""
    type_name = record["__typename"]
    out: dict[str, Any] = {"@context": CONTEXT, "@id": address(base, record), "@type": TYPES[type_name]}
    out["identifier"] = record["id"]
    out["name"] = record.get("title") or record.get("canonicalName") or record.get("name")
    if "date" in record:
        out["temporalCoverage"] = _date(record["date"])
    if type_name == "Document":
        out["genre"] = record["kind"]
        out["author"] = [
            {"@id": address(base, party["agent"]), "chr:nameAsPrinted": party["nameAsPrinted"]}
            for party in record["parties"]
            if party["role"] == "AUTHOR"
        ]
        out["recipient"] = [
            {"@id": address(base, party["agent"]), "chr:nameAsPrinted": party["nameAsPrinted"]}
            for party in record["parties"]
            if party["role"] == "RECIPIENT"
        ]
        out["chr:archivalReference"] = [copy["archivalReference"]["verbatim"] for copy in record["copies"]]
        out["chr:ledTo"] = _refs(base, record["decisions"], "Decision")
    elif type_name == "Decision":
        out["chr:body"] = {"@id": address(base, record["body"], "Body")}
        out["chr:procedure"] = record["procedure"]
        out["chr:votes"] = [
            {
                "chr:voter": {"@id": address(base, vote["person"], "Person")},
                "chr:position": vote["position"],
                "chr:nameAsPrinted": vote["nameAsPrinted"],
            }
            for vote in record["votes"]
        ]
        out["chr:proposedBy"] = _refs(base, record["proposedBy"], "Document")
        out["chr:formalisedAs"] = _refs(base, record["formalisedAs"], "Document")
    elif type_name == "Person":
        out["alternateName"] = [variant["name"] for variant in record["variants"]]
        if record["wikidataUri"]:
            out["sameAs"] = record["wikidataUri"]
        out["birthDate"] = _date(record["born"])
        out["deathDate"] = _date(record["died"])
        out["memberOf"] = [{"@id": address(base, m["body"], "Body")} for m in record["memberships"]]
    elif type_name == "Body":
        out["alternateName"] = record["variants"]
        out["member"] = [{"@id": address(base, m["person"], "Person")} for m in record["members"]]
    elif type_name == "Event":
        out["location"] = record["places"]
        out["attendee"] = [{"@id": address(base, p["person"], "Person")} for p in record["participants"]]
    return out
