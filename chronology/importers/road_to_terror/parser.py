"""Parse the OCR text of *The Road to Terror* (Getty and Naumov, 1999) into plain records."""

from __future__ import annotations

import re

from chronology.archives.reference import ArchivalReference
from chronology.dates.fuzzy import DateParseError, FuzzyDate, parse_date
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
from chronology.importers.road_to_terror.assign import (
    Choice,
    Markers,
    PartNote,
    note_for_title,
    part_notes,
    read_markers,
)
from chronology.importers.road_to_terror.context import check_inventories, infer_from_narrative_runs
from chronology.importers.road_to_terror.decisions import add_decisions
from chronology.importers.road_to_terror.files import mend_files
from chronology.importers.road_to_terror.groups import apply_neighbour_files, apply_series_sources, protocol_series
from chronology.importers.road_to_terror.kinds import (
    classify,
    deciding_body,
    fix_months,
    protocol_item,
    protocol_number,
    title_parties,
)
from chronology.importers.road_to_terror.names import checked_party
from chronology.importers.road_to_terror.notes import renumber
from chronology.importers.road_to_terror.pages import Note, join_hyphenated
from chronology.importers.road_to_terror.protocol_files import apply_protocol_offsets
from chronology.importers.road_to_terror.segments import (
    Layout,
    Segment,
    body_lines,
    body_text,
    header_text,
    read_layout,
    signatures,
)
from chronology.importers.road_to_terror.sources import mend_from_neighbours, note_references, printed_source

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


