"""GEXF 1.3: the dynamic network of persons, bodies, documents, decisions and events, for Gephi.

Edges run from an author to the document (`authored`), from the document to a recipient
(`received`), from a voter to the decision (`voted`, labelled with the position), and along
every typed relation between records (`proposes`, `decided_by`, `replies_to`, `formalised_as`…,
with its certainty). Dated nodes carry GEXF `start`/`end` (the first and last day the date may
mean), and an edge between dated records spans both, so Gephi's timeline shows a telegram, the
decision it proposed and the link between them as they happen. Node ids are the record pages.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator

from chronology.exporters.common import authority_uris
from chronology.exporters.readings import supplied
from chronology.exporters.xml import element, start
from chronology.interchange.links import Links
from chronology.interchange.options import ExportOptions
from chronology.interchange.records import ExportDate, ExportSource

GEXF_NS = "http://gexf.net/1.3"

_NODE_ATTRIBUTES = (
    ("0", "type"),
    ("1", "kind"),
    ("2", "date"),
    ("3", "wikidata"),
    ("4", "authority"),
    ("5", "supplied"),
)
_EDGE_ATTRIBUTES = (("0", "relation"), ("1", "position"), ("2", "certainty"), ("3", "source_note"))

Span = tuple[datetime.date, datetime.date]
Values = tuple[tuple[str, str | None], ...]


def _attributes(values: tuple[tuple[str, str | None], ...]) -> str:
    present = [(key, value) for key, value in values if value is not None]
    if not present:
        return ""
    inner = "".join(element("attvalue", None, for_=key, value=value) for key, value in present)
    return f"<attvalues>{inner}</attvalues>"


def _span(date: ExportDate | None) -> Span | None:
    return (date.lower, date.upper) if date is not None else None


def _node(node_id: str, label: str, values: tuple[tuple[str, str | None], ...], span: Span | None = None) -> str:
    when = {"start": span[0].isoformat(), "end": span[1].isoformat()} if span else {}
    return f"      {start('node', id=node_id, label=label, **when)}{_attributes(values)}</node>\n"


def _edge(
    source: str,
    target: str,
    relation: str,
    values: tuple[tuple[str, str | None], ...] = (),
    span: Span | None = None,
    edge_id: str | None = None,
) -> str:
    when = {"start": span[0].isoformat(), "end": span[1].isoformat()} if span else {}
    attributes = _attributes((("0", relation), *values))
    tag = start(
        "edge", id=edge_id or f"{relation}:{source}->{target}", source=source, target=target, label=relation, **when
    )
    return f"      {tag}{attributes}</edge>\n"


def _declarations(kind: str, attributes: tuple[tuple[str, str], ...]) -> str:
    inner = "".join(
        f"\n      {element('attribute', None, id=key, title=title, type_='string')}" for key, title in attributes
    )
    return f'    <attributes class="{kind}">{inner}\n    </attributes>\n'


def _joined(first: Span | None, second: Span | None) -> Span | None:
    """Return the span covering both records, or the one that is dated."""
    if first is None or second is None:
        return first or second
    return min(first[0], second[0]), max(first[1], second[1])


def write(source: ExportSource, options: ExportOptions) -> Iterator[bytes]:
    """Write the network as dynamic GEXF."""
    links: Links = options.links
    yield (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<gexf xmlns="{GEXF_NS}" version="1.3">\n'
        f"  <meta>{element('creator', 'Chronology')}{element('description', options.title)}</meta>\n"
        '  <graph defaultedgetype="directed" mode="dynamic" timeformat="date">\n'
        + _declarations("node", _NODE_ATTRIBUTES)
        + _declarations("edge", _EDGE_ATTRIBUTES)
        + "    <nodes>\n"
    ).encode()
    person_keys: dict[int, str | None] = {}
    for p in source.persons():
        person_keys[p.id] = p.authority_key
        uris = authority_uris(p)
        values: Values = (("0", "person"), ("3", p.wikidata_qid), ("4", " ".join(uris) or None))
        yield _node(links.record("person", p.id, p.authority_key), p.canonical_name, values).encode()
    body_keys: dict[int, str | None] = {}
    for b in source.bodies():
        body_keys[b.id] = b.authority_key
        yield _node(links.record("body", b.id, b.authority_key), b.name, (("0", "body"), ("1", b.kind))).encode()
    # The days each dated record may fall on, for the edges between them (ids and two dates each).
    spans: dict[tuple[str, int], Span | None] = {}
    for d in source.documents():
        spans["document", d.id] = _span(d.date)
        values = (("0", "document"), ("1", d.kind), ("2", d.date.edtf if d.date else None), ("5", _flag(d.date)))
        yield _node(links.record("document", d.id), d.title, values, _span(d.date)).encode()
    for c in source.decisions():
        spans["decision", c.id] = _span(c.date)
        values = (("0", "decision"), ("1", c.procedure), ("2", c.date.edtf if c.date else None), ("5", _flag(c.date)))
        yield _node(links.record("decision", c.id), c.title, values, _span(c.date)).encode()
    for e in source.events():
        spans["event", e.id] = _span(e.date)
        values = (("0", "event"), ("1", e.type), ("2", e.date.edtf if e.date else None), ("5", _flag(e.date)))
        yield _node(links.record("event", e.id), e.title, values, _span(e.date)).encode()
    yield b"    </nodes>\n    <edges>\n"
    for d in source.documents():
        document_id = links.record("document", d.id)
        chunk = ""
        for party in d.parties:
            known = person_keys.get(party.person_id or 0) if party.person_id else body_keys.get(party.body_id or 0)
            party_id = links.party(party.person_id, party.body_id, party.authority_key or known)
            if party.role == "author":
                chunk += _edge(party_id, document_id, "authored", span=_span(d.date))
            elif party.role == "recipient":
                chunk += _edge(document_id, party_id, "received", span=_span(d.date))
            else:
                chunk += _edge(document_id, party_id, "transmitted", span=_span(d.date))
        if chunk:
            yield chunk.encode()
    for v in source.votes():
        voter = links.record("person", v.person_id, person_keys.get(v.person_id))
        decision = links.record("decision", v.decision_id)
        yield _edge(voter, decision, "voted", (("1", v.position),), spans.get(("decision", v.decision_id))).encode()
    for r in source.relations():
        if (r.source_kind, r.source_id) not in spans or (r.target_kind, r.target_id) not in spans:
            continue  # a link to a record outside the export would be an edge to nowhere
        span = _joined(spans[r.source_kind, r.source_id], spans[r.target_kind, r.target_id])
        values = (("2", r.certainty), ("3", r.provenance_locator))
        yield _edge(
            links.record(r.source_kind, r.source_id),
            links.record(r.target_kind, r.target_id),
            r.type,
            values,
            span,
            edge_id=f"relation-{r.id}",
        ).encode()
    yield b"    </edges>\n  </graph>\n</gexf>\n"


def _flag(date: ExportDate | None) -> str | None:
    return "true" if supplied(date) else None
