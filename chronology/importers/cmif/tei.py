"""Read a CMIF file (TEI `correspDesc`s in the header) into plain letters, every CMIF date form kept."""

from __future__ import annotations

from typing import Any

from lxml import etree  # type: ignore[import-untyped]

from chronology.importers.cmif.letters import Action, Edition, Letter, LetterDate, LetterFile, LetterFileError, Named

TEI = "{http://www.tei-c.org/ns/1.0}"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
_NS = {"t": TEI[1:-1]}


def _text(node: Any) -> str:
    return " ".join("".join(node.itertext()).split())


def _date(node: Any | None) -> LetterDate | None:
    if node is None:
        return None
    get = node.get
    return LetterDate(
        when=get("when"),
        not_before=get("notBefore"),
        not_after=get("notAfter"),
        start=get("from"),
        end=get("to"),
        cert=get("cert"),
        evidence=get("evidence"),
        text=_text(node) or None,
    )


def _action(node: Any | None) -> Action:
    if node is None:
        return Action()
    names = (f"{TEI}persName", f"{TEI}orgName")
    persons = tuple(Named(_text(p), p.get("ref"), p.get("evidence")) for p in node if p.tag in names)
    places = tuple(Named(_text(p), p.get("ref"), p.get("evidence")) for p in node.iterfind("t:placeName", _NS))
    return Action(persons, places, _date(node.find("t:date", _NS)))


def read_cmif(data: bytes, *, source_name: str = "letters.xml") -> LetterFile:
    """Return the letters of a CMIF file, or raise LetterFileError naming what is wrong."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as error:
        raise LetterFileError(f"{source_name}: not well-formed XML: {error}") from None
    if root.tag != f"{TEI}TEI":
        raise LetterFileError(f"{source_name}: not a TEI file (the root is {etree.QName(root).localname})")
    header = root.find("t:teiHeader/t:fileDesc", _NS)
    if header is None:
        raise LetterFileError(f"{source_name}: no teiHeader/fileDesc")
    editions = tuple(
        Edition(b.get(XML_ID) or "", _text(b), b.get("type")) for b in header.iterfind("t:sourceDesc/t:bibl", _NS)
    )
    by_id = {e.id: e for e in editions}
    letters = []
    for corresp in root.iterfind("t:teiHeader/t:profileDesc/t:correspDesc", _NS):
        sources = (corresp.get("source") or "").split()
        edition = None
        if sources:
            edition = by_id.get(sources[0].lstrip("#"))
            if edition is None:
                raise LetterFileError(f"{source_name}, line {corresp.sourceline}: source {sources[0]} names no bibl")
        actions = {a.get("type"): a for a in corresp.iterfind("t:correspAction", _NS)}
        unknown = set(actions) - {"sent", "received", "forwarded", "redirected", "transmitted"}
        if unknown:
            raise LetterFileError(
                f"{source_name}, line {corresp.sourceline}: correspAction type {sorted(unknown)[0]!r}"
            )
        letters.append(
            Letter(
                line=corresp.sourceline or 0,
                key=corresp.get("key"),
                edition=edition,
                sent=_action(actions.get("sent")),
                received=_action(actions.get("received")),
            )
        )
    editor = header.find("t:titleStmt/t:editor", _NS)
    email = editor.find("t:email", _NS) if editor is not None else None
    publisher = header.find("t:publicationStmt/t:publisher", _NS)
    url = header.find("t:publicationStmt/t:idno[@type='url']", _NS)
    title = header.find("t:titleStmt/t:title", _NS)
    editor_name = None
    if editor is not None:
        editor_name = " ".join((editor.text or "").split()) or None
    return LetterFile(
        title=_text(title) if title is not None else None,
        editor=editor_name,
        editor_email=_text(email) if email is not None else None,
        publisher=_text(publisher) if publisher is not None else None,
        url=_text(url) if url is not None else None,
        editions=editions,
        letters=tuple(letters),
    )
