"""TEI P5 with the Correspondence Metadata Interchange Format (CMIF) in its header.

The header's `profileDesc` has a `correspDesc` for each letter or telegram: who sent it
(`persName ref=` the Wikidata URI), where from, when (`when` at the date's own precision,
or `notBefore`/`notAfter` for seasons, ranges and sets; `cert="low"` when the date is
uncertain or approximate), and who received it. The `sourceDesc` has each document's
`msDesc` with its `msIdentifier` (repository, fond and opis as collections, delo and folios
as idnos); the body has each document's title and text.
"""

from __future__ import annotations

from collections.abc import Iterator

from chronology.archives.reference import INFERRED_MARK
from chronology.exporters.common import (
    CORRESPONDENCE_KINDS,
    kind_label,
    repository_place,
    single_point,
    wikidata_uri,
)
from chronology.exporters.xml import element, start
from chronology.interchange.records import (
    ExportCopy,
    ExportDate,
    ExportDocument,
    ExportOptions,
    ExportParty,
    ExportSource,
    ExportTransmission,
    record_iri,
)

TEI_NS = "http://www.tei-c.org/ns/1.0"
SOURCE_ID = "chronology"


def _date_attributes(date: ExportDate) -> dict[str, str | None]:
    point = single_point(date)
    cert = "low" if date.uncertain else None
    if point is not None:
        return {"when": point.format().rstrip("?~%"), "cert": cert}
    return {"notBefore": date.lower.isoformat(), "notAfter": date.upper.isoformat(), "cert": cert}


def _date(date: ExportDate) -> str:
    values = _date_attributes(date)
    return element("date", date.verbatim or date.edtf, **values)


def _received_date(received: ExportTransmission) -> str | None:
    if received.lower is None or received.upper is None:
        return None
    text = received.verbatim or received.edtf
    if received.lower == received.upper:
        return element("date", text, when=received.lower.isoformat())
    return element("date", text, notBefore=received.lower.isoformat(), notAfter=received.upper.isoformat())


def _name(party: ExportParty) -> str:
    if party.person_id is not None:
        return element("persName", party.name, ref=wikidata_uri(party.wikidata_qid))
    return element("orgName", party.name)


def _action(kind: str, parties: tuple[ExportParty, ...], place: str | None, date: str | None) -> list[str]:
    lines = [f'        <correspAction type="{kind}">']
    lines += [f"          {_name(p)}" for p in parties]
    if place:
        lines.append(f"          {element('placeName', place)}")
    if date:
        lines.append(f"          {date}")
    lines.append("        </correspAction>")
    return lines


def corresp_desc(document: ExportDocument) -> str:
    """Render the CMIF `correspDesc` of a letter or telegram."""
    lines = [f"      {start('correspDesc', ref=record_iri('document', document.id), source=f'#{SOURCE_ID}')}"]
    sent_date = _date(document.date) if document.date else None
    lines += _action("sent", document.parties_in("author"), document.place, sent_date)
    lines += _action("received", document.parties_in("recipient"), None, _received_date(document.received))
    lines.append("      </correspDesc>")
    return "\n".join(lines) + "\n"


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
    if reference.normalised.endswith(INFERRED_MARK):
        # Nothing was printed: the citation is the editors' inference, and says so.
        lines.append(f"              {element('idno', reference.normalised, type_='inferred')}")
        lines.append(f"              {element('note', 'inferred: no reference is printed for this document')}")
    else:
        lines.append(f"              {element('idno', reference.verbatim, type_='asPrinted')}")
    lines.append("            </altIdentifier>")
    lines.append("          </msIdentifier>")
    return lines


def ms_desc(document: ExportDocument) -> str:
    """Render the `msDesc` of each copy of a document."""
    lines: list[str] = []
    for copy in document.copies:
        xml_id = f"document-{document.id}-copy-{copy.position}"
        lines.append(f"        {start('msDesc', xml__id=xml_id, corresp=f'#document-{document.id}')}")
        lines += _ms_identifier(copy)
        forms = copy.form_verbatim or ", ".join(kind_label(f) for f in copy.forms)
        if forms:
            lines.append(f"          <physDesc>{element('p', forms)}</physDesc>")
        if copy.reference.doubtful and copy.reference.note:
            lines.append(
                f"          <additional><adminInfo>{element('note', copy.reference.note)}</adminInfo></additional>"
            )
        lines.append("        </msDesc>")
    return "".join(line + "\n" for line in lines)


def text_div(document: ExportDocument) -> str:
    """Render a document's title and text as a `div` of the body."""
    lines = [f"      {start('div', type_=document.kind, xml__id=f'document-{document.id}')}"]
    lines.append(f"        {element('head', document.title)}")
    if document.date:
        lines.append(f"        <dateline>{_date(document.date)}</dateline>")
    paragraphs = [p.strip() for p in (document.full_text or document.summary or "").split("\n\n") if p.strip()]
    lines += [f"        {element('p', p)}" for p in paragraphs] or ["        <p/>"]
    lines.append("      </div>")
    return "".join(line + "\n" for line in lines)


def write(source: ExportSource, options: ExportOptions) -> Iterator[bytes]:
    """Write the documents as TEI with CMIF correspondence metadata."""
    yield (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<TEI xmlns="{TEI_NS}">\n'
        "  <teiHeader>\n"
        "    <fileDesc>\n"
        f"      <titleStmt>{element('title', options.title)}</titleStmt>\n"
        "      <publicationStmt>\n"
        f"        {element('publisher', 'Chronology')}\n"
        f"        {element('idno', options.source_url, type_='url')}\n"
        "        <availability>"
        f"{element('licence', 'CC-BY 4.0', target='https://creativecommons.org/licenses/by/4.0/')}"
        "</availability>\n"
        "      </publicationStmt>\n"
        "      <sourceDesc>\n"
        f"        {element('bibl', options.title, type_='online', xml__id=SOURCE_ID)}\n"
    ).encode()
    for document in source.documents():
        if document.copies:
            yield ms_desc(document).encode()
    yield b"      </sourceDesc>\n    </fileDesc>\n    <profileDesc>\n"
    for document in source.documents():
        if document.kind in CORRESPONDENCE_KINDS:
            yield corresp_desc(document).encode()
    yield b"    </profileDesc>\n  </teiHeader>\n  <text>\n    <body>\n"
    empty = True
    for document in source.documents():
        empty = False
        yield text_div(document).encode()
    if empty:
        yield b"      <p/>\n"
    yield b"    </body>\n  </text>\n</TEI>\n"
