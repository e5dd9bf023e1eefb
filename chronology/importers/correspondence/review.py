"""Checks that put doubtful readings before a human: misprinted references and dates."""

from __future__ import annotations

import datetime

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


def check_neighbour_fonds(documents: list[Document], review: list[ReviewItem]) -> None:
    """Flag a fond that differs by one digit from neighbours citing the same opis and delo."""
    firsts = [d.copies[0].reference if d.copies else None for d in documents]
    for index, reference in enumerate(firsts):
        if reference is None or reference.likely is not None:
            continue
        neighbours = [firsts[j] for j in (index - 1, index + 1) if 0 <= j < len(firsts)]
        for other in neighbours:
            if other is None or other.likely is not None:
                continue
            if (other.opis, other.delo) != (reference.opis, reference.delo):
                continue
            if _one_digit_apart(other.fond, reference.fond):
                review.append(
                    ReviewItem(
                        documents[index].line,
                        f"fond {reference.fond} among neighbours in fond {other.fond} "
                        "with the same opis and delo: probably a misprint",
                        reference.verbatim,
                        f"F. {other.fond}",
                    )
                )
                break


def _one_digit_apart(a: str, b: str) -> bool:
    return len(a) == len(b) and a != b and sum(x != y for x, y in zip(a, b, strict=True)) == 1


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
