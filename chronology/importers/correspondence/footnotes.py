"""Read an edition's notes, sentence by sentence, into decisions, votes, replies, publications and annotations.

The notes are where the edition states what led to what: "on the same day the PB approved",
"on the encryption marks about the vote", "Stalin agreed", "published in Pravda". Each record
made here cites its note as provenance; its summary is our own wording, never the note's.
"""

from __future__ import annotations

from chronology.archives.parsing import find_references
from chronology.archives.unread import unread_citations
from chronology.dates.fuzzy import find_dates
from chronology.importers.correspondence.decisions import attach_votes, decision_mentions, read_decision
from chronology.importers.correspondence.facts import annotation_for, votes_in
from chronology.importers.correspondence.publications import publication_in
from chronology.importers.correspondence.replies import reply_in
from chronology.importers.correspondence.statements import NoteReading, Statement, inside
from chronology.importers.reading.sentences import quoted_spans, sentences
from chronology.importers.records import Footnote, ParsedSource, ReviewItem


def read_notes(result: ParsedSource, *, source_name: str) -> None:
    """Turn every document's notes into records, appending them to `result`."""
    documents = list(result.documents)
    for doc in documents:
        previous = doc.copies[0].reference if doc.copies else None
        context = NoteReading(doc, documents, result, previous)
        votes: list[tuple[Footnote, list[tuple[str, str, str]]]] = []
        for note in doc.footnotes:
            _read_note(note, context, source_name)
            found = votes_in(note.text)
            if found:
                votes.append((note, found))
        if votes:
            attach_votes(votes, context)


def _read_note(note: Footnote, context: NoteReading, source_name: str) -> None:
    text = note.text
    # "The same day" in this note means this note's date or its document's, never an earlier note's.
    context.last_date = None
    year = context.doc.date.lower.year if context.doc.date else None
    references = find_references(text, previous=context.previous, default_repository="RGASPI")
    for _, _, reference in references:
        if reference.likely is not None and not reference.via_ibid:
            context.result.review.append(
                ReviewItem(
                    note.line,
                    reference.note or "archival reference probably misprinted",
                    reference.verbatim,
                    reference.likely.normalised(),
                )
            )
    for start, end, unread in unread_citations(text, [(a, b) for a, b, _ in references]):
        # A citation that names an archive is kept as printed, never dropped or repaired silently.
        context.result.review.append(
            ReviewItem(
                note.line, "citation names an archive but cannot be read; kept verbatim, doubtful", unread.verbatim
            )
        )
        references.append((start, end, unread))
    references.sort(key=lambda found: found[0])
    read = [found for found in references if not found[2].unread]
    if read:
        context.previous = read[-1][2]
    quotes = quoted_spans(text)
    mentions = decision_mentions(text, quotes)
    for start, end in sentences(text):
        sentence = text[start:end]
        dates = [(start + s, d) for s, _, d in find_dates(sentence, default_year=year) if not inside(start + s, quotes)]
        for index, (position, body, verb) in enumerate(mentions):
            if not start <= position < end:
                continue
            until = mentions[index + 1][0] if index + 1 < len(mentions) else len(text)
            stated = next((r for s, _, r in references if position <= s < until), None)
            statement = Statement(note, sentence, start, dates, position)
            read_decision(statement, body, verb, stated, context)
        refs = [(s, r) for s, _, r in references if start <= s < end]
        reply_in(note, sentence, start, dates, refs, context)
        publication_in(note, sentence, start, dates, context)
        annotation = annotation_for(sentence, note.line)
        if annotation is not None:
            context.doc.annotations.append(annotation)
        if dates:
            context.last_date = dates[-1][1]
    del source_name
