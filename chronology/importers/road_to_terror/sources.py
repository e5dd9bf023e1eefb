"""What a Road to Terror note cites: an archival reference, or a printed source where none is given.

The editors took some documents from journals that published them first (Izvestiia TsK
KPSS, Voprosy istorii, Trud, Moskovskie novosti, Istochnik) or from printed collections;
for those the note names no archive, and the printed source is the reference to keep.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache

from chronology.archives.parsing import find_references
from chronology.archives.reference import ArchivalReference, Repair
from chronology.importers.road_to_terror.pages import repair_number

# OCR damage archives.py does not read, mended here and reported: "i. 17" and "f, 17" for
# "f. 17", "op I ," for "op. I,", letters spaced apart inside a number ("t r").
_PRE_CLEAN = (
    (re.compile(r"(?<=[\s,])[if][.,](?=\s*\d)"), "f."),
    (re.compile(r"\bop\s+(?=[A-Za-z0-9]{1,3}\s*,)"), "op. "),
    (re.compile(r"\b([a-z]) ([a-z])\s*,"), r"\1\2,"),
    (re.compile(r"\bd \."), "d."),
    (re.compile(r"\b[Il1] [l1]\s?\.(?=\s*\d)"), "ll."),
)


_PUNCTUATION = "punctuation mended before reading"


@cache
def note_references(text: str) -> list[tuple[int, int, ArchivalReference]]:
    """Find references in a note, retrying once with the scan's commonest damage mended."""
    found = find_references(text)
    if found:
        return found
    cleaned = _cleaned(text)
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
                note="; ".join(part for part in (reference.note, _PUNCTUATION) if part),
            ),
        )
        for start, end, reference in mended
    ]


def _cleaned(text: str) -> str:
    for pattern, replacement in _PRE_CLEAN:
        text = pattern.sub(replacement, text)
    return text


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


# An inventory the scan left without a digit ("ap. n o ,"): the place to read it from a neighbour.
_OPIS_GAP = re.compile(r"(\b[ao]p\.?\s*)([^\d,]{1,5}?)(\s*,\s*d\s*\.)")
_SAME_SERIES = 10  # files this close in one inventory belong to one run of files
# The scan prints "r" for 1 and for 2 ("rr" is note 21, "d. S r r" file 511); "z" is always 2.
_AMBIGUOUS = "r"
_DIGITS_KEPT = 2  # a file number is mended from a neighbour only when this many digits survive


def mend_from_neighbours(
    text: str, reference: ArchivalReference | None, neighbours: Sequence[tuple[int, str]]
) -> ArchivalReference | None:
    """Read an inventory or file the scan garbled from notes on the same page citing the same run of files.

    `neighbours` are (line, text) of the notes printed nearest this one. Only a field the scan
    left unreadable (an inventory with no digit) or read from look-alike letters (a file
    ``rr96`` beside ``zr96``) is mended, only when one neighbour fits, and the result is doubtful.
    """
    cited = [(line, found[0][2]) for line, other in neighbours if (found := note_references(other))]
    if reference is None:
        return _mend_inventory(text, cited)
    return _mend_file(reference, cited)


def _mend_inventory(text: str, cited: list[tuple[int, ArchivalReference]]) -> ArchivalReference | None:
    gap = _OPIS_GAP.search(text)
    if gap is None:
        return None
    for line, other in cited:
        if other.opis is None or not other.opis.isdigit() or other.delo is None or not other.delo.isdigit():
            continue
        found = find_references(_cleaned(text[: gap.start(2)] + other.opis + text[gap.end(2) :]))
        if not found:
            continue
        mended = found[0][2]
        delo = mended.delo or ""
        if mended.fond != other.fond or not delo.isdigit() or abs(int(delo) - int(other.delo)) > _SAME_SERIES:
            continue
        repair = Repair(
            "opis",
            gap.group(2).strip(),
            other.opis,
            f"no digit legible; the note at line {line} cites f. {other.fond}, op. {other.opis}, d. {other.delo},"
            " the neighbouring file of the same run",
            0.5,
        )
        return with_repair(mended, repair, text.strip())
    return None


def _mend_file(reference: ArchivalReference, cited: list[tuple[int, ArchivalReference]]) -> ArchivalReference | None:
    lettered = [r for r in reference.repairs if r.level == "delo" and r.kind == "repaired" and r.reading]
    if not lettered:
        return None
    printed = lettered[0].as_printed
    digits = sum(ch.isdigit() for ch in printed)
    same_run = [other for _, other in cited if other.fond == reference.fond and other.opis == reference.opis]
    # Too few digits printed to tell one file from another, or a neighbour cites the file as read.
    if digits < _DIGITS_KEPT or any(other.delo == reference.delo for other in same_run):
        return None
    fits = {
        (other.delo, line)
        for line, other in cited
        if other.fond == reference.fond
        and other.opis == reference.opis
        and other.delo is not None
        and other.delo != reference.delo
        and len(other.delo) == len(printed)
        # Every digit the scan printed must stand in the neighbour's file number.
        and all(a == b for a, b in zip(printed, other.delo, strict=True) if a.isdigit())
        and _one_ambiguous_letter(printed, reference.delo or "", other.delo)
    }
    if len({delo for delo, _ in fits}) != 1:
        return None
    delo, line = min(fits, key=lambda fit: fit[1])
    repair = Repair(
        "delo",
        printed,
        delo,
        f"the letters read as {reference.delo} by shape; the note at line {line} cites d. {delo} of the same"
        " inventory, which fits every digit printed",
        0.6,
    )
    return with_repair(replace(reference, delo=delo), repair, reference.verbatim)


def _one_ambiguous_letter(printed: str, reading: str, other: str) -> bool:
    """Tell whether two readings differ in one place only, where the scan printed an ambiguous letter."""
    differ = [position for position, (a, b) in enumerate(zip(reading, other, strict=False)) if a != b]
    return len(differ) == 1 and printed[differ[0]] in _AMBIGUOUS


def with_repair(reference: ArchivalReference, repair: Repair, verbatim: str) -> ArchivalReference:
    """Return the reference with a repair in place of any other of its level, doubtful, its note and trust redone."""
    repairs = (*[r for r in reference.repairs if r.level != repair.level], repair)
    notes = [r.describe() for r in repairs]
    confidence = math.prod(r.confidence for r in repairs)
    if reference.note is not None and _PUNCTUATION in reference.note:
        notes.append(_PUNCTUATION)
        confidence *= 0.9
    return replace(
        reference,
        verbatim=verbatim,
        repairs=repairs,
        doubtful=True,
        confidence=round(confidence, 3),
        note="; ".join(notes),
    )
