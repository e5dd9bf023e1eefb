"""Read an edition's notes into decisions, votes, replies, publications and annotations.

The notes are where the edition states what led to what: "on the same day the PB approved",
"on the encryption marks about the vote", "Stalin agreed", "published in Pravda". Each record
made here cites its note as provenance; its summary is our own wording, never the note's.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field

from chronology.archives.parsing import find_references
from chronology.archives.reference import ArchivalReference
from chronology.dates.fuzzy import FuzzyDate, find_dates, from_bounds
from chronology.importers.correspondence import replies
from chronology.importers.correspondence.facts import annotation_for, published_in, votes_in
from chronology.importers.reading.keys import surname
from chronology.importers.reading.sentences import quoted_spans, sentences
from chronology.importers.reading.tallies import read_tally
from chronology.importers.records import (
    Decision,
    Document,
    Footnote,
    Link,
    ParsedSource,
    Party,
    PartyRole,
    ReviewItem,
    Vote,
)

_BODY = (
    r"PB|Politburo|Council of People's Commissars(?: of the USSR)?|SNK|Orgburo|Secretariat|"
    r"Central Committee"
)
_ACTIVE = re.compile(
    rf"\b(?P<body>{_BODY})\s+(?P<verb>considered|approved|accepted|agreed|allowed|decided|adopted|"
    r"rejected|refused|postponed|deferred|issued|made a decision|confirmed|permitted|granted)\b"
)
_PASSIVE = re.compile(r"\b(?:decision|resolution) of the (?P<body>PB|Politburo|SNK)\b|\b(?P<body2>PB) decision\b")
_FORMALISED = re.compile(r"formali[sz]ed\s+(?:as|by)\b")
_OUTCOME_AFTER = re.compile(r"\band\s+(approved|agreed|accepted|adopted|rejected|refused|postponed)\b")
_CHANGES = re.compile(r"with (?:amendments|changes|corrections)|amended", re.I)
_EXPLICIT = re.compile(
    r"\b(?:this|these|corresponding|on this issue|his proposals?|proposals of|measures he|"
    r"at the suggestion|telegram)\b",
    re.I,
)
_PROPOSED = re.compile(r"propos", re.I)
_SAME_DAY = re.compile(r"\b(?:the )?same day\b", re.I)
_NEXT_DAY = re.compile(r"\b(?:the )?next day\b", re.I)
_REPLY = re.compile(
    r"\bStalin(?:'s|’s)?\s+(?:replied|agreed|answered|consent(?:ed)?|reply|answer)\b|"
    r"\babout Stalin(?:'s|’s) consent\b"
)
_BODY_NAMES = {"PB": "Politburo", "Politburo": "Politburo", "SNK": "Council of People's Commissars"}
_OUTCOMES = {
    "rejected": "rejected",
    "refused": "rejected",
    "postponed": "postponed",
    "deferred": "postponed",
}


@dataclass
class _Context:
    """What reading one document's notes has established so far."""

    doc: Document
    documents: list[Document]
    result: ParsedSource
    previous: ArchivalReference | None
    last_date: FuzzyDate | None = None
    decisions: list[tuple[Decision, bool]] = field(default_factory=list)  # (decision, mentioned only)


def read_notes(result: ParsedSource, *, source_name: str) -> None:
    """Turn every document's notes into records, appending them to `result`."""
    documents = list(result.documents)
    for doc in documents:
        previous = doc.copies[0].reference if doc.copies else None
        context = _Context(doc, documents, result, previous)
        votes: list[tuple[Footnote, list[tuple[str, str, str]]]] = []
        for note in doc.footnotes:
            _read_note(note, context, source_name)
            found = votes_in(note.text)
            if found:
                votes.append((note, found))
        if votes:
            _attach_votes(votes, context)


def _provenance(note: Footnote, doc: Document) -> str:
    return f"footnote {note.number}, {doc.key}"


def _doc_label(doc: Document) -> str:
    authors = [surname(p.name) for p in doc.parties if p.role is PartyRole.AUTHOR]
    who = " and ".join(authors) or "an unknown author"
    when = doc.date.display() if doc.date else "undated"
    return f"{who}'s {doc.kind.replace('_', ' ')} of {when}"


def _read_note(note: Footnote, context: _Context, source_name: str) -> None:
    text = note.text
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
    if references:
        context.previous = references[-1][2]
    quotes = quoted_spans(text)
    mentions = _mentions(text, quotes)
    for start, end in sentences(text):
        sentence = text[start:end]
        dates = [
            (start + s, d) for s, _, d in find_dates(sentence, default_year=year) if not _inside(start + s, quotes)
        ]
        for index, (position, body, verb) in enumerate(mentions):
            if not start <= position < end:
                continue
            until = mentions[index + 1][0] if index + 1 < len(mentions) else len(text)
            stated = next((r for s, _, r in references if position <= s < until), None)
            statement = _Statement(note, sentence, start, dates, position)
            _decision(statement, body, verb, stated, context)
        refs = [(s, r) for s, _, r in references if start <= s < end]
        _reply_in(note, sentence, start, dates, refs, context)
        _publication_in(note, sentence, start, dates, context)
        annotation = annotation_for(sentence, note.line)
        if annotation is not None:
            context.doc.annotations.append(annotation)
        if dates:
            context.last_date = dates[-1][1]
    del source_name


