"""Where a document of the correspondence starts: its header and its `Archive:` label.

A header is the edition's structure, not a surface form: the authors, a separator (`to`,
` - `, `–`), the recipients and any date the date module reads at that place ("August 17
[1936]", "20.VIII.36", "[end of] August 1936", "not later than 17 August 1936"), perhaps
glued to the `Archive:` label. Every label belongs to one document: a label found inside a
body or a note starts a document there, and its header candidate goes on review.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from chronology.dates.fuzzy import FuzzyDate, parse_date_prefix

# A word of a party list: a capitalised name or initial, a body's lowercase joining word.
_WORD = r"(?:[A-Z][\w’'.()\[\]-]*|\[[\w’'. ]+\][\w’'.]*|of|the|and|on|for|\(b\))"
_LIST = rf"{_WORD}(?:(?:\s*,\s*|\s+){_WORD}){{0,24}}"
_SEPARATOR = r"(?:[-–—]\s*to|to|[-–—])"
_PARTIES = re.compile(rf"^(?P<authors>{_LIST}?)\s*{_SEPARATOR}\s+(?P<recipients>{_LIST}?)\s+$")
LABEL = re.compile(r"Archive\s*[:;]\s*")
# What may follow the date before the label: a footnote marker, a full stop.
_TAIL = re.compile(r"^\s*(?:\d{1,2}\s*)?\.?\s*$")
_LONGEST_HEAD = 260  # a header's parties and date fit in this many characters


@dataclass(frozen=True)
class Header:
    """A document header as printed: its parties, its date and the archive text glued to it."""

    authors: str
    recipients: str
    date: FuzzyDate
    archive: str | None  # the text after `Archive:`, when the label is on the header's line


def split_label(line: str) -> tuple[str, str | None]:
    """Split a line at its `Archive:` label: what stands before it, and the reference after."""
    match = LABEL.search(line)
    if match is None:
        return line, None
    return line[: match.start()], line[match.end() :]


def read_header(line: str, *, default_year: int | None = None) -> Header | None:
    """Read a header line, or None when the line is not one."""
    head, archive = split_label(line.strip())
    head = head.rstrip()
    if not head or len(head) > _LONGEST_HEAD or not head[0].isupper():
        return None
    for match in re.finditer(r"\s(?=[\[\w(])", head):
        cut = match.end()
        parties = _PARTIES.match(head[:cut])
        if parties is None:
            continue
        found = parse_date_prefix(head[cut:], default_year=default_year)
        if found is None or not _TAIL.match(found[1]):
            continue
        authors, recipients = parties["authors"].strip(" ,"), parties["recipients"].strip(" ,")
        if authors and recipients:
            return Header(authors, recipients, found[0], archive)
    return None


def is_header(line: str) -> bool:
    """Tell whether a line is a document header (the date's year may be missing)."""
    return read_header(line, default_year=1900) is not None


def header_candidate(text: str) -> tuple[str, str, str] | None:
    """Read the parties of a text that should be a header: (authors, recipients, the rest)."""
    head = text.strip() + " "
    for match in re.finditer(r"\s(?=\S)|\s$", head):
        parties = _PARTIES.match(head[: match.end()])
        if parties is None:
            continue
        authors, recipients = parties["authors"].strip(" ,"), parties["recipients"].strip(" ,")
        if authors and recipients:
            return authors, recipients, head[match.end() :].strip()
    return None
