"""Which Road to Terror note is a document's own: the marker after its title, or the sequence.

The evidence, strongest first: the title's marker names the note's number; the title's
marker names the number the note carries as printed (the sequence corrected it); the marker
is unreadable, and the note is the next citing note in sequence at the foot of the page the
title stands on. A note is never attached on weaker grounds.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass

from chronology.importers.road_to_terror.kinds import TitleParts, split_title
from chronology.importers.road_to_terror.notes import variants
from chronology.importers.road_to_terror.pages import Note, join_hyphenated, repair_number
from chronology.importers.road_to_terror.segments import Segment
from chronology.importers.road_to_terror.sources import note_references, printed_source

# Notes are looked for this many lines around a title: the page the title stands on.
NOTE_BEFORE = 60
NOTE_AFTER = 160
_RESTART = 10
_GAP = 3  # a narrative note or two may stand between a document's note and the last one
_RESTART_SMALL = 5
_TITLE_GAP = 6  # notes lost with their documents since the last note that survives
_MARKS = "'\"*^~=+`‘’“”"  # what the scan leaves of a superscript digit it could not read


@dataclass(frozen=True)
class Choice:
    """A document's note and the evidence that it is the document's."""

    note: Note
    evidence: str  # marker | printed_marker | sequence | restart

    @property
    def certain(self) -> bool:
        """Tell whether the title's marker itself names the note."""
        return self.evidence == "marker"


def nearby(notes: list[Note], line: int) -> list[Note]:
    """Return the notes on the page a title stands on (and the next, for short pages)."""
    return [note for note in notes if line - NOTE_BEFORE <= note.line <= line + NOTE_AFTER]


@dataclass(frozen=True)
class Markers:
    """Where note markers stand: after each title (None where unreadable) and in the text."""

    titles: list[tuple[int, int | None]]
    text: list[tuple[int, int]]


def title_markers(segments: list[Segment]) -> list[tuple[int, int | None]]:
    """Return (line, number) of each title's note marker; None where it is not plain digits."""
    found: list[tuple[int, int | None]] = []
    for segment in segments:
        if not segment.title_lines:
            continue
        raw = join_hyphenated([text for _, text in segment.title_lines])
        found.append((segment.title_lines[0][0], split_title(raw).note))
    return found


# A superscript marker as the scan gives it: one or two digits glued to a word or a stop.
_TEXT_MARKER = re.compile(r"(?<=[A-Za-z.!?\"'”’)\]])(\d{1,2})(?=[\s,.;:]|$)")


def read_markers(lines: list[str], notes: list[Note], segments: list[Segment]) -> Markers:
    """Find the markers after titles and in the running text (notes and titles left out)."""
    titles = title_markers(segments)
    skipped = {line for note in notes for line in range(note.line, note.last_line + 1)}
    skipped |= {line for segment in segments for line, _ in segment.title_lines}
    text = [
        (index + 1, int(match.group(1)))
        for index, content in enumerate(lines)
        if index + 1 not in skipped
        for match in _TEXT_MARKER.finditer(content)
    ]
    return Markers(titles, text)


def note_for_title(
    notes: list[Note],
    markers: Markers,
    raw_title: str,
    line: int,
    previous: int | None,
    used: set[int],
) -> tuple[TitleParts, Choice | None]:
    """Split a title and find its note, weighing the marker against the note sequence."""
    page_notes = nearby(notes, line)
    count = _count_before(notes, markers, line, previous)
    known = {note.number for note in page_notes} | {
        int(note.printed) for note in page_notes if note.printed and note.printed.isdigit()
    }
    parts = split_title(raw_title, known, count + 1 if count is not None else None)
    marker = parts.note or None
    # Another title's marker, or a marker in the text after this title, owns its number.
    claimed = [
        (other, number)
        for other, number in markers.titles
        if number is not None and other != line and abs(other - line) <= NOTE_AFTER
    ]
    claimed += [(other, number) for other, number in markers.text if line < other <= line + NOTE_AFTER]
    choice = choose_note(
        page_notes,
        marker,
        line,
        count,
        used,
        claimed,
        titles=[other for other, _ in markers.titles],
        printed_marker=marker is not None and raw_title.rstrip().endswith(str(marker)),
        marker_text=parts.marker_text,
    )
    return parts, choice


