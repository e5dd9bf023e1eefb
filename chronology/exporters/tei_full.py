"""The `full` TEI flavour: each document's copies and text, and the decisions, votes, events and links.

Copies are `msDesc`s in the `sourceDesc` (repository, fond and opis as collections, delo and
folios as idnos, the reference as printed beside them, and `@cert` with a note where the
reading is doubtful or inferred); decisions and events go into a `standOff` `listEvent`, votes
and typed links into a `listRelation` (record pages as pointers, certainty as `@cert`).
"""

from __future__ import annotations

from collections.abc import Iterator

from chronology.exporters import readings
from chronology.exporters.common import display_date, kind_label, repository_place, single_point
from chronology.exporters.xml import element, start
from chronology.interchange.links import Links
from chronology.interchange.records import ExportCopy, ExportDate, ExportDocument, ExportSource

# A link's certainty as TEI says it.
_CERT = {"certain": "high", "probable": "medium", "possible": "low", "doubtful": "low"}


def _ms_identifier(copy: ExportCopy) -> list[str]:
    reference = copy.reference
    lines = ["          <msIdentifier>"]
    place = repository_place(reference.repository)
    if place:
        lines.append(f"            {element('settlement', place)}")
    if reference.repository:
        lines.append(f"            {element('repository', reference.repository)}")
    lines.append(f"            {element('collection', reference.fond, type_='fond')}")
    if reference.opis:
        lines.append(f"            {element('collection', reference.opis, type_='opis')}")
    if reference.delo:
        lines.append(f"            {element('idno', reference.delo, type_='delo')}")
    if reference.folios:
        lines.append(f"            {element('idno', reference.folios, type_='folios')}")
    lines.append("            <altIdentifier>")
    if reference.verbatim:
        lines.append(f"              {element('idno', reference.verbatim, type_='asPrinted')}")
    lines.append(f"              {element('idno', readings.marked_citation(reference), type_='citation')}")
    lines.append("            </altIdentifier>")
    lines.append("          </msIdentifier>")
    return lines


def ms_desc(document: ExportDocument) -> str:
    """Render the `msDesc` of each copy of a document, marking an inferred or doubtful reference."""
    lines: list[str] = []
    for copy in document.copies:
        reference = copy.reference
        xml_id = f"document-{document.id}-copy-{copy.position}"
        doubtful = readings.doubtful(reference)
        cert = readings.certainty(reference) if doubtful else None
        evidence = "conjecture" if readings.inferred(reference) else None
        attributes = {"xml__id": xml_id, "corresp": f"#document-{document.id}", "cert": cert, "evidence": evidence}
        lines.append(f"        {start('msDesc', **attributes)}")
        lines += _ms_identifier(copy)
        forms = copy.form_verbatim or ", ".join(kind_label(f) for f in copy.forms)
        if forms:
            lines.append(f"          <physDesc>{element('p', forms)}</physDesc>")
        note = readings.reading_note(reference)
        if note:
            lines.append(f"          <additional><adminInfo>{element('note', note)}</adminInfo></additional>")
        lines.append("        </msDesc>")
    return "".join(line + "\n" for line in lines)


def _date(date: ExportDate) -> str:
    point = single_point(date)
    supplied = readings.supplied(date)
    marks = {"cert": "low" if date.uncertain else "medium" if supplied else None}
    marks["evidence"] = "conjecture" if supplied else None
    if point is not None:
        return element("date", date.verbatim or date.edtf, when=point.format().rstrip("?~%"), **marks)
    bounds = {"notBefore": date.lower.isoformat(), "notAfter": date.upper.isoformat()}
    return element("date", date.verbatim or date.edtf, **bounds, **marks)


def text_div(document: ExportDocument) -> str:
    """Render a document's title and text as a `div` of the body."""
    lines = [f"      {start('div', type_=document.kind, xml__id=f'document-{document.id}')}"]
    lines.append(f"        {element('head', document.title, type_='supplied')}")
    if document.date:
        lines.append(f"        <dateline>{_date(document.date)}</dateline>")
    paragraphs = [p.strip() for p in (document.full_text or document.summary or "").split("\n\n") if p.strip()]
    lines += [f"        {element('p', p)}" for p in paragraphs] or ["        <p/>"]
    lines.append("      </div>")
    return "".join(line + "\n" for line in lines)


def _when(date: ExportDate | None) -> dict[str, str | None]:
    if date is None:
        return {}
    return {"notBefore": date.lower.isoformat(), "notAfter": date.upper.isoformat()}


def stand_off(source: ExportSource, links: Links) -> Iterator[bytes]:
    """Yield a `standOff` with the decisions and events as `listEvent` and the votes and links as `listRelation`."""
    yield b"  <standOff>\n    <listEvent>\n"
    for decision in source.decisions():
        attributes = {"type": "decision", "subtype": decision.procedure, **_when(decision.date)}
        head = element("label", decision.title)
        desc = element("desc", f"{decision.body_name}; outcome: {kind_label(decision.outcome).lower()}")
        shown = element("note", display_date(decision.date), type_="date") if decision.date else ""
        target = links.record("decision", decision.id)
        yield f"      {start('event', **attributes, source=target)}{head}{desc}{shown}</event>\n".encode()
    for event in source.events():
        attributes = {"type": event.type, **_when(event.date)}
        head = element("label", event.title)
        desc = element("desc", event.description) if event.description else ""
        target = links.record("event", event.id)
        yield f"      {start('event', **attributes, source=target)}{head}{desc}</event>\n".encode()
    yield b"    </listEvent>\n    <listRelation>\n"
    keys = {p.id: p.authority_key for p in source.persons()}
    for vote in source.votes():
        voter = links.record("person", vote.person_id, keys.get(vote.person_id))
        decision_page = links.record("decision", vote.decision_id)
        attributes = {"type": "vote", "name": vote.position, "active": voter, "passive": decision_page}
        yield f"      {element('relation', None, **attributes)}\n".encode()
    for relation in source.relations():
        attributes = {
            "type": "link",
            "name": relation.type,
            "active": links.record(relation.source_kind, relation.source_id),
            "passive": links.record(relation.target_kind, relation.target_id),
            "cert": _CERT.get(relation.certainty),
        }
        note = element("desc", relation.provenance_locator) if relation.provenance_locator else None
        if note:
            yield f"      {start('relation', **attributes)}{note}</relation>\n".encode()
        else:
            yield f"      {element('relation', None, **attributes)}\n".encode()
    yield b"    </listRelation>\n  </standOff>\n"
