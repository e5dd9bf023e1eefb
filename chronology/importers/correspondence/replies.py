"""Stalin's replies that an edition's notes tell of: linked to what they answer, records of their own if unprinted.

A note such as "Stalin agreed the same day by cipher from Sochi (Ibid. L. 20)" cites a reply
the edition does not print. The reply is still an archival document with its own reference,
so it becomes a record: kind, date, sender, addressees, place and time of sending as the note
gives them, and a summary in our words. Its key comes from the reference alone, so reading the
note's date differently never makes a second record.
"""

from __future__ import annotations

import re

from chronology.archives.reference import ArchivalReference
from chronology.dates.fuzzy import FuzzyDate
from chronology.importers.correspondence.statements import NoteReading, date_for, document_label, provenance
from chronology.importers.reading.keys import surname
from chronology.importers.records import Copy, Document, Footnote, Link, Party, PartyRole, ReviewItem, Transmission

REPLY_KEY_PREFIX = "stalin-reply:"
_CIPHER = re.compile(r"\b(?:cipher|ciphered|code|coded|encryption|encrypted|encoded)\b", re.I)
_LETTER = re.compile(r"\bletter\b", re.I)
_TELEGRAM = re.compile(r"\btelegram\b", re.I)
_REPLY = re.compile(
    r"\bStalin(?:'s|’s)?\s+(?:replied|agreed|answered|consent(?:ed)?|reply|answer)\b|"
    r"\babout Stalin(?:'s|’s) consent\b"
)
_PLACE = re.compile(r"\bfrom (?P<place>Sochi|Moscow|[A-Z][a-z]{3,})\b")
# "at 18:00. 42 min.", "at 12 noon. 48 min.", "at 11 p.m. 30 minutes", "at 24:00. 00 min"
_TIME = re.compile(
    r"\bat (?P<hour>\d{1,2})(?::(?P<colon>\d\d))?\s*(?P<half>noon|[ap]\.\s?m\.)?\.?\s*"
    r"(?:(?P<minutes>\d{1,2})\s*min(?:utes?)?\.?)?"
)


def reply_key(reference: ArchivalReference) -> str:
    """Return the natural key of a reply known by its reference: the likely reading of a misprint."""
    return REPLY_KEY_PREFIX + (reference.likely or reference).normalised()


def reply_kind(sentence: str) -> str:
    """Return the document kind a note's wording gives the reply."""
    if _CIPHER.search(sentence):
        return "cipher_telegram"
    if _LETTER.search(sentence):
        return "letter"
    if _TELEGRAM.search(sentence):
        return "telegram"
    return "cipher_telegram"  # Stalin answered from the south by cipher; the notes' usual case


def sending_time(sentence: str) -> tuple[str, str] | None:
    """Return (time as printed, `HH:MM`) for the hour a note says the reply was sent."""
    for m in _TIME.finditer(sentence):
        if m["colon"] is None and m["half"] is None and m["minutes"] is None:
            continue  # a bare "at 5" is not a time of sending
        hour = int(m["hour"])
        half = (m["half"] or "").replace(" ", "")
        if half == "p.m." and hour < 12:
            hour += 12
        elif half == "a.m." and hour == 12:
            hour = 0
        minutes = int(m["minutes"] or m["colon"] or 0)
        return m[0].strip(), f"{hour:02d}:{minutes:02d}"
    return None


def _recipients(answered: Document) -> list[str]:
    """Return who the reply was addressed to: the authors of what it answers, Stalin aside."""
    names = [p.name for p in answered.parties if p.role is PartyRole.AUTHOR and surname(p.name) != "Stalin"]
    return names or ["Kaganovich"]


def reply_document(
    *,
    answered: Document,
    answered_label: str,
    sentence: str,
    line: int,
    date: FuzzyDate | None,
    reference: ArchivalReference,
) -> tuple[Document, list[ReviewItem]]:
    """Build the record of a reply that a note cites by reference, with what to review about it."""
    recipients = _recipients(answered)
    parties = [Party("Stalin", PartyRole.AUTHOR, 1)]
    parties += [Party(name, PartyRole.RECIPIENT, i) for i, name in enumerate(recipients, start=1)]
    place = m["place"] if (m := _PLACE.search(sentence)) else None
    time = sending_time(sentence)
    transmission = None
    if date is not None or time is not None:
        transmission = Transmission(
            sent=time[0] if time else None,
            sent_date=date,
            sent_time=time[1] if time else None,
        )
    review: list[ReviewItem] = []
    if date is None:
        review.append(
            ReviewItem(line, "a note cites Stalin's reply but states no date; the reply was left undated", sentence)
        )
    document = Document(
        key=reply_key(reference),
        kind=reply_kind(sentence),
        title=f"Stalin to {', '.join(surname(n) for n in recipients)}",
        date=date,
        line=line,
        parties=parties,
        copies=[Copy(reference, "")],
        transmission=transmission,
        place=place,
        summary=f"Stalin's reply to {answered_label}, known from the edition's note; the edition does not print it",
        needs_review=date is None,
    )
    return document, review