def _mentions(text: str, quotes: list[tuple[int, int]]) -> list[tuple[int, str, str | None]]:
    """Find where a note names a body deciding, outside quotations, in order."""
    found: list[tuple[int, str, str | None]] = [(m.start(), m["body"], m["verb"]) for m in _ACTIVE.finditer(text)]
    for m in _PASSIVE.finditer(text):
        if not any(abs(m.start() - p) < 40 for p, _, _ in found):
            found.append((m.start(), m["body"] or m["body2"], None))
    return sorted(f for f in found if not _inside(f[0], quotes))


@dataclass(frozen=True)
class _Statement:
    """One statement of a note: its sentence, where it starts, its dates, where it is made."""

    note: Footnote
    sentence: str
    start: int
    dates: list[tuple[int, FuzzyDate]]
    position: int


def _inside(position: int, spans: list[tuple[int, int]]) -> bool:
    return any(a <= position < b for a, b in spans)


def _date_for(
    position: int,
    sentence_start: int,
    sentence: str,
    dates: list[tuple[int, FuzzyDate]],
    context: _Context,
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
    fine = [(s, d) for s, d in dates if d.precision != "year"]
    before = [d for s, d in fine if s < position]
    after = [d for s, d in fine if s >= position]
    return before[-1] if before else (after[0] if after else None)


def _decision(
    statement: _Statement,
    body: str,
    verb: str | None,
    reference: ArchivalReference | None,
    context: _Context,
) -> None:
    sentence, start, position = statement.sentence, statement.start, statement.position
    tail = sentence[position - start :]
    outcome = _OUTCOMES.get(verb or "", "approved")
    if verb == "considered" and (m := _OUTCOME_AFTER.search(tail)):
        outcome = _OUTCOMES.get(m[1], "approved")
    if outcome == "approved" and _CHANGES.search(tail):
        outcome = "approved_with_changes"
    date = _date_for(position, start, sentence, statement.dates, context)
    procedure = "poll" if re.search(r"\bpoll\b", sentence) else "meeting"
    formalised = bool(_FORMALISED.search(sentence[: position - start]))
    _record_decision(statement.note, body, date, procedure, outcome, reference, sentence, formalised, context)


def _record_decision(
    note: Footnote,
    printed_body: str,
    date: FuzzyDate | None,
    procedure: str,
    outcome: str,
    reference: ArchivalReference | None,
    sentence: str,
    formalised: bool,
    context: _Context,
) -> None:
    doc = context.doc
    body = _BODY_NAMES.get(printed_body, printed_body)
    body = "Council of People's Commissars" if body.startswith("Council of People") else body
    edtf = date.edtf if date else "undated"
    anchor = reference.normalised() if reference else f"{doc.key}/note{note.number}"
    key = f"{body.lower().replace(' ', '-')}:{edtf}:{anchor}"
    existing = next((d for d in context.result.decisions if d.key == key), None)
    when = date.display() if date else "an unstated date"
    before = date is not None and doc.date is not None and date.upper < doc.date.lower
    if existing is None:
        existing = Decision(
            key=key,
            body=body,
            date=date,
            procedure=procedure,
            outcome=outcome,
            title=f"{body} decision of {when}",
            line=note.line,
            reference=reference,
            special_file=reference is not None and reference.fond == "17" and reference.opis == "162",
            summary=_summary(body, outcome, doc, formalised, before),
        )
        context.result.decisions.append(existing)
    tally = read_tally(sentence, source=_provenance(note, doc), line=note.line, document_key=doc.key)
    if tally is not None and tally not in existing.tallies:
        existing.tallies.append(tally)
    context.decisions.append((existing, before))
    if formalised:
        link_type, certainty = "formalised_as", "certain"
        summary = f"{_doc_label(doc)} issued as a {body} decision of {when}"
    elif before:
        link_type, certainty = "mentions", "probable"
        summary = f"earlier {body} decision of {when} bearing on {_doc_label(doc)}"
    else:
        link_type = "proposes" if _PROPOSED.search(sentence) else "decided_by"
        certainty = "certain" if _EXPLICIT.search(sentence) else "probable"
        summary = f"{_doc_label(doc)} settled by the {body} on {when}"
    context.result.links.append(
        Link(link_type, doc.key, existing.key, certainty, _provenance(note, doc), summary, note.line)
    )


def _summary(body: str, outcome: str, doc: Document, formalised: bool, before: bool) -> str:
    if formalised:
        return f"{body} gave {_doc_label(doc)} the force of its decision"
    if before:
        return f"{body} decision cited in the notes to {_doc_label(doc)}"
    verb = {
        "approved": "approved",
        "approved_with_changes": "approved with changes",
        "rejected": "turned down",
        "postponed": "put off",
    }.get(outcome, outcome)
    return f"{body} {verb} what {_doc_label(doc)} put forward"


def _reply_in(
    note: Footnote,
    sentence: str,
    start: int,
    dates: list[tuple[int, FuzzyDate]],
    refs: list[tuple[int, ArchivalReference]],
    context: _Context,
) -> None:
    m = _REPLY.search(sentence)
    if m is None or re.search(r"resolution|wrote his answer|note of his consent", sentence):
        return
    doc = context.doc
    if any(p.role is PartyRole.AUTHOR and surname(p.name) == "Stalin" for p in doc.parties):
        return
    date = _date_for(start + m.start(), start, sentence, dates, context)
    if date is None:  # "Stalin agreed on the same day": the day is named after the verb
        date = _date_for(start + len(sentence), start, sentence, dates, context)
    reference = next((r for s, r in refs if s >= start + m.start()), None)
    own = {c.reference.normalised() for c in doc.copies}
    provenance = _provenance(note, doc)
    if reference is not None and reference.normalised() in own:
        return  # the answer is written on this very sheet: an annotation, not another document
    reply = replies.find_reply(reference, date, context.doc, context.documents)
    if reply is None and reference is not None:
        reply = _cited_reply(note, sentence, date, reference, context)
    if reply is not None:
        certainty = "certain" if reference is not None else "probable"
        summary = f"Stalin's answer to {_doc_label(doc)}"
        context.result.links.append(Link("replies_to", reply.key, doc.key, certainty, provenance, summary, note.line))
        return
    context.result.review.append(
        ReviewItem(
            note.line,
            "the edition notes Stalin's answer but neither prints it nor gives its reference",
            sentence[:160],
        )
    )


def _cited_reply(
    note: Footnote, sentence: str, date: FuzzyDate | None, reference: ArchivalReference, context: _Context
) -> Document:
    """Return the record of a reply the note cites by reference, making it on first mention."""
    doc, label = context.doc, _doc_label(context.doc)
    key = replies.reply_key(reference)
    known = next((d for d in context.result.documents if d.key == key), None)
    if known is not None:
        replies.answer_more(known, doc, label)
        return known
    reply, review = replies.reply_document(
        answered=doc, answered_label=label, sentence=sentence, line=note.line, date=date, reference=reference
    )
    context.result.documents.append(reply)
    context.result.review.extend(review)
    return reply


def _publication_in(
    note: Footnote, sentence: str, start: int, dates: list[tuple[int, FuzzyDate]], context: _Context
) -> None:
    found = published_in(sentence)
    if found is None:
        return
    paper, position = found
    date = _date_for(start + position, start, sentence, dates, context)
    doc = context.doc
    edtf = date.edtf if date else "undated"
    slug = re.sub(r"\W+", "-", paper.lower()).strip("-")
    key = f"{edtf}:{slug}:article"
    article = next((d for d in context.result.documents if d.key == key), None)
    if article is None:
        when = date.display() if date else "undated"
        article = Document(key=key, kind="article", title=f"{paper}, {when}", date=date, line=note.line)
        if paper[0].isupper():
            article.parties.append(Party(paper, PartyRole.AUTHOR, 1, True))
        context.result.documents.append(article)
    certainty = "probable" if paper[0].isupper() else "possible"
    link_type, summary = "published_as", f"matter of {_doc_label(doc)} printed in {paper}"
    if date is not None and doc.date is not None and date.upper < doc.date.lower:
        link_type, summary = "mentions", f"{_doc_label(doc)} refers to what {paper} had printed"
    context.result.links.append(
        Link(link_type, doc.key, article.key, certainty, _provenance(note, doc), summary, note.line)
    )


def _attach_votes(found: list[tuple[Footnote, list[tuple[str, str, str]]]], context: _Context) -> None:
    doc = context.doc
    decided = [d for d, mentioned in context.decisions if not mentioned]
    first_note = found[0][0]
    if decided:
        decision = decided[0]
    else:
        decision = Decision(
            key=f"politburo:{doc.date.edtf if doc.date else 'undated'}:{doc.key}/votes",
            body="Politburo",
            date=doc.date,
            procedure="poll",
            outcome="approved",
            title=f"Politburo poll on {_doc_label(doc)}",
            line=first_note.line,
            summary=f"members' votes on {_doc_label(doc)}; the edition states no decision",
        )
        context.result.decisions.append(decision)
        context.result.review.append(
            ReviewItem(
                first_note.line,
                "votes recorded but no decision stated; a poll decision was assumed",
                doc.key,
            )
        )
    decision.procedure = "poll"
    for note, votes in found:
        for person, position, recorded_in in votes:
            context.result.votes.append(Vote(decision.key, person, position, recorded_in, note.line, doc.key))
        context.result.links.append(
            Link(
                "vote_on",
                doc.key,
                decision.key,
                "certain",
                _provenance(note, doc),
                f"members voted on {_doc_label(doc)}",
                note.line,
            )
        )