def _count_before(notes: list[Note], markers: Markers, line: int, previous: int | None) -> int | None:
    """Return the last note number reached before a title: by the notes and the text's markers."""
    before = [note for note in notes if note.line < line and note.in_sequence]
    count = previous
    if before:
        last = max(before, key=lambda note: note.line).number
        if count is None or last > count:
            count = last
        elif last <= _RESTART_SMALL and count - last > _RESTART_SMALL:
            count = last  # a small number far below the count: a new chapter has begun
    start = max((other for other, _ in markers.titles if other < line), default=0)
    for other, number in markers.text:
        if start < other < line and count is not None and count < number <= count + _GAP:
            count = number
    # The title just before prints its marker although its note is lost: that number is spent.
    last_note = max((note.line for note in before), default=0)
    for other, spent in markers.titles:
        if (
            last_note < other == start
            and spent is not None
            and count is not None
            and count < spent <= count + _TITLE_GAP
        ):
            count = spent
    return count


def cites(note: Note) -> bool:
    """Tell whether a note gives a source: an archival reference or a printed one."""
    return bool(note_references(note.text)) or printed_source(note.text) is not None


def choose_note(
    candidates: list[Note],
    marker: int | None,
    line: int,
    previous: int | None,
    used: set[int],
    claimed: Collection[tuple[int, int]] = (),
    *,
    titles: Collection[int] = (),
    printed_marker: bool = True,
    marker_text: str = "",
) -> Choice | None:
    """Pick the note the title's marker points to; when unreadable, the next in sequence.

    `claimed` are (line, number) of the markers other titles print: a note after such a
    title that carries its number is that title's, never taken here. `titles` are the lines
    of all titles. `printed_marker` says
    the marker stands in the title as digits, not reconstructed from look-alike marks
    (`marker_text`, whose surviving digits must then fit the note's number).
    """
    free = [note for note in candidates if note.line not in used]
    digits = "" if printed_marker else _marker_digits(marker_text)
    if not printed_marker:
        # A marker pieced together from marks ("'4" for 14) names a note at the page's foot
        # only if the digits it still shows end the note's number.
        free = [note for note in free if note.line >= line and digits and str(note.number).endswith(digits)]
    if marker is not None:
        for evidence, matching in (
            ("marker", [note for note in free if note.number == marker]),
            ("printed_marker", [note for note in free if note.printed == str(marker)]),
        ):
            if matching:
                best = min(matching, key=lambda note: (note.line < line, abs(note.line - line)))
                return Choice(best, evidence)
    # The note stands in the first block of notes after the title: that page's foot.
    block = _first_block([note for note in candidates if line <= note.line <= line + NOTE_AFTER])
    sources = [note for note in block if note.line not in used and cites(note)]
    # A note printed after later titles may as well be theirs: it is taken only when enough
    # citing notes follow it for each of them.
    citing = [
        note
        for note in sources
        if not _claimed(note, claimed)
        and sum(line < other < note.line for other in titles) <= sum(later.line > note.line for later in sources)
    ]
    if previous is not None:
        in_sequence = [note for note in citing if previous < note.number <= previous + _GAP]
        if marker is not None and printed_marker:
            # Digits that name no note: the note must be the very next one, or the digits a
            # known misreading of its number.
            in_sequence = [note for note in in_sequence if note.number == previous + 1 or _misread(marker, note.number)]
        elif digits:
            # Marks with a digit or two among them ("5'"): those digits must survive in it.
            in_sequence = [
                note for note in in_sequence if note.number == previous + 1 or _misread(int(digits), note.number)
            ]
        # The edition's own note for a document is archival unless it took the text from print.
        archival = [note for note in in_sequence if note_references(note.text)]
        if archival or in_sequence:
            return Choice(min(archival or in_sequence, key=lambda note: note.number), "sequence")
    if marker is None:
        # An unreadable marker at a chapter's start: the count has begun again.
        restarted = [note for note in citing if note.number <= _RESTART]
        if previous is not None:
            restarted = [note for note in restarted if note.number < previous]
        if restarted:
            return Choice(min(restarted, key=lambda note: note.number), "restart")
    return None


