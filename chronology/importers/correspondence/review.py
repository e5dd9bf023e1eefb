"""Checks that put doubtful readings before a human: misprinted references and dates."""

from __future__ import annotations

import datetime

from chronology.archives.misprints import likely_reading
from chronology.archives.reference import ArchivalReference
from chronology.dates.fuzzy import FuzzyDate
from chronology.importers.reading.letters import MONTHS, LetterFacts
from chronology.importers.records import Copy, Document, ReviewItem

# A cipher is deciphered within hours; a month's gap means a misprinted date.
_LONGEST_TRANSIT = datetime.timedelta(days=31)


def copy_misprints(copies: list[Copy], line: int) -> list[ReviewItem]:
    """List the copies whose reference the archives module reads as a misprint."""
    items = []
    for copy in copies:
        likely = copy.reference.likely
        if likely is not None:
            reason = copy.reference.note or "archival reference probably misprinted"
            items.append(ReviewItem(line, reason, copy.reference.verbatim, likely.normalised()))
    return items


_LEVELS = ("fond", "opis", "delo")
_LABELS = {"fond": "F.", "opis": "Op.", "delo": "D."}


def check_neighbours(documents: list[Document], review: list[ReviewItem]) -> None:
    """Flag a fond, inventory or file that misprints the one its neighbours cite with all else the same."""
    firsts = [d.copies[0].reference if d.copies else None for d in documents]
    usable = [r if r is not None and r.likely is None and not r.unread else None for r in firsts]
    for index, reference in enumerate(usable):
        if reference is None:
            continue
        neighbours = [usable[j] for j in (index - 1, index + 1) if 0 <= j < len(usable)]
        for level in _LEVELS:
            found = _neighbours_reading(reference, [n for n in neighbours if n is not None], level)
            if found is None:
                continue
            label = _LABELS[level]
            review.append(
                ReviewItem(
                    documents[index].line,
                    f"{label} {getattr(reference, level)} among neighbours citing {label} {found[0]} with all else "
                    f"the same: probably a misprint ({found[1]})",
                    reference.verbatim,
                    f"{label} {found[0]}",
                )
            )
            break


def _neighbours_reading(
    reference: ArchivalReference, neighbours: list[ArchivalReference], level: str
) -> tuple[str, str] | None:
    value = getattr(reference, level)
    rest = [other for other in _LEVELS if other != level]
    alike = [n for n in neighbours if all(getattr(n, other) == getattr(reference, other) for other in rest)]
    differing = [n for n in alike if getattr(n, level) not in (None, value)]
    # The neighbours on both sides must agree on the other value: one neighbour against one
    # document cannot say which of the two is misprinted.
    if value is None or len(differing) != 2 or len({getattr(n, level) for n in differing}) != 1:
        return None
    found = likely_reading(value, {getattr(n, level) for n in differing})
    if found is None or level != "delo":
        return found
    # Files differ between neighbours often: a file is misprinted only when its folios run between theirs.
    folios = [_first_folio(n) for n in differing]
    own = _first_folio(reference)
    if len(differing) != 2 or own is None or None in folios:
        return None
    low, high = min(f for f in folios if f is not None), max(f for f in folios if f is not None)
    return found if low <= own <= high else None


def _first_folio(reference: ArchivalReference) -> int | None:
    if not reference.folios or not reference.folios[0].start.isdigit():
        return None
    return int(reference.folios[0].start)


def check_received(facts: LetterFacts, date: FuzzyDate | None, review: list[ReviewItem]) -> None:
    """Flag a received date before the sending or long after it, with the likely reading."""
    sent = facts.sent_date or date
    received = facts.received_date
    if sent is None or received is None or facts.received is None:
        return
    gap = received.lower - sent.lower
    if datetime.timedelta(0) <= gap <= _LONGEST_TRANSIT:
        return
    day = received.lower.day
    month, year = sent.lower.month, sent.lower.year
    if day < sent.lower.day:
        month, year = (1, year + 1) if month == 12 else (month + 1, year)
    suggestion = f"{MONTHS[month - 1]} {day}, {year}"
    review.append(
        ReviewItem(
            facts.received_line or 0,
            f"received {received.lower.isoformat()} but sent {sent.lower.isoformat()}: "
            "the received date is probably misprinted",
            facts.received,
            suggestion,
        )
    )
