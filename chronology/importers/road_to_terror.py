"""Parse the OCR text of *The Road to Terror* (Getty and Naumov, 1999) into plain records."""

from __future__ import annotations

import re
from dataclasses import replace

from chronology.archives import ArchivalReference, find_references
from chronology.dates import DateParseError, FuzzyDate, parse_date
from chronology.importers.records import (
    Copy,
    Document,
    Edition,
    Footnote,
    ParsedSource,
    Party,
    PartyRole,
    ReviewItem,
    Unparsed,
)
from chronology.importers.rtt_decisions import add_decisions
from chronology.importers.rtt_kinds import (
    classify,
    deciding_body,
    fix_months,
    protocol_item,
    protocol_number,
    split_title,
    title_parties,
)
from chronology.importers.rtt_pages import Note, join_hyphenated
from chronology.importers.rtt_segments import (
    Layout,
    Segment,
    body_lines,
    body_text,
    header_text,
    read_layout,
    signatures,
)

FORMAT = "road-to-terror"
EDITION_TITLE = "The Road to Terror: Stalin and the Self-Destruction of the Bolsheviks, 1932–1939"
EDITORS = "J. Arch Getty and Oleg V. Naumov"
YEAR = 1999

_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_DATE_IN_TEXT = re.compile(
    rf"(?:\[?(?:c\.\s*)?\d{{1,2}}(?:\s*\[\?\])?(?:\s*-\s*\d{{1,2}})?\s+)?(?:{_MONTHS})"
    r"(?:\s+to\s+\d{1,2}\s+(?:" + _MONTHS + r"))?\s+19[1-5]\d\]?"
)
_PROTOCOL_DATE = re.compile(
    rf"Protocol[^\n]{{0,120}}?\bof\s+((?:\d{{1,2}}(?:-\d{{1,2}})?\s+)?(?:{_MONTHS})\s+19[1-5]\d)"
)
# Notes are looked for this many lines around a title: the page the title stands on.
_NOTE_BEFORE = 60
_NOTE_AFTER = 160
_RESTART = 10


def parse(text: str, *, source_name: str) -> ParsedSource:
    """Read every numbered document of the edition, with its note, reference and votes."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    layout = read_layout(lines)
    parsed = ParsedSource(format=FORMAT)
    _review_layout(layout, parsed)
    previous_note: int | None = None
    used: set[int] = set()
    for segment in layout.segments:
        document, previous_note = _document(segment, layout.notes, previous_note, used, parsed)
        if document is None:
            continue
        parsed.documents.append(document)
    add_decisions(parsed, source_name=source_name)
    return parsed


def _review_layout(layout: Layout, parsed: ParsedSource) -> None:
    numbers = sorted({segment.heading.number for segment in layout.segments})
    for heading in layout.duplicates:
        parsed.review.append(
            ReviewItem(heading.line, "document number printed twice", f"Document {heading.label}")
        )
    for number in layout.lost:
        parsed.review.append(
            ReviewItem(
                0,
                "document heading and title lost in the OCR; only running headers survive",
                f"Document {number} continued",
            )
        )
    present = set(numbers) | set(layout.lost)
    for number in range(min(numbers, default=0), max(numbers, default=0)):
        if number not in present:
            parsed.review.append(
                ReviewItem(0, "gap in the document numbering", f"Document {number}")
            )
    for segment in layout.segments:
        if segment.recovered:
            parsed.review.append(
                ReviewItem(
                    segment.heading.line,
                    "'Document N' line missing; title recognised and numbered by the gap",
                    segment.title_lines[0][1].strip() if segment.title_lines else "",
                    f"Document {segment.heading.label}",
                )
            )


def _nearby(notes: list[Note], line: int) -> list[Note]:
    return [note for note in notes if line - _NOTE_BEFORE <= note.line <= line + _NOTE_AFTER]


def _choose_note(
    nearby: list[Note], number: int | None, line: int, previous: int | None, used: set[int]
) -> Note | None:
    """Pick the note the title's marker points to; when unreadable, the next in sequence."""
    free = [note for note in nearby if note.line not in used]
    if number is not None:
        matching = [note for note in free if note.number == number]
        if matching:
            return min(matching, key=lambda note: (note.line < line, abs(note.line - line)))
    # The note stands in the first block of notes after the title: that page's foot.
    block = _first_block([note for note in nearby if line <= note.line <= line + _NOTE_AFTER])
    archival = [n for n in block if n.line not in used and _references(n.text)]
    if previous is not None:
        # A narrative note or two may stand between; never reach further than that.
        in_sequence = [note for note in archival if previous < note.number <= previous + 3]
        if in_sequence:
            return min(in_sequence, key=lambda note: note.number)
    if number is None:
        # An unreadable marker at a chapter's start: the count has begun again.
        restarted = [note for note in archival if note.number <= _RESTART]
        if previous is not None:
            restarted = [note for note in restarted if note.number < previous]
        return min(restarted, key=lambda note: note.number) if restarted else None
    return None


def _first_block(notes: list[Note]) -> list[Note]:
    block: list[Note] = []
    for note in sorted(notes, key=lambda note: note.line):
        if block and note.line - block[-1].last_line > 3:
            break
        block.append(note)
    return block


