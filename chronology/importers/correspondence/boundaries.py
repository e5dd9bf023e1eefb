"""Where each document of a correspondence file starts and ends, and what the file shows of them.

Documents start at headers; an `Archive:` label no header claims starts one too, so a
document is never silently absorbed into its neighbour. After parsing, the headers,
labels and numbered notes the file shows are counted against what was made, and every
difference becomes a review item.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from chronology.dates.fuzzy import DateParseError, FuzzyDate, find_dates, parse_date
from chronology.importers.correspondence.headers import (
    LABEL,
    Header,
    header_candidate,
    read_header,
    split_label,
)
from chronology.importers.correspondence.notes import RULE
from chronology.importers.reading.letters import split_names
from chronology.importers.records import ParsedSource, ReviewItem

_NOTE_NUMBER = re.compile(r"^\s*(?P<number>\d{1,3})\s+\S")
# A line with a header's shape: names, a separator, then something that may be a date.
_SHAPE_LIMIT = 200


@dataclass
class Block:
    """The lines of one document: from its header (or label) to the next document's."""

    header: Header | None  # None: the document was found by its archive label alone
    start: int  # index of the header line
    end: int  # index after the block's last line
    candidate: str = ""  # the text standing where the header should be, when it was not read
    labelled: bool = False  # its reference came from an `Archive:` label


def find_blocks(lines: list[str], review: list[ReviewItem]) -> list[Block]:
    """Split a file into documents at headers, and at archive labels no header claims."""
    starts: list[Block] = []
    year: int | None = None
    for index, line in enumerate(lines):
        header = read_header(line)
        # A header without a year is taken only where an archive label confirms it: on its line or the next.
        if header is None and year is not None and _labelled(lines, index):
            header = read_header(line, default_year=year)
            if header is not None:
                review.append(
                    ReviewItem(index + 1, f"header date has no year; {year} taken from the document before", line[:120])
                )
        if header is not None:
            starts.append(Block(header, index, index, labelled=header.archive is not None))
            year = header.date.lower.year
            continue
        if LABEL.search(line) is None:
            continue
        current = starts[-1] if starts else None
        if current is not None and not current.labelled and _front_only_between(lines, current.start, index):
            current.labelled = True  # the header's own label, on the next line
            continue
        start, candidate = _candidate_line(lines, index, current)
        review.append(
            ReviewItem(
                start + 1,
                "a document starts at this archive label but its header was not recognised; "
                "the header candidate is kept for review",
                candidate,
            )
        )
        if current is not None and current.start == start:
            starts.pop()  # the candidate was this block's own start: one document, not two
        starts.append(Block(None, start, start, candidate=candidate, labelled=True))
    for block, after in itertools.pairwise(starts):
        block.end = after.start
    if starts:
        starts[-1].end = len(lines)
    return starts


def _labelled(lines: list[str], index: int) -> bool:
    """Tell whether an archive label stands on this line or opens the next non-blank one."""
    if LABEL.search(lines[index]):
        return True
    after = next((text for text in lines[index + 1 :] if text.strip()), "")
    return LABEL.match(after.strip()) is not None


_FRONT_LINES = 6  # a header's own label may follow this many short front-matter lines
_FRONT_LENGTH = 90


def _front_only_between(lines: list[str], first: int, last: int) -> bool:
    """Tell whether only short front-matter lines stand between a header and a label."""
    between = [lines[i].strip() for i in range(first + 1, last) if lines[i].strip()]
    return len(between) <= _FRONT_LINES and all(len(text) <= _FRONT_LENGTH for text in between)


def _candidate_line(lines: list[str], index: int, current: Block | None) -> tuple[int, str]:
    """Return where a label's document starts and its header candidate (the text before the label)."""
    before = split_label(lines[index])[0].strip()
    if before:
        return index, before
    floor = current.start + 1 if current is not None else 0
    previous = next((i for i in range(index - 1, floor - 1, -1) if lines[i].strip()), None)
    if previous is None or RULE.match(lines[previous]):
        return index, ""
    return previous, lines[previous].strip()


def candidate_parts(line: str, candidate: str) -> tuple[list[str], list[str], FuzzyDate | None, str | None]:
    """Read what can be read of a header that was not recognised: parties, a date, the archive."""
    archive = split_label(line)[1]
    parts = header_candidate(candidate)
    authors, recipients, rest = (split_names(parts[0]), split_names(parts[1]), parts[2]) if parts else ([], [], "")
    dates = find_dates(rest or candidate)
    return authors, recipients, dates[0][2] if dates else None, archive


def date_line(text: str) -> FuzzyDate | None:
    """Read a line that is wholly a date with a month name ("September 14 [1936]"), else None."""
    if not re.search(r"[a-z]{3}", text):
        return None  # "6/VII" and "14 / IX" are the secretary's marks, not the edition's date
    try:
        return parse_date(text)
    except DateParseError:
        return None


def count_structure(lines: list[str], blocks: list[Block], result: ParsedSource) -> None:
    """Count the headers, labels and numbered notes the file shows against what was made."""
    labels = [i for i, line in enumerate(lines) if LABEL.search(line)]
    labelled = sum(block.labelled for block in blocks)
    if len(labels) != labelled:
        result.review.append(
            ReviewItem(
                labels[0] + 1 if labels else 1,
                f"the file shows {len(labels)} archive labels but {labelled} documents were made from them",
                "",
            )
        )
    starts = {block.start for block in blocks}
    for index, line in enumerate(lines):
        if index in starts or len(line) > _SHAPE_LIMIT or LABEL.search(line):
            continue
        parts = header_candidate(line)
        if parts is not None and find_dates(parts[2]) and not parts[2].endswith((".", "!", "?", ";", ":")):
            result.review.append(
                ReviewItem(index + 1, "line has a header's shape but was not read as a header", line.strip())
            )
    _count_notes(lines, blocks, result)


def _count_notes(lines: list[str], blocks: list[Block], result: ParsedSource) -> None:
    made = {doc.line: {note.number for note in doc.footnotes} for doc in result.documents}
    for block in blocks:
        rule = next((i for i in range(block.start + 1, block.end) if RULE.match(lines[i])), None)
        if rule is None:
            continue
        shown = {int(m["number"]) for i in range(rule + 1, block.end) if (m := _NOTE_NUMBER.match(lines[i]))}
        missing = sorted(shown - made.get(block.start + 1, set()))
        if missing:
            result.review.append(
                ReviewItem(
                    rule + 1,
                    f"notes numbered {', '.join(map(str, missing))} are printed but were not read as notes",
                    "",
                )
            )
