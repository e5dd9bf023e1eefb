"""How an edition prints its notes: the lines after the rule, and the markers in the text."""

from __future__ import annotations

import re
from dataclasses import dataclass

from chronology.importers.records import Footnote, ReviewItem

_NUMBERED = re.compile(r"^(?P<number>\d{1,2})\s+(?P<text>\S.*)$")
RULE = re.compile(r"^\s*_{3,}\s*$")


@dataclass(frozen=True)
class NoteText:
    """One note as printed: its number (printed or inferred) and the line its text starts on."""

    number: int
    text: str
    line: int
    numbered: bool


def _marker_patterns(number: int) -> list[re.Pattern[str]]:
    n = str(number)
    return [
        # Before punctuation or at a line's end: "Stalin 1 .", "Bolsheviks1,", "18/VIII.36 1".
        re.compile(
            rf"(?<=[^\s\d(/.:–-])(?<!HP)(?<!Nr)[ ]?{n}(?![\d/])(?![.,]\d)"
            r"(?=[ ]?[.,;:!?”\"»]|[ ]*$)",
            re.M,
        ),
        re.compile(rf"(?<=[\d.)][ ])(?<!No\.[ ]){n}(?=[ ]*$)", re.M),
        # Between words, or glued after a full stop: "my 2 government", "purpose.12 expects".
        re.compile(rf"(?<=[\w,][ ]){n}(?=[ ][A-Za-z“\"])|(?<=[a-z]\.){n}(?=[ ][a-z])", re.M),
    ]


_NUMBER_SIGN_BEFORE = re.compile(r"(?:No\.|HP|Nr|#)\s*$")
_UNIT_AFTER = re.compile(r"^\s*(?:,\s*1\d{3}|o'clock|hours?\b|min|thousand|million|poods|tons|people|%)")


def _plausible(text: str, match: re.Match[str]) -> bool:
    """Reject numbers that are dates, times, numbers or quantities rather than note markers."""
    before = text[max(0, match.start() - 12) : match.start()]
    return not _NUMBER_SIGN_BEFORE.search(before) and not _UNIT_AFTER.match(text[match.end() :])


def find_markers(text: str, numbers: list[int]) -> dict[int, int]:
    """Find each note's marker in the text, in order; return number -> character offset."""
    found: dict[int, int] = {}
    position = 0
    for number in sorted(numbers):
        for pattern in _marker_patterns(number):
            match = next((m for m in pattern.finditer(text, position) if _plausible(text, m)), None)
            if match is not None:
                found[number] = match.start() + len(match[0]) - len(match[0].lstrip())
                position = match.end()
                break
    return found


def _has_marker(text: str, number: int, after: int) -> bool:
    return any(_plausible(text, m) for p in _marker_patterns(number) for m in p.finditer(text, after))


def split_notes(lines: list[tuple[int, str]], body: str) -> list[NoteText]:
    """Split the lines after the rule into notes, numbering unnumbered ones by order."""
    notes: list[NoteText] = []
    for line, raw in lines:
        text = raw.strip()
        if not text:
            continue
        numbered = _NUMBERED.match(text)
        if numbered is not None:
            notes.append(NoteText(int(numbered["number"]), numbered["text"], line, True))
            continue
        if notes and (text[0].islower() or not _has_marker(body, notes[-1].number + 1, 0)):
            # A lower-case start, or a next number with no marker, is a further paragraph.
            last = notes[-1]
            notes[-1] = NoteText(last.number, last.text + "\n" + text, last.line, last.numbered)
            continue
        notes.append(NoteText(notes[-1].number + 1 if notes else 1, text, line, False))
    return notes


def tie_notes(notes: list[NoteText], body_lines: list[tuple[int, str]]) -> tuple[list[Footnote], list[ReviewItem]]:
    """Tie notes to their markers in the text; a note without one keeps its own line."""
    text = "\n".join(t for _, t in body_lines)
    starts = []
    offset = 0
    for _, t in body_lines:
        starts.append(offset)
        offset += len(t) + 1
    markers = find_markers(text, [n.number for n in notes])
    footnotes: list[Footnote] = []
    review: list[ReviewItem] = []
    for note in notes:
        if not note.numbered:
            review.append(
                ReviewItem(
                    note.line,
                    f"note printed without its number; taken as note {note.number} by order",
                    note.text.split("\n", 1)[0][:120],
                )
            )
        at = markers.get(note.number)
        if at is None:
            review.append(ReviewItem(note.line, f"note {note.number} has no marker in the text", note.text[:120]))
            footnotes.append(Footnote(note.number, note.text, note.line))
            continue
        index = max(i for i, s in enumerate(starts) if s <= at)
        footnotes.append(Footnote(note.number, note.text, body_lines[index][0]))
    return footnotes, review