def _document(
    segment: Segment,
    notes: list[Note],
    previous_note: int | None,
    used: set[int],
    parsed: ParsedSource,
) -> tuple[Document | None, int | None]:
    label = segment.heading.label
    key = f"rtt:{label.replace('(', '').replace(')', '')}"
    if not segment.title_lines:
        parsed.unparsed.append(
            Unparsed(segment.heading.line, f"Document {label}", "no title after the heading")
        )
        return None, previous_note
    title_line = segment.title_lines[0][0]
    raw_title = join_hyphenated([text for _, text in segment.title_lines])
    nearby = _nearby(notes, title_line)
    expected = previous_note + 1 if previous_note is not None else None
    parts = split_title(raw_title, {note.number for note in nearby}, expected)
    marker = parts.note or None
    note = _choose_note(nearby, marker, title_line, previous_note, used)
    if note is not None and note.number != marker:
        parsed.review.append(
            ReviewItem(
                title_line,
                "note marker after the title unreadable or its note lost; note chosen by"
                " its place after the title",
                raw_title,
                f"note {note.number}",
            )
        )
    if note is not None:
        used.add(note.line)
    header = fix_months(header_text(segment))
    kind = classify(parts.title, header)
    body = deciding_body(parts.title, header) if kind == "protocol_extract" else None
    own = body_lines(segment)
    text = body_text(own)
    date = _document_date(parts.date_text, parts.title, header, title_line, raw_title, parsed)
    if parts.year_repaired and date is not None:
        parsed.review.append(
            ReviewItem(title_line, "year in the title read through OCR damage", raw_title)
        )
    reference = _reference(note, title_line, parsed) if note is not None else None
    document = Document(
        key=key,
        kind=kind,
        title=parts.title,
        date=date,
        line=segment.heading.line,
        parties=_parties(parts.title, kind, body),
        body=text,
        signatures=signatures(own),
        footnotes=[Footnote(note.number, note.text, note.line)] if note is not None else [],
        edition=Edition(
            title=EDITION_TITLE,
            editors=EDITORS,
            year=YEAR,
            document_number=label,
            pages=_pages(segment.pages),
            text=text,
        ),
        protocol_number=protocol_number(header),
        protocol_item=protocol_item([line for _, line in own[:_ITEM_LINES]]),
    )
    if reference is not None:
        document.copies.append(Copy(reference=reference, form=_form(note)))
    # A document whose note is lost still used up a number in the edition's sequence.
    if note is not None:
        return document, note.number
    return document, (previous_note + 1 if previous_note is not None else None)


_ITEM_LINES = 14


def _form(note: Note | None) -> str:
    if note is None:
        return ""
    match = re.search(r"(Typescript|Typed|Printed|Original|Copy|Autograph)[^.]*", note.text)
    return match.group(0).strip() if match else ""


def _pages(pages: list[int]) -> str | None:
    if not pages:
        return None
    first, last = min(pages), max(pages)
    return str(first) if first == last else f"{first}–{last}"


# OCR damage archives.py does not read, mended here and reported: "i. 17" and "f, 17" for
# "f. 17", "op I ," for "op. I,", letters spaced apart inside a number ("t r").
_PRE_CLEAN = (
    (re.compile(r"(?<=[\s,])[if][.,](?=\s*\d)"), "f."),
    (re.compile(r"\bop\s+(?=[A-Za-z0-9]{1,3}\s*,)"), "op. "),
    (re.compile(r"\b([a-z]) ([a-z])\s*,"), r"\1\2,"),
    (re.compile(r"\bd \."), "d."),
)


def _references(text: str) -> list[tuple[int, int, ArchivalReference]]:
    """Find references in a note, retrying once with the scan's commonest damage mended."""
    found = find_references(text)
    if found:
        return found
    cleaned = text
    for pattern, replacement in _PRE_CLEAN:
        cleaned = pattern.sub(replacement, cleaned)
    if cleaned == text:
        return []
    mended = find_references(cleaned)
    return [
        (
            start,
            end,
            replace(
                reference,
                verbatim=text[start:end].strip() if len(text) >= end else text,
                doubtful=True,
                confidence=round(reference.confidence * 0.9, 3),
                note="; ".join(
                    part for part in (reference.note, "punctuation mended before reading") if part
                ),
            ),
        )
        for start, end, reference in mended
    ]


def _reference(note: Note, line: int, parsed: ParsedSource) -> ArchivalReference | None:
    found = _references(note.text)
    if not found:
        return None
    reference = found[0][2]
    if reference.doubtful or reference.confidence < 1:
        parsed.review.append(
            ReviewItem(
                note.line,
                reference.note or "archival reference read through OCR noise",
                reference.verbatim,
                reference.normalised(),
            )
        )
    return reference


def _read(text: str) -> FuzzyDate | None:
    for variant in (text, text.replace(" to ", "-")):
        try:
            return parse_date(variant)
        except DateParseError:
            continue
    return None


def _document_date(
    date_text: str | None,
    title: str,
    header: str,
    line: int,
    raw_title: str,
    parsed: ParsedSource,
) -> FuzzyDate | None:
    if date_text:
        date = _read(date_text)
        if date is not None:
            return date
        parsed.review.append(
            ReviewItem(line, "date in the title could not be read", raw_title, date_text)
        )
    for source in (title, header):
        for match in _DATE_IN_TEXT.finditer(source):
            date = _read(match.group(0).strip())
            if date is not None:
                return date
    protocol = _PROTOCOL_DATE.search(header)
    if protocol is not None:
        return _read(protocol.group(1))
    return None


def _parties(title: str, kind: str, body: str | None) -> list[Party]:
    if kind == "protocol_extract" and body is not None:
        return [Party(body, PartyRole.AUTHOR, 0, is_body=True)]
    parties: list[Party] = []
    for position, (name, role, is_body) in enumerate(title_parties(title)):
        parties.append(Party(name, PartyRole(role), position, is_body=is_body))
    return parties
