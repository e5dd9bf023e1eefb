"""What the edition's other notes say about a document's file: the same file under another inventory, a run of files.

The editors cite many files twice: once in the note of the document taken from it, once in a
note to their own narrative. Where the two disagree about the inventory and the document's
inventory is not one its fond is known to have, the other note's inventory is offered as the
likely reading, the printed one kept. Where a document's own note is lost and the narrative
that introduces it cites a run of files (`d. 327-29`) in which the document printed with it is
kept, the run is given as an inferred source.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import replace

from chronology.archives.folios import read_folios
from chronology.archives.reference import ArchivalReference
from chronology.archives.repositories import inventories
from chronology.importers.records import Copy, ParsedSource, ReviewItem
from chronology.importers.road_to_terror.assign import NOTE_AFTER, NOTE_BEFORE
from chronology.importers.road_to_terror.groups import INFERRED, cited_file, inferred_reference
from chronology.importers.road_to_terror.pages import Note
from chronology.importers.road_to_terror.sources import note_references

_ELSEWHERE = 0.7  # trust left in a reference whose inventory another note contradicts
_RUN_CONFIDENCE = 0.4  # a run of files, not one, and inferred from the narrative
_RUN_TAIL = re.compile(r"\s*[-–—]\s*(?P<end>[0-9A-Za-z~]{1,4})(?=[\s,.;)]|$)")


def check_inventories(parsed: ParsedSource, notes: list[Note]) -> None:
    """Offer the inventory other notes cite a file under, where the one printed is not the fond's; review it."""
    cited: dict[tuple[str | None, str, str], list[tuple[str, int]]] = {}
    for note in notes:
        for _, _, reference in note_references(note.text):
            if reference.delo is not None and reference.opis is not None:
                key = (reference.repository, reference.fond, reference.delo)
                cited.setdefault(key, []).append((reference.opis, note.line))
    for document in parsed.documents:
        for index, copy in enumerate(document.copies):
            reference = copy.reference
            known = inventories(reference.repository, reference.fond)
            if reference.delo is None or reference.likely is not None or not known or reference.opis in known:
                continue
            elsewhere = cited.get((reference.repository, reference.fond, reference.delo), [])
            others = {opis for opis, _ in elsewhere if opis in known}
            if len(others) != 1:
                continue
            opis = others.pop()
            lines = [str(line) for other, line in elsewhere if other == opis]
            where = f"the note at line {lines[0]}" if len(lines) == 1 else f"the notes at lines {', '.join(lines)}"
            reason = (
                f"Op. {reference.opis} is not an inventory of f. {reference.fond} these editions cite; {where}"
                f" cite f. {reference.fond}, d. {reference.delo} under op. {opis}, probably the right reading"
            )
            likely = replace(reference, opis=opis, likely=None, doubtful=True, note=f"conjectural reading: {reason}")
            flagged = replace(
                reference,
                doubtful=True,
                likely=likely,
                confidence=round(reference.confidence * _ELSEWHERE, 3),
                note="; ".join(part for part in (reference.note, reason) if part),
            )
            document.copies[index] = replace(copy, reference=flagged)
            parsed.review.append(
                ReviewItem(document.line, reason, reference.verbatim or reference.normalised(), likely.normalised())
            )


def infer_from_narrative_runs(parsed: ParsedSource, notes: list[Note], used: set[int]) -> None:
    """Give a document whose note is lost the run of files the narrative introducing it cites, as inferred.

    Only where the document just before it is cited from a file inside that run, and the note
    naming the run belongs to no document and stands on the pages of the two documents.
    """
    documents = parsed.documents
    for previous, document in itertools.pairwise(documents):
        if document.copies or document.published_source or document.footnotes:
            continue
        own = cited_file(previous)
        if own is None or own.delo is None or not own.delo.isdigit():
            continue
        for note in notes:
            if note.line in used or not previous.line - NOTE_BEFORE <= note.line <= document.line + NOTE_AFTER:
                continue
            found = _run(note, own)
            if found is None:
                continue
            run, low, high = found
            reason = (
                f"{INFERRED}: the document's own note is lost; the editors' note {note.number} (line {note.line}),"
                f" to the narrative that introduces it, cites the run of files d. {low}–{high} of"
                f" f. {run.fond}, op. {run.opis}, and document {previous.key.removeprefix('rtt:')}, printed just"
                f" before it, is cited from d. {own.delo} of that run; which file of the run, and the folios, not known"
            )
            reference = inferred_reference(run, _RUN_CONFIDENCE, reason)
            document.copies.append(Copy(reference=reference, form="", note=reason))
            parsed.review.append(ReviewItem(document.line, reason, document.title, reference.normalised()))
            break


def _run(note: Note, own: ArchivalReference) -> tuple[ArchivalReference, str, str] | None:
    """Return a reference to a run of files in a note, with its first and last file, if it holds `own`."""
    for _, end, reference in note_references(note.text):
        if (reference.repository, reference.fond, reference.opis) != (own.repository, own.fond, own.opis):
            continue
        tail = _RUN_TAIL.match(note.text, end)
        if reference.delo is None or tail is None:
            continue
        printed = next((r.as_printed for r in reference.repairs if r.level == "delo"), reference.delo)
        [span], _ = read_folios(f"{printed}-{tail.group('end')}")
        if span.end is None or not span.end.isdigit() or not span.start.isdigit():
            continue
        low, high = span.start, span.end
        if not int(low) <= int(own.delo or 0) <= int(high):
            continue
        verbatim = note.text[note.text.find(reference.verbatim) : tail.end()] if reference.verbatim in note.text else ""
        run = replace(reference, delo=f"{low}–{high}", folios=(), verbatim=verbatim or reference.verbatim)
        return run, low, high
    return None
