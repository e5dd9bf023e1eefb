"""Cut the Road to Terror OCR text into documents: headings, titles, header lines, bodies."""

from __future__ import annotations

import itertools
import re
import statistics
from dataclasses import dataclass, field

from chronology.importers.road_to_terror.notes import collect_notes
from chronology.importers.road_to_terror.pages import (
    Heading,
    Note,
    is_running_header,
    join_hyphenated,
    join_paragraphs,
    page_number,
    read_heading,
)

_TITLE_WORDS = re.compile(r"speech|[Rr]esolution|letter|telegram|decree|report|Politburo|[Pp]rotocol|statement")
_HEADER_LINES = 12
_SIGNATURE = re.compile(r"(?:[A-Z]\.\s?){0,3}[A-Z][A-Za-z'-]+,?|[A-Z][A-Z'-]{2,}(?: [A-Z][A-Z'-]+)?")
_NOT_SIGNATURES = {"Voices", "Decree", "Decree:", "SECRET", "COPY", "STATEMENT", "Present"}


@dataclass
class Segment:
    """The lines of one document as the OCR gives them, furniture removed."""

    heading: Heading
    title_lines: list[tuple[int, str]]
    lines: list[tuple[int, str]]  # 1-based line number and text, after the title
    end_line: int
    pages: list[int] = field(default_factory=list)
    recovered: bool = False  # the "Document N" line was lost and the title found by its shape


@dataclass
class Layout:
    """The whole text read for structure: notes, segments and what went wrong."""

    notes: list[Note]
    segments: list[Segment]
    duplicates: list[Heading]
    lost: list[int]  # numbers known only from "Document N continued" headers


def read_layout(lines: list[str]) -> Layout:
    """Find notes, document headings (recovering lost ones) and each document's lines."""
    notes, note_lines = collect_notes(lines)
    headings: list[Heading] = []
    duplicates: list[Heading] = []
    furniture: set[int] = set(note_lines)
    for index, text in enumerate(lines):
        if is_running_header(text):
            furniture.add(index)
            continue
        found = read_heading(text)
        if found is None:
            continue
        heading = Heading(index + 1, found[0], found[1])
        if headings and (headings[-1].number, headings[-1].suffix) == found:
            # The scan repeats a heading at the top of the next page: furniture.
            furniture.add(index)
            continue
        if any((h.number, h.suffix) == found for h in headings):
            duplicates.append(heading)
            furniture.add(index)
            continue
        headings.append(heading)
    recovered = _recover_headings(lines, headings, note_lines)
    starts = sorted([(h, h.line) for h in headings] + recovered, key=lambda pair: pair[1])
    segments: list[Segment] = []
    for position, (heading, first) in enumerate(starts):
        end = starts[position + 1][1] - 1 if position + 1 < len(starts) else len(lines)
        # A recovered title stands on its own first line; a heading's title follows it.
        title_from = first + 1 if heading.line == first else first
        segments.append(_segment(lines, heading, title_from, end, furniture, recovered=heading.line == 0))
    seen = {h.number for h, _ in starts}
    lost = sorted({number for text in lines if (number := _continued_number(text)) is not None and number not in seen})
    return Layout(notes, segments, duplicates, lost)


def _continued_number(text: str) -> int | None:
    match = re.fullmatch(r"\s*Document\s+(\d{1,3})\s+continued\s*", text)
    return int(match.group(1)) if match else None


def _recover_headings(lines: list[str], headings: list[Heading], note_lines: set[int]) -> list[tuple[Heading, int]]:
    """Find titles whose ``Document N`` line the OCR lost, in gaps of the numbering."""
    recovered: list[tuple[Heading, int]] = []
    for before, after in itertools.pairwise(headings):
        missing = list(range(before.number + 1, after.number))
        if not missing:
            continue
        for index in range(before.line, after.line - 1):
            if not missing:
                break
            text = lines[index]
            previous = index - 1
            while previous > 0 and not lines[previous].strip():
                previous -= 1
            if (
                text.startswith(" ")
                and text[1:2].isupper()
                and previous in note_lines
                and _TITLE_WORDS.search(text)
                and not text.strip().endswith(".")
            ):
                recovered.append((Heading(0, missing.pop(0), ""), index + 1))
    return recovered


def _segment(
    lines: list[str],
    heading: Heading,
    title_from: int,
    end: int,
    furniture: set[int],
    *,
    recovered: bool,
) -> Segment:
    index = title_from - 1
    while index < end and (not lines[index].strip() or index in furniture):
        index += 1
    title_lines: list[tuple[int, str]] = []
    while index < end and lines[index].strip() and index not in furniture and len(title_lines) < 3:
        title_lines.append((index + 1, lines[index]))
        index += 1
    body: list[tuple[int, str]] = []
    pages: list[int] = []
    for position in range(index, end):
        text = lines[position]
        if position in furniture:
            number = page_number(text)
            if number is not None:
                pages.append(number)
            continue
        body.append((position + 1, text.rstrip()))
    if recovered:
        heading = Heading(title_lines[0][0] if title_lines else title_from, heading.number, "")
    return Segment(heading, title_lines, body, end, pages, recovered)


def header_text(segment: Segment) -> str:
    """Return the first lines after the title, where protocol numbers and dates stand."""
    kept = [text for _, text in segment.lines if text.strip()][:_HEADER_LINES]
    return join_hyphenated(kept)


def _is_narrative(paragraph: list[str]) -> bool:
    """Tell the authors' narrative by its narrower measure (about 65 characters a line)."""
    if len(paragraph) < 3:
        return False
    full = [len(text.strip()) for text in paragraph[:-1]]
    letters = "".join(paragraph)
    if sum(ch.isupper() for ch in letters) > sum(ch.islower() for ch in letters):
        return False
    return max(full) <= 71 and 52 <= statistics.median(full) <= 69


def body_lines(segment: Segment) -> list[tuple[int, str]]:
    """Return the document's own lines: the authors' narrative after it is cut off."""
    paragraphs: list[list[tuple[int, str]]] = [[]]
    for number, text in segment.lines:
        if text.strip():
            paragraphs[-1].append((number, text))
        elif paragraphs[-1]:
            paragraphs.append([])
    kept: list[tuple[int, str]] = []
    for paragraph in paragraphs:
        if not paragraph:
            continue
        if kept and _is_narrative([text for _, text in paragraph]):
            break
        if kept:
            kept.append((paragraph[0][0] - 1, ""))
        kept.extend(paragraph)
    return kept


def body_text(lines: list[tuple[int, str]]) -> str:
    """Join a document's lines into paragraphs, hyphenation mended."""
    return join_paragraphs([text for _, text in lines])


def signatures(lines: list[tuple[int, str]]) -> list[str]:
    """Return the names signed at the foot of a document (``PIATAKOV``, ``B. Sheboldaev``)."""
    tail = [text.strip() for _, text in lines if text.strip()][-4:]
    found: list[str] = []
    for text in tail:
        if len(text) > 40 or text in _NOT_SIGNATURES:
            continue
        if _SIGNATURE.fullmatch(text) and not text.endswith(":"):
            found.append(text.rstrip(","))
    return found
