"""TEI P5 as the Correspondence Metadata Interchange Format (CMIF), harvestable by correspSearch.

The header's `publicationStmt` says who publishes the file, under which licence, at which URL
(`idno type="url"`, the file's own address under the public URL) and when; the `sourceDesc`
lists the printed editions as `bibl`s, and each letter's `correspDesc` points at the editions it
is printed in (`@source`) and at its record page (`@ref`). Each `correspAction` names its persons
with their authority URIs (`persName/@ref`) where they have one, the place, and the date: `when`
at the date's own precision, or `notBefore`/`notAfter`; `cert` and `evidence="conjecture"` mark a
date the source doubts or the editors supplied. CMIF wants an empty `<text>`; the `full` flavour
adds the documents' texts and copies and the decisions, votes, events and links (`tei_full`).
"""

from __future__ import annotations

from collections.abc import Iterator

from chronology.exporters import tei_full
from chronology.exporters.common import CORRESPONDENCE_KINDS, authority_uris, single_point, wikidata_uri
from chronology.exporters.xml import element, start
from chronology.interchange.links import Links
from chronology.interchange.options import ExportOptions
from chronology.interchange.records import (
    ExportDate,
    ExportDocument,
    ExportParty,
    ExportPublication,
    ExportSource,
    ExportTransmission,
)

TEI_NS = "http://www.tei-c.org/ns/1.0"
SOURCE_ID = "chronology"  # the online edition: the letters no printed edition in the export holds


def date_attributes(date: ExportDate) -> dict[str, str | None]:
    """Return a date's CMIF attributes: when or bounds, with its certainty and evidence."""
    point = single_point(date)
    supplied = "supplied" in date.qualifiers
    cert = "low" if date.uncertain else "medium" if supplied else None
    evidence = "conjecture" if supplied else None
    if point is not None:
        return {"when": point.format().rstrip("?~%"), "cert": cert, "evidence": evidence}
    bounds = {"notBefore": date.lower.isoformat(), "notAfter": date.upper.isoformat()}
    return {**bounds, "cert": cert, "evidence": evidence}


def date_element(date: ExportDate) -> str:
    """Render a date with the source's words as its content."""
    return element("date", date.verbatim or date.edtf, **date_attributes(date))


def _received_date(received: ExportTransmission) -> str | None:
    if received.lower is None or received.upper is None:
        return None
    text = received.verbatim or received.edtf
    if received.lower == received.upper:
        return element("date", text, when=received.lower.isoformat())
    return element("date", text, notBefore=received.lower.isoformat(), notAfter=received.upper.isoformat())


Authorities = dict[int, str]  # a person's id → the URI of an authority file that names them


def _name(party: ExportParty, authorities: Authorities) -> str:
    if party.person_id is not None:
        ref = wikidata_uri(party.wikidata_qid) or authorities.get(party.person_id)
        return element("persName", party.name, ref=ref)
    return element("orgName", party.name)


def _action(
    kind: str, parties: tuple[ExportParty, ...], place: str | None, date: str | None, authorities: Authorities
) -> list[str]:
    lines = [f'        <correspAction type="{kind}">']
    lines += [f"          {_name(p, authorities)}" for p in parties]
    if place:
        lines.append(f"          {element('placeName', place)}")
    if date:
        lines.append(f"          {date}")
    lines.append("        </correspAction>")
    return lines


def bibl_id(publication_id: int) -> str:
    """Return the xml:id of a printed edition's `bibl`."""
    return f"publication-{publication_id}"


def corresp_desc(document: ExportDocument, links: Links, authorities: Authorities | None = None) -> str:
    """Render the CMIF `correspDesc` of a letter or telegram."""
    sources = " ".join(f"#{bibl_id(e.publication.id)}" for e in document.editions) or f"#{SOURCE_ID}"
    lines = [f"      {start('correspDesc', ref=links.record('document', document.id), source=sources)}"]
    sent_date = date_element(document.date) if document.date else None
    known = authorities or {}
    lines += _action("sent", document.parties_in("author"), document.place, sent_date, known)
    lines += _action("received", document.parties_in("recipient"), None, _received_date(document.received), known)
    lines.append("      </correspDesc>")
    return "\n".join(lines) + "\n"


def edition_bibl(publication: ExportPublication) -> str:
    """Render a printed edition as a CMIF `bibl`."""
    parts = []
    if publication.editors:
        parts.append(f"{element('editor', publication.editors)}, ")
    parts.append(element("title", publication.title, level="m"))
    imprint = ", ".join(str(v) for v in (publication.place, publication.publisher, publication.year) if v)
    if imprint:
        parts.append(f". {_escape(imprint)}")
    if publication.url:
        parts.append(f". {element('ref', publication.url, target=publication.url)}")
    kind = "hybrid" if publication.url else "print"
    return f"        {start('bibl', type_=kind, xml__id=bibl_id(publication.id))}{''.join(parts)}.</bibl>\n"


def _escape(text: str) -> str:
    return element("x", text)[3:-4]


def _header(options: ExportOptions) -> str:
    statement = options.statement
    editor = ""
    if statement.editor or statement.editor_email:
        email = element("email", statement.editor_email) if statement.editor_email else ""
        editor = f"<editor>{_escape(statement.editor or '')}{email}</editor>"
    date = f"\n        {element('date', None, when=options.created)}" if options.created else ""
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<TEI xmlns="{TEI_NS}">\n'
        "  <teiHeader>\n"
        "    <fileDesc>\n"
        f"      <titleStmt>{element('title', options.title)}{editor}</titleStmt>\n"
        "      <publicationStmt>\n"
        f"        {element('publisher', statement.publisher)}\n"
        f"        {element('idno', options.source_url, type_='url')}{date}\n"
        f"        <availability>{element('licence', statement.licence, target=statement.licence)}</availability>\n"
        "      </publicationStmt>\n"
        "      <sourceDesc>\n"
    )


def write(source: ExportSource, options: ExportOptions) -> Iterator[bytes]:
    """Write the letters as CMIF, or with `flavour="full"` the whole export as TEI."""
    full = options.flavour == "full"
    yield _header(options).encode()
    for publication in source.publications():
        yield edition_bibl(publication).encode()
    online = f"{element('title', options.title)}. {_escape(options.links.base)}"
    yield f"        {start('bibl', type_='online', xml__id=SOURCE_ID)}{online}</bibl>\n".encode()
    if full:
        yield from (tei_full.ms_desc(d).encode() for d in source.documents() if d.copies)
    yield b"      </sourceDesc>\n    </fileDesc>\n    <profileDesc>\n"
    # Persons named by an authority file other than Wikidata (VIAF) get its URI as their @ref.
    authorities = {p.id: uris[0] for p in source.persons() if (uris := authority_uris(p))}
    for document in source.documents():
        if document.kind in CORRESPONDENCE_KINDS:
            yield corresp_desc(document, options.links, authorities).encode()
    yield b"    </profileDesc>\n  </teiHeader>\n"
    if full:
        yield from tei_full.stand_off(source, options.links)
    yield b"  <text>\n    <body>\n"
    empty = True
    if full:
        for document in source.documents():
            empty = False
            yield tei_full.text_div(document).encode()
    if empty:
        yield b"      <p/>\n"
    yield b"    </body>\n  </text>\n</TEI>\n"
