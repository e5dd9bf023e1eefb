"""The notes at the foot of the Road to Terror pages, read as one numbered sequence.

Notes are numbered from 1 in each chapter and printed in order, so a number the scan
misread (``12`` for 22, ``ro`` for 20, ``5"`` for 52) can be told from its neighbours:
the reading that continues the run wins, and the number as printed is kept beside it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from chronology.importers.road_to_terror.pages import (
    Note,
    damaged_footnote_start,
    footnote_start,
    is_running_header,
    join_hyphenated,
    read_heading,
    repair_number,
)

# Digits the scan prints for one another, seen in this edition's note numbers and markers.
_PAIRS = ("12", "17", "15", "38", "35", "56", "59")
_CONFUSED = {digit: "".join(pair.replace(digit, "", 1) for pair in _PAIRS if digit in pair) for digit in "0123456789"}
# How a step from one note to the next is scored: the next number, a gap (notes the scan
# lost), a new chapter, anything else; and what reading a number otherwise than printed costs.
# A break costs more than two misreadings, so a run of misread numbers is mended as a run.
_NEXT, _GAP, _RESTART, _BREAK = 6, 2, 2, -12
_MISREAD = 5
_GAP_WIDTH = 20
_RESTART_MAX = 5
# A reading that a title's marker a page or so before confirms earns this much.
_CONFIRMED = 4
_MARKER_REACH = 130
_SKIP = 8  # the cost of leaving a line that looks like a note outside the sequence
_STATES = 40


def variants(number: int) -> set[int]:
    """Return the numbers a printed note number may be a misreading of (one digit changed)."""
    text = str(number)
    found: set[int] = set()
    for position, digit in enumerate(text):
        for other in _CONFUSED.get(digit, ""):
            candidate = text[:position] + other + text[position + 1 :]
            if not candidate.startswith("0"):
                found.add(int(candidate))
    if len(text) == 1:
        # A dropped tens digit: "5" for 15 or 25 is common at the foot of a long chapter.
        found |= {10 + number, 20 + number}
    found.discard(number)
    return found


def collect_notes(lines: list[str]) -> tuple[list[Note], set[int]]:
    """Find every note in the text; return them and the 0-based indexes they occupy."""
    notes: list[Note] = []
    occupied: set[int] = set()
    index = 0
    due: int | None = None  # the number a note opening right here would carry
    while index < len(lines):
        opened = _open(lines[index], due)
        if opened is None:
            due = None
            index += 1
            continue
        number, first, printed = opened
        parts = [first]
        occupied.add(index)
        end = index + 1
        # A note runs on until a blank line, the next note or the next page's first line,
        # which the OCR marks with a leading space.
        while end < len(lines):
            following = lines[end]
            if (
                not following.strip()
                or following.startswith(" ")
                or _open(following, number + 1) is not None
                or read_heading(following) is not None
                or is_running_header(following)
            ):
                break
            parts.append(following.strip())
            occupied.add(end)
            end += 1
        notes.extend(_split_run_on(Note(number, join_hyphenated(parts), index + 1, end, printed)))
        due = notes[-1].number + 1
        index = end
    return notes, occupied


def _open(text: str, due: int | None) -> tuple[int, str, str | None] | None:
    """Read a line that opens a note: by its citation, or by carrying the number due."""
    opened = footnote_start(text)
    if opened is not None:
        return opened[0], opened[1], None
    damaged = damaged_footnote_start(text)
    if damaged is not None:
        digit, body, units = damaged
        stripped = text.strip()
        # As printed: the digit and its mark ('5"'), or the mark and the digit ('" 5').
        printed = stripped[: stripped.index(str(digit)) + 1] if units else stripped[:2]
        # One digit survives; the sequence supplies the other (see renumber).
        return (digit if units else digit * 10), body, printed
    if due is None:
        return None
    loose = footnote_start(text, loose=True)
    if loose is not None and (loose[0] == due or due in variants(loose[0])):
        return loose[0], loose[1], None
    return None


# A run-on note starts after the full stop of the one before, and with a word, not a folio.
_RUN_ON = re.compile(r"(?<=[.)])\s+([0-9oOlIirtzZjqsSbgB]{1,2})\s?\.\s+(?=[A-Z\"“'])")


def _split_run_on(note: Note) -> list[Note]:
    """Split notes the scan ran together on one line ("...d. 186. 54. Larina, ...")."""
    for match in _RUN_ON.finditer(note.text):
        number = repair_number(match.group(1), letters_only=True)
        due = note.number + 1
        if number is None or not (number == due or due in variants(number)):
            continue
        head = note.text[: match.start()].strip()
        tail = note.text[match.end() :].strip()
        if not head or not tail:
            continue
        first = replace(note, text=head)
        rest = Note(number, tail, note.line, note.last_line)
        return [first, *_split_run_on(rest)]
    return [note]


def _candidates(note: Note) -> list[tuple[int, int]]:
    """Return (number, cost) readings of a note's number."""
    if note.printed is not None and not note.printed[:1].isdigit():
        # The tens digit was lost ('" 5') or a mark stands before a lone digit: any number ending in it.
        return [(tens + note.number, _MISREAD + (tens == 0)) for tens in range(0, 200, 10)]
    if note.printed is not None and note.number % 10 == 0 and note.number >= 10:
        tens = note.number
        return [(tens + units, _MISREAD) for units in range(10)]
    return [(note.number, 0), *((other, _MISREAD) for other in sorted(variants(note.number)))]


