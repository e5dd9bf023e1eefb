"""What a Road to Terror note cites: an archival reference, or a printed source where none is given.

The editors took some documents from journals that published them first (Izvestiia TsK
KPSS, Voprosy istorii, Trud, Moskovskie novosti, Istochnik) or from printed collections;
for those the note names no archive, and the printed source is the reference to keep.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache

from chronology.archives import ArchivalReference, find_references
from chronology.importers.rtt_pages import repair_number

# OCR damage archives.py does not read, mended here and reported: "i. 17" and "f, 17" for
# "f. 17", "op I ," for "op. I,", letters spaced apart inside a number ("t r").
_PRE_CLEAN = (
    (re.compile(r"(?<=[\s,])[if][.,](?=\s*\d)"), "f."),
    (re.compile(r"\bop\s+(?=[A-Za-z0-9]{1,3}\s*,)"), "op. "),
    (re.compile(r"\b([a-z]) ([a-z])\s*,"), r"\1\2,"),
    (re.compile(r"\bd \."), "d."),
)


@cache
def note_references(text: str) -> list[tuple[int, int, ArchivalReference]]:
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
                note="; ".join(part for part in (reference.note, "punctuation mended before reading") if part),
            ),
        )
        for start, end, reference in mended
    ]


@dataclass(frozen=True)
class PrintedSource:
    """A printed source a note cites, as read, and whether the reading mended the scan."""

    citation: str  # e.g. "Izvestiia TsK KPSS, no. 8, 1989, 100-115"
    verbatim: str
    repaired: bool


# The journals by their OCR-tolerant shapes ("Irvestiia T r K KPSS", "Voprory irtorii").
_JOURNALS = (
    (re.compile(r"\S{4,12}\s*T\s*[sr]\s*K\s*K\s*P\s*S\s*S"), "Izvestiia TsK KPSS"),
    (re.compile(r"\bVop\S{1,8}\s?\S{0,3}?(?:tor|for|lor)[a-z]{0,3}"), "Voprosy istorii"),
    (re.compile(r"\bMo\S{3,8}\s+no\S{3,5}\b"), "Moskovskie novosti"),
    (re.compile(r"\bI[rs]to\S{1,4}nik\b"), "Istochnik"),
    (re.compile(r"\bTrud\b"), "Trud"),
)
# A book: an author or editors, then a place and year of publication.
_BOOK = re.compile(
    r"^(?:[A-Z]\.\s?){1,2}[A-Z][\w'-]+(?:,| and)[^;]{0,200}?"
    r"(?:\b(?:Moscow|New York|Cambridge|Oxford|London)\b,\s*19\d\d|\"[A-Z]|\beds?\.,)"
)
# Pointers to further reading, not the document's source.
_NOT_A_SOURCE = re.compile(r"^(?:See|For|Far|Cf\.|Compare|Quoted|On\b)")
_NUMBERISH = re.compile(r"(?<![\w~])([0-9oOlIirtzZjqsSbgB]{1,4})(?![\w~])")
_FORM = re.compile(r"\.\s+(?:Printed|Typed|Typescript)\b.*$")


def printed_source(text: str) -> PrintedSource | None:
    """Read the printed source a note cites when it names no archive."""
    stripped = text.strip()
    if not stripped or _NOT_A_SOURCE.search(stripped) or note_references(stripped):
        return None
    for pattern, name in _JOURNALS:
        match = pattern.match(stripped)
        if match is None:
            continue
        # The citation ends where the editors' remark on the text begins.
        rest = re.split(r"\.\s+(?=[A-Z][a-z])", stripped[match.end() :], maxsplit=1)[0]
        rest = _FORM.sub("", rest).strip(" .,")
        mended = _NUMBERISH.sub(_mend_number, rest)
        # Digits the scan spaced apart ("1 3 - 2 5") are closed up.
        mended = re.sub(r"(?<=\b\d) (?=\d\b)", "", mended)
        mended = re.sub(r"(?<=\d)\s*-\s*(?=\d)", "-", mended)
        mended = re.sub(r"(19\d\d)\.\s?(?=\d)", r"\1, ", re.sub(r"\s*,\s*", ", ", mended))
        citation = f"{name}, {mended}" if mended else name
        repaired = match.group(0) != name or mended != rest
        return PrintedSource(citation, stripped, repaired)
    if _BOOK.match(stripped):
        return PrintedSource(_FORM.sub("", stripped).rstrip(" ."), stripped, True)
    return None


def _mend_number(match: re.Match[str]) -> str:
    token = match.group(1)
    if token.isdigit():
        return token
    number = repair_number(token, letters_only=True)
    return str(number) if number is not None else token