def answer_more(reply: Document, answered: Document, answered_label: str) -> None:
    """Record that a reply already read also answers another document: add its addressees."""
    if reply.summary is not None and answered_label in reply.summary:
        return
    known = {surname(p.name) for p in reply.parties if p.role is PartyRole.RECIPIENT}
    position = sum(p.role is PartyRole.RECIPIENT for p in reply.parties)
    for name in _recipients(answered):
        if surname(name) not in known:
            position += 1
            known.add(surname(name))
            reply.parties.append(Party(name, PartyRole.RECIPIENT, position))
    reply.title = "Stalin to " + ", ".join(surname(p.name) for p in reply.parties if p.role is PartyRole.RECIPIENT)
    reply.summary = f"{reply.summary}; it also answers {answered_label}"


def find_reply(
    reference: ArchivalReference | None, date: FuzzyDate | None, answered: Document, documents: list[Document]
) -> Document | None:
    """Return the file's own document that a note names as Stalin's answer: by reference, else by date."""
    if reference is not None:
        target = reference.normalised()
        return next((d for d in documents if any(c.reference.normalised() == target for c in d.copies)), None)
    if date is None:
        return None
    authors = {surname(p.name) for p in answered.parties if p.role is PartyRole.AUTHOR}
    for other in documents:
        stalin = any(p.role is PartyRole.AUTHOR and surname(p.name) == "Stalin" for p in other.parties)
        to = {surname(p.name) for p in other.parties if p.role is PartyRole.RECIPIENT}
        if stalin and other.date is not None and other.date.edtf == date.edtf and authors & to:
            return other
    return None


def reply_in(
    note: Footnote,
    sentence: str,
    start: int,
    dates: list[tuple[int, FuzzyDate]],
    refs: list[tuple[int, ArchivalReference]],
    context: NoteReading,
) -> None:
    """Link the document to the answer a note says Stalin gave, or put the note up for review."""
    m = _REPLY.search(sentence)
    if m is None or re.search(r"resolution|wrote his answer|note of his consent", sentence):
        return
    doc = context.doc
    if any(p.role is PartyRole.AUTHOR and surname(p.name) == "Stalin" for p in doc.parties):
        return
    date = date_for(start + m.start(), start, sentence, dates, context)
    if date is None:  # "Stalin agreed on the same day": the day is named after the verb
        date = date_for(start + len(sentence), start, sentence, dates, context)
    reference = next((r for s, r in refs if s >= start + m.start()), None)
    own = {c.reference.normalised() for c in doc.copies}
    source = provenance(note, doc)
    if reference is not None and reference.normalised() in own:
        return  # the answer is written on this very sheet: an annotation, not another document
    reply = find_reply(reference, date, context.doc, context.documents)
    if reply is None and reference is not None:
        reply = _cited_reply(note, sentence, date, reference, context)
    if reply is not None:
        certainty = "certain" if reference is not None else "probable"
        summary = f"Stalin's answer to {document_label(doc)}"
        context.result.links.append(Link("replies_to", reply.key, doc.key, certainty, source, summary, note.line))
        return
    context.result.review.append(
        ReviewItem(
            note.line,
            "the edition notes Stalin's answer but neither prints it nor gives its reference",
            sentence[:160],
        )
    )


def _cited_reply(
    note: Footnote, sentence: str, date: FuzzyDate | None, reference: ArchivalReference, context: NoteReading
) -> Document:
    """Return the record of a reply the note cites by reference, making it on first mention."""
    doc, label = context.doc, document_label(context.doc)
    key = reply_key(reference)
    known = next((d for d in context.result.documents if d.key == key), None)
    if known is not None:
        answer_more(known, doc, label)
        return known
    reply, review = reply_document(
        answered=doc, answered_label=label, sentence=sentence, line=note.line, date=date, reference=reference
    )
    context.result.documents.append(reply)
    context.result.review.extend(review)
    return reply
