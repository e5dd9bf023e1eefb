"""GEXF 1.3: the network of persons, bodies, documents and decisions, for Gephi.

Edges run from an author to the document (`authored`), from the document to a recipient
(`received`), and from a voter to the decision (`voted`, weighted by nothing, labelled with
the position). Node ids are the stable record identifiers, so two exports can be compared.
"""

from __future__ import annotations

from collections.abc import Iterator

from chronology.exporters.xml import element, start
from chronology.interchange.records import ExportOptions, ExportSource, record_iri

GEXF_NS = "http://gexf.net/1.3"

_NODE_ATTRIBUTES = (("0", "type"), ("1", "kind"), ("2", "date"), ("3", "wikidata"))
_EDGE_ATTRIBUTES = (("0", "relation"), ("1", "position"))


def _attributes(values: tuple[tuple[str, str | None], ...]) -> str:
    present = [(key, value) for key, value in values if value is not None]
    if not present:
        return ""
    inner = "".join(element("attvalue", None, for_=key, value=value) for key, value in present)
    return f"<attvalues>{inner}</attvalues>"


def _node(node_id: str, label: str, kind: str, subtype: str | None, date: str | None, qid: str | None) -> str:
    values = (("0", kind), ("1", subtype), ("2", date), ("3", qid))
    return f"      {start('node', id=node_id, label=label)}{_attributes(values)}</node>\n"


def _edge(source: str, target: str, relation: str, position: str | None = None) -> str:
    edge_id = f"{relation}:{source}->{target}"
    values = (("0", relation), ("1", position))
    return (
        f"      {start('edge', id=edge_id, source=source, target=target, label=relation)}{_attributes(values)}</edge>\n"
    )


def _declarations(kind: str, attributes: tuple[tuple[str, str], ...]) -> str:
    inner = "".join(
        f"\n      {element('attribute', None, id=key, title=title, type_='string')}" for key, title in attributes
    )
    return f'    <attributes class="{kind}">{inner}\n    </attributes>\n'


def _party_id(person_id: int | None, body_id: int | None) -> str:
    return record_iri("person", person_id) if person_id is not None else record_iri("body", body_id or 0)


def write(source: ExportSource, options: ExportOptions) -> Iterator[bytes]:
    """Write the network as GEXF."""
    yield (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<gexf xmlns="{GEXF_NS}" version="1.3">\n'
        f"  <meta>{element('creator', 'Chronology')}{element('description', options.title)}</meta>\n"
        '  <graph defaultedgetype="directed" mode="static">\n'
        + _declarations("node", _NODE_ATTRIBUTES)
        + _declarations("edge", _EDGE_ATTRIBUTES)
        + "    <nodes>\n"
    ).encode()
    for p in source.persons():
        yield _node(record_iri("person", p.id), p.canonical_name, "person", None, None, p.wikidata_qid).encode()
    for b in source.bodies():
        yield _node(record_iri("body", b.id), b.name, "body", b.kind, None, None).encode()
    for d in source.documents():
        date = d.date.edtf if d.date else None
        yield _node(record_iri("document", d.id), d.title, "document", d.kind, date, None).encode()
    for c in source.decisions():
        date = c.date.edtf if c.date else None
        yield _node(record_iri("decision", c.id), c.title, "decision", c.procedure, date, None).encode()
    yield b"    </nodes>\n    <edges>\n"
    for d in source.documents():
        document_id = record_iri("document", d.id)
        chunk = ""
        for party in d.parties:
            party_id = _party_id(party.person_id, party.body_id)
            if party.role == "author":
                chunk += _edge(party_id, document_id, "authored")
            elif party.role == "recipient":
                chunk += _edge(document_id, party_id, "received")
            else:
                chunk += _edge(document_id, party_id, "transmitted")
        if chunk:
            yield chunk.encode()
    for v in source.votes():
        yield _edge(
            record_iri("person", v.person_id), record_iri("decision", v.decision_id), "voted", v.position
        ).encode()
    yield b"    </edges>\n  </graph>\n</gexf>\n"
