"""Printed replies linked to what they answer, with the evidence as provenance.

Three kinds of evidence, strongest first: the reply cites the incoming document's number
("your No. 1132/sh") → certain; reply and incoming are kept in the same file of the same
fond and inventory, on the same or a neighbouring folio, and go back from the addressees to
the authors → certain; the reply is the next document from the addressees back to the
authors, within a few days → probable.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from chronology.archives.reference import ArchivalReference
from chronology.importers.correspondence.replies import REPLY_KEY_PREFIX
from chronology.importers.reading.keys import surname
from chronology.importers.records import Document, Link, PartyRole, ReviewItem

# Folios this close are one sheet or its neighbour: the edition files a reply beside the letter.
ADJACENT_FOLIOS = 2
# An answer by cipher or courier came within days; later, the next letter back is a new matter.
FEW_DAYS = 3
_CITED = re.compile(
    r"\b(?:to\s+)?your\s+(?:(?:cipher\s+)?telegram\s+|cipher\s+|letter\s+)?(?:No|Nr|N|#)\s*\.?\s*"
    r"(?P<number>\d+(?:\s*/\s*[A-Za-zа-яш]+)?)",
    re.I,
)
_FIRST_NUMBER = re.compile(r"\d+")


@dataclass(frozen=True)
class _Evidence:
    certainty: str
    rank: int  # lower is stronger
    said: str


def cited_number(body: str) -> str | None:
    """Return the incoming number a reply cites ("your No. 37/sh"), normalised, or None."""
    m = _CITED.search(body)
    return _plain_number(m["number"]) if m else None


def _plain_number(number: str) -> str:
    return re.sub(r"\s+", "", number).lower()


def _numbers(doc: Document) -> set[str]:
    sent = doc.transmission
    if sent is None:
        return set()
    printed = (sent.incoming_number, sent.outgoing_number, sent.secretary_number)
    plain = {_plain_number(re.sub(r"^(?:No|Nr|N)\.?\s*", "", n, flags=re.I)) for n in printed if n}
    return {n for n in plain if n}


def _people(doc: Document, role: PartyRole) -> set[str]:
    return {surname(p.name).lower() for p in doc.parties if p.role is role and not p.is_body}


def _goes_back(reply: Document, incoming: Document) -> bool:
    """Tell whether REPLY goes from INCOMING's addressees back to (some of) its authors."""
    authors, addressees = _people(reply, PartyRole.AUTHOR), _people(reply, PartyRole.RECIPIENT)
    return (
        bool(authors and addressees)
        and authors <= _people(incoming, PartyRole.RECIPIENT)
        and (addressees <= _people(incoming, PartyRole.AUTHOR))
    )


def _leaves(reference: ArchivalReference) -> tuple[tuple[str, str | None, str | None], int, int] | None:
    read = reference.likely or reference
    if not read.folios:
        return None
    first, last = (
        _FIRST_NUMBER.search(read.folios[0].start),
        _FIRST_NUMBER.search(read.folios[-1].end or read.folios[-1].start),
    )
    if first is None or last is None:
        return None
    return (read.fond, read.opis, read.delo), int(first[0]), int(last[0])


def _same_sheet(reply: Document, incoming: Document) -> str | None:
    """Return where both are kept when they share a file and lie on the same or neighbouring folios."""
    for mine in reply.copies:
        here = _leaves(mine.reference)
        for theirs in incoming.copies:
            there = _leaves(theirs.reference)
            if here is None or there is None or here[0] != there[0]:
                continue
            gap = max(here[1], there[1]) - min(here[2], there[2])
            if gap <= ADJACENT_FOLIOS:
                return (
                    f"{(mine.reference.likely or mine.reference).normalised()} beside {theirs.reference.normalised()}"
                )
    return None


def _days(reply: Document, incoming: Document) -> int | None:
    if reply.date is None or incoming.date is None:
        return None
    return (reply.date.lower - incoming.date.lower).days


def _evidence(documents: list[Document], at: int, of: int) -> _Evidence | None:
    reply, incoming = documents[at], documents[of]
    if not _goes_back(reply, incoming):
        return None
    number = cited_number(reply.body)
    if number is not None and number in _numbers(incoming):
        return _Evidence("certain", 0, f"the reply cites the incoming number {number}")
    days = _days(reply, incoming)
    # Without a cited number only the dates, then the edition's order, say which one answers.
    if (days is not None and days < 0) or ((days is None or days == 0) and of > at):
        return None
    sheet = _same_sheet(reply, incoming)
    if sheet is not None:
        return _Evidence("certain", 1, f"kept on the same sheet or the next: {sheet}")
    between = documents[of + 1 : at]
    if of < at and days is not None and days <= FEW_DAYS and not any(_goes_back(d, incoming) for d in between):
        return _Evidence(
            "probable", 2, f"the next document from the addressees back to the authors, {days} day(s) later"
        )
    return None


def link_replies(everything: list[Document]) -> tuple[list[Link], list[ReviewItem]]:
    """Link each printed reply to the one document it most surely answers; flag a reply dated before it."""
    # Replies the notes tell of are linked by their notes; articles answer nobody.
    documents = [d for d in everything if d.kind != "article" and not d.key.startswith(REPLY_KEY_PREFIX)]
    links: list[Link] = []
    review: list[ReviewItem] = []
    answered: set[tuple[str, str]] = set()
    for at, reply in enumerate(documents):
        found = [
            (evidence, of)
            for of in range(len(documents))
            if of != at and (evidence := _evidence(documents, at, of)) is not None
        ]
        if not found:
            continue
        # The strongest evidence; among equals, the nearest in the edition's order.
        evidence, of = min(found, key=lambda pair: (pair[0].rank, abs(at - pair[1])))
        incoming = documents[of]
        if (reply.key, incoming.key) in answered or (incoming.key, reply.key) in answered:
            continue
        answered.add((reply.key, incoming.key))
        links.append(
            Link(
                "replies_to",
                reply.key,
                incoming.key,
                evidence.certainty,
                f"printed reply at line {reply.line} to the document at line {incoming.line}",
                evidence.said,
                reply.line,
            )
        )
        days = _days(reply, incoming)
        if days is not None and days < 0:
            review.append(
                ReviewItem(
                    reply.line,
                    f"reply dated {-days} day(s) before the document it answers (line {incoming.line}): "
                    "one of the dates is probably misread",
                    reply.title,
                    record=reply.key,
                    kind="date",
                )
            )
    return links, review


_STRENGTH = {"certain": 0, "probable": 1, "possible": 2}


def merge_links(from_notes: list[Link], printed: list[Link]) -> list[Link]:
    """Return the links with one per (type, source, target): the surest; on a tie, the note's."""
    kept: dict[tuple[str, str, str], Link] = {}
    for link in [*from_notes, *printed]:
        key = (link.type, link.source_key, link.target_key)
        known = kept.get(key)
        if known is None or _STRENGTH.get(link.certainty, 3) < _STRENGTH.get(known.certainty, 3):
            kept[key] = link
    return list(kept.values())