def _step(previous: int, number: int) -> int:
    if number == previous + 1:
        return _NEXT
    if previous + 1 < number <= previous + _GAP_WIDTH:
        return _GAP
    if number <= _RESTART_MAX and number < previous:
        return _RESTART
    return _BREAK


def _supported(note: Note, number: int, markers: Sequence[tuple[int, int | None]]) -> bool:
    """Tell whether a marker printed shortly before the note (a title's or the text's) has this number."""
    return any(marker == number and 0 <= note.line - line <= _MARKER_REACH for line, marker in markers)


def renumber(notes: list[Note], markers: Sequence[tuple[int, int | None]] = ()) -> list[Note]:
    """Correct misread note numbers so the notes run in sequence; keep what was printed.

    `markers` are (line, number) of the note markers after document titles (None where not
    read as digits): a reading that the nearest title before the note confirms is preferred.
    A line that only looks like a note (an item of a numbered list) may stand outside the
    sequence, at a cost, and keeps its number.
    """
    ordered = sorted(notes, key=lambda note: note.line)
    # states: the last number of the sequence -> best score; steps[i]: how each state was reached.
    states: dict[int, int] = {0: 0}
    steps: list[dict[int, tuple[int, int | None]]] = []
    for note in ordered:
        reached: dict[int, tuple[int, tuple[int, int | None]]] = {}
        readings = [
            (number, cost - (_CONFIRMED if _supported(note, number, markers) else 0))
            for number, cost in _candidates(note)
        ]
        for last, score in states.items():
            _better(reached, last, score - _SKIP, (last, None))
            for number, cost in readings:
                _better(reached, number, score + _step(last, number) - cost, (last, number))
        kept = sorted(reached.items(), key=lambda item: -item[1][0])[:_STATES]
        states = {state: score for state, (score, _) in kept}
        steps.append({state: link for state, (_, link) in kept})
    state = max(states, key=lambda key: states[key])
    chosen: list[int | None] = []
    for links in reversed(steps):
        state, reading = links[state]
        chosen.append(reading)
    chosen.reverse()
    result: list[Note] = []
    for note, read in zip(ordered, chosen, strict=True):
        if read is None:
            result.append(replace(note, in_sequence=False))
        elif read == note.number:
            result.append(note)
        else:
            result.append(replace(note, number=read, printed=note.printed or str(note.number)))
    return result


def _better(
    reached: dict[int, tuple[int, tuple[int, int | None]]],
    state: int,
    score: int,
    link: tuple[int, int | None],
) -> None:
    if state not in reached or score > reached[state][0]:
        reached[state] = (score, link)