def _marker_digits(text: str) -> str:
    """Return the digits a damaged marker still shows ("5'" gives 5, "lz" gives 12).

    Letters count only in a run no English word ends with ("lz"), not a lone "s" or "o".
    """
    digits = re.sub(r"\D", "", text)
    letters = text.strip(_MARKS)
    if digits or len(letters) < 2 or not re.search(r"[zZjg]", letters):
        return digits
    number = repair_number(letters, letters_only=True)
    return str(number) if number is not None else ""


def _claimed(note: Note, claimed: Collection[tuple[int, int]]) -> bool:
    return any(number == note.number and line <= note.line for line, number in claimed)


def _misread(marker: int, number: int) -> bool:
    """Tell whether a marker may be a misreading of a number: a digit confused, or one lost."""
    printed, actual = str(marker), str(number)
    lost = len(actual) == len(printed) + 1 and printed in (actual[1:], actual[:-1])
    return lost or number in variants(marker)


def _first_block(notes: list[Note]) -> list[Note]:
    block: list[Note] = []
    for note in sorted(notes, key=lambda note: note.line):
        if block and note.line - block[-1].last_line > 3:
            break
        block.append(note)
    return block


# A lettered part of a composite document ("[A]", "ICI", "[El" as scanned), then its own heading.
_PART_LABEL = re.compile(r"\s*[\[I(]([A-H])[\]1lI)]\s*")
_PART_HEADING_END = re.compile(r"[a-z]{3,}[\]lI1|)]([0-9oOlIirtzZjqsSbgB~'\"]{1,2})$")
_PART_HEADING_LINES = 12  # raw lines, blank ones and a page break among them


@dataclass(frozen=True)
class PartNote:
    """The note of one lettered part of a composite document."""

    label: str  # "A", "B", ...
    line: int  # the line of the part's heading marker
    note: Note


def part_notes(segment: Segment, notes: list[Note], used: set[int]) -> list[PartNote]:
    """Find the notes of a composite document's lettered parts, each marked after the part's heading.

    The edition prints some documents as parts [A], [B], ... each with a bracketed heading
    ("[From ... report ...]") whose marker names the part's own note. A marker the scan garbled
    is read from its surviving digit and the note sequence: the next citing note after the
    previous part's whose number ends in that digit.
    """
    found: list[PartNote] = []
    lines = segment.lines
    previous = 0
    for index, (_, text) in enumerate(lines):
        label = _PART_LABEL.fullmatch(text)
        if label is None:
            continue
        heading = _heading_end(lines[index + 1 : index + 1 + _PART_HEADING_LINES])
        if heading is None:
            continue
        line, token = heading
        readable = repair_number(token.strip(_MARKS), letters_only=True)
        digits = str(readable) if readable is not None else re.sub(r"\D", "", token)
        if not digits:
            continue
        taken = used | {part.note.line for part in found}
        candidates = [
            note
            for note in notes
            if line <= note.line <= line + NOTE_AFTER
            and note.line not in taken
            and note.number > previous
            and str(note.number).endswith(digits)
            and cites(note)
        ]
        if candidates:
            note = min(candidates, key=lambda candidate: (candidate.number, candidate.line))
            found.append(PartNote(label.group(1), line, note))
            previous = note.number
    return found


def _heading_end(lines: list[tuple[int, str]]) -> tuple[int, str] | None:
    """Return the line and marker token ending a part's bracketed heading."""
    content = [(line, text.strip()) for line, text in lines if text.strip()]
    if not content or not content[0][1].startswith("[From"):
        return None
    for line, text in content:
        match = _PART_HEADING_END.search(text)
        if match is not None:
            return line, match.group(1)
    return None