def parse(text: str, *, source_name: str) -> ParsedSource:
    """Read every numbered document of the edition, with its note, reference and votes."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    layout = read_layout(lines)
    # The note numbers are read as one sequence, checked against the markers after titles.
    markers = read_markers(lines, layout.notes, layout.segments)
    notes = renumber(layout.notes, [*markers.titles, *markers.text])
    parsed = ParsedSource(format=FORMAT)
    _review_layout(layout, parsed)
    previous_note: int | None = None
    used: set[int] = set()
    series: dict[str, tuple[str, int]] = {}
    for segment in layout.segments:
        document, previous_note = _document(segment, notes, markers, previous_note, used, parsed)
        if document is None:
            continue
        parsed.documents.append(document)
        body = protocol_series(fix_months(header_text(segment)))
        number = re.match(r"\d+", document.protocol_number or "")
        if body is not None and number is not None:
            series[document.key] = (body, int(number.group(0)))
    mend_files(parsed)
    apply_series_sources("\n".join(lines), parsed)
    apply_neighbour_files(parsed, series)
    apply_protocol_offsets(parsed, series)
    infer_from_narrative_runs(parsed, notes, used)
    check_inventories(parsed, notes)
    _review_years_out_of_step(parsed)
    add_decisions(parsed, source_name=source_name)
    return parsed


_OUT_OF_STEP = 2  # years a date may stray from neighbours that agree before it is suspect


def _review_years_out_of_step(parsed: ParsedSource) -> None:
    """Flag a year far from those of both neighbours when they agree: a year the scan misread."""
    dated = [(document, document.date) for document in parsed.documents if document.date is not None]
    for (_, before), (document, date), (_, after) in zip(dated, dated[1:], dated[2:], strict=False):
        year, around = date.lower.year, (before.lower.year, after.lower.year)
        if abs(around[0] - around[1]) <= 1 and min(abs(year - other) for other in around) > _OUT_OF_STEP:
            parsed.review.append(
                ReviewItem(
                    document.line,
                    "year out of step with the documents either side; the scan may have misread it",
                    date.verbatim,
                    f"the neighbours are of {around[0]} and {around[1]}",
                )
            )


def _review_layout(layout: Layout, parsed: ParsedSource) -> None:
    numbers = sorted({segment.heading.number for segment in layout.segments})
    for heading in layout.duplicates:
        parsed.review.append(ReviewItem(heading.line, "document number printed twice", f"Document {heading.label}"))
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
            parsed.review.append(ReviewItem(0, "gap in the document numbering", f"Document {number}"))
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


def _document(
    segment: Segment,
    notes: list[Note],
    markers: Markers,
    previous_note: int | None,
    used: set[int],
    parsed: ParsedSource,
) -> tuple[Document | None, int | None]:
    label = segment.heading.label
    key = f"rtt:{label.replace('(', '').replace(')', '')}"
    if not segment.title_lines:
        parsed.unparsed.append(Unparsed(segment.heading.line, f"Document {label}", "no title after the heading"))
        parsed.review.append(
            ReviewItem(segment.heading.line, "the file shows this document heading but no document was made", label)
        )
        return None, previous_note
    title_line = segment.title_lines[0][0]
    raw_title = join_hyphenated([text for _, text in segment.title_lines])
    parts, choice = note_for_title(notes, markers, raw_title, title_line, previous_note, used)
    note = choice.note if choice is not None else None
    if choice is not None:
        used.add(choice.note.line)
        _review_choice(choice, raw_title, title_line, parsed)
    header = fix_months(header_text(segment))
    kind = classify(parts.title, header)
    body = deciding_body(parts.title, header) if kind == "protocol_extract" else None
    own = body_lines(segment)
    text = body_text(own)
    date = _document_date(parts.date_text, parts.title, header, title_line, raw_title, parsed)
    if parts.year_repaired and date is not None:
        parsed.review.append(ReviewItem(title_line, "year in the title read through OCR damage", raw_title))
    reference = _reference(note, notes, parsed) if note is not None else None
    printed = _printed(note, parsed) if note is not None and reference is None else None
    document = Document(
        key=key,
        kind=kind,
        title=parts.title,
        date=date,
        line=segment.heading.line,
        parties=_parties(parts.title, kind, body, title_line, parsed.review),
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
        published_source=printed,
    )
    if reference is not None:
        document.copies.append(Copy(reference=reference, form=_form(note)))
    if note is None and (parts_found := part_notes(segment, notes, used)):
        _add_parts(document, parts_found, notes, used, parsed)
        return document, parts_found[-1].note.number
    # A document whose note is lost still used up a number in the edition's sequence.
    if note is not None:
        return document, note.number
    return document, (previous_note + 1 if previous_note is not None else None)


_ITEM_LINES = 14


def _add_parts(
    document: Document, parts: list[PartNote], notes: list[Note], used: set[int], parsed: ParsedSource
) -> None:
    """Give a composite document the note and reference of each of its lettered parts."""
    for part in parts:
        note = part.note
        used.add(note.line)
        document.footnotes.append(Footnote(note.number, note.text, note.line))
        reference = _reference(note, notes, parsed)
        if reference is not None:
            where = f"part [{part.label}] (its note {note.number}, marked after the part's heading at line {part.line})"
            document.copies.append(Copy(reference=reference, form=_form(note), note=where))
        elif document.published_source is None:
            document.published_source = _printed(note, parsed)


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


def _review_choice(choice: Choice, raw_title: str, line: int, parsed: ParsedSource) -> None:
    note = choice.note
    if choice.evidence == "printed_marker":
        reason = (
            f"note printed as {note.printed} but read as {note.number} from the sequence of notes;"
            " the title's marker repeats the printed number"
        )
    elif choice.evidence in ("sequence", "restart"):
        reason = (
            "note marker after the title unreadable or its note lost; note chosen as the next"
            " citing note in sequence at the foot of the title's page"
        )
    elif note.printed is not None:
        reason = f"note number printed as {note.printed!r}, read as {note.number} from the sequence of notes"
    else:
        return
    parsed.review.append(ReviewItem(line, reason, raw_title, f"note {note.number}"))


def _printed(note: Note, parsed: ParsedSource) -> str | None:
    source = printed_source(note.text)
    if source is None:
        return None
    if source.repaired:
        parsed.review.append(
            ReviewItem(note.line, "printed source read through OCR noise", source.verbatim, source.citation)
        )
    return source.citation


_NEIGHBOURS = 6  # notes either side of a note whose neighbours may mend a garbled field
_NEIGHBOUR_LINES = 200  # about a page either side


def _reference(note: Note, notes: list[Note], parsed: ParsedSource) -> ArchivalReference | None:
    found = note_references(note.text)
    reference = found[0][2] if found else None
    ordered = sorted(notes, key=lambda other: other.line)
    index = next(i for i, other in enumerate(ordered) if other.line == note.line and other.number == note.number)
    neighbours = [
        (other.line, other.text)
        for other in ordered[max(0, index - _NEIGHBOURS) : index + _NEIGHBOURS + 1]
        if other is not ordered[index] and abs(other.line - note.line) <= _NEIGHBOUR_LINES
    ]
    mended = mend_from_neighbours(note.text, reference, neighbours)
    if mended is not None:
        parsed.review.append(
            ReviewItem(
                note.line,
                "a field of the reference read from a neighbouring note: " + (mended.note or ""),
                mended.verbatim,
                mended.normalised(),
            )
        )
        return mended
    if reference is None:
        return None
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
        parsed.review.append(ReviewItem(line, "date in the title could not be read", raw_title, date_text))
    for source in (title, header):
        for match in _DATE_IN_TEXT.finditer(source):
            date = _read(match.group(0).strip())
            if date is not None:
                return date
    protocol = _PROTOCOL_DATE.search(header)
    if protocol is not None:
        return _read(protocol.group(1))
    return None


def _parties(title: str, kind: str, body: str | None, line: int, review: list[ReviewItem]) -> list[Party]:
    if kind == "protocol_extract" and body is not None:
        return [Party(body, PartyRole.AUTHOR, 0, is_body=True)]
    parties: list[Party] = []
    for position, (name, role, is_body) in enumerate(title_parties(title)):
        party = checked_party(name, is_body, line, review)
        if party is not None:
            parties.append(Party(party[0], PartyRole(role), position, is_body=party[1]))
    return parties
