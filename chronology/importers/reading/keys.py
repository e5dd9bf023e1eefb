"""Natural keys shared by every edition parser, so one archival document gets one identity."""

from __future__ import annotations

import re

from chronology.importers.records import Document, Party, PartyRole

_INITIALS = re.compile(r"^(?:[A-ZА-Я]\.\s*)+")
_BRACKETS = re.compile(r"\[([^\]]*)\]")


def surname(name: str) -> str:
    """Return the surname of a printed name: `L. Kaganovich`, `Kaganovich, Lazar M.`."""
    text = name.strip()
    if "," in text:
        # Catalogue order ("Kaganovich, Lazar Moiseevich") puts the surname first.
        text = text.split(",", 1)[0]
    text = _BRACKETS.sub(r"\1", text)
    text = _INITIALS.sub("", text).strip(" .")
    words = text.split()
    return words[-1] if words else text


def first_author(parties: list[Party]) -> str:
    """Return a key-safe label for the first author: a surname, or the body's name."""
    for party in parties:
        if party.role is PartyRole.AUTHOR:
            if party.is_body:
                return re.sub(r"\W+", "-", party.name).strip("-").lower()
            return surname(party.name)
    return "anon"


def reference_label(doc: Document) -> str:
    """Return the first copy's normalised reference (a misprint's likely reading), or `noref`."""
    if not doc.copies:
        return "noref"
    reference = doc.copies[0].reference
    # A misprint corrected later must not change the document's identity.
    return (reference.likely or reference).normalised()


def document_key(doc: Document) -> str:
    """Return the natural key `date:first-author:first-copy` that both parsers use."""
    edtf = doc.date.edtf if doc.date is not None else "undated"
    return f"{edtf}:{first_author(doc.parties)}:{reference_label(doc)}"


def match_key(doc: Document) -> str:
    """Return the edition-independent identity of the archival document: first copy and date."""
    edtf = doc.date.edtf if doc.date is not None else "undated"
    return f"{reference_label(doc)}@{edtf}"
