"""A statement in a document's notes, and what reading the notes before it has established."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field

from chronology.archives.reference import ArchivalReference
from chronology.dates.fuzzy import FuzzyDate, from_bounds
from chronology.importers.reading.keys import surname
from chronology.importers.records import Decision, Document, Footnote, ParsedSource, PartyRole

_SAME_DAY = re.compile(r"\b(?:the )?same day\b", re.I)
_NEXT_DAY = re.compile(r"\b(?:the )?next day\b", re.I)
_GOVERNED = re.compile(r"\b(?:dated|sent on|written on|received on)\s*(?:the\s+)?$", re.I)


@dataclass
class NoteReading:
    """What reading one document's notes has established so far."""

    doc: Document
    documents: list[Document]
    result: ParsedSource
    previous: ArchivalReference | None
    last_date: FuzzyDate | None = None
    decisions: list[tuple[Decision, bool]] = field(default_factory=list)  # (decision, mentioned only)


@dataclass(frozen=True)
class Statement:
    """One statement of a note: its sentence, where it starts, its dates, where it is made."""

    note: Footnote
    sentence: str
    start: int
    dates: list[tuple[int, FuzzyDate]]
    position: int


def provenance(note: Footnote, doc: Document) -> str:
    """Name the note a record comes from."""
    return f"footnote {note.number}, {doc.key}"


def document_label(doc: Document) -> str:
    """Describe a document in our words: who wrote what, and when."""
    authors = [surname(p.name) for p in doc.parties if p.role is PartyRole.AUTHOR]
    who = " and ".join(authors) or "an unknown author"
    when = doc.date.display() if doc.date else "undated"
    return f"{who}'s {doc.kind.replace('_', ' ')} of {when}"


def inside(position: int, spans: list[tuple[int, int]]) -> bool:
    """Tell whether a position falls within any of the spans."""
    return any(a <= position < b for a, b in spans)


def date_for(
    position: int,
    sentence_start: int,
    sentence: str,
    dates: list[tuple[int, FuzzyDate]],
    context: NoteReading,
) -> FuzzyDate | None:
    """Resolve the date a statement at `position` carries: before it, then after it."""
    local = sentence[: position - sentence_start]
    same = list(_SAME_DAY.finditer(local))
    if same:
        anchor = sentence_start + same[-1].start()
        earlier = [d for s, d in dates if s < anchor]
        return earlier[-1] if earlier else (context.last_date or context.doc.date)
    if _NEXT_DAY.search(local):
        base = context.last_date or context.doc.date
        if base is None:
            return None
        day = base.lower + datetime.timedelta(days=1)
        return from_bounds(day, day, "the next day")
    # "an appeal dated 3 March": the date belongs to the noun it follows, not to the decision.
    own = [(s, d) for s, d in dates if not _GOVERNED.search(sentence[: s - sentence_start])]
    fine = [(s, d) for s, d in own if d.precision != "year"]
    before = [d for s, d in fine if s < position]
    after = [d for s, d in fine if s >= position]
    return before[-1] if before else (after[0] if after else None)
