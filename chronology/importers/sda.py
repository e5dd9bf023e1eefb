"""Parse a Stalin Digital Archive document page: the translation and its Document Details."""

from __future__ import annotations

import re

from chronology.archives.parsing import ReferenceParseError, parse_reference, parse_references
from chronology.importers.reading.copy_forms import read_form
from chronology.importers.reading.keys import document_key, surname
from chronology.importers.reading.letters import find_signature, safe_date
from chronology.importers.records import (
    Annotation,
    Copy,
    Document,
    Edition,
    ParsedSource,
    Party,
    PartyRole,
    ReviewItem,
    Unparsed,
)

FORMAT = "sda"
_DETAILS = "Document Details"
_FIELD = re.compile(
    r"^(?P<label>Document Title|Author|Recipient|Repository|ID #|Description|Date|"
    r"AOC Volume|Volume)"
    r"\s*(?P<value>.*)$"
)
_DOCUMENT_NUMBER = re.compile(r"^Document (?P<number>\d+)\s*$")
_PAGE = re.compile(r"^Page (?P<page>\d+)\s*$")
_END_OF_TRANSLATION = re.compile(r"^(?:Transcription|Document Details)\s*$")
_REFERENCE_LINE = re.compile(r"^F\.\s*\d+,\s*op\.")
# The editors' descriptions of the paper, set between paragraphs of the translation.
_EDITORIAL = re.compile(
    r"\b(?:has|have) been (?:checked off|stricken|crossed out|pasted|underlined|deleted|added)\b|"
    r"\boriginally read\b|\bThe draft of the \w+ also contained\b|\bcontains \w+'s corrections\b|"
    r"\b(?:left|right|upper|lower) margin\b"
)
_ADDRESS = re.compile(r"^(?:\[(?P<how>[^\]]+)\]\s*)?(?:[A-Z][a-z]+\.\s+)?(?P<to>(?:To [^.]+\.\s*)+)")


def parse(text: str, *, source_name: str) -> ParsedSource:
    """Parse one SDA document page into one document with its Yale edition."""
    result = ParsedSource(format=FORMAT)
    lines = [line.rstrip() for line in text.splitlines()]
    details = _details(lines)
    start = next((i for i, t in enumerate(lines) if _DOCUMENT_NUMBER.match(t.strip())), None)
    if start is None or not details:
        result.unparsed.append(Unparsed(1, lines[0][:200] if lines else "", f"{source_name}: no document on the page"))
        return result
    number = _DOCUMENT_NUMBER.match(lines[start].strip())
    end = next(
        (i for i in range(start, len(lines)) if _END_OF_TRANSLATION.match(lines[i].strip())),
        len(lines),
    )
    block = [(i + 1, lines[i].strip()) for i in range(start + 1, end) if lines[i].strip()]
    pages: list[str] = []
    annotations: list[Annotation] = []
    text_lines: list[tuple[int, str]] = []
    reference_tail = ""
    for line, content in block:
        if m := _PAGE.match(content):
            pages.append(m["page"])
        elif _REFERENCE_LINE.match(content) and not reference_tail:
            reference_tail = _tail(content)
        elif _EDITORIAL.search(content):
            annotations.append(Annotation("editorial_note", content, line=line))
        else:
            text_lines.append((line, content))
    # The title and the day-and-month line open the block; the translation follows them.
    body_lines = text_lines[2:] if len(text_lines) > 2 else text_lines
    body = "\n".join(t for _, t in body_lines)
    authors = [a.strip() for a in details.get("Author", "").split(";") if a.strip()]
    recipients = [r.strip() for r in details.get("Recipient", "").split(";") if r.strip()]
    parties = [Party(n, PartyRole.AUTHOR, i, False) for i, n in enumerate(authors, 1)]
    parties += [Party(n, PartyRole.RECIPIENT, i, False) for i, n in enumerate(recipients, 1)]
    kind = "letter"
    if body_lines and (m := _ADDRESS.match(body_lines[0][1])):
        kind = "cipher_telegram" if m["how"] and "cipher" in m["how"].lower() else kind
        names = re.findall(r"To (?:Comrade )?([A-Z][\w-]+)", m["to"])
        known = " ".join(recipients + authors)
        intermediaries = [n for n in names if n not in known]
        parties += [Party(n, PartyRole.INTERMEDIARY, i) for i, n in enumerate(intermediaries, 1)]
    copies = _copies(details, reference_tail, start + 1, result.review)
    signature = find_signature([t for _, t in body_lines], [surname(a) for a in authors])
    page_span = "–".join(dict.fromkeys([pages[0], pages[-1]])) if pages else None
    volume = details.get("AOC Volume") or details.get("Volume") or ""
    doc = Document(
        key="",
        kind=kind,
        title=details.get("Document Title", ""),
        date=safe_date(details.get("Date", "")),
        line=start + 1,
        parties=parties,
        copies=copies,
        body=body,
        signatures=signature[1] if signature else [],
        annotations=annotations,
        edition=Edition(
            title=volume,
            document_number=number["number"] if number else None,
            pages=page_span,
            language="en",
            text=body,
        ),
    )
    if doc.date is None:
        result.review.append(ReviewItem(start + 1, "document date cannot be read", details.get("Date", "")))
    doc.key = document_key(doc)
    result.documents.append(doc)
    return result


def _details(lines: list[str]) -> dict[str, str]:
    """Read the label-value pairs of the Document Details block, whose labels run into values."""
    try:
        start = next(i for i, t in enumerate(lines) if t.strip() == _DETAILS)
    except StopIteration:
        return {}
    found: dict[str, str] = {}
    for text in lines[start + 1 : start + 20]:
        m = _FIELD.match(text.strip())
        if m and m["label"] not in found:
            found[m["label"]] = m["value"].strip()
    return found


def _tail(reference_line: str) -> str:
    try:
        pairs = parse_references(reference_line, default_repository="RGASPI")
    except ReferenceParseError:
        return ""
    return pairs[0][1] if pairs else ""


def _copies(details: dict[str, str], tail: str, line: int, review: list[ReviewItem]) -> list[Copy]:
    identifier = details.get("ID #", "")
    repository = details.get("Repository") or None
    try:
        reference = parse_reference(identifier, default_repository=repository)
    except ReferenceParseError as error:
        review.append(ReviewItem(line, f"archival reference cannot be read: {error}", identifier))
        return []
    form, note = read_form(tail)
    return [Copy(reference, form, note)]
